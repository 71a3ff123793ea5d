package blackbox.gateway.trading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** What SendOrder answers for a key: never UNKNOWN for an order this run sent, whatever the engine has published. */
class KeyAnswersTest {
    private static final long NOW = 1_744_117_200_000_000_000L;
    private final IdempotencyBook book = new IdempotencyBook();

    private static ExecReport answer(IdempotencyBook.Entry e, Function<String, Optional<ExecReport>> views) {
        return KeyAnswers.answer(e, views, code -> "SendOrder(" + code + ")", NOW);
    }

    private IdempotencyBook.Entry sent(String key) {
        IdempotencyBook.Entry e = ((IdempotencyBook.Claim.Fresh) book.claim(Orders.limitBuy(key, 100, "36.01"), 0)).entry();
        book.sent(e, 1, 55, 66);
        return e;
    }

    @Test
    void aSendWhoseFirstCallbackBoundItsKeyBeforeTheEngineViewIsSeenAnswersPendingNewWithTheDllIds() {
        // the interleaving found under load: the DLL's callback bound the ClOrderID while the answer was being built,
        // and the engine's view of the key was not there when the answer looked
        IdempotencyBook.Entry e = sent("K");
        book.bind("K", "CL-55");
        ExecReport r = answer(e, k -> Optional.empty());
        assertEquals(OrdStatus.PENDING_NEW, r.ordStatus());
        assertEquals(ExecType.ORDER_STATUS, r.execType());
        assertEquals(55, r.localOrderId());
        assertEquals("CL-55", r.clOrderId());
        assertEquals(66, r.messageId());
        assertEquals("K", r.idempotencyKey());
        assertEquals(100, r.leavesQty());
        assertEquals("", r.text());
    }

    @Test
    void theEngineViewWinsWhenItIsThere() {
        IdempotencyBook.Entry e = sent("K");
        ExecReport view = KeyAnswers.fromIntent(e, OrdStatus.NEW, "acked", NOW + 1);
        book.bind("K", "CL-55");
        assertSame(view, answer(e, k -> k.equals("K") ? Optional.of(view) : Optional.empty()));
    }

    @Test
    void theStateIsReadBeforeTheViewSoABindingMadeInBetweenFindsTheViewItFollows() {
        IdempotencyBook.Entry e = sent("K");
        ExecReport view = KeyAnswers.fromIntent(e, OrdStatus.NEW, "", NOW + 1);
        // the engine thread runs between the answer's two reads: it publishes the view, then binds the key
        ExecReport r = answer(e, k -> {
            book.bind("K", "CL-55");
            return Optional.of(view);
        });
        assertSame(view, r);
    }

    @Test
    void aKeyBoundOnlyByARestartsHistoryMatchIsUnknownUntilItsStateIsRead() {
        book.load(List.of(new IdempotencyBook.Recovered(Orders.limitBuy("R", 100, "36.01"), 0, IdempotencyBook.State.BOUND,
                "CL-OLD", 0, "")));
        ExecReport r = answer(book.get("R").orElseThrow(), k -> Optional.empty());
        assertEquals(OrdStatus.UNKNOWN, r.ordStatus());
        assertEquals("CL-OLD", r.clOrderId());
        assertEquals(KeyAnswers.READ_FROM_HISTORY, r.text());
    }

    @Test
    void refusedInDoubtNotSentAndSendingAnswerFromTheIntent() {
        IdempotencyBook.Entry refused = ((IdempotencyBook.Claim.Fresh) book.claim(Orders.limitBuy("F", 100, "36.01"), 0)).entry();
        book.refused(refused, -2147483645);
        assertEquals(OrdStatus.REJECTED, answer(refused, k -> Optional.empty()).ordStatus());
        assertEquals("SendOrder(-2147483645)", answer(refused, k -> Optional.empty()).text());
        IdempotencyBook.Entry sending = ((IdempotencyBook.Claim.Fresh) book.claim(Orders.limitBuy("S", 100, "36.01"), 0)).entry();
        assertEquals(OrdStatus.PENDING_NEW, answer(sending, k -> Optional.empty()).ordStatus());
        book.load(List.of(new IdempotencyBook.Recovered(Orders.limitBuy("D", 100, "36.01"), 0, IdempotencyBook.State.SENT, "", 0, "")));
        assertEquals(OrdStatus.UNKNOWN, answer(book.get("D").orElseThrow(), k -> Optional.empty()).ordStatus());
        book.notSent("D", "never reached the DLL");
        ExecReport notSent = answer(book.get("D").orElseThrow(), k -> Optional.empty());
        assertEquals(OrdStatus.REJECTED, notSent.ordStatus());
        assertEquals("never reached the DLL", notSent.text());
    }
}
