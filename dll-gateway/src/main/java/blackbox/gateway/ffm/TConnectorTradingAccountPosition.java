// Generated shape: jextract 22+ output for dll-gateway/native/profitdll.h (see
// dll-gateway/native/jextract/). Do not edit by hand; regenerate.

package blackbox.gateway.ffm;

import java.lang.invoke.*;
import java.lang.foreign.*;
import java.util.function.*;

import static java.lang.foreign.ValueLayout.*;
import static java.lang.foreign.MemoryLayout.PathElement.*;

/**
 * In/out record of {@code GetPositionV2}: set {@code Version} (1 or 2), {@code AccountID}, {@code AssetID}
 * and {@code PositionType}; prices in the asset's price unit, quantities in shares/contracts.
 * <p>
 * x64 size 216, alignment 8. Accessors are plain memory reads and writes; any thread may
 * call them on a segment it may access. Strings are {@code char16_t} (UTF-16LE, NUL-terminated).
 * {@snippet lang=c :
 * typedef struct TConnectorTradingAccountPosition {
 *     uint8_t Version;
 *     TConnectorAccountIdentifier AccountID;
 *     TConnectorAssetIdentifier AssetID;
 *     int64_t OpenQuantity;
 *     double OpenAveragePrice;
 *     uint8_t OpenSide;
 *     double DailyAverageSellPrice;
 *     int64_t DailySellQuantity;
 *     double DailyAverageBuyPrice;
 *     int64_t DailyBuyQuantity;
 *     int64_t DailyQuantityD1;
 *     int64_t DailyQuantityD2;
 *     int64_t DailyQuantityD3;
 *     int64_t DailyQuantityBlocked;
 *     int64_t DailyQuantityPending;
 *     int64_t DailyQuantityAlloc;
 *     int64_t DailyQuantityProvision;
 *     int64_t DailyQuantity;
 *     int64_t DailyQuantityAvailable;
 *     uint8_t PositionType;
 *     int64_t EventID;
 * } TConnectorTradingAccountPosition
 * }
 */
@SuppressWarnings("restricted")
public class TConnectorTradingAccountPosition {

    TConnectorTradingAccountPosition() {
        // Should not be called directly
    }

    private static final GroupLayout $LAYOUT = MemoryLayout.structLayout(
        ProfitDLL.C_CHAR.withName("Version"),
        MemoryLayout.paddingLayout(7),
        TConnectorAccountIdentifier.layout().withName("AccountID"),
        TConnectorAssetIdentifier.layout().withName("AssetID"),
        ProfitDLL.C_LONG_LONG.withName("OpenQuantity"),
        ProfitDLL.C_DOUBLE.withName("OpenAveragePrice"),
        ProfitDLL.C_CHAR.withName("OpenSide"),
        MemoryLayout.paddingLayout(7),
        ProfitDLL.C_DOUBLE.withName("DailyAverageSellPrice"),
        ProfitDLL.C_LONG_LONG.withName("DailySellQuantity"),
        ProfitDLL.C_DOUBLE.withName("DailyAverageBuyPrice"),
        ProfitDLL.C_LONG_LONG.withName("DailyBuyQuantity"),
        ProfitDLL.C_LONG_LONG.withName("DailyQuantityD1"),
        ProfitDLL.C_LONG_LONG.withName("DailyQuantityD2"),
        ProfitDLL.C_LONG_LONG.withName("DailyQuantityD3"),
        ProfitDLL.C_LONG_LONG.withName("DailyQuantityBlocked"),
        ProfitDLL.C_LONG_LONG.withName("DailyQuantityPending"),
        ProfitDLL.C_LONG_LONG.withName("DailyQuantityAlloc"),
        ProfitDLL.C_LONG_LONG.withName("DailyQuantityProvision"),
        ProfitDLL.C_LONG_LONG.withName("DailyQuantity"),
        ProfitDLL.C_LONG_LONG.withName("DailyQuantityAvailable"),
        ProfitDLL.C_CHAR.withName("PositionType"),
        MemoryLayout.paddingLayout(7),
        ProfitDLL.C_LONG_LONG.withName("EventID")
    ).withName("TConnectorTradingAccountPosition");

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
     * Getter for field (1 or 2):
     * {@snippet lang=c :
     * uint8_t Version;
     * }
     */
    public static byte Version(MemorySegment struct) {
        return struct.get(Version$LAYOUT, Version$OFFSET);
    }

