package blackbox.gateway.session;

import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.YieldingWaitStrategy;

/** The ring between the DLL's ConnectorThread (the single producer) and the gateway's consumer. */
public final class HandoffRing {
    private HandoffRing() {
    }

    /**
     * A preallocated single-producer ring of {@code size} events (a power of two). Its consumer polls with an
     * {@link com.lmax.disruptor.EventPoller} and never blocks on the ring, so the wait strategy is one whose
     * publish signals nothing: Disruptor's default would take a lock on every event of the DLL's thread.
     */
    public static RingBuffer<DllEvent> create(int size) {
        return RingBuffer.createSingleProducer(DllEvent::new, size, new YieldingWaitStrategy());
    }
}
