package blackbox.strategies.core;

import blackbox.candles.core.Candle;
import blackbox.candles.indicators.IndicatorSpec;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link StrategyDefinition} run as a {@link Strategy}. One position at a time: flat, it enters with a market order
 * when the entry condition holds at a close; in a position, it leaves with a market order when the exit condition
 * holds (both fill at the next open in a backtest). The take-profit and stop-loss form an OCO bracket placed when the
 * entry fills, working from the next candle. The maximum drawdown, checked at each close against the highest equity
 * seen, closes the position and stops the strategy for good.
 *
 * <p>Warm-up: conditions are not evaluated until every indicator has been ready for one candle before the current
 * one, so a cross always compares with a previous value (the oracle gives ta4j the same count of unstable bars).
 *
 * <p>Not thread-safe; one instance per run.
 */
public final class DeclarativeStrategy implements Strategy {
    private final StrategyDefinition definition;
    private final List<IndicatorSpec> specs = new ArrayList<>();
    private final Node entry;
    private final Node exit;
    private final List<Node.CrossNode> crosses = new ArrayList<>();
    private boolean warm; // every indicator was ready at the previous candle
    private BigDecimal peak;
    private int stoppedAt = -1;
    private int index = -1;
    private final boolean needsEquity;

    public DeclarativeStrategy(StrategyDefinition definition) {
        this.definition = definition;
        this.entry = compile(definition.entry());
        this.exit = definition.exit() == null ? null : compile(definition.exit());
        this.needsEquity = definition.maxDrawdown() != null || definition.size().unit() == Amount.Unit.PERCENT;
        this.warm = specs.isEmpty(); // nothing to warm up: conditions on candle fields hold from the first candle
    }

    /** @return the index of the candle at which the maximum drawdown stopped the strategy, or -1 */
    public int stoppedAt() {
        return stoppedAt;
    }

    @Override
    public List<IndicatorSpec> indicators() {
        return List.copyOf(specs);
    }

    @Override
    public void onCandle(Candle candle, Indicators indicators, Orders orders) {
        index++;
        if (stoppedAt >= 0) {
            return;
        }
        // equity is a BigDecimal: read it only when a rule needs it, not on every candle of a plain backtest
        BigDecimal equity = needsEquity ? orders.equity() : null;
        if (definition.maxDrawdown() != null) {
            peak = peak == null || equity.compareTo(peak) > 0 ? equity : peak;
        }
        boolean allReady = true;
        for (int k = 0; k < specs.size(); k++) {
            allReady &= indicators.ready(k);
        }
        // every cross keeps its state on every ready candle, whatever the and/or around it would short-circuit
        if (allReady) {
            for (Node.CrossNode c : crosses) {
                c.update(candle, indicators);
            }
        }
        boolean evaluate = warm && allReady;
        warm = allReady;
        if (definition.maxDrawdown() != null && drawdownReached(equity)) {
            stoppedAt = index;
            if (orders.position() != 0) {
                orders.market(orders.position() > 0 ? Side.SELL : Side.BUY, Math.abs(orders.position()));
            }
            return;
        }
        if (!evaluate) {
            return;
        }
        Side entrySide = definition.direction() > 0 ? Side.BUY : Side.SELL;
        if (orders.position() == 0) {
            if (entry.eval(candle, indicators)) {
                long quantity = quantity(candle.close(), equity);
                if (quantity > 0) {
                    orders.market(entrySide, quantity);
                }
            }
        } else if (exit != null && exit.eval(candle, indicators)) {
            orders.market(entrySide == Side.BUY ? Side.SELL : Side.BUY, Math.abs(orders.position()));
        }
    }

    @Override
    public void onFill(Fill fill, Orders orders) {
        if (orders.position() == 0 || (definition.takeProfit() == null && definition.stopLoss() == null)) {
            return;
        }
        long quantity = Math.abs(orders.position());
        int dir = definition.direction();
        orders.bracket(level(fill.price(), quantity, dir, definition.takeProfit()),
                level(fill.price(), quantity, -dir, definition.stopLoss()));
    }

    /** @return the price {@code amount} away from {@code entry} in direction {@code dir}, on the tick; NaN for none */
    private double level(double entry, long quantity, int dir, Amount amount) {
        if (amount == null) {
            return Double.NaN;
        }
        BigDecimal price = BigDecimal.valueOf(entry);
        BigDecimal offset = switch (amount.unit()) {
            case TICKS -> amount.value().multiply(definition.tick());
            case BRL -> amount.value().divide(BigDecimal.valueOf(quantity), 10, RoundingMode.HALF_EVEN);
            case PERCENT -> price.multiply(amount.value()).movePointLeft(2);
            case SHARES -> throw new IllegalStateException("not an offset: " + amount);
        };
        BigDecimal level = price.add(dir > 0 ? offset : offset.negate());
        BigDecimal ticks = level.divide(definition.tick(), 0, RoundingMode.HALF_EVEN);
        return ticks.multiply(definition.tick()).doubleValue();
    }

