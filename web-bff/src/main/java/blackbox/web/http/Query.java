package blackbox.web.http;

import io.helidon.webserver.http.ServerRequest;

/** Query parameters. */
final class Query {
    private Query() {
    }

    /** The first value of {@code name}, null when absent or blank. */
    static String first(ServerRequest req, String name) {
        String v = req.query().first(name).asOptional().orElse(null);
        return v == null || v.isBlank() ? null : v.strip();
    }
}
