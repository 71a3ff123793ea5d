package blackbox.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ./blackbox} launcher's first build shows the user one line, not Maven's or the JVM's warnings; a failed
 * build shows its output. Run on a copy of the script beside a stand-in {@code mvnw} (no real build here).
 */
class LauncherScriptTest {
    private static final String NOISY_BUILD = """
            #!/usr/bin/env bash
            echo "WARNING: A terminally deprecated method in sun.misc.Unsafe has been called" >&2
            echo "added 2 packages in 2s"
            echo "MAVEN_OPTS=$MAVEN_OPTS" >&2
            [ -n "${FAIL_BUILD:-}" ] && { echo "[ERROR] COMPILATION ERROR" >&2; exit 1; }
            mkdir -p "$(dirname "$0")/cli/target/lib" && touch "$(dirname "$0")/cli/target/cli-0.1.0-SNAPSHOT.jar"
            """;

    private static Path launcher(Path dir) throws IOException {
        Files.copy(StackEndToEndTest.repoRoot().resolve("blackbox"), dir.resolve("blackbox"));
        Files.createDirectories(dir.resolve("bin"));
        // a JDK stand-in whose java prints its arguments' last word (the command), as blackbox.cli.Main would run
        Path jdk = Files.createDirectories(dir.resolve("jdk/bin"));
        write(jdk.resolve("java"), "#!/usr/bin/env bash\necho \"cli ran: ${@: -1}\"\n");
        write(dir.resolve("bin/jdk25.sh"), "export JAVA_HOME=\"" + jdk.getParent() + "\"\nexport PATH=\"$JAVA_HOME/bin:$PATH\"\n");
        write(dir.resolve("mvnw"), NOISY_BUILD);
        return dir.resolve("blackbox");
    }

    private static void write(Path file, String text) throws IOException {
        Files.writeString(file, text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    record Run(int code, String out, String err) {
    }

    private static Run run(Path script, String... env) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(List.of("bash", script.toString(), "status"));
        for (int i = 0; i < env.length; i += 2) pb.environment().put(env[i], env[i + 1]);
        pb.environment().remove("MAVEN_OPTS");
        Path out = Files.createTempFile(script.getParent(), "out", ".txt");
        Path err = Files.createTempFile(script.getParent(), "err", ".txt");
        Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "launcher finished");
        return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void theFirstBuildShowsOneLineAndKeepsItsOutputInALog(@TempDir Path dir) throws Exception {
        Path script = launcher(dir);
        Run r = run(script);
        assertEquals(0, r.code(), r.err());
        assertEquals("cli ran: status\n", r.out(), "the build prints nothing on stdout");
        Path log = dir.resolve("target/blackbox-build.log");
        assertEquals(List.of("building blackbox (first run or sources changed; log: " + log + ")..."), r.err().lines().toList());
        String kept = Files.readString(log);
        assertTrue(kept.contains("sun.misc.Unsafe") && kept.contains("added 2 packages"), kept);
        assertTrue(kept.contains("MAVEN_OPTS=--sun-misc-unsafe-memory-access=allow"),
                () -> "Maven's JVM told to allow Unsafe (no warning from JDK 25 itself): " + kept);
        Run again = run(script);
        assertEquals("", again.err(), "built already: nothing to say");
    }

    @Test
    void aFailedBuildShowsItsOutput(@TempDir Path dir) throws Exception {
        Run r = run(launcher(dir), "FAIL_BUILD", "1");
        assertEquals(1, r.code());
        assertTrue(r.err().contains("[ERROR] COMPILATION ERROR"), r.err());
        assertTrue(r.err().contains("error: the build failed; its whole output is in "), r.err());
    }
}
