// Generated shape: jextract 22+ output for dll-gateway/native/profitdll.h (see
// dll-gateway/native/jextract/). Do not edit by hand; regenerate.

package blackbox.gateway.ffm;

import java.lang.invoke.*;
import java.lang.foreign.*;
import java.util.function.*;

import static java.lang.foreign.ValueLayout.*;
import static java.lang.foreign.MemoryLayout.PathElement.*;

/**
 * One trade decoded by {@code TranslateTrade} (caller sets {@code Version = 0}): price in the asset's price
 * unit, quantity in shares/contracts, {@code Volume} the financial volume (BRL), {@code TradeType} a {@code TT_*} code.
 * <p>
 * x64 size 64, alignment 8. Accessors are plain memory reads and writes; any thread may
 * call them on a segment it may access. Strings are {@code char16_t} (UTF-16LE, NUL-terminated).
 * {@snippet lang=c :
 * typedef struct TConnectorTrade {
 *     uint8_t Version;
 *     TSystemTime TradeDate;
 *     uint32_t TradeNumber;
 *     double Price;
 *     int64_t Quantity;
 *     double Volume;
 *     int32_t BuyAgent;
 *     int32_t SellAgent;
 *     uint8_t TradeType;
 * } TConnectorTrade
 * }
 */
@SuppressWarnings("restricted")
public class TConnectorTrade {

    TConnectorTrade() {
        // Should not be called directly
    }

    private static final GroupLayout $LAYOUT = MemoryLayout.structLayout(
        ProfitDLL.C_CHAR.withName("Version"),
        MemoryLayout.paddingLayout(1),
        TSystemTime.layout().withName("TradeDate"),
        MemoryLayout.paddingLayout(2),
        ProfitDLL.C_INT.withName("TradeNumber"),
        ProfitDLL.C_DOUBLE.withName("Price"),
        ProfitDLL.C_LONG_LONG.withName("Quantity"),
        ProfitDLL.C_DOUBLE.withName("Volume"),
        ProfitDLL.C_INT.withName("BuyAgent"),
        ProfitDLL.C_INT.withName("SellAgent"),
        ProfitDLL.C_CHAR.withName("TradeType"),
        MemoryLayout.paddingLayout(7)
    ).withName("TConnectorTrade");

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

    private static final GroupLayout TradeDate$LAYOUT = (GroupLayout)$LAYOUT.select(groupElement("TradeDate"));

    /**
     * Layout for field:
     * {@snippet lang=c :
     * TSystemTime TradeDate;
     * }
     */
    public static final GroupLayout TradeDate$layout() {
        return TradeDate$LAYOUT;
    }

    private static final long TradeDate$OFFSET = $LAYOUT.byteOffset(groupElement("TradeDate"));

    /**
     * Offset for field:
     * {@snippet lang=c :
     * TSystemTime TradeDate;
     * }
     */
    public static final long TradeDate$offset() {
        return TradeDate$OFFSET;
    }

    /**
     * Getter for field, a slice of {@code struct}:
     * {@snippet lang=c :
     * TSystemTime TradeDate;
     * }
     */
    public static MemorySegment TradeDate(MemorySegment struct) {
        return struct.asSlice(TradeDate$OFFSET, TradeDate$LAYOUT.byteSize());
    }

    /**
     * Setter for field (copies {@code fieldValue} in):
     * {@snippet lang=c :
     * TSystemTime TradeDate;
     * }
     */
    public static void TradeDate(MemorySegment struct, MemorySegment fieldValue) {
        MemorySegment.copy(fieldValue, 0L, struct, TradeDate$OFFSET, TradeDate$LAYOUT.byteSize());
    }

    private static final OfInt TradeNumber$LAYOUT = (OfInt)$LAYOUT.select(groupElement("TradeNumber"));

    /**
     * Layout for field:
     * {@snippet lang=c :
     * uint32_t TradeNumber;
     * }
     */
    public static final OfInt TradeNumber$layout() {
        return TradeNumber$LAYOUT;
    }

