// Generated shape: jextract 22+ output for dll-gateway/native/profitdll.h (see
// dll-gateway/native/jextract/). Do not edit by hand; regenerate.

package blackbox.gateway.ffm;

import java.lang.invoke.*;
import java.lang.foreign.*;
import java.util.function.*;

import static java.lang.foreign.ValueLayout.*;
import static java.lang.foreign.MemoryLayout.PathElement.*;

/**
 * Identifies a trading account or sub-account: broker id and UTF-16 account / sub-account ids
 * (a null or empty {@code SubAccountID} means the master account). Set {@code Version} (0) before passing it in.
 * <p>
 * x64 size 32, alignment 8. Accessors are plain memory reads and writes; any thread may
 * call them on a segment it may access. Strings are {@code char16_t} (UTF-16LE, NUL-terminated).
 * {@snippet lang=c :
 * typedef struct TConnectorAccountIdentifier {
 *     uint8_t Version;
 *     int32_t BrokerID;
 *     const PDLL_WCHAR *AccountID;
 *     const PDLL_WCHAR *SubAccountID;
 *     int64_t Reserved;
 * } TConnectorAccountIdentifier
 * }
 */
@SuppressWarnings("restricted")
public class TConnectorAccountIdentifier {

    TConnectorAccountIdentifier() {
        // Should not be called directly
    }

    private static final GroupLayout $LAYOUT = MemoryLayout.structLayout(
        ProfitDLL.C_CHAR.withName("Version"),
        MemoryLayout.paddingLayout(3),
        ProfitDLL.C_INT.withName("BrokerID"),
        ProfitDLL.C_POINTER.withName("AccountID"),
        ProfitDLL.C_POINTER.withName("SubAccountID"),
        ProfitDLL.C_LONG_LONG.withName("Reserved")
    ).withName("TConnectorAccountIdentifier");

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

    private static final OfInt BrokerID$LAYOUT = (OfInt)$LAYOUT.select(groupElement("BrokerID"));

    /**
     * Layout for field:
     * {@snippet lang=c :
     * int32_t BrokerID;
     * }
     */
    public static final OfInt BrokerID$layout() {
        return BrokerID$LAYOUT;
    }

    private static final long BrokerID$OFFSET = $LAYOUT.byteOffset(groupElement("BrokerID"));

    /**
     * Offset for field:
     * {@snippet lang=c :
     * int32_t BrokerID;
     * }
     */
    public static final long BrokerID$offset() {
        return BrokerID$OFFSET;
    }

    /**
     * Getter for field:
     * {@snippet lang=c :
     * int32_t BrokerID;
     * }
     */
    public static int BrokerID(MemorySegment struct) {
        return struct.get(BrokerID$LAYOUT, BrokerID$OFFSET);
    }

    /**
     * Setter for field:
     * {@snippet lang=c :
     * int32_t BrokerID;
     * }
     */
    public static void BrokerID(MemorySegment struct, int fieldValue) {
        struct.set(BrokerID$LAYOUT, BrokerID$OFFSET, fieldValue);
    }

    private static final AddressLayout AccountID$LAYOUT = (AddressLayout)$LAYOUT.select(groupElement("AccountID"));

    /**
     * Layout for field:
     * {@snippet lang=c :
     * const PDLL_WCHAR *AccountID;
     * }
     */
    public static final AddressLayout AccountID$layout() {
        return AccountID$LAYOUT;
    }

    private static final long AccountID$OFFSET = $LAYOUT.byteOffset(groupElement("AccountID"));

    /**
     * Offset for field:
     * {@snippet lang=c :
     * const PDLL_WCHAR *AccountID;
     * }
     */
    public static final long AccountID$offset() {
        return AccountID$OFFSET;
    }

    /**
     * Getter for field:
     * {@snippet lang=c :
     * const PDLL_WCHAR *AccountID;
     * }
     */
    public static MemorySegment AccountID(MemorySegment struct) {
        return struct.get(AccountID$LAYOUT, AccountID$OFFSET);
    }

    /**
     * Setter for field:
     * {@snippet lang=c :
     * const PDLL_WCHAR *AccountID;
     * }
     */
    public static void AccountID(MemorySegment struct, MemorySegment fieldValue) {
        struct.set(AccountID$LAYOUT, AccountID$OFFSET, fieldValue);
    }

    private static final AddressLayout SubAccountID$LAYOUT = (AddressLayout)$LAYOUT.select(groupElement("SubAccountID"));

    /**
     * Layout for field:
     * {@snippet lang=c :
     * const PDLL_WCHAR *SubAccountID;
     * }
     */
    public static final AddressLayout SubAccountID$layout() {
        return SubAccountID$LAYOUT;
    }

    private static final long SubAccountID$OFFSET = $LAYOUT.byteOffset(groupElement("SubAccountID"));

    /**
     * Offset for field:
     * {@snippet lang=c :
     * const PDLL_WCHAR *SubAccountID;
     * }
     */
    public static final long SubAccountID$offset() {
        return SubAccountID$OFFSET;
    }

    /**
     * Getter for field (nil/"" = master account):
     * {@snippet lang=c :
     * const PDLL_WCHAR *SubAccountID;
     * }
     */
    public static MemorySegment SubAccountID(MemorySegment struct) {
        return struct.get(SubAccountID$LAYOUT, SubAccountID$OFFSET);
    }

    /**
     * Setter for field (nil/"" = master account):
     * {@snippet lang=c :
     * const PDLL_WCHAR *SubAccountID;
     * }
     */
    public static void SubAccountID(MemorySegment struct, MemorySegment fieldValue) {
        struct.set(SubAccountID$LAYOUT, SubAccountID$OFFSET, fieldValue);
    }

    private static final OfLong Reserved$LAYOUT = (OfLong)$LAYOUT.select(groupElement("Reserved"));

    /**
     * Layout for field:
     * {@snippet lang=c :
     * int64_t Reserved;
     * }
     */
    public static final OfLong Reserved$layout() {
        return Reserved$LAYOUT;
    }

    private static final long Reserved$OFFSET = $LAYOUT.byteOffset(groupElement("Reserved"));

    /**
     * Offset for field:
     * {@snippet lang=c :
     * int64_t Reserved;
     * }
     */
    public static final long Reserved$offset() {
        return Reserved$OFFSET;
    }

    /**
     * Getter for field:
     * {@snippet lang=c :
     * int64_t Reserved;
     * }
     */
    public static long Reserved(MemorySegment struct) {
        return struct.get(Reserved$LAYOUT, Reserved$OFFSET);
    }

    /**
     * Setter for field:
     * {@snippet lang=c :
     * int64_t Reserved;
     * }
     */
    public static void Reserved(MemorySegment struct, long fieldValue) {
        struct.set(Reserved$LAYOUT, Reserved$OFFSET, fieldValue);
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
