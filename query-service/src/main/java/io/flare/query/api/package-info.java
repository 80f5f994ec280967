/**
 * The HTTP API: metric definitions, results, explain, drill-down and SQL, errors as
 * problem details.
 */
@NullMarked
package io.flare.query.api;

import org.jspecify.annotations.NullMarked;
