package blackbox.oms.api;

import static blackbox.oms.api.Fields.invalid;

import blackbox.oms.core.Algorithm;
import blackbox.oms.core.InstrumentRule;
import blackbox.oms.core.OrdType;
import blackbox.oms.core.Prices;
import blackbox.oms.core.StrategyId;
import blackbox.oms.core.TimeInForce;
import blackbox.platform.domain.Side;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

/**
 * The terms an order and a block share: side, type, prices, validity, strategy, algorithm. Checked against the
 * instrument's lot and tick and B3's rules (b3-trading.md §3: a buy stop's limit is at or above its trigger, a sell
 * stop's at or below). Emulated validities and execution algorithms other than FULL pass validation and are then
 * reported as unimplemented ({@link #unimplemented}).
 *
 * @param price scaled, 0 for market
 * @param stopPrice scaled, 0 unless stop-limit
 */
record OrderTerms(Side side, OrdType ordType, long price, long stopPrice, TimeInForce timeInForce,
                  Optional<LocalDate> expireDate, Optional<StrategyId> strategy, Algorithm algorithm) {

    static OrderTerms parse(blackbox.oms.v1.Side sideField, blackbox.oms.v1.OrdType typeField, String priceText,
                            String stopText, blackbox.oms.v1.TimeInForce tifField, String expireText, String strategyText,
                            blackbox.oms.v1.Algorithm algorithmField, boolean hasAlgorithm, long quantity,
                            InstrumentRule rule, LocalDate today) {
        Side side = Enums.side(sideField);
        if (side == null) throw invalid("side", "side must be SIDE_BUY or SIDE_SELL: side=" + sideField);
        OrdType type = Enums.ordType(typeField);
        if (type == null) {
            throw invalid("ord_type", "ord_type must be ORD_TYPE_MARKET, ORD_TYPE_LIMIT or ORD_TYPE_STOP_LIMIT: ord_type="
                    + typeField);
        }
        long price = 0;
        if (type.hasLimitPrice()) {
            price = Fields.price("price", priceText, rule.tick());
        } else if (!priceText.isEmpty()) {
            throw invalid("price", "price must be empty for a market order: price=\"" + priceText + "\"");
        }
        long stop = 0;
        if (type == OrdType.STOP_LIMIT) {
            stop = Fields.price("stop_price", stopText, rule.tick());
            if (side == Side.BUY ? price < stop : price > stop) {
                throw invalid("price", "a " + (side == Side.BUY ? "buy" : "sell") + " stop's limit must be "
                        + (side == Side.BUY ? "at or above" : "at or below") + " its trigger: price=\"" + priceText
                        + "\", stop_price=\"" + stopText + "\"");
            }
        } else if (!stopText.isEmpty()) {
            throw invalid("stop_price", "stop_price is for ORD_TYPE_STOP_LIMIT only: stop_price=\"" + stopText + "\"");
        }
        TimeInForce tif = Enums.timeInForce(tifField);
        if (tif == null) throw invalid("time_in_force", "time_in_force is not a known value: time_in_force=" + tifField);
        Optional<LocalDate> expire = Optional.empty();
        if (tif == TimeInForce.GTD) {
            LocalDate date = Fields.date("expire_date", expireText);
            if (date.isBefore(today)) {
                throw invalid("expire_date", "expire_date must not be before today " + today + ": expire_date=\""
                        + expireText + "\"");
            }
            expire = Optional.of(date);
        } else if (!expireText.isEmpty()) {
            throw invalid("expire_date", "expire_date is for TIME_IN_FORCE_GTD only: expire_date=\"" + expireText + "\"");
        }
        Optional<StrategyId> strategy = strategyText.isEmpty() ? Optional.empty()
                : Optional.of(Fields.id("strategy_id", strategyText, StrategyId::valid, StrategyId::new, StrategyId.MAX_LENGTH));
        Algorithm algorithm = hasAlgorithm ? algorithm(algorithmField, side, quantity, rule) : Algorithm.Full.INSTANCE;
        return new OrderTerms(side, type, price, stop, tif, expire, strategy, algorithm);
    }

    private static Algorithm algorithm(blackbox.oms.v1.Algorithm a, Side side, long quantity, InstrumentRule rule) {
        return switch (a.getKindCase()) {
            case FULL, KIND_NOT_SET -> Algorithm.Full.INSTANCE;
            case ICEBERG -> {
                long floor = Fields.quantity("algorithm.iceberg.max_floor", a.getIceberg().getMaxFloor(), rule.lot());
                if (quantity > 0 && floor > quantity) {
                    throw invalid("algorithm.iceberg.max_floor", "algorithm.iceberg.max_floor must be <= the quantity "
                            + quantity + ": algorithm.iceberg.max_floor=" + floor);
                }
                yield new Algorithm.Iceberg(floor);
            }
            case TWAP -> {
                blackbox.oms.v1.Twap t = a.getTwap();
                schedule("algorithm.twap", t.getHorizonSecs(), t.getIntervalSecs(), t.getStartNanos());
                if (t.getHorizonSecs() % t.getIntervalSecs() != 0) {
                    throw invalid("algorithm.twap.interval_secs", "algorithm.twap.interval_secs must divide algorithm.twap.horizon_secs: "
                            + t.getHorizonSecs() + "/" + t.getIntervalSecs());
                }
                if (t.getHorizonSecs() / t.getIntervalSecs() > MAX_SLICES) {
                    throw invalid("algorithm.twap.interval_secs", "algorithm.twap has at most " + MAX_SLICES + " slices: horizon_secs/interval_secs="
                            + t.getHorizonSecs() + "/" + t.getIntervalSecs());
                }
                yield new Algorithm.Twap(t.getHorizonSecs(), t.getIntervalSecs(), t.getStartNanos());
            }
            case VWAP -> {
                blackbox.oms.v1.Vwap v = a.getVwap();
                schedule("algorithm.vwap", v.getHorizonSecs(), v.getIntervalSecs(), v.getStartNanos());
                if (v.getHorizonSecs() % v.getIntervalSecs() != 0) {
                    throw invalid("algorithm.vwap.interval_secs", "algorithm.vwap.interval_secs must divide algorithm.vwap.horizon_secs: "
                            + v.getHorizonSecs() + "/" + v.getIntervalSecs());
                }
                if (v.getHorizonSecs() / v.getIntervalSecs() > MAX_SLICES) {
                    throw invalid("algorithm.vwap.interval_secs", "algorithm.vwap has at most " + MAX_SLICES + " slices: horizon_secs/interval_secs="
                            + v.getHorizonSecs() + "/" + v.getIntervalSecs());
                }
                int sessions = v.getProfileSessions() == 0 ? Algorithm.Vwap.DEFAULT_PROFILE_SESSIONS : v.getProfileSessions();
                if (sessions < 1 || sessions > Algorithm.Vwap.MAX_PROFILE_SESSIONS) {
                    throw invalid("algorithm.vwap.profile_sessions", "algorithm.vwap.profile_sessions must be 0 (default "
                            + Algorithm.Vwap.DEFAULT_PROFILE_SESSIONS + ") or 1.." + Algorithm.Vwap.MAX_PROFILE_SESSIONS
                            + ": algorithm.vwap.profile_sessions=" + v.getProfileSessions());
                }
                BigDecimal rate = Fields.decimal("algorithm.vwap.participation_rate", v.getParticipationRate());
                if (rate.signum() <= 0 || rate.compareTo(BigDecimal.ONE) > 0) {
                    throw invalid("algorithm.vwap.participation_rate", "algorithm.vwap.participation_rate must be in (0, 1]:"
                            + " algorithm.vwap.participation_rate=\"" + v.getParticipationRate() + "\"");
                }
                yield new Algorithm.Vwap(v.getHorizonSecs(), v.getIntervalSecs(), rate, v.getStartNanos(), sessions);
            }
            case COVER_UP_TO -> {
                blackbox.oms.v1.CoverUpTo c = a.getCoverUpTo();
                long limit = Fields.price("algorithm.cover_up_to.limit_price", c.getLimitPrice(), rule.tick());
                if (c.getOffsetTicks() < 0) {
                    throw invalid("algorithm.cover_up_to.offset_ticks", "algorithm.cover_up_to.offset_ticks must be >= 0:"
                            + " algorithm.cover_up_to.offset_ticks=" + c.getOffsetTicks());
                }
                yield new Algorithm.CoverUpTo(limit, c.getOffsetTicks(), rule.tick());
            }
            case OCO -> {
                blackbox.oms.v1.Oco o = a.getOco();
                long limit = Fields.price("algorithm.oco.limit_price", o.getLimitPrice(), rule.tick());
                long stop = Fields.price("algorithm.oco.stop_price", o.getStopPrice(), rule.tick());
                long stopLimit = Fields.price("algorithm.oco.stop_limit_price", o.getStopLimitPrice(), rule.tick());
                // a sell protects a long: take profit above, stop below (its limit at or below the trigger); a buy mirrors it
                boolean ordered = side == Side.SELL ? limit > stop && stopLimit <= stop : limit < stop && stopLimit >= stop;
                if (!ordered) {
                    throw invalid("algorithm.oco", "algorithm.oco's prices must be ordered for a " + side.name().toLowerCase()
                            + " (" + (side == Side.SELL ? "limit_price > stop_price >= stop_limit_price"
                            : "limit_price < stop_price <= stop_limit_price") + "): limit_price=\"" + o.getLimitPrice()
                            + "\", stop_price=\"" + o.getStopPrice() + "\", stop_limit_price=\"" + o.getStopLimitPrice() + "\"");
                }
                yield new Algorithm.Oco(limit, stop, stopLimit);
            }
        };
    }

    private static void schedule(String field, long horizon, long interval, long start) {
        Fields.positive(field + ".horizon_secs", horizon);
        Fields.positive(field + ".interval_secs", interval);
        if (interval > horizon) {
            throw invalid(field + ".interval_secs", field + ".interval_secs must be <= " + field + ".horizon_secs "
                    + horizon + ": " + field + ".interval_secs=" + interval);
        }
        if (start < 0) throw invalid(field + ".start_nanos", field + ".start_nanos must be >= 0: " + field + ".start_nanos=" + start);
    }

    /** The most slices an algorithm's schedule has (a child's ClOrdID carries its slice number). */
    static final long MAX_SLICES = 9_999;

    /**
     * The algorithm's own rules on the order's terms (a TWAP works limit or market children), and the parent id's length:
     * its children's ClOrdIDs append {@code /<slice>/<account>} ({@link blackbox.oms.algo.ParentOrder#MAX_ID_LENGTH}).
     */
    void checkAlgorithm(String idField, String id) {
        if (algorithm.kind() == Algorithm.Kind.FULL) return;
        if (id.length() > blackbox.oms.algo.ParentOrder.MAX_ID_LENGTH) {
            throw invalid(idField, idField + " of an algorithm order must be at most " + blackbox.oms.algo.ParentOrder.MAX_ID_LENGTH
                    + " characters (its children append /<slice>/<account>): " + idField + "=\"" + id + "\"");
        }
        if ((algorithm.kind() == Algorithm.Kind.TWAP || algorithm.kind() == Algorithm.Kind.VWAP) && ordType == OrdType.STOP_LIMIT) {
            throw invalid("ord_type", "algorithm." + algorithm.label()
                    + " works ORD_TYPE_LIMIT or ORD_TYPE_MARKET children: ord_type=ORD_TYPE_STOP_LIMIT");
        }
        if ((algorithm.kind() == Algorithm.Kind.ICEBERG || algorithm.kind() == Algorithm.Kind.COVER_UP_TO) && ordType != OrdType.LIMIT) {
            throw invalid("ord_type", "algorithm." + algorithm.label() + " works ORD_TYPE_LIMIT children: ord_type=ORD_TYPE_" + ordType);
        }
        if (!timeInForce.isNative()) {
            throw invalid("time_in_force", "an algorithm's children are DAY orders: time_in_force=TIME_IN_FORCE_" + timeInForce);
        }
    }

    /** What in these valid terms is not built yet, as an UNIMPLEMENTED message; empty when everything is. */
    Optional<String> unimplemented() {
        if (!timeInForce.isNative()) {
            return Optional.of("time in force " + timeInForce + " needs emulation by oms-svc, not implemented yet:"
                    + " time_in_force=TIME_IN_FORCE_" + timeInForce);
        }
        return Optional.empty();
    }

    static String formatPrice(long scaled) {
        return scaled == 0 ? "" : Prices.format(scaled);
    }
}
