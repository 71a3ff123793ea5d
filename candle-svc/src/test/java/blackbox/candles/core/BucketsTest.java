package blackbox.candles.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BucketsTest {
    private final Buckets buckets = new Buckets();

    static long ns(String instant) {
        return Buckets.nanos(Instant.parse(instant));
    }

    static String iso(long nanos) {
        return Buckets.toInstant(nanos).toString();
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource({
            // a normal 2025 day (UTC-3): local clock alignment, 1d at local midnight = 03:00 UTC, week from Monday
            "1m,  2025-04-07T13:07:30.5Z, 2025-04-07T13:07:00Z",
            "5m,  2025-04-07T13:07:30Z,   2025-04-07T13:05:00Z",
            "15m, 2025-04-07T13:07:30Z,   2025-04-07T13:00:00Z",
            "60m, 2025-04-07T13:07:30Z,   2025-04-07T13:00:00Z",
            "1d,  2025-04-07T13:07:30Z,   2025-04-07T03:00:00Z",
            "1d,  2025-04-08T02:59:59Z,   2025-04-07T03:00:00Z",
            "1w,  2025-04-07T13:07:30Z,   2025-04-07T03:00:00Z",
            "1w,  2025-04-11T20:00:00Z,   2025-04-07T03:00:00Z",
            // Sunday 23:59 local is still the previous week
            "1w,  2025-04-07T02:59:00Z,   2025-03-31T03:00:00Z",
            // 2018-11-04: DST began at local 00:00 (UTC-3 -> UTC-2), the day starts at 01:00 local = 03:00 UTC
            "60m, 2018-11-04T02:30:00Z,   2018-11-04T02:00:00Z",
            "60m, 2018-11-04T03:30:00Z,   2018-11-04T03:00:00Z",
            "60m, 2018-11-04T13:30:00Z,   2018-11-04T13:00:00Z",
            "15m, 2018-11-04T13:50:00Z,   2018-11-04T13:45:00Z",
            "1d,  2018-11-04T02:59:00Z,   2018-11-03T03:00:00Z",
            "1d,  2018-11-04T03:00:00Z,   2018-11-04T03:00:00Z",
            "1d,  2018-11-05T01:59:00Z,   2018-11-04T03:00:00Z",
            "1d,  2018-11-05T02:00:00Z,   2018-11-05T02:00:00Z",
            // 2019-02-17: DST ended (00:00 UTC-2 -> 23:00 UTC-3 of 02-16): local 23:00-23:59 twice, two 60m buckets
            "60m, 2019-02-17T01:30:00Z,   2019-02-17T01:00:00Z",
            "60m, 2019-02-17T02:30:00Z,   2019-02-17T02:00:00Z",
            "5m,  2019-02-17T02:03:00Z,   2019-02-17T02:00:00Z",
            "1d,  2019-02-17T01:30:00Z,   2019-02-16T02:00:00Z",
            "1d,  2019-02-17T02:30:00Z,   2019-02-16T02:00:00Z",
            "1d,  2019-02-17T03:00:00Z,   2019-02-17T03:00:00Z",
            "1w,  2019-02-17T02:30:00Z,   2019-02-11T02:00:00Z",
            "1w,  2019-02-18T03:00:00Z,   2019-02-18T03:00:00Z",
    })
    void bucketStartFollowsTheLocalClock(String timeframe, String time, String expected) {
        assertEquals(expected, iso(buckets.bucketStart(Timeframe.parse(timeframe), ns(time))));
    }

    @Test
    void dstStartDayHas23HoursAndDstEndDayHas25() {
        long start = buckets.bucketStart(Timeframe.D1, ns("2018-11-04T12:00:00Z"));
        assertEquals(23L * 3600_000_000_000L, buckets.bucketEnd(Timeframe.D1, start) - start);
        long end = buckets.bucketStart(Timeframe.D1, ns("2019-02-16T12:00:00Z"));
        assertEquals(25L * 3600_000_000_000L, buckets.bucketEnd(Timeframe.D1, end) - end);
        assertEquals(LocalDate.parse("2019-02-16"), buckets.sessionDate(ns("2019-02-17T02:30:00Z")));
    }

    @Test
    void bucketStartsComputesTheSameAsBucketStart() {
        long[] out = new long[6];
        long t = ns("2019-02-17T02:30:00Z");
        buckets.bucketStarts(t, out);
        for (Timeframe tf : Timeframe.values()) {
            assertEquals(buckets.bucketStart(tf, t), out[tf.ordinal()], tf.label());
        }
    }

    /** Property: each 1m bucket lies wholly in exactly one bucket of every timeframe, and buckets tile time. */
    @Test
    void everyMinuteLiesInExactlyOneBucketOfEachTimeframe() {
        long seed = System.nanoTime();
        System.out.println("BucketsTest seed=" + seed);
        SplittableRandom random = new SplittableRandom(seed);
        long from = ns("2017-10-01T00:00:00Z");
        long to = ns("2025-12-31T00:00:00Z");
        long[] hot = {ns("2018-11-04T03:00:00Z"), ns("2019-02-17T02:00:00Z"), ns("2017-10-15T03:00:00Z")};
        for (int i = 0; i < 20_000; i++) {
            long t = i % 2 == 0 ? random.nextLong(from, to) : hot[i % 3] + random.nextLong(-3 * 3600, 3 * 3600) * 1_000_000_000L;
            long m = buckets.bucketStart(Timeframe.M1, t);
            long mEnd = buckets.bucketEnd(Timeframe.M1, m);
            for (Timeframe tf : Timeframe.values()) {
                long b = buckets.bucketStart(tf, m);
                long e = buckets.bucketEnd(tf, b);
                String what = "seed=" + seed + " " + tf + " minute " + iso(m);
                assertTrue(b <= m && mEnd <= e, what);
                assertEquals(b, buckets.bucketStart(tf, mEnd - 1), what);
                assertEquals(e, buckets.bucketStart(tf, e), what + " (next bucket starts at the end)");
                if (tf.fixedNanos() > 0) {
                    assertTrue(e - b <= tf.fixedNanos(), what);
                }
            }
        }
    }
}