    /**
     * Setter for field (1 or 2):
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
     * Getter for field (IN), a slice of {@code struct}:
     * {@snippet lang=c :
     * TConnectorAssetIdentifier AssetID;
     * }
     */
    public static MemorySegment AssetID(MemorySegment struct) {
        return struct.asSlice(AssetID$OFFSET, AssetID$LAYOUT.byteSize());
    }

    /**
     * Setter for field (IN) (copies {@code fieldValue} in):
     * {@snippet lang=c :
     * TConnectorAssetIdentifier AssetID;
     * }
     */
    public static void AssetID(MemorySegment struct, MemorySegment fieldValue) {
        MemorySegment.copy(fieldValue, 0L, struct, AssetID$OFFSET, AssetID$LAYOUT.byteSize());
    }

    private static final OfLong OpenQuantity$LAYOUT = (OfLong)$LAYOUT.select(groupElement("OpenQuantity"));

    /**
     * Layout for field:
     * {@snippet lang=c :
     * int64_t OpenQuantity;
     * }
     */
    public static final OfLong OpenQuantity$layout() {
        return OpenQuantity$LAYOUT;
    }

    private static final long OpenQuantity$OFFSET = $LAYOUT.byteOffset(groupElement("OpenQuantity"));

    /**
     * Offset for field:
     * {@snippet lang=c :
     * int64_t OpenQuantity;
     * }
     */
    public static final long OpenQuantity$offset() {
        return OpenQuantity$OFFSET;
    }

    /**
     * Getter for field:
     * {@snippet lang=c :
     * int64_t OpenQuantity;
     * }
     */
    public static long OpenQuantity(MemorySegment struct) {
        return struct.get(OpenQuantity$LAYOUT, OpenQuantity$OFFSET);
    }

    /**
     * Setter for field:
     * {@snippet lang=c :
     * int64_t OpenQuantity;
     * }
     */
    public static void OpenQuantity(MemorySegment struct, long fieldValue) {
        struct.set(OpenQuantity$LAYOUT, OpenQuantity$OFFSET, fieldValue);
    }

    private static final OfDouble OpenAveragePrice$LAYOUT = (OfDouble)$LAYOUT.select(groupElement("OpenAveragePrice"));

    /**
     * Layout for field:
     * {@snippet lang=c :
     * double OpenAveragePrice;
     * }
     */
    public static final OfDouble OpenAveragePrice$layout() {
        return OpenAveragePrice$LAYOUT;
    }

    private static final long OpenAveragePrice$OFFSET = $LAYOUT.byteOffset(groupElement("OpenAveragePrice"));

    /**
     * Offset for field:
     * {@snippet lang=c :
     * double OpenAveragePrice;
     * }
     */
    public static final long OpenAveragePrice$offset() {
        return OpenAveragePrice$OFFSET;
    }

    /**
     * Getter for field:
     * {@snippet lang=c :
     * double OpenAveragePrice;
     * }
     */
    public static double OpenAveragePrice(MemorySegment struct) {
        return struct.get(OpenAveragePrice$LAYOUT, OpenAveragePrice$OFFSET);
    }

    /**
     * Setter for field:
     * {@snippet lang=c :
     * double OpenAveragePrice;
     * }
     */
    public static void OpenAveragePrice(MemorySegment struct, double fieldValue) {
        struct.set(OpenAveragePrice$LAYOUT, OpenAveragePrice$OFFSET, fieldValue);
    }

    private static final OfByte OpenSide$LAYOUT = (OfByte)$LAYOUT.select(groupElement("OpenSide"));

    /**
     * Layout for field:
     * {@snippet lang=c :
     * uint8_t OpenSide;
     * }
     */
    public static final OfByte OpenSide$layout() {
        return OpenSide$LAYOUT;
    }

    private static final long OpenSide$OFFSET = $LAYOUT.byteOffset(groupElement("OpenSide"));

