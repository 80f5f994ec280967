/**
 * Query-service latency: uncached and cached metric evaluation against Pinot's own
 * latency for the same SQL, and coalescing of identical concurrent requests.
 */
package io.flare.benchmarks.query;
