package blackbox.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class StreamCollectorTest {
    @Test
    void awaitReturnsTheMessagesOnceTheConditionHolds() throws Exception {
        StreamCollector<String> c = new StreamCollector<>();
        Thread sender = new Thread(() -> {
            for (String s : List.of("a", "b", "c")) c.onNext(s);
        });
        sender.start();
        assertEquals(List.of("a", "b", "c"), c.awaitCount(3, Duration.ofSeconds(5)));
        sender.join();
    }

    @Test
    void aFailedStreamFailsTheWaitAtOnceWithItsStatus() {
        StreamCollector<String> c = new StreamCollector<>();
        c.onNext("a");
        StatusRuntimeException cause = Status.UNAVAILABLE.withDescription("marketdata-svc stopped").asRuntimeException();
        c.onError(cause);
        long t0 = System.nanoTime();
        AssertionError e = assertThrows(AssertionError.class,
                () -> c.await(items -> items.size() == 10, Duration.ofMinutes(5), "10 candles"));
        assertTrue(System.nanoTime() - t0 < Duration.ofMinutes(1).toNanos(), "not after the timeout");
        assertEquals("the stream failed with UNAVAILABLE: marketdata-svc stopped before 10 candles (1 messages received)",
                e.getMessage());
        assertSame(cause, e.getCause());
        assertEquals(Status.Code.UNAVAILABLE, c.error().orElseThrow().getCode());
    }

    @Test
    void aCompletedStreamFailsTheWaitUnlessWhatArrivedSatisfiesIt() throws Exception {
        StreamCollector<String> c = new StreamCollector<>();
        c.onNext("a");
        c.onCompleted();
        assertEquals(List.of("a"), c.awaitCount(1, Duration.ofSeconds(1)));
        AssertionError e = assertThrows(AssertionError.class, () -> c.awaitCount(2, Duration.ofSeconds(5)));
        assertEquals("the stream completed before 2 messages (1 messages received)", e.getMessage());
        assertThrows(AssertionError.class, () -> c.awaitError(Duration.ofSeconds(1)));
    }

    @Test
    void aStreamThatStaysSilentTimesOutSayingItIsStillOpen() {
        StreamCollector<String> c = new StreamCollector<>();
        AssertionError e = assertThrows(AssertionError.class, () -> c.awaitCount(1, Duration.ofMillis(30)));
        assertEquals("timed out after 30 ms waiting for 1 messages (0 messages received, the stream still open)", e.getMessage());
    }

    @Test
    void awaitErrorReturnsTheStatus() throws Exception {
        StreamCollector<String> c = new StreamCollector<>();
        c.onError(Status.INVALID_ARGUMENT.withDescription("timeframe=\"7m\"").asRuntimeException());
        assertEquals("timeframe=\"7m\"", c.awaitError(Duration.ofSeconds(1)).getDescription());
    }
}
