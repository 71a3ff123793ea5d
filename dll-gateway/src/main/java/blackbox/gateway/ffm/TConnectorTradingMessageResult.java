// Generated shape: jextract 22+ output for dll-gateway/native/profitdll.h (see
// dll-gateway/native/jextract/). Do not edit by hand; regenerate.

package blackbox.gateway.ffm;

import java.lang.invoke.*;
import java.lang.foreign.*;
import java.util.function.*;

import static java.lang.foreign.ValueLayout.*;
import static java.lang.foreign.MemoryLayout.PathElement.*;

/**
 * A routing progress message ({@code MRC_*} result code) from the trading server; correlate by
 * {@code MessageID} ({@code LocalOrderID} may be 0). Valid only during the callback.
 * <p>
 * x64 size 64, alignment 8. Accessors are plain memory reads and writes; any thread may
 * call them on a segment it may access. Strings are {@code char16_t} (UTF-16LE, NUL-terminated).
 * {@snippet lang=c :
 * typedef struct TConnectorTradingMessageResult {
 *     uint8_t Version;
 *     int32_t BrokerID;
 *     TConnectorOrderIdentifier OrderID;
 *     int64_t MessageID;
 *     uint8_t ResultCode;
 *     const PDLL_WCHAR *Message;
 *     int32_t MessageLength;
 * } TConnectorTradingMessageResult
 * }
 */
@SuppressWarnings("restricted")
public class TConnectorTradingMessageResult {

    TConnectorTradingMessageResult() {
        // Should not be called directly
    }

    private static final GroupLayout $LAYOUT = MemoryLayout.structLayout(
        ProfitDLL.C_CHAR.withName("Version"),
        MemoryLayout.paddingLayout(3),
        ProfitDLL.C_INT.withName("BrokerID"),
        TConnectorOrderIdentifier.layout().withName("OrderID"),
        ProfitDLL.C_LONG_LONG.withName("MessageID"),
        ProfitDLL.C_CHAR.withName("ResultCode"),
        MemoryLayout.paddingLayout(7),
        ProfitDLL.C_POINTER.withName("Message"),
        ProfitDLL.C_INT.withName("MessageLength"),
        MemoryLayout.paddingLayout(4)
    ).withName("TConnectorTradingMessageResult");

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
     * Getter for field (LocalOrderID may be 0: correlate by MessageID), a slice of {@code struct}:
     * {@snippet lang=c :
     * TConnectorOrderIdentifier OrderID;
     * }
     */
    public static MemorySegment OrderID(MemorySegment struct) {
        return struct.asSlice(OrderID$OFFSET, OrderID$LAYOUT.byteSize());
    }

    /**
     * Setter for field (LocalOrderID may be 0: correlate by MessageID) (copies {@code fieldValue} in):
     * {@snippet lang=c :
     * TConnectorOrderIdentifier OrderID;
     * }
     */
    public static void OrderID(MemorySegment struct, MemorySegment fieldValue) {
        MemorySegment.copy(fieldValue, 0L, struct, OrderID$OFFSET, OrderID$LAYOUT.byteSize());
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
     * Getter for field:
     * {@snippet lang=c :
     * int64_t MessageID;
     * }
     */
    public static long MessageID(MemorySegment struct) {
        return struct.get(MessageID$LAYOUT, MessageID$OFFSET);
    }

    /**
     * Setter for field:
     * {@snippet lang=c :
     * int64_t MessageID;
     * }
     */
    public static void MessageID(MemorySegment struct, long fieldValue) {
        struct.set(MessageID$LAYOUT, MessageID$OFFSET, fieldValue);
    }

    private static final OfByte ResultCode$LAYOUT = (OfByte)$LAYOUT.select(groupElement("ResultCode"));

    /**
     * Layout for field:
     * {@snippet lang=c :
     * uint8_t ResultCode;
     * }
     */
    public static final OfByte ResultCode$layout() {
        return ResultCode$LAYOUT;
    }

    private static final long ResultCode$OFFSET = $LAYOUT.byteOffset(groupElement("ResultCode"));

    /**
     * Offset for field:
     * {@snippet lang=c :
     * uint8_t ResultCode;
     * }
     */
    public static final long ResultCode$offset() {
        return ResultCode$OFFSET;
    }

    /**
     * Getter for field (MRC_*):
     * {@snippet lang=c :
     * uint8_t ResultCode;
     * }
     */
    public static byte ResultCode(MemorySegment struct) {
        return struct.get(ResultCode$LAYOUT, ResultCode$OFFSET);
    }

    /**
     * Setter for field (MRC_*):
     * {@snippet lang=c :
     * uint8_t ResultCode;
     * }
     */
    public static void ResultCode(MemorySegment struct, byte fieldValue) {
        struct.set(ResultCode$LAYOUT, ResultCode$OFFSET, fieldValue);
    }

    private static final AddressLayout Message$LAYOUT = (AddressLayout)$LAYOUT.select(groupElement("Message"));

    /**
     * Layout for field:
     * {@snippet lang=c :
     * const PDLL_WCHAR *Message;
     * }
     */
    public static final AddressLayout Message$layout() {
        return Message$LAYOUT;
    }

    private static final long Message$OFFSET = $LAYOUT.byteOffset(groupElement("Message"));

    /**
     * Offset for field:
     * {@snippet lang=c :
     * const PDLL_WCHAR *Message;
     * }
     */
    public static final long Message$offset() {
        return Message$OFFSET;
    }

    /**
     * Getter for field:
     * {@snippet lang=c :
     * const PDLL_WCHAR *Message;
     * }
     */
    public static MemorySegment Message(MemorySegment struct) {
        return struct.get(Message$LAYOUT, Message$OFFSET);
    }

    /**
     * Setter for field:
     * {@snippet lang=c :
     * const PDLL_WCHAR *Message;
     * }
     */
    public static void Message(MemorySegment struct, MemorySegment fieldValue) {
        struct.set(Message$LAYOUT, Message$OFFSET, fieldValue);
    }

    private static final OfInt MessageLength$LAYOUT = (OfInt)$LAYOUT.select(groupElement("MessageLength"));

    /**
     * Layout for field:
     * {@snippet lang=c :
     * int32_t MessageLength;
     * }
     */
    public static final OfInt MessageLength$layout() {
        return MessageLength$LAYOUT;
    }

    private static final long MessageLength$OFFSET = $LAYOUT.byteOffset(groupElement("MessageLength"));

    /**
     * Offset for field:
     * {@snippet lang=c :
     * int32_t MessageLength;
     * }
     */
    public static final long MessageLength$offset() {
        return MessageLength$OFFSET;
    }

    /**
     * Getter for field:
     * {@snippet lang=c :
     * int32_t MessageLength;
     * }
     */
    public static int MessageLength(MemorySegment struct) {
        return struct.get(MessageLength$LAYOUT, MessageLength$OFFSET);
    }

    /**
     * Setter for field:
     * {@snippet lang=c :
     * int32_t MessageLength;
     * }
     */
    public static void MessageLength(MemorySegment struct, int fieldValue) {
        struct.set(MessageLength$LAYOUT, MessageLength$OFFSET, fieldValue);
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
