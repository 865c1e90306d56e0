package com.tictactoe.infrastructure.cluster;

import java.lang.reflect.InvocationTargetException;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * Joins the cluster that the server itself runs, if it runs one: Payara's embedded Hazelcast,
 * which Payara names in JNDI. Hazelcast's classes are looked for first, and the one class that
 * uses them is loaded by name only then: on a server without them (WildFly, Open Liberty, Payara
 * started with {@code --nohazelcast}) nothing of Hazelcast is ever loaded, and the app runs alone.
 */
final class ClusterTopics {

    private static final Logger LOG = Logger.getLogger(ClusterTopics.class.getName());
    /** Where Payara binds its Hazelcast instance (its default name). */
    static final String PAYARA_HAZELCAST_JNDI = "payara/Hazelcast";

    private static final String HAZELCAST_API = "com.hazelcast.core.HazelcastInstance";
    private static final String HAZELCAST_TOPIC = "com.tictactoe.infrastructure.cluster.hazelcast.HazelcastTopic";

    private ClusterTopics() {}

    /** The topic of that name on the server's cluster, delivering other servers' messages to {@code receiver}. */
    static Optional<ClusterTopic> join(String topicName, Consumer<byte[]> receiver) {
        ClassLoader loader = ClusterTopics.class.getClassLoader();
        try {
            Class.forName(HAZELCAST_API, false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            LOG.info("No cluster engine on this server: live updates reach this server's pages only");
            return Optional.empty();
        }
        Object instance;
        try {
            instance = new InitialContext().lookup(PAYARA_HAZELCAST_JNDI);
        } catch (NamingException | RuntimeException e) {
            LOG.info(() -> "No cluster at " + PAYARA_HAZELCAST_JNDI + " (" + e
                    + "): live updates reach this server's pages only");
            return Optional.empty();
        }
        try {
            Object topic = Class.forName(HAZELCAST_TOPIC, true, loader)
                    .getMethod("join", Object.class, String.class, Consumer.class)
                    .invoke(null, instance, topicName, receiver);
            return Optional.of((ClusterTopic) topic);
        } catch (InvocationTargetException e) {
            LOG.log(
                    Level.WARNING,
                    "Could not join the cluster: live updates reach this server's pages only",
                    e.getCause());
            return Optional.empty();
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            LOG.log(Level.WARNING, "Could not join the cluster: live updates reach this server's pages only", e);
            return Optional.empty();
        }
    }
}
