/**
 * The one class that names Hazelcast (Payara's embedded cluster), loaded by name and only where the
 * server provides it.
 */
package com.tictactoe.infrastructure.cluster.hazelcast;
