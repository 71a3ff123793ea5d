package blackbox.oms.store;

import blackbox.oms.core.Algorithm;
import blackbox.oms.core.BlockId;
import blackbox.oms.core.ClOrdId;
import blackbox.oms.core.DeskId;
import blackbox.oms.core.ExecId;
import blackbox.oms.core.ExecIds;
import blackbox.oms.core.OrdStatus;
import blackbox.oms.core.OrdType;
import blackbox.oms.core.Order;
import blackbox.oms.core.OrderId;
import blackbox.oms.core.OrderSpec;
import blackbox.oms.core.StrategyId;
import blackbox.oms.core.TimeInForce;
import blackbox.oms.core.UserId;
import blackbox.platform.domain.AccountId;
import blackbox.platform.domain.InstrumentId;
import blackbox.platform.domain.Side;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.SqlStatement;

/** The SQL of {@code oms.orders}: inserting, updating and reading {@link Order}s (with their ExecIDs). */
final class OrderRows {
    static final String COLUMNS = "o.id, o.cl_ord_id, o.order_id, o.account_id, o.desk_id, o.user_id, o.strategy_id,"
            + " o.block_id, o.parent_cl_ord_id, o.ticker, o.exchange, o.side, o.ord_type, o.time_in_force, o.expire_date,"
            + " o.algorithm::text AS algorithm, o.status, o.prior_status, o.order_qty, o.price, o.stop_price, o.cum_qty,"
            + " o.notional, o.reconciled_qty, o.pending_qty, o.pending_price, o.pending_stop_price, o.text,"
            + " o.created_nanos, o.updated_nanos, o.trade_date, o.last_sequence";

    private static final String INSERT = "INSERT INTO oms.orders (cl_ord_id, order_id, account_id, desk_id, user_id,"
            + " strategy_id, block_id, parent_cl_ord_id, ticker, exchange, side, ord_type, time_in_force, expire_date,"
            + " algorithm_kind, algorithm, status, prior_status, order_qty, price, stop_price, cum_qty, notional,"
            + " reconciled_qty, pending_qty, pending_price, pending_stop_price, text, created_nanos, updated_nanos,"
            + " trade_date, last_sequence) VALUES (:cl_ord_id, :order_id, :account_id, :desk_id, :user_id, :strategy_id,"
            + " :block_id, :parent_cl_ord_id, :ticker, :exchange, :side, :ord_type, :time_in_force, CAST(:expire_date AS date),"
            + " :algorithm_kind, CAST(:algorithm AS jsonb), :status, :prior_status, :order_qty, :price, :stop_price,"
            + " :cum_qty, :notional, :reconciled_qty, CAST(:pending_qty AS bigint), CAST(:pending_price AS bigint),"
            + " CAST(:pending_stop_price AS bigint), :text, :created_nanos, :updated_nanos, :trade_date, 0)";

    private static final String UPDATE = "UPDATE oms.orders SET order_id = :order_id, status = :status,"
            + " prior_status = :prior_status, order_qty = :order_qty, price = :price, stop_price = :stop_price,"
            + " cum_qty = :cum_qty, notional = :notional, reconciled_qty = :reconciled_qty,"
            + " pending_qty = CAST(:pending_qty AS bigint), pending_price = CAST(:pending_price AS bigint),"
            + " pending_stop_price = CAST(:pending_stop_price AS bigint), text = :text, updated_nanos = :updated_nanos,"
            + " last_sequence = :last_sequence WHERE id = :id";

    private OrderRows() {
    }

    /** A row read: its id, the order without ExecIDs yet, its last sequence. */
    record Row(long id, Order order, long lastSequence) {
    }

    /**
     * Inserts a new order unless its ClOrdID exists ({@code ON CONFLICT DO NOTHING}; a concurrent insert of the same
     * ClOrdID waits for the first to commit).
     *
     * @return the new row's id, or empty when the ClOrdID existed
     */
    static Optional<Long> insertIfAbsent(Handle h, Order order) {
        return bindOrder(h.createQuery(INSERT + " ON CONFLICT (cl_ord_id) DO NOTHING RETURNING id"), order)
                .mapTo(Long.class).findOne();
    }

    /** Inserts new orders (a block's children) in one batch; a ClOrdID that exists fails the transaction. */
    static List<Long> insertAll(Handle h, List<Order> orders) {
        PreparedBatch batch = h.prepareBatch(INSERT);
        for (Order order : orders) bindOrder(batch, order).add();
        return batch.executePreparedBatch("id").mapTo(Long.class).list();
    }

