package blackbox.candles.feed;

import blackbox.gateway.v1.Trade;
import blackbox.gateway.v1.TradeBatch;
import blackbox.marketdata.v1.BackfillProgress;
import blackbox.marketdata.v1.BackfillRequest;
import blackbox.marketdata.v1.MarketDataGrpc;
import blackbox.marketdata.v1.ReadTradesRequest;
import blackbox.platform.domain.InstrumentId;
import io.grpc.Context;
import io.grpc.ManagedChannel;
import java.util.Iterator;
import java.util.function.Consumer;

/**
 * candle-svc's calls to marketdata-svc that answer with finite streams: stored trades for the reprocess job, and
 * history backfills. Blocking; called from job threads. gRPC failures surface as
 * {@link io.grpc.StatusRuntimeException}.
 */
public final class MarketDataClient {
    private final ManagedChannel channel;

    public MarketDataClient(ManagedChannel channel) {
        this.channel = channel;
    }

    public ManagedChannel channel() {
        return channel;
    }

    static blackbox.gateway.v1.InstrumentId proto(InstrumentId id) {
        return blackbox.gateway.v1.InstrumentId.newBuilder().setTicker(id.ticker()).setExchange(id.exchange()).build();
    }

    /**
     * Reads the stored trades of [fromNanos, toNanos) (UTC epoch ns), ascending by time, with edits applied.
     *
     * @param sink receives each batch, in order (the caller's thread)
     * @return the number of trades read
     */
    public long readTrades(InstrumentId instrument, long fromNanos, long toNanos, Consumer<java.util.List<Trade>> sink) {
        try (Context.CancellableContext context = Context.current().withCancellation()) {
            return context.call(() -> {
                Iterator<TradeBatch> batches = MarketDataGrpc.newBlockingStub(channel).readTrades(
                        ReadTradesRequest.newBuilder().setInstrument(proto(instrument)).setFromNanos(fromNanos)
                                .setToNanos(toNanos).build());
                long n = 0;
                while (batches.hasNext()) {
                    java.util.List<Trade> trades = batches.next().getTradesList();
                    sink.accept(trades);
                    n += trades.size();
                }
                return n;
            });
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * @return whether marketdata-svc ingests the instrument now (someone subscribed it); false when marketdata-svc
     *     cannot say within 2 s
     */
    public boolean ingesting(InstrumentId instrument) {
        try {
            blackbox.gateway.v1.InstrumentId wanted = proto(instrument);
            return MarketDataGrpc.newBlockingStub(channel).withDeadlineAfter(2, java.util.concurrent.TimeUnit.SECONDS)
                    .listIngestion(blackbox.marketdata.v1.ListIngestionRequest.getDefaultInstance()).getInstrumentsList()
                    .stream().anyMatch(i -> i.getInstrument().equals(wanted));
        } catch (io.grpc.StatusRuntimeException e) {
            return false;
        }
    }

    /**
     * Has marketdata-svc fetch and store the trade history of [fromNanos, toNanos).
     *
     * @param progress receives each progress message (the caller's thread); the last has done = true
     */
    public void backfill(InstrumentId instrument, long fromNanos, long toNanos, Consumer<BackfillProgress> progress) {
        Iterator<BackfillProgress> answer = MarketDataGrpc.newBlockingStub(channel).backfill(BackfillRequest.newBuilder()
                .setInstrument(proto(instrument)).setFromNanos(fromNanos).setToNanos(toNanos).build());
        while (answer.hasNext()) {
            progress.accept(answer.next());
        }
    }
}
