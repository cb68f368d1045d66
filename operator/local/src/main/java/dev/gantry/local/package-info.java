/**
 * Local mode: the whole of Gantry on one machine with one command. The operator and the serving runtime are the
 * real programs; the API server, the Deployment controller and kubelet, and the gateway stand in for a cluster.
 */
package dev.gantry.local;