    /**
     * Inserts new orders in their state after this transaction's events, with their last sequence, in one statement
     * ({@link Unnest}); a ClOrdID that exists fails the transaction (the single writer knows every order it creates).
     *
     * @return each new row's id by ClOrdID
     */
    static Map<ClOrdId, Long> insertAll(Handle h, List<Order> orders, List<Long> lastSequences) {
        Map<ClOrdId, Long> ids = new HashMap<>();
        if (orders.isEmpty()) return ids;
        Unnest rows = stateColumns(new Unnest().text("cl_ord_id").text("account_id").text("desk_id").text("user_id")
                .text("strategy_id").text("block_id").text("parent_cl_ord_id").text("ticker").text("exchange").text("side")
                .text("ord_type").text("time_in_force").text("expire_date", "date").text("algorithm_kind")
                .text("algorithm", "jsonb").bigint("created_nanos").text("trade_date", "date")).bigint("last_sequence");
        for (int i = 0; i < orders.size(); i++) {
            Order o = orders.get(i);
            OrderSpec spec = o.spec();
            rows.set(spec.clOrdId().value()).set(spec.account().value()).set(spec.desk().value()).set(spec.user().value())
                    .set(spec.strategy().map(StrategyId::value).orElse(null)).set(spec.block().map(BlockId::value).orElse(null))
                    .set(spec.parent().map(ClOrdId::value).orElse(null)).set(spec.instrument().ticker())
                    .set(spec.instrument().exchange()).set(spec.side().name()).set(spec.ordType().name())
                    .set(spec.timeInForce().name()).set(spec.expireDate().map(LocalDate::toString).orElse(null))
                    .set(spec.algorithm().label()).set(AlgorithmJson.write(spec.algorithm())).set(spec.createdNanos())
                    .set(spec.tradeDate().toString());
            setState(rows, o).set(lastSequences.get(i));
        }
        Unnest.query(h, rows.insert("oms.orders") + " RETURNING id, cl_ord_id", rows,
                rs -> ids.put(new ClOrdId(rs.getString(2)), rs.getLong(1)));
        if (ids.size() != orders.size()) throw new IllegalStateException(ids.size() + " orders inserted of " + orders.size());
        return ids;
    }

    /** Writes existing orders' changing fields after a transaction's events, in one statement ({@link Unnest}). */
    static void updateAll(Handle h, List<Long> ids, List<Order> orders, List<Long> lastSequences) {
        if (ids.isEmpty()) return;
        Unnest rows = stateColumns(new Unnest().bigint("id")).bigint("last_sequence");
        for (int i = 0; i < ids.size(); i++) setState(rows.set(ids.get(i)), orders.get(i)).set(lastSequences.get(i));
        Unnest.execute(h, "UPDATE oms.orders o SET " + rows.assignments("id") + " FROM " + rows.from() + " WHERE o.id = u.id",
                rows, ids.size());
    }

    /** The columns an event changes, in {@link #setState}'s order. */
    private static Unnest stateColumns(Unnest u) {
        return u.text("order_id").text("status").text("prior_status").bigint("order_qty").bigint("price")
                .bigint("stop_price").bigint("cum_qty").bigint("notional").bigint("reconciled_qty").bigint("pending_qty")
                .bigint("pending_price").bigint("pending_stop_price").text("text").bigint("updated_nanos");
    }

    private static Unnest setState(Unnest u, Order order) {
        Order.PendingReplace pending = order.pendingReplace();
        return u.set(order.orderId() == null ? null : order.orderId().value()).set(order.status().name())
                .set(order.prior() == null ? null : order.prior().name()).set(order.orderQty()).set(order.price())
                .set(order.stopPrice()).set(order.cumQty()).set(order.notional()).set(order.reconciledQty())
                .set(pending == null ? null : Long.valueOf(pending.orderQty()))
                .set(pending == null ? null : Long.valueOf(pending.price()))
                .set(pending == null ? null : Long.valueOf(pending.stopPrice()))
                .set(order.text()).set(order.updatedNanos());
    }

    private static <S extends SqlStatement<S>> S bindOrder(S s, Order order) {
        OrderSpec spec = order.spec();
        return bindState(s, order)
                .bind("cl_ord_id", spec.clOrdId().value())
                .bind("account_id", spec.account().value())
                .bind("desk_id", spec.desk().value())
                .bind("user_id", spec.user().value())
                .bind("strategy_id", spec.strategy().map(StrategyId::value).orElse(null))
                .bind("block_id", spec.block().map(BlockId::value).orElse(null))
                .bind("parent_cl_ord_id", spec.parent().map(ClOrdId::value).orElse(null))
                .bind("ticker", spec.instrument().ticker())
                .bind("exchange", spec.instrument().exchange())
                .bind("side", spec.side().name())
                .bind("ord_type", spec.ordType().name())
                .bind("time_in_force", spec.timeInForce().name())
                .bind("expire_date", spec.expireDate().map(LocalDate::toString).orElse(null))
                .bind("algorithm_kind", spec.algorithm().label())
                .bind("algorithm", AlgorithmJson.write(spec.algorithm()))
                .bind("created_nanos", spec.createdNanos())
                .bind("trade_date", spec.tradeDate());
    }