    private static final long TradeNumber$OFFSET = $LAYOUT.byteOffset(groupElement("TradeNumber"));

    /**
     * Offset for field:
     * {@snippet lang=c :
     * uint32_t TradeNumber;
     * }
     */
    public static final long TradeNumber$offset() {
        return TradeNumber$OFFSET;
    }

    /**
     * Getter for field:
     * {@snippet lang=c :
     * uint32_t TradeNumber;
     * }
     */
    public static int TradeNumber(MemorySegment struct) {
        return struct.get(TradeNumber$LAYOUT, TradeNumber$OFFSET);
    }

    /**
     * Setter for field:
     * {@snippet lang=c :
     * uint32_t TradeNumber;
     * }
     */
    public static void TradeNumber(MemorySegment struct, int fieldValue) {
        struct.set(TradeNumber$LAYOUT, TradeNumber$OFFSET, fieldValue);
    }

    private static final OfDouble Price$LAYOUT = (OfDouble)$LAYOUT.select(groupElement("Price"));

    /**
     * Layout for field:
     * {@snippet lang=c :
     * double Price;
     * }
     */
    public static final OfDouble Price$layout() {
        return Price$LAYOUT;
    }

    private static final long Price$OFFSET = $LAYOUT.byteOffset(groupElement("Price"));

    /**
     * Offset for field:
     * {@snippet lang=c :
     * double Price;
     * }
     */
    public static final long Price$offset() {
        return Price$OFFSET;
    }

    /**
     * Getter for field:
     * {@snippet lang=c :
     * double Price;
     * }
     */
    public static double Price(MemorySegment struct) {
        return struct.get(Price$LAYOUT, Price$OFFSET);
    }

    /**
     * Setter for field:
     * {@snippet lang=c :
     * double Price;
     * }
     */
    public static void Price(MemorySegment struct, double fieldValue) {
        struct.set(Price$LAYOUT, Price$OFFSET, fieldValue);
    }

    private static final OfLong Quantity$LAYOUT = (OfLong)$LAYOUT.select(groupElement("Quantity"));

    /**
     * Layout for field:
     * {@snippet lang=c :
     * int64_t Quantity;
     * }
     */
    public static final OfLong Quantity$layout() {
        return Quantity$LAYOUT;
    }

    private static final long Quantity$OFFSET = $LAYOUT.byteOffset(groupElement("Quantity"));

    /**
     * Offset for field:
     * {@snippet lang=c :
     * int64_t Quantity;
     * }
     */
    public static final long Quantity$offset() {
        return Quantity$OFFSET;
    }

    /**
     * Getter for field:
     * {@snippet lang=c :
     * int64_t Quantity;
     * }
     */
    public static long Quantity(MemorySegment struct) {
        return struct.get(Quantity$LAYOUT, Quantity$OFFSET);
    }

    /**
     * Setter for field:
     * {@snippet lang=c :
     * int64_t Quantity;
     * }
     */
    public static void Quantity(MemorySegment struct, long fieldValue) {
        struct.set(Quantity$LAYOUT, Quantity$OFFSET, fieldValue);
    }

    private static final OfDouble Volume$LAYOUT = (OfDouble)$LAYOUT.select(groupElement("Volume"));

    /**
     * Layout for field:
     * {@snippet lang=c :
     * double Volume;
     * }
     */
    public static final OfDouble Volume$layout() {
        return Volume$LAYOUT;
    }

    private static final long Volume$OFFSET = $LAYOUT.byteOffset(groupElement("Volume"));

    /**
     * Offset for field:
     * {@snippet lang=c :
     * double Volume;
     * }
     */
    public static final long Volume$offset() {
        return Volume$OFFSET;
    }

    /**
     * Getter for field (financial volume):
     * {@snippet lang=c :
     * double Volume;
     * }
     */
    public static double Volume(MemorySegment struct) {
        return struct.get(Volume$LAYOUT, Volume$OFFSET);
    }

