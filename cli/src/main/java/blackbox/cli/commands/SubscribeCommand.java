package blackbox.cli.commands;

import blackbox.cli.Credentials;
import blackbox.cli.Json;
import blackbox.cli.Symbols;
import blackbox.cli.WebClient;
import blackbox.gateway.v1.InstrumentId;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code blackbox subscribe SYMBOL}: the logged-in user's subscription, through web-bff
 * ({@code PUT /api/v1/market/subscriptions/{symbol}}); marketdata-svc starts ingesting it if nobody had it.
 */
@Command(name = "subscribe", mixinStandardHelpOptions = true,
        description = "Subscribes the logged-in user to an instrument: marketdata-svc starts ingesting it if nobody had it.")
public final class SubscribeCommand extends WebCommand {
    @Parameters(paramLabel = "SYMBOL", description = "PETR4 (exchange B) or TICKER:EXCHANGE such as BTCUSDT:SPOT")
    String symbol;

    @Override
    public Integer call() {
        InstrumentId id = Symbols.parse(symbol);
        try (Credentials.Session session = session()) {
            WebClient.Response r = session.web().send("PUT", "market/subscriptions/" + id.getTicker() + ":" + id.getExchange(),
                    null, session.accessToken()).orFail("subscribe " + Symbols.format(id));
            boolean newly = r.body() != null && r.body().path("newly_subscribed").asBoolean();
            if (client.json()) {
                Map<String, Object> json = new LinkedHashMap<>();
                json.put("symbol", Symbols.format(id));
                json.put("ticker", id.getTicker());
                json.put("exchange", id.getExchange());
                json.put("user", session.username());
                json.put("newly_subscribed", newly);
                Json.print(out(), json);
            } else {
                out().println((newly ? "subscribed " : "already subscribed ") + Symbols.format(id) + " for user "
                        + session.username());
            }
        }
        return 0;
    }
}
