// Generated shape: jextract 22+ output for dll-gateway/native/profitdll.h (see
// dll-gateway/native/jextract/). Do not edit by hand; regenerate.

package blackbox.gateway.ffm;

import java.lang.invoke.*;
import java.lang.foreign.*;
import java.util.function.*;

import static java.lang.foreign.ValueLayout.*;
import static java.lang.foreign.MemoryLayout.PathElement.*;

/**
 * Account identifier with inline strings ({@code TString0In}: 100 UTF-16 code units each), filled by
 * {@code GetAccounts}; the {@code *Length} fields count code units.
 * <p>
 * x64 size 424, alignment 8. Accessors are plain memory reads and writes; any thread may
 * call them on a segment it may access. Strings are {@code char16_t} (UTF-16LE, NUL-terminated).
 * {@snippet lang=c :
 * typedef struct TConnectorAccountIdentifierOut {
 *     uint8_t Version;
 *     int32_t BrokerID;
 *     PDLL_WCHAR AccountID[PDLL_STRING0IN_LEN];
 *     int32_t AccountIDLength;
 *     PDLL_WCHAR SubAccountID[PDLL_STRING0IN_LEN];
 *     int32_t SubAccountIDLength;
 *     int64_t Reserved;
 * } TConnectorAccountIdentifierOut
 * }
 */
@SuppressWarnings("restricted")
public class TConnectorAccountIdentifierOut {

    TConnectorAccountIdentifierOut() {
        // Should not be called directly
    }

    private static final GroupLayout $LAYOUT = MemoryLayout.structLayout(
        ProfitDLL.C_CHAR.withName("Version"),
        MemoryLayout.paddingLayout(3),
        ProfitDLL.C_INT.withName("BrokerID"),
        MemoryLayout.sequenceLayout(100, ProfitDLL.C_CHAR16).withName("AccountID"),
        ProfitDLL.C_INT.withName("AccountIDLength"),
        MemoryLayout.sequenceLayout(100, ProfitDLL.C_CHAR16).withName("SubAccountID"),
        ProfitDLL.C_INT.withName("SubAccountIDLength"),
        ProfitDLL.C_LONG_LONG.withName("Reserved")
    ).withName("TConnectorAccountIdentifierOut");

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

    private static final SequenceLayout AccountID$LAYOUT = (SequenceLayout)$LAYOUT.select(groupElement("AccountID"));

    /**
     * Layout for field:
     * {@snippet lang=c :
     * PDLL_WCHAR AccountID[PDLL_STRING0IN_LEN];
     * }
     */
    public static final SequenceLayout AccountID$layout() {
        return AccountID$LAYOUT;
    }

    private static final long AccountID$OFFSET = $LAYOUT.byteOffset(groupElement("AccountID"));

    /**
     * Offset for field:
     * {@snippet lang=c :
     * PDLL_WCHAR AccountID[PDLL_STRING0IN_LEN];
     * }
     */
    public static final long AccountID$offset() {
        return AccountID$OFFSET;
    }

    /**
     * Getter for field (TString0In, inline), a slice of {@code struct}:
     * {@snippet lang=c :
     * PDLL_WCHAR AccountID[PDLL_STRING0IN_LEN];
     * }
     */
    public static MemorySegment AccountID(MemorySegment struct) {
        return struct.asSlice(AccountID$OFFSET, AccountID$LAYOUT.byteSize());
    }

    /**
     * Setter for field (TString0In, inline) (copies {@code fieldValue} in):
     * {@snippet lang=c :
     * PDLL_WCHAR AccountID[PDLL_STRING0IN_LEN];
     * }
     */
    public static void AccountID(MemorySegment struct, MemorySegment fieldValue) {
        MemorySegment.copy(fieldValue, 0L, struct, AccountID$OFFSET, AccountID$LAYOUT.byteSize());
    }

    private static final long[] AccountID$DIMS = { 100 };

    /**
     * Dimensions for array field:
     * {@snippet lang=c :
     * PDLL_WCHAR AccountID[PDLL_STRING0IN_LEN];
     * }
     */
    public static long[] AccountID$dimensions() {
        return AccountID$DIMS;
    }
    private static final VarHandle AccountID$ELEM_HANDLE = AccountID$LAYOUT.varHandle(sequenceElement());

    /**
     * Indexed getter for field:
     * {@snippet lang=c :
     * PDLL_WCHAR AccountID[PDLL_STRING0IN_LEN];
     * }
     */
    public static char AccountID(MemorySegment struct, long index0) {
        return (char)AccountID$ELEM_HANDLE.get(struct, AccountID$OFFSET, index0);
    }

    /**
     * Indexed setter for field:
     * {@snippet lang=c :
     * PDLL_WCHAR AccountID[PDLL_STRING0IN_LEN];
     * }
     */
    public static void AccountID(MemorySegment struct, long index0, char fieldValue) {
        AccountID$ELEM_HANDLE.set(struct, AccountID$OFFSET, index0, fieldValue);
    }

    private static final OfInt AccountIDLength$LAYOUT = (OfInt)$LAYOUT.select(groupElement("AccountIDLength"));

    /**
     * Layout for field:
     * {@snippet lang=c :
     * int32_t AccountIDLength;
     * }
     */
    public static final OfInt AccountIDLength$layout() {
        return AccountIDLength$LAYOUT;
    }

