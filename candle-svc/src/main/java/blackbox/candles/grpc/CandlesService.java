package blackbox.candles.grpc;

import static blackbox.candles.grpc.Requests.invalid;
import static blackbox.platform.grpc.Calls.guarded;
import static blackbox.platform.grpc.Calls.reply;

import blackbox.candles.core.Candle;
import blackbox.candles.core.CandleCsv;
import blackbox.candles.core.ExchangeBuckets;
import blackbox.candles.core.GapFill;
import blackbox.candles.core.LiveCandleBook.Event;
import blackbox.candles.core.Timeframe;
import blackbox.candles.feed.MarketDataClient;
import blackbox.candles.jobs.ReprocessJob;
import blackbox.candles.live.LiveHub;
import blackbox.candles.read.CandleReadCache;
import blackbox.candles.store.CandleStore;
import blackbox.candles.store.StoreUnavailableException;
import blackbox.candles.v1.BackfillRequest;
import blackbox.candles.v1.CandlesGrpc;
import blackbox.candles.v1.CsvChunk;
import blackbox.candles.v1.ExportCandlesRequest;
import blackbox.candles.v1.GetCandlesRequest;
import blackbox.candles.v1.GetCandlesResponse;
import blackbox.candles.v1.JobProgress;
import blackbox.candles.v1.ListInstrumentsRequest;
import blackbox.candles.v1.ListInstrumentsResponse;
import blackbox.candles.v1.LiveCandle;
import blackbox.candles.v1.ReprocessRequest;
import blackbox.candles.v1.StreamCandlesRequest;
import blackbox.platform.domain.InstrumentId;
import blackbox.platform.grpc.FlowControlledStream;
import com.google.protobuf.ByteString;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.function.Function;

/**
 * {@code blackbox.candles.v1.Candles}: validates every request at the edge (INVALID_ARGUMENT naming field and value)
 * and maps outcomes: database or marketdata-svc away UNAVAILABLE.
 */
public final class CandlesService extends CandlesGrpc.CandlesImplBase {
    /** Longest range of one Reprocess or Backfill request. */
    static final int MAX_JOB_DAYS = 366;
    private static final int HISTORY_PAGE = 10_000;
    private static final int CSV_CHUNK = 64 * 1024;

    private final CandleStore store;
    private final CandleReadCache reader;
    private final LiveHub hub;
    private final ReprocessJob job;
    private final MarketDataClient marketData;
    private final ExchangeBuckets buckets;
    private final ExecutorService jobs;
    private final ExecutorService drain;
    private final int streamCapacity;
    private final KnownInstruments known;

    /**
     * @param seenLive whether the engine has seen trades of an instrument since start
     * @param jobs runs Reprocess, Backfill and Export
     * @param drain sends live streams
     */
    public CandlesService(CandleStore store, CandleReadCache reader, LiveHub hub, ReprocessJob job, MarketDataClient marketData,
                          ExchangeBuckets buckets, ExecutorService jobs, ExecutorService drain, int streamCapacity,
                          Function<InstrumentId, Boolean> seenLive) {
        this.store = store;
        this.reader = reader;
        this.hub = hub;
        this.job = job;
        this.marketData = marketData;
        this.buckets = buckets;
        this.jobs = jobs;
        this.drain = drain;
        this.streamCapacity = streamCapacity;
        this.known = new KnownInstruments(store, seenLive);
    }

    private static StatusRuntimeException unavailable(StoreUnavailableException e) {
        return Status.UNAVAILABLE.withDescription(e.getMessage()).asRuntimeException();
    }

    private InstrumentId knownInstrument(blackbox.gateway.v1.InstrumentId proto) throws StoreUnavailableException {
        return known.require(proto);
    }

    static blackbox.candles.v1.Candle proto(Candle c) {
        return fields(blackbox.candles.v1.Candle.newBuilder()
                .setInstrument(blackbox.gateway.v1.InstrumentId.newBuilder().setTicker(c.instrument().ticker())
                        .setExchange(c.instrument().exchange()))
                .setTimeframe(c.timeframe().label()), c);
    }

