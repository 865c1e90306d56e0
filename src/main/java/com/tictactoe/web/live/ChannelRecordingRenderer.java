package com.tictactoe.web.live;

import jakarta.faces.component.UIComponent;
import jakarta.faces.component.UIWebsocket;
import jakarta.faces.context.FacesContext;
import jakarta.faces.context.ResponseWriter;
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
import java.io.StringWriter;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders {@code <f:websocket>} as Faces does, and notes in the HTTP session the channel id that
 * the page was given, with its channel's name. Faces keeps that id in its own session and view
 * scopes, which no public API reads; the one place it shows is the URL the page connects to
 * ({@code .../jakarta.faces.push/updates?<channelId>}), so it is taken from there. The next full
 * pages of the session get the same script again without Faces ({@link RenderedSocket}).
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

    /**
     * Faces' own websocket renderer listens for its component being added to the view; so does this
     * one. Faces then has every page render create a view map to track its sockets, which only Ajax
     * requests that toggle a socket's {@code connected} attribute need (none here): while the
     * session has this server's rendering of the socket, the page does without.
     */
    @Override
    public void processEvent(ComponentSystemEvent event) throws AbortProcessingException {
        FacesContext context = event.getFacesContext();
        if (!context.getPartialViewContext().isAjaxRequest() && RenderedSocket.heldBy(session(context))) {
            return;
        }
        Object target = getWrapped();
        if (target == null) {
            Object installed =
                    context.getRenderKit().getRenderer(UIWebsocket.COMPONENT_FAMILY, ChannelRecording.RENDERER_TYPE);
            target = installed instanceof ChannelRecordingRenderer renderer ? renderer.getWrapped() : installed;
        }
        if (target instanceof ComponentSystemEventListener listener && target != this) {
            listener.processEvent(event);
        }
    }

    /**
     * A full page gets the socket's start-up script as this server last rendered it for the session,
     * if it was for the same socket and user: a session-scoped channel keeps its id for the whole
     * session, and registering it again on each page cost about 8% of a lobby page (JFR). Otherwise
     * Faces renders it, and the channel id is noted in the session (the only place it shows is the
     * URL the page connects to).
     */
    @Override
    public void encodeEnd(FacesContext context, UIComponent component) throws IOException {
        HttpSession session = session(context);
        boolean fullPage = !context.getPartialViewContext().isAjaxRequest();
        String socket = fullPage && session != null ? RenderedSocket.describe(context, (UIWebsocket) component) : null;
        Optional<String> again = socket == null ? Optional.empty() : RenderedSocket.of(session, socket);
        ResponseWriter writer = context.getResponseWriter();
        if (again.isPresent()) {
            writer.write(again.get());
            return;
        }
        StringWriter rendered = new StringWriter();
        context.setResponseWriter(writer.cloneWithWriter(rendered));
        try {
            super.encodeEnd(context, component);
        } finally {
            context.setResponseWriter(writer);
        }
        String html = rendered.toString();
        writer.write(html);
        Matcher url = CHANNEL_URL.matcher(html);
        if (url.find()) {
            if (session != null) {
                IssuedChannels.issue(session, url.group(1));
                if (socket != null) {
                    RenderedSocket.keep(session, socket, html);
                }
            }
        } else if (html.contains(PushContext.URI_PREFIX)) {
            LOG.warning("A websocket was rendered without a recognizable channel URL: its handshakes will be refused");
        }
    }

    private static HttpSession session(FacesContext context) {
        return (HttpSession) context.getExternalContext().getSession(false);
    }
}
