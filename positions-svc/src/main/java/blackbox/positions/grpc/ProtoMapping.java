package blackbox.positions.grpc;

import blackbox.platform.domain.InstrumentId;
import blackbox.positions.core.BalanceView;
import blackbox.positions.core.ConsolidatedView;
import blackbox.positions.core.PositionView;
import blackbox.positions.core.Scaled;
import blackbox.positions.service.Difference;
import blackbox.positions.v1.Balances;
import blackbox.positions.v1.Consolidated;
import blackbox.positions.v1.CostLine;
import blackbox.positions.v1.Position;
import blackbox.positions.v1.PositionType;
import blackbox.positions.v1.Segment;
import java.util.Map;

/** Core views to {@code blackbox.positions.v1} messages: money and prices as exact decimal text. */
final class ProtoMapping {
    private ProtoMapping() {
    }

    static blackbox.gateway.v1.InstrumentId instrument(InstrumentId id) {
        return blackbox.gateway.v1.InstrumentId.newBuilder().setTicker(id.ticker()).setExchange(id.exchange()).build();
    }

    static Position position(PositionView p) {
        Position.Builder b = Position.newBuilder()
                .setAccount(p.account().value())
                .setInstrument(instrument(p.instrument()))
                .setGroup(p.group())
                .setSegment(switch (p.segment()) {
                    case EQUITY -> Segment.SEGMENT_EQUITY;
                    case OPTION -> Segment.SEGMENT_OPTION;
                    case FUTURE -> Segment.SEGMENT_FUTURE;
                })
                .setTradeDate(p.tradeDate().toString())
                .setOpeningQuantity(p.openingQuantity())
                .setOpeningAveragePrice(Scaled.priceText(p.openingAveragePrice()))
                .setDayBuyQuantity(p.dayBuyQuantity())
                .setDayBuyAveragePrice(Scaled.priceText(p.dayBuyAveragePrice()))
                .setDaySellQuantity(p.daySellQuantity())
                .setDaySellAveragePrice(Scaled.priceText(p.daySellAveragePrice()))
                .setDayTradeQuantity(p.dayTradeQuantity())
                .setDayTradeNetQuantity(p.dayTradeNetQuantity())
                .setDayTradeAveragePrice(Scaled.priceText(p.dayTradeAveragePrice()))
                .setQuantity(p.quantity())
                .setAveragePrice(Scaled.priceText(p.averagePrice()))
                .setCost(Scaled.moneyText(p.cost()))
                .setRealizedDayTrade(Scaled.moneyText(p.realizedDayTrade()))
                .setRealizedSwing(Scaled.moneyText(p.realizedSwing()))
                .setRealized(Scaled.moneyText(p.realized()))
                .setCosts(Scaled.moneyText(p.costs()))
                .setMarkPrice(Scaled.priceText(p.markPriceE4()))
                .setUnrealized(Scaled.moneyText(p.unrealized()))
                .setSettlementPrice(Scaled.priceText(p.settlementPriceE4()))
                .setDailyAdjustment(Scaled.moneyText(p.dailyAdjustment()))
                .setCash(Scaled.moneyText(p.cash()))
                .setSettlementDate(p.settlementDate().toString())
                .setMultiplier(Scaled.multiplierText(p.multiplierE2()));
        for (Map.Entry<String, Long> line : p.costLines().entrySet()) {
            b.addCostLines(CostLine.newBuilder().setName(line.getKey()).setAmount(Scaled.moneyText(line.getValue())));
        }
        return b.build();
    }

    static Balances balances(BalanceView v) {
        return Balances.newBuilder()
                .setAccount(v.account().value())
                .setAsOf(v.asOf().toString())
                .setD0(Scaled.moneyText(v.d0()))
                .setD1(Scaled.moneyText(v.d1()))
                .setD2(Scaled.moneyText(v.d2()))
                .setSettlingD1(Scaled.moneyText(v.settlingD1()))
                .setSettlingD2(Scaled.moneyText(v.settlingD2()))
                .setD1Date(v.d1Date().toString())
                .setD2Date(v.d2Date().toString())
                .build();
    }

    static Consolidated consolidated(ConsolidatedView v) {
        return Consolidated.newBuilder()
                .setGroup(v.group())
                .setInstrument(instrument(v.instrument()))
                .setAccounts(v.accounts())
                .setQuantity(v.quantity())
                .setAveragePrice(Scaled.priceText(v.averagePrice()))
                .setCost(Scaled.moneyText(v.cost()))
                .setDayBuyQuantity(v.dayBuyQuantity())
                .setDaySellQuantity(v.daySellQuantity())
                .setDayTradeQuantity(v.dayTradeQuantity())
                .setRealized(Scaled.moneyText(v.realized()))
                .setCosts(Scaled.moneyText(v.costs()))
                .setMarkPrice(Scaled.priceText(v.markPriceE4()))
                .setUnrealized(Scaled.moneyText(v.unrealized()))
                .build();
    }

    static blackbox.positions.v1.Difference difference(Difference d) {
        blackbox.positions.v1.Difference.Builder b = blackbox.positions.v1.Difference.newBuilder()
                .setAccount(d.account().value())
                .setField(d.field())
                .setOurs(d.ours())
                .setTheirs(d.theirs());
        if (d.instrument() != null) b.setInstrument(instrument(d.instrument()));
        if (d.positionType() != null) {
            b.setPositionType(switch (d.positionType()) {
                case DAY_TRADE -> PositionType.POSITION_TYPE_DAY_TRADE;
                case CONSOLIDATED -> PositionType.POSITION_TYPE_CONSOLIDATED;
            });
        }
        return b.build();
    }
}
