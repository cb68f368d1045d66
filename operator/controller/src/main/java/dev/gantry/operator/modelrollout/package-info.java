/**
 * The ModelRollout controller: an explicit state machine over the rollout's status (phases Idle, Progressing,
 * Paused, Promoting, Succeeded, RolledBack, Failed), the one-shot control annotations, and the traffic split it
 * asks for. It decides and writes only its own status (and removes the annotations it consumed); the
 * ModelDeployment controller applies the split through {@link dev.gantry.operator.traffic.TrafficSplitSource}.
 */
package dev.gantry.operator.modelrollout;
