package blackbox.oms.store;

import blackbox.oms.core.BlockId;
import blackbox.oms.core.ClOrdId;
import blackbox.oms.core.OrdType;
import blackbox.oms.core.Order;
import blackbox.oms.core.StrategyId;
import blackbox.oms.core.TimeInForce;
import blackbox.oms.core.UserId;
import blackbox.oms.core.allocation.AccountShare;
import blackbox.oms.core.allocation.Allocation;
import blackbox.oms.core.allocation.AllocationMethod;
import blackbox.oms.core.allocation.CumulativeAllocation;
import blackbox.oms.core.allocation.Participant;
import blackbox.oms.core.block.AllocationPolicy;
import blackbox.oms.core.block.Block;
import blackbox.oms.core.block.BlockPlan;
import blackbox.platform.domain.AccountId;
import blackbox.platform.domain.InstrumentId;
import blackbox.platform.domain.Side;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * Blocks, their allocations and children ({@code oms.blocks}, {@code oms.allocations}, children in
 * {@code oms.orders}). A block is created whole or not at all: block, policy, allocation rows, every child in
 * PENDING_NEW with its CREATED event, and the audit row, in one transaction; the BlockID is the idempotency key.
 * Thread-safe.
 */
public final class BlockStore {
    private static final String BLOCK_COLUMNS = "b.id, b.block_id, b.user_id, b.strategy_id, b.ticker, b.exchange, b.side,"
            + " b.ord_type, b.price, b.stop_price, b.time_in_force, b.expire_date, b.algorithm::text AS algorithm,"
            + " b.policy::text AS policy, b.total_qty, b.residual_qty, b.created_nanos, b.trade_date, b.text";

    private final Jdbi jdbi;

