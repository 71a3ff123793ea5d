// Generated shape: jextract 22+ output for dll-gateway/native/profitdll.h (see
// dll-gateway/native/jextract/). Do not edit by hand; regenerate.

package blackbox.gateway.ffm;

import java.lang.invoke.*;
import java.lang.foreign.*;
import java.util.function.*;

import static java.lang.foreign.ValueLayout.*;
import static java.lang.foreign.MemoryLayout.PathElement.*;

/**
 * Win32 {@code SYSTEMTIME}: eight unsigned 16-bit fields (read them with {@link Short#toUnsignedInt}); a
 * calendar date and wall-clock time in the exchange's local time (B3: America/Sao_Paulo), milliseconds
 * resolution. 16 bytes, alignment 2.
 * <p>
 * x64 size 16, alignment 2. Accessors are plain memory reads and writes; any thread may
 * call them on a segment it may access. Strings are {@code char16_t} (UTF-16LE, NUL-terminated).
 * {@snippet lang=c :
 * typedef struct TSystemTime {
 *     uint16_t wYear;
 *     uint16_t wMonth;
 *     uint16_t wDayOfWeek;
 *     uint16_t wDay;
 *     uint16_t wHour;
 *     uint16_t wMinute;
 *     uint16_t wSecond;
 *     uint16_t wMilliseconds;
 * } TSystemTime
 * }
 */
@SuppressWarnings("restricted")
public class TSystemTime {

    TSystemTime() {
        // Should not be called directly
    }

    private static final GroupLayout $LAYOUT = MemoryLayout.structLayout(
        ProfitDLL.C_SHORT.withName("wYear"),
        ProfitDLL.C_SHORT.withName("wMonth"),
        ProfitDLL.C_SHORT.withName("wDayOfWeek"),
        ProfitDLL.C_SHORT.withName("wDay"),
        ProfitDLL.C_SHORT.withName("wHour"),
        ProfitDLL.C_SHORT.withName("wMinute"),
        ProfitDLL.C_SHORT.withName("wSecond"),
        ProfitDLL.C_SHORT.withName("wMilliseconds")
    ).withName("TSystemTime");

    /**
     * The layout of this struct
     */
    public static final GroupLayout layout() {
        return $LAYOUT;
    }

    private static final OfShort wYear$LAYOUT = (OfShort)$LAYOUT.select(groupElement("wYear"));

    /**
     * Layout for field:
     * {@snippet lang=c :
     * uint16_t wYear;
     * }
     */
    public static final OfShort wYear$layout() {
        return wYear$LAYOUT;
    }

    private static final long wYear$OFFSET = $LAYOUT.byteOffset(groupElement("wYear"));

    /**
     * Offset for field:
     * {@snippet lang=c :
     * uint16_t wYear;
     * }
     */
    public static final long wYear$offset() {
        return wYear$OFFSET;
    }

    /**
     * Getter for field:
     * {@snippet lang=c :
     * uint16_t wYear;
     * }
     */
    public static short wYear(MemorySegment struct) {
        return struct.get(wYear$LAYOUT, wYear$OFFSET);
    }

    /**
     * Setter for field:
     * {@snippet lang=c :
     * uint16_t wYear;
     * }
     */
    public static void wYear(MemorySegment struct, short fieldValue) {
        struct.set(wYear$LAYOUT, wYear$OFFSET, fieldValue);
    }

    private static final OfShort wMonth$LAYOUT = (OfShort)$LAYOUT.select(groupElement("wMonth"));

    /**
     * Layout for field:
     * {@snippet lang=c :
     * uint16_t wMonth;
     * }
     */
    public static final OfShort wMonth$layout() {
        return wMonth$LAYOUT;
    }

    private static final long wMonth$OFFSET = $LAYOUT.byteOffset(groupElement("wMonth"));

    /**
     * Offset for field:
     * {@snippet lang=c :
     * uint16_t wMonth;
     * }
     */
    public static final long wMonth$offset() {
        return wMonth$OFFSET;
    }

