/**
 * The local node agent: the Deployment controller, kubelet and kube-proxy of local mode. Pods of Gantry-managed
 * Deployments run as processes on loopback ports; their Pod objects and the Deployments' status are written from
 * the processes' real state. Nothing here knows Gantry's resources beyond the images it can run.
 */
package dev.gantry.local.node;