    public BlockStore(Jdbi jdbi) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
    }

    /** Persists a planned block and its children, or finds the block with that BlockID (see {@link BlockCreateResult}). */
    public BlockCreateResult createBlock(BlockPlan plan, AuditCommand command) {
        Block block = plan.block();
        return jdbi.inTransaction(h -> {
            Optional<StoredBlock> existing = findIn(h, block.id());
            if (existing.isEmpty()) {
                Optional<String> taken = h.createQuery("SELECT cl_ord_id FROM oms.orders WHERE cl_ord_id = ANY(:ids) LIMIT 1")
                        .bindArray("ids", String.class, block.children().stream().map(ClOrdId::value).toArray())
                        .mapTo(String.class).findOne();
                if (taken.isPresent()) {
                    String conflict = "a child's ClOrdID is already an order: cl_ord_id=\"" + taken.get() + "\"";
                    AuditTrail.insert(h, command, "ALREADY_EXISTS: " + conflict);
                    return new BlockCreateResult(CreateResult.Kind.CONFLICT, Optional.empty(), List.of(), conflict);
                }
                Optional<Long> ref = insertBlock(h, block);
                if (ref.isPresent()) {
                    insertAllocations(h, ref.get(), block.allocation());
                    List<StoredOrder> children = insertChildren(h, block.id(), plan.children());
                    AuditTrail.insert(h, command, "OK");
                    return new BlockCreateResult(CreateResult.Kind.CREATED, findIn(h, block.id()), children, "");
                }
                existing = findIn(h, block.id()); // a concurrent creator committed first
            }
            String conflict = difference(existing.orElseThrow().block(), block);
            AuditTrail.insert(h, command, conflict.isEmpty() ? "DUPLICATE" : "ALREADY_EXISTS: " + conflict);
            return new BlockCreateResult(conflict.isEmpty() ? CreateResult.Kind.DUPLICATE : CreateResult.Kind.CONFLICT,
                    existing, conflict.isEmpty() ? childrenIn(h, block.id()) : List.of(), conflict);
        });
    }

    static Optional<Long> insertBlock(Handle h, Block b) {
        return h.createQuery("INSERT INTO oms.blocks (block_id, user_id, strategy_id, ticker, exchange, side, ord_type, price,"
                        + " stop_price, time_in_force, expire_date, algorithm_kind, algorithm, policy, total_qty, residual_qty,"
                        + " created_nanos, trade_date, text) VALUES (:block_id, :user_id, :strategy_id, :ticker, :exchange,"
                        + " :side, :ord_type, :price, :stop_price, :tif, CAST(:expire AS date), :kind, CAST(:algorithm AS jsonb),"
                        + " CAST(:policy AS jsonb), :total, :residual, :created, :trade_date, :text)"
                        + " ON CONFLICT (block_id) DO NOTHING RETURNING id")
                .bind("block_id", b.id().value())
                .bind("user_id", b.user().value())
                .bind("strategy_id", b.strategy().map(StrategyId::value).orElse(null))
                .bind("ticker", b.instrument().ticker())
                .bind("exchange", b.instrument().exchange())
                .bind("side", b.side().name())
                .bind("ord_type", b.ordType().name())
                .bind("price", b.price())
                .bind("stop_price", b.stopPrice())
                .bind("tif", b.timeInForce().name())
                .bind("expire", b.expireDate().map(LocalDate::toString).orElse(null))
                .bind("kind", b.algorithm().label())
                .bind("algorithm", AlgorithmJson.write(b.algorithm()))
                .bind("policy", PolicyJson.write(b.policy()))
                .bind("total", b.allocation().totalQty())
                .bind("residual", b.allocation().residualQty())
                .bind("created", b.createdNanos())
                .bind("trade_date", b.tradeDate())
                .bind("text", b.text())
                .mapTo(Long.class).findOne();
    }

    static void insertAllocations(Handle h, long ref, Allocation allocation) {
        PreparedBatch batch = h.prepareBatch("INSERT INTO oms.allocations (block_ref, account_id, position, weight, target,"
                + " quantity, fractional_qty) VALUES (:ref, :account, :position, :weight, :target, :quantity, :fractional)");
        int position = 0;
        for (AccountShare s : allocation.shares()) {
            batch.bind("ref", ref).bind("account", s.account().value()).bind("position", position++)
                    .bind("weight", s.weight()).bind("target", s.target()).bind("quantity", s.quantity())
                    .bind("fractional", s.fractionalQty()).add();
        }
        batch.execute();
    }

    private static List<StoredOrder> insertChildren(Handle h, BlockId block, List<Order> children) {
        List<Long> refs = OrderRows.insertAll(h, children);
        long[] sequences = EventRows.nextSequences(h, children.size());
        EventRows.insertCreated(h, sequences, refs, children);
        h.createUpdate("UPDATE oms.orders o SET last_sequence = e.sequence FROM oms.events e"
                        + " WHERE e.order_ref = o.id AND o.block_id = :block AND e.type = 'CREATED'")
                .bind("block", block.value()).execute();
        List<StoredOrder> out = new ArrayList<>(children.size());
        for (int i = 0; i < children.size(); i++) out.add(new StoredOrder(children.get(i), sequences[i]));
        return out;
    }

    /**
     * Is a repeated submission the same block? Fixed fields, policy (but the lot, which is master data) and accounts
     * must be equal; weights too for FIXED and PERCENT (equity and cash move).
     *
     * @return the first difference as {@code "<field> differs: stored=..., now=..."}, empty when the same block
     */
    public static String difference(Block stored, Block now) {
        List<String> d = new ArrayList<>();
        check(d, "instrument", stored.instrument(), now.instrument());
        check(d, "side", stored.side(), now.side());
        check(d, "ord_type", stored.ordType(), now.ordType());
        check(d, "price", stored.price(), now.price());
        check(d, "stop_price", stored.stopPrice(), now.stopPrice());
        check(d, "time_in_force", stored.timeInForce(), now.timeInForce());
        check(d, "expire_date", stored.expireDate(), now.expireDate());
        check(d, "strategy_id", stored.strategy(), now.strategy());
        check(d, "algorithm", stored.algorithm(), now.algorithm());
        AllocationPolicy a = stored.policy();
        AllocationPolicy b = now.policy();
        check(d, "method", a.method(), b.method());
        check(d, "tie_break", a.tieBreak(), b.tieBreak());
        check(d, "residual", a.residualRule(), b.residualRule());
        check(d, "routing", a.routing(), b.routing());
        check(d, "master_account", a.masterAccount(), b.masterAccount());
        check(d, "total_qty", stored.allocation().totalQty(), now.allocation().totalQty());
        boolean weights = a.method() == AllocationMethod.FIXED || a.method() == AllocationMethod.PERCENT;
        check(d, "accounts", participants(stored.allocation(), weights), participants(now.allocation(), weights));
        return d.isEmpty() ? "" : d.getFirst();
    }

    private static Map<AccountId, BigDecimal> participants(Allocation allocation, boolean withWeights) {
        Map<AccountId, BigDecimal> map = new HashMap<>();
        for (AccountShare s : allocation.shares()) {
            map.put(s.account(), withWeights ? s.weight().stripTrailingZeros() : BigDecimal.ZERO);
        }
        return map;
    }

    private static void check(List<String> out, String field, Object stored, Object now) {
        if (!Objects.equals(stored, now)) out.add(field + " differs: stored=" + stored + ", now=" + now);
    }

    public Optional<StoredBlock> find(BlockId id) {
        return jdbi.withHandle(h -> findIn(h, id));
    }

    /** The block's children, in child order. */
    public List<StoredOrder> children(BlockId id) {
        return jdbi.withHandle(h -> childrenIn(h, id));
    }

    private static List<StoredOrder> childrenIn(Handle h, BlockId id) {
        return OrderRows.withExecIds(h, h.createQuery("SELECT " + OrderRows.COLUMNS + " FROM oms.orders o"
                        + " WHERE o.block_id = :block ORDER BY o.id")
                .bind("block", id.value()).map((rs, ctx) -> OrderRows.map(rs)).list());
    }

    private static Optional<StoredBlock> findIn(Handle h, BlockId id) {
        Optional<Map<String, Object>> row = h.createQuery("SELECT " + BLOCK_COLUMNS + " FROM oms.blocks b WHERE b.block_id = :id")
                .bind("id", id.value()).mapToMap().findOne();
        if (row.isEmpty()) return Optional.empty();
        Map<String, Object> r = row.get();
        long ref = ((Number) r.get("id")).longValue();
        AllocationPolicy policy = PolicyJson.read((String) r.get("policy"));
        List<AccountShare> shares = new ArrayList<>();
        Map<AccountId, Long> allocated = new HashMap<>();
        h.createQuery("SELECT account_id, weight, target, quantity, fractional_qty, allocated_qty FROM oms.allocations"
                        + " WHERE block_ref = :ref ORDER BY position")
                .bind("ref", ref).map((rs, ctx) -> {
                    AccountId account = new AccountId(rs.getString(1));
                    shares.add(new AccountShare(account, rs.getBigDecimal(2), rs.getBigDecimal(3), rs.getLong(4), rs.getLong(5)));
                    allocated.put(account, rs.getLong(6));
                    return null;
                }).list();
        long total = ((Number) r.get("total_qty")).longValue();
        Allocation allocation = new Allocation(policy.method(), policy.tieBreak(), policy.residualRule(), policy.lot(), total,
                shares, ((Number) r.get("residual_qty")).longValue());
        List<ClOrdId> children = h.createQuery("SELECT cl_ord_id FROM oms.orders WHERE block_id = :id ORDER BY id")
                .bind("id", id.value()).mapTo(String.class).list().stream().map(ClOrdId::new).toList();
        Date expire = (Date) r.get("expire_date");
        Block block = new Block(id, new UserId((String) r.get("user_id")),
                Optional.ofNullable((String) r.get("strategy_id")).map(StrategyId::new),
                new InstrumentId((String) r.get("ticker"), (String) r.get("exchange")), Side.valueOf((String) r.get("side")),
                OrdType.valueOf((String) r.get("ord_type")), ((Number) r.get("price")).longValue(),
                ((Number) r.get("stop_price")).longValue(), TimeInForce.valueOf((String) r.get("time_in_force")),
                Optional.ofNullable(expire).map(Date::toLocalDate), AlgorithmJson.read((String) r.get("algorithm")),
                policy, allocation, children, ((Number) r.get("created_nanos")).longValue(),
                ((Date) r.get("trade_date")).toLocalDate(), (String) r.get("text"));
        return Optional.of(new StoredBlock(block, allocated));
    }

    /**
     * An average-price block's post-trade allocation as stored, for the master order's current CumQty.
     *
     * @throws IllegalArgumentException when the block is unknown or more is stored as allocated than {@code cumQty}
     */
    public CumulativeAllocation cumulative(BlockId id, long cumQty) {
        StoredBlock stored = find(id).orElseThrow(() -> new IllegalArgumentException("unknown block " + id));
        List<Participant> participants = new ArrayList<>();
        for (AccountShare s : stored.block().allocation().shares()) participants.add(new Participant(s.account(), s.weight()));
        AllocationPolicy p = stored.block().policy();
        return CumulativeAllocation.resume(participants, p.lot(), p.tieBreak(), p.residualRule(), cumQty, stored.allocated());
    }

    /**
     * Stores an average-price block's allocation after a fill, in one transaction.
     *
     * @throws IllegalStateException (nothing written) when an account's stored total would decrease
     */
    public void recordAllocation(BlockId id, CumulativeAllocation allocation) {
        jdbi.useTransaction(h -> {
            long ref = h.createQuery("SELECT id FROM oms.blocks WHERE block_id = :id").bind("id", id.value())
                    .mapTo(Long.class).findOne().orElseThrow(() -> new IllegalArgumentException("unknown block " + id));
            List<AccountId> accounts = h.createQuery("SELECT account_id FROM oms.allocations WHERE block_ref = :ref"
                    + " ORDER BY position").bind("ref", ref).mapTo(String.class).list().stream().map(AccountId::new).toList();
            for (AccountId account : accounts) {
                long qty = allocation.allocatedTo(account);
                int rows = h.createUpdate("UPDATE oms.allocations SET allocated_qty = :q WHERE block_ref = :ref"
                                + " AND account_id = :a AND allocated_qty <= :q")
                        .bind("q", qty).bind("ref", ref).bind("a", account.value()).execute();
                if (rows != 1) {
                    throw new IllegalStateException("an account's allocation must not decrease: block=" + id + ", account="
                            + account + ", new=" + qty);
                }
            }
        });
    }
}
