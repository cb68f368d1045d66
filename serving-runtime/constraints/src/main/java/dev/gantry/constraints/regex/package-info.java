/** The regular-expression front end: the supported syntax subset, parsed into byte expressions. */
package dev.gantry.constraints.regex;
