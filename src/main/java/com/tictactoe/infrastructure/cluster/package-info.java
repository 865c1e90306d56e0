/**
 * The relay that tells the other servers of a cluster of every game change, so that a move made on one
 * server reaches the live pages on all of them. Uses application's events and caches; reaches the cluster
 * engine only through {@link com.tictactoe.infrastructure.cluster.ClusterTopic}.
 */
package com.tictactoe.infrastructure.cluster;
