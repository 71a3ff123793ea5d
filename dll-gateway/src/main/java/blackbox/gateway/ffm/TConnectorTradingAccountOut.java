// Generated shape: jextract 22+ output for dll-gateway/native/profitdll.h (see
// dll-gateway/native/jextract/). Do not edit by hand; regenerate.

package blackbox.gateway.ffm;

import java.lang.invoke.*;
import java.lang.foreign.*;
import java.util.function.*;

import static java.lang.foreign.ValueLayout.*;
import static java.lang.foreign.MemoryLayout.PathElement.*;

/**
 * In/out record of {@code GetAccountDetails}: set {@code Version} and {@code AccountID}; names are two-pass
 * UTF-16 strings, {@code AccountFlags} holds {@code CA_*} bits.
 * <p>
 * x64 size 96, alignment 8. Accessors are plain memory reads and writes; any thread may
 * call them on a segment it may access. Strings are {@code char16_t} (UTF-16LE, NUL-terminated).
 * {@snippet lang=c :
 * typedef struct TConnectorTradingAccountOut {
 *     uint8_t Version;
 *     TConnectorAccountIdentifier AccountID;
 *     PDLL_WCHAR *BrokerName;
 *     int32_t BrokerNameLength;
 *     PDLL_WCHAR *OwnerName;
 *     int32_t OwnerNameLength;
 *     PDLL_WCHAR *SubOwnerName;
 *     int32_t SubOwnerNameLength;
 *     uint32_t AccountFlags;
 *     uint8_t AccountType;
 * } TConnectorTradingAccountOut
 * }
 */
@SuppressWarnings("restricted")
public class TConnectorTradingAccountOut {

    TConnectorTradingAccountOut() {
        // Should not be called directly
    }

    private static final GroupLayout $LAYOUT = MemoryLayout.structLayout(
        ProfitDLL.C_CHAR.withName("Version"),
        MemoryLayout.paddingLayout(7),
        TConnectorAccountIdentifier.layout().withName("AccountID"),
        ProfitDLL.C_POINTER.withName("BrokerName"),
        ProfitDLL.C_INT.withName("BrokerNameLength"),
        MemoryLayout.paddingLayout(4),
        ProfitDLL.C_POINTER.withName("OwnerName"),
        ProfitDLL.C_INT.withName("OwnerNameLength"),
        MemoryLayout.paddingLayout(4),
        ProfitDLL.C_POINTER.withName("SubOwnerName"),
        ProfitDLL.C_INT.withName("SubOwnerNameLength"),
        ProfitDLL.C_INT.withName("AccountFlags"),
        ProfitDLL.C_CHAR.withName("AccountType"),
        MemoryLayout.paddingLayout(7)
    ).withName("TConnectorTradingAccountOut");

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
     * Getter for field (0 or 1):
     * {@snippet lang=c :
     * uint8_t Version;
     * }
     */
    public static byte Version(MemorySegment struct) {
        return struct.get(Version$LAYOUT, Version$OFFSET);
    }

    /**
     * Setter for field (0 or 1):
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
     * Getter for field (IN), a slice of {@code struct}:
     * {@snippet lang=c :
     * TConnectorAccountIdentifier AccountID;
     * }
     */
    public static MemorySegment AccountID(MemorySegment struct) {
        return struct.asSlice(AccountID$OFFSET, AccountID$LAYOUT.byteSize());
    }

    /**
     * Setter for field (IN) (copies {@code fieldValue} in):
     * {@snippet lang=c :
     * TConnectorAccountIdentifier AccountID;
     * }
     */
    public static void AccountID(MemorySegment struct, MemorySegment fieldValue) {
        MemorySegment.copy(fieldValue, 0L, struct, AccountID$OFFSET, AccountID$LAYOUT.byteSize());
    }

    private static final AddressLayout BrokerName$LAYOUT = (AddressLayout)$LAYOUT.select(groupElement("BrokerName"));

    /**
     * Layout for field:
     * {@snippet lang=c :
     * PDLL_WCHAR *BrokerName;
     * }
     */
    public static final AddressLayout BrokerName$layout() {
        return BrokerName$LAYOUT;
    }

    private static final long BrokerName$OFFSET = $LAYOUT.byteOffset(groupElement("BrokerName"));

    /**
     * Offset for field:
     * {@snippet lang=c :
     * PDLL_WCHAR *BrokerName;
     * }
     */
    public static final long BrokerName$offset() {
        return BrokerName$OFFSET;
    }

    /**
     * Getter for field (two-pass):
     * {@snippet lang=c :
     * PDLL_WCHAR *BrokerName;
     * }
     */
    public static MemorySegment BrokerName(MemorySegment struct) {
        return struct.get(BrokerName$LAYOUT, BrokerName$OFFSET);
    }

