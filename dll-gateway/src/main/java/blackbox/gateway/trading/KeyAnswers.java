package blackbox.gateway.trading;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.function.Function;

/**
 * What a SendOrder (or a repeated key) answers: the order its idempotency key names, as it stands. Pure; called on
 * RPC threads and the order-send thread.
 *
 * <p>The entry's state is read <b>before</b> the engine's view of the key. The engine thread publishes the view
 * when it binds the send ({@code TradingEngine.bindSend}) and only later binds the key to the DLL's ClOrderID
 * ({@link IdempotencyBook#bind}), so an entry seen BOUND has its view published; reading the view first, a send whose
 * first callback raced its own return found no view, then a BOUND entry, and answered UNKNOWN for an order it had
 * just sent (seen under load, issue 13). A key sent in this run ({@code localOrderId > 0}) whose view is not there
 * yet answers what the send knows — PENDING_NEW with the DLL's ids; only a key bound by a restart's history match
 * (never sent by this run) answers UNKNOWN until the history is read.
 */
public final class KeyAnswers {
    static final String READ_FROM_HISTORY = "order known by its ClOrderID; its state is read from the DLL's history";
    static final String IN_DOUBT = "the gateway restarted before learning this order's outcome; it is being matched"
            + " against the DLL's order history";

    private KeyAnswers() {
    }

    /**
     * @param views the engine's latest report of a key, if any
     * @param refusal the text of a DLL refusal code (REFUSED entries)
     * @param now UTC epoch ns: the time of an answer built from the intent
     */
    public static ExecReport answer(IdempotencyBook.Entry e, Function<String, Optional<ExecReport>> views,
                                    Function<Integer, String> refusal, long now) {
        IdempotencyBook.State state = e.state(); // first: see the class comment
        ExecReport view = views.apply(e.intent().key().value()).orElse(null);
        return switch (state) {
            case SENT, BOUND -> view != null ? view
                    : state == IdempotencyBook.State.SENT || e.localOrderId() > 0 ? fromIntent(e, OrdStatus.PENDING_NEW, "", now)
                    : fromIntent(e, OrdStatus.UNKNOWN, READ_FROM_HISTORY, now);
            case REFUSED -> view != null ? view : fromIntent(e, OrdStatus.REJECTED, refusal.apply(e.refusedCode()), now);
            case IN_DOUBT -> fromIntent(e, OrdStatus.UNKNOWN, IN_DOUBT, now);
            case NOT_SENT -> fromIntent(e, OrdStatus.REJECTED, e.reason(), now);
            case SENDING -> fromIntent(e, OrdStatus.PENDING_NEW, "", now);
        };
    }

    /** An ORDER_STATUS report from the intent and the ids the entry has (LocalOrderID, ClOrderID, MessageID). */
    static ExecReport fromIntent(IdempotencyBook.Entry e, OrdStatus status, String text, long now) {
        OrderIntent i = e.intent();
        return new ExecReport("", ExecType.ORDER_STATUS, status, i.key().value(), e.localOrderId(), e.clOrderId(), e.messageId(),
                i.account(), i.instrument(), i.side() == null ? 0 : i.side().code(), i.ordType() == null ? 0 : i.ordType().code(),
                i.quantity(), i.price(), i.stopPrice(), 0, status.terminal() ? 0 : i.quantity(), BigDecimal.ZERO, 0, null, text,
                -1, 0, now, now);
    }
}
