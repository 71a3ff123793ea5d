package blackbox.oms.core;

import static blackbox.oms.core.Fixtures.PX;
import static blackbox.oms.core.Fixtures.PX2;
import static blackbox.oms.core.Fixtures.T0;
import static blackbox.oms.core.Fixtures.accepted;
import static blackbox.oms.core.Fixtures.after;
import static blackbox.oms.core.Fixtures.fill;
import static blackbox.oms.core.Fixtures.pendingNew;
import static blackbox.oms.core.Fixtures.sent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The specification of {@link Transitions}: every status × every event type, written out independently of the
 * code. Each order is a 1,000-share limit buy reached through the machine itself; PARTIALLY_FILLED, the pending
 * states, CANCELED and EXPIRED have CumQty 300. The canonical event of each type is in {@link #EVENTS}.
 *
 * <p>Cells: {@code STATUS} applied (ordinary), {@code STATUS*EDGE} applied through an odd-but-legal edge,
 * {@code ~REASON} ignored, {@code !CODE} refused.
 */
class TransitionTableTest {
    static final String TABLE = """
            state            Sent    Accepted  Rejected  Denied  Filled  CancelRequested  Canceled  CancelRejected  ReplaceRequested  Replaced  ReplaceRejected  Expired  OutcomeUnknown  StatusRead
            PENDING_NEW      PENDING_NEW  NEW  REJECTED  DENIED  PARTIALLY_FILLED*FILL_BEFORE_ACK  PENDING_CANCEL  CANCELED*UNSOLICITED_CANCEL  ~NOTHING_PENDING  !NOT_ACKNOWLEDGED  NEW*UNSOLICITED_REPLACE  ~NOTHING_PENDING  EXPIRED  UNKNOWN  CANCELED*RECONCILED
            NEW              ~ROUTING_PROGRESS  ~DUPLICATE_REPORT  !CONTRADICTS_STATE  !NOT_PENDING_NEW  PARTIALLY_FILLED  PENDING_CANCEL  CANCELED*UNSOLICITED_CANCEL  ~NOTHING_PENDING  PENDING_REPLACE  NEW*UNSOLICITED_REPLACE  ~NOTHING_PENDING  EXPIRED  UNKNOWN  CANCELED*RECONCILED
            PARTIALLY_FILLED ~ROUTING_PROGRESS  ~LATE_REPORT  !CONTRADICTS_STATE  !NOT_PENDING_NEW  PARTIALLY_FILLED  PENDING_CANCEL  CANCELED*UNSOLICITED_CANCEL  ~NOTHING_PENDING  PENDING_REPLACE  PARTIALLY_FILLED*UNSOLICITED_REPLACE  ~NOTHING_PENDING  EXPIRED  UNKNOWN  CANCELED*RECONCILED
            FILLED           ~ROUTING_PROGRESS  ~LATE_REPORT  !CONTRADICTS_STATE  !NOT_PENDING_NEW  !OVERFILL  !ORDER_FINAL  ~LATE_REPORT  ~LATE_REPORT  !ORDER_FINAL  ~LATE_REPORT  ~LATE_REPORT  ~LATE_REPORT  ~OUTCOME_ALREADY_KNOWN  !CONTRADICTS_STATE
            PENDING_CANCEL   ~ROUTING_PROGRESS  ~DUPLICATE_REPORT  !CONTRADICTS_STATE  !NOT_PENDING_NEW  PENDING_CANCEL  !CANCEL_PENDING  CANCELED  PARTIALLY_FILLED*CANCEL_REJECTED_RESTORED  !CANCEL_PENDING  PENDING_CANCEL*UNSOLICITED_REPLACE  ~NOTHING_PENDING  EXPIRED  UNKNOWN  CANCELED*RECONCILED
            PENDING_REPLACE  ~ROUTING_PROGRESS  ~DUPLICATE_REPORT  !CONTRADICTS_STATE  !NOT_PENDING_NEW  PENDING_REPLACE  !REPLACE_PENDING  CANCELED*UNSOLICITED_CANCEL  ~NOTHING_PENDING  !REPLACE_PENDING  PARTIALLY_FILLED  PARTIALLY_FILLED*REPLACE_REJECTED_RESTORED  EXPIRED  UNKNOWN  CANCELED*RECONCILED
            CANCELED         ~ROUTING_PROGRESS  ~LATE_REPORT  !CONTRADICTS_STATE  !NOT_PENDING_NEW  CANCELED*FILL_AFTER_CANCELED  !ORDER_FINAL  ~DUPLICATE_REPORT  ~LATE_REPORT  !ORDER_FINAL  ~LATE_REPORT  ~LATE_REPORT  ~LATE_REPORT  ~OUTCOME_ALREADY_KNOWN  ~DUPLICATE_REPORT
            EXPIRED          ~ROUTING_PROGRESS  ~LATE_REPORT  !CONTRADICTS_STATE  !NOT_PENDING_NEW  EXPIRED*FILL_AFTER_EXPIRED  !ORDER_FINAL  ~LATE_REPORT  ~LATE_REPORT  !ORDER_FINAL  ~LATE_REPORT  ~LATE_REPORT  ~DUPLICATE_REPORT  ~OUTCOME_ALREADY_KNOWN  !CONTRADICTS_STATE
            REJECTED         ~ROUTING_PROGRESS  !CONTRADICTS_STATE  ~DUPLICATE_REPORT  !NOT_PENDING_NEW  !FILL_FOR_DEAD_ORDER  !ORDER_FINAL  !CONTRADICTS_STATE  ~LATE_REPORT  !ORDER_FINAL  !CONTRADICTS_STATE  ~LATE_REPORT  !CONTRADICTS_STATE  ~OUTCOME_ALREADY_KNOWN  !CONTRADICTS_STATE
            DENIED           !CONTRADICTS_STATE  !CONTRADICTS_STATE  !CONTRADICTS_STATE  ~DUPLICATE_REPORT  !FILL_FOR_DEAD_ORDER  !ORDER_FINAL  !CONTRADICTS_STATE  ~LATE_REPORT  !ORDER_FINAL  !CONTRADICTS_STATE  ~LATE_REPORT  !CONTRADICTS_STATE  ~OUTCOME_ALREADY_KNOWN  !CONTRADICTS_STATE
            UNKNOWN          UNKNOWN  NEW*OUTCOME_KNOWN  REJECTED*OUTCOME_KNOWN  !NOT_PENDING_NEW  PARTIALLY_FILLED*FILL_WHILE_UNKNOWN  !OUTCOME_UNKNOWN  CANCELED*OUTCOME_KNOWN  ~NOTHING_PENDING  !OUTCOME_UNKNOWN  NEW*OUTCOME_KNOWN  ~NOTHING_PENDING  EXPIRED*OUTCOME_KNOWN  ~DUPLICATE_REPORT  CANCELED*RECONCILED
            """;

    /** The canonical event of each type; StatusRead mirrors the order's own quantities and says CANCELED. */
    static final Map<String, Function<Order, OrderEvent>> EVENTS = new LinkedHashMap<>();

    static {
        EVENTS.put("Sent", o -> sent("OID-1"));
        EVENTS.put("Accepted", o -> accepted("OID-1"));
        EVENTS.put("Rejected", o -> new OrderEvent.Rejected("venue says no", T0 + 10, T0 + 11));
        EVENTS.put("Denied", o -> new OrderEvent.Denied("risk says no", T0 + 10, T0 + 11));
        EVENTS.put("Filled", o -> fill("E-table", 100, PX));
        EVENTS.put("CancelRequested", o -> new OrderEvent.CancelRequested(T0 + 10, T0 + 11));
        EVENTS.put("Canceled", o -> new OrderEvent.Canceled(T0 + 10, T0 + 11));
        EVENTS.put("CancelRejected", o -> new OrderEvent.CancelRejected("too late to cancel", T0 + 10, T0 + 11));
        EVENTS.put("ReplaceRequested", o -> new OrderEvent.ReplaceRequested(800, PX2, 0, T0 + 10, T0 + 11));
        EVENTS.put("Replaced", o -> new OrderEvent.Replaced(800, PX2, 0, T0 + 10, T0 + 11));
        EVENTS.put("ReplaceRejected", o -> new OrderEvent.ReplaceRejected("cannot change", T0 + 10, T0 + 11));
        EVENTS.put("Expired", o -> new OrderEvent.Expired(T0 + 10, T0 + 11));
        EVENTS.put("OutcomeUnknown", o -> new OrderEvent.OutcomeUnknown("routing dropped", T0 + 10, T0 + 11));
        EVENTS.put("StatusRead", o -> new OrderEvent.StatusRead(OrdStatus.CANCELED, o.orderQty(), o.cumQty(), o.price(),
                o.stopPrice(), null, "", T0 + 10, T0 + 11));
    }

    /** An order in each status, reached through the machine. */
    static Map<OrdStatus, Order> ordersInEveryStatus() {
        Map<OrdStatus, Order> orders = new EnumMap<>(OrdStatus.class);
        Order pn = pendingNew("T-1", 1000);
        Order nw = after(after(pn, sent("OID-1")), accepted("OID-1"));
        Order pf = after(nw, fill("E-1", 300, PX));
        orders.put(OrdStatus.PENDING_NEW, pn);
        orders.put(OrdStatus.NEW, nw);
        orders.put(OrdStatus.PARTIALLY_FILLED, pf);
        orders.put(OrdStatus.FILLED, after(pf, fill("E-2", 700, PX)));
        orders.put(OrdStatus.PENDING_CANCEL, after(pf, new OrderEvent.CancelRequested(T0, T0)));
        orders.put(OrdStatus.PENDING_REPLACE, after(pf, new OrderEvent.ReplaceRequested(800, PX2, 0, T0, T0)));
        orders.put(OrdStatus.CANCELED, after(pf, new OrderEvent.Canceled(T0, T0)));
        orders.put(OrdStatus.EXPIRED, after(pf, new OrderEvent.Expired(T0, T0)));
        orders.put(OrdStatus.REJECTED, after(pn, new OrderEvent.Rejected("no", T0, T0)));
        orders.put(OrdStatus.DENIED, after(pn, new OrderEvent.Denied("no", T0, T0)));
        orders.put(OrdStatus.UNKNOWN, after(pn, new OrderEvent.OutcomeUnknown("dropped", T0, T0)));
        return orders;
    }

    @Test
    void everyStatusTimesEveryEventIsAsSpecified() {
        Map<OrdStatus, Order> orders = ordersInEveryStatus();
        List<String> lines = TABLE.lines().filter(l -> !l.isBlank()).toList();
        List<String> header = List.of(lines.getFirst().trim().split("\\s+"));
        assertEquals(new ArrayList<>(EVENTS.keySet()), header.subList(1, header.size()), "columns are the event types");
        assertEquals(OrdStatus.values().length, lines.size() - 1, "one row per status");
        assertEquals(OrderEvent.class.getPermittedSubclasses().length, EVENTS.size(), "one column per event type");
        List<String> failures = new ArrayList<>();
        int cells = 0;
        for (String line : lines.subList(1, lines.size())) {
            String[] cell = line.trim().split("\\s+");
            OrdStatus status = OrdStatus.valueOf(cell[0]);
            Order order = orders.get(status);
            assertEquals(status, order.status());
            int column = 1;
            for (Map.Entry<String, Function<Order, OrderEvent>> event : EVENTS.entrySet()) {
                String expected = cell[column++];
                String actual = describe(Transitions.apply(order, event.getValue().apply(order)));
                cells++;
                if (!expected.equals(actual)) failures.add(status + " × " + event.getKey() + ": expected " + expected + ", got " + actual);
            }
        }
        assertEquals(OrdStatus.values().length * OrderEvent.class.getPermittedSubclasses().length, cells);
        if (!failures.isEmpty()) fail(failures.size() + " cells differ:\n" + String.join("\n", failures));
    }

    static String describe(Outcome outcome) {
        return switch (outcome) {
            case Outcome.Applied a -> a.order().status() + (a.edge() == Edge.NONE ? "" : "*" + a.edge());
            case Outcome.Ignored i -> "~" + i.reason();
            case Outcome.Refused r -> "!" + r.code();
        };
    }

    @Test
    void everyEdgeAndEveryIgnoreReasonAppearsInTheTableOrHasItsOwnTest() {
        String all = TABLE;
        for (Edge edge : Edge.values()) {
            if (edge == Edge.NONE || edge == Edge.FILLED_WHILE_PENDING || edge == Edge.ACK_WHILE_PENDING
                    || edge == Edge.REJECTED_WHILE_PENDING || edge == Edge.ORDER_ID_LATE) continue; // OddEdgesTest
            assertTrue(all.contains("*" + edge.name() + " ") || all.contains("*" + edge.name() + "\n"), edge.name());
        }
        for (IgnoreReason reason : IgnoreReason.values()) {
            if (reason == IgnoreReason.DUPLICATE_EXEC_ID || reason == IgnoreReason.ALREADY_RECONCILED
                    || reason == IgnoreReason.VENUE_UNDECIDED) continue; // OddEdgesTest
            assertTrue(all.contains("~" + reason.name()), reason.name());
        }
    }
}
