package blackbox.cli.commands;

import blackbox.cli.Credentials;
import blackbox.cli.Json;
import blackbox.cli.Symbols;
import blackbox.cli.Table;
import blackbox.cli.WebClient;
import blackbox.gateway.v1.InstrumentId;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;

/** {@code blackbox subscriptions}: the logged-in user's subscriptions, alphabetical (web-bff). */
@Command(name = "subscriptions", mixinStandardHelpOptions = true, description = "Lists the logged-in user's subscriptions.")
public final class SubscriptionsCommand extends WebCommand {

    @Override
    public Integer call() {
        try (Credentials.Session session = session()) {
            WebClient.Response r = session.web().send("GET", "market/subscriptions", null, session.accessToken())
                    .orFail("subscriptions");
            List<InstrumentId> list = new ArrayList<>();
            JsonNode items = r.body() == null ? null : r.body().get("subscriptions");
            if (items != null) {
                for (JsonNode i : items) {
                    list.add(InstrumentId.newBuilder().setTicker(i.path("ticker").asText())
                            .setExchange(i.path("exchange").asText()).build());
                }
            }
            list.sort(Comparator.comparing(Symbols::format));
            print(session.username(), list);
        }
        return 0;
    }

    private void print(String user, List<InstrumentId> list) {
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
            json.put("user", user);
            json.put("subscriptions", items);
            Json.print(out(), json);
            return;
        }
        if (list.isEmpty()) {
            out().println("user " + user + " has no subscriptions");
            return;
        }
        Table table = new Table("SYMBOL", "TICKER", "EXCHANGE");
        list.forEach(id -> table.row(Symbols.format(id), id.getTicker(), id.getExchange()));
        table.print(out());
    }
}
