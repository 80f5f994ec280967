/**
 * Runs a whole Apache Pinot 0.11 cluster (ZooKeeper, controller, broker, server, minion)
 * in one JVM for the local stack.
 */
package io.flare.infra.pinot;
