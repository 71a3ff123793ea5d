package blackbox.marketdata.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BatchPolicyTest {
    private final BatchPolicy policy = BatchPolicy.of(1_000, Duration.ofMillis(50));

    @ParameterizedTest(name = "{0} rows, oldest at {1}, now {2}: flush={3}, wait={4}")
    @CsvSource({
        // rows, oldest,    now,        flush, wait ns
        "0,      0,         999999999,  false, 50000000",  // nothing pending never flushes
        "1,      0,         0,          false, 50000000",
        "1,      0,         49999999,   false, 1",
        "1,      0,         50000000,   true,  0",         // the oldest waited maxDelay
        "999,    100,       200,        false, 49999900",
        "1000,   100,       100,        true,  0",         // a full batch goes at once
        "5000,   100,       100,        true,  0",
        "1,      -50000000, 0,          true,  0",         // monotonic clocks may be negative
    })
    void flushesWhenFullOrWhenTheOldestRowHasWaitedLongEnough(int rows, long oldest, long now, boolean flush,
                                                              long wait) {
        assertEquals(flush, policy.shouldFlush(rows, oldest, now));
        assertEquals(wait, policy.nanosUntilFlush(rows, oldest, now));
    }

    @Test
    void rejectsImpossibleLimits() {
        assertEquals("must be > 0: maxRows=0",
                assertThrows(IllegalArgumentException.class, () -> new BatchPolicy(0, 1)).getMessage());
        assertEquals("must be >= 0: maxDelayNanos=-1",
                assertThrows(IllegalArgumentException.class, () -> new BatchPolicy(1, -1)).getMessage());
    }
}
