/**
 * What the CRD schema cannot check: spec rules that span operator configuration (a CPU-only image on a GPU),
 * routing conflicts, model locations the runtime cannot load, and references to Secrets, PersistentVolumeClaims
 * and ServiceAccounts that must exist. Problems name the field; they never change running children.
 */
package dev.gantry.operator.modeldeployment.validation;
