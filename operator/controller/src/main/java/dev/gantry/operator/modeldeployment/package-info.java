/**
 * The ModelDeployment controller: its reconciler, what it observes of its children, the validation of what
 * the schema cannot check, its status and Events, and its dependent resources. Rendering of children lives in
 * {@code dev.gantry.operator.render}; nothing here builds a child by hand.
 */
package dev.gantry.operator.modeldeployment;
