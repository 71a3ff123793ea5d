package blackbox.candles.grpc;

import static blackbox.candles.grpc.Requests.invalid;
import static blackbox.platform.grpc.Calls.guarded;
import static blackbox.platform.grpc.Calls.reply;

import blackbox.candles.core.Candle;
import blackbox.candles.core.ExchangeBuckets;
import blackbox.candles.core.Timeframe;
import blackbox.candles.indicators.IndicatorCatalog;
import blackbox.candles.indicators.IndicatorDefinition;
import blackbox.candles.indicators.IndicatorSet;
import blackbox.candles.indicators.IndicatorSpec;
import blackbox.candles.live.LiveHub;
import blackbox.candles.read.CandleReadCache;
import blackbox.candles.store.CandleStore;
import blackbox.candles.store.IndicatorCheckpoints;
import blackbox.candles.store.StoreUnavailableException;
import blackbox.indicators.v1.GetIndicatorRequest;
import blackbox.indicators.v1.GetIndicatorResponse;
import blackbox.indicators.v1.IndicatorDescription;
import blackbox.indicators.v1.IndicatorParameter;
import blackbox.indicators.v1.IndicatorValue;
import blackbox.indicators.v1.IndicatorsGrpc;
import blackbox.indicators.v1.ListIndicatorsRequest;
import blackbox.indicators.v1.ListIndicatorsResponse;
import blackbox.indicators.v1.LiveIndicatorValue;
import blackbox.indicators.v1.StreamIndicatorsRequest;
import blackbox.platform.domain.InstrumentId;
import blackbox.platform.grpc.FlowControlledStream;
import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;

/**
 * {@code blackbox.indicators.v1.Indicators}: indicator values over the stored candles, computed from the stored
 * per-day checkpoint before the first value asked for ({@link CheckpointedHistory}; the first read of a series
 * computes from its first candle and stores the checkpoints), and live values beside the candle stream, warmed up
 * the same way. Bad specs, timeframes, ranges and instruments are
 * INVALID_ARGUMENT naming the field and value; the database away is UNAVAILABLE.
 */
public final class IndicatorsService extends IndicatorsGrpc.IndicatorsImplBase {
    /** Most specs on one live stream. */
    static final int MAX_SPECS = 16;
    private static final int PAGE = 10_000;

    private final CandleReadCache reader;
    private final CheckpointedHistory history;
    private final CandleStore store;
    private final LiveHub hub;
    private final ExchangeBuckets buckets;
    private final KnownInstruments known;
    private final ExecutorService drain;
    private final int streamCapacity;

    /**
     * @param drain sends live streams
     * @param streamCapacity messages a live stream buffers (and events it queues) before it ends RESOURCE_EXHAUSTED
     */
    public IndicatorsService(CandleStore store, CandleReadCache reader, IndicatorCheckpoints checkpoints, LiveHub hub,
                             ExchangeBuckets buckets, java.util.function.Function<InstrumentId, Boolean> seenLive,
                             ExecutorService drain, int streamCapacity) {
        this.reader = reader;
        this.store = store;
        this.history = new CheckpointedHistory(store, checkpoints, buckets);
        this.hub = hub;
        this.buckets = buckets;
        this.known = new KnownInstruments(store, seenLive);
        this.drain = drain;
        this.streamCapacity = streamCapacity;
    }

    static IndicatorSpec spec(String field, String text) {
        try {
            return IndicatorSpec.parse(text);
        } catch (IndicatorSpec.InvalidSpecException e) {
            throw invalid(field + ": " + e.getMessage());
        }
    }

    private ZoneId zone(InstrumentId id) {
        return buckets.of(id.exchange()).zone();
    }

    @Override
    public void getIndicator(GetIndicatorRequest request, StreamObserver<GetIndicatorResponse> response) {
        guarded(response, () -> {
            IndicatorSpec spec = spec("spec", request.getSpec());
            Timeframe tf = Requests.timeframe(request.getTimeframe());
            long from = request.getFromNanos();
            long to = request.getToNanos();
            Requests.range(from, to);
            int limit = Requests.limit(request.getLimit());
            try {
                InstrumentId id = known.require(request.getInstrument());
                long historyEnd = hub.historyEnd(id, tf);
                IndicatorSet set = new IndicatorSet(List.of(spec), zone(id));
                GetIndicatorResponse.Builder b = GetIndicatorResponse.newBuilder().setSpec(spec.toString())
                        .addAllOutputs(spec.outputs());
                boolean[] forming = new boolean[1];
                IndicatorSet.Sink sink = (i, s, bucket, values) ->
                        b.addValues(value(bucket, values).setProvisional(forming[0]));
                history.replay(id, tf, set, from, to, historyEnd, c -> {
                    forming[0] = c.bucketStart() >= historyEnd;
                    if (c.bucketStart() < from) {
                        if (!forming[0]) set.close(c, null); // warm-up before the range
                        return true;
                    }
                    if (b.getValuesCount() == limit) {
                        b.setTruncated(true);
                        return false;
                    }
                    if (forming[0]) {
                        set.provisional(c, sink);
                    } else {
                        set.close(c, sink);
                    }
                    return true;
                });
                reply(response, b.build());
            } catch (StoreUnavailableException e) {
                throw Status.UNAVAILABLE.withDescription(e.getMessage()).asRuntimeException();
            }
        });
    }

