package blackbox.oms.grpc;

import blackbox.oms.api.Caller;
import blackbox.oms.api.Protos;
import blackbox.oms.core.BlockId;
import blackbox.oms.core.ClOrdId;
import blackbox.oms.core.UserId;
import blackbox.oms.store.AuditCommand;
import blackbox.oms.store.AuditTrail;
import blackbox.platform.domain.AccountId;
import com.google.protobuf.MessageOrBuilder;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every handler shares: the caller from the call ({@link Callers}), the audit row of a command, and answering an
 * error — recorded in the audit trail with its status and message, so a refused command leaves its row and nothing
 * else.
 */
final class Calls {
    private static final Logger log = LoggerFactory.getLogger(Calls.class);

    private final AuditTrail audit;
    private final LongSupplier clock;

    Calls(AuditTrail audit, LongSupplier clock) {
        this.audit = audit;
        this.clock = clock;
    }

    /** The caller of a command; UNAUTHENTICATED without the user header. */
    Caller caller() {
        String user = Callers.user();
        if (user.isEmpty()) {
            throw Status.UNAUTHENTICATED.withDescription("a command needs the " + Callers.USER_HEADER + " header (the acting user)")
                    .asRuntimeException();
        }
        if (!UserId.valid(user)) {
            throw Status.UNAUTHENTICATED.withDescription(Callers.USER_HEADER + " must be 1..64 printable ASCII characters without"
                    + " spaces: " + Callers.USER_HEADER + "=\"" + user + "\"").asRuntimeException();
        }
        return new Caller(new UserId(user), Callers.address(), clock.getAsLong());
    }

    static AuditCommand command(Caller caller, String rpc, String clOrdId, String blockId, String account, MessageOrBuilder request) {
        return new AuditCommand(caller.nowNanos(), caller.user(), caller.address(), rpc,
                ClOrdId.valid(clOrdId) ? Optional.of(new ClOrdId(clOrdId)) : Optional.empty(),
                BlockId.valid(blockId) ? Optional.of(new BlockId(blockId)) : Optional.empty(),
                AccountId.valid(account) ? Optional.of(new AccountId(account)) : Optional.empty(), Protos.json(request));
    }

    /** Answers {@code status} and records it as the command's outcome. */
    void fail(StreamObserver<?> out, AuditCommand command, Status status) {
        try {
            audit.append(command, status.getCode() + ": " + status.getDescription());
        } catch (RuntimeException e) {
            log.warn("audit row of a refused {} not written: {}", command.command(), e.toString());
        }
        out.onError(status.asRuntimeException());
    }

    /** The status a failed future (the writer's) answers with: UNAVAILABLE when PostgreSQL is away, else INTERNAL. */
    static Status status(Throwable t) {
        Throwable cause = t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
        if (cause instanceof StatusRuntimeException s) return s.getStatus();
        if (blackbox.platform.db.Database.isUnavailable(cause)) {
            return Status.UNAVAILABLE.withDescription("not persisted, PostgreSQL unavailable: " + cause.getMessage());
        }
        if (cause instanceof IllegalStateException && String.valueOf(cause.getMessage()).contains("stopping")) {
            return Status.UNAVAILABLE.withDescription(cause.getMessage());
        }
        log.error("command failed", cause);
        return Status.INTERNAL.withDescription("not persisted: " + cause);
    }

    /** Runs a handler; a {@link StatusRuntimeException} it throws closes the call with that status. */
    static void guarded(StreamObserver<?> out, Runnable handler) {
        try {
            handler.run();
        } catch (StatusRuntimeException e) {
            out.onError(e);
        }
    }

    static <T> void reply(StreamObserver<T> out, T value) {
        out.onNext(value);
        out.onCompleted();
    }
}
