/**
 * Runs a real PostgreSQL server for the local stack, from binaries shipped in a Maven
 * artifact.
 */
package io.flare.infra.postgres;
