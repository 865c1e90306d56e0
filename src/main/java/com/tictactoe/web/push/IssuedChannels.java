package com.tictactoe.web.push;

import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The push channel ids that pages rendered for one HTTP session, kept in that session. A websocket
 * handshake names its channel id in the query string; only ids in this list open a websocket, so
 * a channel id copied from someone else's page is worth nothing. The newest ids are kept: an id
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

    static void issue(HttpSession session, String channelId) {
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
        issued.add(channelId);
        // Set again on every change, so that a replicated session carries the new id too.
        session.setAttribute(ATTRIBUTE, issued);
    }

    static boolean wasIssued(HttpSession session, String channelId) {
        Object issued = session.getAttribute(ATTRIBUTE);
        return issued instanceof IssuedChannels channels && channels.contains(channelId);
    }

    private synchronized void add(String channelId) {
        ids.put(channelId, Boolean.TRUE);
    }

    private synchronized boolean contains(String channelId) {
        return ids.containsKey(channelId);
    }
}
