package blackbox.gateway.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blackbox.gateway.TestPaths;
import blackbox.gateway.ffm.ProfitDLL;
import blackbox.gateway.ffm.TConnectorAssetIdentifier;
import blackbox.gateway.ffm.TConnectorTrade;
import blackbox.gateway.ffm.TConnectorTradeCallback;
import blackbox.gateway.ffm.TStateCallback;
import blackbox.gateway.ffm.TSystemTime;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The simulator driven directly through the FFM binding, without the gateway: what a raw client of the DLL
 * sees. Covers what the gateway never does on purpose (blocking the ConnectorThread).
 */
@Timeout(60)
class SimulatorThroughFfmTest {
    private final ProfitDLL dll = ProfitDLL.load(TestPaths.simulatorLibrary());
    private final Arena arena = Arena.ofShared();
    private final List<String> states = new CopyOnWriteArrayList<>();

    @AfterEach
    void finish() {
        dll.DLLFinalize();
        arena.close();
    }

    private void option(String key, String value) {
        var sim = dll.simulator().orElseThrow();
        int rc = sim.SimSetOption(arena.allocateFrom(key), arena.allocateFrom(value));
        assertEquals(0, rc, () -> sim.SimLastError().reinterpret(1000).getString(0));
    }

    private void loginAndWaitForMarketData() throws InterruptedException {
        CountDownLatch connected = new CountDownLatch(1);
        MemorySegment state = TStateCallback.allocate((type, result) -> {
            states.add("(" + type + "," + result + ")");
            if (type == 2 && result == 4) connected.countDown();
        }, arena);
        MemorySegment none = MemorySegment.NULL;
        int rc = dll.DLLInitializeMarketLogin(Utf16.allocate(arena, "KEY"), Utf16.allocate(arena, "user"),
                Utf16.allocate(arena, "pass"), state, none, none, none, none, none, none, none);
        assertEquals(0, rc);
        assertTrue(connected.await(10, TimeUnit.SECONDS), "market data connected: " + states);
    }

    @Test
    void aCallbackThatStallsIsReportedAsPartialConnectionAndThenRecovers() throws Exception {
        dll.simulator().orElseThrow().SimResetOptions();
        option("replay.files", TestPaths.sampleReplay().toString());
        option("replay.speed", "max");
        option("replay.start", "manual");
        option("stall.threshold_ms", "100");
        int[] calls = {0};
        CountDownLatch many = new CountDownLatch(50);
        dll.SetTradeCallbackV2(TConnectorTradeCallback.allocate((asset, trade, flags) -> {
            if (calls[0]++ == 0) {
                try {
                    Thread.sleep(400); // a consumer doing slow work on the ConnectorThread, as the manual warns against
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            many.countDown();
        }, arena));
        loginAndWaitForMarketData();
        assertEquals(0, dll.SubscribeTicker(Utf16.allocate(arena, "BTCUSDT"), Utf16.allocate(arena, "SPOT")));
        assertEquals(0, dll.simulator().orElseThrow().SimStartReplay());
        assertTrue(many.await(10, TimeUnit.SECONDS));
        Thread.sleep(100);
        int partial = states.indexOf("(2,6)");
        assertTrue(partial > 0, "MARKET_PARTIAL_CONNECTED expected in " + states);
        assertTrue(states.subList(partial, states.size()).contains("(2,4)"), "recovery to MARKET_CONNECTED expected in " + states);
    }

    @Test
    void translateTradeFillsTheRecordWithTheFilesValuesInLocalTime() throws Exception {
        dll.simulator().orElseThrow().SimResetOptions();
        option("replay.files", TestPaths.sampleReplay().toString());
        option("replay.start", "manual");
        MemorySegment out = TConnectorTrade.allocate(arena);
        CountDownLatch first = new CountDownLatch(1);
        String[] seen = new String[1];
        dll.SetTradeCallbackV2(TConnectorTradeCallback.allocate((asset, trade, flags) -> {
            if (first.getCount() == 0) return;
            MemorySegment a = asset.reinterpret(TConnectorAssetIdentifier.layout().byteSize());
            TConnectorTrade.Version(out, (byte) 0);
            int rc = dll.TranslateTrade(trade, out); // an accessor: called inside the callback, as the manual requires
            MemorySegment d = TConnectorTrade.TradeDate(out);
            seen[0] = rc + " " + Utf16.read(TConnectorAssetIdentifier.Ticker(a)) + ":" + Utf16.read(TConnectorAssetIdentifier.Exchange(a))
                    + " " + TSystemTime.wYear(d) + "-" + TSystemTime.wMonth(d) + "-" + TSystemTime.wDay(d) + " "
                    + TSystemTime.wHour(d) + ":" + TSystemTime.wMinute(d) + ":" + TSystemTime.wSecond(d) + "." + TSystemTime.wMilliseconds(d)
                    + " #" + Integer.toUnsignedLong(TConnectorTrade.TradeNumber(out)) + " " + TConnectorTrade.Quantity(out) + "@"
                    + TConnectorTrade.Price(out) + " type " + TConnectorTrade.TradeType(out) + " flags " + flags;
            first.countDown();
        }, arena));
        loginAndWaitForMarketData();
        assertEquals(0, dll.SubscribeTicker(Utf16.allocate(arena, "BTCUSDT"), Utf16.allocate(arena, "SPOT")));
        dll.simulator().orElseThrow().SimStartReplay();
        assertTrue(first.await(10, TimeUnit.SECONDS));
        // first sample row: 1723161534193000000 = 2024-08-08T23:58:54.193Z = 20:58:54.193 in São Paulo (UTC-3)
        assertEquals("0 BTCUSDT:SPOT 2024-8-8 20:58:54.193 #3735691516 9000@61730.88 type 2 flags 0", seen[0]);
        assertEquals(List.of("(0,0)", "(2,4)", "(3,0)"), states.stream().distinct().toList());
    }

    @Test
    void routingAfterAMarketOnlyLoginAnswersMarketOnly() throws Exception {
        dll.simulator().orElseThrow().SimResetOptions();
        option("replay.files", TestPaths.sampleReplay().toString());
        loginAndWaitForMarketData();
        assertEquals(NResult.NL_MARKET_ONLY, NResult.of(dll.GetAccountCount()));
    }
}
