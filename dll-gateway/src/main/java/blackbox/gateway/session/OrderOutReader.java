package blackbox.gateway.session;

import blackbox.platform.domain.InstrumentId;
import blackbox.gateway.ffm.ProfitDLL;
import blackbox.gateway.ffm.TConnectorAccountIdentifierOut;
import blackbox.gateway.ffm.TConnectorAssetIdentifierOut;
import blackbox.gateway.ffm.TConnectorOrderIdentifier;
import blackbox.gateway.ffm.TConnectorOrderOut;
import blackbox.gateway.ffm.TSystemTime;
import blackbox.gateway.trading.AccountKey;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * GetOrderDetails inside the order callback, the way the manual asks (profitdll-api.md §5.7, §7.3): the accessor is
 * called on the ConnectorThread with the callback's order identifier, in two passes (the first fills the
 * lengths of the asset strings and the text, the second copies them into buffers of this reader), and the result
 * is copied into a hand-off slot's {@link OrderFields}. Buffers, the {@code TConnectorOrderOut} record and its
 * field slices are allocated once; a string is made only for a ClOrderID or text not seen for that order before.
 *
 * <p>Confined to the ConnectorThread.
 */
final class OrderOutReader {
    private static final int NAME_CAP = 64;
    private static final int TEXT_CAP = 2048;
    private static final int CL_CACHE = 1 << 13;
    private static final long ORDER_ID_SIZE = TConnectorOrderIdentifier.layout().byteSize();

    private final ProfitDLL dll;
    private final ExchangeClock clock;
    private final InstrumentInterner instruments;
    private final AccountInterner accounts = new AccountInterner();
    private final MemorySegment out;
    private final MemorySegment outId;
    private final MemorySegment outAccount;
    private final MemorySegment outAsset;
    private final MemorySegment date;
    private final MemorySegment lastUpdate;
    private final MemorySegment closeDate;
    private final MemorySegment ticker;
    private final MemorySegment exchange;
    private final MemorySegment text;
    private final char[] scratch = new char[TEXT_CAP];
    // direct-mapped by LocalOrderID: the order's ClOrderID and last text, so repeated events reuse the strings
    private final long[] cacheIds = new long[CL_CACHE];
    private final String[] cacheCl = new String[CL_CACHE];
    private final String[] cacheText = new String[CL_CACHE];
    private long failures;

    OrderOutReader(ProfitDLL dll, ExchangeClock clock, InstrumentInterner instruments, Arena arena) {
        this.dll = dll;
        this.clock = clock;
        this.instruments = instruments;
        this.out = TConnectorOrderOut.allocate(arena);
        this.outId = TConnectorOrderOut.OrderID(out);
        this.outAccount = TConnectorOrderOut.AccountID(out);
        this.outAsset = TConnectorOrderOut.AssetID(out);
        this.date = TConnectorOrderOut.Date(out);
        this.lastUpdate = TConnectorOrderOut.LastUpdate(out);
        this.closeDate = TConnectorOrderOut.CloseDate(out);
        this.ticker = arena.allocate(ValueLayout.JAVA_CHAR, NAME_CAP + 1);
        this.exchange = arena.allocate(ValueLayout.JAVA_CHAR, NAME_CAP + 1);
        this.text = arena.allocate(ValueLayout.JAVA_CHAR, TEXT_CAP + 1);
    }

    /** GetOrderDetails calls that failed (the order then counts as lost and is re-read by the engine). */
    long failures() {
        return failures;
    }

