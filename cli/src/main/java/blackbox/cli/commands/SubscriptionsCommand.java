package blackbox.cli.commands;

import blackbox.cli.Credentials;
import blackbox.cli.Json;
import blackbox.cli.Main;
import blackbox.cli.Service;
import blackbox.cli.Symbols;
import blackbox.cli.Table;
import blackbox.gateway.v1.InstrumentId;
import blackbox.marketdata.v1.ListSubscriptionsRequest;
import blackbox.marketdata.v1.MarketDataGrpc;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code blackbox subscriptions}: one user's subscriptions, alphabetical. */
@Command(name = "subscriptions", mixinStandardHelpOptions = true, description = "Lists a user's subscriptions.")
public final class SubscriptionsCommand extends ClientCommand implements Main.NeedsEnvironment {
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
        Credentials credentials = Credentials.resolve(user, environment);
        List<InstrumentId> list = new ArrayList<>(with(Service.MARKETDATA, c -> c.endpoint().call(() ->
                credentials.apply(MarketDataGrpc.newBlockingStub(c.channel())).withDeadlineAfter(10, TimeUnit.SECONDS)
                        .listSubscriptions(ListSubscriptionsRequest.newBuilder().setUserId(credentials.user()).build())
                        .getInstrumentsList())));
        list.sort(Comparator.comparing(Symbols::format));
        if (client.json()) {
            List<Map<String, Object>> items = new ArrayList<>();
            for (InstrumentId id : list) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("symbol", Symbols.format(id));
                m.put("ticker", id.getTicker());
                m.put("exchange", id.getExchange());
                items.add(m);
            }
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("user", credentials.user());
            json.put("subscriptions", items);
            Json.print(out(), json);
            return 0;
        }
        if (list.isEmpty()) {
            out().println("user " + credentials.user() + " has no subscriptions");
            return 0;
        }
        Table table = new Table("SYMBOL", "TICKER", "EXCHANGE");
        list.forEach(id -> table.row(Symbols.format(id), id.getTicker(), id.getExchange()));
        table.print(out());
        return 0;
    }
}
