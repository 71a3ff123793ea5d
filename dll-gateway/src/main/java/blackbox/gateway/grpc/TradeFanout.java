package blackbox.gateway.grpc;

import blackbox.gateway.engine.MarketEventSink;
import blackbox.gateway.session.DllEvent;
import blackbox.platform.domain.InstrumentId;
import blackbox.gateway.v1.Gap;
import blackbox.gateway.v1.TickerStateChange;
import blackbox.gateway.v1.Trade;
import blackbox.gateway.v1.TradeStreamMessage;
import blackbox.platform.grpc.FlowControlledStream;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Fans the engine's real-time events out to every open trade stream. Each trade becomes one immutable
 * message, shared by every stream that wants its instrument; streams are signalled once per batch.
 * Runs on the engine's consumer thread (as a {@link MarketEventSink}).
 */
final class TradeFanout implements MarketEventSink {
    /** One open StreamTrades call. */
    record Subscriber(Set<InstrumentId> instruments, FlowControlledStream<TradeStreamMessage, Trade> stream) {
        boolean wants(InstrumentId instrument) {
            return instruments.isEmpty() || instruments.contains(instrument);
        }
    }

    private final CopyOnWriteArrayList<Subscriber> subscribers = new CopyOnWriteArrayList<>();
    private final ProtoMapping mapping = new ProtoMapping();
    private final AtomicLong tradesIn = new AtomicLong();
    private final AtomicLong slowClientsDropped = new AtomicLong();
    private boolean dirty;

    void add(Subscriber subscriber) {
        subscribers.add(subscriber);
    }

    void remove(Subscriber subscriber) {
        subscribers.remove(subscriber);
    }

    int subscriberCount() {
        return subscribers.size();
    }

    long tradesIn() {
        return tradesIn.get();
    }

    long slowClientsDropped() {
        return slowClientsDropped.get();
    }

    @Override
    public void onTrade(DllEvent event) {
        tradesIn.lazySet(tradesIn.get() + 1);
        Trade trade = null;
        for (Subscriber s : subscribers) {
            if (!s.wants(event.instrument)) continue;
            if (trade == null) trade = mapping.trade(event);
            deliver(s, trade);
        }
    }

    @Override
    public void onTickerState(InstrumentId instrument, int state, long receivedNanos) {
        TradeStreamMessage message = null;
        for (Subscriber s : subscribers) {
            if (!s.wants(instrument)) continue;
            if (message == null) {
                message = TradeStreamMessage.newBuilder().setTickerState(TickerStateChange.newBuilder()
                        .setInstrument(mapping.instrument(instrument)).setState(state).setReceivedNanos(receivedNanos)).build();
            }
            deliver(s, message);
        }
    }

    @Override
    public void onGap(long fromNanos, long toNanos, String reason) {
        TradeStreamMessage message = TradeStreamMessage.newBuilder()
                .setGap(Gap.newBuilder().setFromNanos(fromNanos).setToNanos(toNanos).setReason(reason)).build();
        for (Subscriber s : subscribers) deliver(s, message);
        endOfBatch();
    }

    private void deliver(Subscriber s, Object item) {
        if (!s.stream().offer(item) && s.stream().isOver()) {
            if (subscribers.remove(s)) slowClientsDropped.incrementAndGet();
        }
        dirty = true;
    }

    @Override
    public void endOfBatch() {
        if (!dirty) return;
        dirty = false;
        for (Subscriber s : subscribers) s.stream().signal();
    }
}
