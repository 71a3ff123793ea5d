package blackbox.platform.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedRedisServerTest {

    /** One RESP command as inline text; returns the first reply line. */
    static String command(int port, String command) throws IOException {
        try (Socket s = new Socket("127.0.0.1", port)) {
            OutputStream out = s.getOutputStream();
            out.write((command + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII));
            String first = in.readLine();
            if (first.startsWith("$")) return in.readLine();
            return first;
        }
    }

    @Test
    void aRealRedisAnswersOnAFreePortAndIsGoneAfterClose(@TempDir Path dir) throws IOException {
        List<ProcessHandle> before = ProcessHandle.current().descendants().toList();
        EmbeddedRedisServer redis = EmbeddedRedisServer.start(dir, 0, 64);
        List<ProcessHandle> started = ProcessHandle.current().descendants().filter(p -> !before.contains(p)).toList();
        try {
            assertEquals("+PONG", command(redis.port(), "PING"));
            assertEquals("+OK", command(redis.port(), "SET blackbox:test 42"));
            assertEquals("42", command(redis.port(), "GET blackbox:test"));
            assertEquals("redis://127.0.0.1:" + redis.port(), redis.url());
            assertEquals(dir.resolve("redis"), redis.workDirectory());
            assertTrue(started.stream().anyMatch(p -> p.info().command().orElse("").contains("redis-server")),
                    "redis-server is a child of this JVM: " + started);
        } finally {
            redis.close();
        }
        assertFalse(redis.isRunning());
        for (ProcessHandle p : started) assertFalse(p.isAlive(), "still running: " + p.pid());
        redis.close(); // idempotent
    }
}
