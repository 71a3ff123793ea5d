package blackbox.oms.store;

import blackbox.oms.core.BlockId;
import blackbox.oms.core.ClOrdId;
import blackbox.oms.core.DeskId;
import blackbox.oms.core.Edge;
import blackbox.oms.core.EventType;
import blackbox.oms.core.OrdStatus;
import blackbox.oms.core.Order;
import blackbox.oms.core.OrderEvent;
import blackbox.oms.core.OrderId;
import blackbox.oms.core.StrategyId;
import blackbox.oms.core.TradeDates;
import blackbox.platform.domain.AccountId;
import blackbox.platform.domain.InstrumentId;
import blackbox.platform.domain.Side;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/** The SQL of {@code oms.events} and {@code oms.event_anomalies}, and the event sequence. */
final class EventRows {
    /**
     * The transaction-level advisory lock every event-appending transaction takes just before it draws sequence
     * numbers, held to its commit: numbers are then drawn in commit order, so a stream resuming after N never
     * misses an event committed later with a smaller number.
     */
    static final long SEQUENCE_LOCK = 0x6F6D735F65767473L; // "oms_evts"

    static final String COLUMNS = "e.sequence, e.cl_ord_id, e.account_id, e.block_id, e.type, e.edge, e.payload::text"
            + " AS payload, e.status, e.previous_status, e.venue_order_id, e.order_qty, e.cum_qty, e.leaves_qty,"
            + " e.notional, e.price, e.stop_price, e.text, e.trade_date, e.ts_event, e.ts_init, o.desk_id, o.strategy_id,"
            + " o.parent_cl_ord_id, o.ticker, o.exchange, o.side";

    private static final String INSERT = "INSERT INTO oms.events (sequence, order_ref, cl_ord_id, account_id, block_id,"
            + " type, edge, exec_id, last_qty, last_px, trade_date, payload, status, previous_status, venue_order_id,"
            + " order_qty, cum_qty, leaves_qty, notional, price, stop_price, text, ts_event, ts_init) VALUES (:sequence,"
            + " :order_ref, :cl_ord_id, :account_id, :block_id, :type, :edge, :exec_id, CAST(:last_qty AS bigint),"
            + " CAST(:last_px AS bigint), CAST(:trade_date AS date), CAST(:payload AS jsonb), :status, :previous_status,"
            + " :venue_order_id, :order_qty, :cum_qty, :leaves_qty, :notional, :price, :stop_price, :text, :ts_event,"
            + " :ts_init)";

    private EventRows() {
    }

    /** {@code n} new sequence numbers, ascending, drawn under {@link #SEQUENCE_LOCK}. */
    static long[] nextSequences(Handle h, int n) {
        h.createQuery("SELECT 1 FROM pg_advisory_xact_lock(:key)").bind("key", SEQUENCE_LOCK).mapTo(Integer.class).one();
        long[] sequences = h.createQuery("SELECT nextval('oms.event_sequence') FROM generate_series(1, :n)")
                .bind("n", n).mapTo(Long.class).list().stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(sequences);
        return sequences;
    }

    /** Appends the event that moved {@code before} to {@code after}. */
    static void insert(Handle h, long sequence, long orderRef, Order before, Order after, OrderEvent event, Edge edge,
                       ZoneId zone) {
        OrderEvent.Filled fill = event instanceof OrderEvent.Filled f ? f : null;
        bind(h.createUpdate(INSERT), sequence, orderRef, after, EventType.of(event), edge, before.status(),
                EventPayload.write(event), event.tsEvent(), event.tsInit())
                .bind("exec_id", fill == null ? null : fill.execId().value())
                .bind("last_qty", fill == null ? null : Long.valueOf(fill.lastQty()))
                .bind("last_px", fill == null ? null : Long.valueOf(fill.lastPx()))
                .bind("trade_date", fill == null ? null : TradeDates.of(fill.tsEvent(), zone).toString())
                .execute();
    }

    /** Appends the CREATED events of new orders (one batch). */
    static void insertCreated(Handle h, long[] sequences, List<Long> orderRefs, List<Order> orders) {
        PreparedBatch batch = h.prepareBatch(INSERT);
        for (int i = 0; i < orders.size(); i++) {
            Order o = orders.get(i);
            bind(batch, sequences[i], orderRefs.get(i), o, EventType.CREATED, Edge.NONE, null, "{}",
                    o.spec().createdNanos(), o.spec().createdNanos())
                    .bind("exec_id", (String) null).bind("last_qty", (Long) null).bind("last_px", (Long) null)
                    .bind("trade_date", (String) null).add();
        }
        batch.execute();
    }