    private long quantity(double price, BigDecimal equity) {
        long lot = definition.lot();
        Amount size = definition.size();
        BigDecimal brl = switch (size.unit()) {
            case SHARES -> null;
            case BRL -> size.value();
            case PERCENT -> equity.multiply(size.value()).movePointLeft(2);
            case TICKS -> throw new IllegalStateException("not a size: " + size);
        };
        if (brl == null) {
            return size.value().longValueExact();
        }
        long shares = brl.divide(BigDecimal.valueOf(price), 0, RoundingMode.DOWN).longValueExact();
        return shares / lot * lot;
    }

    private boolean drawdownReached(BigDecimal equity) {
        BigDecimal down = peak.subtract(equity);
        Amount limit = definition.maxDrawdown();
        return switch (limit.unit()) {
            case BRL -> down.compareTo(limit.value()) >= 0;
            case PERCENT -> peak.signum() > 0 && down.movePointRight(2).compareTo(peak.multiply(limit.value())) >= 0;
            default -> throw new IllegalStateException("not a drawdown limit: " + limit);
        };
    }

    private Node compile(Condition c) {
        return switch (c) {
            case Condition.And a -> new Node.Both(compile(a.left()), compile(a.right()));
            case Condition.Or o -> new Node.Either(compile(o.left()), compile(o.right()));
            case Condition.Compare cmp -> new Node.Compare(value(cmp.left()), cmp.op(), value(cmp.right()));
            case Condition.Cross x -> {
                Node.CrossNode node = new Node.CrossNode(value(x.left()), x.above(), value(x.right()));
                crosses.add(node);
                yield node;
            }
        };
    }

    private Value value(Operand o) {
        return switch (o) {
            case Operand.Constant k -> (candle, in) -> k.value();
            case Operand.Field f -> switch (f.name()) {
                case OPEN -> (candle, in) -> candle.open();
                case HIGH -> (candle, in) -> candle.high();
                case LOW -> (candle, in) -> candle.low();
                case CLOSE -> (candle, in) -> candle.close();
                case VOLUME -> (candle, in) -> candle.volume();
            };
            case Operand.Indicator ind -> {
                int at = specs.indexOf(ind.spec());
                if (at < 0) {
                    at = specs.size();
                    specs.add(ind.spec());
                }
                int k = at;
                int output = ind.output();
                yield (candle, in) -> in.value(k, output);
            }
        };
    }

    /**
     * Compares two values, taking a difference within 10^-10 of their size as equal: indicator values are doubles
     * summed in some order, so a moving average of tick prices that equals a tick price (a real tie, e.g. close =
     * sma(50) = 33.33) may come out a few ulps to either side; an exact decimal computation calls it a tie.
     *
     * @return -1, 0 or 1
     */
    static int compare(double l, double r) {
        double d = l - r;
        if (Math.abs(d) <= 1e-10 * Math.max(Math.abs(l), Math.abs(r))) {
            return 0;
        }
        return d > 0 ? 1 : -1;
    }

    @FunctionalInterface
    private interface Value {
        double at(Candle candle, Indicators indicators);
    }

    private sealed interface Node {
        boolean eval(Candle candle, Indicators indicators);

        record Both(Node left, Node right) implements Node {
            public boolean eval(Candle c, Indicators in) {
                return left.eval(c, in) && right.eval(c, in);
            }
        }

        record Either(Node left, Node right) implements Node {
            public boolean eval(Candle c, Indicators in) {
                return left.eval(c, in) || right.eval(c, in);
            }
        }

        record Compare(Value left, Condition.Op op, Value right) implements Node {
            public boolean eval(Candle c, Indicators in) {
                int sign = compare(left.at(c, in), right.at(c, in));
                return switch (op) {
                    case LT -> sign < 0;
                    case LE -> sign <= 0;
                    case GT -> sign > 0;
                    case GE -> sign >= 0;
                };
            }
        }

        /** ta4j's cross: now on the far side, and on the near side at the last candle where the two differed. */
        final class CrossNode implements Node {
            private final Value left;
            private final boolean above;
            private final Value right;
            private int lastSign; // sign of left − right at the last earlier candle where they differed, 0 = none
            private boolean crossed;

            CrossNode(Value left, boolean above, Value right) {
                this.left = left;
                this.above = above;
                this.right = right;
            }

            /** Called once per candle, after the indicators took it (values not ready are never compared). */
            void update(Candle c, Indicators in) {
                int sign = compare(left.at(c, in), right.at(c, in));
                crossed = above ? sign > 0 && lastSign < 0 : sign < 0 && lastSign > 0;
                if (sign != 0) {
                    lastSign = sign;
                }
            }

            public boolean eval(Candle c, Indicators in) {
                return crossed;
            }
        }
    }
}
