package blackbox.gateway.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway's append-only order journal: one file per trading day ({@code orders-YYYY-MM-DD.journal} in its
 * directory), one line per {@link JournalRecord} ({@link JournalCodec}).
 *
 * <p>Group commit: callers on any thread enqueue records; one writer thread ("order-journal") takes everything
 * waiting, writes it with one {@code write} and, when the batch holds a record someone waits for
 * ({@link #appendForced}), one {@code force()}; then it completes those callers' futures. Concurrent SendOrder calls
 * therefore share an fsync instead of paying one each. Records that need not be durable before the caller goes on
 * ({@link #append}: a DLL answer, a ClOrderID) ride the next batch.
 *
 * <p>Opening reads the day's file back ({@link #recovered()}). A last line torn by a crash (no newline, or a bad
 * checksum) is cut off; a bad line elsewhere means the file was damaged and opening fails naming file and line. If
 * a write fails, every waiting and later caller gets the exception: the gateway stops sending rather than send
 * without a durable record.
 */
public final class OrderJournal implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(OrderJournal.class);
    static final String HEADER = "# blackbox dll-gateway order journal v1";

    private record Pending(LocalDate day, String line, CompletableFuture<Void> done) {
    }

    private static final Pending STOP = new Pending(null, null, null);

    private final Path dir;
    private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final List<JournalRecord> recovered;
    private final Thread writer;
    private final AtomicLong batches = new AtomicLong();
    private final AtomicLong forces = new AtomicLong();
    private final AtomicLong records = new AtomicLong();
    private volatile LocalDate day;
    private volatile IOException failure;
    // writer thread only
    private FileChannel channel;
    private LocalDate fileDay;
    private ByteBuffer buffer = ByteBuffer.allocateDirect(1 << 16);

    private OrderJournal(Path dir, LocalDate day, List<JournalRecord> recovered, FileChannel channel) {
        this.dir = dir;
        this.day = day;
        this.fileDay = day;
        this.recovered = List.copyOf(recovered);
        this.channel = channel;
        this.writer = new Thread(this::writeLoop, "order-journal");
        this.writer.setDaemon(true);
        this.writer.start();
    }

    /** The file of {@code day} in {@code dir}. */
    public static Path file(Path dir, LocalDate day) {
        return dir.resolve("orders-" + day + ".journal");
    }

    /**
     * Opens (creating directory and file as needed) the journal of {@code day} and reads back what it holds.
     *
     * @throws IOException when the directory or file cannot be used, or a line other than the last is damaged
     */
    public static OrderJournal open(Path dir, LocalDate day) throws IOException {
        Files.createDirectories(dir);
        Path file = file(dir, day);
        List<JournalRecord> records = new ArrayList<>();
        boolean existed = Files.exists(file);
        if (existed) {
            long keep = read(file, records);
            if (keep < Files.size(file)) {
                log.warn("order journal {}: a torn last line ({} bytes) cut off", file, Files.size(file) - keep);
                try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
                    ch.truncate(keep);
                    ch.force(true);
                }
            }
        }
        FileChannel channel = openForAppend(dir, file);
        return new OrderJournal(dir, day, records, channel);
    }

    /** Reads the records of {@code file} into {@code out}; returns the length of its good prefix. */
    private static long read(Path file, List<JournalRecord> out) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        long good = 0;
        int lineNo = 0;
        int start = 0;
        while (start < bytes.length) {
            int nl = start;
            while (nl < bytes.length && bytes[nl] != '\n') nl++;
            lineNo++;
            boolean lastLine = nl >= bytes.length - 1;
            if (nl == bytes.length) break; // no newline: torn, cut at `good`
            String line = new String(bytes, start, nl - start, StandardCharsets.UTF_8);
            if (lineNo == 1) {
                if (!line.equals(HEADER)) throw new IOException(file + ":1: not an order journal (expected \"" + HEADER + "\")");
            } else if (!line.isEmpty()) {
                try {
                    out.add(JournalCodec.decode(line));
                } catch (JournalCodec.BadLineException e) {
                    if (lastLine) break;
                    throw new IOException(file + ":" + lineNo + ": damaged line: " + e.getMessage());
                }
            }
            start = nl + 1;
            good = start;
        }
        return good;
    }

    private static FileChannel openForAppend(Path dir, Path file) throws IOException {
        boolean created = !Files.exists(file);
        FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        if (created || ch.size() == 0) {
            ch.write(ByteBuffer.wrap((HEADER + "\n").getBytes(StandardCharsets.UTF_8)));
            ch.force(true);
            try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
                d.force(true); // the new file's directory entry is durable too
            } catch (IOException ignored) {
                // some file systems do not sync directories; the file itself is synced
            }
        }
        return ch;
    }

    /** The records the day's file held when opened, in order. */
    public List<JournalRecord> recovered() {
        return recovered;
    }

    /** The day new records go to. */
    public LocalDate day() {
        return day;
    }

    /** From now on records go to {@code newDay}'s file (the writer opens it at its next batch). */
    public void roll(LocalDate newDay) {
        day = newDay;
    }

    /**
     * Appends a record and returns a future completed once it is on disk ({@code force()}), or failed with the
     * write's {@link IOException}.
     */
    public CompletableFuture<Void> appendForced(JournalRecord record) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        IOException f = failure;
        if (f != null) {
            done.completeExceptionally(f);
            return done;
        }
        queue.add(new Pending(day, JournalCodec.encode(record), done));
        return done;
    }

    /** Appends a record with the next batch, without waiting. */
    public void append(JournalRecord record) {
        if (failure == null) queue.add(new Pending(day, JournalCodec.encode(record), null));
    }

    /** Write batches so far. */
    public long batches() {
        return batches.get();
    }

    /** fsyncs so far. */
    public long forces() {
        return forces.get();
    }

    /** Records written so far. */
    public long records() {
        return records.get();
    }

    private void writeLoop() {
        List<Pending> batch = new ArrayList<>();
        List<CompletableFuture<Void>> waiting = new ArrayList<>();
        boolean stopping = false;
        while (!stopping) {
            try {
                batch.add(queue.take());
            } catch (InterruptedException e) {
                break;
            }
            queue.drainTo(batch);
            try {
                for (Pending p : batch) {
                    if (p == STOP) {
                        stopping = true;
                        continue;
                    }
                    if (!p.day().equals(fileDay)) switchTo(p.day());
                    byte[] bytes = p.line().getBytes(StandardCharsets.UTF_8);
                    if (buffer.remaining() < bytes.length) flush();
                    if (buffer.capacity() < bytes.length) buffer = ByteBuffer.allocateDirect(Integer.highestOneBit(bytes.length) * 2);
                    buffer.put(bytes);
                    records.incrementAndGet();
                    if (p.done() != null) waiting.add(p.done());
                }
                flush();
                if (!waiting.isEmpty()) {
                    channel.force(false);
                    forces.incrementAndGet();
                }
                batches.incrementAndGet();
                waiting.forEach(f -> f.complete(null));
            } catch (IOException e) {
                failure = e;
                log.error("order journal write failed: {}; no order is sent from now on", e.toString());
                waiting.forEach(f -> f.completeExceptionally(e));
                for (Pending p : batch) if (p.done() != null) p.done().completeExceptionally(e);
                Pending p;
                while ((p = queue.poll()) != null) if (p.done() != null) p.done().completeExceptionally(e);
            }
            batch.clear();
            waiting.clear();
        }
    }

    private void flush() throws IOException {
        buffer.flip();
        while (buffer.hasRemaining()) channel.write(buffer);
        buffer.clear();
    }

    private void switchTo(LocalDate newDay) throws IOException {
        flush();
        channel.force(false);
        channel.close();
        channel = openForAppend(dir, file(dir, newDay));
        fileDay = newDay;
    }

    /** Writes what is queued, forces it, and stops the writer. */
    @Override
    public void close() {
        queue.add(STOP);
        try {
            writer.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            channel.force(false);
            channel.close();
        } catch (IOException e) {
            log.warn("order journal close: {}", e.toString());
        }
    }
}