    /**
     * Reads the order named by the callback's identifier into {@code o} and returns its instrument, or {@code null}
     * when the DLL refused (GetOrderDetails not NL_OK) or the record was unreadable.
     */
    InstrumentId read(MemorySegment orderIdPointer, OrderFields o) {
        MemorySegment id = orderIdPointer.reinterpret(ORDER_ID_SIZE);
        TConnectorOrderOut.Version(out, (byte) 1);
        MemorySegment.copy(id, 0, outId, 0, ORDER_ID_SIZE);
        TConnectorAssetIdentifierOut.Ticker(outAsset, MemorySegment.NULL);
        TConnectorAssetIdentifierOut.Exchange(outAsset, MemorySegment.NULL);
        TConnectorOrderOut.TextMessage(out, MemorySegment.NULL);
        if (dll.GetOrderDetails(out) != 0) {
            failures++;
            return null;
        }
        int tl = TConnectorAssetIdentifierOut.TickerLength(outAsset);
        int xl = TConnectorAssetIdentifierOut.ExchangeLength(outAsset);
        int textLength = TConnectorOrderOut.TextMessageLength(out);
        if (tl <= 0 || tl > NAME_CAP || xl <= 0 || xl > NAME_CAP) {
            failures++;
            return null;
        }
        TConnectorAssetIdentifierOut.Ticker(outAsset, ticker);
        TConnectorAssetIdentifierOut.Exchange(outAsset, exchange);
        if (textLength > 0) {
            if (textLength > TEXT_CAP) TConnectorOrderOut.TextMessageLength(out, textLength = TEXT_CAP);
            TConnectorOrderOut.TextMessage(out, text);
        }
        if (dll.GetOrderDetails(out) != 0) {
            failures++;
            return null;
        }
        InstrumentId instrument = instruments.intern(ticker, exchange);
        AccountKey account = accounts.internInline(TConnectorAccountIdentifierOut.BrokerID(outAccount), outAccount,
                TConnectorAccountIdentifierOut.AccountID$offset(), TConnectorAccountIdentifierOut.AccountIDLength(outAccount),
                TConnectorAccountIdentifierOut.SubAccountID$offset(), TConnectorAccountIdentifierOut.SubAccountIDLength(outAccount));
        if (instrument == null || account == null) {
            failures++;
            return null;
        }
        long local = TConnectorOrderIdentifier.LocalOrderID(outId);
        int slot = (int) (local & (CL_CACHE - 1));
        o.localOrderId = local;
        o.clOrderId = clOrderId(local, slot, TConnectorOrderIdentifier.ClOrderID(outId));
        o.account = account;
        o.side = Byte.toUnsignedInt(TConnectorOrderOut.OrderSide(out));
        o.orderType = Byte.toUnsignedInt(TConnectorOrderOut.OrderType(out));
        o.status = Byte.toUnsignedInt(TConnectorOrderOut.OrderStatus(out));
        o.quantity = TConnectorOrderOut.Quantity(out);
        o.tradedQuantity = TConnectorOrderOut.TradedQuantity(out);
        o.leavesQuantity = TConnectorOrderOut.LeavesQuantity(out);
        o.price = TConnectorOrderOut.Price(out);
        o.stopPrice = TConnectorOrderOut.StopPrice(out);
        o.averagePrice = TConnectorOrderOut.AveragePrice(out);
        o.createdNanos = utc(clock, date);
        o.updatedNanos = utc(clock, lastUpdate);
        o.closedNanos = utc(clock, closeDate);
        o.eventId = TConnectorOrderOut.EventID(out);
        o.text = textLength > 0 ? cachedText(slot, local, text, textLength) : "";
        return instrument;
    }

    /** The string of a UTF-16 ClOrderID pointer, reused when the same order's ClOrderID was read before. */
    String clOrderId(long local, MemorySegment pointer) {
        return clOrderId(local, (int) (local & (CL_CACHE - 1)), pointer);
    }

    private String clOrderId(long local, int slot, MemorySegment pointer) {
        if (pointer.address() == 0) return "";
        int n = Utf16.readInto(pointer, scratch);
        if (n <= 0) return "";
        String cached = cacheCl[slot];
        if (local > 0 && cacheIds[slot] == local && cached != null && same(cached, n)) return cached;
        String s = new String(scratch, 0, n);
        if (local > 0) {
            if (cacheIds[slot] != local) cacheText[slot] = null;
            cacheIds[slot] = local;
            cacheCl[slot] = s;
        }
        return s;
    }

    private String cachedText(int slot, long local, MemorySegment buffer, int length) {
        int n = 0;
        for (; n < length; n++) {
            char c = buffer.getAtIndex(ValueLayout.JAVA_CHAR, n);
            if (c == 0) break;
            scratch[n] = c;
        }
        String cached = cacheText[slot];
        if (cacheIds[slot] == local && cached != null && same(cached, n)) return cached;
        String s = new String(scratch, 0, n);
        if (cacheIds[slot] == local) cacheText[slot] = s;
        return s;
    }

    private boolean same(String s, int n) {
        if (s.length() != n) return false;
        for (int i = 0; i < n; i++) if (s.charAt(i) != scratch[i]) return false;
        return true;
    }

    /** Exchange-local SYSTEMTIME to UTC epoch ns; 0 for a zero date (the DLL's "not set"). */
    static long utc(ExchangeClock clock, MemorySegment st) {
        int year = TSystemTime.wYear(st);
        if (year == 0) return 0;
        return clock.localToUtcNanos(year, TSystemTime.wMonth(st), TSystemTime.wDay(st), TSystemTime.wHour(st),
                TSystemTime.wMinute(st), TSystemTime.wSecond(st), TSystemTime.wMilliseconds(st));
    }
}
