package blackbox.strategies.grpc;

import blackbox.candles.core.Candle;
import blackbox.candles.core.Timeframe;
import blackbox.platform.domain.InstrumentId;
import blackbox.strategies.core.BacktestReport;
import blackbox.strategies.core.Backtester;
import blackbox.strategies.core.Costs;
import blackbox.strategies.core.DeclarativeStrategy;
import blackbox.strategies.core.DefinitionParser;
import blackbox.strategies.core.StrategyDefinition;
import blackbox.strategies.core.StrategyParseException;
import blackbox.strategies.core.Trade;
import blackbox.strategies.v1.BacktestRequest;
import blackbox.strategies.v1.BacktestResponse;
import blackbox.strategies.v1.BacktestTrade;
import blackbox.strategies.v1.StrategiesGrpc;
import blackbox.strategies.v1.ValidateRequest;
import blackbox.strategies.v1.ValidateResponse;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code blackbox.strategies.v1.Strategies}: Validate and Backtest over the pure core. Stateless; any thread. Bad
 * input is {@code INVALID_ARGUMENT} naming the field and value (or the definition's wrong part and line:column).
 */
public final class StrategiesService extends StrategiesGrpc.StrategiesImplBase {
    private static final ZoneId B3 = ZoneId.of("America/Sao_Paulo");

    @Override
    public void validate(ValidateRequest request, StreamObserver<ValidateResponse> response) {
        ValidateResponse.Builder out = ValidateResponse.newBuilder();
        try {
            StrategyDefinition d = DefinitionParser.parse(request.getDefinition());
            out.setValid(true).setCanonicalEntry(d.entry().toString())
                    .setCanonicalExit(d.exit() == null ? "" : d.exit().toString());
        } catch (StrategyParseException e) {
            out.setValid(false).setError(e.getMessage());
        }
        response.onNext(out.build());
        response.onCompleted();
    }

    @Override
    public void backtest(BacktestRequest request, StreamObserver<BacktestResponse> response) {
        try {
            response.onNext(run(request));
            response.onCompleted();
        } catch (IllegalArgumentException e) {
            response.onError(Status.INVALID_ARGUMENT.withDescription(e.getMessage()).asRuntimeException());
        }
    }

    private static BacktestResponse run(BacktestRequest request) {
        StrategyDefinition d = DefinitionParser.parse(request.getDefinition());
        BigDecimal capital;
        try {
            capital = new BigDecimal(request.getInitialCapital());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("initial_capital must be a decimal number of BRL: initial_capital=\""
                    + request.getInitialCapital() + "\"");
        }
        List<Candle> candles = new ArrayList<>(request.getCandlesCount());
        for (int i = 0; i < request.getCandlesCount(); i++) {
            candles.add(candle(request.getCandles(i), d, i));
        }
        BacktestReport r = new Backtester(capital, Costs.NONE, B3).run(new DeclarativeStrategy(d), candles);
        BacktestResponse.Builder out = BacktestResponse.newBuilder().setFinalEquity(r.finalEquity().toPlainString())
                .setNetProfit(r.netProfit().toPlainString()).setTotalReturn(r.totalReturn()).setSharpe(r.sharpe())
                .setMaxDrawdown(r.maxDrawdown()).setNumberOfTrades(r.numberOfTrades()).setWinRate(r.winRate());
        for (Trade t : r.trades()) {
            out.addTrades(BacktestTrade.newBuilder().setDirection(t.direction()).setEntryIndex(t.entryIndex())
                    .setEntryPrice(t.entryPrice()).setExitIndex(t.exitIndex()).setExitPrice(t.exitPrice())
                    .setQuantity(t.quantity()).setProfit(t.profit().toPlainString()));
        }
        return out.build();
    }

    private static Candle candle(blackbox.candles.v1.Candle c, StrategyDefinition d, int i) {
        InstrumentId id = new InstrumentId(c.getInstrument().getTicker(), c.getInstrument().getExchange());
        if (!id.equals(d.instrument())) {
            throw new IllegalArgumentException("candles[" + i + "].instrument must be the definition's " + d.instrument()
                    + ": instrument=" + id);
        }
        Timeframe tf = Timeframe.parse(c.getTimeframe());
        if (tf != d.timeframe()) {
            throw new IllegalArgumentException("candles[" + i + "].timeframe must be the definition's " + d.timeframe()
                    + ": timeframe=" + tf);
        }
        long t = c.getBucketStartNanos();
        return new Candle(id, tf, t, c.getOpen(), c.getHigh(), c.getLow(), c.getClose(), c.getVolume(),
                c.getFinancialVolumeUnits(), c.getTrades(), c.getBuyVolume(), c.getSellVolume(), t, 0, t, 0);
    }
}
