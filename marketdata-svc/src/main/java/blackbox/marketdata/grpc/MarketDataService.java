package blackbox.marketdata.grpc;

import static blackbox.platform.grpc.Calls.guarded;
import static blackbox.platform.grpc.Calls.reply;

import blackbox.gateway.v1.Trade;
import blackbox.gateway.v1.TradeBatch;
import blackbox.marketdata.ingest.Backfill;
import blackbox.marketdata.ingest.TradeFanout;
import blackbox.marketdata.store.TradeStore;
import blackbox.marketdata.subscribe.SubscriptionManager.Result;
import blackbox.marketdata.subscribe.SubscriptionManager;
import blackbox.marketdata.v1.BackfillProgress;
import blackbox.marketdata.v1.BackfillRequest;
import blackbox.marketdata.v1.IngestedInstrument;
import blackbox.marketdata.v1.ListIngestionRequest;
import blackbox.marketdata.v1.ListIngestionResponse;
import blackbox.marketdata.v1.ListSubscriptionsRequest;
import blackbox.marketdata.v1.ListSubscriptionsResponse;
import blackbox.marketdata.v1.MarketDataGrpc;
import blackbox.marketdata.v1.ReadTradesRequest;
import blackbox.marketdata.v1.StreamTradesRequest;
import blackbox.marketdata.v1.SubscribeRequest;
import blackbox.marketdata.v1.SubscribeResponse;
import blackbox.marketdata.v1.TradeStreamMessage;
import blackbox.marketdata.v1.UnsubscribeRequest;
import blackbox.marketdata.v1.UnsubscribeResponse;
import blackbox.platform.domain.InstrumentId;
import blackbox.platform.grpc.FlowControlledStream;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.regex.Pattern;

/**
 * {@code blackbox.marketdata.v1.MarketData}: validates every request at the edge (INVALID_ARGUMENT naming
 * field and value) and maps outcomes: unknown ticker NOT_FOUND, gateway or database away UNAVAILABLE.
 */
public final class MarketDataService extends MarketDataGrpc.MarketDataImplBase {
    private static final Pattern USER = Pattern.compile("[a-z0-9._@-]{1,64}");
    /** Trades per ReadTrades message. */
    public static final int READ_BATCH = 5_000;
    /** How long a ReadTrades client may read nothing before its call is ended (it holds a reader). */
    public static final Duration READ_STALL_LIMIT = Duration.ofMinutes(5);
    /** The longest window one Backfill may ask for. */
    public static final Duration MAX_BACKFILL_WINDOW = Duration.ofDays(366);

    private static final TradeStreamMessage OPENED =
            TradeStreamMessage.newBuilder().setOpened(blackbox.marketdata.v1.StreamOpened.getDefaultInstance()).build();
    /** How long a ReadTrades call waits for the trades accepted before it to be committed. */
    public static final Duration READ_STORED_WAIT = Duration.ofSeconds(10);

    private final SubscriptionManager subscriptions;
    private final TradeFanout fanout;
    private final Executor drainExecutor;
    private final int streamCapacity;
    private final TradeReads reads;
    private final Backfills backfills;

    /**
     * @param drainExecutor sends StreamTrades messages
     * @param streamCapacity messages buffered per StreamTrades consumer
     * @param readers runs ReadTrades calls, one thread each while it reads (bound it: each holds a connection)
     * @param accepted what ReadTrades waits for before it reads: the trades accepted before the call, committed
     * @param backfillExecutor runs Backfill calls, one thread each while it runs
     */
    public MarketDataService(SubscriptionManager subscriptions, TradeFanout fanout, Executor drainExecutor, int streamCapacity,
                             TradeStore store, Executor readers, AcceptedTrades accepted, Backfill backfill,
                             Executor backfillExecutor) {
        this.subscriptions = subscriptions;
        this.fanout = fanout;
        this.drainExecutor = drainExecutor;
        this.streamCapacity = streamCapacity;
        this.reads = new TradeReads(store, readers, accepted, READ_STORED_WAIT, READ_BATCH, READ_STALL_LIMIT);
        this.backfills = new Backfills(backfill, backfillExecutor);
    }

    static String user(String userId) {
        if (!USER.matcher(userId).matches()) {
            throw Status.INVALID_ARGUMENT.withDescription("user_id must match [a-z0-9._@-]{1,64}: user_id=\"" + userId + "\"")
                    .asRuntimeException();
        }
        return userId;
    }

    static InstrumentId instrument(blackbox.gateway.v1.InstrumentId id, String field) {
        try {
            return new InstrumentId(id.getTicker(), id.getExchange());
        } catch (IllegalArgumentException e) {
            throw Status.INVALID_ARGUMENT.withDescription(field + ": " + e.getMessage()).asRuntimeException();
        }
    }

    /** A window [fromNanos, toNanos) must not be empty. */
    static void window(long fromNanos, long toNanos) {
        if (fromNanos >= toNanos) {
            throw Status.INVALID_ARGUMENT.withDescription("from_nanos must be before to_nanos: from_nanos=" + fromNanos
                    + ", to_nanos=" + toNanos).asRuntimeException();
        }
    }

    /** A non-empty window [fromNanos, toNanos) must not be longer than {@code max}. */
    static void windowAtMost(long fromNanos, long toNanos, Duration max) {
        // fromNanos < toNanos, so the true length is positive and fits an unsigned long
        if (Long.compareUnsigned(toNanos - fromNanos, max.toNanos()) > 0) {
            throw Status.INVALID_ARGUMENT.withDescription("the window must be at most " + max.toDays() + " days: from_nanos="
                    + fromNanos + ", to_nanos=" + toNanos).asRuntimeException();
        }
    }

