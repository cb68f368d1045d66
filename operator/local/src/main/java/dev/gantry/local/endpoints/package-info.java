/**
 * Service endpoints as the API describes them (Services, their selectors, ready pods and host ports), shared by the
 * gateway and the node agent's Service proxies.
 */
package dev.gantry.local.endpoints;
