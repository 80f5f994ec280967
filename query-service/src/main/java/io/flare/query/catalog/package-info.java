/**
 * What the service knows about Pinot tables: columns, types and star-tree indexes.
 */
@NullMarked
package io.flare.query.catalog;

import org.jspecify.annotations.NullMarked;
