package blackbox.oms.engine;

import blackbox.gateway.v1.ListOrdersResponse;
import blackbox.gateway.v1.TradingGrpc;
import blackbox.oms.core.TradeDates;
import blackbox.oms.core.account.ClientAccount;
import blackbox.oms.core.reconcile.Decision;
import blackbox.oms.core.reconcile.ReconciliationPlan;
import blackbox.oms.gateway.GatewayOrders;
import blackbox.oms.store.AuditCommand;
import blackbox.platform.domain.AccountId;
import io.grpc.StatusRuntimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reconciles the accounts the gates hold in doubt, a few at a time: for each, once no send of the account is in flight
 * (and, after oms-svc's own restart, once the start grace is over: a send the previous process had on its way has
 * landed at the gateway), it reads the gateway's {@code ListOrders} of the account, waits until the report stream has
 * handed the writer every report up to the listing's fence (its {@code report_sequence}: those reports are applied
 * first, as the fills they are; other accounts' reports and later ones do not hold it up), and has the writer
 * decide ({@link blackbox.oms.core.reconcile.Reconciliation}) and apply the outcome in one transaction — an order the
 * venue never saw becomes REJECTED with the reason; nothing is re-sent. Then the account opens again. A ListOrders that
 * fails is retried later, the account staying closed. Discrepancies are logged and counted (the audit row lists every
 * verdict).
 */
