package blackbox.candles.grpc;

import blackbox.candles.core.Candle;
import blackbox.candles.core.LiveCandleBook.Event;
import blackbox.candles.core.LiveCandleBook.State;
import blackbox.candles.core.Timeframe;
import blackbox.candles.indicators.IndicatorSet;
import blackbox.candles.indicators.IndicatorSpec;
import blackbox.candles.live.LiveHub;
import blackbox.candles.store.StoreUnavailableException;
import blackbox.indicators.v1.LiveIndicatorValue;
import blackbox.platform.domain.InstrumentId;
import blackbox.platform.grpc.FlowControlledStream;
import io.grpc.Status;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Consumer;

/**
 * One StreamIndicators call: the indicators warm up on the series' stored closed candles (from the per-day
 * checkpoint before the first value the client needs), then follow the live
 * candle events — a PROVISIONAL value per forming update, a FINAL value per close (each bucket once), and on a
 * correction of a closed candle a rebuild from the store with CORRECTED values from that bucket on.
 *
 * <p>Threads: the gRPC thread warms up ({@link #start}); the engine thread delivers events to {@link #onEvent},
 * which only queues them (never blocks); the call's own virtual thread ({@link #run}) computes them and reads the
 * store on corrections; the drain executor sends.
 */
final class LiveIndicatorStream implements LiveHub.Listener {
    /** Reads the stored candles of a series before a bucket, from its first. */
    @FunctionalInterface
    interface SeriesReader {
        void read(InstrumentId id, Timeframe tf, long toExclusive, Consumer<Candle> each) throws StoreUnavailableException;
    }

    /** Restores a set from the checkpoint before {@code firstWanted} and feeds it the closed candles after it. */
    @FunctionalInterface
    interface WarmUp {
        /** @param firstWanted the first bucket whose values are needed; {@link Long#MIN_VALUE}: the newest closed one's */
        void replay(IndicatorSet set, long firstWanted, long historyEnd, Consumer<Candle> each) throws StoreUnavailableException;
    }

    private static final Event STOP = new Event(State.REMOVED, new InstrumentId("STOP", "X"), Timeframe.M1, 0, null);

    private final InstrumentId instrument;
    private final Timeframe timeframe;
    private final IndicatorSet set;
    private final long resumeAfter;
    private final FlowControlledStream<LiveIndicatorValue, Void> stream;
    private final BlockingQueue<Event> events;
    private final SeriesReader reader;
    private final WarmUp warmer;
    private final LiveHub hub;
    /** Bucket start of the last candle whose FINAL values the client has (or was deliberately not sent). */
    private long lastFinal = Long.MIN_VALUE;

    /** @param resumeAfter 0 to start with the current values, else the last bucket whose FINAL values the client has */
    LiveIndicatorStream(InstrumentId instrument, Timeframe timeframe, IndicatorSet set, long resumeAfter,
                        FlowControlledStream<LiveIndicatorValue, Void> stream, int capacity, SeriesReader reader,
                        WarmUp warmUp, LiveHub hub) {
        this.instrument = instrument;
        this.timeframe = timeframe;
        this.set = set;
        this.resumeAfter = resumeAfter;
        this.stream = stream;
        this.events = new ArrayBlockingQueue<>(capacity);
        this.reader = reader;
        this.warmer = warmUp;
        this.hub = hub;
    }

    @Override
    public boolean onEvent(Event event) {
        if (stream.isOver()) {
            return false;
        }
        if (!events.offer(event)) {
            stream.fail(Status.RESOURCE_EXHAUSTED.withDescription("more than " + events.size()
                    + " candle events waiting for indicators; resume to continue"));
            return false;
        }
        return true;
    }

    void stop() {
        events.clear();
        events.offer(STOP);
    }

    /**
     * Warms up on the stored closed candles and sends the first values. Called on the gRPC thread right after
     * subscribing, so the store is read as it was when the subscription's snapshot was taken (as StreamCandles
     * reads its history): candles stored later reach this stream as events.
     *
     * @return false when the stream already failed
     */
    boolean start(LiveHub.Start start) {
        try {
            warmUp(hub.historyEnd(instrument, timeframe, start));
            Candle forming = start.snapshot().forming();
            if (forming != null && forming.bucketStart() > lastFinal) {
                set.provisional(forming, sender(LiveIndicatorValue.Kind.PROVISIONAL));
            }
            stream.signal();
            return true;
        } catch (StoreUnavailableException e) {
            stream.fail(Status.UNAVAILABLE.withDescription(e.getMessage()));
            return false;
        }
    }