    /** A candle of a GetCandles page: instrument and timeframe are the request's and left out (pages stay small). */
    static blackbox.candles.v1.Candle protoInRange(Candle c) {
        return fields(blackbox.candles.v1.Candle.newBuilder(), c);
    }

    private static blackbox.candles.v1.Candle fields(blackbox.candles.v1.Candle.Builder b, Candle c) {
        b.setBucketStartNanos(c.bucketStart())
                .setOpen(c.open()).setHigh(c.high()).setLow(c.low()).setClose(c.close())
                .setVolume(c.volume())
                .setFinancialVolumeUnits(c.financialVolumeUnits())
                .setTrades(c.tradeCount())
                .setBuyVolume(c.buyVolume()).setSellVolume(c.sellVolume());
        if (c.volume() > 0) b.setVwap(c.vwap());
        return b.build();
    }

    @Override
    public void getCandles(GetCandlesRequest request, StreamObserver<GetCandlesResponse> response) {
        guarded(response, () -> {
            Timeframe tf = Requests.timeframe(request.getTimeframe());
            Requests.range(request.getFromNanos(), request.getToNanos());
            int limit = Requests.limit(request.getLimit());
            long after = Requests.pageToken(request.getPageToken());
            try {
                InstrumentId id = knownInstrument(request.getInstrument());
                if (request.getLatest()) {
                    reply(response, latest(id, tf, request, limit, after == Long.MIN_VALUE ? Long.MAX_VALUE : after));
                    return;
                }
                GetCandlesResponse.Builder b = GetCandlesResponse.newBuilder();
                if (request.getFillGaps()) {
                    List<Candle> page = reader.read(id, tf, request.getFromNanos(), request.getToNanos(), limit + 1, after);
                    boolean more = page.size() > limit;
                    if (more) page = page.subList(0, limit);
                    long pageFrom = after == Long.MIN_VALUE ? request.getFromNanos()
                            : buckets.of(id.exchange()).bucketEnd(tf, after);
                    long pageTo = more ? page.getLast().bucketStart() + 1 : request.getToNanos();
                    double previous = store.before(id, tf, pageFrom).map(Candle::close).orElse(Double.NaN);
                    for (Candle c : GapFill.fill(buckets.of(id.exchange()), id, tf, pageFrom, pageTo, page, previous)) {
                        b.addCandles(protoInRange(c));
                    }
                    if (more) b.setNextPageToken(Long.toString(page.getLast().bucketStart()));
                } else {
                    // one more than asked tells whether another page follows; cached series come encoded already
                    List<blackbox.candles.v1.Candle> page = reader.readEncoded(id, tf, request.getFromNanos(),
                            request.getToNanos(), limit + 1, after, CandlesService::protoInRange);
                    boolean more = page.size() > limit;
                    if (more) page = page.subList(0, limit);
                    b.addAllCandles(page);
                    if (more) b.setNextPageToken(Long.toString(page.getLast().getBucketStartNanos()));
                }
                reply(response, b.build());
            } catch (StoreUnavailableException e) {
                throw unavailable(e);
            }
        });
    }

    /**
     * A page of the newest candles of the range before {@code before} (exclusive), ascending; the token names the
     * page before it. With gap filling: the newest {@code limit} buckets, each gap flat at the previous close.
     */
    private GetCandlesResponse latest(InstrumentId id, Timeframe tf, GetCandlesRequest request, int limit, long before)
            throws StoreUnavailableException {
        long from = request.getFromNanos();
        long to = Math.min(request.getToNanos(), before);
        GetCandlesResponse.Builder b = GetCandlesResponse.newBuilder();
        if (!request.getFillGaps()) {
            List<blackbox.candles.v1.Candle> page = reader.readLatestEncoded(id, tf, from, request.getToNanos(), limit + 1,
                    before, CandlesService::protoInRange);
            boolean more = page.size() > limit;
            if (more) page = page.subList(1, page.size());
            b.addAllCandles(page);
            if (more) b.setNextPageToken(Long.toString(page.getFirst().getBucketStartNanos()));
            return b.build();
        }
        // limit real candles span at least limit buckets: the newest limit buckets lie after the oldest of them
        List<Candle> real = reader.readLatest(id, tf, from, request.getToNanos(), limit + 1, before);
        if (real.isEmpty()) return b.build();
        boolean moreReal = real.size() > limit;
        if (moreReal) real = real.subList(1, real.size());
        // the newest page ends with the newest candle (no invented ones after it); an older page fills up to the next
        long until = before == Long.MAX_VALUE ? buckets.of(id.exchange()).bucketEnd(tf, real.getLast().bucketStart()) : to;
        List<Candle> filled = GapFill.fillLatest(buckets.of(id.exchange()), id, tf, real, until, limit);
        boolean more = moreReal || filled.getFirst().bucketStart() > real.getFirst().bucketStart();
        for (Candle c : filled) b.addCandles(protoInRange(c));
        if (more && !filled.isEmpty()) b.setNextPageToken(Long.toString(filled.getFirst().bucketStart()));
        return b.build();
    }

