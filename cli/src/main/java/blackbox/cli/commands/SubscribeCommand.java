package blackbox.cli.commands;

import blackbox.cli.Credentials;
import blackbox.cli.Json;
import blackbox.cli.Main;
import blackbox.cli.Service;
import blackbox.cli.Symbols;
import blackbox.gateway.v1.InstrumentId;
import blackbox.marketdata.v1.MarketDataGrpc;
import blackbox.marketdata.v1.SubscribeRequest;
import blackbox.marketdata.v1.SubscribeResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code blackbox subscribe SYMBOL}: the user's subscription at marketdata-svc (ingestion starts for the first one). */
@Command(name = "subscribe", mixinStandardHelpOptions = true,
        description = "Subscribes a user to an instrument: marketdata-svc starts ingesting it if nobody had it.")
public final class SubscribeCommand extends ClientCommand implements Main.NeedsEnvironment {
    @Parameters(paramLabel = "SYMBOL", description = "PETR4 (exchange B) or TICKER:EXCHANGE such as BTCUSDT:SPOT")
    String symbol;

    @Option(names = "--user", paramLabel = "USER", description = "the user (default: $BLACKBOX_USER, else the OS login name)")
    String user;

    Map<String, String> environment = System.getenv();

    @Override
    public void environment(Map<String, String> environment) {
        this.environment = environment;
    }

    @Override
    Service primary() {
        return Service.MARKETDATA;
    }

    @Override
    public Integer call() {
        InstrumentId id = Symbols.parse(symbol);
        Credentials credentials = Credentials.resolve(user, environment);
        SubscribeResponse r = with(Service.MARKETDATA, c -> c.endpoint().call(() ->
                credentials.apply(MarketDataGrpc.newBlockingStub(c.channel())).withDeadlineAfter(10, TimeUnit.SECONDS)
                        .subscribe(SubscribeRequest.newBuilder().setUserId(credentials.user()).setInstrument(id).build())));
        if (client.json()) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("symbol", Symbols.format(id));
            json.put("ticker", id.getTicker());
            json.put("exchange", id.getExchange());
            json.put("user", credentials.user());
            json.put("newly_subscribed", r.getNewlySubscribed());
            json.put("reference_count", r.getReferenceCount());
            Json.print(out(), json);
        } else {
            out().println((r.getNewlySubscribed() ? "subscribed " : "already subscribed ") + Symbols.format(id)
                    + " for user " + credentials.user() + " (" + r.getReferenceCount() + " user(s) subscribed)");
        }
        return 0;
    }
}
