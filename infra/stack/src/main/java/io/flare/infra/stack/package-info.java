/**
 * Starts, checks and stops the local Flare stack (real PostgreSQL, Kafka and Pinot, then
 * the services and demo feed), each in its own process, by PID, with health waits;
 * depends on the JDK only.
 */
package io.flare.infra.stack;
