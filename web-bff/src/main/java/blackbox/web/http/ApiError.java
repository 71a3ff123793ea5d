package blackbox.web.http;

/**
 * An expected HTTP refusal (401, 403, 404, 429, 503...), written as {@code application/problem+json}.
 *
 * @param retryAfterSeconds sent as {@code Retry-After} when > 0
 */
public final class ApiError extends RuntimeException {
    private final int status;
    private final String title;
    private final long retryAfterSeconds;

    public ApiError(int status, String title, String detail) {
        this(status, title, detail, 0);
    }

    public ApiError(int status, String title, String detail, long retryAfterSeconds) {
        super(detail, null, false, false);
        this.status = status;
        this.title = title;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    public static ApiError unauthorized(String detail) {
        return new ApiError(401, "Unauthorized", detail);
    }
}