    /**
     * Setter for field (financial volume):
     * {@snippet lang=c :
     * double Volume;
     * }
     */
    public static void Volume(MemorySegment struct, double fieldValue) {
        struct.set(Volume$LAYOUT, Volume$OFFSET, fieldValue);
    }

    private static final OfInt BuyAgent$LAYOUT = (OfInt)$LAYOUT.select(groupElement("BuyAgent"));

    /**
     * Layout for field:
     * {@snippet lang=c :
     * int32_t BuyAgent;
     * }
     */
    public static final OfInt BuyAgent$layout() {
        return BuyAgent$LAYOUT;
    }

    private static final long BuyAgent$OFFSET = $LAYOUT.byteOffset(groupElement("BuyAgent"));

    /**
     * Offset for field:
     * {@snippet lang=c :
     * int32_t BuyAgent;
     * }
     */
    public static final long BuyAgent$offset() {
        return BuyAgent$OFFSET;
    }

    /**
     * Getter for field:
     * {@snippet lang=c :
     * int32_t BuyAgent;
     * }
     */
    public static int BuyAgent(MemorySegment struct) {
        return struct.get(BuyAgent$LAYOUT, BuyAgent$OFFSET);
    }

    /**
     * Setter for field:
     * {@snippet lang=c :
     * int32_t BuyAgent;
     * }
     */
    public static void BuyAgent(MemorySegment struct, int fieldValue) {
        struct.set(BuyAgent$LAYOUT, BuyAgent$OFFSET, fieldValue);
    }

    private static final OfInt SellAgent$LAYOUT = (OfInt)$LAYOUT.select(groupElement("SellAgent"));

    /**
     * Layout for field:
     * {@snippet lang=c :
     * int32_t SellAgent;
     * }
     */
    public static final OfInt SellAgent$layout() {
        return SellAgent$LAYOUT;
    }

    private static final long SellAgent$OFFSET = $LAYOUT.byteOffset(groupElement("SellAgent"));

    /**
     * Offset for field:
     * {@snippet lang=c :
     * int32_t SellAgent;
     * }
     */
    public static final long SellAgent$offset() {
        return SellAgent$OFFSET;
    }

    /**
     * Getter for field:
     * {@snippet lang=c :
     * int32_t SellAgent;
     * }
     */
    public static int SellAgent(MemorySegment struct) {
        return struct.get(SellAgent$LAYOUT, SellAgent$OFFSET);
    }

    /**
     * Setter for field:
     * {@snippet lang=c :
     * int32_t SellAgent;
     * }
     */
    public static void SellAgent(MemorySegment struct, int fieldValue) {
        struct.set(SellAgent$LAYOUT, SellAgent$OFFSET, fieldValue);
    }

    private static final OfByte TradeType$LAYOUT = (OfByte)$LAYOUT.select(groupElement("TradeType"));

    /**
     * Layout for field:
     * {@snippet lang=c :
     * uint8_t TradeType;
     * }
     */
    public static final OfByte TradeType$layout() {
        return TradeType$LAYOUT;
    }

    private static final long TradeType$OFFSET = $LAYOUT.byteOffset(groupElement("TradeType"));

    /**
     * Offset for field:
     * {@snippet lang=c :
     * uint8_t TradeType;
     * }
     */
    public static final long TradeType$offset() {
        return TradeType$OFFSET;
    }

    /**
     * Getter for field (TT_*):
     * {@snippet lang=c :
     * uint8_t TradeType;
     * }
     */
    public static byte TradeType(MemorySegment struct) {
        return struct.get(TradeType$LAYOUT, TradeType$OFFSET);
    }

    /**
     * Setter for field (TT_*):
     * {@snippet lang=c :
     * uint8_t TradeType;
     * }
     */
    public static void TradeType(MemorySegment struct, byte fieldValue) {
        struct.set(TradeType$LAYOUT, TradeType$OFFSET, fieldValue);
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
