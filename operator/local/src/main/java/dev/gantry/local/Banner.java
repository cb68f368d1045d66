package dev.gantry.local;

import java.io.PrintStream;

/** What local mode prints once it is up: where everything is and what to try. */
final class Banner {

    /** The kubectl plugin, run as a script: kubectl itself need not be installed. */
    private static final String KUBECTL_GANTRY = "operator/controller/src/main/scripts/kubectl-gantry";

    private Banner() {}

    static void print(PrintStream out, LocalCluster cluster, String model) {
        var options = cluster.options();
        var gateway = cluster.gatewayUrl();
        var kubeconfig = options.kubeconfig();
        out.printf(
                """

                Gantry local mode is up. Ctrl-C stops everything.

                  Kubernetes API  %s (embedded; kubeconfig %s)
                  Gateway         %s   (routes: %s/_gantry/routes)
                  Operator        %s   (metrics)
                  Logs            %s   (operator.log and one file per container)

                Look around (kubectl, and the gantry CLI, read the kubeconfig):
                  export KUBECONFIG=%s
                  kubectl get md,mr,deploy,pods
                  kubectl describe md %s

                Ask the model once `kubectl get md %s` shows READY 2/2:
                  curl -s %s/v1/completions -H 'Content-Type: application/json' \\
                    -d '{"prompt": "Once upon a time", "max_tokens": 24}'
                  curl -sN %s/v1/completions -H 'Content-Type: application/json' \\
                    -d '{"prompt": "Once upon a time", "max_tokens": 24, "stream": true}'
                  curl -s %s/generate -H 'Content-Type: application/json' \\
                    -d '{"prompt": "The cat was", "constraint": {"type": "choice", "choices": ["happy", "sad"]}}'
                  curl -s %s/v1/chat/completions -H 'Content-Type: application/json' \\
                    -d '{"messages": [{"role": "user", "content": "A cat"}], "max_tokens": 30, "json_whitespace": "compact", "response_format": {"type": "json_schema", "json_schema": {"name": "cat", "strict": true, "schema": {"type": "object", "properties": {"mood": {"enum": ["happy", "sad"]}}, "required": ["mood"], "additionalProperties": false}}}}'

                Start a rollout (any change to the runtime is a new revision; the ModelRollout moves traffic to it):
                  kubectl patch md %s --type merge -p '{"spec":{"runtime":{"generation":{"defaults":{"maxTokens":64}}}}}'
                  watch -n1 kubectl get mr,md
                  %s status %s     (also pause, resume, promote, abort)

                Make a rollout fail (half of the candidate's answers are errors; analysis rolls it back):
                  kubectl patch md %s --type merge -p '{"spec":{"runtime":{"env":[{"name":"GANTRY_PROFILE","value":"test"},{"name":"GANTRY_FAULT_ERROR_RATE","value":"0.5"}]}}}'

                Analysis needs traffic: start with --traffic=5, or run
                  while sleep 0.2; do curl -s -o /dev/null -w '%%{http_code} ' %s/v1/completions \\
                    -H 'Content-Type: application/json' -d '{"prompt": "Once", "max_tokens": 8}'; done

                """,
                "http://127.0.0.1:" + cluster.apiServer().port(),
                kubeconfig,
                gateway,
                gateway,
                cluster.operator().url("/q/metrics"),
                options.stateDir().resolve("logs"),
                kubeconfig,
                model,
                model,
                gateway,
                gateway,
                gateway,
                gateway,
                model,
                options.root().resolve(KUBECTL_GANTRY),
                model,
                model,
                gateway);
    }
}
