package blackbox.gateway.grpc;

import static blackbox.platform.grpc.Calls.guarded;
import static blackbox.platform.grpc.Calls.reply;

import blackbox.gateway.engine.GatewayEngine;
import blackbox.gateway.engine.HistorySink;
import blackbox.gateway.engine.SessionStatus;
import blackbox.gateway.session.DllCall;
import blackbox.gateway.session.DllEvent;
import blackbox.platform.domain.InstrumentId;
import blackbox.gateway.v1.GetTopOfBookRequest;
import blackbox.gateway.v1.HistoryComplete;
import blackbox.gateway.v1.HistoryProgress;
import blackbox.gateway.v1.HistoryTradesMessage;
import blackbox.gateway.v1.HistoryTradesRequest;
import blackbox.gateway.v1.ListSubscriptionsRequest;
import blackbox.gateway.v1.ListSubscriptionsResponse;
import blackbox.gateway.v1.MarketDataGatewayGrpc;
import blackbox.gateway.v1.SessionState;
import blackbox.gateway.v1.StreamSessionStateRequest;
import blackbox.gateway.v1.StreamTradesRequest;
import blackbox.gateway.v1.Trade;
import blackbox.platform.grpc.FlowControlledStream;
import blackbox.gateway.v1.SubscribeRequest;
import blackbox.gateway.v1.SubscribeResponse;
import blackbox.gateway.v1.TopOfBook;
import blackbox.gateway.v1.TradeBatch;
import blackbox.gateway.v1.TradeStreamMessage;
import blackbox.gateway.v1.UnsubscribeRequest;
import blackbox.gateway.v1.UnsubscribeResponse;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * The {@code blackbox.gateway.v1.MarketDataGateway} service over a {@link GatewayEngine}. Validates every
 * request at the edge (INVALID_ARGUMENT naming field and value) and maps the DLL's answers to gRPC codes.
 */
public final class MarketDataGatewayService extends MarketDataGatewayGrpc.MarketDataGatewayImplBase {
    private final GatewayEngine engine;
    private final TradeFanout fanout = new TradeFanout();
    private final Executor drainExecutor;
    private final int streamCapacity;
    private final int maxBatch;
    private final java.util.function.Supplier<java.util.List<InstrumentId>> knownInstruments;

    /**
     * @param streamCapacity messages buffered per client before a slow client is cut off
     * @param maxBatch most trades in one {@code TradeBatch}
     * @param drainExecutor runs the per-stream send loops
     */
    public MarketDataGatewayService(GatewayEngine engine, int streamCapacity, int maxBatch, Executor drainExecutor) {
        this(engine, streamCapacity, maxBatch, drainExecutor, java.util.List::of);
    }

    /**
     * @param knownInstruments the instruments the gateway knows, by ticker then exchange (may block the first time,
     *     on a gRPC thread, while the simulator's files are read)
     */
    public MarketDataGatewayService(GatewayEngine engine, int streamCapacity, int maxBatch, Executor drainExecutor,
                                    java.util.function.Supplier<java.util.List<InstrumentId>> knownInstruments) {
        this.knownInstruments = knownInstruments;
        this.engine = engine;
        this.streamCapacity = streamCapacity;
        this.maxBatch = maxBatch;
        this.drainExecutor = drainExecutor;
        engine.addSink(fanout);
    }

    /** Open trade streams. */
    public int openTradeStreams() {
        return fanout.subscriberCount();
    }

    /** Trade streams ended because their client read too slowly. */
    public long slowClientsDropped() {
        return fanout.slowClientsDropped();
    }

    /** Real-time trades taken off the ring. */
    public long tradesIn() {
        return fanout.tradesIn();
    }

    @Override
    public void subscribe(SubscribeRequest request, StreamObserver<SubscribeResponse> response) {
        guarded(response, () -> doSubscribe(request, response));
    }

    private void doSubscribe(SubscribeRequest request, StreamObserver<SubscribeResponse> response) {
        InstrumentId instrument = ProtoMapping.instrument(request.getInstrument(), "instrument");
        GatewayEngine.SubscribeResult result;
        try {
            result = engine.subscribe(instrument);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw Status.CANCELLED.withDescription("interrupted").asRuntimeException();
        }
        switch (result.outcome()) {
            case SUBSCRIBED, PENDING_CONNECTION -> reply(response, SubscribeResponse.newBuilder().setNewlySubscribed(true).build());
            case ALREADY_SUBSCRIBED -> reply(response, SubscribeResponse.newBuilder().setNewlySubscribed(false).build());
            case INVALID_TICKER -> throw Status.NOT_FOUND.withDescription(
                    "unknown ticker: " + instrument + " (the DLL reported it invalid)").asRuntimeException();
            case REJECTED -> throw dllError(result.call(), "instrument=" + instrument);
        }
    }

