package blackbox.candles.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blackbox.candles.core.Candle;
import blackbox.candles.core.ExchangeBuckets;
import blackbox.candles.core.LiveCandleBook.Event;
import blackbox.candles.core.Timeframe;
import blackbox.platform.domain.InstrumentId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The hub right after a candle-svc restart: the newest stored candle is not taken for closed before its trades resume. */
class LiveHubTest {
    static final InstrumentId PETR4 = new InstrumentId("PETR4", "B");
    static final long MINUTE = 60_000_000_000L;
    /** A replayed session: its minutes lie years before the wall clock. */
    static final long T0 = Instant.parse("2025-04-07T13:00:00Z").getEpochSecond() * 1_000_000_000L;
    static final long WALL = Instant.parse("2026-12-03T12:00:00Z").getEpochSecond() * 1_000_000_000L;

    static Candle m1(long start, double close, long volume) {
        return new Candle(PETR4, Timeframe.M1, start, close, close, close, close, volume,
                Candle.financialUnits(close, volume), 1, 0, 0, start, 1, start, 1);
    }

    /** The store holds minutes 0..4; minute 4 was still forming when candle-svc stopped. */
    final LiveHub hub = new LiveHub(ExchangeBuckets.saoPaulo(), () -> WALL, (i, tf) -> OptionalLong.of(T0 + 4 * MINUTE));

    @Test
    void aStreamJoiningBeforeAnyTradeDoesNotReadTheNewestStoredCandleAsClosed() throws Exception {
        LiveHub.Start start = hub.subscribe(PETR4, Timeframe.M1, e -> true);
        assertFalse(start.clockKnown(), "nothing reached the hub since start");
        assertEquals(T0 + 4 * MINUTE, hub.historyEnd(PETR4, Timeframe.M1, start),
                "history up to minute 3: the wall clock (years later) would have read minute 4 as closed");
        assertEquals(T0 + 4 * MINUTE, hub.historyEnd(PETR4, Timeframe.M1));
    }

    @Test
    void theWithheldCandleClosesOnTheLiveStreamWhenTheEngineLoadsTheInstrument() throws Exception {
        List<Event> events = new ArrayList<>();
        LiveHub.Start start = hub.subscribe(PETR4, Timeframe.M1, e -> events.add(e));
        long end = hub.historyEnd(PETR4, Timeframe.M1, start);
        // the first trade after the restart is in minute 5: the engine hands the newest stored candle (minute 4, as
        // stored) to the hub with that trade's time, then commits minute 5
        hub.changed(m1(T0 + 4 * MINUTE, 10, 300), T0 + 5 * MINUTE + 1);
        hub.changed(m1(T0 + 5 * MINUTE, 11, 100), T0 + 5 * MINUTE + 1);
        assertEquals(List.of("CLOSED@4", "FORMING@5"),
                events.stream().map(e -> e.state() + "@" + (e.bucketStart() - T0) / MINUTE).toList());
        assertEquals(end, events.getFirst().bucketStart(), "the close of exactly the bucket the history stopped before");
        assertTrue(hub.subscribe(PETR4, Timeframe.M1, e -> true).clockKnown());
    }

    @Test
    void aTradeInTheWithheldBucketMakesItFormAgain() throws Exception {
        List<Event> events = new ArrayList<>();
        hub.subscribe(PETR4, Timeframe.M1, e -> events.add(e));
        hub.changed(m1(T0 + 4 * MINUTE, 10, 300), T0 + 4 * MINUTE + 30_000_000_000L);
        hub.changed(m1(T0 + 4 * MINUTE, 10, 400), T0 + 4 * MINUTE + 30_000_000_000L);
        assertEquals(List.of("FORMING@4", "FORMING@4"),
                events.stream().map(e -> e.state() + "@" + (e.bucketStart() - T0) / MINUTE).toList());
    }
}
