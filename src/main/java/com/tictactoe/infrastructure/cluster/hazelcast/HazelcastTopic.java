package com.tictactoe.infrastructure.cluster.hazelcast;

import com.hazelcast.cluster.Member;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.topic.ITopic;
import com.tictactoe.infrastructure.cluster.ClusterTopic;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * A Hazelcast topic of the server's own Hazelcast instance. Loaded by name, and only where
 * Hazelcast is present (see ClusterTopics): no other class of the app may name this one.
 * A plain (not reliable) topic: a message reaches the servers that are members when it is sent,
 * in the order each server sent its messages, and is not kept. A page that misses one (its
 * server joined a moment later) catches up by its slow poll.
 */
public final class HazelcastTopic implements ClusterTopic {

    private final HazelcastInstance hazelcast;
    private final ITopic<byte[]> topic;
    private final UUID registration;

    private HazelcastTopic(HazelcastInstance hazelcast, ITopic<byte[]> topic, UUID registration) {
        this.hazelcast = hazelcast;
        this.topic = topic;
        this.registration = registration;
    }

    /**
     * @param instance the server's {@code HazelcastInstance}
     * @param receiver gets the messages of the other servers (Hazelcast delivers a server's own to it too)
     */
    public static ClusterTopic join(Object instance, String name, Consumer<byte[]> receiver) {
        HazelcastInstance hazelcast = (HazelcastInstance) instance;
        ITopic<byte[]> topic = hazelcast.getTopic(name);
        Member self = hazelcast.getCluster().getLocalMember();
        UUID registration = topic.addMessageListener(message -> {
            if (!self.equals(message.getPublishingMember())) {
                receiver.accept(message.getMessageObject());
            }
        });
        return new HazelcastTopic(hazelcast, topic, registration);
    }

    @Override
    public void publish(byte[] message) {
        topic.publish(message);
    }

    @Override
    public int servers() {
        return hazelcast.getCluster().getMembers().size();
    }

    @Override
    public void close() {
        topic.removeMessageListener(registration);
    }
}
