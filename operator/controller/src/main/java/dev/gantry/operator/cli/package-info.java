/**
 * The {@code gantry} command line: a plain Java main with picocli subcommands that never boots Quarkus.
 * {@code render} prints the operator's manifests for a ModelDeployment file; the kubectl plugin adds the
 * cluster-facing subcommands here.
 */
package dev.gantry.operator.cli;
