/**
 * Records shared by the Flare services, free of any framework so that every module can
 * depend on them.
 */
package io.flare.model;
