/**
 * The Gantry operator: reconcilers per custom resource ({@code modeldeployment}), the pure rendering of
 * desired children ({@code render}, {@code cache}, {@code traffic}), the operator's own configuration and
 * metrics, and the {@code gantry} command line.
 */
package dev.gantry.operator;
