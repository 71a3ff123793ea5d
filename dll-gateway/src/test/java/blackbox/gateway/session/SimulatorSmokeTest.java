package blackbox.gateway.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blackbox.gateway.TestPaths;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Runs the simulator's own C smoke test (native/test/sim_smoke.c) as part of the build. */
class SimulatorSmokeTest {
    @Test
    @Timeout(120)
    void theSimulatorsCSmokeTestPasses() throws Exception {
        Path root = TestPaths.repoRoot();
        Path out = root.resolve("dll-gateway/target/sim-smoke");
        ProcessBuilder pb = new ProcessBuilder("bash", root.resolve("dll-gateway/native/test/run.sh").toString(), out.toString())
                .redirectErrorStream(true);
        pb.environment().put("THROUGHPUT", "0");
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(100, TimeUnit.SECONDS));
        List<String> lines = output.lines().toList();
        String last = lines.isEmpty() ? "" : lines.getLast();
        assertEquals(0, p.exitValue(), output);
        assertTrue(last.matches("\\d+ passed, 0 failed"), "last line: " + last + "\n" + output);
    }
}
