package blackbox.gateway.session;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SegmentAllocator;
import java.lang.foreign.ValueLayout;

/**
 * UTF-16LE, NUL-terminated strings, the DLL's only text encoding (profitdll-api.md §1). Never Linux's
 * 32-bit {@code wchar_t}.
 */
public final class Utf16 {
    /** Longest string read from a DLL pointer, in code units; a longer one is cut there. */
    public static final int MAX_CHARS = 4096;

    private Utf16() {
    }

    /** Allocates {@code text} as a NUL-terminated UTF-16 string. */
    public static MemorySegment allocate(SegmentAllocator allocator, String text) {
        MemorySegment segment = allocator.allocate(ValueLayout.JAVA_CHAR, text.length() + 1L);
        for (int i = 0; i < text.length(); i++) {
            segment.setAtIndex(ValueLayout.JAVA_CHAR, i, text.charAt(i));
        }
        segment.setAtIndex(ValueLayout.JAVA_CHAR, text.length(), '\0');
        return segment;
    }

    /** Reads a NUL-terminated UTF-16 string; {@code null} for a NULL pointer. */
    public static String read(MemorySegment pointer) {
        if (pointer == null || pointer.equals(MemorySegment.NULL)) return null;
        MemorySegment s = pointer.reinterpret(2L * MAX_CHARS);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < MAX_CHARS; i++) {
            char c = s.getAtIndex(ValueLayout.JAVA_CHAR, i);
            if (c == 0) break;
            sb.append(c);
        }
        return sb.toString();
    }

    private static final ValueLayout.OfLong WORD = ValueLayout.JAVA_LONG.withOrder(java.nio.ByteOrder.LITTLE_ENDIAN);

    /**
     * Reads into {@code buffer}; returns the length, or -1 for a NULL pointer. Cut at the buffer's length.
     *
     * <p>The callback hot path: it loads aligned 8-byte words (four UTF-16 code units each) instead of one unit
     * at a time. An aligned word that holds at least one byte of the string never crosses a page boundary, so
     * this touches no memory the string's own pages do not hold — the classic word-at-a-time strlen argument.
     */
    static int readInto(MemorySegment pointer, char[] buffer) {
        long address = pointer.address();
        if (address == 0) return -1;
        if ((address & 1) != 0) return readIntoByUnit(pointer, buffer); // a char16_t is 2-aligned; be safe anyway
        long base = address & ~7L;
        int skip = (int) ((address - base) >>> 1);
        MemorySegment words = MemorySegment.ofAddress(base).reinterpret(8L * (buffer.length / 4 + 2));
        int n = 0;
        for (long offset = 0; ; offset += 8) {
            long word = words.get(WORD, offset);
            for (int k = offset == 0 ? skip : 0; k < 4; k++) {
                char c = (char) (word >>> (k << 4));
                if (c == 0 || n == buffer.length) return n;
                buffer[n++] = c;
            }
        }
    }

    /** One code unit at a time (odd addresses). */
    private static int readIntoByUnit(MemorySegment pointer, char[] buffer) {
        if (pointer.address() == 0) return -1;
        MemorySegment s = pointer.reinterpret(2L * buffer.length);
        for (int i = 0; i < buffer.length; i++) {
            char c = s.getAtIndex(ValueLayout.JAVA_CHAR, i);
            if (c == 0) return i;
            buffer[i] = c;
        }
        return buffer.length;
    }

    /** A confined arena's copy, for tests and one-off calls. */
    public static MemorySegment allocate(Arena arena, String text) {
        return allocate((SegmentAllocator) arena, text);
    }
}
