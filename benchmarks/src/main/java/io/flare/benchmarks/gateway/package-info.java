/**
 * {@code benchmarks/run gateway}: the dashboard gateway's push latency, its memory with
 * many subscriptions, and the Pinot queries it causes with one and with many subscribers.
 */
@NullMarked
package io.flare.benchmarks.gateway;

import org.jspecify.annotations.NullMarked;
