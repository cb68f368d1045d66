/** {@code POST /generate}: the Outlines-style interface (prompt, constraint, parameters). */
package dev.gantry.runtime.generate;
