/**
 * Traffic between revisions: the {@link dev.gantry.operator.traffic.TrafficSplit} the ModelDeployment
 * controller applies, one {@link dev.gantry.operator.traffic.TrafficRouter} per way of applying it (Gateway API
 * weights, an ingress-nginx canary Ingress, replica ratio), and the planner of a revision replacement without a
 * ModelRollout. Decisions only: objects are built by the render package from what the router decides.
 */
package dev.gantry.operator.traffic;
