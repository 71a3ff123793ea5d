package blackbox.web.http;

import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.List;
import java.util.Optional;

/**
 * The last route: a request no other route took. A path some route serves with other methods gets 405 with the
 * {@code Allow} header listing them (RFC 9110 §15.5.6); any other path 404. Both are problems, as client errors are,
 * and neither is logged.
 */
final class Unmatched implements Handler {
    private final RouteTable table;

    Unmatched(RouteTable table) {
        this.table = table;
    }

    @Override
    public void handle(ServerRequest req, ServerResponse res) {
        String path = req.path().path();
        String method = req.prologue().method().text();
        Optional<List<String>> methods = table.methods(path);
        if (methods.isPresent() && !methods.get().contains(method)) {
            String allow = String.join(", ", methods.get());
            res.header("Allow", allow);
            Problems.send(res, 405, "Method Not Allowed", method + " is not served at " + path + " (allowed: " + allow + ")",
                    null, null);
            return;
        }
        Problems.send(res, 404, "Not Found", "no such resource: " + method + " " + path, null, null);
    }
}