    static blackbox.gateway.v1.InstrumentId proto(InstrumentId i) {
        return blackbox.gateway.v1.InstrumentId.newBuilder().setTicker(i.ticker()).setExchange(i.exchange()).build();
    }

    @Override
    public void subscribe(SubscribeRequest request, StreamObserver<SubscribeResponse> response) {
        guarded(response, () -> {
            String user = user(request.getUserId());
            InstrumentId instrument = instrument(request.getInstrument(), "instrument");
            Result.Done done = done(subscriptions.subscribe(user, instrument));
            reply(response, SubscribeResponse.newBuilder().setNewlySubscribed(done.changed()).setReferenceCount(done.referenceCount()).build());
        });
    }

    @Override
    public void unsubscribe(UnsubscribeRequest request, StreamObserver<UnsubscribeResponse> response) {
        guarded(response, () -> {
            String user = user(request.getUserId());
            InstrumentId instrument = instrument(request.getInstrument(), "instrument");
            Result.Done done = done(subscriptions.unsubscribe(user, instrument));
            reply(response, UnsubscribeResponse.newBuilder().setWasSubscribed(done.changed()).setReferenceCount(done.referenceCount()).build());
        });
    }

    @Override
    public void listSubscriptions(ListSubscriptionsRequest request, StreamObserver<ListSubscriptionsResponse> response) {
        guarded(response, () -> {
            var list = ListSubscriptionsResponse.newBuilder();
            subscriptions.list(user(request.getUserId())).forEach(i -> list.addInstruments(proto(i)));
            reply(response, list.build());
        });
    }

    @Override
    public void listIngestion(ListIngestionRequest request, StreamObserver<ListIngestionResponse> response) {
        guarded(response, () -> {
            var list = ListIngestionResponse.newBuilder();
            subscriptions.ingestion().forEach((instrument, state) -> list.addInstruments(IngestedInstrument.newBuilder()
                    .setInstrument(proto(instrument)).setReferenceCount(state.referenceCount()).setStopping(state.stopping())));
            reply(response, list.build());
        });
    }

    @Override
    public void streamTrades(StreamTradesRequest request, StreamObserver<TradeStreamMessage> response) {
        guarded(response, () -> {
            Set<blackbox.gateway.v1.InstrumentId> instruments = new HashSet<>();
            for (int i = 0; i < request.getInstrumentsCount(); i++) {
                instruments.add(proto(instrument(request.getInstruments(i), "instruments[" + i + "]")));
            }
            var observer = (ServerCallStreamObserver<TradeStreamMessage>) response;
            var stream = new FlowControlledStream<TradeStreamMessage, Trade>(observer, streamCapacity, 1024, Trade.class,
                    trades -> TradeStreamMessage.newBuilder().setTrades(TradeBatch.newBuilder().addAllTrades(trades)).build(),
                    drainExecutor);
            var consumer = new TradeFanout.Consumer(Set.copyOf(instruments), stream);
            stream.onCancel(() -> fanout.remove(consumer));
            fanout.add(consumer);
            // after add: a client that reads the store once it hears this cannot miss a trade between the two
            stream.offer(OPENED);
            stream.signal();
        });
    }

    /**
     * Stored trades of one instrument in [from_nanos, to_nanos) (UTC epoch ns), ascending by (time, trade
     * number), latest edits applied, in batches of {@link #READ_BATCH}, at the client's pace. Read on a reader
     * thread. INVALID_ARGUMENT (naming field and value) for a bad instrument or an empty window; UNAVAILABLE
     * when PostgreSQL is away (possibly after some batches: ask again).
     */
    @Override
    public void readTrades(ReadTradesRequest request, StreamObserver<TradeBatch> response) {
        guarded(response, () -> {
            InstrumentId instrument = instrument(request.getInstrument(), "instrument");
            window(request.getFromNanos(), request.getToNanos());
            reads.start(instrument, request.getFromNanos(), request.getToNanos(), (ServerCallStreamObserver<TradeBatch>) response);
        });
    }

    /**
     * Fetches [from_nanos, to_nanos) (UTC epoch ns) from the gateway, a trading day at a time, and stores what is
     * new; progress after each day, done = true once every trade is committed. Runs on a backfill thread.
     * INVALID_ARGUMENT for a bad instrument, an empty window or one longer than {@link #MAX_BACKFILL_WINDOW};
     * UNAVAILABLE when the gateway or PostgreSQL is away; the gateway's own code when it refuses.
     */
    @Override
    public void backfill(BackfillRequest request, StreamObserver<BackfillProgress> response) {
        guarded(response, () -> {
            InstrumentId instrument = instrument(request.getInstrument(), "instrument");
            window(request.getFromNanos(), request.getToNanos());
            windowAtMost(request.getFromNanos(), request.getToNanos(), MAX_BACKFILL_WINDOW);
            backfills.start(instrument, request.getFromNanos(), request.getToNanos(), (ServerCallStreamObserver<BackfillProgress>) response);
        });
    }

    private static Result.Done done(Result result) {
        return switch (result) {
            case Result.Done d -> d;
            case Result.UnknownTicker u -> throw Status.NOT_FOUND.withDescription("unknown ticker: " + u.instrument()
                    + " (the DLL reported it invalid); no subscription kept").asRuntimeException();
            case Result.Unavailable u -> throw Status.UNAVAILABLE.withDescription(u.detail() + "; nothing changed, retry")
                    .asRuntimeException();
        };
    }


}
