package blackbox.oms.algo;

import blackbox.oms.core.Algorithm;
import blackbox.oms.core.BlockId;
import blackbox.oms.core.ClOrdId;
import blackbox.oms.core.OrdType;
import blackbox.oms.core.StrategyId;
import blackbox.oms.core.UserId;
import blackbox.platform.domain.InstrumentId;
import blackbox.platform.domain.Side;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An algorithm's parent order, fixed at its creation: what is to be worked, for which accounts, how. Its children are
 * ordinary orders ({@link blackbox.oms.core.Order}) carrying {@code parent = id}; what changes (slices released,
 * status) is the engine's, persisted in {@code oms.algo_parents}.
 *
 * @param id the parent's ClOrdID: the request's cl_ord_id, or the block's id for a block
 * @param block the block its children belong to (all accounts move together), empty for a single order
 * @param ordType LIMIT (children at {@code price}, never beyond it) or MARKET
 * @param price the limit, scaled ({@link blackbox.oms.core.Prices}); 0 for MARKET
 * @param lot the instrument's lot when the parent was created: every child quantity is a multiple of it
 * @param accounts in allocation order, indexes 1..n
 * @param startNanos when the schedule starts, UTC epoch ns (the algorithm's start, or the creation)
 * @param profile a VWAP's volume profile, fetched once at its creation and persisted with it (empty for the others)
 */
public record ParentOrder(ClOrdId id, Optional<BlockId> block, UserId user, Optional<StrategyId> strategy,
                          InstrumentId instrument, Side side, OrdType ordType, long price, Algorithm algorithm, long lot,
                          List<AccountTarget> accounts, long startNanos, long createdNanos, LocalDate tradeDate,
                          Optional<VolumeProfile> profile) {
    /** The longest parent ClOrdID: its children append {@code /<slice>/<account index>} within ClOrdID's 64. */
    public static final int MAX_ID_LENGTH = 48;

    public ParentOrder {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(block, "block");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(ordType, "ordType");
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(tradeDate, "tradeDate");
        Objects.requireNonNull(profile, "profile");
        accounts = List.copyOf(accounts);
        if (accounts.isEmpty()) throw new IllegalArgumentException("a parent needs at least one account: " + id);
        if (id.value().length() > MAX_ID_LENGTH) throw new IllegalArgumentException("parent id longer than " + MAX_ID_LENGTH + ": " + id);
        if (lot <= 0) throw new IllegalArgumentException("lot must be > 0: " + lot);
        for (int i = 0; i < accounts.size(); i++) {
            AccountTarget a = accounts.get(i);
            if (a.index() != i + 1) throw new IllegalArgumentException("account indexes must be 1..n in order: " + a);
            if (a.quantity() % lot != 0) throw new IllegalArgumentException("account quantity not a multiple of the lot " + lot + ": " + a);
        }
    }

    /** A parent without a volume profile. */
    public ParentOrder(ClOrdId id, Optional<BlockId> block, UserId user, Optional<StrategyId> strategy, InstrumentId instrument,
                       Side side, OrdType ordType, long price, Algorithm algorithm, long lot, List<AccountTarget> accounts,
                       long startNanos, long createdNanos, LocalDate tradeDate) {
        this(id, block, user, strategy, instrument, side, ordType, price, algorithm, lot, accounts, startNanos, createdNanos, tradeDate,
                Optional.empty());
    }

    /** This parent with {@code profile} (a VWAP's, from {@link VolumeProfiles}). */
    public ParentOrder withProfile(VolumeProfile profile) {
        return new ParentOrder(id, block, user, strategy, instrument, side, ordType, price, algorithm, lot, accounts, startNanos,
                createdNanos, tradeDate, Optional.of(profile));
    }

    /** Σ of the accounts' quantities. */
    public long targetQty() {
        long t = 0;
        for (AccountTarget a : accounts) t += a.quantity();
        return t;
    }

    /**
     * The ClOrdID of the child of {@code slice} for the account: {@code <id>/<slice>} for a single account,
     * {@code <id>/<slice>/<index>} for a block. Deterministic, so a restart can never make a second child for one
     * slice: it is the idempotency key here and at the gateway.
     */
    public ClOrdId childId(int slice, AccountTarget account) {
        return new ClOrdId(block.isEmpty() ? id.value() + "/" + slice : id.value() + "/" + slice + "/" + account.index());
    }

    /**
     * The slice and account index a child's ClOrdID names ({@link #childId}), or null when it is not a child of this
     * parent.
     */
    public int[] slot(ClOrdId child) {
        String v = child.value();
        String prefix = id.value() + "/";
        if (!v.startsWith(prefix)) return null;
        String[] parts = v.substring(prefix.length()).split("/", -1);
        try {
            if (block.isEmpty()) return parts.length == 1 ? new int[] {Integer.parseInt(parts[0]), 1} : null;
            return parts.length == 2 ? new int[] {Integer.parseInt(parts[0]), Integer.parseInt(parts[1])} : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
