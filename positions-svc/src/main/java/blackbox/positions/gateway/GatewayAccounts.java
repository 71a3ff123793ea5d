package blackbox.positions.gateway;

import blackbox.gateway.v1.Account;
import blackbox.gateway.v1.ListAccountsRequest;
import blackbox.gateway.v1.TradingGrpc;
import blackbox.platform.domain.AccountId;
import blackbox.positions.config.AccountsFile;
import blackbox.positions.service.GatewayPositions;
import io.grpc.Channel;
import io.grpc.StatusRuntimeException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The desk's account codes as the DLL's account identifiers: from oms-svc's accounts file when one is given
 * ({@link blackbox.positions.config.AccountsFile}), else from the gateway's {@code ListAccounts} by oms-svc's rule for
 * the simulator's roster — a broker account is named by its account id ({@code 4512031}), a sub-account by its
 * account id, a dot and its sub-account id ({@code 4513007.001}). The gateway's list is read once and again whenever
 * an account is not found. Thread-safe.
 */
public final class GatewayAccounts {
    private final TradingGrpc.TradingBlockingStub stub;
    private final Duration deadline;
    private final Map<AccountId, blackbox.gateway.v1.AccountId> fromFile;
    private Map<AccountId, blackbox.gateway.v1.AccountId> byDeskId = Map.of(); // guarded by this

    /** @param fromFile oms-svc's accounts file's mapping; empty: ask the gateway */
    public GatewayAccounts(Channel gateway, Map<AccountId, AccountsFile.DllAccount> fromFile, Duration deadline) {
        this.stub = TradingGrpc.newBlockingStub(gateway);
        this.deadline = deadline;
        Map<AccountId, blackbox.gateway.v1.AccountId> m = new HashMap<>();
        fromFile.forEach((k, v) -> m.put(k, blackbox.gateway.v1.AccountId.newBuilder().setBrokerId(v.brokerId())
                .setAccountId(v.accountId()).setSubAccountId(v.subAccountId()).build()));
        this.fromFile = Map.copyOf(m);
    }

    /** The desk's name of a DLL account. */
    public static String deskId(blackbox.gateway.v1.AccountId dll) {
        return dll.getSubAccountId().isEmpty() ? dll.getAccountId() : dll.getAccountId() + "." + dll.getSubAccountId();
    }

    /**
     * @return the DLL's identifier of {@code account}, empty when the gateway does not know it
     * @throws GatewayPositions.GatewayUnavailableException when the gateway does not answer ListAccounts
     */
    public synchronized Optional<blackbox.gateway.v1.AccountId> dll(AccountId account) {
        if (!fromFile.isEmpty()) return Optional.ofNullable(fromFile.get(account));
        blackbox.gateway.v1.AccountId found = byDeskId.get(account);
        if (found == null) {
            reload();
            found = byDeskId.get(account);
        }
        return Optional.ofNullable(found);
    }

    private void reload() {
        Map<AccountId, blackbox.gateway.v1.AccountId> map = new HashMap<>();
        try {
            for (Account a : stub.withDeadlineAfter(deadline.toMillis(), TimeUnit.MILLISECONDS)
                    .listAccounts(ListAccountsRequest.getDefaultInstance()).getAccountsList()) {
                put(map, a);
                for (Account sub : a.getSubAccountsList()) put(map, sub);
            }
        } catch (StatusRuntimeException e) {
            throw new GatewayPositions.GatewayUnavailableException("gateway ListAccounts: " + e.getStatus(), e);
        }
        byDeskId = map;
    }

    private static void put(Map<AccountId, blackbox.gateway.v1.AccountId> map, Account a) {
        String desk = deskId(a.getId());
        if (AccountId.valid(desk)) map.put(new AccountId(desk), a.getId());
    }
}
