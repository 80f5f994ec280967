/**
 * The versioned metric registry in PostgreSQL, its in-memory snapshot and the definition
 * files loaded at start-up.
 */
@NullMarked
package io.flare.query.registry;

import org.jspecify.annotations.NullMarked;
