/**
 * The Flare query service, which compiles metric definitions to Pinot SQL, caches and
 * evaluates them.
 */
@NullMarked
package io.flare.query;

import org.jspecify.annotations.NullMarked;
