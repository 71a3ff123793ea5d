#!/usr/bin/env bash
# Runs a dll-gateway throughput harness: bench/run.sh callback|grpc [--option value ...]
#   callback  blackbox.bench.CallbackThroughputBench (DLL callback -> hand-off ring, Java vs Python ctypes)
#   grpc      blackbox.bench.GrpcThroughputBench (trades to a gRPC client over loopback vs the transport ceiling)
#   persist   blackbox.bench.persist.TradePersistBench (trades/s into PostgreSQL: PgTradeStore vs INSERT vs psql \copy)
#   candles   blackbox.bench.candles.CandleAggregationBench (trades/s into 6 candle timeframes vs SQL GROUP BY date_bin)
#   indicators blackbox.bench.indicators.IndicatorBenchMain (JMH: ns per candle close, each indicator vs ta4j DoubleNum)
#   web       blackbox.bench.web.WebSocketLatencyBench (1,000 WebSocket clients on web-bff, trade delay vs gRPC baseline)
#   oms       blackbox.bench.oms.TransitionBenchMain (JMH: order events/s through oms-svc's transition core vs a java.util state machine)
#   oms-service blackbox.bench.OmsServiceBench (oms-svc -> gateway -> simulator: 1,000-account block, sustained orders/s,
#             CancelAll of 1,000, vs the seed's queued clients calling the gateway synchronously)
#   algo-twap blackbox.bench.algo.TwapSchedulerBench (child-order decisions of 1,000 TWAPs × 10 accounts on the replayed
#             B3 tape: oms-svc's wake-queue scheduler vs a naive scan of every parent per trade)
#   algo-cover blackbox.bench.algo.CoverRepriceBench (tape trade -> re-priced cobrir-ate-X child at the gateway, N accounts,
#             vs a direct GetTopOfBook+CancelOrder+SendOrder client on the same events)
#   positions blackbox.bench.positions.PositionsBench (core fills/s vs BigDecimal, fill -> Redis p99 vs SET+PUBLISH, rebuild vs SELECT)
#   risk      blackbox.bench.risk.RiskBenchMain (JMH: pre-trade checks/s and percentiles, compiled vs naive BigDecimal baselines)
#   risk-halt blackbox.bench.risk.HaltBench (desk halt with 1,000 working orders to the last cancel sent vs a bare cancel loop)
#   backtest  blackbox.bench.strategy.BacktestBench (one year of 1m candles × 15 instruments, two-EMA cross + RSI filter:
#             strategy-svc's backtester vs ta4j's BarSeriesManager on the same bars)
#   orders    blackbox.bench.OrderPathBench (SendOrder over gRPC -> journal -> FFM -> simulator -> accepted report, vs the
#             same gRPC calls on a trivial service and vs Python ctypes on the same library)
# Builds bench/ and the modules it measures through the reactor when its jar is missing or older than any source. See bench/README.md for the options and the figures.
set -euo pipefail
BENCH="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$BENCH/.." && pwd)"
. "$ROOT/bin/jdk25.sh"

case "${1:-}" in
  callback) MAIN=blackbox.bench.CallbackThroughputBench ;;
  grpc) MAIN=blackbox.bench.GrpcThroughputBench ;;
  persist) MAIN=blackbox.bench.persist.TradePersistBench ;;
  candles) MAIN=blackbox.bench.candles.CandleAggregationBench
           GC_OPTS="-XX:+UseZGC" ;; # as bin/candles runs candle-svc: the read latency's tail is GC pauses
  indicators) MAIN=blackbox.bench.indicators.IndicatorBenchMain ;;
  web) MAIN=blackbox.bench.web.WebSocketLatencyBench
       GC_OPTS="-XX:+UseZGC" ;; # as bin/web runs web-bff
  oms) MAIN=blackbox.bench.oms.TransitionBenchMain ;;
  oms-service) MAIN=blackbox.bench.OmsServiceBench ;;
  algo-twap) MAIN=blackbox.bench.algo.TwapSchedulerBench ;;
  algo-cover) MAIN=blackbox.bench.algo.CoverRepriceBench ;;
  positions) MAIN=blackbox.bench.positions.PositionsBench ;;
  risk) MAIN=blackbox.bench.risk.RiskBenchMain ;;
  risk-halt) MAIN=blackbox.bench.risk.HaltBench ;;
  orders) MAIN=blackbox.bench.OrderPathBench ;;
  backtest) MAIN=blackbox.bench.strategy.BacktestBench ;;
  *) echo "usage: bench/run.sh callback|grpc|persist|candles|indicators|web|orders|oms|oms-service|algo-twap|algo-cover|positions|risk|risk-halt|backtest [--trades N] [--runs N] [--warmups N] [...]" >&2; exit 2 ;;
esac
shift

JAR="$BENCH/target/bench-0.1.0-SNAPSHOT.jar"
# rebuild when the bench's sources changed or a module it measures was rebuilt since (else it would measure old code)
# built from this checkout through the reactor (nothing needs installing in ~/.m2), again whenever a source changed
if [ ! -f "$JAR" ] || [ -n "$(find "$BENCH/src" "$BENCH/pom.xml" "$ROOT"/*/src -newer "$JAR" -type f -print -quit 2>/dev/null)" ]; then
  "$ROOT/mvnw" -q -B -f "$ROOT/pom.xml" -pl bench -am package -DskipTests
fi

LIB="$ROOT/dll-gateway/target/native/libprofitdll-sim.so"
exec java --enable-native-access=ALL-UNNAMED -Xms4g -Xmx4g -XX:+AlwaysPreTouch \
  -Dbench.home="$BENCH" -Dprofitdll.library="$LIB" ${GC_OPTS:-} ${BENCH_JAVA_OPTS:-} \
  -cp "$JAR:$BENCH/target/lib/*" "$MAIN" "$@"
