package blackbox.marketdata.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class ReadySenderTest {
    /** A server call whose readiness the test sets; it records what was sent. */
    static final class FakeCall extends ServerCallStreamObserver<String> {
        final List<String> sent = new CopyOnWriteArrayList<>();
        volatile boolean ready;
        volatile Runnable onReady;
        volatile Runnable onCancel;
        volatile Throwable error;
        volatile boolean completed;

        void becomeReady() {
            ready = true;
            onReady.run();
        }

        void cancel() {
            onCancel.run();
        }

        @Override public boolean isCancelled() { return false; }
        @Override public void setOnCancelHandler(Runnable handler) { onCancel = handler; }
        @Override public void setCompression(String compression) { }
        @Override public boolean isReady() { return ready; }
        @Override public void setOnReadyHandler(Runnable handler) { onReady = handler; }
        @Override public void disableAutoInboundFlowControl() { }
        @Override public void request(int count) { }
        @Override public void setMessageCompression(boolean enable) { }
        @Override public void onNext(String value) { sent.add(value); }
        @Override public void onError(Throwable t) { error = t; }
        @Override public void onCompleted() { completed = true; }
    }

    private static void awaitWaiting(Thread t) throws InterruptedException {
        while (t.getState() != Thread.State.WAITING && t.getState() != Thread.State.TIMED_WAITING) {
            if (!t.isAlive()) throw new AssertionError("the producer ended instead of waiting");
            Thread.sleep(1);
        }
    }

    @Test
    void sendWaitsWhileTheTransportIsNotReadyAndGoesOnWhenItIs() throws Exception {
        FakeCall call = new FakeCall();
        ReadySender<String> sender = new ReadySender<>(call, Duration.ofMinutes(1));
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread producer = new Thread(() -> {
            try {
                sender.send("a");
                sender.send("b");
                sender.complete();
            } catch (Throwable t) {
                failure.set(t);
            }
        });
        producer.start();
        awaitWaiting(producer);
        assertEquals(List.of(), call.sent, "nothing is sent while the transport is not ready");
        call.becomeReady();
        producer.join();
        assertNull(failure.get());
        assertEquals(List.of("a", "b"), call.sent);
        assertTrue(call.completed);
    }

    @Test
    void aCancelWakesAWaitingProducerWhichStopsWithoutSending() throws Exception {
        FakeCall call = new FakeCall();
        ReadySender<String> sender = new ReadySender<>(call, Duration.ofMinutes(1));
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread producer = new Thread(() -> {
            try {
                sender.send("a");
            } catch (Throwable t) {
                failure.set(t);
            }
        });
        producer.start();
        awaitWaiting(producer);
        call.cancel();
        producer.join();
        assertTrue(failure.get() instanceof ReadySender.Stopped, String.valueOf(failure.get()));
        assertEquals(List.of(), call.sent);
        assertTrue(sender.cancelled());
        sender.complete();
        assertTrue(!call.completed && call.error == null, "a cancelled call is not closed again");
    }

    @Test
    void aClientThatReadsNothingForTheStallLimitIsEndedWithResourceExhausted() {
        FakeCall call = new FakeCall();
        ReadySender<String> sender = new ReadySender<>(call, Duration.ofMillis(20));
        assertThrows(ReadySender.Stopped.class, () -> sender.send("a"));
        assertEquals(Status.Code.RESOURCE_EXHAUSTED, Status.fromThrowable(call.error).getCode());
        assertTrue(Status.fromThrowable(call.error).getDescription().startsWith("client read nothing for"), call.error.toString());
        assertThrows(ReadySender.Stopped.class, () -> sender.send("b"), "the call is over");
        assertEquals(List.of(), call.sent);
    }
}
