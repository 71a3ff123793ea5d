package blackbox.web.auth;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows password guessing on the login without letting anyone lock a user out (issue 15: five wrong passwords for a
 * username from anywhere used to make that user's correct login answer 429, so anyone could keep the risk officer out
 * during an incident).
 *
 * <ul>
 *   <li>Per (username, client address): {@code freeFailures} consecutive wrong passwords may be tried without waiting;
 *       the last of them and each further one blocks the pair for {@code 30 s × 2^(n − 1)} (n = 1 at the
 *       {@code freeFailures}-th failure, then 2, 3...), at most 15 minutes. A success clears the pair. Guesses from one address do not slow the same user at another address.</li>
 *   <li>Per client address: a token bucket (bucket4j) of {@code perAddressPerMinute} attempts a minute, right or
 *       wrong, refilled gradually, so one address cannot spray many usernames.</li>
 * </ul>
 * Nothing is kept per username alone. A session already logged in is not affected at all: the throttle guards only
 * {@code POST /auth/login}. Time comes from the injected {@link TimeMeter} (tests advance it by hand). Thread-safe.
 */
public final class LoginThrottle {
    static final long FIRST_BLOCK_NANOS = Duration.ofSeconds(30).toNanos();
    static final long MAX_BLOCK_NANOS = Duration.ofMinutes(15).toNanos();
    private static final int MAX_KEYS = 100_000;

    private final Map<String, Pair> pairs = new ConcurrentHashMap<>();
    private final Map<String, Bucket> byAddress = new ConcurrentHashMap<>();
    private final int freeFailures;
    private final int perAddress;
    private final TimeMeter time;

    /** A (username, address)'s consecutive failures and how long it is blocked. Guarded by itself. */
    private static final class Pair {
        int failures;
        long blockedUntilNanos;
    }

    /**
     * @param freeFailures consecutive wrong passwords per (username, address) before the back-off starts
     * @param perAddressPerMinute attempts a minute per client address
     */
    public LoginThrottle(int freeFailures, int perAddressPerMinute, TimeMeter time) {
        this.freeFailures = freeFailures;
        this.perAddress = perAddressPerMinute;
        this.time = time;
    }

    /**
     * Asks for one attempt of {@code username} from {@code address}; takes a token of the address's bucket when it
     * may proceed. Tell the outcome with {@link #failed} or {@link #succeeded}.
     *
     * @return empty when the attempt may proceed, else how long the caller must wait (whole seconds, >= 1)
     */
    public OptionalLong attempt(String username, String address) {
        long now = time.currentTimeNanos();
        Pair p = pairs.get(key(username, address));
        if (p != null) {
            synchronized (p) {
                if (now < p.blockedUntilNanos) return OptionalLong.of(seconds(p.blockedUntilNanos - now));
            }
        }
        ConsumptionProbe a = addressBucket(address).tryConsumeAndReturnRemaining(1);
        if (a.isConsumed()) return OptionalLong.empty();
        return OptionalLong.of(seconds(a.getNanosToWaitForRefill()));
    }

    /** A wrong password (or unknown user) from {@code address}: counts towards the pair's back-off. */
    public void failed(String username, String address) {
        if (pairs.size() > MAX_KEYS) pairs.clear(); // bound memory against random names; costs a fresh allowance
        Pair p = pairs.computeIfAbsent(key(username, address), k -> new Pair());
        long now = time.currentTimeNanos();
        synchronized (p) {
            p.failures++;
            int beyond = p.failures - freeFailures + 1;
            if (beyond > 0) {
                long block = beyond > 20 ? MAX_BLOCK_NANOS : Math.min(MAX_BLOCK_NANOS, FIRST_BLOCK_NANOS << (beyond - 1));
                p.blockedUntilNanos = now + block;
            }
        }
    }

    /** The right password: the pair's failures are forgotten. */
    public void succeeded(String username, String address) {
        pairs.remove(key(username, address));
    }

    private static String key(String username, String address) {
        return username.toLowerCase(Locale.ROOT) + "\u0000" + address;
    }

    private static long seconds(long nanos) {
        return Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L);
    }

    private Bucket addressBucket(String address) {
        if (byAddress.size() > MAX_KEYS) byAddress.clear();
        return byAddress.computeIfAbsent(address, k -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(perAddress).refillGreedy(perAddress, Duration.ofMinutes(1)).build())
                .withCustomTimePrecision(time)
                .build());
    }
}
