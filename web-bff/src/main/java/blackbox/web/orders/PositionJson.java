package blackbox.web.orders;

import blackbox.positions.v1.Position;
import blackbox.web.core.Json;
import blackbox.web.core.Symbol;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** positions-svc's position as the REST API and {@code /ws/desk} show it (money as decimal strings). Pure. */
public final class PositionJson {
    private PositionJson() {
    }

    public static ObjectNode position(Position p) {
        ObjectNode n = Json.object();
        n.put("account", p.getAccount());
        n.put("symbol", Symbol.of(p.getInstrument()).text());
        n.put("group", p.getGroup());
        n.put("trade_date", p.getTradeDate());
        n.put("quantity", p.getQuantity());
        n.put("avg_price", p.getAveragePrice());
        n.put("realized_pnl", p.getRealized());
        n.put("unrealized_pnl", p.getUnrealized());
        n.put("opening_quantity", p.getOpeningQuantity());
        n.put("opening_avg_price", p.getOpeningAveragePrice());
        n.put("day_buy_quantity", p.getDayBuyQuantity());
        n.put("day_buy_avg_price", p.getDayBuyAveragePrice());
        n.put("day_sell_quantity", p.getDaySellQuantity());
        n.put("day_sell_avg_price", p.getDaySellAveragePrice());
        n.put("day_trade_quantity", p.getDayTradeQuantity());
        n.put("cost", p.getCost());
        n.put("costs", p.getCosts());
        n.put("mark_price", p.getMarkPrice());
        n.put("cash", p.getCash());
        n.put("settlement_date", p.getSettlementDate());
        return n;
    }
}