    @Override
    public void unsubscribe(UnsubscribeRequest request, StreamObserver<UnsubscribeResponse> response) {
        guarded(response, () -> doUnsubscribe(request, response));
    }

    private void doUnsubscribe(UnsubscribeRequest request, StreamObserver<UnsubscribeResponse> response) {
        InstrumentId instrument = ProtoMapping.instrument(request.getInstrument(), "instrument");
        reply(response, UnsubscribeResponse.newBuilder().setWasSubscribed(engine.unsubscribe(instrument)).build());
    }

    @Override
    public void listSubscriptions(ListSubscriptionsRequest request, StreamObserver<ListSubscriptionsResponse> response) {
        guarded(response, () -> doListSubscriptions(request, response));
    }

    private void doListSubscriptions(ListSubscriptionsRequest request, StreamObserver<ListSubscriptionsResponse> response) {
        ListSubscriptionsResponse.Builder list = ListSubscriptionsResponse.newBuilder();
        engine.subscriptions().forEach(i -> list.addInstruments(ProtoMapping.toProto(i)));
        reply(response, list.build());
    }

    @Override
    public void streamTrades(StreamTradesRequest request, StreamObserver<TradeStreamMessage> response) {
        guarded(response, () -> doStreamTrades(request, response));
    }

    private void doStreamTrades(StreamTradesRequest request, StreamObserver<TradeStreamMessage> response) {
        Set<InstrumentId> instruments = new HashSet<>();
        for (int i = 0; i < request.getInstrumentsCount(); i++) {
            instruments.add(ProtoMapping.instrument(request.getInstruments(i), "instruments[" + i + "]"));
        }
        var observer = (ServerCallStreamObserver<TradeStreamMessage>) response;
        var stream = new FlowControlledStream<>(observer, streamCapacity, maxBatch, Trade.class,
                trades -> TradeStreamMessage.newBuilder().setTrades(TradeBatch.newBuilder().addAllTrades(trades)).build(),
                drainExecutor);
        var subscriber = new TradeFanout.Subscriber(Set.copyOf(instruments), stream);
        stream.onCancel(() -> fanout.remove(subscriber));
        fanout.add(subscriber);
    }

    @Override
    public void getHistoryTrades(HistoryTradesRequest request, StreamObserver<HistoryTradesMessage> response) {
        guarded(response, () -> doGetHistoryTrades(request, response));
    }

    private void doGetHistoryTrades(HistoryTradesRequest request, StreamObserver<HistoryTradesMessage> response) {
        InstrumentId instrument = ProtoMapping.instrument(request.getInstrument(), "instrument");
        if (request.getFromNanos() > request.getToNanos()) {
            throw Status.INVALID_ARGUMENT.withDescription("from_nanos must not be after to_nanos: from_nanos="
                    + request.getFromNanos() + ", to_nanos=" + request.getToNanos()).asRuntimeException();
        }
        var observer = (ServerCallStreamObserver<HistoryTradesMessage>) response;
        var stream = new FlowControlledStream<>(observer, Math.max(streamCapacity, 1 << 20), maxBatch, Trade.class,
                trades -> HistoryTradesMessage.newBuilder().setTrades(TradeBatch.newBuilder().addAllTrades(trades)).build(),
                drainExecutor);
        ProtoMapping mapping = new ProtoMapping();
        Runnable cancel = engine.requestHistory(instrument, request.getFromNanos(), request.getToNanos(), new HistorySink() {
            private int sinceSignal;

            @Override
            public void onTrade(DllEvent trade) {
                stream.offer(mapping.trade(trade));
                if (++sinceSignal >= maxBatch) {
                    sinceSignal = 0;
                    stream.signal();
                }
            }

            @Override
            public void onProgress(int percent) {
                stream.offer(HistoryTradesMessage.newBuilder().setProgress(HistoryProgress.newBuilder().setPercent(percent)).build());
                stream.signal();
            }

            @Override
            public void onComplete(long trades) {
                stream.offer(HistoryTradesMessage.newBuilder().setComplete(HistoryComplete.newBuilder().setTrades(trades)).build());
                stream.complete();
            }

            @Override
            public void onRejected(DllCall call) {
                stream.fail(dllError(call, "instrument=" + instrument).getStatus());
            }

            @Override
            public void onTimeout(long idleMillis) {
                stream.fail(Status.DEADLINE_EXCEEDED.withDescription("the DLL sent nothing for " + idleMillis
                        + " ms on this history request; the gateway restarted the DLL session, retry"));
            }

            @Override
            public void onAborted(String reason) {
                stream.fail(Status.UNAVAILABLE.withDescription("history request aborted: " + reason));
            }
        });
        stream.onCancel(cancel);
    }

