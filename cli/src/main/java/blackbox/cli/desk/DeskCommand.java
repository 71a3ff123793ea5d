package blackbox.cli.desk;

import blackbox.cli.ClientOptions;
import blackbox.cli.CliException;
import blackbox.cli.Credentials;
import blackbox.cli.Main;
import blackbox.cli.WebClient;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A desk command: one call to web-bff's REST API as the logged-in user ({@link Credentials}), so the user, its role
 * and its desk are web-bff's to check. A refusal is one line naming what was asked and web-bff's problem detail.
 */
public abstract class DeskCommand implements Callable<Integer>, Main.NeedsEnvironment {
    @Spec
    CommandSpec spec;

    @Mixin
    ClientOptions client;

    Map<String, String> environment = System.getenv();

    @Override
    public void environment(Map<String, String> environment) {
        this.environment = environment;
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }

    boolean json() {
        return client.json();
    }

    /**
     * {@code METHOD /api/v1/<path>} as the user.
     *
     * @param what the start of the error line, e.g. {@code order send PETR4}
     * @return the JSON body (null for 204)
     * @throws CliException the refusal in one line (exit 2 for 400, else 1)
     */
    JsonNode call(String method, String path, Object body, String what) {
        try (Credentials.Session session = Credentials.obtain(environment, client.webUrl(true))) {
            WebClient.Response r = session.web().send(method, path, body, session.accessToken()).orFail(what);
            return r.body();
        }
    }

    /** {@code path?k=v&...} with the non-null values, URL-encoded. */
    static String query(String path, Object... keyValues) {
        StringJoiner q = new StringJoiner("&");
        for (int i = 0; i < keyValues.length; i += 2) {
            Object v = keyValues[i + 1];
            if (v == null) continue;
            q.add(keyValues[i] + "=" + URLEncoder.encode(v.toString(), StandardCharsets.UTF_8));
        }
        return q.length() == 0 ? path : path + "?" + q;
    }

    static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
