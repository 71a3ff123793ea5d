package blackbox.web.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.helidon.common.buffers.BufferData;
import io.helidon.common.socket.SocketContext;
import io.helidon.websocket.WsSession;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class OutboxTest {
    /** A peer that stops reading: the first send blocks until released, as a full socket would. */
    static final class StalledPeer implements WsSession {
        final CountDownLatch release = new CountDownLatch(1);
        final CountDownLatch closed = new CountDownLatch(1);
        final List<String> sent = new CopyOnWriteArrayList<>();
        volatile int closeCode;

        @Override
        public WsSession send(String text, boolean last) {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            sent.add(text);
            return this;
        }

        @Override
        public WsSession close(int code, String reason) {
            closeCode = code;
            closed.countDown();
            return this;
        }

        @Override
        public WsSession send(BufferData data, boolean last) {
            return this;
        }

        @Override
        public WsSession ping(BufferData data) {
            return this;
        }

        @Override
        public WsSession pong(BufferData data) {
            return this;
        }

        @Override
        public WsSession terminate() {
            return this;
        }

        @Override
        public SocketContext socketContext() {
            return null;
        }
    }

    @Test
    void aClientThatCannotKeepUpIsClosedWithTooSlowWithoutBlockingTheSender() throws Exception {
        StalledPeer peer = new StalledPeer();
        Outbox out = new Outbox(peer, 16);
        out.start();
        int accepted = 0;
        for (int i = 0; i < 100; i++) if (out.send("m" + i)) accepted++;
        assertTrue(accepted <= 17, "bounded: " + accepted); // 16 queued + the one being written
        assertTrue(out.closing());
        assertFalse(out.send("late"));
        peer.release.countDown();
        assertTrue(peer.closed.await(5, TimeUnit.SECONDS));
        assertEquals(Outbox.TOO_SLOW, peer.closeCode);
        assertTrue(peer.sent.size() <= 1, "queued messages are dropped, the client resumes: " + peer.sent.size());
    }

    @Test
    void closeAfterPendingDeliversWhatWasQueuedFirst() throws Exception {
        StalledPeer peer = new StalledPeer();
        peer.release.countDown();
        Outbox out = new Outbox(peer, 16);
        out.start();
        out.send("a");
        out.send("b");
        out.closeAfterPending(4401, "unauthorized");
        assertTrue(peer.closed.await(5, TimeUnit.SECONDS));
        assertEquals(List.of("a", "b"), peer.sent);
        assertEquals(4401, peer.closeCode);
    }
}
