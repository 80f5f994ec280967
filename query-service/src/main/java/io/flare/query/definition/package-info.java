/**
 * Metric definitions: the records, their parsing from JSON and YAML, and their
 * validation.
 */
@NullMarked
package io.flare.query.definition;

import org.jspecify.annotations.NullMarked;