public final class Reconciler implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Reconciler.class);

    /** How the reconciler waits; see {@code OmsConfig}. */
    public record Timing(Duration startGrace, Duration quiet, Duration maxQuietWait, Duration idleWait,
                         Duration listDeadline, Duration retry) {
    }

    private final TradingGrpc.TradingBlockingStub stub;
    private final OrderWriter writer;
    private final AccountGates gates;
    private final ReportConsumer reports;
    private final Function<AccountId, Optional<ClientAccount>> accounts;
    private final Timing timing;
    private final ZoneId zone;
    private final LongSupplier clock;
    private final long startNanos = System.nanoTime();
    private final List<Thread> workers = new ArrayList<>();
    private final AtomicLong reconciled = new AtomicLong();
    private final AtomicLong discrepancies = new AtomicLong();
    private final java.util.Map<AccountId, Integer> attempts = new java.util.concurrent.ConcurrentHashMap<>();
    /** Readings of the venue before a discrepancy is left to a person. */
    static final int MAX_ATTEMPTS = 3;
    private volatile boolean running = true;

    public Reconciler(TradingGrpc.TradingBlockingStub stub, OrderWriter writer, AccountGates gates, ReportConsumer reports,
                      Function<AccountId, Optional<ClientAccount>> accounts, Timing timing, ZoneId zone, LongSupplier clock,
                      int threads) {
        this.stub = stub;
        this.writer = writer;
        this.gates = gates;
        this.reports = reports;
        this.accounts = accounts;
        this.timing = timing;
        this.zone = zone;
        this.clock = clock;
        for (int i = 0; i < threads; i++) {
            Thread t = new Thread(this::run, "oms-reconcile-" + i);
            t.setDaemon(true);
            workers.add(t);
        }
    }

    public void start() {
        workers.forEach(Thread::start);
    }

    private void run() {
        while (running) {
            try {
                Optional<AccountId> next = gates.nextToReconcile(Duration.ofMillis(200));
                if (next.isPresent()) reconcile(next.get());
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                log.error("reconciliation failed unexpectedly", e);
            }
        }
    }

    private void reconcile(AccountId account) throws InterruptedException {
        Optional<ClientAccount> client = accounts.apply(account);
        if (client.isEmpty()) {
            log.error("reconciliation: account {} has open orders but is not in the accounts file; its orders stay as they are", account);
            gates.reconciled(account);
            return;
        }
        if (!gates.awaitIdle(account, timing.idleWait())) {
            gates.retryLater(account, "sends still in flight");
            return;
        }
        long graceLeft = startNanos + timing.startGrace().toNanos() - System.nanoTime();
        if (graceLeft > 0) TimeUnit.NANOSECONDS.sleep(graceLeft);
        if (!reports.connected()) {
            // the gateway is away (its report stream is down): ask again once it is back, without a call per account
            TimeUnit.MILLISECONDS.sleep(timing.retry().toMillis());
            gates.retryLater(account, "the gateway is not reachable (report stream down)");
            return;
        }
        ListOrdersResponse venue;
        try {
            venue = stub.withDeadlineAfter(timing.listDeadline().toMillis(), TimeUnit.MILLISECONDS)
                    .listOrders(GatewayOrders.listOrders(client.get()));
        } catch (StatusRuntimeException e) {
            log.warn("reconciliation of {}: ListOrders failed ({}: {}); retrying in {}", account, e.getStatus().getCode(),
                    e.getStatus().getDescription(), timing.retry());
            TimeUnit.MILLISECONDS.sleep(timing.retry().toMillis());
            gates.retryLater(account, "the gateway's ListOrders failed: " + e.getStatus().getCode());
            return;
        }
        if (!awaitReports(venue)) {
            log.info("reconciliation of {}: the report stream did not reach the listing's fence (session {}, sequence {}) in {};"
                    + " reading the venue again", account, venue.getSessionId(), venue.getReportSequence(), timing.maxQuietWait());
            gates.retryLater(account, "the report stream is behind the gateway's listing");
            return;
        }
        long now = clock.getAsLong();
        AuditCommand audit = AuditCommand.system(now, "gateway", "Reconcile", Optional.empty(), Optional.empty(),
                Optional.of(account), Map.of());
        ReconciliationPlan plan;
        try {
            plan = writer.reconcile(account, GatewayOrders.venueOrders(venue), TradeDates.of(now, zone), now, audit).join();
        } catch (RuntimeException e) {
            log.warn("reconciliation of {} not written ({}); retrying", account, e.toString());
            TimeUnit.MILLISECONDS.sleep(timing.retry().toMillis());
            gates.retryLater(account, "reconciliation not written: " + e.getMessage());
            return;
        }
        if (!plan.discrepancies().isEmpty()) {
            // often a snapshot overtaken by reports applied meanwhile (the venue's CumQty below ours): read it again
            int attempt = attempts.merge(account, 1, Integer::sum);
            if (attempt < MAX_ATTEMPTS) {
                log.info("reconciliation of {}: {} discrepancies, reading the venue again (attempt {})", account,
                        plan.discrepancies().size(), attempt + 1);
                TimeUnit.MILLISECONDS.sleep(timing.retry().toMillis());
                gates.retryLater(account, "discrepancies with the venue, reading it again");
                return;
            }
            for (Decision d : plan.discrepancies()) {
                discrepancies.incrementAndGet();
                log.warn("reconciliation of {}: DISCREPANCY for {} (an alarm for a person; the order is left as it is): {}",
                        account, d.clOrdId(), d.reason());
            }
        }
        attempts.remove(account);
        if (!plan.foreign().isEmpty()) {
            log.info("reconciliation of {}: {} venue orders not ours (reported, not adopted)", account, plan.foreign().size());
        }
        reconciled.incrementAndGet();
        gates.reconciled(account);
    }

    /**
     * Waits until the reports the listing already shows have been handed to the writer (its fence: the gateway session
     * and the last report sequence published before the orders were read), so they are applied as the fills they are
     * before the reconciliation, queued after them, infers anything — one account's reconciliation no longer waits
     * for the whole stream to go quiet, which it never does under load. A stream quiet for {@code timing.quiet()}
     * holds nothing more either (the gateway streams a consumer after a gap from its head, so reports before it never
     * come); that is all a gateway without fences (no session in the answer) can be waited for. False when neither
     * happened within {@code timing.maxQuietWait()}.
     */
    private boolean awaitReports(ListOrdersResponse venue) throws InterruptedException {
        long deadline = System.nanoTime() + timing.maxQuietWait().toNanos();
        boolean fenced = !venue.getSessionId().isEmpty();
        while (!(fenced && reports.reached(venue.getSessionId(), venue.getReportSequence())) && !reports.quietFor(timing.quiet())) {
            if (System.nanoTime() >= deadline || !running) return false;
            TimeUnit.MILLISECONDS.sleep(1);
        }
        return true;
    }

    /** Accounts reconciled so far. */
    public long reconciled() {
        return reconciled.get();
    }

    public long discrepancies() {
        return discrepancies.get();
    }

    @Override
    public void close() {
        running = false;
        for (Thread t : workers) t.interrupt();
    }
}