    /**
     * Offset for field:
     * {@snippet lang=c :
     * uint8_t OpenSide;
     * }
     */
    public static final long OpenSide$offset() {
        return OpenSide$OFFSET;
    }

    /**
     * Getter for field:
     * {@snippet lang=c :
     * uint8_t OpenSide;
     * }
     */
    public static byte OpenSide(MemorySegment struct) {
        return struct.get(OpenSide$LAYOUT, OpenSide$OFFSET);
    }

    /**
     * Setter for field:
     * {@snippet lang=c :
     * uint8_t OpenSide;
     * }
     */
    public static void OpenSide(MemorySegment struct, byte fieldValue) {
        struct.set(OpenSide$LAYOUT, OpenSide$OFFSET, fieldValue);
    }

    private static final OfDouble DailyAverageSellPrice$LAYOUT = (OfDouble)$LAYOUT.select(groupElement("DailyAverageSellPrice"));

    /**
     * Layout for field:
     * {@snippet lang=c :
     * double DailyAverageSellPrice;
     * }
     */
    public static final OfDouble DailyAverageSellPrice$layout() {
        return DailyAverageSellPrice$LAYOUT;
    }

    private static final long DailyAverageSellPrice$OFFSET = $LAYOUT.byteOffset(groupElement("DailyAverageSellPrice"));

    /**
     * Offset for field:
     * {@snippet lang=c :
     * double DailyAverageSellPrice;
     * }
     */
    public static final long DailyAverageSellPrice$offset() {
        return DailyAverageSellPrice$OFFSET;
    }

    /**
     * Getter for field:
     * {@snippet lang=c :
     * double DailyAverageSellPrice;
     * }
     */
    public static double DailyAverageSellPrice(MemorySegment struct) {
        return struct.get(DailyAverageSellPrice$LAYOUT, DailyAverageSellPrice$OFFSET);
    }

    /**
     * Setter for field:
     * {@snippet lang=c :
     * double DailyAverageSellPrice;
     * }
     */
    public static void DailyAverageSellPrice(MemorySegment struct, double fieldValue) {
        struct.set(DailyAverageSellPrice$LAYOUT, DailyAverageSellPrice$OFFSET, fieldValue);
    }

    private static final OfLong DailySellQuantity$LAYOUT = (OfLong)$LAYOUT.select(groupElement("DailySellQuantity"));

    /**
     * Layout for field:
     * {@snippet lang=c :
     * int64_t DailySellQuantity;
     * }
     */
    public static final OfLong DailySellQuantity$layout() {
        return DailySellQuantity$LAYOUT;
    }

    private static final long DailySellQuantity$OFFSET = $LAYOUT.byteOffset(groupElement("DailySellQuantity"));

    /**
     * Offset for field:
     * {@snippet lang=c :
     * int64_t DailySellQuantity;
     * }
     */
    public static final long DailySellQuantity$offset() {
        return DailySellQuantity$OFFSET;
    }

    /**
     * Getter for field:
     * {@snippet lang=c :
     * int64_t DailySellQuantity;
     * }
     */
    public static long DailySellQuantity(MemorySegment struct) {
        return struct.get(DailySellQuantity$LAYOUT, DailySellQuantity$OFFSET);
    }

    /**
     * Setter for field:
     * {@snippet lang=c :
     * int64_t DailySellQuantity;
     * }
     */
    public static void DailySellQuantity(MemorySegment struct, long fieldValue) {
        struct.set(DailySellQuantity$LAYOUT, DailySellQuantity$OFFSET, fieldValue);
    }

    private static final OfDouble DailyAverageBuyPrice$LAYOUT = (OfDouble)$LAYOUT.select(groupElement("DailyAverageBuyPrice"));

    /**
     * Layout for field:
     * {@snippet lang=c :
     * double DailyAverageBuyPrice;
     * }
     */
    public static final OfDouble DailyAverageBuyPrice$layout() {
        return DailyAverageBuyPrice$LAYOUT;
    }

    private static final long DailyAverageBuyPrice$OFFSET = $LAYOUT.byteOffset(groupElement("DailyAverageBuyPrice"));

