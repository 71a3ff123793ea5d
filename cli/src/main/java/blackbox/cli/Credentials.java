package blackbox.cli;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Who a command acts for at web-bff. {@code BLACKBOX_USER} + {@code BLACKBOX_PASSWORD} (a login on the fly) come
 * first; else the refresh token {@code blackbox login} saved in {@code $XDG_CONFIG_HOME/blackbox/credentials.json}
 * (or {@code ~/.config/blackbox/credentials.json}, owner-only), exchanged for an access token (the rotated refresh
 * token is saved again, under a file lock so two commands never present the same one). {@code BLACKBOX_USER} alone
 * naming another user than the saved login's is refused rather than silently acting as someone else.
 */
public final class Credentials {
    public static final String USER_ENV = "BLACKBOX_USER";
    public static final String PASSWORD_ENV = "BLACKBOX_PASSWORD";
    public static final String NOT_LOGGED_IN =
            "not logged in: run `blackbox login USER` or set BLACKBOX_USER and BLACKBOX_PASSWORD";
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private Credentials() {
    }

    /**
     * What {@code blackbox login} keeps.
     *
     * @param webUrl where the login was made
     * @param username the user
     * @param refreshToken web-bff's refresh token (rotated on every use)
     */
    public record Saved(@JsonProperty("web_url") String webUrl,
                        @JsonProperty("username") String username,
                        @JsonProperty("refresh_token") String refreshToken) {
    }

    /**
     * A logged-in user: what to send ({@code Authorization: Bearer <accessToken>}) and where.
     *
     * @param web the web-bff it is valid at
     * @param username the user
     * @param roles the user's roles
     * @param accessToken short-lived bearer token
     * @param refreshToken the refresh token issued with it
     */
    public record Session(WebClient web, String username, List<String> roles, String accessToken, String refreshToken)
            implements AutoCloseable {
        /** Closes the client. */
        @Override
        public void close() {
            web.close();
        }
    }

    /** {@code $XDG_CONFIG_HOME/blackbox/credentials.json}, else {@code ~/.config/blackbox/credentials.json}. */
    public static Path file(Map<String, String> environment) {
        String xdg = environment.get("XDG_CONFIG_HOME");
        Path config = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".config");
        return config.resolve("blackbox").resolve("credentials.json").toAbsolutePath();
    }

    public static Optional<Saved> load(Path file) {
        if (!Files.isRegularFile(file)) return Optional.empty();
        try {
            Saved s = JSON.readValue(file.toFile(), Saved.class);
            if (s.username() == null || s.refreshToken() == null || s.webUrl() == null) {
                throw new CliException("incomplete " + file + ": run `blackbox login USER` again");
            }
            return Optional.of(s);
        } catch (IOException e) {
            throw new CliException("cannot read " + file + ": " + e.getMessage());
        }
    }

    /** Writes {@code saved} owner-only (0600; the directory 0700 when created), atomically. */
    public static void save(Path file, Saved saved) {
        try {
            Path dir = file.getParent();
            if (!Files.isDirectory(dir)) {
                Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            }
            Path temp = dir.resolve(file.getFileName() + ".tmp");
            Files.deleteIfExists(temp);
            Files.createFile(temp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.write(temp, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(saved));
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new CliException("cannot write " + file + ": " + e.getMessage());
        }
    }

    public static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new CliException("cannot delete " + file + ": " + e.getMessage());
        }
    }

    /**
     * {@code POST /auth/login}.
     *
     * @throws CliException {@code login as USER failed: <detail>} when refused
     */
    public static Session login(WebClient web, String username, String password) {
        WebClient.Response r = web.send("POST", "auth/login", Map.of("username", username, "password", password), null);
        if (!r.ok()) throw new CliException("login as " + username + " at " + web.url() + " failed: " + r.detail());
        return session(web, r.body());
    }

    /**
     * The session a command acts in.
     *
     * @param environment the process environment ({@code BLACKBOX_USER}, {@code BLACKBOX_PASSWORD},
     *                    {@code XDG_CONFIG_HOME})
     * @param webUrl web-bff's address from {@code --endpoint web=} or the running stack, if either says
     * @throws CliException {@link #NOT_LOGGED_IN} with neither the environment nor a saved login
     */
    public static Session obtain(Map<String, String> environment, Optional<String> webUrl) {
        String user = environment.get(USER_ENV);
        String password = environment.get(PASSWORD_ENV);
        if (user != null && !user.isBlank() && password != null && !password.isEmpty()) {
            WebClient web = new WebClient(webUrl.orElse(WebClient.DEFAULT_URL));
            try {
                return login(web, user.strip(), password);
            } catch (RuntimeException e) {
                web.close();
                throw e;
            }
        }
        Path file = file(environment);
        if (!Files.isRegularFile(file)) throw new CliException(NOT_LOGGED_IN);
        try (FileChannel lock = FileChannel.open(file.resolveSibling(file.getFileName() + ".lock"),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock held = lock.lock()) {
            Saved saved = load(file).orElseThrow(() -> new CliException(NOT_LOGGED_IN));
            if (user != null && !user.isBlank() && !user.strip().equals(saved.username())) {
                throw new CliException("logged in as " + saved.username() + " but " + USER_ENV + "=" + user.strip()
                        + ": set " + PASSWORD_ENV + " too, or run `blackbox login " + user.strip() + "`");
            }
            WebClient web = new WebClient(webUrl.orElse(saved.webUrl()));
            try {
                WebClient.Response r = web.send("POST", "auth/refresh", Map.of("refresh_token", saved.refreshToken()), null);
                if (!r.ok()) {
                    throw new CliException("the saved login of " + saved.username() + " was refused by web-bff at "
                            + web.url() + " (" + r.detail() + "): run `blackbox login " + saved.username() + "`");
                }
                Session session = session(web, r.body());
                save(file, new Saved(web.url(), session.username(), session.refreshToken()));
                return session;
            } catch (RuntimeException e) {
                web.close();
                throw e;
            }
        } catch (IOException e) {
            throw new CliException("cannot lock " + file + ": " + e.getMessage());
        }
    }

    private static Session session(WebClient web, JsonNode body) {
        if (body == null || !body.hasNonNull("access_token") || !body.hasNonNull("refresh_token")) {
            throw new CliException("web-bff at " + web.url() + " answered without tokens: is it web-bff?");
        }
        JsonNode user = body.path("user");
        List<String> roles = new ArrayList<>();
        user.path("roles").forEach(n -> roles.add(n.asText()));
        return new Session(web, user.path("username").asText(), List.copyOf(roles), body.get("access_token").asText(),
                body.get("refresh_token").asText());
    }
}