    /** Follows the live events until the stream ends (the call's own thread). */
    void run() {
        try {
            while (!stream.isOver()) {
                Event e = events.take();
                if (e == STOP) return;
                apply(e);
                stream.signal();
            }
        } catch (StoreUnavailableException e) {
            stream.fail(Status.UNAVAILABLE.withDescription(e.getMessage()));
        } catch (InterruptedException e) {
            stream.fail(Status.CANCELLED.withDescription("candle-svc is stopping"));
        } catch (RuntimeException e) {
            stream.fail(Status.INTERNAL.withDescription(e.toString()));
        }
    }

    /** Feeds the closed candles before {@code historyEnd}; sends the FINAL values the client asked for. */
    private void warmUp(long historyEnd) throws StoreUnavailableException {
        IndicatorSet.Sink sendFinal = sender(LiveIndicatorValue.Kind.FINAL);
        double[][] latest = new double[set.specs().size()][];
        boolean[] ready = new boolean[latest.length];
        for (int i = 0; i < latest.length; i++) latest[i] = new double[set.specs().get(i).outputs().size()];
        IndicatorSet.Sink keepLatest = (i, spec, bucket, values) -> {
            ready[i] = values != null;
            if (values != null) System.arraycopy(values, 0, latest[i], 0, values.length);
        };
        warmer.replay(set, resumeAfter == 0 ? Long.MIN_VALUE : resumeAfter + 1, historyEnd, c -> {
            if (resumeAfter != 0 && c.bucketStart() > resumeAfter) {
                set.close(c, sendFinal);
                stream.signal();
            } else {
                set.close(c, resumeAfter == 0 ? keepLatest : null);
            }
        });
        if (resumeAfter == 0 && set.lastClosed() != Long.MIN_VALUE) {
            for (int i = 0; i < latest.length; i++) { // the current values: the last close's
                sendFinal.value(i, set.specs().get(i), set.lastClosed(), ready[i] ? latest[i] : null);
            }
        }
        lastFinal = Math.max(set.lastClosed(), resumeAfter == 0 ? Long.MIN_VALUE : resumeAfter);
    }

    private void apply(Event e) throws StoreUnavailableException {
        switch (e.state()) {
            case FORMING -> {
                if (e.bucketStart() > lastFinal) {
                    set.provisional(e.candle(), sender(LiveIndicatorValue.Kind.PROVISIONAL));
                }
            }
            case CLOSED -> {
                if (e.bucketStart() > lastFinal) {
                    set.close(e.candle(), sender(LiveIndicatorValue.Kind.FINAL));
                    lastFinal = e.bucketStart();
                }
            }
            case CORRECTED, REMOVED -> {
                if (e.bucketStart() <= lastFinal) {
                    rebuildFrom(e.bucketStart(), e.state() == State.REMOVED);
                }
            }
        }
    }

    /** Recomputes the series from the store; every value from {@code bucket} to the last close is CORRECTED. */
    private void rebuildFrom(long bucket, boolean removed) throws StoreUnavailableException {
        IndicatorSet.Sink corrected = sender(LiveIndicatorValue.Kind.CORRECTED);
        if (removed) {
            for (IndicatorSpec spec : set.specs()) {
                corrected.value(0, spec, bucket, null); // the candle is gone: so is its value
            }
        }
        set.reset();
        reader.read(instrument, timeframe, lastFinal + 1, c -> set.close(c, c.bucketStart() >= bucket ? corrected : null));
    }

    private IndicatorSet.Sink sender(LiveIndicatorValue.Kind kind) {
        return (i, spec, bucket, values) -> stream.offer(LiveIndicatorValue.newBuilder().setKind(kind)
                .setSpec(spec.toString()).addAllOutputs(spec.outputs())
                .setValue(IndicatorsService.value(bucket, values).setProvisional(kind == LiveIndicatorValue.Kind.PROVISIONAL))
                .build());
    }
}
