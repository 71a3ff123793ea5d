package blackbox.marketdata.grpc;

import blackbox.gateway.v1.TradeBatch;
import blackbox.marketdata.store.StoreUnavailableException;
import blackbox.marketdata.store.TradeStore;
import blackbox.platform.domain.InstrumentId;
import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * ReadTrades: a cursor over the store, sent at the client's pace. Each call runs on a reader thread (the
 * executor bounds how many read at once, and so how many database connections they hold); the reader first waits
 * until every trade accepted before the call is committed (trades are streamed before they are stored, so a client
 * that saw a trade live, or missed it while its stream was down, finds it in the read), then fetches a batch, waits
 * until the transport is ready, sends it, and only then fetches the next.
 */
final class TradeReads {
    private static final Logger log = LoggerFactory.getLogger(TradeReads.class);

    private final TradeStore store;
    private final Executor readers;
    private final AcceptedTrades accepted;
    private final Duration storedWait;
    private final int batchSize;
    private final Duration stallLimit;

    /**
     * @param readers runs the reads (blocking: one thread per read in progress)
     * @param accepted the trades accepted so far and their commit, waited for before each read
     * @param storedWait how long a read waits for them before it fails UNAVAILABLE
     * @param batchSize trades per TradeBatch message
     * @param stallLimit how long a client may read nothing before its call is ended
     */
    TradeReads(TradeStore store, Executor readers, AcceptedTrades accepted, Duration storedWait, int batchSize,
               Duration stallLimit) {
        this.store = store;
        this.readers = readers;
        this.accepted = accepted;
        this.storedWait = storedWait;
        this.batchSize = batchSize;
        this.stallLimit = stallLimit;
    }

    /**
     * Starts a validated read of [fromNanos, toNanos) (UTC epoch ns). gRPC handler thread.
     *
     * @throws io.grpc.StatusRuntimeException UNAVAILABLE when the service is stopping
     */
    void start(InstrumentId instrument, long fromNanos, long toNanos, ServerCallStreamObserver<TradeBatch> observer) {
        ReadySender<TradeBatch> sender = new ReadySender<>(observer, stallLimit);
        // taken on arrival: the trades accepted before the call (streamed already, perhaps not yet committed)
        long mark = accepted.mark();
        try {
            readers.execute(() -> read(instrument, fromNanos, toNanos, mark, sender));
        } catch (RejectedExecutionException e) {
            throw Status.UNAVAILABLE.withDescription("marketdata-svc is stopping; ask again").asRuntimeException();
        }
    }

    private void read(InstrumentId instrument, long fromNanos, long toNanos, long mark, ReadySender<TradeBatch> sender) {
        try {
            if (!accepted.awaitStored(mark, storedWait)) {
                sender.fail(Status.UNAVAILABLE.withDescription("trades accepted before the read are not stored yet after "
                        + storedWait.toSeconds() + " s (PostgreSQL slow or away); ask again"));
                return;
            }
            store.scan(instrument, fromNanos, toNanos, batchSize, rows -> sender.send(TradeProtos.batch(rows)));
            sender.complete();
        } catch (ReadySender.Stopped e) {
            log.debug("ReadTrades of {} ended early: {}", instrument, e.getMessage());
        } catch (StoreUnavailableException e) {
            sender.fail(Status.UNAVAILABLE.withDescription(e.getMessage() + "; ask again"));
        } catch (RuntimeException e) {
            log.error("ReadTrades of {} {}..{} failed", instrument, fromNanos, toNanos, e);
            sender.fail(Status.INTERNAL.withDescription("reading trades of " + instrument + " failed: " + e));
        }
    }
}
