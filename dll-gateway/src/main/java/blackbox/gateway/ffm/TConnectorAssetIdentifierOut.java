// Generated shape: jextract 22+ output for dll-gateway/native/profitdll.h (see
// dll-gateway/native/jextract/). Do not edit by hand; regenerate.

package blackbox.gateway.ffm;

import java.lang.invoke.*;
import java.lang.foreign.*;
import java.util.function.*;

import static java.lang.foreign.ValueLayout.*;
import static java.lang.foreign.MemoryLayout.PathElement.*;

/**
 * Asset identifier with two-pass strings: the first call fills the {@code *Length} fields (UTF-16 code
 * units), the second copies into caller buffers pointed to by {@code Ticker} / {@code Exchange}.
 * <p>
 * x64 size 40, alignment 8. Accessors are plain memory reads and writes; any thread may
 * call them on a segment it may access. Strings are {@code char16_t} (UTF-16LE, NUL-terminated).
 * {@snippet lang=c :
 * typedef struct TConnectorAssetIdentifierOut {
 *     uint8_t Version;
 *     PDLL_WCHAR *Ticker;
 *     int32_t TickerLength;
 *     PDLL_WCHAR *Exchange;
 *     int32_t ExchangeLength;
 *     uint8_t FeedType;
 * } TConnectorAssetIdentifierOut
 * }
 */
@SuppressWarnings("restricted")
public class TConnectorAssetIdentifierOut {

    TConnectorAssetIdentifierOut() {
        // Should not be called directly
    }

    private static final GroupLayout $LAYOUT = MemoryLayout.structLayout(
        ProfitDLL.C_CHAR.withName("Version"),
        MemoryLayout.paddingLayout(7),
        ProfitDLL.C_POINTER.withName("Ticker"),
        ProfitDLL.C_INT.withName("TickerLength"),
        MemoryLayout.paddingLayout(4),
        ProfitDLL.C_POINTER.withName("Exchange"),
        ProfitDLL.C_INT.withName("ExchangeLength"),
        ProfitDLL.C_CHAR.withName("FeedType"),
        MemoryLayout.paddingLayout(3)
    ).withName("TConnectorAssetIdentifierOut");

    /**
     * The layout of this struct
     */
    public static final GroupLayout layout() {
        return $LAYOUT;
    }

    private static final OfByte Version$LAYOUT = (OfByte)$LAYOUT.select(groupElement("Version"));

    /**
     * Layout for field:
     * {@snippet lang=c :
     * uint8_t Version;
     * }
     */
    public static final OfByte Version$layout() {
        return Version$LAYOUT;
    }

    private static final long Version$OFFSET = $LAYOUT.byteOffset(groupElement("Version"));

    /**
     * Offset for field:
     * {@snippet lang=c :
     * uint8_t Version;
     * }
     */
    public static final long Version$offset() {
        return Version$OFFSET;
    }

    /**
     * Getter for field:
     * {@snippet lang=c :
     * uint8_t Version;
     * }
     */
    public static byte Version(MemorySegment struct) {
        return struct.get(Version$LAYOUT, Version$OFFSET);
    }

    /**
     * Setter for field:
     * {@snippet lang=c :
     * uint8_t Version;
     * }
     */
    public static void Version(MemorySegment struct, byte fieldValue) {
        struct.set(Version$LAYOUT, Version$OFFSET, fieldValue);
    }

    private static final AddressLayout Ticker$LAYOUT = (AddressLayout)$LAYOUT.select(groupElement("Ticker"));

    /**
     * Layout for field:
     * {@snippet lang=c :
     * PDLL_WCHAR *Ticker;
     * }
     */
    public static final AddressLayout Ticker$layout() {
        return Ticker$LAYOUT;
    }

    private static final long Ticker$OFFSET = $LAYOUT.byteOffset(groupElement("Ticker"));

    /**
     * Offset for field:
     * {@snippet lang=c :
     * PDLL_WCHAR *Ticker;
     * }
     */
    public static final long Ticker$offset() {
        return Ticker$OFFSET;
    }

    /**
     * Getter for field:
     * {@snippet lang=c :
     * PDLL_WCHAR *Ticker;
     * }
     */
    public static MemorySegment Ticker(MemorySegment struct) {
        return struct.get(Ticker$LAYOUT, Ticker$OFFSET);
    }

    /**
     * Setter for field:
     * {@snippet lang=c :
     * PDLL_WCHAR *Ticker;
     * }
     */
    public static void Ticker(MemorySegment struct, MemorySegment fieldValue) {
        struct.set(Ticker$LAYOUT, Ticker$OFFSET, fieldValue);
    }

    private static final OfInt TickerLength$LAYOUT = (OfInt)$LAYOUT.select(groupElement("TickerLength"));

    /**
     * Layout for field:
     * {@snippet lang=c :
     * int32_t TickerLength;
     * }
     */
    public static final OfInt TickerLength$layout() {
        return TickerLength$LAYOUT;
    }

    private static final long TickerLength$OFFSET = $LAYOUT.byteOffset(groupElement("TickerLength"));

    /**
     * Offset for field:
     * {@snippet lang=c :
     * int32_t TickerLength;
     * }
     */
    public static final long TickerLength$offset() {
        return TickerLength$OFFSET;
    }

    /**
     * Getter for field:
     * {@snippet lang=c :
     * int32_t TickerLength;
     * }
     */
    public static int TickerLength(MemorySegment struct) {
        return struct.get(TickerLength$LAYOUT, TickerLength$OFFSET);
    }

