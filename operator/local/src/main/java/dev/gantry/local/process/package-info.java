/** Child processes (started with an exact environment, logged to a file, stopped with a grace period, restarted
 * with the kubelet's back-off) and ports. */
package dev.gantry.local.process;