    /**
     * Offset for field:
     * {@snippet lang=c :
     * double DailyAverageBuyPrice;
     * }
     */
    public static final long DailyAverageBuyPrice$offset() {
        return DailyAverageBuyPrice$OFFSET;
    }

    /**
     * Getter for field:
     * {@snippet lang=c :
     * double DailyAverageBuyPrice;
     * }
     */
    public static double DailyAverageBuyPrice(MemorySegment struct) {
        return struct.get(DailyAverageBuyPrice$LAYOUT, DailyAverageBuyPrice$OFFSET);
    }

    /**
     * Setter for field:
     * {@snippet lang=c :
     * double DailyAverageBuyPrice;
     * }
     */
    public static void DailyAverageBuyPrice(MemorySegment struct, double fieldValue) {
        struct.set(DailyAverageBuyPrice$LAYOUT, DailyAverageBuyPrice$OFFSET, fieldValue);
    }

    private static final OfLong DailyBuyQuantity$LAYOUT = (OfLong)$LAYOUT.select(groupElement("DailyBuyQuantity"));

    /**
     * Layout for field:
     * {@snippet lang=c :
     * int64_t DailyBuyQuantity;
     * }
     */
    public static final OfLong DailyBuyQuantity$layout() {
        return DailyBuyQuantity$LAYOUT;
    }

    private static final long DailyBuyQuantity$OFFSET = $LAYOUT.byteOffset(groupElement("DailyBuyQuantity"));

    /**
     * Offset for field:
     * {@snippet lang=c :
     * int64_t DailyBuyQuantity;
     * }
     */
    public static final long DailyBuyQuantity$offset() {
        return DailyBuyQuantity$OFFSET;
    }

    /**
     * Getter for field:
     * {@snippet lang=c :
     * int64_t DailyBuyQuantity;
     * }
     */
    public static long DailyBuyQuantity(MemorySegment struct) {
        return struct.get(DailyBuyQuantity$LAYOUT, DailyBuyQuantity$OFFSET);
    }

    /**
     * Setter for field:
     * {@snippet lang=c :
     * int64_t DailyBuyQuantity;
     * }
     */
    public static void DailyBuyQuantity(MemorySegment struct, long fieldValue) {
        struct.set(DailyBuyQuantity$LAYOUT, DailyBuyQuantity$OFFSET, fieldValue);
    }

    private static final OfLong DailyQuantityD1$LAYOUT = (OfLong)$LAYOUT.select(groupElement("DailyQuantityD1"));

    /**
     * Layout for field:
     * {@snippet lang=c :
     * int64_t DailyQuantityD1;
     * }
     */
    public static final OfLong DailyQuantityD1$layout() {
        return DailyQuantityD1$LAYOUT;
    }

    private static final long DailyQuantityD1$OFFSET = $LAYOUT.byteOffset(groupElement("DailyQuantityD1"));

    /**
     * Offset for field:
     * {@snippet lang=c :
     * int64_t DailyQuantityD1;
     * }
     */
    public static final long DailyQuantityD1$offset() {
        return DailyQuantityD1$OFFSET;
    }

    /**
     * Getter for field:
     * {@snippet lang=c :
     * int64_t DailyQuantityD1;
     * }
     */
    public static long DailyQuantityD1(MemorySegment struct) {
        return struct.get(DailyQuantityD1$LAYOUT, DailyQuantityD1$OFFSET);
    }

    /**
     * Setter for field:
     * {@snippet lang=c :
     * int64_t DailyQuantityD1;
     * }
     */
    public static void DailyQuantityD1(MemorySegment struct, long fieldValue) {
        struct.set(DailyQuantityD1$LAYOUT, DailyQuantityD1$OFFSET, fieldValue);
    }

    private static final OfLong DailyQuantityD2$LAYOUT = (OfLong)$LAYOUT.select(groupElement("DailyQuantityD2"));

    /**
     * Layout for field:
     * {@snippet lang=c :
     * int64_t DailyQuantityD2;
     * }
     */
    public static final OfLong DailyQuantityD2$layout() {
        return DailyQuantityD2$LAYOUT;
    }

