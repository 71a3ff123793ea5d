package blackbox.gateway.replay;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One row of a {@code blackbox-replay v1} file (see {@code dll-gateway/docs/replay-format.md}).
 *
 * <p>Trades ({@link EventKind#T}) and edits ({@link EventKind#E}) carry trade number, price, quantity,
 * trade type and agents; book changes ({@link EventKind#K}) carry only bid and ask and have
 * {@code tradeNumber = quantity = tradeType = buyAgent = sellAgent = 0} and {@code price = null}.
 *
 * @param tsNanos     event time, UTC epoch nanoseconds
 * @param tradeNumber 0..4294967295 (uint32); unique per instrument and session
 * @param price       exact, already on the tick; {@code null} for K
 * @param quantity    shares or contracts, &gt; 0 for T/E
 * @param tradeType   the DLL's trade type (2 aggressive buy, 3 aggressive sell, 4 auction, 1 cross, 32 unknown)
 * @param bid         best bid, or {@code null} when unknown
 * @param ask         best ask, or {@code null} when unknown
 * @param sourceSeq   the source's own sequence number, or {@code null}
 */
public record ReplayEvent(long tsNanos, String ticker, String exchange, EventKind kind, long tradeNumber,
                          BigDecimal price, long quantity, int tradeType, int buyAgent, int sellAgent,
                          BigDecimal bid, BigDecimal ask, Long sourceSeq) {

    public static final int TRADE_TYPE_CROSS = 1;
    public static final int TRADE_TYPE_BUY = 2;
    public static final int TRADE_TYPE_SELL = 3;
    public static final int TRADE_TYPE_AUCTION = 4;
    public static final int TRADE_TYPE_UNKNOWN = 32;
    public static final long MAX_TRADE_NUMBER = 0xFFFF_FFFFL;

    static final Pattern TICKER = Pattern.compile("[A-Z0-9_.-]{1,32}");
    static final Pattern EXCHANGE = Pattern.compile("[A-Z0-9_]{1,8}");

    public ReplayEvent {
        Objects.requireNonNull(kind, "kind");
        check(ticker != null && TICKER.matcher(ticker).matches(), "must match [A-Z0-9_.-]{1,32}: ticker=" + ticker);
        check(exchange != null && EXCHANGE.matcher(exchange).matches(),
                "must match [A-Z0-9_]{1,8}: exchange=" + exchange);
        if (kind == EventKind.K) {
            check(price == null && quantity == 0 && tradeNumber == 0 && tradeType == 0 && buyAgent == 0
                    && sellAgent == 0, "a K event carries only bid and ask: " + kind);
        } else {
            check(tradeNumber >= 0 && tradeNumber <= MAX_TRADE_NUMBER,
                    "must be in 0..4294967295: tradeNumber=" + tradeNumber);
            check(price != null && price.signum() > 0, "must be > 0: price=" + price);
            check(quantity > 0, "must be > 0: quantity=" + quantity);
            check(tradeType >= 0 && tradeType <= 255, "must be in 0..255: tradeType=" + tradeType);
        }
    }

    /** A trade (or, with {@code kind = E}, an edit of one). */
    public static ReplayEvent trade(long tsNanos, String ticker, String exchange, EventKind kind, long tradeNumber,
                                    BigDecimal price, long quantity, int tradeType, int buyAgent, int sellAgent,
                                    BigDecimal bid, BigDecimal ask, Long sourceSeq) {
        return new ReplayEvent(tsNanos, ticker, exchange, kind, tradeNumber, price, quantity, tradeType,
                buyAgent, sellAgent, bid, ask, sourceSeq);
    }

    /** A top-of-book change. */
    public static ReplayEvent book(long tsNanos, String ticker, String exchange, BigDecimal bid, BigDecimal ask,
                                   Long sourceSeq) {
        return new ReplayEvent(tsNanos, ticker, exchange, EventKind.K, 0, null, 0, 0, 0, 0, bid, ask, sourceSeq);
    }

    public Instrument instrument() {
        return new Instrument(ticker, exchange);
    }

    private static void check(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
