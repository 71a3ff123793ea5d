package blackbox.gateway.grpc;

import blackbox.gateway.replay.EventKind;
import blackbox.gateway.replay.ReplayEvent;
import blackbox.gateway.replay.ReplayReader;
import blackbox.gateway.v1.Aggressor;
import blackbox.gateway.v1.Trade;
import java.nio.file.Path;
import java.util.List;

/** What the gateway must deliver for a replay file, computed independently from the file. */
final class ReplayExpectations {
    private ReplayExpectations() {
    }

    /** The file's trades (T and E rows) in file order. */
    static List<ReplayEvent> trades(Path replay) throws Exception {
        try (ReplayReader reader = ReplayReader.open(replay)) {
            return reader.stream().filter(e -> e.kind() != EventKind.K).toList();
        }
    }

    /** The DLL reports times in milliseconds (SYSTEMTIME): the nanoseconds of the file are cut there. */
    static long dllTime(long nanos) {
        return Math.floorDiv(nanos, 1_000_000L) * 1_000_000L;
    }

    /** A description of the differences between a file row and a delivered trade, or null when equal. */
    static String difference(ReplayEvent expected, Trade actual) {
        StringBuilder d = new StringBuilder();
        check(d, "ticker", expected.ticker(), actual.getInstrument().getTicker());
        check(d, "exchange", expected.exchange(), actual.getInstrument().getExchange());
        check(d, "time_nanos", dllTime(expected.tsNanos()), actual.getTimeNanos());
        check(d, "price", expected.price().doubleValue(), actual.getPrice());
        check(d, "quantity", expected.quantity(), actual.getQuantity());
        check(d, "volume", expected.price().doubleValue() * expected.quantity(), actual.getVolume());
        check(d, "trade_number", expected.tradeNumber(), Integer.toUnsignedLong(actual.getTradeNumber()));
        check(d, "trade_type", expected.tradeType(), actual.getTradeType());
        check(d, "buy_agent", expected.buyAgent(), actual.getBuyAgent());
        check(d, "sell_agent", expected.sellAgent(), actual.getSellAgent());
        check(d, "edit", expected.kind() == EventKind.E, actual.getEdit());
        Aggressor aggressor = switch (expected.tradeType()) {
            case 2 -> Aggressor.AGGRESSOR_BUY;
            case 3 -> Aggressor.AGGRESSOR_SELL;
            default -> Aggressor.AGGRESSOR_NONE;
        };
        check(d, "aggressor", aggressor, actual.getAggressor());
        return d.isEmpty() ? null : d.toString();
    }

    private static void check(StringBuilder d, String field, Object expected, Object actual) {
        if (!expected.equals(actual)) d.append(field).append(": expected ").append(expected).append(" got ").append(actual).append("; ");
    }

    /** Asserts the delivered trades equal the expected rows one by one. */
    static void assertSameTrades(List<ReplayEvent> expected, List<Trade> actual) {
        if (expected.size() != actual.size()) {
            throw new AssertionError("expected " + expected.size() + " trades, got " + actual.size());
        }
        for (int i = 0; i < expected.size(); i++) {
            String diff = difference(expected.get(i), actual.get(i));
            if (diff != null) throw new AssertionError("trade " + i + " (" + expected.get(i) + "): " + diff);
        }
    }
}
