package blackbox.gateway.session;

import blackbox.platform.domain.InstrumentId;
import blackbox.gateway.ffm.ProfitDLL;
import blackbox.gateway.ffm.TAssetIDRec;
import blackbox.gateway.ffm.TConnectorAccountIdentifier;
import blackbox.gateway.ffm.TConnectorAssetIdentifier;
import blackbox.gateway.ffm.TConnectorOrderIdentifier;
import blackbox.gateway.ffm.TConnectorPriceGroup;
import blackbox.gateway.ffm.TConnectorTrade;
import blackbox.gateway.ffm.TConnectorTradingMessageResult;
import blackbox.gateway.ffm.TSystemTime;
import com.lmax.disruptor.InsufficientCapacityException;
import com.lmax.disruptor.RingBuffer;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The targets of every DLL callback. Each runs on the DLL's ConnectorThread and does the minimum the
 * manual allows (profitdll-api.md §7.1): it claims a slot of the hand-off ring without waiting, copies and
 * translates what it needs (calling only the accessor functions TranslateTrade and GetPriceGroup, which
 * the manual requires inside the callback), and publishes. It never blocks, never logs, never calls a
 * request function of the DLL, and lets no exception escape into native code (that would kill the JVM).
 *
 * <p>When the ring is full the event is dropped and counted in {@link #overflows()}; the last connection
 * state of each channel is also kept in volatile fields so a dropped state event cannot leave the gateway
 * believing an old state. An order event is never dropped silently: the order it named goes to
 * {@link LostOrderEvents}, and the engine re-reads it from the DLL.
 *
 * <p>The order callback calls GetOrderDetails, the accessor the manual requires inside it (§7.3), through
 * {@link OrderOutReader}; trading messages, history-loaded and account-list callbacks copy their record.
 */
final class CallbackHandoff {
    static final int TC_IS_EDIT = 1;
    static final int TC_LAST_PACKET = 2;
    private static final long ASSET_SIZE = TConnectorAssetIdentifier.layout().byteSize();
    private static final long ASSET_REC_SIZE = TAssetIDRec.layout().byteSize();

    private final ProfitDLL dll;
    private final RingBuffer<DllEvent> ring;
    private final ExchangeClock clock;
    private final WallClock wallClock;
    private final InstrumentInterner interner = new InstrumentInterner();
    private final MemorySegment trade;
    private final MemorySegment priceGroup;
    private final OrderOutReader orders;
    private final AccountInterner accounts = new AccountInterner();
    private final LostOrderEvents lost;
    private final char[] messageScratch = new char[2048];
    private static final long ORDER_ID_SIZE = TConnectorOrderIdentifier.layout().byteSize();
    private static final long ACCOUNT_SIZE = TConnectorAccountIdentifier.layout().byteSize();
    private static final long TMR_SIZE = TConnectorTradingMessageResult.layout().byteSize();
    private static final long TMR_LOCAL = TConnectorTradingMessageResult.OrderID$offset() + TConnectorOrderIdentifier.LocalOrderID$offset();
    private static final long TMR_CL = TConnectorTradingMessageResult.OrderID$offset() + TConnectorOrderIdentifier.ClOrderID$offset();

    private final AtomicLong overflows = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    /** Last nResult per connection-state channel 0..3, -1 before any. */
    final int[] lastState = {-1, -1, -1, -1};
    private volatile int stateVersion;

    CallbackHandoff(ProfitDLL dll, RingBuffer<DllEvent> ring, ExchangeClock clock, WallClock wallClock, Arena arena,
                    LostOrderEvents lost) {
        this.dll = dll;
        this.ring = ring;
        this.clock = clock;
        this.wallClock = wallClock;
        this.trade = TConnectorTrade.allocate(arena);
        this.priceGroup = TConnectorPriceGroup.allocate(arena);
        this.orders = new OrderOutReader(dll, clock, interner, arena);
        this.lost = lost;
    }

    long overflows() {
        return overflows.get();
    }

    long failures() {
        return failures.get();
    }


    /** The last nResult of channel {@code type} (0 login, 1 routing, 2 market data, 3 activation), -1 if none. */
    int lastState(int type) {
        int ignored = stateVersion; // volatile read: see the writes made before the matching volatile write
        return lastState[type];
    }

    // ---------------------------------------------------------------- callbacks (ConnectorThread)

    void onTrade(MemorySegment asset, MemorySegment tradePointer, int flags) {
        onAnyTrade(DllEvent.TRADE, asset, tradePointer, flags);
    }

    void onHistoryTrade(MemorySegment asset, MemorySegment tradePointer, int flags) {
        onAnyTrade(DllEvent.HISTORY_TRADE, asset, tradePointer, flags);
    }

    private void onAnyTrade(int kind, MemorySegment asset, MemorySegment tradePointer, int flags) {
        long seq = claim();
        if (seq < 0) return;
        DllEvent e = ring.get(seq);
        try {
            e.clear();
            e.receivedNanos = wallClock.epochNanos();
            InstrumentId id = internAsset(asset); // counts its own failures
            if (id == null) return;
            if (tradePointer.address() == 0) {
                failures.incrementAndGet();
                return;
            }
            TConnectorTrade.Version(trade, (byte) 0);
            if (dll.TranslateTrade(tradePointer, trade) != 0) {
                failures.incrementAndGet();
                return;
            }
            MemorySegment date = TConnectorTrade.TradeDate(trade);
            e.timeNanos = clock.localToUtcNanos(TSystemTime.wYear(date), TSystemTime.wMonth(date), TSystemTime.wDay(date),
                    TSystemTime.wHour(date), TSystemTime.wMinute(date), TSystemTime.wSecond(date),
                    TSystemTime.wMilliseconds(date));
            e.instrument = id;
            e.price = TConnectorTrade.Price(trade);
            e.quantity = TConnectorTrade.Quantity(trade);
            e.volume = TConnectorTrade.Volume(trade);
            e.tradeNumber = Integer.toUnsignedLong(TConnectorTrade.TradeNumber(trade));
            e.buyAgent = TConnectorTrade.BuyAgent(trade);
            e.sellAgent = TConnectorTrade.SellAgent(trade);
            e.tradeType = Byte.toUnsignedInt(TConnectorTrade.TradeType(trade));
            e.flags = flags;
            e.kind = kind;
        } catch (Throwable t) {
            e.kind = DllEvent.NONE;
            failures.incrementAndGet();
        } finally {
            publish(seq);
        }
    }

    void onState(int type, int result) {
        if (type >= 0 && type < lastState.length) {
            lastState[type] = result;
            stateVersion++;
        }
        publishSimple(DllEvent.STATE, null, type, result);
    }

    void onHealth(int state) {
        publishSimple(DllEvent.HEALTH, null, state, 0);
    }

    void onProgress(MemorySegment assetRec, int progress) {
        InstrumentId id = internRec(assetRec);
        if (id != null) publishSimple(DllEvent.PROGRESS, id, progress, 0);
    }

    void onInvalidTicker(MemorySegment asset) {
        InstrumentId id = internAsset(asset);
        if (id != null) publishSimple(DllEvent.INVALID_TICKER, id, 0, 0);
    }

    void onTickerState(MemorySegment assetRec, MemorySegment date, int state) {
        InstrumentId id = internRec(assetRec);
        if (id != null) publishSimple(DllEvent.TICKER_STATE, id, state, 0);
    }

    /** Publishes an event that carries at most an instrument and two ints. */
    private void publishSimple(int kind, InstrumentId instrument, int a, int b) {
        long seq = claim();
        if (seq < 0) return;
        DllEvent e = ring.get(seq);
        e.clear();
        e.receivedNanos = wallClock.epochNanos();
        e.instrument = instrument;
        e.a = a;
        e.b = b;
        e.kind = kind;
        publish(seq);
    }

    void onPriceDepth(MemorySegment asset, byte side, int position, byte updateType) {
        InstrumentId id = internAsset(asset);
        if (id == null) return;
        long seq = claim();
        if (seq < 0) return;
        DllEvent e = ring.get(seq);
        try {
            e.clear();
            e.receivedNanos = wallClock.epochNanos();
            e.instrument = id;
            e.a = Byte.toUnsignedInt(side);
            e.b = position;
            e.flags = Byte.toUnsignedInt(updateType);
            e.price = Double.NaN;
            e.quantity = 0;
            // GetPriceGroup is an accessor the manual wants called inside this callback (§5.2).
            TConnectorPriceGroup.Version(priceGroup, (byte) 0);
            if (dll.GetPriceGroup(asset.reinterpret(ASSET_SIZE), side, position, priceGroup) == 0) {
                e.price = TConnectorPriceGroup.Price(priceGroup);
                e.quantity = TConnectorPriceGroup.Quantity(priceGroup);
            }
            e.kind = DllEvent.PRICE_DEPTH;
        } catch (Throwable t) {
            e.kind = DllEvent.NONE;
            failures.incrementAndGet();
        } finally {
            publish(seq);
        }
    }

    // ---------------------------------------------------------------- routing callbacks (ConnectorThread)

    /** TConnectorOrderCallback: an order changed; GetOrderDetails reads it here, as the manual requires. */
    void onOrder(MemorySegment orderId) {
        long local = 0;
        try {
            local = orderId.reinterpret(ORDER_ID_SIZE).get(java.lang.foreign.ValueLayout.JAVA_LONG,
                    TConnectorOrderIdentifier.LocalOrderID$offset());
        } catch (Throwable t) {
            failures.incrementAndGet();
        }
        long seq = claim();
        if (seq < 0) {
            lost.record(local);
            return;
        }
        DllEvent e = ring.get(seq);
        try {
            e.clear();
            e.receivedNanos = wallClock.epochNanos();
            OrderFields o = e.orderFields();
            InstrumentId instrument = orders.read(orderId, o);
            if (instrument == null) {
                failures.incrementAndGet();
                lost.record(local);
                return;
            }
            e.instrument = instrument;
            e.kind = DllEvent.ORDER;
        } catch (Throwable t) {
            e.kind = DllEvent.NONE;
            failures.incrementAndGet();
            lost.record(local);
        } finally {
            publish(seq);
        }
    }

    /** TConnectorTradingMessageResultCallback: the trading server's answer to a request. */
    void onTradingMessage(MemorySegment result) {
        long local = 0;
        MemorySegment r;
        try {
            r = result.reinterpret(TMR_SIZE);
            local = r.get(java.lang.foreign.ValueLayout.JAVA_LONG, TMR_LOCAL);
        } catch (Throwable t) {
            failures.incrementAndGet();
            lost.record(0);
            return;
        }
        long seq = claim();
        if (seq < 0) {
            lost.record(local);
            return;
        }
        DllEvent e = ring.get(seq);
        try {
            e.clear();
            e.receivedNanos = wallClock.epochNanos();
            OrderFields o = e.orderFields();
            o.brokerId = TConnectorTradingMessageResult.BrokerID(r);
            o.localOrderId = local;
            o.clOrderId = orders.clOrderId(local, r.get(java.lang.foreign.ValueLayout.ADDRESS, TMR_CL));
            o.messageId = TConnectorTradingMessageResult.MessageID(r);
            o.resultCode = Byte.toUnsignedInt(TConnectorTradingMessageResult.ResultCode(r));
            int length = TConnectorTradingMessageResult.MessageLength(r);
            MemorySegment message = TConnectorTradingMessageResult.Message(r);
            if (length > 0 && message.address() != 0) {
                // MessageLength bounds the read: the text need not be NUL-terminated
                int n = Math.min(length, messageScratch.length);
                MemorySegment m = message.reinterpret(2L * n);
                int k = 0;
                for (; k < n; k++) {
                    char c = m.getAtIndex(java.lang.foreign.ValueLayout.JAVA_CHAR, k);
                    if (c == 0) break;
                    messageScratch[k] = c;
                }
                o.text = k > 0 ? new String(messageScratch, 0, k) : "";
            }
            e.kind = DllEvent.TRADING_MESSAGE;
        } catch (Throwable t) {
            e.kind = DllEvent.NONE;
            failures.incrementAndGet();
            lost.record(local);
        } finally {
            publish(seq);
        }
    }

    /** TConnectorAccountCallback of SetOrderHistoryCallback: an account's order history finished loading. */
    void onOrderHistory(MemorySegment accountId) {
        publishAccount(DllEvent.ORDER_HISTORY, accountId);
    }

    /** TConnectorBrokerSubAccountListCallback: a master account's sub-accounts changed. */
    void onSubAccountList(MemorySegment accountId) {
        publishAccount(DllEvent.SUB_ACCOUNT_LIST, accountId);
    }

    /** TConnectorBrokerAccountListCallback: a broker's account list changed. */
    void onAccountList(int brokerId, int changed) {
        publishSimple(DllEvent.ACCOUNT_LIST, null, brokerId, changed);
    }

    private void publishAccount(int kind, MemorySegment accountId) {
        long seq = claim();
        if (seq < 0) {
            // a lost history-loaded event: the engine re-reads every order it tracks (and polls the history)
            if (kind == DllEvent.ORDER_HISTORY) lost.record(0);
            return;
        }
        DllEvent e = ring.get(seq);
        try {
            e.clear();
            e.receivedNanos = wallClock.epochNanos();
            MemorySegment a = accountId.reinterpret(ACCOUNT_SIZE);
            OrderFields o = e.orderFields();
            o.account = accounts.internPointers(TConnectorAccountIdentifier.BrokerID(a), TConnectorAccountIdentifier.AccountID(a),
                    TConnectorAccountIdentifier.SubAccountID(a));
            e.kind = o.account == null ? DllEvent.NONE : kind;
            if (o.account == null) failures.incrementAndGet();
        } catch (Throwable t) {
            e.kind = DllEvent.NONE;
            failures.incrementAndGet();
        } finally {
            publish(seq);
        }
    }

    /** The instrument of a TConnectorAssetIdentifier pointer; null (counted) when unreadable. */
    private InstrumentId internAsset(MemorySegment asset) {
        try {
            MemorySegment a = asset.reinterpret(ASSET_SIZE);
            InstrumentId id = interner.intern(TConnectorAssetIdentifier.Ticker(a), TConnectorAssetIdentifier.Exchange(a));
            if (id == null) failures.incrementAndGet();
            return id;
        } catch (Throwable t) {
            failures.incrementAndGet();
            return null;
        }
    }

    /** The instrument of a legacy TAssetIDRec pointer; null (counted) when unreadable. */
    private InstrumentId internRec(MemorySegment assetRec) {
        try {
            MemorySegment r = assetRec.reinterpret(ASSET_REC_SIZE);
            InstrumentId id = interner.intern(TAssetIDRec.pwcTicker(r), TAssetIDRec.pwcBolsa(r));
            if (id == null) failures.incrementAndGet();
            return id;
        } catch (Throwable t) {
            failures.incrementAndGet();
            return null;
        }
    }

    private long claim() {
        try {
            return ring.tryNext();
        } catch (InsufficientCapacityException full) {
            overflows.incrementAndGet();
            return -1;
        }
    }

    private void publish(long seq) {
        ring.publish(seq);
    }
}
