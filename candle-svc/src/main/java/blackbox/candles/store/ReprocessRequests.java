package blackbox.candles.store;

import blackbox.platform.db.Database;
import blackbox.platform.domain.InstrumentId;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/**
 * The durable queue of ranges to rebuild (table {@code candles.reprocess_requests}). Written by the candle engine,
 * read and completed by the reprocess job.
 */
public final class ReprocessRequests {
    /**
     * A pending range.
     *
     * @param fromNanos inclusive, UTC epoch ns
     * @param toNanos exclusive, UTC epoch ns
     */
    public record Request(long id, InstrumentId instrument, long fromNanos, long toNanos, String reason) {
    }

    private final Jdbi jdbi;

    public ReprocessRequests(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public ReprocessRequests(Database database) {
        this(database.jdbi());
    }

    /**
     * Records a range.
     *
     * @throws StoreUnavailableException when PostgreSQL cannot be reached (nothing recorded)
     */
    public void record(InstrumentId instrument, long fromNanos, long toNanos, String reason)
            throws StoreUnavailableException {
        if (toNanos <= fromNanos) {
            throw new IllegalArgumentException("must be after fromNanos=" + fromNanos + ": toNanos=" + toNanos);
        }
        try {
            jdbi.useHandle(h -> h.createUpdate("INSERT INTO candles.reprocess_requests (exchange, ticker, from_nanos,"
                            + " to_nanos, reason) VALUES (:exchange, :ticker, :from, :to, :reason)")
                    .bind("exchange", instrument.exchange()).bind("ticker", instrument.ticker())
                    .bind("from", fromNanos).bind("to", toNanos).bind("reason", reason).execute());
        } catch (RuntimeException e) {
            throw unavailable(e, "recording a reprocess request");
        }
    }

    /** @return the pending requests, oldest first, at most {@code limit} */
    public List<Request> pending(int limit) throws StoreUnavailableException {
        try {
            return jdbi.withHandle(h -> h.createQuery("SELECT id, exchange, ticker, from_nanos, to_nanos, reason"
                            + " FROM candles.reprocess_requests WHERE done_at IS NULL ORDER BY id LIMIT :limit")
                    .bind("limit", limit)
                    .map((rs, ctx) -> new Request(rs.getLong(1), new InstrumentId(rs.getString(3), rs.getString(2)),
                            rs.getLong(4), rs.getLong(5), rs.getString(6)))
                    .list());
        } catch (RuntimeException e) {
            throw unavailable(e, "reading reprocess requests");
        }
    }

    /** Marks requests done. */
    public void done(List<Long> ids) throws StoreUnavailableException {
        if (ids.isEmpty()) return;
        try {
            jdbi.useHandle(h -> h.createUpdate("UPDATE candles.reprocess_requests SET done_at = now() WHERE id IN (<ids>)")
                    .bindList("ids", ids).execute());
        } catch (RuntimeException e) {
            throw unavailable(e, "completing reprocess requests");
        }
    }

    /** @return the number of pending requests */
    public long pendingCount() throws StoreUnavailableException {
        try {
            return jdbi.withHandle(h -> h.createQuery(
                    "SELECT count(*) FROM candles.reprocess_requests WHERE done_at IS NULL").mapTo(Long.class).one());
        } catch (RuntimeException e) {
            throw unavailable(e, "counting reprocess requests");
        }
    }

    private static StoreUnavailableException unavailable(RuntimeException e, String what) {
        if (e.getCause() instanceof java.sql.SQLException sql && Database.isUnavailable(sql)) {
            return new StoreUnavailableException(what + ": PostgreSQL unavailable: " + sql.getMessage(), sql);
        }
        throw e;
    }
}
