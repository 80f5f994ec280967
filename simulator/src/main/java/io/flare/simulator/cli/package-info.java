/**
 * Command-line options: parsing, validation and usage text.
 */
@NullMarked
package io.flare.simulator.cli;

import org.jspecify.annotations.NullMarked;
