package dev.gantry.local.operator;

import java.nio.file.Path;

/**
 * How local mode runs the operator.
 *
 * @param app the Quarkus application directory ({@code operator/controller/target/quarkus-app})
 * @param kubeconfig the embedded API server's kubeconfig
 * @param httpPort the operator's own HTTP port ({@code /q/health}, {@code /q/metrics})
 * @param gatewayPort the local gateway's port, whose proxy paths stand in for pod IPs and Service DNS names
 * @param log where the operator's output goes
 */
public record OperatorConfig(String java, Path app, Path kubeconfig, int httpPort, int gatewayPort, Path log) {}
