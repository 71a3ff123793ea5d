// Generated shape: jextract 22+ output for dll-gateway/native/profitdll.h (see
// dll-gateway/native/jextract/). Do not edit by hand; regenerate.

package blackbox.gateway.ffm;

import java.lang.invoke.*;
import java.lang.foreign.*;
import java.util.function.*;

import static java.lang.foreign.ValueLayout.*;
import static java.lang.foreign.MemoryLayout.PathElement.*;

/**
 * Legacy account record ({@code packed record}, size 28, alignment 1). Declared by the vendor, used by no
 * current function.
 * <p>
 * x64 size 28, alignment 1 (packed). Accessors are plain memory reads and writes; any thread may
 * call them on a segment it may access. Strings are {@code char16_t} (UTF-16LE, NUL-terminated).
 * {@snippet lang=c :
 * typedef struct TAccountRec {
 *     const PDLL_WCHAR *pwhAccountID;
 *     const PDLL_WCHAR *pwhTitular;
 *     const PDLL_WCHAR *pwhNomeCorretora;
 *     int32_t nCorretoraID;
 * } TAccountRec
 * }
 */
@SuppressWarnings("restricted")
public class TAccountRec {

    TAccountRec() {
        // Should not be called directly
    }

    private static final GroupLayout $LAYOUT = MemoryLayout.structLayout(
        ProfitDLL.align(ProfitDLL.C_POINTER, 1).withName("pwhAccountID"),
        ProfitDLL.align(ProfitDLL.C_POINTER, 1).withName("pwhTitular"),
        ProfitDLL.align(ProfitDLL.C_POINTER, 1).withName("pwhNomeCorretora"),
        ProfitDLL.align(ProfitDLL.C_INT, 1).withName("nCorretoraID")
    ).withName("TAccountRec");

    /**
     * The layout of this struct
     */
    public static final GroupLayout layout() {
        return $LAYOUT;
    }

    private static final AddressLayout pwhAccountID$LAYOUT = (AddressLayout)$LAYOUT.select(groupElement("pwhAccountID"));

    /**
     * Layout for field:
     * {@snippet lang=c :
     * const PDLL_WCHAR *pwhAccountID;
     * }
     */
    public static final AddressLayout pwhAccountID$layout() {
        return pwhAccountID$LAYOUT;
    }

    private static final long pwhAccountID$OFFSET = $LAYOUT.byteOffset(groupElement("pwhAccountID"));

    /**
     * Offset for field:
     * {@snippet lang=c :
     * const PDLL_WCHAR *pwhAccountID;
     * }
     */
    public static final long pwhAccountID$offset() {
        return pwhAccountID$OFFSET;
    }

    /**
     * Getter for field:
     * {@snippet lang=c :
     * const PDLL_WCHAR *pwhAccountID;
     * }
     */
    public static MemorySegment pwhAccountID(MemorySegment struct) {
        return struct.get(pwhAccountID$LAYOUT, pwhAccountID$OFFSET);
    }

    /**
     * Setter for field:
     * {@snippet lang=c :
     * const PDLL_WCHAR *pwhAccountID;
     * }
     */
    public static void pwhAccountID(MemorySegment struct, MemorySegment fieldValue) {
        struct.set(pwhAccountID$LAYOUT, pwhAccountID$OFFSET, fieldValue);
    }

    private static final AddressLayout pwhTitular$LAYOUT = (AddressLayout)$LAYOUT.select(groupElement("pwhTitular"));

    /**
     * Layout for field:
     * {@snippet lang=c :
     * const PDLL_WCHAR *pwhTitular;
     * }
     */
    public static final AddressLayout pwhTitular$layout() {
        return pwhTitular$LAYOUT;
    }

    private static final long pwhTitular$OFFSET = $LAYOUT.byteOffset(groupElement("pwhTitular"));

    /**
     * Offset for field:
     * {@snippet lang=c :
     * const PDLL_WCHAR *pwhTitular;
     * }
     */
    public static final long pwhTitular$offset() {
        return pwhTitular$OFFSET;
    }

    /**
     * Getter for field:
     * {@snippet lang=c :
     * const PDLL_WCHAR *pwhTitular;
     * }
     */
    public static MemorySegment pwhTitular(MemorySegment struct) {
        return struct.get(pwhTitular$LAYOUT, pwhTitular$OFFSET);
    }

    /**
     * Setter for field:
     * {@snippet lang=c :
     * const PDLL_WCHAR *pwhTitular;
     * }
     */
    public static void pwhTitular(MemorySegment struct, MemorySegment fieldValue) {
        struct.set(pwhTitular$LAYOUT, pwhTitular$OFFSET, fieldValue);
    }

    private static final AddressLayout pwhNomeCorretora$LAYOUT = (AddressLayout)$LAYOUT.select(groupElement("pwhNomeCorretora"));

    /**
     * Layout for field:
     * {@snippet lang=c :
     * const PDLL_WCHAR *pwhNomeCorretora;
     * }
     */
    public static final AddressLayout pwhNomeCorretora$layout() {
        return pwhNomeCorretora$LAYOUT;
    }

    private static final long pwhNomeCorretora$OFFSET = $LAYOUT.byteOffset(groupElement("pwhNomeCorretora"));

    /**
     * Offset for field:
     * {@snippet lang=c :
     * const PDLL_WCHAR *pwhNomeCorretora;
     * }
     */
    public static final long pwhNomeCorretora$offset() {
        return pwhNomeCorretora$OFFSET;
    }

    /**
     * Getter for field:
     * {@snippet lang=c :
     * const PDLL_WCHAR *pwhNomeCorretora;
     * }
     */
    public static MemorySegment pwhNomeCorretora(MemorySegment struct) {
        return struct.get(pwhNomeCorretora$LAYOUT, pwhNomeCorretora$OFFSET);
    }

    /**
     * Setter for field:
     * {@snippet lang=c :
     * const PDLL_WCHAR *pwhNomeCorretora;
     * }
     */
    public static void pwhNomeCorretora(MemorySegment struct, MemorySegment fieldValue) {
        struct.set(pwhNomeCorretora$LAYOUT, pwhNomeCorretora$OFFSET, fieldValue);
    }

    private static final OfInt nCorretoraID$LAYOUT = (OfInt)$LAYOUT.select(groupElement("nCorretoraID"));

    /**
     * Layout for field:
     * {@snippet lang=c :
     * int32_t nCorretoraID;
     * }
     */
    public static final OfInt nCorretoraID$layout() {
        return nCorretoraID$LAYOUT;
    }

    private static final long nCorretoraID$OFFSET = $LAYOUT.byteOffset(groupElement("nCorretoraID"));

    /**
     * Offset for field:
     * {@snippet lang=c :
     * int32_t nCorretoraID;
     * }
     */
    public static final long nCorretoraID$offset() {
        return nCorretoraID$OFFSET;
    }

    /**
     * Getter for field:
     * {@snippet lang=c :
     * int32_t nCorretoraID;
     * }
     */
    public static int nCorretoraID(MemorySegment struct) {
        return struct.get(nCorretoraID$LAYOUT, nCorretoraID$OFFSET);
    }

    /**
     * Setter for field:
     * {@snippet lang=c :
     * int32_t nCorretoraID;
     * }
     */
    public static void nCorretoraID(MemorySegment struct, int fieldValue) {
        struct.set(nCorretoraID$LAYOUT, nCorretoraID$OFFSET, fieldValue);
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
