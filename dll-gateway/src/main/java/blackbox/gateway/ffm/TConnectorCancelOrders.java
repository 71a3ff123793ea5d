// Generated shape: jextract 22+ output for dll-gateway/native/profitdll.h (see
// dll-gateway/native/jextract/). Do not edit by hand; regenerate.

package blackbox.gateway.ffm;

import java.lang.invoke.*;
import java.lang.foreign.*;
import java.util.function.*;

import static java.lang.foreign.ValueLayout.*;
import static java.lang.foreign.MemoryLayout.PathElement.*;

/**
 * Request of {@code SendCancelOrdersV2} (Version 0 only): cancels every open order of the account in one asset.
 * <p>
 * x64 size 80, alignment 8. Accessors are plain memory reads and writes; any thread may
 * call them on a segment it may access. Strings are {@code char16_t} (UTF-16LE, NUL-terminated).
 * {@snippet lang=c :
 * typedef struct TConnectorCancelOrders {
 *     uint8_t Version;
 *     TConnectorAccountIdentifier AccountID;
 *     TConnectorAssetIdentifier AssetID;
 *     const PDLL_WCHAR *Password;
 * } TConnectorCancelOrders
 * }
 */
@SuppressWarnings("restricted")
public class TConnectorCancelOrders {

    TConnectorCancelOrders() {
        // Should not be called directly
    }

    private static final GroupLayout $LAYOUT = MemoryLayout.structLayout(
        ProfitDLL.C_CHAR.withName("Version"),
        MemoryLayout.paddingLayout(7),
        TConnectorAccountIdentifier.layout().withName("AccountID"),
        TConnectorAssetIdentifier.layout().withName("AssetID"),
        ProfitDLL.C_POINTER.withName("Password")
    ).withName("TConnectorCancelOrders");

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

    private static final GroupLayout AccountID$LAYOUT = (GroupLayout)$LAYOUT.select(groupElement("AccountID"));

    /**
     * Layout for field:
     * {@snippet lang=c :
     * TConnectorAccountIdentifier AccountID;
     * }
     */
    public static final GroupLayout AccountID$layout() {
        return AccountID$LAYOUT;
    }

    private static final long AccountID$OFFSET = $LAYOUT.byteOffset(groupElement("AccountID"));

    /**
     * Offset for field:
     * {@snippet lang=c :
     * TConnectorAccountIdentifier AccountID;
     * }
     */
    public static final long AccountID$offset() {
        return AccountID$OFFSET;
    }

    /**
     * Getter for field, a slice of {@code struct}:
     * {@snippet lang=c :
     * TConnectorAccountIdentifier AccountID;
     * }
     */
    public static MemorySegment AccountID(MemorySegment struct) {
        return struct.asSlice(AccountID$OFFSET, AccountID$LAYOUT.byteSize());
    }

    /**
     * Setter for field (copies {@code fieldValue} in):
     * {@snippet lang=c :
     * TConnectorAccountIdentifier AccountID;
     * }
     */
    public static void AccountID(MemorySegment struct, MemorySegment fieldValue) {
        MemorySegment.copy(fieldValue, 0L, struct, AccountID$OFFSET, AccountID$LAYOUT.byteSize());
    }

    private static final GroupLayout AssetID$LAYOUT = (GroupLayout)$LAYOUT.select(groupElement("AssetID"));

    /**
     * Layout for field:
     * {@snippet lang=c :
     * TConnectorAssetIdentifier AssetID;
     * }
     */
    public static final GroupLayout AssetID$layout() {
        return AssetID$LAYOUT;
    }

    private static final long AssetID$OFFSET = $LAYOUT.byteOffset(groupElement("AssetID"));

    /**
     * Offset for field:
     * {@snippet lang=c :
     * TConnectorAssetIdentifier AssetID;
     * }
     */
    public static final long AssetID$offset() {
        return AssetID$OFFSET;
    }

    /**
     * Getter for field, a slice of {@code struct}:
     * {@snippet lang=c :
     * TConnectorAssetIdentifier AssetID;
     * }
     */
    public static MemorySegment AssetID(MemorySegment struct) {
        return struct.asSlice(AssetID$OFFSET, AssetID$LAYOUT.byteSize());
    }

    /**
     * Setter for field (copies {@code fieldValue} in):
     * {@snippet lang=c :
     * TConnectorAssetIdentifier AssetID;
     * }
     */
    public static void AssetID(MemorySegment struct, MemorySegment fieldValue) {
        MemorySegment.copy(fieldValue, 0L, struct, AssetID$OFFSET, AssetID$LAYOUT.byteSize());
    }

    private static final AddressLayout Password$LAYOUT = (AddressLayout)$LAYOUT.select(groupElement("Password"));

    /**
     * Layout for field:
     * {@snippet lang=c :
     * const PDLL_WCHAR *Password;
     * }
     */
    public static final AddressLayout Password$layout() {
        return Password$LAYOUT;
    }

    private static final long Password$OFFSET = $LAYOUT.byteOffset(groupElement("Password"));

    /**
     * Offset for field:
     * {@snippet lang=c :
     * const PDLL_WCHAR *Password;
     * }
     */
    public static final long Password$offset() {
        return Password$OFFSET;
    }

    /**
     * Getter for field:
     * {@snippet lang=c :
     * const PDLL_WCHAR *Password;
     * }
     */
    public static MemorySegment Password(MemorySegment struct) {
        return struct.get(Password$LAYOUT, Password$OFFSET);
    }

    /**
     * Setter for field:
     * {@snippet lang=c :
     * const PDLL_WCHAR *Password;
     * }
     */
    public static void Password(MemorySegment struct, MemorySegment fieldValue) {
        struct.set(Password$LAYOUT, Password$OFFSET, fieldValue);
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
