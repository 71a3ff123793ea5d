package blackbox.gateway.engine;

import blackbox.gateway.session.DllEvent;
import blackbox.platform.domain.InstrumentId;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * History requests, answered one at a time: the DLL's history callbacks do not say which request they
 * answer, only the instrument, so the engine never has two in flight. Requests wait in order.
 *
 * <p>Guarded by the engine: {@link #onEvent} runs on the consumer thread, the rest on the control thread;
 * every method is synchronized. Silence is measured on the injected clock (milliseconds), so a test can
 * drive the timeout.
 */
final class HistoryQueue {
    /** One request and its progress. */
    static final class Request {
        final InstrumentId instrument;
        final long fromNanos;
        final long toNanos;
        final HistorySink sink;
        long trades;
        volatile long lastEventMillis;
        volatile boolean cancelled;

        Request(InstrumentId instrument, long fromNanos, long toNanos, HistorySink sink) {
            this.instrument = instrument;
            this.fromNanos = fromNanos;
            this.toNanos = toNanos;
            this.sink = sink;
        }
    }

    private final Deque<Request> waiting = new ArrayDeque<>();
    private final InstantSource clock;
    private Request active;

    HistoryQueue(InstantSource clock) {
        this.clock = clock;
    }

    synchronized void add(Request request) {
        waiting.addLast(request);
    }

    /** The next request to send to the DLL, if none is in flight. */
    synchronized Request startNext() {
        if (active != null) return null;
        Request next;
        do {
            next = waiting.pollFirst();
        } while (next != null && next.cancelled);
        if (next != null) {
            next.lastEventMillis = clock.millis();
            active = next;
        }
        return next;
    }

    synchronized Request active() {
        return active;
    }

    synchronized void finishActive(Request request) {
        if (active == request) active = null;
    }

    /** A request in flight that has heard nothing from the DLL for longer than a timeout, and for how long (ms). */
    record Silent(Request request, long idleMillis) {
    }

    /**
     * The active request if it has been silent for more than {@code timeout} (it is then no longer active),
     * else {@code null}. Silence counts from its start or its last history event.
     */
    synchronized Silent expireSilent(Duration timeout) {
        if (active == null) return null;
        long idle = clock.millis() - active.lastEventMillis;
        if (idle <= timeout.toMillis()) return null;
        Request expired = active;
        active = null;
        return new Silent(expired, idle);
    }

    /** Routes a history trade or progress event to the active request; true when it completed. */
    synchronized boolean onEvent(DllEvent e) {
        Request r = active;
        if (r == null || !r.instrument.equals(e.instrument)) return false;
        r.lastEventMillis = clock.millis();
        if (e.kind == DllEvent.HISTORY_TRADE) {
            if (e.timeNanos >= r.fromNanos && e.timeNanos <= r.toNanos && !r.cancelled) {
                r.trades++;
                r.sink.onTrade(e);
            }
            return false;
        }
        if (!r.cancelled) r.sink.onProgress(e.a);
        if (e.a >= 100) {
            if (!r.cancelled) r.sink.onComplete(r.trades);
            active = null;
            return true;
        }
        return false;
    }

    /** Aborts everything (stop). */
    synchronized void abortAll(String reason) {
        if (active != null && !active.cancelled) active.sink.onAborted(reason);
        active = null;
        for (Request r : waiting) {
            if (!r.cancelled) r.sink.onAborted(reason);
        }
        waiting.clear();
    }
}
