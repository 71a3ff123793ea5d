package blackbox.web.ws;

import io.helidon.websocket.WsSession;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One WebSocket's outgoing messages: a bounded queue drained by the connection's own virtual thread, so a slow
 * browser never blocks a gRPC thread or another browser. When the queue is full the connection is closed with
 * {@link #TOO_SLOW} (messages still queued are dropped; the client reconnects and resumes with
 * {@code resume_after}, so it loses no closed candle).
 */
final class Outbox {
    static final int TOO_SLOW = 4008;
    private static final Logger log = LoggerFactory.getLogger(Outbox.class);
    private static final String CLOSE = new String("close"); // identity sentinel

    private final BlockingQueue<String> queue;
    private final WsSession session;
    private volatile boolean closing;
    private volatile int closeCode;
    private volatile String closeReason;
    private final Thread writer;

    Outbox(WsSession session, int capacity) {
        this.session = session;
        this.queue = new ArrayBlockingQueue<>(capacity + 1); // +1: room for the close sentinel
        this.writer = Thread.ofVirtual().name("ws-writer").unstarted(this::drain);
    }

    void start() {
        writer.start();
    }

    /** Queues a message; never blocks. @return false when the connection is closing (or was just closed for being slow) */
    boolean send(String text) {
        if (closing) return false;
        if (queue.remainingCapacity() > 1 && queue.offer(text)) return true;
        closeNow(TOO_SLOW, "too slow: send queue full; reconnect and resume");
        return false;
    }

    /** Closes after the messages already queued. */
    void closeAfterPending(int code, String reason) {
        if (closing) return;
        closing = true;
        closeCode = code;
        closeReason = reason;
        queue.offer(CLOSE);
    }

    /** Drops what is queued and closes after the message being written. */
    void closeNow(int code, String reason) {
        synchronized (this) {
            if (closing) return;
            closing = true;
            closeCode = code;
            closeReason = reason;
        }
        queue.clear();
        queue.offer(CLOSE);
    }

    /** The peer has gone: stop the writer without a close frame. */
    void stop() {
        closing = true;
        queue.clear();
        queue.offer(CLOSE);
    }

    boolean closing() {
        return closing;
    }

    private void drain() {
        try {
            while (true) {
                String m = queue.take();
                if (m == CLOSE) {
                    if (closeCode != 0) session.close(closeCode, closeReason);
                    return;
                }
                session.send(m, true);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.debug("websocket write failed: {}", e.toString());
            closing = true;
        }
    }
}
