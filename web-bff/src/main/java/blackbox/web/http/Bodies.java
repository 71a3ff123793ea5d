package blackbox.web.http;

import blackbox.web.core.InvalidInput;
import blackbox.web.core.Json;
import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.webserver.http.ServerRequest;

/** Request bodies. */
final class Bodies {
    private Bodies() {
    }

    /** The request's JSON object; a missing, malformed or non-object body is an {@link InvalidInput} on {@code body}. */
    static JsonNode json(ServerRequest req) {
        String text;
        try {
            text = req.content().hasEntity() ? req.content().as(String.class) : "";
        } catch (io.helidon.common.buffers.DataReader.InsufficientDataAvailableException | java.io.UncheckedIOException e) {
            // the client sent less than its Content-Length and went away
            throw new InvalidInput("body", null, "ended before its Content-Length");
        }
        JsonNode node = Json.parse(text);
        if (!node.isObject()) throw new InvalidInput("body", text.length() > 80 ? text.substring(0, 80) : text, "must be a JSON object");
        return node;
    }
}
