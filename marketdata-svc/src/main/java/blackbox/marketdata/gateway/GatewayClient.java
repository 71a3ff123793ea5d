package blackbox.marketdata.gateway;

import blackbox.gateway.v1.HistoryTradesMessage;
import blackbox.gateway.v1.HistoryTradesRequest;
import blackbox.gateway.v1.MarketDataGatewayGrpc;
import blackbox.gateway.v1.SubscribeRequest;
import blackbox.gateway.v1.Trade;
import blackbox.gateway.v1.UnsubscribeRequest;
import blackbox.platform.domain.InstrumentId;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.time.Duration;
import java.util.Iterator;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The dll-gateway's request calls as marketdata-svc uses them: blocking, with deadlines, failures as values.
 * Thread-safe (gRPC stubs are).
 */
public final class GatewayClient {
    /** What a subscribe at the gateway came to. */
    public sealed interface SubscribeResult {
        record Subscribed() implements SubscribeResult {
        }

        /** The DLL does not know the ticker (its invalid-ticker callback). */
        record UnknownTicker(String message) implements SubscribeResult {
        }

        /** The gateway could not be reached or refused for another reason. */
        record Unavailable(Status status) implements SubscribeResult {
        }
    }

    private final ManagedChannel channel;
    private final Duration callTimeout;
    private final Duration historyTimeout;

    public GatewayClient(ManagedChannel channel, Duration callTimeout, Duration historyTimeout) {
        this.channel = channel;
        this.callTimeout = callTimeout;
        this.historyTimeout = historyTimeout;
    }

    public ManagedChannel channel() {
        return channel;
    }

    static blackbox.gateway.v1.InstrumentId proto(InstrumentId instrument) {
        return blackbox.gateway.v1.InstrumentId.newBuilder().setTicker(instrument.ticker()).setExchange(instrument.exchange()).build();
    }

    /**
     * A stub that waits (up to its deadline) for a gateway that is restarting instead of failing at once; a
     * channel sitting in its own reconnect back-off is told to try now.
     */
    private MarketDataGatewayGrpc.MarketDataGatewayBlockingStub stub(Duration timeout) {
        return stub(timeout, true);
    }

    private MarketDataGatewayGrpc.MarketDataGatewayBlockingStub stub(Duration timeout, boolean waitForReady) {
        if (channel.getState(true) == io.grpc.ConnectivityState.TRANSIENT_FAILURE) channel.resetConnectBackoff();
        var stub = MarketDataGatewayGrpc.newBlockingStub(channel);
        if (waitForReady) stub = stub.withWaitForReady();
        return stub.withDeadlineAfter(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Subscribe at the gateway (idempotent there). */
    public SubscribeResult subscribe(InstrumentId instrument) {
        try {
            stub(callTimeout).subscribe(SubscribeRequest.newBuilder().setInstrument(proto(instrument)).build());
            return new SubscribeResult.Subscribed();
        } catch (StatusRuntimeException e) {
            if (e.getStatus().getCode() == Status.Code.NOT_FOUND) {
                return new SubscribeResult.UnknownTicker(e.getStatus().getDescription());
            }
            return new SubscribeResult.Unavailable(e.getStatus());
        }
    }

    /** Unsubscribe at the gateway; false when the gateway could not be told (it will be at the next reconciliation). */
    public boolean unsubscribe(InstrumentId instrument) {
        try {
            stub(callTimeout).unsubscribe(UnsubscribeRequest.newBuilder().setInstrument(proto(instrument)).build());
            return true;
        } catch (StatusRuntimeException e) {
            return false;
        }
    }

    /**
     * History trades of [fromNanos, toNanos] (UTC ns), each given to {@code sink} in order.
     *
     * @return the number of trades the gateway sent
     * @throws StatusRuntimeException when the gateway or the DLL refuses or fails
     */
    public long history(InstrumentId instrument, long fromNanos, long toNanos, Consumer<Trade> sink) {
        return history(instrument, fromNanos, toNanos, sink, true);
    }

    /**
     * History trades of [fromNanos, toNanos] (UTC ns, both inclusive), each given to {@code sink} in order, on
     * the calling thread. The call belongs to the caller's gRPC {@code Context}: cancelling that cancels it.
     *
     * @param waitForGateway true: a gateway that is away is waited for (up to the history deadline); false: it
     *     fails at once with UNAVAILABLE (for a caller who is waiting on us)
     * @return the number of trades the gateway sent
     * @throws StatusRuntimeException when the gateway or the DLL refuses or fails, or the call is cancelled
     */
    public long history(InstrumentId instrument, long fromNanos, long toNanos, Consumer<Trade> sink, boolean waitForGateway) {
        Iterator<HistoryTradesMessage> answer = stub(historyTimeout, waitForGateway).getHistoryTrades(HistoryTradesRequest.newBuilder()
                .setInstrument(proto(instrument)).setFromNanos(fromNanos).setToNanos(toNanos).build());
        long count = 0;
        while (answer.hasNext()) {
            HistoryTradesMessage m = answer.next();
            if (m.hasTrades()) {
                for (Trade t : m.getTrades().getTradesList()) {
                    sink.accept(t);
                    count++;
                }
            }
        }
        return count;
    }
}
