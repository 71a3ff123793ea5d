package blackbox.testkit;

/**
 * The seed of a property test: fresh each run, printed, and fixed by {@code -Dblackbox.seed=N} to replay a failure
 * ({@code bin/mvn -pl oms-svc -am verify -Dtest=TransitionPropertyTest -Dblackbox.seed=N}; surefire hands Maven's
 * user properties to the test JVM). One property for every module, so a failure anywhere is re-run the same way.
 */
public final class Seeds {
    public static final String PROPERTY = "blackbox.seed";

    private Seeds() {
    }

    /**
     * @param test names the test in the printed line, e.g. {@code "TwapTest.property"}
     * @return {@code -Dblackbox.seed} when set, else {@link System#nanoTime()}
     * @throws NumberFormatException when the property is not a long
     */
    public static long seed(String test) {
        String fixed = System.getProperty(PROPERTY);
        long seed = fixed != null ? Long.parseLong(fixed.trim()) : System.nanoTime();
        System.out.println(test + " seed=" + seed + " (replay with -D" + PROPERTY + "=" + seed + ")");
        return seed;
    }
}
