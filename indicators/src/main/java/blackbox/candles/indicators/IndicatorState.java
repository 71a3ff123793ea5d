package blackbox.candles.indicators;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * An indicator's state as words (longs; doubles by their raw bits, so a restored indicator continues bit for bit),
 * stored as bytes in a checkpoint. The first word names the spec, so a state is never restored into another
 * indicator.
 */
public final class IndicatorState {
    private IndicatorState() {
    }

    /** Written by {@link StreamingIndicator#save}. */
    static final class Out {
        private long[] words = new long[16];
        private int size;

        void putLong(long x) {
            if (size == words.length) words = Arrays.copyOf(words, size * 2);
            words[size++] = x;
        }

        void putDouble(double x) {
            putLong(Double.doubleToRawLongBits(x));
        }

        byte[] toBytes() {
            ByteBuffer b = ByteBuffer.allocate(size * Long.BYTES);
            for (int i = 0; i < size; i++) b.putLong(words[i]);
            return b.array();
        }
    }

    /** Read by {@link StreamingIndicator#restore}. */
    static final class In {
        private final ByteBuffer bytes;

        In(byte[] state) {
            if (state.length % Long.BYTES != 0) {
                throw new IllegalArgumentException("must be whole 8-byte words: state length=" + state.length);
            }
            this.bytes = ByteBuffer.wrap(state);
        }

        long getLong() {
            if (!bytes.hasRemaining()) throw new IllegalArgumentException("state ends early");
            return bytes.getLong();
        }

        double getDouble() {
            return Double.longBitsToDouble(getLong());
        }

        void end() {
            if (bytes.hasRemaining()) throw new IllegalArgumentException("state has " + bytes.remaining() + " bytes too many");
        }
    }
}
