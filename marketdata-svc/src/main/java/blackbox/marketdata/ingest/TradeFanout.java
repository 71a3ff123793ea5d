package blackbox.marketdata.ingest;

import blackbox.gateway.v1.InstrumentId;
import blackbox.gateway.v1.Trade;
import blackbox.marketdata.v1.Repaired;
import blackbox.marketdata.v1.TradeStreamMessage;
import blackbox.platform.grpc.FlowControlledStream;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The trade stream's consumers (candle-svc, web-bff, strategies): each gets the new trades of the
 * instruments it asked for, and the notices of repaired windows. The gateway's immutable {@link Trade}
 * messages are passed on as they are.
 *
 * <p>{@link #publish} and {@link #repaired} are called under the ingestion lock (one at a time).
 */
public final class TradeFanout {
    /** One open StreamTrades call; an empty instrument set means all instruments. */
    public record Consumer(Set<InstrumentId> instruments, FlowControlledStream<TradeStreamMessage, Trade> stream) {
        boolean wants(InstrumentId instrument) {
            return instruments.isEmpty() || instruments.contains(instrument);
        }
    }

    private final CopyOnWriteArrayList<Consumer> consumers = new CopyOnWriteArrayList<>();
    private final AtomicLong slowConsumersDropped = new AtomicLong();

    public void add(Consumer consumer) {
        consumers.add(consumer);
    }

    public void remove(Consumer consumer) {
        consumers.remove(consumer);
    }

    public int consumerCount() {
        return consumers.size();
    }

    public long slowConsumersDropped() {
        return slowConsumersDropped.get();
    }

    void publish(Trade trade) {
        for (Consumer c : consumers) {
            if (c.wants(trade.getInstrument())) deliver(c, trade);
        }
    }

    void repaired(Repaired repaired) {
        TradeStreamMessage message = TradeStreamMessage.newBuilder().setRepaired(repaired).build();
        for (Consumer c : consumers) {
            if (c.wants(repaired.getInstrument())) deliver(c, message);
        }
        flush();
    }

    /** Wakes every consumer's send loop: call after a batch. */
    void flush() {
        for (Consumer c : consumers) c.stream().signal();
    }

    private void deliver(Consumer c, Object item) {
        if (!c.stream().offer(item) && c.stream().isOver() && consumers.remove(c)) {
            slowConsumersDropped.incrementAndGet();
        }
    }
}
