package blackbox.gateway;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the build put things the tests need. */
public final class TestPaths {
    private TestPaths() {
    }

    /** The simulator library built by the Maven build (surefire sets {@code profitdll.library}). */
    public static Path simulatorLibrary() {
        String path = System.getProperty("profitdll.library");
        if (path == null || !Files.isRegularFile(Path.of(path))) {
            throw new IllegalStateException("simulator library not built: profitdll.library=" + path
                    + " (run the tests through Maven: bin/mvn verify)");
        }
        return Path.of(path);
    }

    /** The repository root (surefire sets {@code blackbox.repo.root}). */
    public static Path repoRoot() {
        String root = System.getProperty("blackbox.repo.root");
        if (root != null) return Path.of(root);
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("samples"))) dir = dir.getParent();
        if (dir == null) throw new IllegalStateException("cannot find the repository root from " + Path.of("").toAbsolutePath());
        return dir;
    }

    /** The canonical replay sample the project ships (MIT Binance slice). */
    public static Path sampleReplay() {
        return repoRoot().resolve("samples/replay/binance-spot-sample.replay.csv");
    }

    /** The simulator's demo roster (24 client accounts, every routing password "demo123"). */
    public static Path demoRoster() {
        return repoRoot().resolve("dll-gateway/native/sim/demo-roster.csv");
    }

    /** {@code ../shared/data} beside the repository, present on the team's machines and CI, not in the repo. */
    public static Path sharedData() {
        return repoRoot().resolve("../shared/data").normalize();
    }
}
