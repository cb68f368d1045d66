package dev.gantry.runtime.http;

/**
 * An error answered in the OpenAI shape: {@code {"error": {"message", "type", "param", "code"}}}. The
 * message says what is wrong in words a caller can act on; it never echoes a key or a body.
 */
public class ApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String type;
    private final String param;
    private final String code;
    private final Integer retryAfterSeconds;

    public ApiException(int status, String type, String message, String param, String code, Integer retryAfterSeconds) {
        super(message);
        this.status = status;
        this.type = type;
        this.param = param;
        this.code = code;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public static ApiException invalid(String param, String message) {
        return new ApiException(400, "invalid_request_error", message, param, "invalid_value", null);
    }

    public static ApiException badJson(String message) {
        return new ApiException(400, "invalid_request_error", message, null, "invalid_json", null);
    }

    public static ApiException modelNotFound(String model, String served) {
        return new ApiException(
                404,
                "invalid_request_error",
                "The model '" + model + "' does not exist; this server serves '" + served + "'",
                "model",
                "model_not_found",
                null);
    }

    public static ApiException contextLength(String message) {
        return new ApiException(400, "invalid_request_error", message, "messages", "context_length_exceeded", null);
    }

    public static ApiException unauthorized(String message) {
        return new ApiException(401, "authentication_error", message, null, "invalid_api_key", null);
    }

    public static ApiException forbidden(String message) {
        return new ApiException(403, "permission_error", message, null, "invalid_api_key", null);
    }

    public static ApiException rateLimited(int retryAfter) {
        return new ApiException(
                429,
                "rate_limit_error",
                "Rate limit reached for this API key; retry after " + retryAfter + "s",
                null,
                "rate_limit_exceeded",
                retryAfter);
    }

    public static ApiException overloaded(int status, String message, int retryAfter) {
        return new ApiException(
                status,
                status == 429 ? "rate_limit_error" : "server_error",
                message,
                null,
                status == 429 ? "queue_full" : "overloaded",
                retryAfter);
    }

    public static ApiException unavailable(String message) {
        return new ApiException(503, "server_error", message, null, "unavailable", 1);
    }

    public static ApiException internal(String message) {
        return new ApiException(500, "server_error", message, null, "internal_error", null);
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String param() {
        return param;
    }

    public String code() {
        return code;
    }

    public Integer retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
