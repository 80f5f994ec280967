/**
 * API keys: authenticating sources, the keys' store in PostgreSQL, the admin API that
 * creates and revokes them, and the local demo key.
 */
@NullMarked
package io.flare.ingest.auth;

import org.jspecify.annotations.NullMarked;
