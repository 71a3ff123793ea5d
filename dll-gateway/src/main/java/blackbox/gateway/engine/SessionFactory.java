package blackbox.gateway.engine;

import blackbox.gateway.session.DllEvent;
import blackbox.gateway.session.ProfitSession;
import com.lmax.disruptor.RingBuffer;

/** Starts a new DLL session that hands its callbacks off into {@code ring}. */
@FunctionalInterface
public interface SessionFactory {
    /** @throws blackbox.gateway.session.SessionStartException when the DLL refuses to start */
    ProfitSession start(RingBuffer<DllEvent> ring);
}
