/**
 * The {@code gantry.dev/v1alpha1} API: the ModelDeployment and ModelRollout custom resources and the
 * types of their spec and status. Plain data only: no client calls and no operator logic live here.
 */
package dev.gantry.api.v1alpha1;