    private static <S extends org.jdbi.v3.core.statement.SqlStatement<S>> S bind(S s, long sequence, long orderRef,
            Order after, EventType type, Edge edge, OrdStatus previous, String payload, long tsEvent, long tsInit) {
        return s.bind("sequence", sequence)
                .bind("order_ref", orderRef)
                .bind("cl_ord_id", after.clOrdId().value())
                .bind("account_id", after.spec().account().value())
                .bind("block_id", after.spec().block().map(BlockId::value).orElse(null))
                .bind("type", type.name())
                .bind("edge", edge.name())
                .bind("payload", payload)
                .bind("status", after.status().name())
                .bind("previous_status", previous == null ? null : previous.name())
                .bind("venue_order_id", after.orderId() == null ? null : after.orderId().value())
                .bind("order_qty", after.orderQty())
                .bind("cum_qty", after.cumQty())
                .bind("leaves_qty", after.leavesQty())
                .bind("notional", after.notional())
                .bind("price", after.price())
                .bind("stop_price", after.stopPrice())
                .bind("text", after.text())
                .bind("ts_event", tsEvent)
                .bind("ts_init", tsInit);
    }

    /**
     * Appends a transaction's events, {@code sequences[i]} for {@code events.get(i)}, in one statement
     * ({@link Unnest}: each column one array).
     */
    static void insertAll(Handle h, long[] sequences, List<PendingEvent> events, java.util.Map<ClOrdId, Long> refs, ZoneId zone) {
        if (events.isEmpty()) return;
        Unnest rows = new Unnest().bigint("sequence").bigint("order_ref").text("cl_ord_id").text("account_id")
                .text("block_id").text("type").text("edge").text("exec_id").bigint("last_qty").bigint("last_px")
                .text("trade_date", "date").text("payload", "jsonb").text("status").text("previous_status")
                .text("venue_order_id").bigint("order_qty").bigint("cum_qty").bigint("leaves_qty").bigint("notional")
                .bigint("price").bigint("stop_price").text("text").bigint("ts_event").bigint("ts_init");
        for (int i = 0; i < events.size(); i++) {
            PendingEvent e = events.get(i);
            OrderEvent.Filled fill = e.event() instanceof OrderEvent.Filled f ? f : null;
            Order after = e.after();
            Long ref = refs.get(after.clOrdId());
            if (ref == null) throw new IllegalStateException("no row for " + after.clOrdId());
            rows.set(sequences[i]).set(ref).set(after.clOrdId().value()).set(after.spec().account().value())
                    .set(after.spec().block().map(BlockId::value).orElse(null)).set(e.type().name()).set(e.edge().name())
                    .set(fill == null ? null : fill.execId().value())
                    .set(fill == null ? null : Long.valueOf(fill.lastQty()))
                    .set(fill == null ? null : Long.valueOf(fill.lastPx()))
                    .set(fill == null ? null : TradeDates.of(fill.tsEvent(), zone).toString())
                    .set(e.event() == null ? "{}" : EventPayload.write(e.event()))
                    .set(after.status().name()).set(e.before() == null ? null : e.before().status().name())
                    .set(after.orderId() == null ? null : after.orderId().value())
                    .set(after.orderQty()).set(after.cumQty()).set(after.leavesQty()).set(after.notional())
                    .set(after.price()).set(after.stopPrice()).set(after.text()).set(e.tsEvent()).set(e.tsInit());
        }
        Unnest.execute(h, rows.insert("oms.events"), rows, events.size());
    }

    /** Records events that changed nothing, in one batch. */
    static void insertAnomalies(Handle h, List<PendingAnomaly> anomalies, java.util.Map<ClOrdId, Long> refs) {
        if (anomalies.isEmpty()) return;
        PreparedBatch batch = h.prepareBatch(ANOMALY);
        for (PendingAnomaly a : anomalies) {
            bindAnomaly(batch, refs.get(a.at().clOrdId()), a.at(), a.event(), a.outcome(), a.code(), a.alarm(), a.message()).add();
        }
        batch.execute();
    }

