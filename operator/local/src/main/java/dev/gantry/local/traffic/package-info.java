/** A client sending requests through the gateway and recording every outcome, for the demo and the tests. */
package dev.gantry.local.traffic;
