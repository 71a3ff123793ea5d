package blackbox.cli.commands;

import blackbox.cli.CliException;
import blackbox.cli.Credentials;
import blackbox.cli.Json;
import blackbox.cli.Main;
import blackbox.cli.Service;
import blackbox.cli.Symbols;
import blackbox.gateway.v1.InstrumentId;
import blackbox.marketdata.v1.MarketDataGrpc;
import blackbox.marketdata.v1.UnsubscribeRequest;
import blackbox.marketdata.v1.UnsubscribeResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code blackbox unsubscribe SYMBOL}. */
@Command(name = "unsubscribe", mixinStandardHelpOptions = true,
        description = "Ends a user's subscription: ingestion stops after a grace period when nobody is left.")
public final class UnsubscribeCommand extends ClientCommand implements Main.NeedsEnvironment {
    @Parameters(paramLabel = "SYMBOL", description = "PETR4 (exchange B) or TICKER:EXCHANGE")
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
        UnsubscribeResponse r = with(Service.MARKETDATA, c -> c.endpoint().call(() ->
                credentials.apply(MarketDataGrpc.newBlockingStub(c.channel())).withDeadlineAfter(10, TimeUnit.SECONDS)
                        .unsubscribe(UnsubscribeRequest.newBuilder().setUserId(credentials.user()).setInstrument(id).build())));
        if (!r.getWasSubscribed()) {
            throw new CliException("user " + credentials.user() + " was not subscribed to " + Symbols.format(id));
        }
        if (client.json()) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("symbol", Symbols.format(id));
            json.put("user", credentials.user());
            json.put("reference_count", r.getReferenceCount());
            Json.print(out(), json);
        } else {
            out().println("unsubscribed " + Symbols.format(id) + " for user " + credentials.user() + " ("
                    + r.getReferenceCount() + " user(s) still subscribed)");
        }
        return 0;
    }
}
