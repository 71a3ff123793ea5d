// Generated shape: jextract 22+ output for dll-gateway/native/profitdll.h (see
// dll-gateway/native/jextract/). Do not edit by hand; regenerate.

package blackbox.gateway.ffm;

import java.lang.invoke.*;
import java.lang.foreign.*;
import java.util.function.*;

import static java.lang.foreign.ValueLayout.*;
import static java.lang.foreign.MemoryLayout.PathElement.*;

/**
 * Identifies an asset: UTF-16 ticker (e.g. {@code PETR4}) and exchange (e.g. {@code B}) pointers, feed type 0.
 * Callbacks receive a pointer to one, valid only during the callback.
 * <p>
 * x64 size 32, alignment 8. Accessors are plain memory reads and writes; any thread may
 * call them on a segment it may access. Strings are {@code char16_t} (UTF-16LE, NUL-terminated).
 * {@snippet lang=c :
 * typedef struct TConnectorAssetIdentifier {
 *     uint8_t Version;
 *     const PDLL_WCHAR *Ticker;
 *     const PDLL_WCHAR *Exchange;
 *     uint8_t FeedType;
 * } TConnectorAssetIdentifier
 * }
 */
@SuppressWarnings("restricted")
public class TConnectorAssetIdentifier {

    TConnectorAssetIdentifier() {
        // Should not be called directly
    }

    private static final GroupLayout $LAYOUT = MemoryLayout.structLayout(
        ProfitDLL.C_CHAR.withName("Version"),
        MemoryLayout.paddingLayout(7),
        ProfitDLL.C_POINTER.withName("Ticker"),
        ProfitDLL.C_POINTER.withName("Exchange"),
        ProfitDLL.C_CHAR.withName("FeedType"),
        MemoryLayout.paddingLayout(7)
    ).withName("TConnectorAssetIdentifier");

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
     * const PDLL_WCHAR *Ticker;
     * }
     */
    public static final AddressLayout Ticker$layout() {
        return Ticker$LAYOUT;
    }

    private static final long Ticker$OFFSET = $LAYOUT.byteOffset(groupElement("Ticker"));

    /**
     * Offset for field:
     * {@snippet lang=c :
     * const PDLL_WCHAR *Ticker;
     * }
     */
    public static final long Ticker$offset() {
        return Ticker$OFFSET;
    }

    /**
     * Getter for field:
     * {@snippet lang=c :
     * const PDLL_WCHAR *Ticker;
     * }
     */
    public static MemorySegment Ticker(MemorySegment struct) {
        return struct.get(Ticker$LAYOUT, Ticker$OFFSET);
    }

    /**
     * Setter for field:
     * {@snippet lang=c :
     * const PDLL_WCHAR *Ticker;
     * }
     */
    public static void Ticker(MemorySegment struct, MemorySegment fieldValue) {
        struct.set(Ticker$LAYOUT, Ticker$OFFSET, fieldValue);
    }

    private static final AddressLayout Exchange$LAYOUT = (AddressLayout)$LAYOUT.select(groupElement("Exchange"));

    /**
     * Layout for field:
     * {@snippet lang=c :
     * const PDLL_WCHAR *Exchange;
     * }
     */
    public static final AddressLayout Exchange$layout() {
        return Exchange$LAYOUT;
    }

    private static final long Exchange$OFFSET = $LAYOUT.byteOffset(groupElement("Exchange"));

    /**
     * Offset for field:
     * {@snippet lang=c :
     * const PDLL_WCHAR *Exchange;
     * }
     */
    public static final long Exchange$offset() {
        return Exchange$OFFSET;
    }

    /**
     * Getter for field:
     * {@snippet lang=c :
     * const PDLL_WCHAR *Exchange;
     * }
     */
    public static MemorySegment Exchange(MemorySegment struct) {
        return struct.get(Exchange$LAYOUT, Exchange$OFFSET);
    }

    /**
     * Setter for field:
     * {@snippet lang=c :
     * const PDLL_WCHAR *Exchange;
     * }
     */
    public static void Exchange(MemorySegment struct, MemorySegment fieldValue) {
        struct.set(Exchange$LAYOUT, Exchange$OFFSET, fieldValue);
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
     * Getter for field (0 in every example):
     * {@snippet lang=c :
     * uint8_t FeedType;
     * }
     */
    public static byte FeedType(MemorySegment struct) {
        return struct.get(FeedType$LAYOUT, FeedType$OFFSET);
    }

    /**
     * Setter for field (0 in every example):
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
