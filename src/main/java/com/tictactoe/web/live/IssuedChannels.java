package com.tictactoe.web.live;

import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The push channels that pages rendered for one HTTP session, kept in that session, each as its
 * name and id ({@code updates?<channelId>}) the way a handshake names it after
 * {@code /jakarta.faces.push/}. Only channels in this list open a websocket, so a channel URL copied
 * from someone else's page is worth nothing. The newest ids are kept: an id
 * belongs to one view, and Faces itself forgets old views of a session.
 */
final class IssuedChannels implements Serializable {

    private static final long serialVersionUID = 1L;
    static final String ATTRIBUTE = "tictactoe.pushChannels";
    static final int KEPT = 64;

    private final LinkedHashMap<String, Boolean> ids = new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > KEPT;
        }
    };

    static void issue(HttpSession session, String channel) {
        IssuedChannels issued;
        // One lock for all sessions, held for a lookup only: two pages of one session rendered at
        // the same moment must not each start a list of their own and lose the other's id.
        synchronized (IssuedChannels.class) {
            issued = (IssuedChannels) session.getAttribute(ATTRIBUTE);
            if (issued == null) {
                issued = new IssuedChannels();
                session.setAttribute(ATTRIBUTE, issued);
            }
        }
        issued.add(channel);
        // Set again on every change, so that a replicated session carries the new id too.
        session.setAttribute(ATTRIBUTE, issued);
    }

    static boolean wasIssued(HttpSession session, String channel) {
        Object issued = session.getAttribute(ATTRIBUTE);
        return issued instanceof IssuedChannels channels && channels.contains(channel);
    }

    private synchronized void add(String channel) {
        ids.put(channel, Boolean.TRUE);
    }

    private synchronized boolean contains(String channel) {
        return ids.containsKey(channel);
    }
}
