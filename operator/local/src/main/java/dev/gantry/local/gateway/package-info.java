/**
 * The local gateway: a reverse proxy on one loopback port that implements the HTTPRoutes and ingress-nginx
 * Ingresses in the API (weights included) over the pods the node agent runs, plus pod and Service proxy paths.
 */
package dev.gantry.local.gateway;
