package blackbox.gateway.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import blackbox.gateway.session.DllCall;
import blackbox.gateway.session.DllEvent;
import blackbox.platform.domain.InstrumentId;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import org.junit.jupiter.api.Test;

/** The history idle timeout, driven by a clock the test advances (no sleeps). */
class HistoryQueueTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    /** A clock that moves only when told. */
    private static final class FakeClock implements InstantSource {
        private Instant now = Instant.parse("2025-04-07T13:00:00Z");

        @Override
        public Instant instant() {
            return now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }
    }

    /** Counts what the engine would tell the client. */
    private static final class CountingSink implements HistorySink {
        int trades;
        int progress;

        @Override public void onTrade(DllEvent trade) { trades++; }
        @Override public void onProgress(int percent) { progress++; }
        @Override public void onComplete(long trades) { }
        @Override public void onRejected(DllCall call) { }
        @Override public void onTimeout(long idleMillis) { }
        @Override public void onAborted(String reason) { }
    }

    private final FakeClock clock = new FakeClock();
    private final HistoryQueue queue = new HistoryQueue(clock);
    private final InstrumentId petr4 = instrument();

    @Test
    void aRequestSilentForLongerThanTheTimeoutExpiresWithItsIdleTime() {
        HistoryQueue.Request request = start();
        clock.advance(TIMEOUT);
        assertNull(queue.expireSilent(TIMEOUT), "exactly the timeout is not yet too long");
        clock.advance(Duration.ofMillis(1));
        HistoryQueue.Silent silent = queue.expireSilent(TIMEOUT);
        assertSame(request, silent.request());
        assertEquals(30_001, silent.idleMillis());
        assertNull(queue.active(), "an expired request is no longer in flight");
        assertNull(queue.expireSilent(TIMEOUT), "it expires once");
    }

    @Test
    void eachHistoryEventRestartsTheSilence() {
        HistoryQueue.Request request = start();
        clock.advance(Duration.ofSeconds(29));
        queue.onEvent(progress(40));
        clock.advance(Duration.ofSeconds(29));
        queue.onEvent(historyTrade());
        clock.advance(Duration.ofSeconds(29));
        assertNull(queue.expireSilent(TIMEOUT), "87 s in all, but never 30 s silent");
        clock.advance(Duration.ofSeconds(2));
        assertEquals(31_000, queue.expireSilent(TIMEOUT).idleMillis());
        assertEquals(1, ((CountingSink) request.sink).progress);
    }

    @Test
    void anEventOfAnotherInstrumentDoesNotCountAsProgress() {
        start();
        clock.advance(Duration.ofSeconds(20));
        DllEvent other = progress(50);
        other.instrument = new InstrumentId("VALE3", "B");
        queue.onEvent(other);
        clock.advance(Duration.ofSeconds(11));
        assertEquals(31_000, queue.expireSilent(TIMEOUT).idleMillis());
    }

    @Test
    void aCompletedRequestNeverExpires() {
        start();
        queue.onEvent(progress(100));
        clock.advance(Duration.ofMinutes(5));
        assertNull(queue.expireSilent(TIMEOUT));
    }

    @Test
    void silenceCountsFromTheStartNotFromTheQueueing() {
        HistoryQueue.Request first = new HistoryQueue.Request(petr4, 0, Long.MAX_VALUE, new CountingSink());
        HistoryQueue.Request second = new HistoryQueue.Request(petr4, 0, Long.MAX_VALUE, new CountingSink());
        queue.add(first);
        queue.add(second);
        assertSame(first, queue.startNext());
        clock.advance(Duration.ofSeconds(31));
        assertSame(first, queue.expireSilent(TIMEOUT).request());
        assertSame(second, queue.startNext());
        clock.advance(Duration.ofSeconds(30));
        assertNull(queue.expireSilent(TIMEOUT), "the second waited 31 s in the queue, but has been in flight 30 s");
    }

    private HistoryQueue.Request start() {
        queue.add(new HistoryQueue.Request(petr4, 0, Long.MAX_VALUE, new CountingSink()));
        return queue.startNext();
    }

    private DllEvent progress(int percent) {
        DllEvent e = new DllEvent();
        e.kind = DllEvent.PROGRESS;
        e.instrument = petr4;
        e.a = percent;
        return e;
    }

    private DllEvent historyTrade() {
        DllEvent e = new DllEvent();
        e.kind = DllEvent.HISTORY_TRADE;
        e.instrument = petr4;
        e.timeNanos = 1;
        return e;
    }

    private static InstrumentId instrument() {
        return new InstrumentId("PETR4", "B");
    }
}
