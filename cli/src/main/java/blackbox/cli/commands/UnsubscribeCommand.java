package blackbox.cli.commands;

import blackbox.cli.CliException;
import blackbox.cli.Credentials;
import blackbox.cli.Json;
import blackbox.cli.Symbols;
import blackbox.cli.WebClient;
import blackbox.gateway.v1.InstrumentId;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code blackbox unsubscribe SYMBOL}: through web-bff ({@code DELETE /api/v1/market/subscriptions/{symbol}}). */
@Command(name = "unsubscribe", mixinStandardHelpOptions = true,
        description = "Ends the logged-in user's subscription: ingestion stops after a grace period when nobody is left.")
public final class UnsubscribeCommand extends WebCommand {
    @Parameters(paramLabel = "SYMBOL", description = "PETR4 (exchange B) or TICKER:EXCHANGE")
    String symbol;

    @Override
    public Integer call() {
        InstrumentId id = Symbols.parse(symbol);
        try (Credentials.Session session = session()) {
            WebClient.Response r = session.web().send("DELETE", "market/subscriptions/" + id.getTicker() + ":"
                    + id.getExchange(), null, session.accessToken());
            if (r.status() == 404) {
                throw new CliException("user " + session.username() + " was not subscribed to " + Symbols.format(id));
            }
            r.orFail("unsubscribe " + Symbols.format(id));
            if (client.json()) {
                Map<String, Object> json = new LinkedHashMap<>();
                json.put("symbol", Symbols.format(id));
                json.put("user", session.username());
                Json.print(out(), json);
            } else {
                out().println("unsubscribed " + Symbols.format(id) + " for user " + session.username());
            }
        }
        return 0;
    }
}
