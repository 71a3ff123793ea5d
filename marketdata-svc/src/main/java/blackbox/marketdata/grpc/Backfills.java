package blackbox.marketdata.grpc;

import blackbox.marketdata.ingest.Backfill;
import blackbox.marketdata.store.StoreUnavailableException;
import blackbox.marketdata.v1.BackfillProgress;
import blackbox.platform.domain.InstrumentId;
import io.grpc.Context;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ServerCallStreamObserver;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Backfill calls: each runs a {@link Backfill} on a backfill thread (never a gRPC one) within the call's
 * {@code Context}, so a cancelled call stops the gateway request in flight and no further day is fetched.
 * Progress goes out after each day (a few hundred small messages at most, so they are not flow-controlled),
 * then a last message with done = true once every trade is committed.
 *
 * <p>Errors: gateway unreachable UNAVAILABLE; any other refusal of the gateway keeps its code (NOT_FOUND,
 * OUT_OF_RANGE, ...); PostgreSQL away UNAVAILABLE. Days finished before an error stay stored.
 */
final class Backfills {
    private static final Logger log = LoggerFactory.getLogger(Backfills.class);

    private final Backfill backfill;
    private final Executor executor;

    /** @param executor runs the backfills (blocking: one thread per backfill in progress) */
    Backfills(Backfill backfill, Executor executor) {
        this.backfill = backfill;
        this.executor = executor;
    }

    /**
     * Starts a validated backfill of [fromNanos, toNanos) (UTC epoch ns). gRPC handler thread.
     *
     * @throws StatusRuntimeException UNAVAILABLE when the service is stopping
     */
    void start(InstrumentId instrument, long fromNanos, long toNanos, ServerCallStreamObserver<BackfillProgress> observer) {
        Call call = new Call(observer);
        try {
            executor.execute(Context.current().wrap(() -> run(instrument, fromNanos, toNanos, call)));
        } catch (RejectedExecutionException e) {
            throw Status.UNAVAILABLE.withDescription("marketdata-svc is stopping; ask again").asRuntimeException();
        }
    }

    private void run(InstrumentId instrument, long fromNanos, long toNanos, Call call) {
        try {
            Backfill.Progress end = backfill.run(instrument, fromNanos, toNanos, call::cancelled, p -> call.send(message(p, false)));
            call.send(message(end, true));
            call.complete();
        } catch (CancellationException e) {
            log.debug("{}", e.getMessage());
        } catch (Backfill.GatewayFailure e) {
            Status gateway = e.status();
            Status status = gateway.getCode() == Status.Code.UNAVAILABLE
                    ? Status.UNAVAILABLE.withDescription("gateway unreachable: " + e.getMessage() + "; days before it are stored, repeat the backfill")
                    : gateway.withDescription(e.getMessage());
            log.warn("backfill of {} failed: {}", instrument, e.getMessage());
            call.fail(status);
        } catch (StoreUnavailableException e) {
            log.warn("backfill of {} failed: {}", instrument, e.getMessage());
            call.fail(Status.UNAVAILABLE.withDescription(e.getMessage() + "; days before it are stored, repeat the backfill"));
        } catch (RuntimeException e) {
            log.error("backfill of {} {}..{} failed", instrument, fromNanos, toNanos, e);
            call.fail(Status.INTERNAL.withDescription("backfill of " + instrument + " failed: " + e));
        }
    }

    private static BackfillProgress message(Backfill.Progress p, boolean done) {
        return BackfillProgress.newBuilder().setPercent(p.percent()).setTradesReceived(p.received())
                .setTradesStored(p.stored()).setDone(done).build();
    }

    /** One call's observer, used from its backfill thread; the cancel flag is set by gRPC. */
    private static final class Call {
        private final ServerCallStreamObserver<BackfillProgress> observer;
        private volatile boolean cancelled;

        Call(ServerCallStreamObserver<BackfillProgress> observer) {
            this.observer = observer;
            observer.setOnCancelHandler(() -> cancelled = true);
        }

        boolean cancelled() {
            return cancelled;
        }

        void send(BackfillProgress progress) {
            if (cancelled) return;
            try {
                observer.onNext(progress);
            } catch (StatusRuntimeException e) {
                if (!cancelled && e.getStatus().getCode() != Status.Code.CANCELLED) throw e;
            }
        }

        void complete() {
            if (!cancelled) observer.onCompleted();
        }

        void fail(Status status) {
            if (!cancelled) observer.onError(status.asRuntimeException());
        }
    }
}
