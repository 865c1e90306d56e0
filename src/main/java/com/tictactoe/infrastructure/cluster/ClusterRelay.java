package com.tictactoe.infrastructure.cluster;

import com.tictactoe.application.GameChanged;
import com.tictactoe.application.KnownGames;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Makes the servers of a cluster tell each other of every game change, so that a move made on
 * one server reaches the live pages on all of them. Each change costs one small message per
 * server, whatever the number of open pages: each server then pushes to its own pages as if it
 * had made the change itself, and shows the game from the state that came with the message,
 * without reading DynamoDB. Without a cluster (one server, or a server without Payara's) it does
 * nothing.
 */
@ApplicationScoped
public class ClusterRelay {

    static final String TOPIC = "tictactoe.game-changes";
    private static final Logger LOG = Logger.getLogger(ClusterRelay.class.getName());

    @Inject
    private KnownGames known;

    @Inject
    private Event<GameChanged> changes;

    private volatile ClusterTopic topic;
    private ClassLoader appClassLoader;

    void start(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
        appClassLoader = Thread.currentThread().getContextClassLoader();
        topic = ClusterTopics.join(TOPIC, this::received).orElse(null);
        if (topic != null) {
            LOG.info(() -> "Live updates reach the pages of every server in the cluster (" + topic.servers()
                    + " servers now)");
        }
    }

    /** Passes on a change this server made; those that came from another server stop here. */
    void passOn(@Observes GameChanged change) {
        ClusterTopic cluster = topic;
        if (cluster == null || change.fromAnotherServer()) {
            return;
        }
        try {
            cluster.publish(GameChangeMessages.encode(change));
        } catch (RuntimeException e) {
            // The change is stored; pages on other servers still catch up by their slow poll.
            LOG.log(
                    Level.WARNING,
                    "Could not tell the other servers that game "
                            + change.game().gameId() + " changed",
                    e);
        }
    }

    /** Another server's change, on the cluster engine's thread: as if this server had made it. */
    private void received(byte[] message) {
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        thread.setContextClassLoader(appClassLoader);
        try {
            GameChanged change = GameChangeMessages.decode(message);
            if (change.deleted()) {
                known.forget(change.game().gameId());
            } else {
                known.remember(change.game());
            }
            changes.fire(change);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not pass on a change from another server", e);
        } finally {
            thread.setContextClassLoader(before);
        }
    }

    @PreDestroy
    void stop() {
        ClusterTopic cluster = topic;
        topic = null;
        if (cluster != null) {
            try {
                cluster.close();
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "Cluster already gone at shutdown", e);
            }
        }
    }
}