    @Override
    public void streamCandles(StreamCandlesRequest request, StreamObserver<LiveCandle> response) {
        guarded(response, () -> {
            Timeframe tf = Requests.timeframe(request.getTimeframe());
            InstrumentId id = Requests.instrument(request.getInstrument());
            long resumeAfter = request.getResumeAfterBucketNanos();
            if (resumeAfter < 0) {
                throw invalid("resume_after_bucket_nanos must be >= 0: resume_after_bucket_nanos=" + resumeAfter);
            }
            ServerCallStreamObserver<LiveCandle> observer = (ServerCallStreamObserver<LiveCandle>) response;
            FlowControlledStream<LiveCandle, Void> stream = new FlowControlledStream<>(observer, streamCapacity, 1,
                    Void.class, batch -> null, drain);
            LiveSubscriber subscriber = new LiveSubscriber(stream, streamCapacity);
            LiveHub.Start start = hub.subscribe(id, tf, subscriber);
            stream.onCancel(() -> hub.unsubscribe(id, tf, subscriber));
            try {
                long lastSent = start.snapshot().lastClosedBucket();
                if (resumeAfter != 0) {
                    lastSent = resumeAfter;
                    long historyEnd = hub.historyEnd(id, tf, start);
                    long after = resumeAfter;
                    while (true) {
                        List<Candle> page = reader.read(id, tf, Long.MIN_VALUE, historyEnd, HISTORY_PAGE, after);
                        for (Candle c : page) {
                            stream.offer(live(LiveCandle.State.CLOSED, c));
                            lastSent = c.bucketStart();
                        }
                        stream.signal();
                        if (page.size() < HISTORY_PAGE) break;
                        after = page.getLast().bucketStart();
                    }
                    lastSent = Math.max(lastSent, start.snapshot().lastClosedBucket());
                }
                Candle forming = start.snapshot().forming();
                if (forming != null && forming.bucketStart() > lastSent) {
                    stream.offer(live(LiveCandle.State.FORMING, forming));
                    stream.signal();
                }
                subscriber.goLive(lastSent);
            } catch (StoreUnavailableException e) {
                hub.unsubscribe(id, tf, subscriber);
                stream.fail(Status.UNAVAILABLE.withDescription(e.getMessage()));
            }
        });
    }

    static LiveCandle live(LiveCandle.State state, Candle c) {
        return LiveCandle.newBuilder().setState(state).setCandle(proto(c)).build();
    }

    /** Buffers the events published while the subscriber reads its history, then passes them on, filtered. */
    private static final class LiveSubscriber implements LiveHub.Listener {
        private final FlowControlledStream<LiveCandle, Void> stream;
        private final int bufferLimit;
        private List<Event> buffer = new ArrayList<>();
        private long lastSentClosed;

        LiveSubscriber(FlowControlledStream<LiveCandle, Void> stream, int bufferLimit) {
            this.stream = stream;
            this.bufferLimit = bufferLimit;
        }