    /**
     * Setter for field (two-pass):
     * {@snippet lang=c :
     * PDLL_WCHAR *BrokerName;
     * }
     */
    public static void BrokerName(MemorySegment struct, MemorySegment fieldValue) {
        struct.set(BrokerName$LAYOUT, BrokerName$OFFSET, fieldValue);
    }

    private static final OfInt BrokerNameLength$LAYOUT = (OfInt)$LAYOUT.select(groupElement("BrokerNameLength"));

    /**
     * Layout for field:
     * {@snippet lang=c :
     * int32_t BrokerNameLength;
     * }
     */
    public static final OfInt BrokerNameLength$layout() {
        return BrokerNameLength$LAYOUT;
    }

    private static final long BrokerNameLength$OFFSET = $LAYOUT.byteOffset(groupElement("BrokerNameLength"));

    /**
     * Offset for field:
     * {@snippet lang=c :
     * int32_t BrokerNameLength;
     * }
     */
    public static final long BrokerNameLength$offset() {
        return BrokerNameLength$OFFSET;
    }

    /**
     * Getter for field:
     * {@snippet lang=c :
     * int32_t BrokerNameLength;
     * }
     */
    public static int BrokerNameLength(MemorySegment struct) {
        return struct.get(BrokerNameLength$LAYOUT, BrokerNameLength$OFFSET);
    }

    /**
     * Setter for field:
     * {@snippet lang=c :
     * int32_t BrokerNameLength;
     * }
     */
    public static void BrokerNameLength(MemorySegment struct, int fieldValue) {
        struct.set(BrokerNameLength$LAYOUT, BrokerNameLength$OFFSET, fieldValue);
    }

    private static final AddressLayout OwnerName$LAYOUT = (AddressLayout)$LAYOUT.select(groupElement("OwnerName"));

    /**
     * Layout for field:
     * {@snippet lang=c :
     * PDLL_WCHAR *OwnerName;
     * }
     */
    public static final AddressLayout OwnerName$layout() {
        return OwnerName$LAYOUT;
    }

    private static final long OwnerName$OFFSET = $LAYOUT.byteOffset(groupElement("OwnerName"));

    /**
     * Offset for field:
     * {@snippet lang=c :
     * PDLL_WCHAR *OwnerName;
     * }
     */
    public static final long OwnerName$offset() {
        return OwnerName$OFFSET;
    }

    /**
     * Getter for field:
     * {@snippet lang=c :
     * PDLL_WCHAR *OwnerName;
     * }
     */
    public static MemorySegment OwnerName(MemorySegment struct) {
        return struct.get(OwnerName$LAYOUT, OwnerName$OFFSET);
    }

    /**
     * Setter for field:
     * {@snippet lang=c :
     * PDLL_WCHAR *OwnerName;
     * }
     */
    public static void OwnerName(MemorySegment struct, MemorySegment fieldValue) {
        struct.set(OwnerName$LAYOUT, OwnerName$OFFSET, fieldValue);
    }

    private static final OfInt OwnerNameLength$LAYOUT = (OfInt)$LAYOUT.select(groupElement("OwnerNameLength"));

    /**
     * Layout for field:
     * {@snippet lang=c :
     * int32_t OwnerNameLength;
     * }
     */
    public static final OfInt OwnerNameLength$layout() {
        return OwnerNameLength$LAYOUT;
    }

    private static final long OwnerNameLength$OFFSET = $LAYOUT.byteOffset(groupElement("OwnerNameLength"));

    /**
     * Offset for field:
     * {@snippet lang=c :
     * int32_t OwnerNameLength;
     * }
     */
    public static final long OwnerNameLength$offset() {
        return OwnerNameLength$OFFSET;
    }

    /**
     * Getter for field:
     * {@snippet lang=c :
     * int32_t OwnerNameLength;
     * }
     */
    public static int OwnerNameLength(MemorySegment struct) {
        return struct.get(OwnerNameLength$LAYOUT, OwnerNameLength$OFFSET);
    }

    /**
     * Setter for field:
     * {@snippet lang=c :
     * int32_t OwnerNameLength;
     * }
     */
    public static void OwnerNameLength(MemorySegment struct, int fieldValue) {
        struct.set(OwnerNameLength$LAYOUT, OwnerNameLength$OFFSET, fieldValue);
    }

    private static final AddressLayout SubOwnerName$LAYOUT = (AddressLayout)$LAYOUT.select(groupElement("SubOwnerName"));

    /**
     * Layout for field:
     * {@snippet lang=c :
     * PDLL_WCHAR *SubOwnerName;
     * }
     */
    public static final AddressLayout SubOwnerName$layout() {
        return SubOwnerName$LAYOUT;
    }

    private static final long SubOwnerName$OFFSET = $LAYOUT.byteOffset(groupElement("SubOwnerName"));

