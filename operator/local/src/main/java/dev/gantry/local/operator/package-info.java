/** The operator as local mode runs it: the packaged Quarkus application in a child process. */
package dev.gantry.local.operator;
