package blackbox.web.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * The web app: class-path resources under {@code blackbox/web/app/} (the {@code web-app} module's jar) served at
 * {@code /}; {@code index.html} for {@code /} and for any path without a file extension (client-side routes).
 * HTML is revalidated on every load ({@code no-cache}); other files are cached 5 minutes. Without the app on the
 * class path, {@code /} answers a 404 page that says so. Also serves {@code /health} and the OpenAPI document as YAML
 * ({@code /openapi}, {@code /openapi.yaml}) and as JSON ({@code /openapi.json}, converted once at start). Every route
 * answers HEAD as GET without the body.
 */
public final class AppContent {
    static final String OPENAPI = "blackbox/web/openapi.yaml";
    public static final String ROOT = "blackbox/web/app/";
    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("html", "text/html; charset=UTF-8"), Map.entry("js", "text/javascript; charset=UTF-8"),
            Map.entry("mjs", "text/javascript; charset=UTF-8"), Map.entry("css", "text/css; charset=UTF-8"),
            Map.entry("json", "application/json"), Map.entry("map", "application/json"),
            Map.entry("svg", "image/svg+xml"), Map.entry("png", "image/png"), Map.entry("ico", "image/x-icon"),
            Map.entry("woff2", "font/woff2"), Map.entry("woff", "font/woff"), Map.entry("txt", "text/plain; charset=UTF-8"),
            Map.entry("webmanifest", "application/manifest+json"));
    private final ClassLoader loader = AppContent.class.getClassLoader();
    private final String root;
    private final java.util.function.BooleanSupplier healthy;
    private final byte[] openApiJson;

    /**
     * @param root the class-path folder of the app, ending in '/' ({@link #ROOT} in production)
     * @param healthy answers {@code /health}
     */
    public AppContent(String root, java.util.function.BooleanSupplier healthy) {
        this.root = root;
        this.healthy = healthy;
        this.openApiJson = openApiAsJson();
    }

    /** The OpenAPI document converted to JSON, once. */
    private byte[] openApiAsJson() {
        try (InputStream in = loader.getResourceAsStream(OPENAPI)) {
            if (in == null) throw new IllegalStateException(OPENAPI + " is not on the class path");
            return new ObjectMapper().writeValueAsBytes(new ObjectMapper(new YAMLFactory()).readTree(in));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot read " + OPENAPI, e);
        }
    }

    /** Registers the routes at the root (after the API's). */
    void routes(Routes rules) {
        rules.getAndHead("/health", (req, res) -> {
            boolean up = healthy.getAsBoolean();
            res.status(up ? 200 : 503).header("Content-Type", "application/json").header("Cache-Control", "no-store");
            send(req, res, (up ? "{\"status\":\"UP\"}" : "{\"status\":\"DOWN\"}").getBytes(StandardCharsets.UTF_8));
        });
        rules.getAndHead("/openapi", (req, res) -> resource(req, res, OPENAPI, "application/yaml; charset=UTF-8", "no-cache"));
        rules.getAndHead("/openapi.yaml", (req, res) -> resource(req, res, OPENAPI, "application/yaml; charset=UTF-8", "no-cache"));
        rules.getAndHead("/openapi.json", (req, res) -> {
            res.status(200).header("Content-Type", "application/json").header("Cache-Control", "no-cache");
            send(req, res, openApiJson);
        });
        rules.getAndHead("/*", this::app);
    }

    /** The body, or for HEAD only its length. */
    static void send(ServerRequest req, ServerResponse res, byte[] body) {
        if (req.prologue().method() == Method.HEAD) {
            res.header(HeaderNames.CONTENT_LENGTH, String.valueOf(body.length));
            res.send();
        } else {
            res.send(body);
        }
    }

    private void app(ServerRequest req, ServerResponse res) {
        String path = req.path().path();
        if (path.startsWith("/api/") || path.startsWith("/ws/")) {
            res.next(); // not the app's: the unmatched-route answer (404, or 405 for a known path)
            return;
        }
        String rel = path.equals("/") ? "index.html" : path.substring(1);
        if (rel.contains("..") || rel.contains("//") || rel.contains("\\")) {
            Problems.send(res, 400, "Bad Request", "bad path: " + path, "path", path);
            return;
        }
        if (rel.endsWith("/") || loader.getResource(root + rel) == null) {
            String last = rel.substring(rel.lastIndexOf('/') + 1);
            if (last.lastIndexOf('.') < 0) rel = "index.html"; // a client-side route, e.g. /mercado
        }
        String ext = rel.lastIndexOf('.') < 0 ? "" : rel.substring(rel.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        String type = TYPES.getOrDefault(ext, rel.endsWith("LICENSE") ? "text/plain; charset=UTF-8" : "application/octet-stream");
        if (!resource(req, res, root + rel, type, ext.equals("html") ? "no-cache" : "public, max-age=300")) {
            boolean appMissing = loader.getResource(root + "index.html") == null;
            res.status(404).header("Content-Type", "text/html; charset=UTF-8").header("Cache-Control", "no-store");
            send(req, res, (appMissing
                    ? "<!doctype html><title>BlackBox</title><h1>Web app not installed</h1><p>web-bff is running, but "
                    + "the web app (module web-app, resources under blackbox/web/app/) is not on its class path. "
                    + "The API is at /api/v1 (see /openapi).</p>"
                    : "<!doctype html><title>BlackBox</title><h1>Not found</h1>").getBytes(StandardCharsets.UTF_8));
        }
    }

    private boolean resource(ServerRequest req, ServerResponse res, String name, String type, String cache) {
        try (InputStream in = loader.getResourceAsStream(name)) {
            if (in == null) return false;
            byte[] bytes = in.readAllBytes();
            res.status(200).header("Content-Type", type).header("Cache-Control", cache);
            send(req, res, bytes);
            return true;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
