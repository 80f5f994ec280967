/**
 * The guarded ad-hoc SQL drill-down: one bounded SELECT over allowed tables.
 */
@NullMarked
package io.flare.query.sql;

import org.jspecify.annotations.NullMarked;
