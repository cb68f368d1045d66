package dev.gantry.runtime.inference;

import dev.gantry.engine.ModelInfo;
import dev.gantry.runtime.config.RuntimeConfig;
import dev.gantry.runtime.constraint.CompiledConstraint;
import dev.gantry.runtime.constraint.ConstraintCompiler;
import dev.gantry.runtime.constraint.ConstraintException;
import dev.gantry.runtime.constraint.ConstraintSpec;
import dev.gantry.runtime.constraint.ConstraintValidator;
import dev.gantry.runtime.http.ApiException;
import dev.gantry.runtime.metrics.RuntimeMetrics;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Turns parsed fields and tokenized prompts into an {@link InferenceRequest}: enforces the context length
 * (prompt, and prompt plus an explicit {@code max_tokens}), picks the default output length, and
 * validates and compiles the constraint within its time budget. Runs on a worker thread.
 */
public final class RequestPreparer {
    private static final Duration BACKSTOP_GRACE = Duration.ofSeconds(1);

    private final RuntimeConfig config;
    private final ModelInfo model;
    private final ConstraintValidator validator;
    private final ConstraintCompiler compiler;
    private final RuntimeMetrics metrics;
    private final ExecutorService compileExecutor;

    public RequestPreparer(
            RuntimeConfig config,
            ModelInfo model,
            ConstraintValidator validator,
            ConstraintCompiler compiler,
            RuntimeMetrics metrics,
            ExecutorService compileExecutor) {
        this.config = config;
        this.model = model;
        this.validator = validator;
        this.compiler = compiler;
        this.metrics = metrics;
        this.compileExecutor = compileExecutor;
    }

    public InferenceRequest prepare(
            String endpoint,
            List<int[]> prompts,
            String promptParam,
            SamplingFields fields,
            ConstraintSpec constraint,
            boolean stream,
            boolean includeUsage) {
        int context = model.maxContextLength();
        int longest = 0;
        for (int[] prompt : prompts) {
            if (prompt.length == 0) {
                throw ApiException.invalid(promptParam, "The prompt is empty");
            }
            if (prompt.length >= context) {
                throw ApiException.contextLength("This model's maximum context length is " + context
                        + " tokens, but the prompt has " + prompt.length + " tokens");
            }
            longest = Math.max(longest, prompt.length);
        }
        int maxTokens;
        if (fields.maxTokens() != null) {
            maxTokens = fields.maxTokens();
            if (longest + maxTokens > context) {
                throw ApiException.contextLength("This model's maximum context length is " + context + " tokens, but "
                        + (longest + maxTokens) + " were requested (" + longest + " in the prompt, " + maxTokens
                        + " for the output); lower max_tokens or shorten the prompt");
            }
        } else {
            maxTokens = Math.min(config.defaultMaxTokens(), context - longest);
        }
        checkConstraintFields(fields, constraint);
        CompiledConstraint compiled = constraint == null ? null : compile(constraint);
        return new InferenceRequest(
                endpoint,
                prompts,
                fields.n(),
                fields.sampling(),
                maxTokens,
                fields.stop(),
                fields.ignoreEos(),
                constraint,
                compiled,
                fields.closeAtLimit(),
                stream,
                includeUsage);
    }

    private static void checkConstraintFields(SamplingFields fields, ConstraintSpec constraint) {
        if (constraint != null && fields.ignoreEos()) {
            throw ApiException.invalid(
                    "ignore_eos",
                    "ignore_eos cannot be used with a constraint: the constraint decides where the output ends");
        }
        if (constraint == null && fields.closeAtLimit()) {
            throw ApiException.invalid(
                    "close_at_limit",
                    "close_at_limit applies to constrained output only; this request has no constraint");
        }
    }

    private CompiledConstraint compile(ConstraintSpec spec) {
        metrics.constrainedRequest(spec.kind());
        try {
            validator.validate(spec);
            if (!compiler.available()) {
                return compiler.compile(spec, config.constraintCompileTimeout());
            }
            return compileWithDeadline(spec);
        } catch (ConstraintException e) {
            String type = e.status() == 501 ? "not_implemented_error" : "invalid_request_error";
            String code = e.status() == 501 ? "constraint_engine_unavailable" : "invalid_constraint";
            throw new ApiException(e.status(), type, e.getMessage(), e.param(), code, null);
        }
    }

    /**
     * Compiles on the compile pool. The compiler stops itself at the budget; waiting a little longer here
     * is only the backstop for a compiler that would not.
     */
    private CompiledConstraint compileWithDeadline(ConstraintSpec spec) {
        Duration budget = config.constraintCompileTimeout();
        CompletableFuture<CompiledConstraint> future =
                CompletableFuture.supplyAsync(() -> compiler.compile(spec, budget), compileExecutor);
        try {
            return future.get(budget.plus(BACKSTOP_GRACE).toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new ConstraintException(
                    400,
                    spec.param(),
                    "The constraint did not compile within the server's limit of " + budget.toMillis()
                            + " ms; simplify it");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ApiException.internal("interrupted while compiling the constraint");
        }
    }
}