    /**
     * Setter for field:
     * {@snippet lang=c :
     * int32_t TickerLength;
     * }
     */
    public static void TickerLength(MemorySegment struct, int fieldValue) {
        struct.set(TickerLength$LAYOUT, TickerLength$OFFSET, fieldValue);
    }

    private static final AddressLayout Exchange$LAYOUT = (AddressLayout)$LAYOUT.select(groupElement("Exchange"));

    /**
     * Layout for field:
     * {@snippet lang=c :
     * PDLL_WCHAR *Exchange;
     * }
     */
    public static final AddressLayout Exchange$layout() {
        return Exchange$LAYOUT;
    }

    private static final long Exchange$OFFSET = $LAYOUT.byteOffset(groupElement("Exchange"));

    /**
     * Offset for field:
     * {@snippet lang=c :
     * PDLL_WCHAR *Exchange;
     * }
     */
    public static final long Exchange$offset() {
        return Exchange$OFFSET;
    }

    /**
     * Getter for field:
     * {@snippet lang=c :
     * PDLL_WCHAR *Exchange;
     * }
     */
    public static MemorySegment Exchange(MemorySegment struct) {
        return struct.get(Exchange$LAYOUT, Exchange$OFFSET);
    }

    /**
     * Setter for field:
     * {@snippet lang=c :
     * PDLL_WCHAR *Exchange;
     * }
     */
    public static void Exchange(MemorySegment struct, MemorySegment fieldValue) {
        struct.set(Exchange$LAYOUT, Exchange$OFFSET, fieldValue);
    }

    private static final OfInt ExchangeLength$LAYOUT = (OfInt)$LAYOUT.select(groupElement("ExchangeLength"));

    /**
     * Layout for field:
     * {@snippet lang=c :
     * int32_t ExchangeLength;
     * }
     */
    public static final OfInt ExchangeLength$layout() {
        return ExchangeLength$LAYOUT;
    }

    private static final long ExchangeLength$OFFSET = $LAYOUT.byteOffset(groupElement("ExchangeLength"));

    /**
     * Offset for field:
     * {@snippet lang=c :
     * int32_t ExchangeLength;
     * }
     */
    public static final long ExchangeLength$offset() {
        return ExchangeLength$OFFSET;
    }

    /**
     * Getter for field:
     * {@snippet lang=c :
     * int32_t ExchangeLength;
     * }
     */
    public static int ExchangeLength(MemorySegment struct) {
        return struct.get(ExchangeLength$LAYOUT, ExchangeLength$OFFSET);
    }

    /**
     * Setter for field:
     * {@snippet lang=c :
     * int32_t ExchangeLength;
     * }
     */
    public static void ExchangeLength(MemorySegment struct, int fieldValue) {
        struct.set(ExchangeLength$LAYOUT, ExchangeLength$OFFSET, fieldValue);
    }

    private static final OfByte FeedType$LAYOUT = (OfByte)$LAYOUT.select(groupElement("FeedType"));

    /**
     * Layout for field:
     * {@snippet lang=c :
     * uint8_t FeedType;
     * }
     */
    public static final OfByte FeedType$layout() {
        return FeedType$LAYOUT;
    }

    private static final long FeedType$OFFSET = $LAYOUT.byteOffset(groupElement("FeedType"));

    /**
     * Offset for field:
     * {@snippet lang=c :
     * uint8_t FeedType;
     * }
     */
    public static final long FeedType$offset() {
        return FeedType$OFFSET;
    }

    /**
     * Getter for field:
     * {@snippet lang=c :
     * uint8_t FeedType;
     * }
     */
    public static byte FeedType(MemorySegment struct) {
        return struct.get(FeedType$LAYOUT, FeedType$OFFSET);
    }

    /**
     * Setter for field:
     * {@snippet lang=c :
     * uint8_t FeedType;
     * }
     */
    public static void FeedType(MemorySegment struct, byte fieldValue) {
        struct.set(FeedType$LAYOUT, FeedType$OFFSET, fieldValue);
    }

    /**
     * Obtains a slice of {@code arrayParam} which selects the array element at {@code index}.
     * The returned segment has address {@code arrayParam.address() + index * layout().byteSize()}
     */
    public static MemorySegment asSlice(MemorySegment array, long index) {
        return array.asSlice(layout().byteSize() * index);
    }

    /**
     * The size (in bytes) of this struct
     */
    public static long sizeof() { return layout().byteSize(); }

    /**
     * Allocate a segment of size {@code layout().byteSize()} using {@code allocator}
     */
    public static MemorySegment allocate(SegmentAllocator allocator) {
        return allocator.allocate(layout());
    }

    /**
     * Allocate an array of size {@code elementCount} using {@code allocator}.
     * The returned segment has size {@code elementCount * layout().byteSize()}.
     */
    public static MemorySegment allocateArray(long elementCount, SegmentAllocator allocator) {
        return allocator.allocate(MemoryLayout.sequenceLayout(elementCount, layout()));
    }

    /**
     * Reinterprets {@code addr} using target {@code arena} and {@code cleanupAction} (if any).
     * The returned segment has size {@code layout().byteSize()}
     */
    public static MemorySegment reinterpret(MemorySegment addr, Arena arena, Consumer<MemorySegment> cleanup) {
        return reinterpret(addr, 1, arena, cleanup);
    }

    /**
     * Reinterprets {@code addr} using target {@code arena} and {@code cleanupAction} (if any).
     * The returned segment has size {@code elementCount * layout().byteSize()}
     */
    public static MemorySegment reinterpret(MemorySegment addr, long elementCount, Arena arena, Consumer<MemorySegment> cleanup) {
        return addr.reinterpret(layout().byteSize() * elementCount, arena, cleanup);
    }
}