    /**
     * Getter for field:
     * {@snippet lang=c :
     * uint16_t wMonth;
     * }
     */
    public static short wMonth(MemorySegment struct) {
        return struct.get(wMonth$LAYOUT, wMonth$OFFSET);
    }

    /**
     * Setter for field:
     * {@snippet lang=c :
     * uint16_t wMonth;
     * }
     */
    public static void wMonth(MemorySegment struct, short fieldValue) {
        struct.set(wMonth$LAYOUT, wMonth$OFFSET, fieldValue);
    }

    private static final OfShort wDayOfWeek$LAYOUT = (OfShort)$LAYOUT.select(groupElement("wDayOfWeek"));

    /**
     * Layout for field:
     * {@snippet lang=c :
     * uint16_t wDayOfWeek;
     * }
     */
    public static final OfShort wDayOfWeek$layout() {
        return wDayOfWeek$LAYOUT;
    }

    private static final long wDayOfWeek$OFFSET = $LAYOUT.byteOffset(groupElement("wDayOfWeek"));

    /**
     * Offset for field:
     * {@snippet lang=c :
     * uint16_t wDayOfWeek;
     * }
     */
    public static final long wDayOfWeek$offset() {
        return wDayOfWeek$OFFSET;
    }

    /**
     * Getter for field:
     * {@snippet lang=c :
     * uint16_t wDayOfWeek;
     * }
     */
    public static short wDayOfWeek(MemorySegment struct) {
        return struct.get(wDayOfWeek$LAYOUT, wDayOfWeek$OFFSET);
    }

    /**
     * Setter for field:
     * {@snippet lang=c :
     * uint16_t wDayOfWeek;
     * }
     */
    public static void wDayOfWeek(MemorySegment struct, short fieldValue) {
        struct.set(wDayOfWeek$LAYOUT, wDayOfWeek$OFFSET, fieldValue);
    }

    private static final OfShort wDay$LAYOUT = (OfShort)$LAYOUT.select(groupElement("wDay"));

    /**
     * Layout for field:
     * {@snippet lang=c :
     * uint16_t wDay;
     * }
     */
    public static final OfShort wDay$layout() {
        return wDay$LAYOUT;
    }

    private static final long wDay$OFFSET = $LAYOUT.byteOffset(groupElement("wDay"));

    /**
     * Offset for field:
     * {@snippet lang=c :
     * uint16_t wDay;
     * }
     */
    public static final long wDay$offset() {
        return wDay$OFFSET;
    }

    /**
     * Getter for field:
     * {@snippet lang=c :
     * uint16_t wDay;
     * }
     */
    public static short wDay(MemorySegment struct) {
        return struct.get(wDay$LAYOUT, wDay$OFFSET);
    }

    /**
     * Setter for field:
     * {@snippet lang=c :
     * uint16_t wDay;
     * }
     */
    public static void wDay(MemorySegment struct, short fieldValue) {
        struct.set(wDay$LAYOUT, wDay$OFFSET, fieldValue);
    }

    private static final OfShort wHour$LAYOUT = (OfShort)$LAYOUT.select(groupElement("wHour"));

    /**
     * Layout for field:
     * {@snippet lang=c :
     * uint16_t wHour;
     * }
     */
    public static final OfShort wHour$layout() {
        return wHour$LAYOUT;
    }

    private static final long wHour$OFFSET = $LAYOUT.byteOffset(groupElement("wHour"));

    /**
     * Offset for field:
     * {@snippet lang=c :
     * uint16_t wHour;
     * }
     */
    public static final long wHour$offset() {
        return wHour$OFFSET;
    }

    /**
     * Getter for field:
     * {@snippet lang=c :
     * uint16_t wHour;
     * }
     */
    public static short wHour(MemorySegment struct) {
        return struct.get(wHour$LAYOUT, wHour$OFFSET);
    }

