package blackbox.positions.service;

import blackbox.platform.domain.AccountId;
import blackbox.platform.domain.InstrumentId;
import blackbox.positions.core.PositionView;
import blackbox.positions.core.Scaled;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Compares this service's positions of one account with the DLL's, per position type (pure):
 *
 * <ul>
 *   <li>CONSOLIDATED: {@code open_quantity} with {@link PositionView#quantity}, {@code open_average_price} with
 *       {@link PositionView#averagePrice};</li>
 *   <li>DAY_TRADE: {@code open_quantity} with {@link PositionView#dayTradeNetQuantity}, {@code open_average_price}
 *       with {@link PositionView#dayTradeAveragePrice};</li>
 *   <li>both: the day's buy and sell quantities and average prices.</li>
 * </ul>
 * Quantities must be equal; prices may differ by at most the tolerance (the DLL reports doubles); an average
 * price is compared only where its quantity is not zero. An instrument on one side only compares with zeros.
 */
public final class Reconciler {
    private final BigDecimal tolerance;

    public Reconciler(BigDecimal tolerance) {
        this.tolerance = tolerance;
    }

    /** The differences of one account for one type; {@code ours} are the account's positions. */
    public List<Difference> compare(AccountId account, PositionType type, List<PositionView> ours,
                                    List<GatewayPosition> theirs) {
        Map<InstrumentId, PositionView> mine = new TreeMap<>();
        for (PositionView p : ours) mine.put(p.instrument(), p);
        Map<InstrumentId, GatewayPosition> dll = new TreeMap<>();
        for (GatewayPosition g : theirs) dll.put(g.instrument(), g);
        TreeSet<InstrumentId> all = new TreeSet<>(mine.keySet());
        all.addAll(dll.keySet());
        List<Difference> out = new ArrayList<>();
        for (InstrumentId instrument : all) {
            PositionView p = mine.get(instrument);
            GatewayPosition g = dll.get(instrument);
            long qty = p == null ? 0 : type == PositionType.CONSOLIDATED ? p.quantity() : p.dayTradeNetQuantity();
            BigDecimal avg = p == null ? BigDecimal.ZERO
                    : type == PositionType.CONSOLIDATED ? p.averagePrice() : p.dayTradeAveragePrice();
            Diff d = new Diff(account, instrument, type, out);
            d.quantity("open_quantity", qty, g == null ? 0 : g.openQuantity());
            if (qty != 0 || (g != null && g.openQuantity() != 0)) {
                d.price("open_average_price", avg, g == null ? BigDecimal.ZERO : g.openAveragePrice());
            }
            long buys = p == null ? 0 : p.dayBuyQuantity();
            long theirBuys = g == null ? 0 : g.dailyBuyQuantity();
            d.quantity("daily_buy_quantity", buys, theirBuys);
            if (buys != 0 || theirBuys != 0) {
                d.price("daily_average_buy_price", p == null ? BigDecimal.ZERO : p.dayBuyAveragePrice(),
                        g == null ? BigDecimal.ZERO : g.dailyAverageBuyPrice());
            }
            long sells = p == null ? 0 : p.daySellQuantity();
            long theirSells = g == null ? 0 : g.dailySellQuantity();
            d.quantity("daily_sell_quantity", sells, theirSells);
            if (sells != 0 || theirSells != 0) {
                d.price("daily_average_sell_price", p == null ? BigDecimal.ZERO : p.daySellAveragePrice(),
                        g == null ? BigDecimal.ZERO : g.dailyAverageSellPrice());
            }
        }
        return out;
    }

    private final class Diff {
        final AccountId account;
        final InstrumentId instrument;
        final PositionType type;
        final List<Difference> out;

        Diff(AccountId account, InstrumentId instrument, PositionType type, List<Difference> out) {
            this.account = account;
            this.instrument = instrument;
            this.type = type;
            this.out = out;
        }

        void quantity(String field, long ours, long theirs) {
            if (ours != theirs) out.add(new Difference(account, instrument, type, field, Long.toString(ours), Long.toString(theirs)));
        }

        void price(String field, BigDecimal ours, BigDecimal theirs) {
            if (ours.subtract(theirs).abs().compareTo(tolerance) > 0) {
                out.add(new Difference(account, instrument, type, field, Scaled.priceText(ours), Scaled.priceText(theirs)));
            }
        }
    }
}
