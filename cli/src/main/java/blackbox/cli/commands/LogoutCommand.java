package blackbox.cli.commands;

import blackbox.cli.CliException;
import blackbox.cli.Credentials;
import blackbox.cli.WebClient;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;

/**
 * {@code blackbox logout}: revokes the saved login at web-bff (the refresh token is exchanged once for the bearer
 * token {@code POST /auth/logout} needs, and the new one revoked) and deletes the credentials file.
 */
@Command(name = "logout", mixinStandardHelpOptions = true,
        description = "Revokes the saved login at web-bff and deletes the credentials file.")
public final class LogoutCommand extends WebCommand {

    @Override
    public Integer call() {
        Path file = Credentials.file(environment);
        Optional<Credentials.Saved> saved = Credentials.load(file);
        if (saved.isEmpty()) {
            out().println("not logged in (no " + file + ")");
            return 0;
        }
        String url = webUrl().orElse(saved.get().webUrl());
        String revokeFailure = null;
        try (WebClient web = new WebClient(url)) {
            // logout needs a bearer token: exchange the saved refresh token (rotation), then revoke the new one
            WebClient.Response refreshed = web.send("POST", "auth/refresh",
                    Map.of("refresh_token", saved.get().refreshToken()), null);
            if (refreshed.status() == 401) {
                Credentials.delete(file);
                out().println("logged out " + saved.get().username() + " (the saved login was no longer valid: "
                        + refreshed.detail() + ")");
                return 0;
            }
            refreshed.orFail("refresh");
            if (refreshed.body() == null) throw new CliException("web-bff at " + url + " answered without tokens");
            WebClient.Response r = web.send("POST", "auth/logout",
                    Map.of("refresh_token", refreshed.body().path("refresh_token").asText()),
                    refreshed.body().path("access_token").asText());
            if (!r.ok()) revokeFailure = r.detail();
        } catch (CliException e) {
            revokeFailure = e.getMessage();
        } finally {
            Credentials.delete(file);
        }
        if (revokeFailure != null) {
            throw new CliException("deleted " + file + " but could not revoke the login of " + saved.get().username()
                    + " (" + revokeFailure + "); it expires by itself");
        }
        out().println("logged out " + saved.get().username() + " at " + url);
        return 0;
    }
}