    /**
     * Setter for field:
     * {@snippet lang=c :
     * uint16_t wHour;
     * }
     */
    public static void wHour(MemorySegment struct, short fieldValue) {
        struct.set(wHour$LAYOUT, wHour$OFFSET, fieldValue);
    }

    private static final OfShort wMinute$LAYOUT = (OfShort)$LAYOUT.select(groupElement("wMinute"));

    /**
     * Layout for field:
     * {@snippet lang=c :
     * uint16_t wMinute;
     * }
     */
    public static final OfShort wMinute$layout() {
        return wMinute$LAYOUT;
    }

    private static final long wMinute$OFFSET = $LAYOUT.byteOffset(groupElement("wMinute"));

    /**
     * Offset for field:
     * {@snippet lang=c :
     * uint16_t wMinute;
     * }
     */
    public static final long wMinute$offset() {
        return wMinute$OFFSET;
    }

    /**
     * Getter for field:
     * {@snippet lang=c :
     * uint16_t wMinute;
     * }
     */
    public static short wMinute(MemorySegment struct) {
        return struct.get(wMinute$LAYOUT, wMinute$OFFSET);
    }

    /**
     * Setter for field:
     * {@snippet lang=c :
     * uint16_t wMinute;
     * }
     */
    public static void wMinute(MemorySegment struct, short fieldValue) {
        struct.set(wMinute$LAYOUT, wMinute$OFFSET, fieldValue);
    }

    private static final OfShort wSecond$LAYOUT = (OfShort)$LAYOUT.select(groupElement("wSecond"));

    /**
     * Layout for field:
     * {@snippet lang=c :
     * uint16_t wSecond;
     * }
     */
    public static final OfShort wSecond$layout() {
        return wSecond$LAYOUT;
    }

    private static final long wSecond$OFFSET = $LAYOUT.byteOffset(groupElement("wSecond"));

    /**
     * Offset for field:
     * {@snippet lang=c :
     * uint16_t wSecond;
     * }
     */
    public static final long wSecond$offset() {
        return wSecond$OFFSET;
    }

    /**
     * Getter for field:
     * {@snippet lang=c :
     * uint16_t wSecond;
     * }
     */
    public static short wSecond(MemorySegment struct) {
        return struct.get(wSecond$LAYOUT, wSecond$OFFSET);
    }

    /**
     * Setter for field:
     * {@snippet lang=c :
     * uint16_t wSecond;
     * }
     */
    public static void wSecond(MemorySegment struct, short fieldValue) {
        struct.set(wSecond$LAYOUT, wSecond$OFFSET, fieldValue);
    }

    private static final OfShort wMilliseconds$LAYOUT = (OfShort)$LAYOUT.select(groupElement("wMilliseconds"));

    /**
     * Layout for field:
     * {@snippet lang=c :
     * uint16_t wMilliseconds;
     * }
     */
    public static final OfShort wMilliseconds$layout() {
        return wMilliseconds$LAYOUT;
    }

    private static final long wMilliseconds$OFFSET = $LAYOUT.byteOffset(groupElement("wMilliseconds"));

    /**
     * Offset for field:
     * {@snippet lang=c :
     * uint16_t wMilliseconds;
     * }
     */
    public static final long wMilliseconds$offset() {
        return wMilliseconds$OFFSET;
    }

    /**
     * Getter for field:
     * {@snippet lang=c :
     * uint16_t wMilliseconds;
     * }
     */
    public static short wMilliseconds(MemorySegment struct) {
        return struct.get(wMilliseconds$LAYOUT, wMilliseconds$OFFSET);
    }

    /**
     * Setter for field:
     * {@snippet lang=c :
     * uint16_t wMilliseconds;
     * }
     */
    public static void wMilliseconds(MemorySegment struct, short fieldValue) {
        struct.set(wMilliseconds$LAYOUT, wMilliseconds$OFFSET, fieldValue);
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
