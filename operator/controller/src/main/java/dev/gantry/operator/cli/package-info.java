/**
 * The {@code gantry} command line and {@code kubectl gantry} plugin: a plain Java main with picocli subcommands that
 * never boots Quarkus. {@code render} prints the operator's manifests without a cluster; {@code status} reads a
 * ModelDeployment, its rollout and pods; {@code promote}, {@code abort}, {@code retry}, {@code pause} and
 * {@code resume} only set or remove the manual-control annotations of a ModelRollout, never its status.
 */
package dev.gantry.operator.cli;
