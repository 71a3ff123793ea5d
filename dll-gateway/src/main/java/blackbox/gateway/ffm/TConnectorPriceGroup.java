// Generated shape: jextract 22+ output for dll-gateway/native/profitdll.h (see
// dll-gateway/native/jextract/). Do not edit by hand; regenerate.

package blackbox.gateway.ffm;

import java.lang.invoke.*;
import java.lang.foreign.*;
import java.util.function.*;

import static java.lang.foreign.ValueLayout.*;
import static java.lang.foreign.MemoryLayout.PathElement.*;

/**
 * One price level filled by {@code GetPriceGroup} (caller sets {@code Version = 0}): price, number of
 * orders ({@code Count}), total quantity; {@code PG_IS_THEORIC} in {@code PriceGroupFlags} marks the auction entry.
 * <p>
 * x64 size 40, alignment 8. Accessors are plain memory reads and writes; any thread may
 * call them on a segment it may access. Strings are {@code char16_t} (UTF-16LE, NUL-terminated).
 * {@snippet lang=c :
 * typedef struct TConnectorPriceGroup {
 *     uint8_t Version;
 *     double Price;
 *     uint32_t Count;
 *     int64_t Quantity;
 *     uint32_t PriceGroupFlags;
 * } TConnectorPriceGroup
 * }
 */
@SuppressWarnings("restricted")
public class TConnectorPriceGroup {

    TConnectorPriceGroup() {
        // Should not be called directly
    }

    private static final GroupLayout $LAYOUT = MemoryLayout.structLayout(
        ProfitDLL.C_CHAR.withName("Version"),
        MemoryLayout.paddingLayout(7),
        ProfitDLL.C_DOUBLE.withName("Price"),
        ProfitDLL.C_INT.withName("Count"),
        MemoryLayout.paddingLayout(4),
        ProfitDLL.C_LONG_LONG.withName("Quantity"),
        ProfitDLL.C_INT.withName("PriceGroupFlags"),
        MemoryLayout.paddingLayout(4)
    ).withName("TConnectorPriceGroup");

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

    private static final OfInt Count$LAYOUT = (OfInt)$LAYOUT.select(groupElement("Count"));

    /**
     * Layout for field:
     * {@snippet lang=c :
     * uint32_t Count;
     * }
     */
    public static final OfInt Count$layout() {
        return Count$LAYOUT;
    }

    private static final long Count$OFFSET = $LAYOUT.byteOffset(groupElement("Count"));

    /**
     * Offset for field:
     * {@snippet lang=c :
     * uint32_t Count;
     * }
     */
    public static final long Count$offset() {
        return Count$OFFSET;
    }

    /**
     * Getter for field:
     * {@snippet lang=c :
     * uint32_t Count;
     * }
     */
    public static int Count(MemorySegment struct) {
        return struct.get(Count$LAYOUT, Count$OFFSET);
    }

    /**
     * Setter for field:
     * {@snippet lang=c :
     * uint32_t Count;
     * }
     */
    public static void Count(MemorySegment struct, int fieldValue) {
        struct.set(Count$LAYOUT, Count$OFFSET, fieldValue);
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

    private static final OfInt PriceGroupFlags$LAYOUT = (OfInt)$LAYOUT.select(groupElement("PriceGroupFlags"));

    /**
     * Layout for field:
     * {@snippet lang=c :
     * uint32_t PriceGroupFlags;
     * }
     */
    public static final OfInt PriceGroupFlags$layout() {
        return PriceGroupFlags$LAYOUT;
    }

    private static final long PriceGroupFlags$OFFSET = $LAYOUT.byteOffset(groupElement("PriceGroupFlags"));

    /**
     * Offset for field:
     * {@snippet lang=c :
     * uint32_t PriceGroupFlags;
     * }
     */
    public static final long PriceGroupFlags$offset() {
        return PriceGroupFlags$OFFSET;
    }

    /**
     * Getter for field (PG_IS_THEORIC):
     * {@snippet lang=c :
     * uint32_t PriceGroupFlags;
     * }
     */
    public static int PriceGroupFlags(MemorySegment struct) {
        return struct.get(PriceGroupFlags$LAYOUT, PriceGroupFlags$OFFSET);
    }

    /**
     * Setter for field (PG_IS_THEORIC):
     * {@snippet lang=c :
     * uint32_t PriceGroupFlags;
     * }
     */
    public static void PriceGroupFlags(MemorySegment struct, int fieldValue) {
        struct.set(PriceGroupFlags$LAYOUT, PriceGroupFlags$OFFSET, fieldValue);
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
