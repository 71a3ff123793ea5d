package blackbox.web.auth;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows brute force on the login: token buckets (bucket4j) per username and per client address, each allowing
 * {@code perMinute} attempts a minute (refilled gradually). Every attempt, right or wrong, takes one token from both.
 * Time comes from the injected {@link TimeMeter}, so tests advance it by hand. Thread-safe.
 */
public final class LoginThrottle {
    private static final int MAX_KEYS = 100_000;
    private final Map<String, Bucket> byUser = new ConcurrentHashMap<>();
    private final Map<String, Bucket> byAddress = new ConcurrentHashMap<>();
    private final int perUser;
    private final int perAddress;
    private final TimeMeter time;

    public LoginThrottle(int perUserPerMinute, int perAddressPerMinute, TimeMeter time) {
        this.perUser = perUserPerMinute;
        this.perAddress = perAddressPerMinute;
        this.time = time;
    }

    /**
     * Takes one attempt for the pair.
     *
     * @return empty when the attempt may proceed, else how long the caller must wait (whole seconds, >= 1)
     */
    public OptionalLong attempt(String username, String address) {
        ConsumptionProbe u = bucket(byUser, username.toLowerCase(java.util.Locale.ROOT), perUser).tryConsumeAndReturnRemaining(1);
        ConsumptionProbe a = bucket(byAddress, address, perAddress).tryConsumeAndReturnRemaining(1);
        if (u.isConsumed() && a.isConsumed()) return OptionalLong.empty();
        long waitNanos = Math.max(u.isConsumed() ? 0 : u.getNanosToWaitForRefill(), a.isConsumed() ? 0 : a.getNanosToWaitForRefill());
        return OptionalLong.of(Math.max(1, (waitNanos + 999_999_999L) / 1_000_000_000L));
    }

    private Bucket bucket(Map<String, Bucket> buckets, String key, int perMinute) {
        if (buckets.size() > MAX_KEYS) buckets.clear(); // bound memory against random names; costs a fresh allowance
        return buckets.computeIfAbsent(key, k -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)).build())
                .withCustomTimePrecision(time)
                .build());
    }
}
