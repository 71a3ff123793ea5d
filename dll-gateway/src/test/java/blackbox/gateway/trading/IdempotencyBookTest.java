package blackbox.gateway.trading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IdempotencyBookTest {
    private final IdempotencyBook book = new IdempotencyBook();

    private static OrderSnapshot order(String cl, long qty, double price, long created) {
        return new OrderSnapshot(0, cl, Orders.ACCOUNT, Orders.PETR4, 1, 2, 0, qty, 0, qty, price, -1, 0, "", created, created, 0, 0);
    }

    @Test
    void aKeyIsFreshOnceThenADuplicateOrAConflict() {
        OrderIntent a = Orders.limitBuy("K", 100, "36.01");
        IdempotencyBook.Entry e = assertInstanceOf(IdempotencyBook.Claim.Fresh.class, book.claim(a, 0)).entry();
        assertEquals(IdempotencyBook.State.SENDING, e.state());
        assertTrue(!e.settled().isDone());
        assertInstanceOf(IdempotencyBook.Claim.Duplicate.class, book.claim(Orders.limitBuy("K", 100, "36.010"), 0));
        assertInstanceOf(IdempotencyBook.Claim.Conflict.class, book.claim(Orders.limitBuy("K", 200, "36.01"), 0));
        book.sent(e, 1, 55, 66);
        assertTrue(e.settled().isDone());
        assertEquals(55, e.localOrderId());
        assertTrue(book.bind("K", "CL-55"));
        assertEquals("K", book.keyOf("CL-55").orElseThrow());
        assertEquals(IdempotencyBook.State.BOUND, e.state());
    }

    @Test
    void aRefusedKeyStaysRefusedAndIsNeverBound() {
        IdempotencyBook.Entry e = ((IdempotencyBook.Claim.Fresh) book.claim(Orders.limitBuy("K", 100, "36.01"), 0)).entry();
        book.refused(e, -2147483645);
        assertTrue(!book.bind("K", "CL"));
        assertEquals(IdempotencyBook.State.REFUSED, e.state());
    }

    @Test
    void afterARestartKeysWithoutClOrderIdAreInDoubtUntilMatchedToTheHistory() {
        book.load(List.of(
                new IdempotencyBook.Recovered(Orders.limitBuy("A", 100, "36.01"), 1_000_000_000_000L, IdempotencyBook.State.SENT, "", 0, ""),
                new IdempotencyBook.Recovered(Orders.limitBuy("B", 100, "36.01"), 1_000_000_000_001L, IdempotencyBook.State.SENDING, "", 0, ""),
                new IdempotencyBook.Recovered(Orders.limitBuy("C", 200, "36.01"), 1_000_000_000_002L, IdempotencyBook.State.SENDING, "", 0, ""),
                new IdempotencyBook.Recovered(Orders.limitBuy("D", 100, "36.01"), 0, IdempotencyBook.State.BOUND, "CL-OLD", 0, "")));
        assertEquals(3, book.inDoubt(Orders.ACCOUNT).size());
        List<OrderSnapshot> history = List.of(
                order("CL-OLD", 100, 36.01, 1_000_000_000_000L),          // D's: bound already
                order("CL-EARLY", 100, 36.01, 900_000_000_000L),          // created long before the intents
                order("CL-2", 100, 36.01, 1_000_000_000_500L),
                order("CL-1", 100, 36.01, 1_000_000_000_400L),
                order("CL-PX", 200, 36.02, 1_000_000_000_600L));          // C's quantity at another price
        IdempotencyBook.Resolution r = book.resolve(Orders.ACCOUNT, history);
        List<IdempotencyBook.Match> m = r.matches();
        assertEquals(List.of("C"), r.notSent());
        assertEquals(List.of("A", "B"), m.stream().map(IdempotencyBook.Match::key).toList());
        assertEquals("CL-1", m.get(0).order().clOrderId(), "the earliest matching order goes to the earliest intent");
        assertEquals("CL-2", m.get(1).order().clOrderId());
        assertEquals(IdempotencyBook.State.NOT_SENT, book.get("C").orElseThrow().state());
        assertEquals("B", book.keyOf("CL-2").orElseThrow());
        assertEquals(List.of(), book.inDoubt(Orders.ACCOUNT));
    }

    @Test
    void inDoubtKeysAreMatchedInJournalOrderEvenWhenTheyShareADllTime() {
        // concurrent intents see the same latest DLL time: the journal's order decides which order is whose
        book.load(List.of(
                new IdempotencyBook.Recovered(Orders.limitBuy("FIRST", 100, "36.01"), 1_000_000_000_000L, IdempotencyBook.State.SENT, "", 0, ""),
                new IdempotencyBook.Recovered(Orders.limitBuy("SECOND", 100, "36.01"), 1_000_000_000_000L, IdempotencyBook.State.SENDING, "", 0, "")));
        IdempotencyBook.Resolution r = book.resolve(Orders.ACCOUNT, List.of(
                order("CL-B", 100, 36.01, 1_000_000_000_200L),
                order("CL-A", 100, 36.01, 1_000_000_000_100L)));
        assertEquals(List.of(), r.notSent());
        assertEquals("FIRST", book.keyOf("CL-A").orElseThrow());
        assertEquals("SECOND", book.keyOf("CL-B").orElseThrow());
    }

    @Test
    void theAccountsToReadAtStartAreThoseOfEveryKeyThatMayNameAnOrder() {
        AccountKey other = new AccountKey(308, "2002", "");
        AccountKey sub = new AccountKey(308, "3003", "S1");
        AccountKey refusedOnly = new AccountKey(308, "4004", "");
        AccountKey notSentOnly = new AccountKey(308, "5005", "");
        book.load(List.of(
                new IdempotencyBook.Recovered(Orders.limitBuy("BOUND", 100, "36.01"), 0, IdempotencyBook.State.BOUND, "CL-1", 0, ""),
                new IdempotencyBook.Recovered(in(other, "DOUBT"), 0, IdempotencyBook.State.SENT, "", 0, ""),
                new IdempotencyBook.Recovered(in(sub, "SUB"), 0, IdempotencyBook.State.BOUND, "CL-2", 0, ""),
                new IdempotencyBook.Recovered(in(refusedOnly, "REFUSED"), 0, IdempotencyBook.State.REFUSED, "", -2147483645, ""),
                new IdempotencyBook.Recovered(in(notSentOnly, "GONE"), 0, IdempotencyBook.State.NOT_SENT, "", 0, "never sent")));
        // bound keys have no order state until their account's history is read: they count, not only keys in doubt
        assertEquals(Set.of(Orders.ACCOUNT, other, sub), book.accounts());
        assertEquals(Set.of(other), book.accountsInDoubt());
    }

    private static OrderIntent in(AccountKey account, String key) {
        OrderIntent i = Orders.limitBuy(key, 100, "36.01");
        return new OrderIntent(i.key(), i.kind(), account, i.instrument(), i.side(), i.ordType(), i.quantity(), i.price(), i.stopPrice(),
                i.positionType());
    }
}
