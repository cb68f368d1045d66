/**
 * The ModelDeployment's status: the fixed reason vocabulary, standard conditions with lastTransitionTime kept,
 * the reading of pods and Deployments into findings, and the one factory that builds a status from them.
 */
package dev.gantry.operator.modeldeployment.status;
