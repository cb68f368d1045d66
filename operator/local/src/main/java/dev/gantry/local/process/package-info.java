/** Child processes (started with an exact environment, logged to a file, stopped with a grace period) and ports. */
package dev.gantry.local.process;
