// Generated shape: jextract 22+ output for dll-gateway/native/profitdll.h (see
// dll-gateway/native/jextract/). Do not edit by hand; regenerate.

package blackbox.gateway.ffm;

import java.lang.invoke.*;
import java.lang.foreign.*;
import java.util.function.*;

import static java.lang.foreign.ValueLayout.*;
import static java.lang.foreign.MemoryLayout.PathElement.*;

/**
 * In/out record of {@code GetOrderDetails}: set {@code Version} and {@code OrderID}; the account strings are
 * inline, the asset strings and {@code TextMessage} two-pass.
 * <p>
 * x64 size 640, alignment 8. Accessors are plain memory reads and writes; any thread may
 * call them on a segment it may access. Strings are {@code char16_t} (UTF-16LE, NUL-terminated).
 * {@snippet lang=c :
 * typedef struct TConnectorOrderOut {
 *     uint8_t Version;
 *     TConnectorOrderIdentifier OrderID;
 *     TConnectorAccountIdentifierOut AccountID;
 *     TConnectorAssetIdentifierOut AssetID;
 *     int64_t Quantity;
 *     int64_t TradedQuantity;
 *     int64_t LeavesQuantity;
 *     double Price;
 *     double StopPrice;
 *     double AveragePrice;
 *     uint8_t OrderSide;
 *     uint8_t OrderType;
 *     uint8_t OrderStatus;
 *     uint8_t ValidityType;
 *     TSystemTime Date;
 *     TSystemTime LastUpdate;
 *     TSystemTime CloseDate;
 *     TSystemTime ValidityDate;
 *     PDLL_WCHAR *TextMessage;
 *     int32_t TextMessageLength;
 *     int64_t EventID;
 * } TConnectorOrderOut
 * }
 */
@SuppressWarnings("restricted")
public class TConnectorOrderOut {

    TConnectorOrderOut() {
        // Should not be called directly
    }

    private static final GroupLayout $LAYOUT = MemoryLayout.structLayout(
        ProfitDLL.C_CHAR.withName("Version"),
        MemoryLayout.paddingLayout(7),
        TConnectorOrderIdentifier.layout().withName("OrderID"),
        TConnectorAccountIdentifierOut.layout().withName("AccountID"),
        TConnectorAssetIdentifierOut.layout().withName("AssetID"),
        ProfitDLL.C_LONG_LONG.withName("Quantity"),
        ProfitDLL.C_LONG_LONG.withName("TradedQuantity"),
        ProfitDLL.C_LONG_LONG.withName("LeavesQuantity"),
        ProfitDLL.C_DOUBLE.withName("Price"),
        ProfitDLL.C_DOUBLE.withName("StopPrice"),
        ProfitDLL.C_DOUBLE.withName("AveragePrice"),
        ProfitDLL.C_CHAR.withName("OrderSide"),
        ProfitDLL.C_CHAR.withName("OrderType"),
        ProfitDLL.C_CHAR.withName("OrderStatus"),
        ProfitDLL.C_CHAR.withName("ValidityType"),
        TSystemTime.layout().withName("Date"),
        TSystemTime.layout().withName("LastUpdate"),
        TSystemTime.layout().withName("CloseDate"),
        TSystemTime.layout().withName("ValidityDate"),
        MemoryLayout.paddingLayout(4),
        ProfitDLL.C_POINTER.withName("TextMessage"),
        ProfitDLL.C_INT.withName("TextMessageLength"),
        MemoryLayout.paddingLayout(4),
        ProfitDLL.C_LONG_LONG.withName("EventID")
    ).withName("TConnectorOrderOut");

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
     * Getter for field (IN), a slice of {@code struct}:
     * {@snippet lang=c :
     * TConnectorOrderIdentifier OrderID;
     * }
     */
    public static MemorySegment OrderID(MemorySegment struct) {
        return struct.asSlice(OrderID$OFFSET, OrderID$LAYOUT.byteSize());
    }

    /**
     * Setter for field (IN) (copies {@code fieldValue} in):
     * {@snippet lang=c :
     * TConnectorOrderIdentifier OrderID;
     * }
     */
    public static void OrderID(MemorySegment struct, MemorySegment fieldValue) {
        MemorySegment.copy(fieldValue, 0L, struct, OrderID$OFFSET, OrderID$LAYOUT.byteSize());
    }

