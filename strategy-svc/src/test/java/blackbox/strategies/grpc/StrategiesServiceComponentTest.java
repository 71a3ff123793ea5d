package blackbox.strategies.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blackbox.gateway.v1.InstrumentId;
import blackbox.strategies.v1.BacktestRequest;
import blackbox.strategies.v1.BacktestResponse;
import blackbox.strategies.v1.StrategiesGrpc;
import blackbox.strategies.v1.ValidateRequest;
import blackbox.strategies.v1.ValidateResponse;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The gRPC surface over a real in-process server and channel: validate, backtest, and their errors. */
@Timeout(60)
class StrategiesServiceComponentTest {
    private static final String DEFINITION = """
            instrument: PETR4:B
            timeframe: 1m
            side: long
            entry: close > open
            exit: close < open
            size: 100
            """;
    private Server server;
    private ManagedChannel channel;
    private StrategiesGrpc.StrategiesBlockingStub stub;

    @BeforeEach
    void start() throws Exception {
        String name = InProcessServerBuilder.generateName();
        server = InProcessServerBuilder.forName(name).directExecutor().addService(new StrategiesService()).build().start();
        channel = InProcessChannelBuilder.forName(name).directExecutor().build();
        stub = StrategiesGrpc.newBlockingStub(channel);
    }

    @AfterEach
    void stop() {
        channel.shutdownNow();
        server.shutdownNow();
    }

    @Test
    void validateReportsTheWrongPart() {
        ValidateResponse ok = stub.validate(ValidateRequest.newBuilder().setDefinition(DEFINITION).build());
        assertTrue(ok.getValid());
        assertEquals("close > open", ok.getCanonicalEntry());
        ValidateResponse bad = stub.validate(ValidateRequest.newBuilder()
                .setDefinition(DEFINITION.replace("close > open", "emma(9) > open")).build());
        assertFalse(bad.getValid());
        assertTrue(bad.getError().startsWith("unknown indicator 'emma'") && bad.getError().endsWith("at 4:8"),
                bad.getError());
    }

    @Test
    void backtestRunsOverTheGivenCandles() {
        // up candle at 0 → buy at 1's open 10.10; down candle at 2 → sell at 3's open 10.40: +30.00 BRL
        double[][] ohlc = {{10, 10.2, 10, 10.2}, {10.1, 10.3, 10.1, 10.3}, {10.3, 10.3, 10.2, 10.2}, {10.4, 10.4, 10.4, 10.4}};
        BacktestRequest.Builder req = BacktestRequest.newBuilder().setDefinition(DEFINITION).setInitialCapital("10000");
        for (int i = 0; i < ohlc.length; i++) {
            req.addCandles(candle(i, ohlc[i], "PETR4"));
        }
        BacktestResponse r = stub.backtest(req.build());
        assertEquals(1, r.getNumberOfTrades());
        assertEquals("30.0000", r.getNetProfit());
        assertEquals(1, r.getTrades(0).getEntryIndex());
        assertEquals(10.1, r.getTrades(0).getEntryPrice());
        assertEquals(3, r.getTrades(0).getExitIndex());

        StatusRuntimeException e = assertThrows(StatusRuntimeException.class, () -> stub.backtest(
                BacktestRequest.newBuilder().setDefinition(DEFINITION).setInitialCapital("10000")
                        .addCandles(candle(0, ohlc[0], "VALE3")).build()));
        assertEquals(Status.Code.INVALID_ARGUMENT, e.getStatus().getCode());
        assertEquals("candles[0].instrument must be the definition's PETR4:B: instrument=VALE3:B", e.getStatus().getDescription());
        e = assertThrows(StatusRuntimeException.class, () -> stub.backtest(
                BacktestRequest.newBuilder().setDefinition(DEFINITION).setInitialCapital("ten").build()));
        assertEquals(Status.Code.INVALID_ARGUMENT, e.getStatus().getCode());
        assertEquals("initial_capital must be a decimal number of BRL: initial_capital=\"ten\"", e.getStatus().getDescription());
    }

    private static blackbox.candles.v1.Candle candle(int i, double[] c, String ticker) {
        long t = 1_741_611_600_000_000_000L + i * 60_000_000_000L;
        return blackbox.candles.v1.Candle.newBuilder()
                .setInstrument(InstrumentId.newBuilder().setTicker(ticker).setExchange("B")).setTimeframe("1m")
                .setBucketStartNanos(t).setOpen(c[0]).setHigh(c[1]).setLow(c[2]).setClose(c[3]).setVolume(100)
                .setFinancialVolumeUnits(Math.round(c[3] * 1e4) * 100).setTrades(1).build();
    }
}