        @Override
        public synchronized boolean onEvent(Event e) {
            if (buffer != null) {
                if (buffer.size() >= bufferLimit) {
                    stream.fail(Status.RESOURCE_EXHAUSTED.withDescription("more than " + bufferLimit
                            + " live events while the history was being sent; resume to continue"));
                    return false;
                }
                buffer.add(e);
                return true;
            }
            send(e);
            return !stream.isOver();
        }

        synchronized void goLive(long lastSent) {
            lastSentClosed = lastSent;
            List<Event> pending = buffer;
            buffer = null;
            for (Event e : pending) send(e);
        }

        private void send(Event e) {
            if (LiveHub.isSeriesProgress(e.state()) && e.bucketStart() <= lastSentClosed) {
                return; // already sent from the store: no close twice
            }
            LiveCandle.Builder b = LiveCandle.newBuilder();
            switch (e.state()) {
                case FORMING -> b.setState(LiveCandle.State.FORMING).setCandle(proto(e.candle()));
                case CLOSED -> {
                    b.setState(LiveCandle.State.CLOSED).setCandle(proto(e.candle()));
                    lastSentClosed = e.bucketStart();
                }
                case CORRECTED -> b.setState(LiveCandle.State.CORRECTED).setCandle(proto(e.candle()));
                case REMOVED -> b.setState(LiveCandle.State.REMOVED).setCandle(blackbox.candles.v1.Candle.newBuilder()
                        .setInstrument(blackbox.gateway.v1.InstrumentId.newBuilder()
                                .setTicker(e.instrument().ticker()).setExchange(e.instrument().exchange()))
                        .setTimeframe(e.timeframe().label()).setBucketStartNanos(e.bucketStart()));
            }
            stream.offer(b.build());
            stream.signal();
        }
    }

    @Override
    public void reprocess(ReprocessRequest request, StreamObserver<JobProgress> response) {
        guarded(response, () -> {
            InstrumentId id = Requests.instrument(request.getInstrument());
            Requests.jobRange(request.getFromNanos(), request.getToNanos(), MAX_JOB_DAYS);
            ServerCallStreamObserver<JobProgress> observer = (ServerCallStreamObserver<JobProgress>) response;
            ProgressSender sender = new ProgressSender(observer);
            jobs.execute(() -> runJob(sender, () -> rebuild(id, request.getFromNanos(), request.getToNanos(), sender)));
        });
    }

    @Override
    public void backfill(BackfillRequest request, StreamObserver<JobProgress> response) {
        guarded(response, () -> {
            InstrumentId id = Requests.instrument(request.getInstrument());
            Requests.jobRange(request.getFromNanos(), request.getToNanos(), MAX_JOB_DAYS);
            ServerCallStreamObserver<JobProgress> observer = (ServerCallStreamObserver<JobProgress>) response;
            ProgressSender sender = new ProgressSender(observer);
            jobs.execute(() -> runJob(sender, () -> {
                marketData.backfill(id, request.getFromNanos(), request.getToNanos(), p -> sender.send(
                        JobProgress.newBuilder().setPhase("history").setPercent(p.getPercent())
                                .setTrades(p.getTradesReceived()).build(), p.getDone()));
                rebuild(id, request.getFromNanos(), request.getToNanos(), sender);
            }));
        });
    }

    private interface Job {
        void run() throws Exception;
    }

