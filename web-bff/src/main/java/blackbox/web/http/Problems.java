package blackbox.web.http;

import blackbox.web.core.InvalidInput;
import blackbox.web.core.Json;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.helidon.http.HttpException;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerResponse;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * RFC 9457 problem details for every error: {@code {type, title, status, detail, field?, value?}}. Installed as
 * the routing's error handlers; gRPC statuses from the services map to their HTTP meaning.
 */
final class Problems {
    private static final Logger log = LoggerFactory.getLogger(Problems.class);
    static final String MEDIA = "application/problem+json";

    private Problems() {
    }

    static void install(HttpRouting.Builder routing) {
        routing.error(InvalidInput.class, (req, res, e) -> invalid(res, e));
        routing.error(ApiError.class, (req, res, e) -> {
            if (e.retryAfterSeconds() > 0) res.header("Retry-After", String.valueOf(e.retryAfterSeconds()));
            send(res, e.status(), e.title(), e.getMessage(), e.field(), e.value());
        });
        routing.error(StatusRuntimeException.class, (req, res, e) -> grpc(res, e));
        // Helidon's own refusals of a request (a bad query encoding, an entity too large...): the client's error
        routing.error(HttpException.class, (req, res, e) -> {
            log.debug("{} {} refused: {}", req.prologue().method().text(), req.path().path(), e.toString());
            int status = e.status().code();
            send(res, status >= 400 && status < 600 ? status : 400, e.status().reasonPhrase(),
                    e.getMessage() == null ? e.status().reasonPhrase() : e.getMessage(), null, null);
        });
        // anything else is a bug of web-bff: logged with its stack trace
        routing.error(RuntimeException.class, (req, res, e) -> {
            log.error("{} {} failed", req.prologue().method().text(), req.path().path(), e);
            send(res, 500, "Internal Server Error", "unexpected error; see the web-bff log", null, null);
        });
    }

    static void invalid(ServerResponse res, InvalidInput e) {
        send(res, 400, "Bad Request", e.getMessage(), e.field(), e.value());
    }

    private static void grpc(ServerResponse res, StatusRuntimeException e) {
        ApiError a = fromGrpc("upstream service", e);
        send(res, a.status(), a.title(), a.getMessage(), a.field(), a.value());
    }

    /** A failed gRPC call to {@code service} (e.g. "marketdata-svc") as the HTTP answer it means. */
    static ApiError fromGrpc(String service, StatusRuntimeException e) {
        Status s = e.getStatus();
        String detail = s.getDescription() == null ? s.getCode().name() : s.getDescription();
        return switch (s.getCode()) {
            case INVALID_ARGUMENT, OUT_OF_RANGE -> {
                String[] fv = fieldAndValue(detail);
                yield fv == null ? new ApiError(400, "Bad Request", detail) : new ApiError(400, "Bad Request", detail, fv[0], fv[1]);
            }
            case FAILED_PRECONDITION -> new ApiError(409, "Conflict", detail);
            case ALREADY_EXISTS -> {
                String[] fv = fieldAndValue(detail);
                yield fv == null ? new ApiError(409, "Conflict", detail) : new ApiError(409, "Conflict", detail, fv[0], fv[1]);
            }
            case PERMISSION_DENIED -> new ApiError(403, "Forbidden", detail);
            case UNAUTHENTICATED -> new ApiError(401, "Unauthorized", detail);
            case NOT_FOUND -> new ApiError(404, "Not Found", detail);
            case UNIMPLEMENTED -> new ApiError(501, "Not Implemented", service + " does not offer this yet: " + detail);
            case UNAVAILABLE, DEADLINE_EXCEEDED -> new ApiError(503, "Service Unavailable",
                    service + " unavailable (" + s.getCode() + ": " + detail + ")");
            case RESOURCE_EXHAUSTED -> new ApiError(429, "Too Many Requests", detail);
            default -> {
                log.warn("{} call failed: {}", service, s);
                yield new ApiError(502, "Bad Gateway", service + " call failed: " + s.getCode() + " " + detail);
            }
        };
    }

    private static final java.util.regex.Pattern FIELD_FIRST = java.util.regex.Pattern.compile("^([a-z][a-z0-9_]*(?:\\[[0-9]+])?(?:\\.[a-z][a-z0-9_]*)*) ");

    /**
     * The field and value a service's message names, as the services write them ({@code order_qty must be a multiple
     * of the lot 100: order_qty=150}: field first, {@code field=value} last); null when it does not read so (no {@code field=} in it).
     */
    static String[] fieldAndValue(String detail) {
        var m = FIELD_FIRST.matcher(detail);
        if (!m.find()) return null;
        String field = m.group(1);
        int at = detail.lastIndexOf(field + "=");
        if (at < 0) return null;
        String value = detail.substring(at + field.length() + 1).strip();
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) value = value.substring(1, value.length() - 1);
        return new String[] {field, value};
    }

    static void send(ServerResponse res, int status, String title, String detail, String field, String value) {
        ObjectNode n = Json.object();
        n.put("type", "about:blank");
        n.put("title", title);
        n.put("status", status);
        n.put("detail", detail);
        if (field != null) {
            n.put("field", field);
            n.put("value", value);
        }
        res.status(status);
        res.header("Content-Type", MEDIA);
        res.send(Json.write(n).getBytes(StandardCharsets.UTF_8));
    }
}
