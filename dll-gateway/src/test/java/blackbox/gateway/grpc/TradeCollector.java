package blackbox.gateway.grpc;

import blackbox.gateway.v1.Gap;
import blackbox.gateway.v1.TickerStateChange;
import blackbox.gateway.v1.Trade;
import blackbox.gateway.v1.TradeStreamMessage;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * Records what a StreamTrades call receives, in order. Once the stream has failed, reading what it received throws
 * an {@link AssertionError} with the stream's status, so a test waiting for trades fails with the cause at once
 * instead of timing out with nothing to go on ({@link #error} stays readable for tests that expect a failure).
 */
final class TradeCollector implements StreamObserver<TradeStreamMessage> {
    /** Everything in arrival order: Trade, Gap or TickerStateChange. */
    final List<Object> items = new ArrayList<>();
    final CountDownLatch closed = new CountDownLatch(1);
    volatile Status error;
    private int trades;

    @Override
    public synchronized void onNext(TradeStreamMessage message) {
        switch (message.getPayloadCase()) {
            case TRADES -> {
                items.addAll(message.getTrades().getTradesList());
                trades += message.getTrades().getTradesCount();
            }
            case GAP -> items.add(message.getGap());
            case TICKER_STATE -> items.add(message.getTickerState());
            default -> throw new AssertionError("empty message");
        }
    }

    synchronized int tradeCount() {
        failIfFailed();
        return trades;
    }

    synchronized List<Trade> trades() {
        failIfFailed();
        return items.stream().filter(Trade.class::isInstance).map(Trade.class::cast).toList();
    }

    synchronized List<Gap> gaps() {
        failIfFailed();
        return items.stream().filter(Gap.class::isInstance).map(Gap.class::cast).toList();
    }

    synchronized List<TickerStateChange> tickerStates() {
        failIfFailed();
        return items.stream().filter(TickerStateChange.class::isInstance).map(TickerStateChange.class::cast).toList();
    }

    private void failIfFailed() {
        Status failed = error;
        if (failed != null) throw new AssertionError("the trade stream failed: " + failed);
    }

    @Override
    public void onError(Throwable t) {
        error = Status.fromThrowable(t);
        closed.countDown();
    }

    @Override
    public void onCompleted() {
        closed.countDown();
    }
}
