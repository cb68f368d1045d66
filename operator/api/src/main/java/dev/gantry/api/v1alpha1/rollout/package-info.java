/** Parts of the ModelRollout spec and status: strategies, steps, analysis, evaluation, rollback, history. */
package dev.gantry.api.v1alpha1.rollout;
