/**
 * The ModelDeployment's children as JOSDK dependent resources. Each takes its desired object from the
 * {@link dev.gantry.operator.render.DesiredState} rendered once per reconcile, creates and updates it by
 * server-side apply with the operator's field manager, and refuses to touch an object it does not own.
 */
package dev.gantry.operator.modeldeployment.dependent;
