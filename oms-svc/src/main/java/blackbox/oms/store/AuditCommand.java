package blackbox.oms.store;

import blackbox.oms.core.BlockId;
import blackbox.oms.core.ClOrdId;
import blackbox.oms.core.UserId;
import blackbox.platform.domain.AccountId;
import java.util.Objects;
import java.util.Optional;

/**
 * A command as it reached oms-svc, for the append-only audit trail: who, when, from where, what, with which
 * parameters. The outcome is recorded by the store that executes it (or given to {@link AuditTrail#append}).
 *
 * @param atNanos when it arrived, UTC ns (the service's clock)
 * @param address the caller's address as the server saw it
 * @param command the RPC, e.g. {@code SubmitOrder}
 * @param parametersJson the request as protobuf JSON
 */
public record AuditCommand(long atNanos, UserId user, String address, String command, Optional<ClOrdId> clOrdId,
                           Optional<BlockId> blockId, Optional<AccountId> account, String parametersJson) {
    public AuditCommand {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(clOrdId, "clOrdId");
        Objects.requireNonNull(blockId, "blockId");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(parametersJson, "parametersJson");
    }

    /** The user oms-svc records its own actions under (reconciliation, alarms). */
    public static final UserId SYSTEM = new UserId("oms-svc");

    /**
     * An action oms-svc takes itself, recorded under {@link #SYSTEM}.
     *
     * @param address where it came from, e.g. {@code gateway}
     * @param parameters written as a JSON object of strings
     */
    public static AuditCommand system(long atNanos, String address, String command, Optional<ClOrdId> clOrdId,
                                      Optional<BlockId> blockId, Optional<AccountId> account,
                                      java.util.Map<String, String> parameters) {
        var node = Json.object();
        new java.util.TreeMap<>(parameters).forEach(node::put);
        return new AuditCommand(atNanos, SYSTEM, address, command, clOrdId, blockId, account, Json.write(node));
    }
}
