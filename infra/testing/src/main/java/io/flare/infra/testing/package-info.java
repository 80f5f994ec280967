/**
 * JUnit 5 support for integration tests against the real local stack: brings it up once
 * and reuses it.
 */
package io.flare.infra.testing;
