/**
 * The pure compiler from a metric definition, parameters and a time to Pinot SQL.
 */
@NullMarked
package io.flare.query.compile;

import org.jspecify.annotations.NullMarked;
