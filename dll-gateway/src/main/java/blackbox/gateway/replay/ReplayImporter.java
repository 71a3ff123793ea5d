package blackbox.gateway.replay;

import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * Converts files of one source format into one {@code blackbox-replay v1} file, sorted by ts (stable: ties
 * keep file order, files in the order given). Bad rows are rejected into the report; the good rows are
 * written. The output is written to a temporary file beside it and renamed at the end, so it is either
 * complete or untouched. Events are held in memory (about 200 bytes each). Not thread-safe.
 */
public final class ReplayImporter {
    public static final int MAX_ERROR_DETAILS = 100;
    private static final long PROGRESS_STEP = 1 << 20;

    private final ReplaySource source;
    private final ImportProgress progress;

    /** @param source a fresh source per import (it numbers trades across the files) */
    public ReplayImporter(ReplaySource source, ImportProgress progress) {
        this.source = source;
        this.progress = progress;
    }

    /**
     * Imports {@code inputs} into {@code output}.
     *
     * @throws ReplayException when an input is not of the source's format (nothing is written)
     * @throws IOException     when reading or writing fails (nothing is written)
     */
    public ImportReport importFiles(List<Path> inputs, Path output) throws IOException {
        long total = 0;
        for (Path input : inputs) {
            total += Files.size(input);
        }
        Collector collector = new Collector();
        long[] done = {0};
        for (Path input : inputs) {
            read(input, collector, done, total);
        }
        List<ReplayEvent> events = collector.events;
        events.sort(Comparator.comparingLong(ReplayEvent::tsNanos));
        write(events, output);
        TreeMap<Instrument, Long> perInstrument = new TreeMap<>();
        for (ReplayEvent e : events) {
            perInstrument.merge(e.instrument(), 1L, Long::sum);
        }
        return new ImportReport(output, events.size() + collector.rejected, events.size(), collector.rejected,
                perInstrument,
                events.isEmpty() ? OptionalLong.empty() : OptionalLong.of(events.getFirst().tsNanos()),
                events.isEmpty() ? OptionalLong.empty() : OptionalLong.of(events.getLast().tsNanos()),
                collector.errors, collector.notes);
    }

    private void read(Path input, Collector collector, long[] done, long total) throws IOException {
        long before = done[0];
        try (InputStream raw = Files.newInputStream(input);
             BufferedReader in = new BufferedReader(new InputStreamReader(new Counting(raw, done, total),
                     StandardCharsets.UTF_8), 1 << 16)) {
            source.read(input, in, collector);
        }
        done[0] = before + Files.size(input);
        progress.bytesRead(done[0], total);
    }

    private static void write(List<ReplayEvent> events, Path output) throws IOException {
        Path target = output.toAbsolutePath();
        Path tmp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
        try {
            readableByAll(tmp);
            try (ReplayWriter writer = ReplayWriter.create(tmp)) {
                for (ReplayEvent e : events) {
                    writer.write(e);
                }
            }
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Temporary files are owner-only; the replay file is ordinary data, so give it rw-r--r-- where POSIX. */
    private static void readableByAll(Path tmp) throws IOException {
        try {
            Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-r--r--"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: keep its default
        }
    }

    private static final class Collector implements ImportSink {
        final List<ReplayEvent> events = new ArrayList<>();
        final List<RowError> errors = new ArrayList<>();
        final List<String> notes = new ArrayList<>();
        long rejected;

        @Override
        public void accept(ReplayEvent event) {
            events.add(event);
        }

        @Override
        public void reject(RowError error) {
            rejected++;
            if (errors.size() < MAX_ERROR_DETAILS) {
                errors.add(error);
            }
        }

        @Override
        public void note(String note) {
            notes.add(note);
        }
    }

    /** Counts bytes into {@code done[0]} and reports each {@link #PROGRESS_STEP}. */
    private final class Counting extends FilterInputStream {
        private final long[] done;
        private final long total;
        private long nextReport;

        Counting(InputStream in, long[] done, long total) {
            super(in);
            this.done = done;
            this.total = total;
            this.nextReport = done[0] + PROGRESS_STEP;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int off, int len) throws IOException {
            int n = super.read(buffer, off, len);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) {
            done[0] += n;
            if (done[0] >= nextReport) {
                nextReport = done[0] + PROGRESS_STEP;
                progress.bytesRead(done[0], total);
            }
        }
    }
}
