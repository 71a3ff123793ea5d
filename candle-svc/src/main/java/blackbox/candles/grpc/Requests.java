package blackbox.candles.grpc;

import blackbox.candles.core.Timeframe;
import blackbox.platform.domain.InstrumentId;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.time.Instant;

/** Validation of request fields at the edge: each failure is INVALID_ARGUMENT naming the field and its value. */
final class Requests {
    /** The most candles one page may ask for. */
    static final int MAX_LIMIT = 50_000;
    static final int DEFAULT_LIMIT = 5_000;

    private Requests() {
    }

    static StatusRuntimeException invalid(String message) {
        return Status.INVALID_ARGUMENT.withDescription(message).asRuntimeException();
    }

    /** The instrument of a request, by {@link InstrumentId}'s rules, the message naming the request field. */
    static InstrumentId instrument(blackbox.gateway.v1.InstrumentId id) {
        if (!InstrumentId.validTicker(id.getTicker())) {
            throw invalid("instrument.ticker must match [A-Z0-9_.-]{1,32}: instrument.ticker=\"" + id.getTicker() + "\"");
        }
        if (!InstrumentId.validExchange(id.getExchange())) {
            throw invalid("instrument.exchange must match [A-Z0-9_]{1,8}: instrument.exchange=\""
                    + id.getExchange() + "\"");
        }
        return new InstrumentId(id.getTicker(), id.getExchange());
    }

    static Timeframe timeframe(String text) {
        try {
            return Timeframe.parse(text);
        } catch (IllegalArgumentException e) {
            throw invalid(e.getMessage());
        }
    }

    /** from < to, both set. */
    static void range(long fromNanos, long toNanos) {
        if (fromNanos >= toNanos) {
            throw invalid("from_nanos must be before to_nanos: from_nanos=" + fromNanos + " (" + show(fromNanos)
                    + "), to_nanos=" + toNanos + " (" + show(toNanos) + ")");
        }
    }

    /** A range for a job, at most {@code maxDays} long. */
    static void jobRange(long fromNanos, long toNanos, int maxDays) {
        range(fromNanos, toNanos);
        if (toNanos - fromNanos > maxDays * 86_400_000_000_000L) {
            throw invalid("the range must be at most " + maxDays + " days: from_nanos=" + fromNanos + " ("
                    + show(fromNanos) + "), to_nanos=" + toNanos + " (" + show(toNanos) + ")");
        }
    }

    static int limit(int limit) {
        if (limit == 0) return DEFAULT_LIMIT;
        if (limit < 0 || limit > MAX_LIMIT) {
            throw invalid("limit must be between 1 and " + MAX_LIMIT + " (0 for " + DEFAULT_LIMIT + "): limit=" + limit);
        }
        return limit;
    }

    /** @return the bucket start after which the page starts, or {@link Long#MIN_VALUE} for the first page */
    static long pageToken(String token) {
        if (token.isEmpty()) return Long.MIN_VALUE;
        try {
            return Long.parseLong(token);
        } catch (NumberFormatException e) {
            throw invalid("page_token must be a token from a previous response: page_token=\"" + token + "\"");
        }
    }

    private static String show(long nanos) {
        return Instant.ofEpochSecond(0, nanos).toString();
    }
}
