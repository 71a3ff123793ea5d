package blackbox.gateway.engine;

import blackbox.gateway.journal.JournalRecord;
import blackbox.gateway.journal.OrderJournal;
import blackbox.gateway.session.DllCall;
import blackbox.platform.domain.InstrumentId;
import blackbox.gateway.session.NResult;
import blackbox.gateway.session.ProfitSession;
import blackbox.gateway.session.RoutingCalls;
import blackbox.gateway.session.RoutingPasswords;
import blackbox.gateway.session.WallClock;
import blackbox.gateway.trading.AccountInfo;
import blackbox.gateway.trading.AccountKey;
import blackbox.gateway.trading.ExecReport;
import blackbox.gateway.trading.IdempotencyBook;
import blackbox.gateway.trading.KeyAnswers;
import blackbox.gateway.trading.OrderIntent;
import blackbox.gateway.trading.OrderSnapshot;
import blackbox.gateway.trading.OrderType;
import blackbox.gateway.trading.PositionInfo;
import blackbox.gateway.trading.RequestKind;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The trading requests, between the gRPC edge (which has validated them) and the DLL session: idempotency keys,
 * the durable journal, the DLL calls, and the hand-over of what the DLL answered to the {@link TradingEngine}.
 * Called on RPC threads, concurrently.
 *
 * <p>SendOrder: the key is claimed ({@link IdempotencyBook}); a repeated key answers the order it already names and
 * sends nothing (while its outcome is unknown after a restart: ORD_STATUS_UNKNOWN); otherwise the intent is forced to
 * the journal, then the DLL is called, then its answer is journaled (not forced: a crash between the two leaves the
 * key in doubt, which the restart resolves against the DLL's history). The gateway never sends an order again by
 * itself. {@link #send} returns a future: the RPC thread never waits for the disk (the DLL is called on the
 * "order-send" thread when the intent's group commit is done).
 *
 * <p>Expected refusals are values ({@link Refusal} with a {@link Reason} and a message naming what is wrong); the
 * gRPC layer maps them to status codes.
 */
public final class OrderRouter {
    /** Why a request was not made. */
    public enum Reason {
        /** No routing password for the account (FAILED_PRECONDITION). */
        NOT_ROUTABLE,
        /** Routing not connected, or the session is market-data only (FAILED_PRECONDITION). */
        ROUTING_DOWN,
        /** The key exists with other order fields (ALREADY_EXISTS). */
        CONFLICT,
        /** Unknown order, account or position (NOT_FOUND). */
        NOT_FOUND,
        /** The journal could not be written, or the DLL did not answer in time (UNAVAILABLE). */
        UNAVAILABLE,
        /** The DLL refused the arguments of a query (INVALID_ARGUMENT). */
        INVALID
    }

    /** A request not made, and why. */
    public record Refusal(Reason reason, String message) {
    }

    /** The order a SendOrder or ZeroPosition answers (or the refusal), and whether the key was known. */
    public record SendAnswer(ExecReport order, boolean duplicate, Refusal refusal) {
    }

    /** A change or cancel: whether the DLL took it, its code and MessageID. */
    public record RequestAnswer(boolean accepted, int dllResult, String text, long messageId, Refusal refusal) {
    }

    /** A listing or its refusal. */
    public record Listing<T>(List<T> items, Refusal refusal) {
    }

    private final GatewayEngine engine;
    private final TradingEngine trading;
    private final IdempotencyBook book;
    private final OrderJournal journal;
    private final RoutingPasswords passwords;
    private final WallClock wallClock;
    private final Clock clock;
    private final ZoneId zone;
    private final String sessionId;
    private final Duration historyTimeout;
    /** Makes the DLL calls of journaled sends, in journal order (one at a time: a DLL call is a few microseconds). */
    private final ExecutorService sender = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "order-send");
        t.setDaemon(true);
        return t;
    });

    public OrderRouter(GatewayEngine engine, TradingEngine trading, IdempotencyBook book, OrderJournal journal,
                       RoutingPasswords passwords, WallClock wallClock, Clock clock, ZoneId zone, String sessionId,
                       Duration historyTimeout) {
        this.engine = engine;
        this.trading = trading;
        this.book = book;
        this.journal = journal;
        this.passwords = passwords;
        this.wallClock = wallClock;
        this.clock = clock;
        this.zone = zone;
        this.sessionId = sessionId;
        this.historyTimeout = historyTimeout;
    }

    public RoutingPasswords passwords() {
        return passwords;
    }

    /** The idempotency keys roll with the exchange-local day of the gateway's clock, as the journal's file does. */
    private void checkDay() {
        LocalDate today = LocalDate.now(clock.withZone(zone));
        if (!today.equals(journal.day())) {
            synchronized (this) {
                if (!today.equals(journal.day())) {
                    journal.roll(today);
                    book.clear();
                }
            }
        }
    }

    private Refusal routable(AccountKey account, ProfitSession session) {
        if (!passwords.routable(account)) {
            return new Refusal(Reason.NOT_ROUTABLE, "account " + account + " has no routing password configured (not routable)");
        }
        if (session == null || session.marketOnly()) {
            return new Refusal(Reason.ROUTING_DOWN, session == null ? "no DLL session" : "the DLL session is market data only");
        }
        if (!trading.routingReady()) {
            return new Refusal(Reason.ROUTING_DOWN, "routing not connected (last routing state (1," + trading.routingResult() + "))");
        }
        return null;
    }

    // ------------------------------------------------------------------ orders

    /**
     * SendOrder or SendZeroPositionV2 for a validated intent. Never blocks the calling thread: the answer completes
     * at once (a refusal, a conflict), when a concurrent first send of the same key has returned from the DLL (a
     * duplicate), or on the "order-send" thread once the intent is on disk and the DLL has answered (a fresh key).
     */
    public CompletableFuture<SendAnswer> send(OrderIntent intent) {
        checkDay();
        ProfitSession session = engine.currentSession();
        Refusal r = routable(intent.account(), session);
        if (r != null) return CompletableFuture.completedFuture(new SendAnswer(null, false, r));
        IdempotencyBook.Claim claim = book.claim(intent, trading.lastDllNanos());
        return switch (claim) {
            case IdempotencyBook.Claim.Conflict c -> CompletableFuture.completedFuture(new SendAnswer(null, true, new Refusal(Reason.CONFLICT,
                    "idempotency_key " + intent.key() + " was already used for another order (" + describe(c.entry().intent()) + ")")));
            // a copy, so the bounded wait never completes the entry's own future for the others
            case IdempotencyBook.Claim.Duplicate d -> d.entry().settled().copy().completeOnTimeout(d.entry(), SETTLE_TIMEOUT_SECONDS, TimeUnit.SECONDS)
                    .thenApply(e -> new SendAnswer(answer(e), true, null));
            case IdempotencyBook.Claim.Fresh f -> sendFresh(f.entry(), session);
        };
    }

    /** How long a duplicate waits for the concurrent first send of its key before answering what is known. */
    private static final long SETTLE_TIMEOUT_SECONDS = 10;

    /**
     * The intent goes to the journal's next group commit; the DLL is called on the order-send thread once it is
     * forced. No RPC thread waits for the disk, so concurrent sends cost one fsync per batch and no blocked thread each.
     * There is no timeout here on purpose: nothing is sent before the intent is on disk, a stalled disk stalls the
     * sends (the caller's deadline applies, and a repeated key answers PENDING_NEW meanwhile), and a failed write
     * refuses them (UNAVAILABLE, nothing sent).
     */
    private CompletableFuture<SendAnswer> sendFresh(IdempotencyBook.Entry entry, ProfitSession session) {
        OrderIntent intent = entry.intent();
        return journal.appendForced(new JournalRecord.Intent(intent, wallClock.epochNanos(), entry.dllNanos()))
                .handleAsync((durable, failure) -> failure != null ? notJournaled(entry, failure) : callDll(entry, session), sender);
    }

    private SendAnswer notJournaled(IdempotencyBook.Entry entry, Throwable failure) {
        book.refused(entry, NResult.NL_INTERNAL_ERROR.code());
        Throwable cause = failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        return new SendAnswer(null, false, new Refusal(Reason.UNAVAILABLE, "the order journal could not be written (" + cause + "); nothing was sent"));
    }

    /** The DLL call of a journaled intent, then its answer handed to the engine and journaled (order-send thread). */
    private SendAnswer callDll(IdempotencyBook.Entry entry, ProfitSession session) {
        OrderIntent intent = entry.intent();
        long generation = engine.generation();
        trading.beginRequest();
        try {
            RoutingCalls.SendResult result = intent.kind() == OrderIntent.Kind.ORDER
                    ? session.routing().sendOrder(intent.account(), intent.instrument(), intent.side(), intent.ordType(),
                            intent.quantity(), dllPrice(intent.price()), dllPrice(intent.stopPrice()))
                    : session.routing().zeroPosition(intent.account(), intent.instrument(), dllPrice(intent.price()), intent.positionType());
            if (result.sent()) {
                book.sent(entry, generation, result.localOrderId(), result.messageId());
                trading.sent(intent, generation, result.localOrderId(), result.messageId());
                journal.append(new JournalRecord.Sent(intent.key().value(), sessionId, generation, result.localOrderId(), result.messageId()));
            } else {
                book.refused(entry, result.code());
                trading.refusedAtOnce(intent, refusalText(intent, result.code()));
                journal.append(new JournalRecord.Refused(intent.key().value(), result.code()));
            }
        } finally {
            trading.endRequest();
        }
        return new SendAnswer(answer(entry), false, null);
    }

    /** Stops the order-send thread (after the gRPC server stopped taking calls). */
    public void close() {
        sender.shutdown();
        try {
            if (!sender.awaitTermination(2, TimeUnit.SECONDS)) sender.shutdownNow();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            sender.shutdownNow();
        }
    }

    private static String refusalText(OrderIntent intent, int code) {
        String name = DllCall.of(intent.kind() == OrderIntent.Kind.ORDER ? "SendOrder" : "SendZeroPositionV2", code).toString();
        return code == NResult.NL_NO_POSITION.code() ? name + ": no position to zero in " + intent.instrument() : name;
    }

    private static double dllPrice(BigDecimal price) {
        return price == null ? -1 : price.doubleValue();
    }

    /** The order an entry names, as it stands ({@link KeyAnswers}: the state read before the engine's view). */
    private ExecReport answer(IdempotencyBook.Entry e) {
        return KeyAnswers.answer(e, trading::view, code -> DllCall.of("SendOrder", code).toString(), wallClock.epochNanos());
    }

    private static String describe(OrderIntent i) {
        return i.kind() == OrderIntent.Kind.ZERO_POSITION ? "zero position " + i.account() + " " + i.instrument()
                : i.side() + " " + i.quantity() + " " + i.instrument() + " " + i.ordType()
                + (i.price() == null ? "" : " @" + i.price().toPlainString()) + " in " + i.account();
    }

    // ------------------------------------------------------------------ change and cancel

    /** An order named by the caller: by idempotency key, or by the DLL's ids. */
    public record OrderRef(String key, long localOrderId, String clOrderId) {
    }

    /** SendChangeOrderV2. {@code price}/{@code stopPrice} {@code null} keep... are -1 for none at the DLL. */
    public RequestAnswer change(AccountKey account, OrderRef ref, long quantity, BigDecimal price, BigDecimal stopPrice) {
        return request(RequestKind.CHANGE, account, ref, (session, local, cl) ->
                session.routing().changeOrder(account, local, cl, dllPrice(price), dllPrice(stopPrice), quantity));
    }

    /** SendCancelOrderV2. */
    public RequestAnswer cancel(AccountKey account, OrderRef ref) {
        return request(RequestKind.CANCEL, account, ref, (session, local, cl) -> session.routing().cancelOrder(account, local, cl));
    }

    @FunctionalInterface
    private interface RequestCall {
        RoutingCalls.RequestResult call(ProfitSession session, long localOrderId, String clOrderId);
    }

    private RequestAnswer request(RequestKind kind, AccountKey account, OrderRef ref, RequestCall call) {
        ProfitSession session = engine.currentSession();
        Refusal r = routable(account, session);
        if (r != null) return new RequestAnswer(false, 0, "", 0, r);
        String key = ref.key();
        long local = ref.localOrderId();
        String cl = ref.clOrderId();
        if (key != null && !key.isEmpty()) {
            IdempotencyBook.Entry e = book.get(key).orElse(null);
            if (e == null) return new RequestAnswer(false, 0, "", 0, new Refusal(Reason.NOT_FOUND, "no order was sent with idempotency_key " + key + " today"));
            if (!e.intent().account().equals(account)) {
                return new RequestAnswer(false, 0, "", 0, new Refusal(Reason.NOT_FOUND, "the order of idempotency_key " + key
                        + " is in account " + e.intent().account() + ", not " + account));
            }
            ExecReport view = trading.view(key).orElse(null);
            cl = !e.clOrderId().isEmpty() ? e.clOrderId() : view != null ? view.clOrderId() : "";
            local = e.generation() == engine.generation() ? e.localOrderId() : 0;
            if (cl.isEmpty() && local <= 0) {
                return new RequestAnswer(false, 0, "", 0, new Refusal(e.state() == IdempotencyBook.State.REFUSED
                        || e.state() == IdempotencyBook.State.NOT_SENT ? Reason.NOT_FOUND : Reason.ROUTING_DOWN,
                        "the order of idempotency_key " + key + " is not known to the DLL yet (" + e.state() + ")"));
            }
        } else {
            key = cl == null || cl.isEmpty() ? null : book.keyOf(cl).orElse(null);
        }
        trading.beginRequest();
        try {
            RoutingCalls.RequestResult result = call.call(session, local, cl);
            if (result.call().ok()) {
                trading.requestSent(kind, key, local, cl, result.messageId());
                return new RequestAnswer(true, 0, "", result.messageId(), null);
            }
            if (result.call().result() == NResult.NL_NOT_FOUND) {
                return new RequestAnswer(false, result.call().code(), result.call().toString(), 0,
                        new Refusal(Reason.NOT_FOUND, result.call() + ": the DLL knows no such order (local_order_id=" + local
                                + ", cl_order_id=\"" + (cl == null ? "" : cl) + "\")"));
            }
            trading.requestRefused(kind, key, local, cl, result.call().toString());
            return new RequestAnswer(false, result.call().code(), result.call().toString(), 0, null);
        } finally {
            trading.endRequest();
        }
    }

    /** SendCancelAllOrdersV2, or SendCancelOrdersV2 for one instrument. */
    public RequestAnswer cancelAll(AccountKey account, InstrumentId instrument) {
        ProfitSession session = engine.currentSession();
        Refusal r = routable(account, session);
        if (r != null) return new RequestAnswer(false, 0, "", 0, r);
        DllCall call = instrument == null ? session.routing().cancelAllOrders(account) : session.routing().cancelOrders(account, instrument);
        return new RequestAnswer(call.ok(), call.ok() ? 0 : call.code(), call.ok() ? "" : call.toString(), 0, null);
    }

    // ------------------------------------------------------------------ queries

    /** GetAccounts with details and sub-accounts. */
    public Listing<AccountInfo> accounts() {
        ProfitSession session = engine.currentSession();
        if (session == null || session.marketOnly() || !trading.routingReady()) {
            return new Listing<>(List.of(), new Refusal(Reason.ROUTING_DOWN, session != null && session.marketOnly()
                    ? "the DLL session is market data only" : "routing not connected (last routing state (1," + trading.routingResult() + "))"));
        }
        RoutingCalls.Listing<AccountInfo> l = session.routing().accounts();
        if (!l.call().ok()) return new Listing<>(List.of(), new Refusal(Reason.UNAVAILABLE, l.call().toString()));
        return new Listing<>(l.items(), null);
    }

    /** GetPositionV2; NOT_FOUND for NL_NO_POSITION or an unknown account. */
    public Listing<PositionInfo> position(AccountKey account, InstrumentId instrument, int positionType) {
        ProfitSession session = engine.currentSession();
        Refusal r = session == null || session.marketOnly() ? new Refusal(Reason.ROUTING_DOWN, "no routing session") : null;
        if (r != null) return new Listing<>(List.of(), r);
        RoutingCalls.Listing<PositionInfo> l = session.routing().position(account, instrument, positionType);
        return switch (l.call().result()) {
            case NL_OK -> new Listing<>(l.items(), null);
            case NL_NO_POSITION -> new Listing<>(List.of(), new Refusal(Reason.NOT_FOUND, "no position of " + account + " in " + instrument));
            case NL_NOT_FOUND -> new Listing<>(List.of(), new Refusal(Reason.NOT_FOUND, "unknown account " + account));
            default -> new Listing<>(List.of(), new Refusal(Reason.UNAVAILABLE, l.call().toString()));
        };
    }

    /** EnumerateAllPositionAssets + GetPositionV2: every non-zero position of the account. */
    public Listing<PositionInfo> positions(AccountKey account, int positionType) {
        ProfitSession session = engine.currentSession();
        if (session == null || session.marketOnly()) return new Listing<>(List.of(), new Refusal(Reason.ROUTING_DOWN, "no routing session"));
        RoutingCalls.Listing<InstrumentId> assets = session.routing().positionAssets(account);
        if (assets.call().result() == NResult.NL_NOT_FOUND) return new Listing<>(List.of(), new Refusal(Reason.NOT_FOUND, "unknown account " + account));
        if (!assets.call().ok()) return new Listing<>(List.of(), new Refusal(Reason.UNAVAILABLE, assets.call().toString()));
        List<PositionInfo> list = new ArrayList<>();
        for (InstrumentId i : assets.items()) {
            RoutingCalls.Listing<PositionInfo> p = session.routing().position(account, i, positionType);
            if (p.call().ok() && p.items().get(0).openQuantity() != 0) list.add(p.items().get(0));
        }
        return new Listing<>(list, null);
    }

    /**
     * The DLL's order history of the account: loaded first (HasOrdersInInterval, then the order-history callback,
     * waiting up to the history timeout), then enumerated; {@code fromNanos}/{@code toNanos} both 0 for the day.
     */
    public Listing<OrderSnapshot> orders(AccountKey account, long fromNanos, long toNanos) {
        ProfitSession session = engine.currentSession();
        if (session == null || session.marketOnly()) return new Listing<>(List.of(), new Refusal(Reason.ROUTING_DOWN, "no routing session"));
        LocalDate from;
        LocalDate to;
        if (fromNanos == 0 && toNanos == 0) {
            from = to = trading.dllDay(session);
        } else {
            from = day(fromNanos);
            to = day(toNanos);
        }
        var wait = trading.historyLoaded(account);
        DllCall has = session.routing().hasOrdersInInterval(account.master(), from, to);
        if (has.result() == NResult.NL_WAITING_SERVER) {
            try {
                wait.get(historyTimeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException | ExecutionException | InterruptedException e) {
                if (e instanceof InterruptedException) Thread.currentThread().interrupt();
                return new Listing<>(List.of(), new Refusal(Reason.UNAVAILABLE, "the order history of " + account.master()
                        + " did not load within " + historyTimeout.toMillis() + " ms"));
            }
        } else if (has.result() == NResult.NL_NOT_FOUND) {
            return new Listing<>(List.of(), new Refusal(Reason.NOT_FOUND, "unknown account " + account));
        } else if (has.result() == NResult.NL_OUT_OF_RANGE || has.result() == NResult.NL_INVALID_ARGS) {
            return new Listing<>(List.of(), new Refusal(Reason.INVALID, has + ": days " + from + ".." + to));
        } else if (!has.ok()) {
            return new Listing<>(List.of(), new Refusal(Reason.UNAVAILABLE, has.toString()));
        }
        RoutingCalls.Listing<OrderSnapshot> l = session.routing().orders(account, fromNanos, toNanos);
        if (!l.call().ok()) return new Listing<>(List.of(), new Refusal(Reason.UNAVAILABLE, l.call().toString()));
        return new Listing<>(l.items(), null);
    }

    private LocalDate day(long nanos) {
        return Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L)).atZone(zone).toLocalDate();
    }

    /** The key of a ClOrderID sent through this gateway today. */
    public String keyOf(String clOrderId) {
        return book.keyOf(clOrderId).orElse("");
    }

    /** Whether the ord type is market (no price). */
    static boolean market(OrderType t) {
        return t == OrderType.MARKET;
    }
}
