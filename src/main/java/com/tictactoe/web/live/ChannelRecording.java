package com.tictactoe.web.live;

import jakarta.faces.FactoryFinder;
import jakarta.faces.component.UIWebsocket;
import jakarta.faces.event.AbortProcessingException;
import jakarta.faces.event.SystemEvent;
import jakarta.faces.event.SystemEventListener;
import jakarta.faces.render.RenderKit;
import jakarta.faces.render.RenderKitFactory;
import jakarta.faces.render.Renderer;

/**
 * At start-up, puts {@link ChannelRecordingRenderer} in front of Faces' own renderer of
 * {@code <f:websocket>}. Registered in faces-config.xml for {@code PostConstructApplicationEvent}.
 */
public class ChannelRecording implements SystemEventListener {

    static final String RENDERER_TYPE = "jakarta.faces.Websocket";

    @Override
    public boolean isListenerForSource(Object source) {
        return true;
    }

    @Override
    public void processEvent(SystemEvent event) throws AbortProcessingException {
        RenderKitFactory factory = (RenderKitFactory) FactoryFinder.getFactory(FactoryFinder.RENDER_KIT_FACTORY);
        RenderKit kit = factory.getRenderKit(null, RenderKitFactory.HTML_BASIC_RENDER_KIT);
        Renderer<?> faces = kit.getRenderer(UIWebsocket.COMPONENT_FAMILY, RENDERER_TYPE);
        if (faces == null) {
            throw new IllegalStateException("Faces has no renderer for <f:websocket>");
        }
        if (!(faces instanceof ChannelRecordingRenderer)) {
            kit.addRenderer(UIWebsocket.COMPONENT_FAMILY, RENDERER_TYPE, new ChannelRecordingRenderer(faces));
        }
    }
}
