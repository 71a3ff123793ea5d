package blackbox.gateway.session;

import blackbox.platform.domain.InstrumentId;
import blackbox.gateway.ffm.ProfitDLL;
import blackbox.gateway.ffm.TConnectorAccountIdentifier;
import blackbox.gateway.ffm.TConnectorAccountIdentifierOut;
import blackbox.gateway.ffm.TConnectorAssetIdentifier;
import blackbox.gateway.ffm.TConnectorCancelAllOrders;
import blackbox.gateway.ffm.TConnectorCancelOrder;
import blackbox.gateway.ffm.TConnectorCancelOrders;
import blackbox.gateway.ffm.TConnectorChangeOrder;
import blackbox.gateway.ffm.TConnectorEnumerateAssetProc;
import blackbox.gateway.ffm.TConnectorEnumerateOrdersProc;
import blackbox.gateway.ffm.TConnectorOrder;
import blackbox.gateway.ffm.TConnectorOrderIdentifier;
import blackbox.gateway.ffm.TConnectorSendOrder;
import blackbox.gateway.ffm.TConnectorTradingAccountOut;
import blackbox.gateway.ffm.TConnectorTradingAccountPosition;
import blackbox.gateway.ffm.TConnectorZeroPosition;
import blackbox.gateway.ffm.TSystemTime;
import blackbox.gateway.trading.AccountInfo;
import blackbox.gateway.trading.AccountKey;
import blackbox.gateway.trading.OrderSide;
import blackbox.gateway.trading.OrderSnapshot;
import blackbox.gateway.trading.OrderType;
import blackbox.gateway.trading.PositionInfo;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The routing request functions of one DLL session (profitdll-api.md §5.4–5.7): orders, changes, cancels, zeroing,
 * positions, accounts and order history. Call from any thread except the DLL's ConnectorThread (the manual forbids
 * request functions in callbacks, §7.1).
 *
 * <p>Cost per order: the account, instrument and password are native once ({@link NativeIdentifiers}); the request
 * record is a per-thread segment; a call allocates nothing on the Java heap but its result. Calls run concurrently
 * unless the session serializes them ({@code serializeRequests}: the vendor does not say whether its request
 * functions may be called from several threads at once; the simulator may). Either way they hold the session's
 * read lock, so {@link ProfitSession#close()} (DLLFinalize) never runs during one; after it they answer
 * {@code NL_NOT_INITIALIZED}.
 *
 * <p>Passwords come from {@link RoutingPasswords}; an account without one is refused here with
 * {@code NL_NO_PASSWORD} before the DLL sees the request.
 */
public final class RoutingCalls {
    private static final int NL_NOT_INITIALIZED = NResult.NL_NOT_INITIALIZED.code();
    private static final int NL_NO_PASSWORD = NResult.NL_NO_PASSWORD.code();

    /** What SendOrder / SendZeroPositionV2 returned: a LocalOrderID ({@code > 0}) or an NResult ({@code code}). */
    public record SendResult(long localOrderId, int code, long messageId) {
        public boolean sent() {
            return localOrderId > 0;
        }

        public NResult result() {
            return NResult.of(code);
        }
    }

    /** What a change or cancel returned, with the request's MessageID. */
    public record RequestResult(DllCall call, long messageId) {
    }

    /** A list the DLL gave, or the DLL's refusal. */
    public record Listing<T>(DllCall call, List<T> items) {
    }

    private final ProfitDLL dll;
    private final ProfitSession session;
    private final NativeIdentifiers natives;
    private final ZoneId zone;
    private final Lock serial;
    private final ThreadLocal<Scratch> scratch = ThreadLocal.withInitial(Scratch::new);
    private final ThreadLocal<List<OrderSnapshot>> orderSink = new ThreadLocal<>();
    private final ThreadLocal<List<InstrumentId>> assetSink = new ThreadLocal<>();
    private final MemorySegment orderEnumerator;
    private final MemorySegment assetEnumerator;

    /** Per-thread request records, allocated once per thread. */
    private static final class Scratch {
        final Arena arena = Arena.ofAuto();
        final MemorySegment send = TConnectorSendOrder.allocate(arena);
        final MemorySegment change = TConnectorChangeOrder.allocate(arena);
        final MemorySegment cancel = TConnectorCancelOrder.allocate(arena);
        final MemorySegment cancelOrders = TConnectorCancelOrders.allocate(arena);
        final MemorySegment cancelAll = TConnectorCancelAllOrders.allocate(arena);
        final MemorySegment zero = TConnectorZeroPosition.allocate(arena);
        final MemorySegment position = TConnectorTradingAccountPosition.allocate(arena);
        final MemorySegment from = TSystemTime.allocate(arena);
        final MemorySegment to = TSystemTime.allocate(arena);
        final char[] chars = new char[4096];
    }

    RoutingCalls(ProfitDLL dll, ProfitSession session, RoutingPasswords passwords, ZoneId zone, boolean serializeRequests, Arena sessionArena) {
        this.dll = dll;
        this.session = session;
        this.natives = new NativeIdentifiers(passwords);
        this.zone = zone;
        this.serial = serializeRequests ? new ReentrantLock() : null;
        this.orderEnumerator = TConnectorEnumerateOrdersProc.allocate(this::onEnumeratedOrder, sessionArena);
        this.assetEnumerator = TConnectorEnumerateAssetProc.allocate(this::onEnumeratedAsset, sessionArena);
    }

    /** The passwords this session routes with. */
    public RoutingPasswords passwords() {
        return natives.passwords();
    }

    private boolean enter() {
        session.lifecycle.readLock().lock();
        if (session.closed) {
            session.lifecycle.readLock().unlock();
            return false;
        }
        if (serial != null) serial.lock();
        return true;
    }

    private void exit() {
        if (serial != null) serial.unlock();
        session.lifecycle.readLock().unlock();
    }

    // ------------------------------------------------------------------ orders

    /**
     * SendOrder (record Version 1, so the MessageID comes back).
     *
     * @param price limit price (BRL), -1 for market
     * @param stopPrice trigger, -1 when not a stop-limit
     */
    public SendResult sendOrder(AccountKey account, InstrumentId instrument, OrderSide side, OrderType type, long quantity,
                                double price, double stopPrice) {
        MemorySegment password = natives.password(account);
        if (password == null) return new SendResult(0, NL_NO_PASSWORD, 0);
        MemorySegment accountId = natives.account(account);
        MemorySegment asset = natives.asset(instrument);
        if (!enter()) return new SendResult(0, NL_NOT_INITIALIZED, 0);
        try {
            MemorySegment s = scratch.get().send;
            TConnectorSendOrder.Version(s, (byte) 1);
            TConnectorSendOrder.AccountID(s, accountId);
            TConnectorSendOrder.AssetID(s, asset);
            TConnectorSendOrder.Password(s, password);
            TConnectorSendOrder.OrderType(s, (byte) type.code());
            TConnectorSendOrder.OrderSide(s, (byte) side.code());
            TConnectorSendOrder.Price(s, price);
            TConnectorSendOrder.StopPrice(s, stopPrice);
            TConnectorSendOrder.Quantity(s, quantity);
            TConnectorSendOrder.MessageID(s, 0);
            long r = dll.SendOrder(s);
            return r > 0 ? new SendResult(r, 0, TConnectorSendOrder.MessageID(s)) : new SendResult(0, (int) r, 0);
        } finally {
            exit();
        }
    }

    /**
     * SendZeroPositionV2 (Version 2, MessageID back): flattens the account's position in the instrument.
     *
     * @param price -1 at market, else the limit
     * @param positionType 1 day trade, 2 consolidated
     */
    public SendResult zeroPosition(AccountKey account, InstrumentId instrument, double price, int positionType) {
        MemorySegment password = natives.password(account);
        if (password == null) return new SendResult(0, NL_NO_PASSWORD, 0);
        MemorySegment accountId = natives.account(account);
        MemorySegment asset = natives.asset(instrument);
        if (!enter()) return new SendResult(0, NL_NOT_INITIALIZED, 0);
        try {
            MemorySegment s = scratch.get().zero;
            TConnectorZeroPosition.Version(s, (byte) 2);
            TConnectorZeroPosition.AccountID(s, accountId);
            TConnectorZeroPosition.AssetID(s, asset);
            TConnectorZeroPosition.Password(s, password);
            TConnectorZeroPosition.Price(s, price);
            TConnectorZeroPosition.PositionType(s, (byte) positionType);
            TConnectorZeroPosition.MessageID(s, 0);
            long r = dll.SendZeroPositionV2(s);
            return r > 0 ? new SendResult(r, 0, TConnectorZeroPosition.MessageID(s)) : new SendResult(0, (int) r, 0);
        } finally {
            exit();
        }
    }

    /**
     * SendChangeOrderV2 (Version 1). The order is named by its ClOrderID when known (permanent), else its
     * LocalOrderID (this session's).
     */
    public RequestResult changeOrder(AccountKey account, long localOrderId, String clOrderId, double price, double stopPrice,
                                     long quantity) {
        MemorySegment password = natives.password(account);
        if (password == null) return new RequestResult(DllCall.of("SendChangeOrderV2", NL_NO_PASSWORD), 0);
        MemorySegment accountId = natives.account(account);
        if (!enter()) return new RequestResult(DllCall.of("SendChangeOrderV2", NL_NOT_INITIALIZED), 0);
        try (Arena call = Arena.ofConfined()) {
            MemorySegment s = scratch.get().change;
            TConnectorChangeOrder.Version(s, (byte) 1);
            TConnectorChangeOrder.AccountID(s, accountId);
            orderId(TConnectorChangeOrder.OrderID(s), localOrderId, clOrderId, call);
            TConnectorChangeOrder.Password(s, password);
            TConnectorChangeOrder.Price(s, price);
            TConnectorChangeOrder.StopPrice(s, stopPrice);
            TConnectorChangeOrder.Quantity(s, quantity);
            TConnectorChangeOrder.MessageID(s, 0);
            int rc = dll.SendChangeOrderV2(s);
            return new RequestResult(DllCall.of("SendChangeOrderV2", rc), TConnectorChangeOrder.MessageID(s));
        } finally {
            exit();
        }
    }

    /** SendCancelOrderV2 (Version 1), the order named as for {@link #changeOrder}. */
    public RequestResult cancelOrder(AccountKey account, long localOrderId, String clOrderId) {
        MemorySegment password = natives.password(account);
        if (password == null) return new RequestResult(DllCall.of("SendCancelOrderV2", NL_NO_PASSWORD), 0);
        MemorySegment accountId = natives.account(account);
        if (!enter()) return new RequestResult(DllCall.of("SendCancelOrderV2", NL_NOT_INITIALIZED), 0);
        try (Arena call = Arena.ofConfined()) {
            MemorySegment s = scratch.get().cancel;
            TConnectorCancelOrder.Version(s, (byte) 1);
            TConnectorCancelOrder.AccountID(s, accountId);
            orderId(TConnectorCancelOrder.OrderID(s), localOrderId, clOrderId, call);
            TConnectorCancelOrder.Password(s, password);
            TConnectorCancelOrder.MessageID(s, 0);
            int rc = dll.SendCancelOrderV2(s);
            return new RequestResult(DllCall.of("SendCancelOrderV2", rc), TConnectorCancelOrder.MessageID(s));
        } finally {
            exit();
        }
    }

    /** A non-empty ClOrderID wins (the examples pass LocalOrderID -1 with it, §3.2); else the LocalOrderID. */
    private static void orderId(MemorySegment id, long localOrderId, String clOrderId, Arena call) {
        TConnectorOrderIdentifier.Version(id, (byte) 0);
        boolean byCl = clOrderId != null && !clOrderId.isEmpty();
        TConnectorOrderIdentifier.LocalOrderID(id, byCl ? -1 : localOrderId);
        TConnectorOrderIdentifier.ClOrderID(id, byCl ? Utf16.allocate(call, clOrderId) : MemorySegment.NULL);
    }

    /** SendCancelOrdersV2: every open order of the account in one instrument. */
    public DllCall cancelOrders(AccountKey account, InstrumentId instrument) {
        MemorySegment password = natives.password(account);
        if (password == null) return DllCall.of("SendCancelOrdersV2", NL_NO_PASSWORD);
        MemorySegment accountId = natives.account(account);
        MemorySegment asset = natives.asset(instrument);
        if (!enter()) return DllCall.of("SendCancelOrdersV2", NL_NOT_INITIALIZED);
        try {
            MemorySegment s = scratch.get().cancelOrders;
            TConnectorCancelOrders.Version(s, (byte) 0);
            TConnectorCancelOrders.AccountID(s, accountId);
            TConnectorCancelOrders.AssetID(s, asset);
            TConnectorCancelOrders.Password(s, password);
            return DllCall.of("SendCancelOrdersV2", dll.SendCancelOrdersV2(s));
        } finally {
            exit();
        }
    }

    /** SendCancelAllOrdersV2: every open order of the account. */
    public DllCall cancelAllOrders(AccountKey account) {
        MemorySegment password = natives.password(account);
        if (password == null) return DllCall.of("SendCancelAllOrdersV2", NL_NO_PASSWORD);
        MemorySegment accountId = natives.account(account);
        if (!enter()) return DllCall.of("SendCancelAllOrdersV2", NL_NOT_INITIALIZED);
        try {
            MemorySegment s = scratch.get().cancelAll;
            TConnectorCancelAllOrders.Version(s, (byte) 0);
            TConnectorCancelAllOrders.AccountID(s, accountId);
            TConnectorCancelAllOrders.Password(s, password);
            return DllCall.of("SendCancelAllOrdersV2", dll.SendCancelAllOrdersV2(s));
        } finally {
            exit();
        }
    }

    // ------------------------------------------------------------------ positions

    /** GetPositionV2 (Version 2); {@code NL_NO_POSITION} when the account never held or traded it. */
    public Listing<PositionInfo> position(AccountKey account, InstrumentId instrument, int positionType) {
        MemorySegment accountId = natives.account(account);
        MemorySegment asset = natives.asset(instrument);
        if (!enter()) return new Listing<>(DllCall.of("GetPositionV2", NL_NOT_INITIALIZED), List.of());
        try {
            MemorySegment p = scratch.get().position;
            p.fill((byte) 0);
            TConnectorTradingAccountPosition.Version(p, (byte) 2);
            TConnectorTradingAccountPosition.AccountID(p, accountId);
            TConnectorTradingAccountPosition.AssetID(p, asset);
            TConnectorTradingAccountPosition.PositionType(p, (byte) positionType);
            int rc = dll.GetPositionV2(p);
            if (rc != 0) return new Listing<>(DllCall.of("GetPositionV2", rc), List.of());
            long qty = TConnectorTradingAccountPosition.OpenQuantity(p);
            int side = Byte.toUnsignedInt(TConnectorTradingAccountPosition.OpenSide(p));
            long signed = side == 2 ? -Math.abs(qty) : side == 1 ? Math.abs(qty) : qty;
            return new Listing<>(DllCall.of("GetPositionV2", rc), List.of(new PositionInfo(account, instrument, positionType, signed,
                    TConnectorTradingAccountPosition.OpenAveragePrice(p), TConnectorTradingAccountPosition.DailyBuyQuantity(p),
                    TConnectorTradingAccountPosition.DailyAverageBuyPrice(p), TConnectorTradingAccountPosition.DailySellQuantity(p),
                    TConnectorTradingAccountPosition.DailyAverageSellPrice(p))));
        } finally {
            exit();
        }
    }

    /** EnumerateAllPositionAssets: the instruments the account has a position in (synchronous, this thread). */
    public Listing<InstrumentId> positionAssets(AccountKey account) {
        MemorySegment accountId = natives.account(account);
        if (!enter()) return new Listing<>(DllCall.of("EnumerateAllPositionAssets", NL_NOT_INITIALIZED), List.of());
        List<InstrumentId> list = new ArrayList<>();
        assetSink.set(list);
        try {
            int rc = dll.EnumerateAllPositionAssets(accountId, (byte) 0, 0, assetEnumerator);
            return new Listing<>(DllCall.of("EnumerateAllPositionAssets", rc), list);
        } finally {
            assetSink.remove();
            exit();
        }
    }

    private int onEnumeratedAsset(MemorySegment asset, long param) {
        List<InstrumentId> sink = assetSink.get();
        if (sink == null) return 0;
        try {
            MemorySegment a = asset.reinterpret(TConnectorAssetIdentifier.layout().byteSize());
            sink.add(new InstrumentId(Utf16.read(TConnectorAssetIdentifier.Ticker(a)), Utf16.read(TConnectorAssetIdentifier.Exchange(a))));
            return 1;
        } catch (RuntimeException e) {
            return 1; // an unreadable asset is skipped; never throw into native code
        }
    }

    // ------------------------------------------------------------------ accounts

    /** Every master account (GetAccountCount, GetAccounts) with its details and sub-accounts. */
    public Listing<AccountInfo> accounts() {
        if (!enter()) return new Listing<>(DllCall.of("GetAccounts", NL_NOT_INITIALIZED), List.of());
        try (Arena call = Arena.ofConfined()) {
            int n = dll.GetAccountCount();
            if (n < 0) return new Listing<>(DllCall.of("GetAccountCount", n), List.of());
            if (n == 0) return new Listing<>(DllCall.of("GetAccounts", 0), List.of());
            MemorySegment array = TConnectorAccountIdentifierOut.allocateArray(n, call);
            int got = dll.GetAccounts(0, 0, n, array);
            if (got < 0) return new Listing<>(DllCall.of("GetAccounts", got), List.of());
            List<AccountInfo> list = new ArrayList<>();
            for (int i = 0; i < got; i++) {
                AccountKey key = keyOf(TConnectorAccountIdentifierOut.asSlice(array, i));
                if (key == null) continue;
                List<AccountInfo> subs = new ArrayList<>();
                MemorySegment master = natives.account(key);
                int m = dll.GetSubAccountCount(master);
                if (m > 0) {
                    MemorySegment subArray = TConnectorAccountIdentifierOut.allocateArray(m, call);
                    int gotSubs = dll.GetSubAccounts(master, 0, 0, m, subArray);
                    for (int k = 0; k < gotSubs; k++) {
                        AccountKey sub = keyOf(TConnectorAccountIdentifierOut.asSlice(subArray, k));
                        if (sub != null) subs.add(details(sub, List.of(), call));
                    }
                }
                list.add(details(key, subs, call));
            }
            return new Listing<>(DllCall.of("GetAccounts", 0), list);
        } finally {
            exit();
        }
    }

    private AccountKey keyOf(MemorySegment out) {
        char[] c = scratch.get().chars;
        String account = inline(out, TConnectorAccountIdentifierOut.AccountID$offset(), TConnectorAccountIdentifierOut.AccountIDLength(out), c);
        String sub = inline(out, TConnectorAccountIdentifierOut.SubAccountID$offset(), TConnectorAccountIdentifierOut.SubAccountIDLength(out), c);
        try {
            return new AccountKey(TConnectorAccountIdentifierOut.BrokerID(out), account, sub);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String inline(MemorySegment record, long offset, int length, char[] c) {
        int n = Math.min(Math.max(length, 0), 100);
        int k = 0;
        for (; k < n; k++) {
            char ch = record.get(ValueLayout.JAVA_CHAR_UNALIGNED, offset + 2L * k);
            if (ch == 0) break;
            c[k] = ch;
        }
        return new String(c, 0, k);
    }

    /** GetAccountDetails (Version 1, two-pass strings); a refused account keeps only its key. */
    private AccountInfo details(AccountKey key, List<AccountInfo> subs, Arena call) {
        MemorySegment d = TConnectorTradingAccountOut.allocate(call);
        TConnectorTradingAccountOut.Version(d, (byte) 1);
        TConnectorTradingAccountOut.AccountID(d, natives.account(key));
        if (dll.GetAccountDetails(d) != 0) return new AccountInfo(key, "", "", "", 0, 0, subs);
        int bl = TConnectorTradingAccountOut.BrokerNameLength(d);
        int ol = TConnectorTradingAccountOut.OwnerNameLength(d);
        int sl = TConnectorTradingAccountOut.SubOwnerNameLength(d);
        MemorySegment broker = call.allocate(ValueLayout.JAVA_CHAR, Math.max(bl, 0) + 1L);
        MemorySegment owner = call.allocate(ValueLayout.JAVA_CHAR, Math.max(ol, 0) + 1L);
        MemorySegment subOwner = call.allocate(ValueLayout.JAVA_CHAR, Math.max(sl, 0) + 1L);
        TConnectorTradingAccountOut.BrokerName(d, broker);
        TConnectorTradingAccountOut.OwnerName(d, owner);
        TConnectorTradingAccountOut.SubOwnerName(d, subOwner);
        if (dll.GetAccountDetails(d) != 0) return new AccountInfo(key, "", "", "", 0, 0, subs);
        return new AccountInfo(key, bounded(broker, bl), bounded(owner, ol), bounded(subOwner, sl),
                Byte.toUnsignedInt(TConnectorTradingAccountOut.AccountType(d)), TConnectorTradingAccountOut.AccountFlags(d), subs);
    }

    private static String bounded(MemorySegment s, int length) {
        StringBuilder b = new StringBuilder(Math.max(length, 0));
        for (int i = 0; i < length; i++) {
            char c = s.getAtIndex(ValueLayout.JAVA_CHAR, i);
            if (c == 0) break;
            b.append(c);
        }
        return b.toString();
    }

    // ------------------------------------------------------------------ order history

    /**
     * HasOrdersInInterval for the exchange-local days [from, to]: {@code NL_OK} when loaded, else
     * {@code NL_WAITING_SERVER} and the order-history callback follows.
     */
    public DllCall hasOrdersInInterval(AccountKey account, LocalDate from, LocalDate to) {
        MemorySegment accountId = natives.account(account);
        if (!enter()) return DllCall.of("HasOrdersInInterval", NL_NOT_INITIALIZED);
        try {
            Scratch s = scratch.get();
            systemTime(s.from, from.atStartOfDay());
            systemTime(s.to, to.atTime(23, 59, 59));
            return DllCall.of("HasOrdersInInterval", dll.HasOrdersInInterval(accountId, s.from, s.to));
        } finally {
            exit();
        }
    }

    /**
     * The loaded orders of exactly this account: all of them (EnumerateAllOrders) when {@code fromNanos} and
     * {@code toNanos} are both 0, else those entered in [fromNanos, toNanos] (EnumerateOrdersByInterval, which
     * answers {@code NL_WAITING_SERVER} while those days are not loaded). Synchronous, on this thread.
     */
    public Listing<OrderSnapshot> orders(AccountKey account, long fromNanos, long toNanos) {
        MemorySegment accountId = natives.account(account);
        boolean all = fromNanos == 0 && toNanos == 0;
        String function = all ? "EnumerateAllOrders" : "EnumerateOrdersByInterval";
        if (!enter()) return new Listing<>(DllCall.of(function, NL_NOT_INITIALIZED), List.of());
        List<OrderSnapshot> list = new ArrayList<>();
        orderSink.set(list);
        try {
            int rc;
            if (all) {
                rc = dll.EnumerateAllOrders(accountId, (byte) 1, 0, orderEnumerator);
            } else {
                Scratch s = scratch.get();
                systemTime(s.from, LocalDateTime.ofInstant(instant(fromNanos), zone));
                systemTime(s.to, LocalDateTime.ofInstant(instant(toNanos), zone));
                rc = dll.EnumerateOrdersByInterval(accountId, (byte) 1, s.from, s.to, 0, orderEnumerator);
            }
            return new Listing<>(DllCall.of(function, rc), list);
        } finally {
            orderSink.remove();
            exit();
        }
    }

    private static Instant instant(long nanos) {
        return Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
    }

    private static void systemTime(MemorySegment st, LocalDateTime t) {
        TSystemTime.wYear(st, (short) t.getYear());
        TSystemTime.wMonth(st, (short) t.getMonthValue());
        TSystemTime.wDayOfWeek(st, (short) (t.getDayOfWeek().getValue() % 7));
        TSystemTime.wDay(st, (short) t.getDayOfMonth());
        TSystemTime.wHour(st, (short) t.getHour());
        TSystemTime.wMinute(st, (short) t.getMinute());
        TSystemTime.wSecond(st, (short) t.getSecond());
        TSystemTime.wMilliseconds(st, (short) (t.getNano() / 1_000_000));
    }

    private int onEnumeratedOrder(MemorySegment order, long param) {
        List<OrderSnapshot> sink = orderSink.get();
        if (sink == null) return 0;
        try {
            sink.add(readOrder(order.reinterpret(TConnectorOrder.layout().byteSize()), new ExchangeClock(zone)));
        } catch (RuntimeException e) {
            // an unreadable record is skipped; never throw into native code
        }
        return 1;
    }

    /** A {@code TConnectorOrder} (V1, pointers valid during the enumerator call) as a snapshot. */
    static OrderSnapshot readOrder(MemorySegment o, ExchangeClock clock) {
        MemorySegment id = TConnectorOrder.OrderID(o);
        MemorySegment a = TConnectorOrder.AccountID(o);
        MemorySegment asset = TConnectorOrder.AssetID(o);
        MemorySegment sub = TConnectorAccountIdentifier.SubAccountID(a);
        AccountKey account = new AccountKey(TConnectorAccountIdentifier.BrokerID(a), Utf16.read(TConnectorAccountIdentifier.AccountID(a)),
                sub.address() == 0 ? "" : Utf16.read(sub));
        InstrumentId instrument = new InstrumentId(Utf16.read(TConnectorAssetIdentifier.Ticker(asset)),
                Utf16.read(TConnectorAssetIdentifier.Exchange(asset)));
        MemorySegment cl = TConnectorOrderIdentifier.ClOrderID(id);
        MemorySegment text = TConnectorOrder.TextMessage(o);
        return new OrderSnapshot(TConnectorOrderIdentifier.LocalOrderID(id), cl.address() == 0 ? "" : Utf16.read(cl), account, instrument,
                Byte.toUnsignedInt(TConnectorOrder.OrderSide(o)), Byte.toUnsignedInt(TConnectorOrder.OrderType(o)),
                Byte.toUnsignedInt(TConnectorOrder.OrderStatus(o)), TConnectorOrder.Quantity(o), TConnectorOrder.TradedQuantity(o),
                TConnectorOrder.LeavesQuantity(o), TConnectorOrder.Price(o), TConnectorOrder.StopPrice(o), TConnectorOrder.AveragePrice(o),
                text.address() == 0 ? "" : Utf16.read(text), OrderOutReader.utc(clock, TConnectorOrder.Date(o)),
                OrderOutReader.utc(clock, TConnectorOrder.LastUpdate(o)), OrderOutReader.utc(clock, TConnectorOrder.CloseDate(o)),
                TConnectorOrder.EventID(o));
    }
}
