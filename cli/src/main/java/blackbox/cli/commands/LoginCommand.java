package blackbox.cli.commands;

import blackbox.cli.CliException;
import blackbox.cli.Credentials;
import blackbox.cli.Json;
import blackbox.cli.WebClient;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code blackbox login [USERNAME]}: {@code POST /api/v1/auth/login} at the stack's web-bff; the refresh token is
 * kept owner-only in {@link Credentials#file} for the other commands.
 */
@Command(name = "login", mixinStandardHelpOptions = true,
        description = {"Logs in to the running stack's web-bff and keeps the login for the other commands"
                + " ($XDG_CONFIG_HOME/blackbox/credentials.json, else ~/.config/blackbox/credentials.json; owner-only).",
                "The password comes from $BLACKBOX_PASSWORD, else the console (not echoed), else one line of stdin."})
public final class LoginCommand extends WebCommand {
    @Parameters(paramLabel = "USERNAME", arity = "0..1", description = "the user (default: $BLACKBOX_USER)")
    String username;

    @Override
    public Integer call() {
        String user = username != null ? username : environment.get(Credentials.USER_ENV);
        if (user == null || user.isBlank()) {
            throw CliException.usage("who? run `blackbox login USERNAME` (or set BLACKBOX_USER)");
        }
        user = user.strip();
        String url = webUrl().orElse(WebClient.DEFAULT_URL);
        String password = password(user, url);
        Path file = Credentials.file(environment);
        try (WebClient web = new WebClient(url)) {
            Credentials.Session session = Credentials.login(web, user, password);
            Credentials.save(file, new Credentials.Saved(web.url(), session.username(), session.refreshToken()));
            if (client.json()) {
                Map<String, Object> json = new LinkedHashMap<>();
                json.put("username", session.username());
                json.put("roles", session.roles());
                json.put("web_url", web.url());
                json.put("credentials", file.toString());
                Json.print(out(), json);
            } else {
                out().println("logged in as " + session.username() + " (roles " + String.join(", ", session.roles())
                        + ") at " + web.url());
            }
        }
        return 0;
    }

    private String password(String user, String url) {
        String env = environment.get(Credentials.PASSWORD_ENV);
        if (env != null && !env.isEmpty()) return env;
        Console console = System.console();
        if (console != null && console.isTerminal()) {
            char[] typed = console.readPassword("password for %s at %s: ", user, url);
            if (typed == null || typed.length == 0) throw new CliException("no password given");
            return new String(typed);
        }
        try {
            String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            if (line == null || line.isEmpty()) {
                throw new CliException("no password: set BLACKBOX_PASSWORD, type it at the console, or pipe one line to stdin");
            }
            return line;
        } catch (IOException e) {
            throw new CliException("cannot read the password from stdin: " + e.getMessage());
        }
    }
}