    @Override
    public void streamSessionState(StreamSessionStateRequest request, StreamObserver<SessionState> response) {
        guarded(response, () -> doStreamSessionState(request, response));
    }

    private void doStreamSessionState(StreamSessionStateRequest request, StreamObserver<SessionState> response) {
        var observer = (ServerCallStreamObserver<SessionState>) response;
        Object lock = new Object();
        Consumer<SessionStatus> listener = status -> {
            synchronized (lock) {
                if (!observer.isCancelled()) observer.onNext(ProtoMapping.sessionState(status));
            }
        };
        observer.setOnCancelHandler(() -> engine.removeStatusListener(listener));
        engine.addStatusListener(listener);
    }

    @Override
    public void getTopOfBook(GetTopOfBookRequest request, StreamObserver<TopOfBook> response) {
        guarded(response, () -> doGetTopOfBook(request, response));
    }

    private void doGetTopOfBook(GetTopOfBookRequest request, StreamObserver<TopOfBook> response) {
        InstrumentId instrument = ProtoMapping.instrument(request.getInstrument(), "instrument");
        var top = engine.topOfBook(instrument).orElseThrow(() -> Status.NOT_FOUND.withDescription(
                "no top of book for " + instrument + ": subscribe first, or the DLL sent none yet").asRuntimeException());
        reply(response, ProtoMapping.topOfBook(top));
    }


    @Override
    public void listKnownInstruments(blackbox.gateway.v1.ListKnownInstrumentsRequest request,
                                     StreamObserver<blackbox.gateway.v1.ListKnownInstrumentsResponse> response) {
        guarded(response, () -> {
            int limit = request.getLimit() == 0 ? 1000 : request.getLimit();
            if (limit < 1 || limit > 10_000) {
                throw Status.INVALID_ARGUMENT.withDescription("limit must be in 1..10000 (0 means 1000): limit="
                        + request.getLimit()).asRuntimeException();
            }
            String prefix = request.getTickerPrefix().trim().toUpperCase(java.util.Locale.ROOT);
            var b = blackbox.gateway.v1.ListKnownInstrumentsResponse.newBuilder();
            for (InstrumentId id : knownInstruments.get()) {
                if (!id.ticker().startsWith(prefix)) continue;
                if (b.getInstrumentsCount() == limit) {
                    b.setTruncated(true);
                    break;
                }
                b.addInstruments(ProtoMapping.toProto(id));
            }
            reply(response, b.build());
        });
    }

    /** Maps a DLL refusal to a gRPC status naming the DLL function and code. */
    static StatusRuntimeException dllError(DllCall call, String what) {
        Status status = switch (call.result()) {
            case NL_INVALID_ARGS -> Status.INVALID_ARGUMENT;
            case NL_OUT_OF_RANGE, NL_HISTORY_PERIOD_LIMIT -> Status.OUT_OF_RANGE;
            case NL_INVALID_TICKER, NL_NOT_FOUND -> Status.NOT_FOUND;
            case NL_NOT_INITIALIZED, NL_NO_LOGIN, NL_WAITING_SERVER -> Status.UNAVAILABLE;
            case NL_MARKET_ONLY, NL_NO_LICENSE, NL_LICENSE_NOT_ALLOWED -> Status.PERMISSION_DENIED;
            default -> Status.FAILED_PRECONDITION;
        };
        String hint = switch (call.result()) {
            case NL_HISTORY_PERIOD_LIMIT -> ": history reaches back at most 30 days from the server clock";
            case NL_OUT_OF_RANGE -> ": dates out of order";
            case NL_INVALID_ARGS -> ": the DLL refused the arguments (WIN/WDO history must span less than 10 days)";
            default -> "";
        };
        return status.withDescription(call + hint + " (" + what + ")").asRuntimeException();
    }

}
