package blackbox.gateway.replay;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.zone.ZoneRules;
import java.util.HashMap;
import java.util.Map;

/**
 * Numbers trades 1, 2, 3… per instrument and B3 session date (the trade's date in America/Sao_Paulo), in the
 * order they are offered. One instance spans every file of one import.
 */
final class SessionNumbering {
    static final ZoneId SAO_PAULO = ZoneId.of("America/Sao_Paulo");
    private static final ZoneRules RULES = SAO_PAULO.getRules();

    private record Session(String ticker, String exchange, LocalDate date) {
    }

    private final Map<Session, long[]> last = new HashMap<>();

    /** The next number of the session holding {@code tsNanos}; fails when the session passes uint32. */
    long next(String ticker, String exchange, long tsNanos) {
        long[] counter = last.computeIfAbsent(new Session(ticker, exchange, sessionDate(tsNanos)), s -> new long[1]);
        if (counter[0] == ReplayEvent.MAX_TRADE_NUMBER) {
            throw FieldException.of("trade_number", Long.toString(counter[0] + 1), "must be in 0..4294967295 (uint32)");
        }
        return ++counter[0];
    }

    /** The B3 session date of a UTC epoch-nanosecond timestamp. */
    static LocalDate sessionDate(long tsNanos) {
        Instant instant = Instant.ofEpochSecond(Math.floorDiv(tsNanos, 1_000_000_000L));
        long local = instant.getEpochSecond() + RULES.getOffset(instant).getTotalSeconds();
        return LocalDate.ofEpochDay(Math.floorDiv(local, 86_400));
    }
}
