package blackbox.web.ws;

import blackbox.gateway.v1.Trade;
import blackbox.web.core.Json;
import java.util.ArrayList;
import java.util.List;

/**
 * Trades on their way to browsers, with their JSON array written at most once: every subscription of an instrument
 * receives the same upstream batch, so the array text is shared by all of them (a coalesced merge makes a new batch).
 */
public final class TradeBatch {
    final List<Trade> trades;
    private volatile String json;

    public TradeBatch(List<Trade> trades) {
        this.trades = trades;
    }

    /** The {@code trades} array as JSON text. Thread-safe (a race at worst writes it twice). */
    String json() {
        String j = json;
        if (j == null) {
            j = Json.write(Json.trades(trades));
            json = j;
        }
        return j;
    }

    static TradeBatch merge(TradeBatch older, TradeBatch newer) {
        List<Trade> all = new ArrayList<>(older.trades.size() + newer.trades.size());
        all.addAll(older.trades);
        all.addAll(newer.trades);
        return new TradeBatch(all);
    }
}
