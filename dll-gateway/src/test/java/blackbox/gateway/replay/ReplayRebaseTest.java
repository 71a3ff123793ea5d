package blackbox.gateway.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplayRebaseTest {
    static final ZoneId SAO_PAULO = ZoneId.of("America/Sao_Paulo");

    static long nanos(String localDateTime, ZoneId zone) {
        Instant i = LocalDateTime.parse(localDateTime).atZone(zone).toInstant();
        return i.getEpochSecond() * 1_000_000_000L + i.getNano();
    }

    static ReplayEvent trade(long ts, String ticker, long number) {
        return ReplayEvent.trade(ts, ticker, "B", EventKind.T, number, new BigDecimal("35.02"), 100, 2, 0, 0, null, null,
                null);
    }

    @Test
    void offsetMovesTheFirstLocalDateToTheTargetDay() {
        // 2025-04-07 21:30 in São Paulo is already 04-08 in UTC: the local date counts, not the UTC one
        long first = nanos("2025-04-07T21:30:00", SAO_PAULO);
        long offset = ReplayRebase.offsetNanos(first, SAO_PAULO, LocalDate.of(2026, 11, 21));
        Instant shifted = Instant.ofEpochSecond(0, first + offset);
        assertEquals(LocalDateTime.parse("2026-11-21T21:30:00"), shifted.atZone(SAO_PAULO).toLocalDateTime());
        assertEquals(0, offset % 86_400_000_000_000L);
    }

    @Test
    void offsetIsNegativeForFilesInTheFutureAndZeroForToday() {
        long first = nanos("2030-01-02T10:00:00", SAO_PAULO);
        assertEquals(-1L * 86_400_000_000_000L, ReplayRebase.offsetNanos(first, SAO_PAULO, LocalDate.of(2030, 1, 1)));
        assertEquals(0, ReplayRebase.offsetNanos(first, SAO_PAULO, LocalDate.of(2030, 1, 2)));
    }

    @Test
    void rebasedFilesKeepEveryEventTheirOrderAndTheGapsBetweenFiles(@TempDir Path dir) throws IOException {
        long day1 = nanos("2025-04-07T10:00:00.123456789", SAO_PAULO);
        List<ReplayEvent> petr = List.of(trade(day1 + 5_000, "PETR4", 1), trade(day1 + 7_000, "PETR4", 2),
                trade(day1 + 86_400_000_000_000L, "PETR4", 1));
        List<ReplayEvent> vale = List.of(trade(day1, "VALE3", 1), trade(day1 + 6_000, "VALE3", 2));
        Path a = write(dir.resolve("petr4.replay.csv"), petr);
        Path b = write(dir.resolve("vale3.replay.csv"), vale);
        LocalDate today = LocalDate.of(2026, 11, 21);

        List<Path> out = ReplayRebase.rebase(List.of(a, b), SAO_PAULO, today, dir.resolve("rebased"));

        assertEquals(dir.resolve("rebased/petr4.rebased-2026-11-21.replay.csv"), out.get(0));
        long offset = nanos("2026-11-21T10:00:00.123456789", SAO_PAULO) - day1; // from VALE3, the earliest event
        assertEquals(petr.stream().map(e -> ReplayRebase.shift(e, offset)).toList(), read(out.get(0)));
        assertEquals(vale.stream().map(e -> ReplayRebase.shift(e, offset)).toList(), read(out.get(1)));
        assertEquals(List.of(), listTemp(dir.resolve("rebased")));
    }

    @Test
    void refusesAFileWithoutEvents(@TempDir Path dir) throws IOException {
        Path empty = write(dir.resolve("empty.replay.csv"), List.of());
        ReplayException e = assertThrows(ReplayException.class, () -> ReplayRebase.firstTsNanos(List.of(empty)));
        assertEquals("no event in [" + empty + "]", e.getMessage());
    }

    private static Path write(Path file, List<ReplayEvent> events) throws IOException {
        try (ReplayWriter w = ReplayWriter.create(file)) {
            for (ReplayEvent e : events) w.write(e);
        }
        return file;
    }

    private static List<ReplayEvent> read(Path file) throws IOException {
        try (ReplayReader r = ReplayReader.open(file)) {
            return r.stream().toList();
        }
    }

    private static List<Path> listTemp(Path dir) throws IOException {
        try (var files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".tmp")).toList();
        }
    }
}
