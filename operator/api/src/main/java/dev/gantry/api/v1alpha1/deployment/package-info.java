/** Parts of the ModelDeployment spec and status: model source, runtime, scaling, exposure, cache, auth. */
package dev.gantry.api.v1alpha1.deployment;
