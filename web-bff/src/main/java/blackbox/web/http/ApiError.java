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
    private final String field;
    private final String value;

    public ApiError(int status, String title, String detail) {
        this(status, title, detail, 0);
    }

    /** A refusal about one field of the request: the problem names it and its value. */
    public ApiError(int status, String title, String detail, String field, String value) {
        super(detail, null, false, false);
        this.status = status;
        this.title = title;
        this.retryAfterSeconds = 0;
        this.field = field;
        this.value = value;
    }

    public ApiError(int status, String title, String detail, long retryAfterSeconds) {
        super(detail, null, false, false);
        this.status = status;
        this.title = title;
        this.retryAfterSeconds = retryAfterSeconds;
        this.field = null;
        this.value = null;
    }

    /** The request field the refusal is about, or null. */
    public String field() {
        return field;
    }

    /** That field's value as received, or null. */
    public String value() {
        return value;
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
