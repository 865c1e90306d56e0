package com.tictactoe.infrastructure.cluster;

/**
 * A publish-subscribe topic shared by the servers of a cluster: what one server publishes reaches
 * the subscriber of every other server. The only place where the app meets a cluster engine.
 */
public interface ClusterTopic extends AutoCloseable {

    /** Sends the message to the other servers, without waiting for them. */
    void publish(byte[] message);

    /** How many servers the cluster has right now, this one included. */
    int servers();

    /** Stops listening; publishing ends too. */
    @Override
    void close();
}
