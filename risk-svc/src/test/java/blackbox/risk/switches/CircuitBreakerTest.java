package blackbox.risk.switches;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blackbox.platform.domain.AccountId;
import blackbox.risk.core.Scope;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class CircuitBreakerTest {
    static final long S = 1_000_000_000L;
    static final Scope ACC = Scope.account(new AccountId("1234"));
    final CircuitBreaker breaker = new CircuitBreaker(new CircuitBreaker.Rules(3, Duration.ofSeconds(10), SwitchState.REDUCING,
            100_000L * 10_000, SwitchState.HALTED, SwitchState.HALTED));

    @Test
    void nRejectsWithinMSecondsTripTheScope() {
        assertTrue(breaker.onVenueReject(ACC, 0, "a").isEmpty());
        assertTrue(breaker.onVenueReject(ACC, 5 * S, "b").isEmpty());
        assertTrue(breaker.onVenueReject(ACC, 10 * S, "c").isEmpty(), "the first reject is 10 s old: out of the window");
        CircuitBreaker.Trip trip = breaker.onVenueReject(ACC, 11 * S, "002138 lot").orElseThrow();
        assertEquals(ACC, trip.scope());
        assertEquals(SwitchState.REDUCING, trip.command().target());
        assertEquals("3 venue rejects in 10 s, the last: 002138 lot", trip.command().why());
        assertTrue(breaker.onVenueReject(ACC, 12 * S, "d").isEmpty(), "counting starts again after a trip");
    }

    @Test
    void drawdownTripsOncePerCrossing() {
        assertTrue(breaker.onDrawdown(ACC, 100_000L * 10_000, 1).isEmpty());
        assertEquals("drawdown R$ 100.000,01 beyond the limit R$ 100.000,00",
                breaker.onDrawdown(ACC, 100_000L * 10_000 + 100, 2).orElseThrow().command().why());
        assertTrue(breaker.onDrawdown(ACC, 200_000L * 10_000, 3).isEmpty());
        assertTrue(breaker.onDrawdown(ACC, 0, 4).isEmpty());
        assertTrue(breaker.onDrawdown(ACC, 200_000L * 10_000, 5).isPresent());
    }

    @Test
    void routingLossTripsTheDeskOncePerLoss() {
        assertTrue(breaker.onRouting(true, 1).isEmpty());
        CircuitBreaker.Trip trip = breaker.onRouting(false, 2).orElseThrow();
        assertEquals(Scope.DESK, trip.scope());
        assertEquals(SwitchState.HALTED, trip.command().target());
        assertTrue(breaker.onRouting(false, 3).isEmpty());
        assertTrue(breaker.onRouting(true, 4).isEmpty());
        assertTrue(breaker.onRouting(false, 5).isPresent());
    }
}
