package blackbox.gateway.journal;

import blackbox.gateway.trading.OrderIntent;

/**
 * One line of the order journal (see {@link JournalCodec} for the text form). A key's life is an {@link Intent}
 * (forced to disk before the DLL is called), then the DLL's answer ({@link Sent} or {@link Refused}), then the
 * permanent ClOrderID once the DLL names it ({@link Bound}); an intent found never to have reached the DLL after a
 * restart is {@link NotSent}.
 */
public sealed interface JournalRecord {
    String key();

    /**
     * An order about to be sent.
     *
     * @param wallNanos the gateway's clock (UTC ns)
     * @param dllNanos the latest DLL time the gateway had seen (UTC ns, 0 if none): orders created before it are
     *     not this intent's
     */
    record Intent(OrderIntent intent, long wallNanos, long dllNanos) implements JournalRecord {
        @Override
        public String key() {
            return intent.key().value();
        }
    }

    /** SendOrder / SendZeroPositionV2 returned a LocalOrderID in DLL session {@code generation} of gateway session {@code sessionId}. */
    record Sent(String key, String sessionId, long generation, long localOrderId, long messageId) implements JournalRecord {
    }

    /** The DLL refused at once with NResult {@code code}: nothing was sent. */
    record Refused(String key, int code) implements JournalRecord {
    }

    /** The DLL named the order: the key's ClOrderID, permanent across sessions. */
    record Bound(String key, String clOrderId) implements JournalRecord {
    }

    /** After a restart the DLL's history held no order for the intent: it never reached the DLL. */
    record NotSent(String key, String reason) implements JournalRecord {
    }
}
