// Generated shape: jextract 22+ output for dll-gateway/native/profitdll.h (see
// dll-gateway/native/jextract/). Do not edit by hand; regenerate.

package blackbox.gateway.ffm;

import java.lang.invoke.*;
import java.lang.foreign.*;
import java.util.function.*;

import static java.lang.foreign.ValueLayout.*;
import static java.lang.foreign.MemoryLayout.PathElement.*;

/**
 * Identifies an order: {@code LocalOrderID} (per session, returned by {@code SendOrder}) and/or the
 * permanent UTF-16 {@code ClOrderID}.
 * <p>
 * x64 size 24, alignment 8. Accessors are plain memory reads and writes; any thread may
 * call them on a segment it may access. Strings are {@code char16_t} (UTF-16LE, NUL-terminated).
 * {@snippet lang=c :
 * typedef struct TConnectorOrderIdentifier {
 *     uint8_t Version;
 *     int64_t LocalOrderID;
 *     const PDLL_WCHAR *ClOrderID;
 * } TConnectorOrderIdentifier
 * }
 */
@SuppressWarnings("restricted")
public class TConnectorOrderIdentifier {

    TConnectorOrderIdentifier() {
        // Should not be called directly
    }

    private static final GroupLayout $LAYOUT = MemoryLayout.structLayout(
        ProfitDLL.C_CHAR.withName("Version"),
        MemoryLayout.paddingLayout(7),
        ProfitDLL.C_LONG_LONG.withName("LocalOrderID"),
        ProfitDLL.C_POINTER.withName("ClOrderID")
    ).withName("TConnectorOrderIdentifier");

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

    private static final OfLong LocalOrderID$LAYOUT = (OfLong)$LAYOUT.select(groupElement("LocalOrderID"));

    /**
     * Layout for field:
     * {@snippet lang=c :
     * int64_t LocalOrderID;
     * }
     */
    public static final OfLong LocalOrderID$layout() {
        return LocalOrderID$LAYOUT;
    }

    private static final long LocalOrderID$OFFSET = $LAYOUT.byteOffset(groupElement("LocalOrderID"));

    /**
     * Offset for field:
     * {@snippet lang=c :
     * int64_t LocalOrderID;
     * }
     */
    public static final long LocalOrderID$offset() {
        return LocalOrderID$OFFSET;
    }

    /**
     * Getter for field (per-session id returned by SendOrder):
     * {@snippet lang=c :
     * int64_t LocalOrderID;
     * }
     */
    public static long LocalOrderID(MemorySegment struct) {
        return struct.get(LocalOrderID$LAYOUT, LocalOrderID$OFFSET);
    }

    /**
     * Setter for field (per-session id returned by SendOrder):
     * {@snippet lang=c :
     * int64_t LocalOrderID;
     * }
     */
    public static void LocalOrderID(MemorySegment struct, long fieldValue) {
        struct.set(LocalOrderID$LAYOUT, LocalOrderID$OFFSET, fieldValue);
    }

    private static final AddressLayout ClOrderID$LAYOUT = (AddressLayout)$LAYOUT.select(groupElement("ClOrderID"));

    /**
     * Layout for field:
     * {@snippet lang=c :
     * const PDLL_WCHAR *ClOrderID;
     * }
     */
    public static final AddressLayout ClOrderID$layout() {
        return ClOrderID$LAYOUT;
    }

    private static final long ClOrderID$OFFSET = $LAYOUT.byteOffset(groupElement("ClOrderID"));

    /**
     * Offset for field:
     * {@snippet lang=c :
     * const PDLL_WCHAR *ClOrderID;
     * }
     */
    public static final long ClOrderID$offset() {
        return ClOrderID$OFFSET;
    }

    /**
     * Getter for field (permanent id):
     * {@snippet lang=c :
     * const PDLL_WCHAR *ClOrderID;
     * }
     */
    public static MemorySegment ClOrderID(MemorySegment struct) {
        return struct.get(ClOrderID$LAYOUT, ClOrderID$OFFSET);
    }

    /**
     * Setter for field (permanent id):
     * {@snippet lang=c :
     * const PDLL_WCHAR *ClOrderID;
     * }
     */
    public static void ClOrderID(MemorySegment struct, MemorySegment fieldValue) {
        struct.set(ClOrderID$LAYOUT, ClOrderID$OFFSET, fieldValue);
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
