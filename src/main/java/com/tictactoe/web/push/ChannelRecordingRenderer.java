package com.tictactoe.web.push;

import jakarta.faces.component.UIComponent;
import jakarta.faces.component.UIWebsocket;
import jakarta.faces.context.FacesContext;
import jakarta.faces.context.ResponseWriter;
import jakarta.faces.context.ResponseWriterWrapper;
import jakarta.faces.event.AbortProcessingException;
import jakarta.faces.event.ComponentSystemEvent;
import jakarta.faces.event.ComponentSystemEventListener;
import jakarta.faces.event.ListenerFor;
import jakarta.faces.event.PostAddToViewEvent;
import jakarta.faces.push.PushContext;
import jakarta.faces.render.Renderer;
import jakarta.faces.render.RendererWrapper;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders {@code <f:websocket>} as Faces does, and notes in the HTTP session the channel id that
 * the page was given, with its channel's name. Faces keeps that id in its own session and view
 * scopes, which no public API reads; the one place it shows is the URL the page connects to
 * ({@code .../jakarta.faces.push/updates?<channelId>}), so it is taken from there.
 */
@ListenerFor(systemEventClass = PostAddToViewEvent.class)
public class ChannelRecordingRenderer extends RendererWrapper implements ComponentSystemEventListener {

    private static final Logger LOG = Logger.getLogger(ChannelRecordingRenderer.class.getName());
    private static final Pattern CHANNEL_URL =
            Pattern.compile(Pattern.quote(PushContext.URI_PREFIX + "/") + "([^?'\"\\s/]+\\?[A-Za-z0-9_-]+)");

    public ChannelRecordingRenderer(Renderer<?> wrapped) {
        super(wrapped);
    }

    /**
     * For Faces' state saving, which keeps this renderer as a listener of the component by its class
     * and creates it anew when a view is restored. That instance wraps nothing and passes events on
     * to the one installed in the render kit.
     */
    public ChannelRecordingRenderer() {
        super();
    }

    /** Faces' own websocket renderer listens for its component being added to the view; so does this one. */
    @Override
    public void processEvent(ComponentSystemEvent event) throws AbortProcessingException {
        Object target = getWrapped();
        if (target == null) {
            Object installed = event.getFacesContext().getRenderKit()
                    .getRenderer(UIWebsocket.COMPONENT_FAMILY, ChannelRecording.RENDERER_TYPE);
            target = installed instanceof ChannelRecordingRenderer renderer ? renderer.getWrapped() : installed;
        }
        if (target instanceof ComponentSystemEventListener listener && target != this) {
            listener.processEvent(event);
        }
    }

    @Override
    public void encodeEnd(FacesContext context, UIComponent component) throws IOException {
        ResponseWriter writer = context.getResponseWriter();
        Recording recording = new Recording(writer);
        context.setResponseWriter(recording);
        try {
            super.encodeEnd(context, component);
        } finally {
            context.setResponseWriter(writer);
        }
        Matcher url = CHANNEL_URL.matcher(recording.written);
        if (url.find()) {
            HttpSession session = (HttpSession) context.getExternalContext().getSession(false);
            if (session != null) {
                IssuedChannels.issue(session, url.group(1));
            }
        } else if (recording.written.indexOf(PushContext.URI_PREFIX) >= 0) {
            LOG.warning("A websocket was rendered without a recognizable channel URL: its handshakes will be refused");
        }
    }

    /** Passes everything on, and keeps a copy of the text written as is (the start-up script). */
    private static final class Recording extends ResponseWriterWrapper {

        private final StringBuilder written = new StringBuilder();

        Recording(ResponseWriter wrapped) {
            super(wrapped);
        }

        @Override
        public void write(char[] text, int offset, int length) throws IOException {
            written.append(text, offset, length);
            super.write(text, offset, length);
        }

        @Override
        public void write(String text) throws IOException {
            written.append(text);
            getWrapped().write(text);
        }

        @Override
        public void write(String text, int offset, int length) throws IOException {
            written.append(text, offset, offset + length);
            getWrapped().write(text, offset, length);
        }
    }
}
