package blackbox.gateway.replay;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Shifts replay files in time so that their first trading day becomes a chosen day (normally today): every
 * {@code ts_nanos} moves by the same whole number of days, so order, gaps between events and time of day are kept.
 * The simulator replays files as they are, so {@code blackbox up --rebase-to-today} writes shifted copies with this
 * class and replays those.
 *
 * <p>Days are 24-hour days: in a zone whose UTC offset differs between the two dates (daylight saving) local times
 * move by the difference; B3 has had no daylight saving since 2019.
 *
 * <p>Stateless; the methods run on the caller's thread.
 */
public final class ReplayRebase {
    private static final long NANOS_PER_DAY = 86_400_000_000_000L;

    private ReplayRebase() {
    }

    /**
     * The shift, in ns, that moves the local date (in {@code zone}) of {@code firstTsNanos} to {@code targetDay}.
     *
     * @param firstTsNanos the earliest event, UTC epoch ns
     * @return a multiple of 86 400 s in ns, negative when the files are in the future
     */
    public static long offsetNanos(long firstTsNanos, ZoneId zone, LocalDate targetDay) {
        LocalDate first = Instant.ofEpochSecond(0, firstTsNanos).atZone(zone).toLocalDate();
        return Math.multiplyExact(ChronoUnit.DAYS.between(first, targetDay), NANOS_PER_DAY);
    }

    /** The same event {@code offsetNanos} later. */
    public static ReplayEvent shift(ReplayEvent e, long offsetNanos) {
        return new ReplayEvent(Math.addExact(e.tsNanos(), offsetNanos), e.ticker(), e.exchange(), e.kind(),
                e.tradeNumber(), e.price(), e.quantity(), e.tradeType(), e.buyAgent(), e.sellAgent(), e.bid(), e.ask(),
                e.sourceSeq());
    }

    /** The earliest {@code ts_nanos} over {@code files} (each file's first event; files are sorted by time). */
    public static long firstTsNanos(List<Path> files) throws IOException {
        long first = Long.MAX_VALUE;
        for (Path file : files) {
            try (ReplayReader reader = ReplayReader.open(file)) {
                ReplayEvent e = reader.next();
                if (e != null) first = Math.min(first, e.tsNanos());
            }
        }
        if (first == Long.MAX_VALUE) throw new ReplayException("no event in " + files);
        return first;
    }

    /**
     * Writes a shifted copy of each file into {@code outDir}, named like the original with {@code .rebased-<day>}
     * before the extension. One offset for all files (from the earliest event), so files keep their relative timing.
     *
     * @return the copies, in the order of {@code files}
     * @throws ReplayFormatException when a file is not a valid replay (naming file, line and field)
     */
    public static List<Path> rebase(List<Path> files, ZoneId zone, LocalDate targetDay, Path outDir) throws IOException {
        long offset = offsetNanos(firstTsNanos(files), zone, targetDay);
        Files.createDirectories(outDir);
        List<Path> out = new ArrayList<>();
        for (Path file : files) {
            String name = file.getFileName().toString();
            String base = name.endsWith(".replay.csv") ? name.substring(0, name.length() - ".replay.csv".length()) : name;
            Path target = outDir.resolve(base + ".rebased-" + targetDay + ".replay.csv");
            Path temp = outDir.resolve(target.getFileName() + ".tmp");
            try (ReplayReader reader = ReplayReader.open(file); ReplayWriter writer = ReplayWriter.create(temp)) {
                for (ReplayEvent e = reader.next(); e != null; e = reader.next()) writer.write(shift(e, offset));
            }
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            out.add(target);
        }
        return out;
    }
}