    private static final GroupLayout AccountID$LAYOUT = (GroupLayout)$LAYOUT.select(groupElement("AccountID"));

    /**
     * Layout for field:
     * {@snippet lang=c :
     * TConnectorAccountIdentifierOut AccountID;
     * }
     */
    public static final GroupLayout AccountID$layout() {
        return AccountID$LAYOUT;
    }

    private static final long AccountID$OFFSET = $LAYOUT.byteOffset(groupElement("AccountID"));

    /**
     * Offset for field:
     * {@snippet lang=c :
     * TConnectorAccountIdentifierOut AccountID;
     * }
     */
    public static final long AccountID$offset() {
        return AccountID$OFFSET;
    }

    /**
     * Getter for field (inline strings), a slice of {@code struct}:
     * {@snippet lang=c :
     * TConnectorAccountIdentifierOut AccountID;
     * }
     */
    public static MemorySegment AccountID(MemorySegment struct) {
        return struct.asSlice(AccountID$OFFSET, AccountID$LAYOUT.byteSize());
    }

    /**
     * Setter for field (inline strings) (copies {@code fieldValue} in):
     * {@snippet lang=c :
     * TConnectorAccountIdentifierOut AccountID;
     * }
     */
    public static void AccountID(MemorySegment struct, MemorySegment fieldValue) {
        MemorySegment.copy(fieldValue, 0L, struct, AccountID$OFFSET, AccountID$LAYOUT.byteSize());
    }

    private static final GroupLayout AssetID$LAYOUT = (GroupLayout)$LAYOUT.select(groupElement("AssetID"));

    /**
     * Layout for field:
     * {@snippet lang=c :
     * TConnectorAssetIdentifierOut AssetID;
     * }
     */
    public static final GroupLayout AssetID$layout() {
        return AssetID$LAYOUT;
    }

    private static final long AssetID$OFFSET = $LAYOUT.byteOffset(groupElement("AssetID"));

    /**
     * Offset for field:
     * {@snippet lang=c :
     * TConnectorAssetIdentifierOut AssetID;
     * }
     */
    public static final long AssetID$offset() {
        return AssetID$OFFSET;
    }

    /**
     * Getter for field (two-pass), a slice of {@code struct}:
     * {@snippet lang=c :
     * TConnectorAssetIdentifierOut AssetID;
     * }
     */
    public static MemorySegment AssetID(MemorySegment struct) {
        return struct.asSlice(AssetID$OFFSET, AssetID$LAYOUT.byteSize());
    }

