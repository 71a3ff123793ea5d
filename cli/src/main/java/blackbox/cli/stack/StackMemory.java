package blackbox.cli.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.Stream;

/**
 * The whole stack's resident memory (Linux {@code /proc}): this JVM, its child processes (the embedded Redis) and the
 * embedded PostgreSQL server with its backends. RSS counts pages shared between PostgreSQL's processes once per
 * process, so the sum is an upper bound. Off Linux every figure is 0.
 *
 * @param jvmKiB this JVM's VmRSS
 * @param postgresKiB the postmaster's and its children's VmRSS, summed
 * @param postgresProcesses how many PostgreSQL processes were counted
 * @param otherKiB this JVM's other descendants (Redis)
 */
public record StackMemory(long jvmKiB, long postgresKiB, int postgresProcesses, long otherKiB) {
    public static final long GOAL_KIB = 1536L * 1024;

    public long totalKiB() {
        return jvmKiB + postgresKiB + otherKiB;
    }

    public static StackMemory measure(OptionalLong postgresPid) {
        long jvm = rssKiB(ProcessHandle.current().pid());
        long other = ProcessHandle.current().descendants().mapToLong(p -> rssKiB(p.pid())).sum();
        long pg = 0;
        int n = 0;
        if (postgresPid.isPresent()) {
            List<Long> tree = new ArrayList<>();
            tree.add(postgresPid.getAsLong());
            tree.addAll(children(postgresPid.getAsLong()));
            boolean ownChild = ProcessHandle.current().descendants().anyMatch(p -> p.pid() == postgresPid.getAsLong());
            for (long pid : tree) {
                pg += rssKiB(pid);
                n++;
            }
            if (ownChild) other -= pg; // counted among the descendants already
        }
        return new StackMemory(jvm, pg, n, Math.max(0, other));
    }

    /** {@code 702 MiB = JVM 560 + PostgreSQL 120 (9 processes) + Redis 12 (goal ≤ 1536 MiB)}. */
    public String summary() {
        return mib(totalKiB()) + " MiB RSS = JVM " + mib(jvmKiB) + " + PostgreSQL " + mib(postgresKiB) + " (" + postgresProcesses
                + " processes) + Redis " + mib(otherKiB) + " (goal ≤ " + mib(GOAL_KIB) + " MiB"
                + (totalKiB() > GOAL_KIB ? ", OVER" : "") + ")";
    }

    private static long mib(long kib) {
        return Math.round(kib / 1024.0);
    }

    static long rssKiB(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) return Long.parseLong(line.substring(6).trim().split("\\s+")[0]);
            }
        } catch (IOException | RuntimeException e) {
            // gone, or not Linux
        }
        return 0;
    }

    private static List<Long> children(long parent) {
        List<Long> out = new ArrayList<>();
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            procs.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).forEach(p -> {
                try {
                    String stat = Files.readString(p.resolve("stat"));
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    if (Long.parseLong(f[1]) == parent) out.add(Long.parseLong(p.getFileName().toString()));
                } catch (IOException | RuntimeException e) {
                    // ended meanwhile
                }
            });
        } catch (IOException e) {
            // not Linux
        }
        return out;
    }
}
