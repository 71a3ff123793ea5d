package blackbox.oms.algo.engine;

import blackbox.oms.algo.TradedVolume;
import blackbox.platform.domain.InstrumentId;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The instruments' traded volume as the gateway's trade stream shows it ({@link blackbox.oms.risk.GatewayLastPrices}
 * feeds it): per instrument, the running total of shares by trade time, so {@link #since} is a binary search. Kept in
 * memory only: after a restart the volume before it is unknown (a VWAP's cap is then stricter, never looser). Trades
 * out of time order are counted at the latest time seen. Thread-safe (one lock per instrument).
 */
public final class LiveVolume implements TradedVolume {
    private final Map<InstrumentId, Series> series = new ConcurrentHashMap<>();

    private static final class Series {
        long[] times = new long[1024];
        long[] cum = new long[1024];
        int size;

        synchronized void add(long time, long qty) {
            long t = size == 0 ? time : Math.max(time, times[size - 1]);
            long total = (size == 0 ? 0 : cum[size - 1]) + qty;
            if (size > 0 && times[size - 1] == t) {
                cum[size - 1] = total;
                return;
            }
            if (size == times.length) {
                times = Arrays.copyOf(times, size * 2);
                cum = Arrays.copyOf(cum, size * 2);
            }
            times[size] = t;
            cum[size] = total;
            size++;
        }

        synchronized long since(long from) {
            if (size == 0) return 0;
            int i = Arrays.binarySearch(times, 0, size, from);
            int first = i >= 0 ? i : -i - 1; // the first entry at or after from
            if (first >= size) return 0;
            long before = first == 0 ? 0 : cum[first - 1];
            return cum[size - 1] - before;
        }
    }

    /** A trade of {@code quantity} shares at {@code timeNanos} (UTC epoch ns); an edit of a trade is not a new one. */
    public void trade(InstrumentId instrument, long timeNanos, long quantity) {
        if (quantity <= 0) return;
        series.computeIfAbsent(instrument, i -> new Series()).add(timeNanos, quantity);
    }

    @Override
    public long since(InstrumentId instrument, long sinceNanos) {
        Series s = series.get(instrument);
        return s == null ? 0 : s.since(sinceNanos);
    }
}
