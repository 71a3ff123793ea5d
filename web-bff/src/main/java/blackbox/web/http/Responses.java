package blackbox.web.http;

import blackbox.web.core.Json;
import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.webserver.http.ServerResponse;
import java.nio.charset.StandardCharsets;

/** JSON answers. */
final class Responses {
    private Responses() {
    }

    static void json(ServerResponse res, int status, JsonNode body) {
        res.status(status);
        res.header("Content-Type", "application/json");
        res.send(Json.write(body).getBytes(StandardCharsets.UTF_8));
    }

    static void ok(ServerResponse res, JsonNode body) {
        json(res, 200, body);
    }

    static void noContent(ServerResponse res) {
        res.status(204);
        res.send();
    }
}
