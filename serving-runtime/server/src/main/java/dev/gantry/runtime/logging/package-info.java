/** Log output in text or JSON (java.util.logging behind SLF4J); never request bodies or keys. */
package dev.gantry.runtime.logging;