    /** A candle visitor that may stop the read. */
    @FunctionalInterface
    private interface Visitor {
        /** @return false to stop */
        boolean visit(Candle candle);
    }

    /** Visits the stored candles of a series with bucket start &lt; {@code to}, from its first, ascending. */
    private void readSeries(InstrumentId id, Timeframe tf, long to, Visitor visitor) throws StoreUnavailableException {
        long after = Long.MIN_VALUE;
        while (true) {
            List<Candle> page = reader.read(id, tf, Long.MIN_VALUE, to, PAGE, after);
            for (Candle c : page) {
                if (!visitor.visit(c)) return;
            }
            if (page.size() < PAGE) return;
            after = page.getLast().bucketStart();
        }
    }

    static IndicatorValue.Builder value(long bucket, double[] values) {
        IndicatorValue.Builder v = IndicatorValue.newBuilder().setBucketStartNanos(bucket).setReady(values != null);
        if (values != null) {
            for (double x : values) v.addValues(x);
        }
        return v;
    }

    @Override
    public void streamIndicators(StreamIndicatorsRequest request, StreamObserver<LiveIndicatorValue> response) {
        guarded(response, () -> {
            Timeframe tf = Requests.timeframe(request.getTimeframe());
            if (request.getSpecsCount() == 0 || request.getSpecsCount() > MAX_SPECS) {
                throw invalid("specs must name 1.." + MAX_SPECS + " indicators: specs=" + request.getSpecsList());
            }
            Set<IndicatorSpec> specs = new LinkedHashSet<>();
            for (int i = 0; i < request.getSpecsCount(); i++) {
                specs.add(spec("specs[" + i + "]", request.getSpecs(i)));
            }
            long resumeAfter = request.getResumeAfterBucketNanos();
            if (resumeAfter < 0) {
                throw invalid("resume_after_bucket_nanos must be >= 0: resume_after_bucket_nanos=" + resumeAfter);
            }
            // like StreamCandles: a well-formed instrument may be watched before its first trade
            InstrumentId id = Requests.instrument(request.getInstrument());
            ServerCallStreamObserver<LiveIndicatorValue> observer = (ServerCallStreamObserver<LiveIndicatorValue>) response;
            FlowControlledStream<LiveIndicatorValue, Void> stream = new FlowControlledStream<>(observer, streamCapacity,
                    1, Void.class, batch -> null, drain);
            LiveIndicatorStream live = new LiveIndicatorStream(id, tf, new IndicatorSet(List.copyOf(specs), zone(id)),
                    resumeAfter, stream, streamCapacity, this::readSeriesUnchecked, (set, first, historyEnd, each) ->
                            warmUp(id, tf, set, first, historyEnd, each), hub);
            LiveHub.Start start = hub.subscribe(id, tf, live);
            stream.onCancel(() -> {
                hub.unsubscribe(id, tf, live);
                live.stop();
            });
            if (live.start(start)) {
                Thread.ofVirtual().name("indicators-" + id.ticker() + "-" + tf.label()).start(live::run);
            } else {
                hub.unsubscribe(id, tf, live);
            }
        });
    }

    /**
     * Feeds {@code set} the stored closed candles before {@code historyEnd} from the checkpoint before the first value
     * wanted: {@code firstWanted}, or when {@link Long#MIN_VALUE} the newest closed candle (the current values).
     */
    private void warmUp(InstrumentId id, Timeframe tf, IndicatorSet set, long firstWanted, long historyEnd,
                        Consumer<Candle> each) throws StoreUnavailableException {
        long first = firstWanted != Long.MIN_VALUE ? firstWanted
                : store.before(id, tf, historyEnd).map(Candle::bucketStart).orElse(Long.MIN_VALUE);
        history.replay(id, tf, set, first, historyEnd, historyEnd, c -> {
            each.accept(c);
            return true;
        });
    }

    /** The stored closed candles of a series before {@code to}, from its first (for {@link LiveIndicatorStream}). */
    private void readSeriesUnchecked(InstrumentId id, Timeframe tf, long to, Consumer<Candle> each)
            throws StoreUnavailableException {
        readSeries(id, tf, to, c -> {
            each.accept(c);
            return true;
        });
    }

    @Override
    public void listIndicators(ListIndicatorsRequest request, StreamObserver<ListIndicatorsResponse> response) {
        guarded(response, () -> {
            ListIndicatorsResponse.Builder b = ListIndicatorsResponse.newBuilder();
            for (IndicatorDefinition d : IndicatorCatalog.all()) {
                List<IndicatorParameter> params = new ArrayList<>();
                for (IndicatorDefinition.Parameter p : d.parameters()) {
                    params.add(IndicatorParameter.newBuilder().setName(p.name()).setDefaultValue(p.defaultValue())
                            .setMin(p.min()).setMax(p.max()).setInteger(p.integer()).build());
                }
                b.addIndicators(IndicatorDescription.newBuilder().setName(d.name()).setTitle(d.title())
                        .addAllParameters(params).addAllOutputs(d.outputs()).setOverlay(d.overlay()));
            }
            reply(response, b.build());
        });
    }
}
