/**
 * The only package that talks to Apache Pinot: queries through pinot-java-client,
 * ingestion offsets from the controller.
 */
@NullMarked
package io.flare.query.pinot;

import org.jspecify.annotations.NullMarked;
