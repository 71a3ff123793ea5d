package blackbox.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

/**
 * web-bff's REST API ({@code /api/v1}, JSON) over {@link HttpClient}. A failure to connect, a timeout or a refusal
 * ({@code application/problem+json}) becomes a {@link CliException} with one line; {@link #send} leaves refusals
 * to the caller.
 */
public final class WebClient implements AutoCloseable {
    /** Where web-bff answers when neither {@code --endpoint web=...} nor a stack file says otherwise. */
    public static final String DEFAULT_URL = "http://127.0.0.1:8080/";
    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    private final String url;
    private final HttpClient http;

    /** @param url the web app's address, e.g. {@code http://127.0.0.1:8080/} */
    public WebClient(String url) {
        this.url = url.endsWith("/") ? url : url + "/";
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** The base address, ending with {@code /}. */
    public String url() {
        return url;
    }

    /**
     * An answer: the status and the JSON body (null when empty, e.g. 204).
     *
     * @param status HTTP status
     * @param body the JSON body, or null
     */
    public record Response(int status, JsonNode body) {
        public boolean ok() {
            return status / 100 == 2;
        }

        /** The problem's {@code detail}, else {@code HTTP <status>}. */
        public String detail() {
            JsonNode d = body == null ? null : body.get("detail");
            return d != null && d.isTextual() && !d.asText().isBlank() ? d.asText() : "HTTP " + status;
        }

        /**
         * This answer when it is a success.
         *
         * @param what what was asked, e.g. {@code subscribe PETR4}, the start of the error line
         * @throws CliException {@code <what> refused by web-bff: <detail>} (usage for 400)
         */
        public Response orFail(String what) {
            if (ok()) return this;
            throw new CliException(what + " refused by web-bff: " + detail(),
                    status == 400 ? CliException.USAGE : CliException.FAILED);
        }
    }

    /**
     * Calls {@code METHOD /api/v1/<path>}.
     *
     * @param body sent as JSON when not null
     * @param accessToken sent as {@code Authorization: Bearer} when not null
     * @throws CliException when web-bff cannot be reached or does not answer in time
     */
    public Response send(String method, String path, Object body, String accessToken) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url + "api/v1/" + path)).timeout(TIMEOUT)
                .header("Accept", "application/json");
        if (accessToken != null) request.header("Authorization", "Bearer " + accessToken);
        if (body != null) {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json(body)));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (HttpConnectTimeoutException | ConnectException e) {
            throw unreachable();
        } catch (HttpTimeoutException e) {
            throw new CliException("web-bff at " + url + " did not answer in time");
        } catch (IOException e) {
            if (e.getCause() instanceof ConnectException) throw unreachable();
            throw new CliException("web-bff at " + url + " failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException("interrupted while calling web-bff at " + url);
        }
        return new Response(response.statusCode(), parse(response.body()));
    }

    private CliException unreachable() {
        return new CliException("cannot reach web-bff at " + url + ": is `blackbox up` running?");
    }

    private static String json(Object body) {
        try {
            return Json.MAPPER.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The body as JSON; null when empty or not JSON (an answer from something that is not web-bff). */
    private static JsonNode parse(String body) {
        if (body == null || body.isBlank()) return null;
        try {
            return Json.MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    @Override
    public void close() {
        http.close();
    }
}
