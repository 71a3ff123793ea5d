package blackbox.gateway.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blackbox.platform.domain.InstrumentId;
import blackbox.gateway.trading.AccountKey;
import blackbox.gateway.trading.IdempotencyBook;
import blackbox.gateway.trading.IdempotencyKey;
import blackbox.gateway.trading.OrderIntent;
import blackbox.gateway.trading.OrderSide;
import blackbox.gateway.trading.OrderType;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class OrderJournalTest {
    private static final LocalDate DAY = LocalDate.of(2025, 4, 7);

    static OrderIntent intent(String key) {
        return new OrderIntent(new IdempotencyKey(key), OrderIntent.Kind.ORDER, new AccountKey(308, "1001", "s1"),
                new InstrumentId("PETR4", "B"), OrderSide.SELL, OrderType.STOP_LIMIT, 300, new BigDecimal("36.5"),
                new BigDecimal("36.7"), 0);
    }

    @Test
    void everyRecordReadsBackAsWritten() throws Exception {
        List<JournalRecord> records = List.of(
                new JournalRecord.Intent(intent("k 1\\x"), 11, 22),
                new JournalRecord.Intent(new OrderIntent(new IdempotencyKey("z"), OrderIntent.Kind.ZERO_POSITION,
                        new AccountKey(3, "9", ""), new InstrumentId("WINFUT", "F"), null, null, 0, null, null, 2), 1, 0),
                new JournalRecord.Sent("k 1\\x", "sess-1", 3, 77, 99),
                new JournalRecord.Refused("z", -2147483645),
                new JournalRecord.Bound("k 1\\x", "CL\t7"),
                new JournalRecord.NotSent("q", "never\nsent"));
        for (JournalRecord r : records) {
            String line = JournalCodec.encode(r);
            assertTrue(line.endsWith("\n") && line.indexOf('\n') == line.length() - 1, line);
            assertEquals(r, JournalCodec.decode(line.substring(0, line.length() - 1)));
        }
        String line = JournalCodec.encode(records.get(2));
        String flipped = line.replace("sess-1", "sess-2");
        assertThrows(JournalCodec.BadLineException.class, () -> JournalCodec.decode(flipped.strip()));
    }

    @Test
    void concurrentForcedAppendsShareFsyncsAndReopenRecoversThem(@TempDir Path dir) throws Exception {
        int n = 2_000;
        try (OrderJournal journal = OrderJournal.open(dir, DAY)) {
            List<Thread> threads = new ArrayList<>();
            List<CompletableFuture<Void>> all = java.util.Collections.synchronizedList(new ArrayList<>());
            for (int t = 0; t < 8; t++) {
                int base = t * (n / 8);
                Thread th = new Thread(() -> {
                    for (int i = 0; i < n / 8; i++) {
                        CompletableFuture<Void> f = journal.appendForced(new JournalRecord.Intent(intent("k" + (base + i)), i, 0));
                        all.add(f);
                        f.join();
                        journal.append(new JournalRecord.Sent("k" + (base + i), "s", 1, base + i + 1, 0));
                    }
                });
                threads.add(th);
                th.start();
            }
            for (Thread th : threads) th.join();
            assertTrue(all.stream().allMatch(CompletableFuture::isDone));
            System.out.printf("order journal: %d forced appends from 8 threads, %d fsyncs, %d batches%n", n, journal.forces(), journal.batches());
            assertTrue(journal.forces() <= n, "at most one fsync per forced record");
        }
        try (OrderJournal again = OrderJournal.open(dir, DAY)) {
            assertEquals(2 * n, again.recovered().size());
            List<IdempotencyBook.Recovered> keys = JournalFold.fold(again.recovered());
            assertEquals(n, keys.size());
            assertTrue(keys.stream().allMatch(k -> k.state() == IdempotencyBook.State.SENT));
        }
    }

    @Test
    void aTornLastLineIsCutOffAndTheRestKept(@TempDir Path dir) throws Exception {
        try (OrderJournal journal = OrderJournal.open(dir, DAY)) {
            journal.appendForced(new JournalRecord.Intent(intent("a"), 1, 0)).get(5, TimeUnit.SECONDS);
            journal.appendForced(new JournalRecord.Intent(intent("b"), 2, 0)).get(5, TimeUnit.SECONDS);
        }
        Path file = OrderJournal.file(dir, DAY);
        String half = JournalCodec.encode(new JournalRecord.Intent(intent("c"), 3, 0));
        Files.writeString(file, half.substring(0, half.length() / 2), StandardOpenOption.APPEND);
        long before = Files.size(file);
        try (OrderJournal journal = OrderJournal.open(dir, DAY)) {
            assertEquals(List.of("a", "b"), journal.recovered().stream().map(JournalRecord::key).toList());
            assertTrue(Files.size(file) < before);
            journal.appendForced(new JournalRecord.Bound("a", "CL1")).get(5, TimeUnit.SECONDS);
        }
        try (OrderJournal journal = OrderJournal.open(dir, DAY)) {
            assertEquals(List.of("a", "b", "a"), journal.recovered().stream().map(JournalRecord::key).toList());
        }
    }

    @Test
    void aDamagedLineInTheMiddleRefusesToOpenNamingIt(@TempDir Path dir) throws Exception {
        try (OrderJournal journal = OrderJournal.open(dir, DAY)) {
            journal.appendForced(new JournalRecord.Intent(intent("a"), 1, 0)).get(5, TimeUnit.SECONDS);
            journal.appendForced(new JournalRecord.Intent(intent("b"), 2, 0)).get(5, TimeUnit.SECONDS);
        }
        Path file = OrderJournal.file(dir, DAY);
        String text = Files.readString(file, StandardCharsets.UTF_8);
        Files.writeString(file, text.replaceFirst("\ta\t", "\tA\t"));
        IOException e = assertThrows(IOException.class, () -> OrderJournal.open(dir, DAY));
        assertTrue(e.getMessage().contains(file + ":2: damaged line: checksum mismatch"), e.getMessage());
    }

    @Test
    void rollingWritesTheNewDaysFile(@TempDir Path dir) throws Exception {
        try (OrderJournal journal = OrderJournal.open(dir, DAY)) {
            journal.appendForced(new JournalRecord.Intent(intent("a"), 1, 0)).get(5, TimeUnit.SECONDS);
            journal.roll(DAY.plusDays(1));
            journal.appendForced(new JournalRecord.Intent(intent("b"), 2, 0)).get(5, TimeUnit.SECONDS);
        }
        try (OrderJournal d1 = OrderJournal.open(dir, DAY); OrderJournal d2 = OrderJournal.open(dir, DAY.plusDays(1))) {
            assertEquals(List.of("a"), d1.recovered().stream().map(JournalRecord::key).toList());
            assertEquals(List.of("b"), d2.recovered().stream().map(JournalRecord::key).toList());
        }
    }
}
