package blackbox.oms.engine;

import blackbox.gateway.v1.Account;
import blackbox.gateway.v1.ListAccountsRequest;
import blackbox.gateway.v1.ListAccountsResponse;
import blackbox.gateway.v1.TradingGrpc;
import blackbox.oms.core.account.AccountRegistry;
import blackbox.oms.core.account.ClientAccount;
import blackbox.oms.core.account.DllAccount;
import io.grpc.StatusRuntimeException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks the accounts file against the gateway's {@code ListAccounts} (the lead's decision 2): an account the gateway
 * does not list, or lists as disabled or not routable (no routing password), is refused for orders with that reason
 * and reported in the log, naming it. Until the gateway answers (it refuses while routing is not connected), every
 * account stays CHECKING; the check is retried every second until it succeeds, then once a minute to pick up
 * changes.
 */
public final class AccountCheck implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(AccountCheck.class);

    private final TradingGrpc.TradingBlockingStub stub;
    private final AccountRegistry accounts;
    private final AccountGates gates;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "oms-account-check");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean done = new AtomicBoolean();
    private final Map<blackbox.platform.domain.AccountId, String> refused = new java.util.concurrent.ConcurrentHashMap<>();

    public AccountCheck(TradingGrpc.TradingBlockingStub stub, AccountRegistry accounts, AccountGates gates) {
        this.stub = stub;
        this.accounts = accounts;
        this.gates = gates;
    }

    public void start() {
        scheduler.execute(this::check);
    }

    private void check() {
        try {
            ListAccountsResponse r = stub.withDeadlineAfter(5, TimeUnit.SECONDS).listAccounts(ListAccountsRequest.getDefaultInstance());
            Map<DllAccount, Account> byId = new HashMap<>();
            for (Account a : r.getAccountsList()) {
                put(byId, a);
                for (Account sub : a.getSubAccountsList()) put(byId, sub);
            }
            int ok = 0;
            for (ClientAccount c : accounts.all()) {
                Optional<String> refusal = refusal(c, byId.get(c.dll()));
                refusal.ifPresentOrElse(why -> {
                    if (!why.equals(refused.put(c.id(), why))) log.warn("account {} refused for orders: {}", c.id(), why);
                }, () -> refused.remove(c.id()));
                if (refusal.isEmpty()) ok++;
                gates.checked(c.id(), refusal);
            }
            if (done.compareAndSet(false, true)) {
                log.info("accounts checked at the gateway: {} of {} routable, {} refused", ok, accounts.size(), accounts.size() - ok);
            }
            scheduler.schedule(this::check, 60, TimeUnit.SECONDS);
        } catch (StatusRuntimeException e) {
            if (!done.get()) log.info("accounts not checked yet, the gateway answered {}; retrying", e.getStatus().getCode());
            scheduler.schedule(this::check, done.get() ? 60 : 1, TimeUnit.SECONDS);
        } catch (RuntimeException e) {
            log.error("account check failed", e);
            scheduler.schedule(this::check, 5, TimeUnit.SECONDS);
        }
    }

    private static void put(Map<DllAccount, Account> byId, Account a) {
        var id = a.getId();
        if (id.getBrokerId() > 0 && !id.getAccountId().isEmpty()) {
            byId.put(new DllAccount(id.getBrokerId(), id.getAccountId(), id.getSubAccountId()), a);
        }
    }

    private static Optional<String> refusal(ClientAccount c, Account at) {
        String dll = "broker " + c.dll().brokerId() + " account " + c.dll().accountId()
                + (c.dll().subAccountId().isEmpty() ? "" : " sub-account " + c.dll().subAccountId());
        if (!c.enabled()) return Optional.of("disabled in the accounts file (" + dll + ")");
        if (at == null) return Optional.of("not at the gateway: its ListAccounts does not have " + dll);
        if (!at.getEnabled()) return Optional.of("disabled at the broker (" + dll + ")");
        if (!at.getRoutable()) return Optional.of("not routable: the gateway has no routing password for " + dll);
        return Optional.empty();
    }

    /** Has the gateway answered at least once? */
    public boolean checked() {
        return done.get();
    }

    /** The accounts refused, with the reason. */
    public Map<blackbox.platform.domain.AccountId, String> refused() {
        return Map.copyOf(refused);
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
