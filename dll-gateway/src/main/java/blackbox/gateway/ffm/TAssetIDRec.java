// Generated shape: jextract 22+ output for dll-gateway/native/profitdll.h (see
// dll-gateway/native/jextract/). Do not edit by hand; regenerate.

package blackbox.gateway.ffm;

import java.lang.invoke.*;
import java.lang.foreign.*;
import java.util.function.*;

import static java.lang.foreign.ValueLayout.*;
import static java.lang.foreign.MemoryLayout.PathElement.*;

/**
 * Legacy asset id ({@code packed record}): UTF-16 ticker and exchange pointers and a feed code (0 Nelogica,
 * 255 other). Size 20, alignment 1: the fields are unaligned, so every element layout has byte alignment 1.
 * Legacy callbacks receive a pointer to one, valid only during the callback.
 * <p>
 * x64 size 20, alignment 1 (packed). Accessors are plain memory reads and writes; any thread may
 * call them on a segment it may access. Strings are {@code char16_t} (UTF-16LE, NUL-terminated).
 * {@snippet lang=c :
 * typedef struct TAssetIDRec {
 *     const PDLL_WCHAR *pwcTicker;
 *     const PDLL_WCHAR *pwcBolsa;
 *     int32_t nFeed;
 * } TAssetIDRec
 * }
 */
@SuppressWarnings("restricted")
public class TAssetIDRec {

    TAssetIDRec() {
        // Should not be called directly
    }

    private static final GroupLayout $LAYOUT = MemoryLayout.structLayout(
        ProfitDLL.align(ProfitDLL.C_POINTER, 1).withName("pwcTicker"),
        ProfitDLL.align(ProfitDLL.C_POINTER, 1).withName("pwcBolsa"),
        ProfitDLL.align(ProfitDLL.C_INT, 1).withName("nFeed")
    ).withName("TAssetIDRec");

    /**
     * The layout of this struct
     */
    public static final GroupLayout layout() {
        return $LAYOUT;
    }

    private static final AddressLayout pwcTicker$LAYOUT = (AddressLayout)$LAYOUT.select(groupElement("pwcTicker"));

    /**
     * Layout for field:
     * {@snippet lang=c :
     * const PDLL_WCHAR *pwcTicker;
     * }
     */
    public static final AddressLayout pwcTicker$layout() {
        return pwcTicker$LAYOUT;
    }

    private static final long pwcTicker$OFFSET = $LAYOUT.byteOffset(groupElement("pwcTicker"));

    /**
     * Offset for field:
     * {@snippet lang=c :
     * const PDLL_WCHAR *pwcTicker;
     * }
     */
    public static final long pwcTicker$offset() {
        return pwcTicker$OFFSET;
    }

    /**
     * Getter for field (e.g. u"PETR4"):
     * {@snippet lang=c :
     * const PDLL_WCHAR *pwcTicker;
     * }
     */
    public static MemorySegment pwcTicker(MemorySegment struct) {
        return struct.get(pwcTicker$LAYOUT, pwcTicker$OFFSET);
    }

    /**
     * Setter for field (e.g. u"PETR4"):
     * {@snippet lang=c :
     * const PDLL_WCHAR *pwcTicker;
     * }
     */
    public static void pwcTicker(MemorySegment struct, MemorySegment fieldValue) {
        struct.set(pwcTicker$LAYOUT, pwcTicker$OFFSET, fieldValue);
    }

    private static final AddressLayout pwcBolsa$LAYOUT = (AddressLayout)$LAYOUT.select(groupElement("pwcBolsa"));

    /**
     * Layout for field:
     * {@snippet lang=c :
     * const PDLL_WCHAR *pwcBolsa;
     * }
     */
    public static final AddressLayout pwcBolsa$layout() {
        return pwcBolsa$LAYOUT;
    }

    private static final long pwcBolsa$OFFSET = $LAYOUT.byteOffset(groupElement("pwcBolsa"));

    /**
     * Offset for field:
     * {@snippet lang=c :
     * const PDLL_WCHAR *pwcBolsa;
     * }
     */
    public static final long pwcBolsa$offset() {
        return pwcBolsa$OFFSET;
    }

    /**
     * Getter for field (e.g. u"B"):
     * {@snippet lang=c :
     * const PDLL_WCHAR *pwcBolsa;
     * }
     */
    public static MemorySegment pwcBolsa(MemorySegment struct) {
        return struct.get(pwcBolsa$LAYOUT, pwcBolsa$OFFSET);
    }

    /**
     * Setter for field (e.g. u"B"):
     * {@snippet lang=c :
     * const PDLL_WCHAR *pwcBolsa;
     * }
     */
    public static void pwcBolsa(MemorySegment struct, MemorySegment fieldValue) {
        struct.set(pwcBolsa$LAYOUT, pwcBolsa$OFFSET, fieldValue);
    }

    private static final OfInt nFeed$LAYOUT = (OfInt)$LAYOUT.select(groupElement("nFeed"));

    /**
     * Layout for field:
     * {@snippet lang=c :
     * int32_t nFeed;
     * }
     */
    public static final OfInt nFeed$layout() {
        return nFeed$LAYOUT;
    }

    private static final long nFeed$OFFSET = $LAYOUT.byteOffset(groupElement("nFeed"));

    /**
     * Offset for field:
     * {@snippet lang=c :
     * int32_t nFeed;
     * }
     */
    public static final long nFeed$offset() {
        return nFeed$OFFSET;
    }

    /**
     * Getter for field (0 Nelogica, 255 other):
     * {@snippet lang=c :
     * int32_t nFeed;
     * }
     */
    public static int nFeed(MemorySegment struct) {
        return struct.get(nFeed$LAYOUT, nFeed$OFFSET);
    }

    /**
     * Setter for field (0 Nelogica, 255 other):
     * {@snippet lang=c :
     * int32_t nFeed;
     * }
     */
    public static void nFeed(MemorySegment struct, int fieldValue) {
        struct.set(nFeed$LAYOUT, nFeed$OFFSET, fieldValue);
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
