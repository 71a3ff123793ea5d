package blackbox.positions.redis;

import blackbox.positions.core.BalanceView;
import blackbox.positions.core.ConsolidatedView;
import blackbox.positions.core.PositionView;
import blackbox.positions.core.Scaled;
import java.util.Map;

/**
 * The JSON values of the Redis hashes: fixed key order, numbers as JSON strings of exact decimal text (money in
 * BRL, prices), quantities as JSON integers. The unrealized P&amp;L is not stored: it moves with every trade of
 * the market, so readers compute it from {@code quantity}, {@code cost}, {@code multiplier} and the last price
 * in {@code positions:marks} ({@code quantity × mark × multiplier − cost}).
 */
public final class Json {
    private Json() {
    }

    public static String position(PositionView p) {
        StringBuilder b = new StringBuilder(640).append('{');
        str(b, "account", p.account().value()).append(',');
        str(b, "instrument", p.instrument().toString()).append(',');
        str(b, "group", p.group()).append(',');
        str(b, "segment", p.segment().name()).append(',');
        str(b, "trade_date", p.tradeDate().toString()).append(',');
        num(b, "opening_quantity", p.openingQuantity()).append(',');
        str(b, "opening_average_price", Scaled.priceText(p.openingAveragePrice())).append(',');
        num(b, "day_buy_quantity", p.dayBuyQuantity()).append(',');
        str(b, "day_buy_average_price", Scaled.priceText(p.dayBuyAveragePrice())).append(',');
        num(b, "day_sell_quantity", p.daySellQuantity()).append(',');
        str(b, "day_sell_average_price", Scaled.priceText(p.daySellAveragePrice())).append(',');
        num(b, "day_trade_quantity", p.dayTradeQuantity()).append(',');
        num(b, "day_trade_net_quantity", p.dayTradeNetQuantity()).append(',');
        str(b, "day_trade_average_price", Scaled.priceText(p.dayTradeAveragePrice())).append(',');
        num(b, "quantity", p.quantity()).append(',');
        str(b, "average_price", Scaled.priceText(p.averagePrice())).append(',');
        str(b, "cost", Scaled.moneyText(p.cost())).append(',');
        str(b, "multiplier", Scaled.multiplierText(p.multiplierE2())).append(',');
        str(b, "realized_day_trade", Scaled.moneyText(p.realizedDayTrade())).append(',');
        str(b, "realized_swing", Scaled.moneyText(p.realizedSwing())).append(',');
        str(b, "realized", Scaled.moneyText(p.realized())).append(',');
        str(b, "costs", Scaled.moneyText(p.costs())).append(",\"cost_lines\":{");
        boolean first = true;
        for (Map.Entry<String, Long> e : p.costLines().entrySet()) {
            if (!first) b.append(',');
            first = false;
            str(b, e.getKey(), Scaled.moneyText(e.getValue()));
        }
        b.append("},");
        str(b, "settlement_price", Scaled.priceText(p.settlementPriceE4())).append(',');
        str(b, "daily_adjustment", Scaled.moneyText(p.dailyAdjustment())).append(',');
        str(b, "cash", Scaled.moneyText(p.cash())).append(',');
        str(b, "settlement_date", p.settlementDate().toString());
        return b.append('}').toString();
    }

    public static String balances(BalanceView v) {
        StringBuilder b = new StringBuilder(256).append('{');
        str(b, "account", v.account().value()).append(',');
        str(b, "as_of", v.asOf().toString()).append(',');
        str(b, "d0", Scaled.moneyText(v.d0())).append(',');
        str(b, "d1", Scaled.moneyText(v.d1())).append(',');
        str(b, "d2", Scaled.moneyText(v.d2())).append(',');
        str(b, "settling_d1", Scaled.moneyText(v.settlingD1())).append(',');
        str(b, "settling_d2", Scaled.moneyText(v.settlingD2())).append(',');
        str(b, "d1_date", v.d1Date().toString()).append(',');
        str(b, "d2_date", v.d2Date().toString());
        return b.append('}').toString();
    }

    public static String consolidated(ConsolidatedView v) {
        StringBuilder b = new StringBuilder(320).append('{');
        str(b, "group", v.group()).append(',');
        str(b, "instrument", v.instrument().toString()).append(',');
        num(b, "accounts", v.accounts()).append(',');
        num(b, "quantity", v.quantity()).append(',');
        str(b, "average_price", Scaled.priceText(v.averagePrice())).append(',');
        str(b, "cost", Scaled.moneyText(v.cost())).append(',');
        num(b, "day_buy_quantity", v.dayBuyQuantity()).append(',');
        num(b, "day_sell_quantity", v.daySellQuantity()).append(',');
        num(b, "day_trade_quantity", v.dayTradeQuantity()).append(',');
        str(b, "realized", Scaled.moneyText(v.realized())).append(',');
        str(b, "costs", Scaled.moneyText(v.costs()));
        return b.append('}').toString();
    }

    /** Keys and values here are ids, dates and decimal text: no character needs escaping. */
    private static StringBuilder str(StringBuilder b, String key, String value) {
        return b.append('"').append(key).append("\":\"").append(value).append('"');
    }

    private static StringBuilder num(StringBuilder b, String key, long value) {
        return b.append('"').append(key).append("\":").append(value);
    }
}
