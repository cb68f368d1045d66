/** Which model directory to serve: the configured one, the image's embedded copy, or the one inside the jar. */
package dev.gantry.runtime.model;
