/**
 * The embedded Kubernetes API server: fabric8's CRUD mock server plus the server-side apply the operator relies
 * on, with Gantry's CRDs installed. The operator's tests and local mode run against it; nothing here knows the
 * operator. (The package name predates local mode and is kept so that test code elsewhere compiles unchanged.)
 */
package dev.gantry.operator.testing;