    private static final long AccountIDLength$OFFSET = $LAYOUT.byteOffset(groupElement("AccountIDLength"));

    /**
     * Offset for field:
     * {@snippet lang=c :
     * int32_t AccountIDLength;
     * }
     */
    public static final long AccountIDLength$offset() {
        return AccountIDLength$OFFSET;
    }

    /**
     * Getter for field:
     * {@snippet lang=c :
     * int32_t AccountIDLength;
     * }
     */
    public static int AccountIDLength(MemorySegment struct) {
        return struct.get(AccountIDLength$LAYOUT, AccountIDLength$OFFSET);
    }

    /**
     * Setter for field:
     * {@snippet lang=c :
     * int32_t AccountIDLength;
     * }
     */
    public static void AccountIDLength(MemorySegment struct, int fieldValue) {
        struct.set(AccountIDLength$LAYOUT, AccountIDLength$OFFSET, fieldValue);
    }

    private static final SequenceLayout SubAccountID$LAYOUT = (SequenceLayout)$LAYOUT.select(groupElement("SubAccountID"));

    /**
     * Layout for field:
     * {@snippet lang=c :
     * PDLL_WCHAR SubAccountID[PDLL_STRING0IN_LEN];
     * }
     */
    public static final SequenceLayout SubAccountID$layout() {
        return SubAccountID$LAYOUT;
    }

    private static final long SubAccountID$OFFSET = $LAYOUT.byteOffset(groupElement("SubAccountID"));

    /**
     * Offset for field:
     * {@snippet lang=c :
     * PDLL_WCHAR SubAccountID[PDLL_STRING0IN_LEN];
     * }
     */
    public static final long SubAccountID$offset() {
        return SubAccountID$OFFSET;
    }

    /**
     * Getter for field, a slice of {@code struct}:
     * {@snippet lang=c :
     * PDLL_WCHAR SubAccountID[PDLL_STRING0IN_LEN];
     * }
     */
    public static MemorySegment SubAccountID(MemorySegment struct) {
        return struct.asSlice(SubAccountID$OFFSET, SubAccountID$LAYOUT.byteSize());
    }

    /**
     * Setter for field (copies {@code fieldValue} in):
     * {@snippet lang=c :
     * PDLL_WCHAR SubAccountID[PDLL_STRING0IN_LEN];
     * }
     */
    public static void SubAccountID(MemorySegment struct, MemorySegment fieldValue) {
        MemorySegment.copy(fieldValue, 0L, struct, SubAccountID$OFFSET, SubAccountID$LAYOUT.byteSize());
    }

    private static final long[] SubAccountID$DIMS = { 100 };

    /**
     * Dimensions for array field:
     * {@snippet lang=c :
     * PDLL_WCHAR SubAccountID[PDLL_STRING0IN_LEN];
     * }
     */
    public static long[] SubAccountID$dimensions() {
        return SubAccountID$DIMS;
    }
    private static final VarHandle SubAccountID$ELEM_HANDLE = SubAccountID$LAYOUT.varHandle(sequenceElement());

    /**
     * Indexed getter for field:
     * {@snippet lang=c :
     * PDLL_WCHAR SubAccountID[PDLL_STRING0IN_LEN];
     * }
     */
    public static char SubAccountID(MemorySegment struct, long index0) {
        return (char)SubAccountID$ELEM_HANDLE.get(struct, SubAccountID$OFFSET, index0);
    }

    /**
     * Indexed setter for field:
     * {@snippet lang=c :
     * PDLL_WCHAR SubAccountID[PDLL_STRING0IN_LEN];
     * }
     */
    public static void SubAccountID(MemorySegment struct, long index0, char fieldValue) {
        SubAccountID$ELEM_HANDLE.set(struct, SubAccountID$OFFSET, index0, fieldValue);
    }

    private static final OfInt SubAccountIDLength$LAYOUT = (OfInt)$LAYOUT.select(groupElement("SubAccountIDLength"));

    /**
     * Layout for field:
     * {@snippet lang=c :
     * int32_t SubAccountIDLength;
     * }
     */
    public static final OfInt SubAccountIDLength$layout() {
        return SubAccountIDLength$LAYOUT;
    }

    private static final long SubAccountIDLength$OFFSET = $LAYOUT.byteOffset(groupElement("SubAccountIDLength"));

    /**
     * Offset for field:
     * {@snippet lang=c :
     * int32_t SubAccountIDLength;
     * }
     */
    public static final long SubAccountIDLength$offset() {
        return SubAccountIDLength$OFFSET;
    }

    /**
     * Getter for field:
     * {@snippet lang=c :
     * int32_t SubAccountIDLength;
     * }
     */
    public static int SubAccountIDLength(MemorySegment struct) {
        return struct.get(SubAccountIDLength$LAYOUT, SubAccountIDLength$OFFSET);
    }

    /**
     * Setter for field:
     * {@snippet lang=c :
     * int32_t SubAccountIDLength;
     * }
     */
    public static void SubAccountIDLength(MemorySegment struct, int fieldValue) {
        struct.set(SubAccountIDLength$LAYOUT, SubAccountIDLength$OFFSET, fieldValue);
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