    /** The event as {@code StreamOrderEvents} and the audit trail show it, without reading it back. */
    static StoredEvent stored(long sequence, PendingEvent e, ZoneId zone) {
        Order o = e.after();
        var spec = o.spec();
        java.util.Optional<java.time.LocalDate> tradeDate = e.event() instanceof OrderEvent.Filled f
                ? java.util.Optional.of(TradeDates.of(f.tsEvent(), zone)) : java.util.Optional.empty();
        return new StoredEvent(sequence, e.type(), e.edge(), o.clOrdId(), spec.account(), spec.desk(), spec.strategy(),
                spec.block(), spec.parent(), spec.instrument(), spec.side(), java.util.Optional.ofNullable(e.event()),
                o.status(), java.util.Optional.ofNullable(e.before()).map(Order::status),
                java.util.Optional.ofNullable(o.orderId()), o.orderQty(), o.cumQty(), o.leavesQty(), o.notional(),
                o.price(), o.stopPrice(), o.text(), tradeDate, e.tsEvent(), e.tsInit());
    }

    private static final String ANOMALY = "INSERT INTO oms.event_anomalies (order_ref, cl_ord_id, type, outcome, code, alarm,"
            + " message, payload, status, ts_event, ts_init) VALUES (:order_ref, :cl_ord_id, :type, :outcome, :code,"
            + " :alarm, :message, CAST(:payload AS jsonb), :status, :ts_event, :ts_init)";

    private static <S extends org.jdbi.v3.core.statement.SqlStatement<S>> S bindAnomaly(S s, long orderRef, Order order,
            OrderEvent event, String outcome, String code, boolean alarm, String message) {
        return s.bind("order_ref", orderRef)
                .bind("cl_ord_id", order.clOrdId().value())
                .bind("type", EventType.of(event).name())
                .bind("outcome", outcome)
                .bind("code", code)
                .bind("alarm", alarm)
                .bind("message", message)
                .bind("payload", EventPayload.write(event))
                .bind("status", order.status().name())
                .bind("ts_event", event.tsEvent())
                .bind("ts_init", event.tsInit());
    }

    /** Records an event that changed nothing (refused, or ignored for a reason other than a plain duplicate). */
    static void insertAnomaly(Handle h, long orderRef, Order order, OrderEvent event, String outcome, String code,
                              boolean alarm, String message) {
        bindAnomaly(h.createUpdate(ANOMALY), orderRef, order, event, outcome, code, alarm, message).execute();
    }

    /** Maps a row of {@link #COLUMNS} (events joined with their orders as {@code o}). */
    static StoredEvent map(ResultSet rs) throws SQLException {
        EventType type = EventType.valueOf(rs.getString("type"));
        long tsEvent = rs.getLong("ts_event");
        long tsInit = rs.getLong("ts_init");
        String block = rs.getString("block_id");
        String strategy = rs.getString("strategy_id");
        String parent = rs.getString("parent_cl_ord_id");
        String previous = rs.getString("previous_status");
        String venueOrderId = rs.getString("venue_order_id");
        Date tradeDate = rs.getDate("trade_date");
        return new StoredEvent(rs.getLong("sequence"), type, Edge.valueOf(rs.getString("edge")),
                new ClOrdId(rs.getString("cl_ord_id")), new AccountId(rs.getString("account_id")),
                new DeskId(rs.getString("desk_id")), Optional.ofNullable(strategy).map(StrategyId::new),
                Optional.ofNullable(block).map(BlockId::new), Optional.ofNullable(parent).map(ClOrdId::new),
                new InstrumentId(rs.getString("ticker"), rs.getString("exchange")), Side.valueOf(rs.getString("side")),
                Optional.ofNullable(EventPayload.read(type, rs.getString("payload"), tsEvent, tsInit)),
                OrdStatus.valueOf(rs.getString("status")), Optional.ofNullable(previous).map(OrdStatus::valueOf),
                Optional.ofNullable(venueOrderId).map(OrderId::new), rs.getLong("order_qty"), rs.getLong("cum_qty"),
                rs.getLong("leaves_qty"), rs.getLong("notional"), rs.getLong("price"), rs.getLong("stop_price"),
                rs.getString("text"), Optional.ofNullable(tradeDate).map(Date::toLocalDate), tsEvent, tsInit);
    }
}