    private static final long DailyQuantityD2$OFFSET = $LAYOUT.byteOffset(groupElement("DailyQuantityD2"));

    /**
     * Offset for field:
     * {@snippet lang=c :
     * int64_t DailyQuantityD2;
     * }
     */
    public static final long DailyQuantityD2$offset() {
        return DailyQuantityD2$OFFSET;
    }

    /**
     * Getter for field:
     * {@snippet lang=c :
     * int64_t DailyQuantityD2;
     * }
     */
    public static long DailyQuantityD2(MemorySegment struct) {
        return struct.get(DailyQuantityD2$LAYOUT, DailyQuantityD2$OFFSET);
    }

    /**
     * Setter for field:
     * {@snippet lang=c :
     * int64_t DailyQuantityD2;
     * }
     */
    public static void DailyQuantityD2(MemorySegment struct, long fieldValue) {
        struct.set(DailyQuantityD2$LAYOUT, DailyQuantityD2$OFFSET, fieldValue);
    }

    private static final OfLong DailyQuantityD3$LAYOUT = (OfLong)$LAYOUT.select(groupElement("DailyQuantityD3"));

    /**
     * Layout for field:
     * {@snippet lang=c :
     * int64_t DailyQuantityD3;
     * }
     */
    public static final OfLong DailyQuantityD3$layout() {
        return DailyQuantityD3$LAYOUT;
    }

    private static final long DailyQuantityD3$OFFSET = $LAYOUT.byteOffset(groupElement("DailyQuantityD3"));

    /**
     * Offset for field:
     * {@snippet lang=c :
     * int64_t DailyQuantityD3;
     * }
     */
    public static final long DailyQuantityD3$offset() {
        return DailyQuantityD3$OFFSET;
    }

    /**
     * Getter for field:
     * {@snippet lang=c :
     * int64_t DailyQuantityD3;
     * }
     */
    public static long DailyQuantityD3(MemorySegment struct) {
        return struct.get(DailyQuantityD3$LAYOUT, DailyQuantityD3$OFFSET);
    }

    /**
     * Setter for field:
     * {@snippet lang=c :
     * int64_t DailyQuantityD3;
     * }
     */
    public static void DailyQuantityD3(MemorySegment struct, long fieldValue) {
        struct.set(DailyQuantityD3$LAYOUT, DailyQuantityD3$OFFSET, fieldValue);
    }

    private static final OfLong DailyQuantityBlocked$LAYOUT = (OfLong)$LAYOUT.select(groupElement("DailyQuantityBlocked"));

    /**
     * Layout for field:
     * {@snippet lang=c :
     * int64_t DailyQuantityBlocked;
     * }
     */
    public static final OfLong DailyQuantityBlocked$layout() {
        return DailyQuantityBlocked$LAYOUT;
    }

    private static final long DailyQuantityBlocked$OFFSET = $LAYOUT.byteOffset(groupElement("DailyQuantityBlocked"));

    /**
     * Offset for field:
     * {@snippet lang=c :
     * int64_t DailyQuantityBlocked;
     * }
     */
    public static final long DailyQuantityBlocked$offset() {
        return DailyQuantityBlocked$OFFSET;
    }

    /**
     * Getter for field:
     * {@snippet lang=c :
     * int64_t DailyQuantityBlocked;
     * }
     */
    public static long DailyQuantityBlocked(MemorySegment struct) {
        return struct.get(DailyQuantityBlocked$LAYOUT, DailyQuantityBlocked$OFFSET);
    }

    /**
     * Setter for field:
     * {@snippet lang=c :
     * int64_t DailyQuantityBlocked;
     * }
     */
    public static void DailyQuantityBlocked(MemorySegment struct, long fieldValue) {
        struct.set(DailyQuantityBlocked$LAYOUT, DailyQuantityBlocked$OFFSET, fieldValue);
    }

    private static final OfLong DailyQuantityPending$LAYOUT = (OfLong)$LAYOUT.select(groupElement("DailyQuantityPending"));

    /**
     * Layout for field:
     * {@snippet lang=c :
     * int64_t DailyQuantityPending;
     * }
     */
    public static final OfLong DailyQuantityPending$layout() {
        return DailyQuantityPending$LAYOUT;
    }

