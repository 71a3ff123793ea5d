package blackbox.marketdata.core;

/** Seeds for property tests: printed, and fixed by {@code -Dblackbox.seed=...} to replay a failure. */
final class Seeds {
    private Seeds() {
    }

    static long seed(String test) {
        String fixed = System.getProperty("blackbox.seed");
        long seed = fixed != null ? Long.parseLong(fixed) : System.nanoTime();
        System.out.println(test + " seed=" + seed + " (replay with -Dblackbox.seed=" + seed + ")");
        return seed;
    }
}
