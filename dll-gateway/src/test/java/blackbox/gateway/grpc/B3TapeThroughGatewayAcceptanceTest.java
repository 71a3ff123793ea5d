package blackbox.gateway.grpc;

import static blackbox.gateway.GatewayHarness.instrument;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blackbox.gateway.GatewayConfig;
import blackbox.gateway.GatewayHarness;
import blackbox.gateway.TestPaths;
import blackbox.gateway.engine.SessionStatus;
import blackbox.gateway.replay.B3UmdfCsvSource;
import blackbox.gateway.replay.EventKind;
import blackbox.gateway.replay.ImportProgress;
import blackbox.gateway.replay.ImportReport;
import blackbox.gateway.replay.ReplayEvent;
import blackbox.gateway.replay.ReplayImporter;
import blackbox.gateway.replay.ReplayReader;
import blackbox.gateway.v1.GetTopOfBookRequest;
import blackbox.gateway.v1.StreamTradesRequest;
import blackbox.gateway.v1.SubscribeRequest;
import blackbox.gateway.v1.TickerStateChange;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Acceptance on the real B3 tape in {@code ../shared/data} (not in the repository: runs where the folder is
 * present, says so where it is absent): one session of PETR4 and VALE3 imported from the UMDF files,
 * replayed through the simulator, FFM and gRPC. Every trade arrives in order with exact values, auctions
 * (leilão) show as ticker-state changes, and the top of book ends at the file's last bid and ask.
 */
@Timeout(180)
class B3TapeThroughGatewayAcceptanceTest {
    @Test
    void aRealB3SessionArrivesExactlyThroughTheGateway(@TempDir Path dir) throws Exception {
        Path trades = TestPaths.sharedData().resolve("b3-btg-2025/trades");
        Assumptions.assumeTrue(Files.isDirectory(trades), "B3 tape absent (" + trades + "): acceptance run skipped");
        List<Path> inputs = List.of(trades.resolve("2_PETR4_07042025.csv"), trades.resolve("1_VALE3_07042025.csv"));
        Path replay = dir.resolve("b3.replay.csv");
        ImportReport report = new ReplayImporter(new B3UmdfCsvSource(), ImportProgress.NONE).importFiles(inputs, replay);
        assertEquals(0, report.rowsRejected(), report.toString());

        List<ReplayEvent> all;
        try (ReplayReader reader = ReplayReader.open(replay)) {
            all = reader.stream().toList();
        }
        List<ReplayEvent> expected = all.stream().filter(e -> e.kind() != EventKind.K).toList();
        long auctionSwitches = countAuctionSwitches(expected);

        try (GatewayHarness h = GatewayHarness.start(Map.of(GatewayConfig.REPLAY, replay.toString(),
                GatewayConfig.STREAM_BUFFER, "10000000"))) {
            h.awaitState(SessionStatus.State.CONNECTED, Duration.ofSeconds(10));
            for (String ticker : List.of("PETR4", "VALE3")) {
                h.blocking.subscribe(SubscribeRequest.newBuilder().setInstrument(instrument(ticker, "B")).build());
            }
            TradeCollector stream = new TradeCollector();
            h.async.streamTrades(StreamTradesRequest.getDefaultInstance(), stream);
            GatewayHarness.await(() -> h.gateway.service().openTradeStreams() == 1, Duration.ofSeconds(5), () -> "stream open");
            h.startReplay();
            GatewayHarness.await(() -> stream.tradeCount() >= expected.size(), Duration.ofSeconds(120),
                    () -> expected.size() + " trades, have " + stream.tradeCount());
            Thread.sleep(200);
            System.out.printf("B3 acceptance: %d trades of PETR4+VALE3 on 2025-04-07 through the gateway; %d auction state changes%n",
                    expected.size(), stream.tickerStates().size());

            ReplayExpectations.assertSameTrades(expected, stream.trades());
            assertEquals(0, h.gateway.engine().overflows());
            List<TickerStateChange> states = stream.tickerStates();
            assertEquals(auctionSwitches, states.size(), "one ticker-state change per switch into or out of auction");
            assertTrue(states.stream().allMatch(s -> s.getState() == 4 || s.getState() == 0), states.toString());

            for (String ticker : List.of("PETR4", "VALE3")) {
                ReplayEvent lastBook = all.reversed().stream()
                        .filter(e -> e.ticker().equals(ticker) && e.bid() != null && e.ask() != null).findFirst().orElseThrow();
                GatewayHarness.await(() -> {
                    var top = h.blocking.getTopOfBook(GetTopOfBookRequest.newBuilder().setInstrument(instrument(ticker, "B")).build());
                    return top.getBidPrice() == lastBook.bid().doubleValue() && top.getAskPrice() == lastBook.ask().doubleValue();
                }, Duration.ofSeconds(5), () -> ticker + " top of book " + lastBook.bid() + "/" + lastBook.ask());
            }
        }
    }

    /** Switches into (trade type 4) and out of auction, per ticker, as the simulator reports them. */
    private static long countAuctionSwitches(List<ReplayEvent> trades) {
        java.util.Map<String, Boolean> inAuction = new java.util.HashMap<>();
        long switches = 0;
        for (ReplayEvent e : trades) {
            boolean auction = e.tradeType() == 4;
            Boolean before = inAuction.put(e.ticker(), auction);
            if ((before == null && auction) || (before != null && before != auction)) switches++;
        }
        return switches;
    }
}