    private static final long DailyQuantityPending$OFFSET = $LAYOUT.byteOffset(groupElement("DailyQuantityPending"));

    /**
     * Offset for field:
     * {@snippet lang=c :
     * int64_t DailyQuantityPending;
     * }
     */
    public static final long DailyQuantityPending$offset() {
        return DailyQuantityPending$OFFSET;
    }

    /**
     * Getter for field:
     * {@snippet lang=c :
     * int64_t DailyQuantityPending;
     * }
     */
    public static long DailyQuantityPending(MemorySegment struct) {
        return struct.get(DailyQuantityPending$LAYOUT, DailyQuantityPending$OFFSET);
    }

    /**
     * Setter for field:
     * {@snippet lang=c :
     * int64_t DailyQuantityPending;
     * }
     */
    public static void DailyQuantityPending(MemorySegment struct, long fieldValue) {
        struct.set(DailyQuantityPending$LAYOUT, DailyQuantityPending$OFFSET, fieldValue);
    }

    private static final OfLong DailyQuantityAlloc$LAYOUT = (OfLong)$LAYOUT.select(groupElement("DailyQuantityAlloc"));

    /**
     * Layout for field:
     * {@snippet lang=c :
     * int64_t DailyQuantityAlloc;
     * }
     */
    public static final OfLong DailyQuantityAlloc$layout() {
        return DailyQuantityAlloc$LAYOUT;
    }

    private static final long DailyQuantityAlloc$OFFSET = $LAYOUT.byteOffset(groupElement("DailyQuantityAlloc"));

    /**
     * Offset for field:
     * {@snippet lang=c :
     * int64_t DailyQuantityAlloc;
     * }
     */
    public static final long DailyQuantityAlloc$offset() {
        return DailyQuantityAlloc$OFFSET;
    }

    /**
     * Getter for field:
     * {@snippet lang=c :
     * int64_t DailyQuantityAlloc;
     * }
     */
    public static long DailyQuantityAlloc(MemorySegment struct) {
        return struct.get(DailyQuantityAlloc$LAYOUT, DailyQuantityAlloc$OFFSET);
    }

    /**
     * Setter for field:
     * {@snippet lang=c :
     * int64_t DailyQuantityAlloc;
     * }
     */
    public static void DailyQuantityAlloc(MemorySegment struct, long fieldValue) {
        struct.set(DailyQuantityAlloc$LAYOUT, DailyQuantityAlloc$OFFSET, fieldValue);
    }

    private static final OfLong DailyQuantityProvision$LAYOUT = (OfLong)$LAYOUT.select(groupElement("DailyQuantityProvision"));

    /**
     * Layout for field:
     * {@snippet lang=c :
     * int64_t DailyQuantityProvision;
     * }
     */
    public static final OfLong DailyQuantityProvision$layout() {
        return DailyQuantityProvision$LAYOUT;
    }

    private static final long DailyQuantityProvision$OFFSET = $LAYOUT.byteOffset(groupElement("DailyQuantityProvision"));

    /**
     * Offset for field:
     * {@snippet lang=c :
     * int64_t DailyQuantityProvision;
     * }
     */
    public static final long DailyQuantityProvision$offset() {
        return DailyQuantityProvision$OFFSET;
    }

    /**
     * Getter for field:
     * {@snippet lang=c :
     * int64_t DailyQuantityProvision;
     * }
     */
    public static long DailyQuantityProvision(MemorySegment struct) {
        return struct.get(DailyQuantityProvision$LAYOUT, DailyQuantityProvision$OFFSET);
    }

    /**
     * Setter for field:
     * {@snippet lang=c :
     * int64_t DailyQuantityProvision;
     * }
     */
    public static void DailyQuantityProvision(MemorySegment struct, long fieldValue) {
        struct.set(DailyQuantityProvision$LAYOUT, DailyQuantityProvision$OFFSET, fieldValue);
    }

    private static final OfLong DailyQuantity$LAYOUT = (OfLong)$LAYOUT.select(groupElement("DailyQuantity"));

