package blackbox.gateway.journal;

import blackbox.gateway.trading.IdempotencyBook;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Folds a day's journal records into one {@link IdempotencyBook.Recovered} per key, in the order keys appeared. */
public final class JournalFold {
    private JournalFold() {
    }

    public static List<IdempotencyBook.Recovered> fold(List<JournalRecord> records) {
        Map<String, IdempotencyBook.Recovered> byKey = new LinkedHashMap<>();
        for (JournalRecord r : records) {
            IdempotencyBook.Recovered k = byKey.get(r.key());
            switch (r) {
                case JournalRecord.Intent i -> byKey.putIfAbsent(r.key(), new IdempotencyBook.Recovered(i.intent(), i.dllNanos(),
                        IdempotencyBook.State.SENDING, "", 0, ""));
                case JournalRecord.Sent s -> {
                    if (k != null && k.state() == IdempotencyBook.State.SENDING) byKey.put(r.key(), with(k, IdempotencyBook.State.SENT, "", 0, ""));
                }
                case JournalRecord.Refused x -> {
                    if (k != null) byKey.put(r.key(), with(k, IdempotencyBook.State.REFUSED, "", x.code(), ""));
                }
                case JournalRecord.Bound b -> {
                    if (k != null) byKey.put(r.key(), with(k, IdempotencyBook.State.BOUND, b.clOrderId(), 0, ""));
                }
                case JournalRecord.NotSent n -> {
                    if (k != null && k.state() != IdempotencyBook.State.BOUND) {
                        byKey.put(r.key(), with(k, IdempotencyBook.State.NOT_SENT, "", 0, n.reason()));
                    }
                }
            }
        }
        return new ArrayList<>(byKey.values());
    }

    private static IdempotencyBook.Recovered with(IdempotencyBook.Recovered k, IdempotencyBook.State s, String cl, int code, String reason) {
        return new IdempotencyBook.Recovered(k.intent(), k.dllNanos(), s, cl, code, reason);
    }
}