    /**
     * Setter for field (two-pass) (copies {@code fieldValue} in):
     * {@snippet lang=c :
     * TConnectorAssetIdentifierOut AssetID;
     * }
     */
    public static void AssetID(MemorySegment struct, MemorySegment fieldValue) {
        MemorySegment.copy(fieldValue, 0L, struct, AssetID$OFFSET, AssetID$LAYOUT.byteSize());
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

    private static final OfLong TradedQuantity$LAYOUT = (OfLong)$LAYOUT.select(groupElement("TradedQuantity"));

    /**
     * Layout for field:
     * {@snippet lang=c :
     * int64_t TradedQuantity;
     * }
     */
    public static final OfLong TradedQuantity$layout() {
        return TradedQuantity$LAYOUT;
    }

    private static final long TradedQuantity$OFFSET = $LAYOUT.byteOffset(groupElement("TradedQuantity"));

    /**
     * Offset for field:
     * {@snippet lang=c :
     * int64_t TradedQuantity;
     * }
     */
    public static final long TradedQuantity$offset() {
        return TradedQuantity$OFFSET;
    }

    /**
     * Getter for field:
     * {@snippet lang=c :
     * int64_t TradedQuantity;
     * }
     */
    public static long TradedQuantity(MemorySegment struct) {
        return struct.get(TradedQuantity$LAYOUT, TradedQuantity$OFFSET);
    }

    /**
     * Setter for field:
     * {@snippet lang=c :
     * int64_t TradedQuantity;
     * }
     */
    public static void TradedQuantity(MemorySegment struct, long fieldValue) {
        struct.set(TradedQuantity$LAYOUT, TradedQuantity$OFFSET, fieldValue);
    }

    private static final OfLong LeavesQuantity$LAYOUT = (OfLong)$LAYOUT.select(groupElement("LeavesQuantity"));

    /**
     * Layout for field:
     * {@snippet lang=c :
     * int64_t LeavesQuantity;
     * }
     */
    public static final OfLong LeavesQuantity$layout() {
        return LeavesQuantity$LAYOUT;
    }

    private static final long LeavesQuantity$OFFSET = $LAYOUT.byteOffset(groupElement("LeavesQuantity"));

    /**
     * Offset for field:
     * {@snippet lang=c :
     * int64_t LeavesQuantity;
     * }
     */
    public static final long LeavesQuantity$offset() {
        return LeavesQuantity$OFFSET;
    }

    /**
     * Getter for field:
     * {@snippet lang=c :
     * int64_t LeavesQuantity;
     * }
     */
    public static long LeavesQuantity(MemorySegment struct) {
        return struct.get(LeavesQuantity$LAYOUT, LeavesQuantity$OFFSET);
    }

    /**
     * Setter for field:
     * {@snippet lang=c :
     * int64_t LeavesQuantity;
     * }
     */
    public static void LeavesQuantity(MemorySegment struct, long fieldValue) {
        struct.set(LeavesQuantity$LAYOUT, LeavesQuantity$OFFSET, fieldValue);
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

    private static final OfDouble AveragePrice$LAYOUT = (OfDouble)$LAYOUT.select(groupElement("AveragePrice"));

    /**
     * Layout for field:
     * {@snippet lang=c :
     * double AveragePrice;
     * }
     */
    public static final OfDouble AveragePrice$layout() {
        return AveragePrice$LAYOUT;
    }

    private static final long AveragePrice$OFFSET = $LAYOUT.byteOffset(groupElement("AveragePrice"));

    /**
     * Offset for field:
     * {@snippet lang=c :
     * double AveragePrice;
     * }
     */
    public static final long AveragePrice$offset() {
        return AveragePrice$OFFSET;
    }

    /**
     * Getter for field:
     * {@snippet lang=c :
     * double AveragePrice;
     * }
     */
    public static double AveragePrice(MemorySegment struct) {
        return struct.get(AveragePrice$LAYOUT, AveragePrice$OFFSET);
    }

    /**
     * Setter for field:
     * {@snippet lang=c :
     * double AveragePrice;
     * }
     */
    public static void AveragePrice(MemorySegment struct, double fieldValue) {
        struct.set(AveragePrice$LAYOUT, AveragePrice$OFFSET, fieldValue);
    }

    private static final OfByte OrderSide$LAYOUT = (OfByte)$LAYOUT.select(groupElement("OrderSide"));

    /**
     * Layout for field:
     * {@snippet lang=c :
     * uint8_t OrderSide;
     * }
     */
    public static final OfByte OrderSide$layout() {
        return OrderSide$LAYOUT;
    }

    private static final long OrderSide$OFFSET = $LAYOUT.byteOffset(groupElement("OrderSide"));

    /**
     * Offset for field:
     * {@snippet lang=c :
     * uint8_t OrderSide;
     * }
     */
    public static final long OrderSide$offset() {
        return OrderSide$OFFSET;
    }

    /**
     * Getter for field:
     * {@snippet lang=c :
     * uint8_t OrderSide;
     * }
     */
    public static byte OrderSide(MemorySegment struct) {
        return struct.get(OrderSide$LAYOUT, OrderSide$OFFSET);
    }

    /**
     * Setter for field:
     * {@snippet lang=c :
     * uint8_t OrderSide;
     * }
     */
    public static void OrderSide(MemorySegment struct, byte fieldValue) {
        struct.set(OrderSide$LAYOUT, OrderSide$OFFSET, fieldValue);
    }

    private static final OfByte OrderType$LAYOUT = (OfByte)$LAYOUT.select(groupElement("OrderType"));

    /**
     * Layout for field:
     * {@snippet lang=c :
     * uint8_t OrderType;
     * }
     */
    public static final OfByte OrderType$layout() {
        return OrderType$LAYOUT;
    }

    private static final long OrderType$OFFSET = $LAYOUT.byteOffset(groupElement("OrderType"));

    /**
     * Offset for field:
     * {@snippet lang=c :
     * uint8_t OrderType;
     * }
     */
    public static final long OrderType$offset() {
        return OrderType$OFFSET;
    }

    /**
     * Getter for field:
     * {@snippet lang=c :
     * uint8_t OrderType;
     * }
     */
    public static byte OrderType(MemorySegment struct) {
        return struct.get(OrderType$LAYOUT, OrderType$OFFSET);
    }

    /**
     * Setter for field:
     * {@snippet lang=c :
     * uint8_t OrderType;
     * }
     */
    public static void OrderType(MemorySegment struct, byte fieldValue) {
        struct.set(OrderType$LAYOUT, OrderType$OFFSET, fieldValue);
    }

    private static final OfByte OrderStatus$LAYOUT = (OfByte)$LAYOUT.select(groupElement("OrderStatus"));

    /**
     * Layout for field:
     * {@snippet lang=c :
     * uint8_t OrderStatus;
     * }
     */
    public static final OfByte OrderStatus$layout() {
        return OrderStatus$LAYOUT;
    }

    private static final long OrderStatus$OFFSET = $LAYOUT.byteOffset(groupElement("OrderStatus"));

    /**
     * Offset for field:
     * {@snippet lang=c :
     * uint8_t OrderStatus;
     * }
     */
    public static final long OrderStatus$offset() {
        return OrderStatus$OFFSET;
    }

    /**
     * Getter for field:
     * {@snippet lang=c :
     * uint8_t OrderStatus;
     * }
     */
    public static byte OrderStatus(MemorySegment struct) {
        return struct.get(OrderStatus$LAYOUT, OrderStatus$OFFSET);
    }

    /**
     * Setter for field:
     * {@snippet lang=c :
     * uint8_t OrderStatus;
     * }
     */
    public static void OrderStatus(MemorySegment struct, byte fieldValue) {
        struct.set(OrderStatus$LAYOUT, OrderStatus$OFFSET, fieldValue);
    }

    private static final OfByte ValidityType$LAYOUT = (OfByte)$LAYOUT.select(groupElement("ValidityType"));

    /**
     * Layout for field:
     * {@snippet lang=c :
     * uint8_t ValidityType;
     * }
     */
    public static final OfByte ValidityType$layout() {
        return ValidityType$LAYOUT;
    }

    private static final long ValidityType$OFFSET = $LAYOUT.byteOffset(groupElement("ValidityType"));

    /**
     * Offset for field:
     * {@snippet lang=c :
     * uint8_t ValidityType;
     * }
     */
    public static final long ValidityType$offset() {
        return ValidityType$OFFSET;
    }

    /**
     * Getter for field:
     * {@snippet lang=c :
     * uint8_t ValidityType;
     * }
     */
    public static byte ValidityType(MemorySegment struct) {
        return struct.get(ValidityType$LAYOUT, ValidityType$OFFSET);
    }

    /**
     * Setter for field:
     * {@snippet lang=c :
     * uint8_t ValidityType;
     * }
     */
    public static void ValidityType(MemorySegment struct, byte fieldValue) {
        struct.set(ValidityType$LAYOUT, ValidityType$OFFSET, fieldValue);
    }

    private static final GroupLayout Date$LAYOUT = (GroupLayout)$LAYOUT.select(groupElement("Date"));

    /**
     * Layout for field:
     * {@snippet lang=c :
     * TSystemTime Date;
     * }
     */
    public static final GroupLayout Date$layout() {
        return Date$LAYOUT;
    }

    private static final long Date$OFFSET = $LAYOUT.byteOffset(groupElement("Date"));

    /**
     * Offset for field:
     * {@snippet lang=c :
     * TSystemTime Date;
     * }
     */
    public static final long Date$offset() {
        return Date$OFFSET;
    }

    /**
     * Getter for field, a slice of {@code struct}:
     * {@snippet lang=c :
     * TSystemTime Date;
     * }
     */
    public static MemorySegment Date(MemorySegment struct) {
        return struct.asSlice(Date$OFFSET, Date$LAYOUT.byteSize());
    }

    /**
     * Setter for field (copies {@code fieldValue} in):
     * {@snippet lang=c :
     * TSystemTime Date;
     * }
     */
    public static void Date(MemorySegment struct, MemorySegment fieldValue) {
        MemorySegment.copy(fieldValue, 0L, struct, Date$OFFSET, Date$LAYOUT.byteSize());
    }

    private static final GroupLayout LastUpdate$LAYOUT = (GroupLayout)$LAYOUT.select(groupElement("LastUpdate"));

    /**
     * Layout for field:
     * {@snippet lang=c :
     * TSystemTime LastUpdate;
     * }
     */
    public static final GroupLayout LastUpdate$layout() {
        return LastUpdate$LAYOUT;
    }

    private static final long LastUpdate$OFFSET = $LAYOUT.byteOffset(groupElement("LastUpdate"));

    /**
     * Offset for field:
     * {@snippet lang=c :
     * TSystemTime LastUpdate;
     * }
     */
    public static final long LastUpdate$offset() {
        return LastUpdate$OFFSET;
    }

    /**
     * Getter for field, a slice of {@code struct}:
     * {@snippet lang=c :
     * TSystemTime LastUpdate;
     * }
     */
    public static MemorySegment LastUpdate(MemorySegment struct) {
        return struct.asSlice(LastUpdate$OFFSET, LastUpdate$LAYOUT.byteSize());
    }

    /**
     * Setter for field (copies {@code fieldValue} in):
     * {@snippet lang=c :
     * TSystemTime LastUpdate;
     * }
     */
    public static void LastUpdate(MemorySegment struct, MemorySegment fieldValue) {
        MemorySegment.copy(fieldValue, 0L, struct, LastUpdate$OFFSET, LastUpdate$LAYOUT.byteSize());
    }

    private static final GroupLayout CloseDate$LAYOUT = (GroupLayout)$LAYOUT.select(groupElement("CloseDate"));

    /**
     * Layout for field:
     * {@snippet lang=c :
     * TSystemTime CloseDate;
     * }
     */
    public static final GroupLayout CloseDate$layout() {
        return CloseDate$LAYOUT;
    }

    private static final long CloseDate$OFFSET = $LAYOUT.byteOffset(groupElement("CloseDate"));

    /**
     * Offset for field:
     * {@snippet lang=c :
     * TSystemTime CloseDate;
     * }
     */
    public static final long CloseDate$offset() {
        return CloseDate$OFFSET;
    }

    /**
     * Getter for field, a slice of {@code struct}:
     * {@snippet lang=c :
     * TSystemTime CloseDate;
     * }
     */
    public static MemorySegment CloseDate(MemorySegment struct) {
        return struct.asSlice(CloseDate$OFFSET, CloseDate$LAYOUT.byteSize());
    }

    /**
     * Setter for field (copies {@code fieldValue} in):
     * {@snippet lang=c :
     * TSystemTime CloseDate;
     * }
     */
    public static void CloseDate(MemorySegment struct, MemorySegment fieldValue) {
        MemorySegment.copy(fieldValue, 0L, struct, CloseDate$OFFSET, CloseDate$LAYOUT.byteSize());
    }

    private static final GroupLayout ValidityDate$LAYOUT = (GroupLayout)$LAYOUT.select(groupElement("ValidityDate"));

    /**
     * Layout for field:
     * {@snippet lang=c :
     * TSystemTime ValidityDate;
     * }
     */
    public static final GroupLayout ValidityDate$layout() {
        return ValidityDate$LAYOUT;
    }

    private static final long ValidityDate$OFFSET = $LAYOUT.byteOffset(groupElement("ValidityDate"));

    /**
     * Offset for field:
     * {@snippet lang=c :
     * TSystemTime ValidityDate;
     * }
     */
    public static final long ValidityDate$offset() {
        return ValidityDate$OFFSET;
    }

    /**
     * Getter for field, a slice of {@code struct}:
     * {@snippet lang=c :
     * TSystemTime ValidityDate;
     * }
     */
    public static MemorySegment ValidityDate(MemorySegment struct) {
        return struct.asSlice(ValidityDate$OFFSET, ValidityDate$LAYOUT.byteSize());
    }

    /**
     * Setter for field (copies {@code fieldValue} in):
     * {@snippet lang=c :
     * TSystemTime ValidityDate;
     * }
     */
    public static void ValidityDate(MemorySegment struct, MemorySegment fieldValue) {
        MemorySegment.copy(fieldValue, 0L, struct, ValidityDate$OFFSET, ValidityDate$LAYOUT.byteSize());
    }

    private static final AddressLayout TextMessage$LAYOUT = (AddressLayout)$LAYOUT.select(groupElement("TextMessage"));

    /**
     * Layout for field:
     * {@snippet lang=c :
     * PDLL_WCHAR *TextMessage;
     * }
     */
    public static final AddressLayout TextMessage$layout() {
        return TextMessage$LAYOUT;
    }

    private static final long TextMessage$OFFSET = $LAYOUT.byteOffset(groupElement("TextMessage"));

    /**
     * Offset for field:
     * {@snippet lang=c :
     * PDLL_WCHAR *TextMessage;
     * }
     */
    public static final long TextMessage$offset() {
        return TextMessage$OFFSET;
    }

    /**
     * Getter for field (two-pass):
     * {@snippet lang=c :
     * PDLL_WCHAR *TextMessage;
     * }
     */
    public static MemorySegment TextMessage(MemorySegment struct) {
        return struct.get(TextMessage$LAYOUT, TextMessage$OFFSET);
    }

    /**
     * Setter for field (two-pass):
     * {@snippet lang=c :
     * PDLL_WCHAR *TextMessage;
     * }
     */
    public static void TextMessage(MemorySegment struct, MemorySegment fieldValue) {
        struct.set(TextMessage$LAYOUT, TextMessage$OFFSET, fieldValue);
    }

    private static final OfInt TextMessageLength$LAYOUT = (OfInt)$LAYOUT.select(groupElement("TextMessageLength"));

    /**
     * Layout for field:
     * {@snippet lang=c :
     * int32_t TextMessageLength;
     * }
     */
    public static final OfInt TextMessageLength$layout() {
        return TextMessageLength$LAYOUT;
    }

    private static final long TextMessageLength$OFFSET = $LAYOUT.byteOffset(groupElement("TextMessageLength"));

    /**
     * Offset for field:
     * {@snippet lang=c :
     * int32_t TextMessageLength;
     * }
     */
    public static final long TextMessageLength$offset() {
        return TextMessageLength$OFFSET;
    }

    /**
     * Getter for field:
     * {@snippet lang=c :
     * int32_t TextMessageLength;
     * }
     */
    public static int TextMessageLength(MemorySegment struct) {
        return struct.get(TextMessageLength$LAYOUT, TextMessageLength$OFFSET);
    }

    /**
     * Setter for field:
     * {@snippet lang=c :
     * int32_t TextMessageLength;
     * }
     */
    public static void TextMessageLength(MemorySegment struct, int fieldValue) {
        struct.set(TextMessageLength$LAYOUT, TextMessageLength$OFFSET, fieldValue);
    }

    private static final OfLong EventID$LAYOUT = (OfLong)$LAYOUT.select(groupElement("EventID"));

    /**
     * Layout for field:
     * {@snippet lang=c :
     * int64_t EventID;
     * }
     */
    public static final OfLong EventID$layout() {
        return EventID$LAYOUT;
    }

    private static final long EventID$OFFSET = $LAYOUT.byteOffset(groupElement("EventID"));

    /**
     * Offset for field:
     * {@snippet lang=c :
     * int64_t EventID;
     * }
     */
    public static final long EventID$offset() {
        return EventID$OFFSET;
    }

    /**
     * Getter for field (V1):
     * {@snippet lang=c :
     * int64_t EventID;
     * }
     */
    public static long EventID(MemorySegment struct) {
        return struct.get(EventID$LAYOUT, EventID$OFFSET);
    }

    /**
     * Setter for field (V1):
     * {@snippet lang=c :
     * int64_t EventID;
     * }
     */
    public static void EventID(MemorySegment struct, long fieldValue) {
        struct.set(EventID$LAYOUT, EventID$OFFSET, fieldValue);
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
