// Generated shape: jextract 22+ output for dll-gateway/native/profitdll.h (see
// dll-gateway/native/jextract/). Do not edit by hand; regenerate.

package blackbox.gateway.ffm;

import java.lang.invoke.*;
import java.lang.foreign.*;
import java.util.function.*;

import static java.lang.foreign.ValueLayout.*;
import static java.lang.foreign.MemoryLayout.PathElement.*;

/**
 * Request of {@code SendChangeOrderV2}: new price, stop price (asset price unit) and quantity for an open order.
 * <p>
 * x64 size 104, alignment 8. Accessors are plain memory reads and writes; any thread may
 * call them on a segment it may access. Strings are {@code char16_t} (UTF-16LE, NUL-terminated).
 * {@snippet lang=c :
 * typedef struct TConnectorChangeOrder {
 *     uint8_t Version;
 *     TConnectorAccountIdentifier AccountID;
 *     TConnectorOrderIdentifier OrderID;
 *     const PDLL_WCHAR *Password;
 *     double Price;
 *     double StopPrice;
 *     int64_t Quantity;
 *     int64_t MessageID;
 * } TConnectorChangeOrder
 * }
 */
@SuppressWarnings("restricted")
public class TConnectorChangeOrder {

    TConnectorChangeOrder() {
        // Should not be called directly
    }

    private static final GroupLayout $LAYOUT = MemoryLayout.structLayout(
        ProfitDLL.C_CHAR.withName("Version"),
        MemoryLayout.paddingLayout(7),
        TConnectorAccountIdentifier.layout().withName("AccountID"),
        TConnectorOrderIdentifier.layout().withName("OrderID"),
        ProfitDLL.C_POINTER.withName("Password"),
        ProfitDLL.C_DOUBLE.withName("Price"),
        ProfitDLL.C_DOUBLE.withName("StopPrice"),
        ProfitDLL.C_LONG_LONG.withName("Quantity"),
        ProfitDLL.C_LONG_LONG.withName("MessageID")
    ).withName("TConnectorChangeOrder");

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

    private static final GroupLayout OrderID$LAYOUT = (GroupLayout)$LAYOUT.select(groupElement("OrderID"));

    /**
     * Layout for field:
     * {@snippet lang=c :
     * TConnectorOrderIdentifier OrderID;
     * }
     */
    public static final GroupLayout OrderID$layout() {
        return OrderID$LAYOUT;
    }

    private static final long OrderID$OFFSET = $LAYOUT.byteOffset(groupElement("OrderID"));

    /**
     * Offset for field:
     * {@snippet lang=c :
     * TConnectorOrderIdentifier OrderID;
     * }
     */
    public static final long OrderID$offset() {
        return OrderID$OFFSET;
    }

    /**
     * Getter for field, a slice of {@code struct}:
     * {@snippet lang=c :
     * TConnectorOrderIdentifier OrderID;
     * }
     */
    public static MemorySegment OrderID(MemorySegment struct) {
        return struct.asSlice(OrderID$OFFSET, OrderID$LAYOUT.byteSize());
    }

    /**
     * Setter for field (copies {@code fieldValue} in):
     * {@snippet lang=c :
     * TConnectorOrderIdentifier OrderID;
     * }
     */
    public static void OrderID(MemorySegment struct, MemorySegment fieldValue) {
        MemorySegment.copy(fieldValue, 0L, struct, OrderID$OFFSET, OrderID$LAYOUT.byteSize());
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

    private static final OfDouble StopPrice$LAYOUT = (OfDouble)$LAYOUT.select(groupElement("StopPrice"));

    /**
     * Layout for field:
     * {@snippet lang=c :
     * double StopPrice;
     * }
     */
    public static final OfDouble StopPrice$layout() {
        return StopPrice$LAYOUT;
    }

    private static final long StopPrice$OFFSET = $LAYOUT.byteOffset(groupElement("StopPrice"));

    /**
     * Offset for field:
     * {@snippet lang=c :
     * double StopPrice;
     * }
     */
    public static final long StopPrice$offset() {
        return StopPrice$OFFSET;
    }

    /**
     * Getter for field:
     * {@snippet lang=c :
     * double StopPrice;
     * }
     */
    public static double StopPrice(MemorySegment struct) {
        return struct.get(StopPrice$LAYOUT, StopPrice$OFFSET);
    }

    /**
     * Setter for field:
     * {@snippet lang=c :
     * double StopPrice;
     * }
     */
    public static void StopPrice(MemorySegment struct, double fieldValue) {
        struct.set(StopPrice$LAYOUT, StopPrice$OFFSET, fieldValue);
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

    private static final OfLong MessageID$LAYOUT = (OfLong)$LAYOUT.select(groupElement("MessageID"));

    /**
     * Layout for field:
     * {@snippet lang=c :
     * int64_t MessageID;
     * }
     */
    public static final OfLong MessageID$layout() {
        return MessageID$LAYOUT;
    }

    private static final long MessageID$OFFSET = $LAYOUT.byteOffset(groupElement("MessageID"));

    /**
     * Offset for field:
     * {@snippet lang=c :
     * int64_t MessageID;
     * }
     */
    public static final long MessageID$offset() {
        return MessageID$OFFSET;
    }

    /**
     * Getter for field (V1, OUT):
     * {@snippet lang=c :
     * int64_t MessageID;
     * }
     */
    public static long MessageID(MemorySegment struct) {
        return struct.get(MessageID$LAYOUT, MessageID$OFFSET);
    }

    /**
     * Setter for field (V1, OUT):
     * {@snippet lang=c :
     * int64_t MessageID;
     * }
     */
    public static void MessageID(MemorySegment struct, long fieldValue) {
        struct.set(MessageID$LAYOUT, MessageID$OFFSET, fieldValue);
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
