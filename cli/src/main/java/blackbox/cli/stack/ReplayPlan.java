package blackbox.cli.stack;

import blackbox.gateway.Gateway;
import blackbox.gateway.replay.ReplayFormat;
import blackbox.gateway.replay.ReplayRebase;
import blackbox.gateway.v1.InstrumentId;
import blackbox.platform.domain.B3Calendar;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The files the simulator will replay and the instruments in them.
 *
 * @param files the files handed to the simulator (rebased copies when asked)
 * @param instruments every instrument with a trade in the files, sorted by exchange then ticker
 * @param firstTsNanos the earliest event, UTC epoch ns (0 when the files have none)
 * @param lastTsNanos the latest event
 * @param rebased true when the files are shifted copies
 * @param sessionDay when rebased, the B3 session day the replay's first trading day now falls on ({@link #sessionDay(LocalDate)});
 *                   else the day the stack starts (exchange zone)
 */
public record ReplayPlan(List<Path> files, List<InstrumentId> instruments, long firstTsNanos, long lastTsNanos,
                         boolean rebased, LocalDate sessionDay) {
    static final String SAMPLE_RESOURCE = "/replay/binance-spot-sample.replay.csv";

    /**
     * The day a rebased replay is moved to: {@code today} when it is a B3 trading day, else the last trading day before
     * it (a weekend, a holiday). The simulator applies B3's session hours on the replay's clock, so a tape moved onto a
     * closed day would refuse every order ("market closed ... closed (Saturday)"), and positions-svc dates the demo
     * opening on the same day as the fills (a fill dated before its opening is refused).
     */
    static LocalDate sessionDay(LocalDate today) {
        B3Calendar calendar = B3Calendar.instance();
        LocalDate day = today;
        while (!calendar.isBusinessDay(day)) day = day.minusDays(1);
        return day;
    }

    /**
     * Resolves the files ({@code requested}, or the sample copied into {@code dataDir/replay}), rebases them to
     * {@link #sessionDay(LocalDate) the session day} of {@code today} when asked, and reads which instruments they trade.
     *
     * @throws IOException when a file cannot be read
     * @throws blackbox.gateway.replay.ReplayFormatException when a file is not a valid replay
     */
    static ReplayPlan prepare(List<Path> requested, Path dataDir, boolean rebase, ZoneId zone, LocalDate today)
            throws IOException {
        Path replayDir = dataDir.resolve("replay");
        List<Path> files = requested.isEmpty() ? List.of(extractSample(replayDir)) : requested;
        LocalDate sessionDay = rebase ? sessionDay(today) : today;
        if (rebase) files = ReplayRebase.rebase(files, zone, sessionDay, replayDir);
        Set<String> seen = new TreeSet<>();
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        for (Path file : files) {
            try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                String line;
                while ((line = in.readLine()) != null) {
                    if (line.startsWith("#") || line.startsWith("ts_nanos")) continue;
                    int c1 = line.indexOf(',');
                    int c2 = line.indexOf(',', c1 + 1);
                    int c3 = line.indexOf(',', c2 + 1);
                    if (c1 < 0 || c2 < 0 || c3 < 0) continue; // the simulator names a bad line when it loads the file
                    long ts = Long.parseLong(line, 0, c1, 10);
                    first = Math.min(first, ts);
                    last = Math.max(last, ts);
                    if (line.charAt(c3 + 1) != 'K') seen.add(line.substring(c2 + 1, c3) + ":" + line.substring(c1 + 1, c2));
                }
            }
        }
        List<InstrumentId> instruments = new ArrayList<>();
        for (String key : seen) {
            int colon = key.indexOf(':');
            instruments.add(InstrumentId.newBuilder().setExchange(key.substring(0, colon))
                    .setTicker(key.substring(colon + 1)).build());
        }
        return new ReplayPlan(List.copyOf(files), List.copyOf(instruments), first == Long.MAX_VALUE ? 0 : first,
                last == Long.MIN_VALUE ? 0 : last, rebase, sessionDay);
    }

    /** The gateway jar's sample, copied to {@code dir} (a file the simulator can open). */
    private static Path extractSample(Path dir) throws IOException {
        Files.createDirectories(dir);
        Path target = dir.resolve("binance-spot-sample.replay.csv");
        try (InputStream in = Gateway.class.getResourceAsStream(SAMPLE_RESOURCE)) {
            if (in == null) throw new IOException("the sample " + SAMPLE_RESOURCE + " is not in the dll-gateway jar");
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
        if (!Files.readAllLines(target).getFirst().equals(ReplayFormat.MAGIC)) {
            throw new IOException("the bundled sample is not a " + ReplayFormat.MAGIC + " file");
        }
        return target;
    }
}