    /**
     * Layout for field:
     * {@snippet lang=c :
     * int64_t DailyQuantity;
     * }
     */
    public static final OfLong DailyQuantity$layout() {
        return DailyQuantity$LAYOUT;
    }

    private static final long DailyQuantity$OFFSET = $LAYOUT.byteOffset(groupElement("DailyQuantity"));

    /**
     * Offset for field:
     * {@snippet lang=c :
     * int64_t DailyQuantity;
     * }
     */
    public static final long DailyQuantity$offset() {
        return DailyQuantity$OFFSET;
    }

    /**
     * Getter for field:
     * {@snippet lang=c :
     * int64_t DailyQuantity;
     * }
     */
    public static long DailyQuantity(MemorySegment struct) {
        return struct.get(DailyQuantity$LAYOUT, DailyQuantity$OFFSET);
    }

    /**
     * Setter for field:
     * {@snippet lang=c :
     * int64_t DailyQuantity;
     * }
     */
    public static void DailyQuantity(MemorySegment struct, long fieldValue) {
        struct.set(DailyQuantity$LAYOUT, DailyQuantity$OFFSET, fieldValue);
    }

    private static final OfLong DailyQuantityAvailable$LAYOUT = (OfLong)$LAYOUT.select(groupElement("DailyQuantityAvailable"));

    /**
     * Layout for field:
     * {@snippet lang=c :
     * int64_t DailyQuantityAvailable;
     * }
     */
    public static final OfLong DailyQuantityAvailable$layout() {
        return DailyQuantityAvailable$LAYOUT;
    }

    private static final long DailyQuantityAvailable$OFFSET = $LAYOUT.byteOffset(groupElement("DailyQuantityAvailable"));

    /**
     * Offset for field:
     * {@snippet lang=c :
     * int64_t DailyQuantityAvailable;
     * }
     */
    public static final long DailyQuantityAvailable$offset() {
        return DailyQuantityAvailable$OFFSET;
    }

    /**
     * Getter for field:
     * {@snippet lang=c :
     * int64_t DailyQuantityAvailable;
     * }
     */
    public static long DailyQuantityAvailable(MemorySegment struct) {
        return struct.get(DailyQuantityAvailable$LAYOUT, DailyQuantityAvailable$OFFSET);
    }

    /**
     * Setter for field:
     * {@snippet lang=c :
     * int64_t DailyQuantityAvailable;
     * }
     */
    public static void DailyQuantityAvailable(MemorySegment struct, long fieldValue) {
        struct.set(DailyQuantityAvailable$LAYOUT, DailyQuantityAvailable$OFFSET, fieldValue);
    }

    private static final OfByte PositionType$LAYOUT = (OfByte)$LAYOUT.select(groupElement("PositionType"));

    /**
     * Layout for field:
     * {@snippet lang=c :
     * uint8_t PositionType;
     * }
     */
    public static final OfByte PositionType$layout() {
        return PositionType$LAYOUT;
    }

    private static final long PositionType$OFFSET = $LAYOUT.byteOffset(groupElement("PositionType"));

    /**
     * Offset for field:
     * {@snippet lang=c :
     * uint8_t PositionType;
     * }
     */
    public static final long PositionType$offset() {
        return PositionType$OFFSET;
    }

    /**
     * Getter for field (V1, IN, required):
     * {@snippet lang=c :
     * uint8_t PositionType;
     * }
     */
    public static byte PositionType(MemorySegment struct) {
        return struct.get(PositionType$LAYOUT, PositionType$OFFSET);
    }

    /**
     * Setter for field (V1, IN, required):
     * {@snippet lang=c :
     * uint8_t PositionType;
     * }
     */
    public static void PositionType(MemorySegment struct, byte fieldValue) {
        struct.set(PositionType$LAYOUT, PositionType$OFFSET, fieldValue);
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
     * Getter for field (V2):
     * {@snippet lang=c :
     * int64_t EventID;
     * }
     */
    public static long EventID(MemorySegment struct) {
        return struct.get(EventID$LAYOUT, EventID$OFFSET);
    }

    /**
     * Setter for field (V2):
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