    /**
     * Offset for field:
     * {@snippet lang=c :
     * PDLL_WCHAR *SubOwnerName;
     * }
     */
    public static final long SubOwnerName$offset() {
        return SubOwnerName$OFFSET;
    }

    /**
     * Getter for field:
     * {@snippet lang=c :
     * PDLL_WCHAR *SubOwnerName;
     * }
     */
    public static MemorySegment SubOwnerName(MemorySegment struct) {
        return struct.get(SubOwnerName$LAYOUT, SubOwnerName$OFFSET);
    }

    /**
     * Setter for field:
     * {@snippet lang=c :
     * PDLL_WCHAR *SubOwnerName;
     * }
     */
    public static void SubOwnerName(MemorySegment struct, MemorySegment fieldValue) {
        struct.set(SubOwnerName$LAYOUT, SubOwnerName$OFFSET, fieldValue);
    }

    private static final OfInt SubOwnerNameLength$LAYOUT = (OfInt)$LAYOUT.select(groupElement("SubOwnerNameLength"));

    /**
     * Layout for field:
     * {@snippet lang=c :
     * int32_t SubOwnerNameLength;
     * }
     */
    public static final OfInt SubOwnerNameLength$layout() {
        return SubOwnerNameLength$LAYOUT;
    }

    private static final long SubOwnerNameLength$OFFSET = $LAYOUT.byteOffset(groupElement("SubOwnerNameLength"));

    /**
     * Offset for field:
     * {@snippet lang=c :
     * int32_t SubOwnerNameLength;
     * }
     */
    public static final long SubOwnerNameLength$offset() {
        return SubOwnerNameLength$OFFSET;
    }

    /**
     * Getter for field:
     * {@snippet lang=c :
     * int32_t SubOwnerNameLength;
     * }
     */
    public static int SubOwnerNameLength(MemorySegment struct) {
        return struct.get(SubOwnerNameLength$LAYOUT, SubOwnerNameLength$OFFSET);
    }

    /**
     * Setter for field:
     * {@snippet lang=c :
     * int32_t SubOwnerNameLength;
     * }
     */
    public static void SubOwnerNameLength(MemorySegment struct, int fieldValue) {
        struct.set(SubOwnerNameLength$LAYOUT, SubOwnerNameLength$OFFSET, fieldValue);
    }

    private static final OfInt AccountFlags$LAYOUT = (OfInt)$LAYOUT.select(groupElement("AccountFlags"));

    /**
     * Layout for field:
     * {@snippet lang=c :
     * uint32_t AccountFlags;
     * }
     */
    public static final OfInt AccountFlags$layout() {
        return AccountFlags$LAYOUT;
    }

    private static final long AccountFlags$OFFSET = $LAYOUT.byteOffset(groupElement("AccountFlags"));

    /**
     * Offset for field:
     * {@snippet lang=c :
     * uint32_t AccountFlags;
     * }
     */
    public static final long AccountFlags$offset() {
        return AccountFlags$OFFSET;
    }

    /**
     * Getter for field (CA_*):
     * {@snippet lang=c :
     * uint32_t AccountFlags;
     * }
     */
    public static int AccountFlags(MemorySegment struct) {
        return struct.get(AccountFlags$LAYOUT, AccountFlags$OFFSET);
    }

    /**
     * Setter for field (CA_*):
     * {@snippet lang=c :
     * uint32_t AccountFlags;
     * }
     */
    public static void AccountFlags(MemorySegment struct, int fieldValue) {
        struct.set(AccountFlags$LAYOUT, AccountFlags$OFFSET, fieldValue);
    }

    private static final OfByte AccountType$LAYOUT = (OfByte)$LAYOUT.select(groupElement("AccountType"));

    /**
     * Layout for field:
     * {@snippet lang=c :
     * uint8_t AccountType;
     * }
     */
    public static final OfByte AccountType$layout() {
        return AccountType$LAYOUT;
    }

    private static final long AccountType$OFFSET = $LAYOUT.byteOffset(groupElement("AccountType"));

    /**
     * Offset for field:
     * {@snippet lang=c :
     * uint8_t AccountType;
     * }
     */
    public static final long AccountType$offset() {
        return AccountType$OFFSET;
    }

    /**
     * Getter for field (V1: CUT_*):
     * {@snippet lang=c :
     * uint8_t AccountType;
     * }
     */
    public static byte AccountType(MemorySegment struct) {
        return struct.get(AccountType$LAYOUT, AccountType$OFFSET);
    }

    /**
     * Setter for field (V1: CUT_*):
     * {@snippet lang=c :
     * uint8_t AccountType;
     * }
     */
    public static void AccountType(MemorySegment struct, byte fieldValue) {
        struct.set(AccountType$LAYOUT, AccountType$OFFSET, fieldValue);
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
