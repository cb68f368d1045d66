/** The cluster around the operator in local mode: its initial objects, applied manifests, and the Event log. */
package dev.gantry.local.cluster;
