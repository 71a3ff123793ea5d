package blackbox.positions.redis;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.redisson.api.BatchOptions;
import org.redisson.api.RBatch;
import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.api.options.KeysScanOptions;
import org.redisson.client.RedisException;
import org.redisson.client.codec.StringCodec;

/**
 * The live state in Redis (Redisson, {@link StringCodec}: every key, field and value is UTF-8 text).
 *
 * <pre>
 * {prefix}:account:{account}  hash  "pos:{TICKER}:{EXCHANGE}" → position JSON ({@link Json#position}),
 *                                   "balances" → balances JSON, "group" → the client group
 * {prefix}:consolidated       hash  "all:{TICKER}:{EXCHANGE}" and "group:{group}:{TICKER}:{EXCHANGE}" → JSON
 * {prefix}:marks              hash  "{TICKER}:{EXCHANGE}" → last trade price (for unrealized P&amp;L)
 * {prefix}:meta               hash  "seq" → the last stored fill sequence reflected here
 * channel {prefix}:changes          one message per applied fill: {"seq":..,"account":..,"instrument":..}
 * </pre>
 *
 * <p>Each update (the fills of one batch) is one Lua script: the hashes it changes, the meta sequence and the
 * PUBLISH run atomically in one round trip, so a reader never sees half a fill and a subscriber is told only
 * after the data is readable. A Redisson transaction would take a lock per key and several round trips, and a
 * batch cannot make the publish conditional on the write; the script does both in one call. The script
 * reports whether {@code meta} existed before: when it did not (Redis was flushed or restarted), the caller
 * rewrites everything with {@link #rewrite}.
 *
 * <p>Thread-safe (Redisson is); the service calls it from its writer thread.
 */
public final class RedisPositions {
    private static final String UPDATE = """
            local intact = redis.call('EXISTS', KEYS[1])
            local k = tonumber(ARGV[3])
            local a = 4 + k
            for i = 2, #KEYS do
              local c = tonumber(ARGV[a])
              a = a + 1
              for j = 1, c do
                redis.call('HSET', KEYS[i], ARGV[a], ARGV[a + 1])
                a = a + 2
              end
            end
            redis.call('HSET', KEYS[1], 'seq', ARGV[1])
            for m = 1, k do
              redis.call('PUBLISH', ARGV[2], ARGV[3 + m])
            end
            return intact
            """;

    private final RedissonClient redisson;
    private final String prefix;
    private final RScript script;
    private volatile String sha;

    public RedisPositions(RedissonClient redisson, String prefix) {
        this.redisson = redisson;
        this.prefix = prefix;
        this.script = redisson.getScript(StringCodec.INSTANCE);
        this.sha = script.scriptLoad(UPDATE);
    }

    public String accountKey(String account) {
        return prefix + ":account:" + account;
    }

    public String consolidatedKey() {
        return prefix + ":consolidated";
    }

    public String marksKey() {
        return prefix + ":marks";
    }

    public String metaKey() {
        return prefix + ":meta";
    }

    public String channel() {
        return prefix + ":changes";
    }

    /**
     * Writes the changed fields of some hashes, sets the meta sequence and publishes {@code messages}, atomically.
     *
     * @param hashes key → (field → value)
     * @return true when the state was intact before (meta existed); false: rewrite it all
     */
    public boolean update(long seq, Map<String, Map<String, String>> hashes, List<String> messages) {
        List<Object> keys = new ArrayList<>(hashes.size() + 1);
        keys.add(metaKey());
        List<Object> args = new ArrayList<>();
        args.add(Long.toString(seq));
        args.add(channel());
        args.add(Integer.toString(messages.size()));
        args.addAll(messages);
        for (Map.Entry<String, Map<String, String>> hash : hashes.entrySet()) {
            keys.add(hash.getKey());
            args.add(Integer.toString(hash.getValue().size()));
            for (Map.Entry<String, String> f : hash.getValue().entrySet()) {
                args.add(f.getKey());
                args.add(f.getValue());
            }
        }
        Object[] values = args.toArray();
        Long intact;
        try {
            intact = script.evalSha(RScript.Mode.READ_WRITE, sha, RScript.ReturnType.INTEGER, keys, values);
        } catch (RedisException e) {
            if (e.getMessage() == null || !e.getMessage().contains("NOSCRIPT")) throw e;
            sha = script.scriptLoad(UPDATE); // Redis restarted: its script cache is empty
            intact = script.evalSha(RScript.Mode.READ_WRITE, sha, RScript.ReturnType.INTEGER, keys, values);
        }
        return intact != null && intact == 1L;
    }

    /**
     * Replaces everything under the prefix by {@code hashes} and the meta sequence, in one MULTI/EXEC (readers
     * see the old state or the new one, never a mix).
     */
    public void rewrite(long seq, Map<String, Map<String, String>> hashes) {
        List<String> old = new ArrayList<>();
        keys().forEach(old::add);
        RBatch batch = redisson.createBatch(BatchOptions.defaults().executionMode(BatchOptions.ExecutionMode.IN_MEMORY_ATOMIC));
        if (!old.isEmpty()) batch.getKeys().deleteAsync(old.toArray(String[]::new));
        for (Map.Entry<String, Map<String, String>> hash : hashes.entrySet()) {
            if (!hash.getValue().isEmpty()) batch.<String, String>getMap(hash.getKey(), StringCodec.INSTANCE).putAllAsync(hash.getValue());
        }
        batch.<String, String>getMap(metaKey(), StringCodec.INSTANCE).putAsync("seq", Long.toString(seq));
        batch.execute();
    }

    /** Sets the last trade price of an instrument. */
    public void mark(String instrument, String price) {
        redisson.<String, String>getMap(marksKey(), StringCodec.INSTANCE).fastPut(instrument, price);
    }

    /** The meta sequence, or -1 when meta is missing (flushed). */
    public long storedSeq() {
        String seq = redisson.<String, String>getMap(metaKey(), StringCodec.INSTANCE).get("seq");
        return seq == null ? -1 : Long.parseLong(seq);
    }

    /** Every hash under the prefix, key → fields (sorted), for comparisons. */
    public Map<String, Map<String, String>> dump() {
        Map<String, Map<String, String>> all = new TreeMap<>();
        for (String key : keys()) {
            all.put(key, new TreeMap<>(redisson.<String, String>getMap(key, StringCodec.INSTANCE).readAllMap()));
        }
        return all;
    }

    /** Every key under the prefix (SCAN, not KEYS). */
    private Iterable<String> keys() {
        return redisson.getKeys().getKeys(KeysScanOptions.defaults().pattern(prefix + ":*"));
    }
}