    private static void runJob(ProgressSender sender, Job job) {
        try {
            job.run();
            sender.finish();
        } catch (StatusRuntimeException e) {
            sender.fail(Status.fromCode(e.getStatus().getCode())
                    .withDescription("marketdata-svc: " + e.getStatus().getDescription()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            sender.fail(Status.CANCELLED.withDescription("candle-svc is stopping"));
        } catch (Exception e) {
            sender.fail(Status.INTERNAL.withDescription(e.toString()));
        }
    }

    private void rebuild(InstrumentId id, long from, long to, ProgressSender sender) throws InterruptedException {
        long written = job.rebuild(id, from, to, (percent, trades, candles) -> sender.send(JobProgress.newBuilder()
                .setPhase("candles").setPercent(percent).setTrades(trades).setCandlesWritten(candles).build(), false));
        known.add(id);
        sender.last = JobProgress.newBuilder().setPhase("candles").setPercent(100).setCandlesWritten(written);
    }

    /** Sends job progress, one message per change of percent and phase, and the final done message. */
    private static final class ProgressSender {
        private final ServerCallStreamObserver<JobProgress> observer;
        private String lastPhase = "";
        private int lastPercent = -1;
        JobProgress.Builder last = JobProgress.newBuilder();

        ProgressSender(ServerCallStreamObserver<JobProgress> observer) {
            this.observer = observer;
        }

        synchronized void send(JobProgress p, boolean force) {
            if (observer.isCancelled()) return;
            if (force || p.getPercent() != lastPercent || !p.getPhase().equals(lastPhase)) {
                lastPercent = p.getPercent();
                lastPhase = p.getPhase();
                observer.onNext(p);
            }
        }

        synchronized void finish() {
            if (observer.isCancelled()) return;
            observer.onNext(last.setDone(true).build());
            observer.onCompleted();
        }

        synchronized void fail(Status status) {
            if (observer.isCancelled()) return;
            observer.onError(status.asRuntimeException());
        }
    }

    @Override
    public void exportCandles(ExportCandlesRequest request, StreamObserver<CsvChunk> response) {
        guarded(response, () -> {
            Timeframe tf = Requests.timeframe(request.getTimeframe());
            Requests.range(request.getFromNanos(), request.getToNanos());
            InstrumentId id;
            try {
                id = knownInstrument(request.getInstrument());
            } catch (StoreUnavailableException e) {
                throw unavailable(e);
            }
            ServerCallStreamObserver<CsvChunk> observer = (ServerCallStreamObserver<CsvChunk>) response;
            jobs.execute(() -> export(id, tf, request.getFromNanos(), request.getToNanos(), observer));
        });
    }

    private void export(InstrumentId id, Timeframe tf, long from, long to, ServerCallStreamObserver<CsvChunk> observer) {
        try {
            StringBuilder out = new StringBuilder(CSV_CHUNK + 256).append(CandleCsv.HEADER);
            long after = Long.MIN_VALUE;
            while (true) {
                List<Candle> page = store.read(id, tf, from, to, HISTORY_PAGE, after);
                for (Candle c : page) {
                    CandleCsv.append(out, c);
                    if (out.length() >= CSV_CHUNK) {
                        if (!sendChunk(observer, out)) return;
                    }
                }
                if (page.size() < HISTORY_PAGE) break;
                after = page.getLast().bucketStart();
            }
            if (!out.isEmpty() && !sendChunk(observer, out)) return;
            observer.onCompleted();
        } catch (StoreUnavailableException e) {
            observer.onError(unavailable(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            observer.onError(Status.CANCELLED.withDescription("candle-svc is stopping").asRuntimeException());
        }
    }

    /** Sends a chunk once the client can take it (flow control), then empties the buffer; false if cancelled. */
    private static boolean sendChunk(ServerCallStreamObserver<CsvChunk> observer, StringBuilder out)
            throws InterruptedException {
        while (!observer.isReady()) {
            if (observer.isCancelled()) return false;
            Thread.sleep(1);
        }
        observer.onNext(CsvChunk.newBuilder().setData(ByteString.copyFrom(out.toString(), StandardCharsets.UTF_8)).build());
        out.setLength(0);
        return true;
    }

    @Override
    public void listInstruments(ListInstrumentsRequest request, StreamObserver<ListInstrumentsResponse> response) {
        guarded(response, () -> {
            try {
                TreeSet<InstrumentId> all = new TreeSet<>(java.util.Comparator.comparing(InstrumentId::ticker)
                        .thenComparing(InstrumentId::exchange));
                all.addAll(store.instruments());
                all.addAll(known.found());
                ListInstrumentsResponse.Builder b = ListInstrumentsResponse.newBuilder();
                for (InstrumentId id : all) {
                    b.addInstruments(blackbox.gateway.v1.InstrumentId.newBuilder().setTicker(id.ticker())
                            .setExchange(id.exchange()));
                }
                reply(response, b.build());
            } catch (StoreUnavailableException e) {
                throw unavailable(e);
            }
        });
    }
}