    /** Writes an order's changing fields after an event. */
    static void update(Handle h, long id, Order order, long lastSequence) {
        int rows = bindState(h.createUpdate(UPDATE), order).bind("id", id).bind("last_sequence", lastSequence).execute();
        if (rows != 1) throw new IllegalStateException("order row " + id + " not updated");
    }

    private static <S extends SqlStatement<S>> S bindState(S s, Order order) {
        Order.PendingReplace pending = order.pendingReplace();
        return s.bind("order_id", order.orderId() == null ? null : order.orderId().value())
                .bind("status", order.status().name())
                .bind("prior_status", order.prior() == null ? null : order.prior().name())
                .bind("order_qty", order.orderQty())
                .bind("price", order.price())
                .bind("stop_price", order.stopPrice())
                .bind("cum_qty", order.cumQty())
                .bind("notional", order.notional())
                .bind("reconciled_qty", order.reconciledQty())
                .bind("pending_qty", pending == null ? null : Long.valueOf(pending.orderQty()))
                .bind("pending_price", pending == null ? null : Long.valueOf(pending.price()))
                .bind("pending_stop_price", pending == null ? null : Long.valueOf(pending.stopPrice()))
                .bind("text", order.text())
                .bind("updated_nanos", order.updatedNanos());
    }

    /** Maps a row of {@link #COLUMNS} (ExecIDs empty: see {@link #withExecIds}). */
    static Row map(ResultSet rs) throws SQLException {
        String strategy = rs.getString("strategy_id");
        String block = rs.getString("block_id");
        String parent = rs.getString("parent_cl_ord_id");
        Date expire = rs.getDate("expire_date");
        Algorithm algorithm = AlgorithmJson.read(rs.getString("algorithm"));
        OrderSpec spec = new OrderSpec(new ClOrdId(rs.getString("cl_ord_id")), new AccountId(rs.getString("account_id")),
                new DeskId(rs.getString("desk_id")), new UserId(rs.getString("user_id")),
                Optional.ofNullable(strategy).map(StrategyId::new),
                new InstrumentId(rs.getString("ticker"), rs.getString("exchange")), Side.valueOf(rs.getString("side")),
                OrdType.valueOf(rs.getString("ord_type")), TimeInForce.valueOf(rs.getString("time_in_force")),
                Optional.ofNullable(expire).map(Date::toLocalDate), algorithm, Optional.ofNullable(block).map(BlockId::new),
                Optional.ofNullable(parent).map(ClOrdId::new), rs.getLong("created_nanos"),
                rs.getDate("trade_date").toLocalDate());
        String prior = rs.getString("prior_status");
        String orderId = rs.getString("order_id");
        long pendingQty = rs.getLong("pending_qty");
        Order.PendingReplace pending = rs.wasNull() ? null
                : new Order.PendingReplace(pendingQty, rs.getLong("pending_price"), rs.getLong("pending_stop_price"));
        Order order = new Order(spec, OrdStatus.valueOf(rs.getString("status")), prior == null ? null : OrdStatus.valueOf(prior),
                orderId == null ? null : new OrderId(orderId), rs.getLong("order_qty"), rs.getLong("price"),
                rs.getLong("stop_price"), rs.getLong("cum_qty"), rs.getLong("notional"), rs.getLong("reconciled_qty"),
                pending, ExecIds.EMPTY, rs.getString("text"), rs.getLong("updated_nanos"));
        return new Row(rs.getLong("id"), order, rs.getLong("last_sequence"));
    }

    /** The rows' orders with the ExecIDs they counted (one query for all), in the rows' order. */
    static List<StoredOrder> withExecIds(Handle h, List<Row> rows) {
        if (rows.isEmpty()) return List.of();
        Long[] ids = new Long[rows.size()];
        for (int i = 0; i < ids.length; i++) ids[i] = rows.get(i).id();
        Map<Long, List<ExecId>> byOrder = new HashMap<>();
        h.createQuery("SELECT order_ref, exec_id FROM oms.events WHERE order_ref = ANY(:ids) AND exec_id IS NOT NULL"
                        + " ORDER BY sequence")
                .bindArray("ids", Long.class, (Object[]) ids)
                .map((rs, ctx) -> {
                    byOrder.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new ExecId(rs.getString(2)));
                    return null;
                }).list();
        List<StoredOrder> out = new ArrayList<>(rows.size());
        for (Row r : rows) {
            Order o = r.order();
            ExecIds execIds = ExecIds.of(byOrder.getOrDefault(r.id(), List.of()));
            out.add(new StoredOrder(new Order(o.spec(), o.status(), o.prior(), o.orderId(), o.orderQty(), o.price(),
                    o.stopPrice(), o.cumQty(), o.notional(), o.reconciledQty(), o.pendingReplace(), execIds, o.text(),
                    o.updatedNanos()), r.lastSequence()));
        }
        return out;
    }
}
