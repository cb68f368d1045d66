/**
 * Pure functions from a ModelDeployment (plus explicit inputs: operator defaults, the traffic split, known
 * revisions, the cache password) to the exact child manifests the operator applies. No client calls and no
 * clocks live here, so the reconciler, the {@code render} command and the golden-file tests share one code
 * path.
 */
package dev.gantry.operator.render;
