/** Readiness, warm-up, in-flight accounting and the graceful drain on SIGTERM. */
package dev.gantry.runtime.lifecycle;
