package blackbox.bench;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** {@code --key value} command-line options with defaults. */
final class Args {
    private final Map<String, String> values = new HashMap<>();

    Args(String[] args) {
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("options are --key value pairs: bad argument \"" + args[i] + "\"");
            }
            values.put(args[i].substring(2), args[++i]);
        }
    }

    String string(String key, String defaultValue) {
        return values.getOrDefault(key, defaultValue);
    }

    long number(String key, long defaultValue) {
        String v = values.get(key);
        return v == null ? defaultValue : Long.parseLong(v.replace("_", "").replace(",", ""));
    }

    int integer(String key, int defaultValue) {
        return Math.toIntExact(number(key, defaultValue));
    }

    /** The simulator library: --library, else -Dprofitdll.library, else dll-gateway's build output. */
    Path library() {
        String v = values.getOrDefault("library", System.getProperty("profitdll.library"));
        Path p = v != null ? Path.of(v) : benchHome().resolve("../dll-gateway/target/native/libprofitdll-sim.so").normalize();
        if (!p.toFile().isFile()) {
            throw new IllegalArgumentException("simulator library not found: " + p + " (build dll-gateway or pass --library)");
        }
        return p.toAbsolutePath();
    }

    /** Where generated replay files go: --work, else bench/target/replay. */
    Path workDir() {
        return Path.of(values.getOrDefault("work", benchHome().resolve("target/replay").toString()));
    }

    /** The bench/ folder: -Dbench.home (set by run.sh), else ./bench or . */
    static Path benchHome() {
        String home = System.getProperty("bench.home");
        if (home != null) return Path.of(home).toAbsolutePath();
        Path cwd = Path.of("").toAbsolutePath();
        return cwd.resolve("bench/pom.xml").toFile().isFile() ? cwd.resolve("bench") : cwd;
    }
}
