package blackbox.gateway.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blackbox.gateway.GatewayConfig;
import blackbox.gateway.GatewayHarness;
import blackbox.gateway.replay.Instrument;
import blackbox.gateway.replay.ReplayInstruments;
import blackbox.gateway.v1.ListKnownInstrumentsRequest;
import blackbox.gateway.v1.ListKnownInstrumentsResponse;
import blackbox.gateway.v1.ListSubscriptionsRequest;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The instruments the gateway knows: every one of the simulator's replay files, subscribed or not. */
@Timeout(60)
class KnownInstrumentsTest {
    /** Three instruments over two files, one interleaved, none subscribed. */
    static List<Path> tapes(Path dir) throws IOException {
        String header = "# blackbox-replay v1\n"
                + "ts_nanos,ticker,exchange,event,trade_number,price,quantity,trade_type,buy_agent,sell_agent,bid,ask,source_seq\n";
        Path a = dir.resolve("a.replay.csv");
        Files.writeString(a, header
                + "1741190901755015679,VALE3,B,T,1,55.1,200,3,0,0,,,\n"
                + "# a comment\n"
                + "1741190902755015679,PETR4,B,T,1,35.02,100,2,0,0,,,\n"
                + "1741190903755015679,VALE3,B,T,2,55.11,100,2,0,0,,,\n"
                + "1741190904755015679,PETR4,B,T,2,35.03,100,2,0,0,,,\n");
        Path b = dir.resolve("b.replay.csv");
        Files.writeString(b, header + "1741190901855015679,WINZ25,F,T,1,130000,1,2,0,0,,,\n");
        return List.of(a, b);
    }

    static List<String> symbols(ListKnownInstrumentsResponse r) {
        return r.getInstrumentsList().stream().map(i -> i.getTicker() + ":" + i.getExchange()).toList();
    }

    @Test
    void theReplayFilesInstrumentsAreReadSortedOnce(@TempDir Path dir) throws Exception {
        assertEquals(List.of(new Instrument("PETR4", "B"), new Instrument("VALE3", "B"), new Instrument("WINZ25", "F")),
                ReplayInstruments.of(tapes(dir)));
        Path notAReplay = dir.resolve("trades.csv");
        Files.writeString(notAReplay, "time,price\n");
        IOException e = assertThrows(IOException.class, () -> ReplayInstruments.of(List.of(notAReplay)));
        assertTrue(e.getMessage().contains("line 1 must be \"# blackbox-replay v1\"") && e.getMessage().contains("trades.csv"),
                e.getMessage());
    }

    @Test
    void theGatewayListsEveryInstrumentOfItsFilesSubscribedOrNot(@TempDir Path dir) throws Exception {
        String files = String.join(":", tapes(dir).stream().map(Path::toString).toList());
        try (GatewayHarness harness = GatewayHarness.start(Map.of(GatewayConfig.REPLAY, files))) {
            assertEquals(0, harness.blocking.listSubscriptions(ListSubscriptionsRequest.getDefaultInstance()).getInstrumentsCount());
            var all = harness.blocking.listKnownInstruments(ListKnownInstrumentsRequest.getDefaultInstance());
            assertEquals(List.of("PETR4:B", "VALE3:B", "WINZ25:F"), symbols(all));
            assertEquals(List.of("VALE3:B"), symbols(harness.blocking.listKnownInstruments(
                    ListKnownInstrumentsRequest.newBuilder().setTickerPrefix("va").build())), "prefix, any case");
            var one = harness.blocking.listKnownInstruments(ListKnownInstrumentsRequest.newBuilder().setLimit(1).build());
            assertEquals(List.of("PETR4:B"), symbols(one));
            assertTrue(one.getTruncated());
            StatusRuntimeException bad = assertThrows(StatusRuntimeException.class, () -> harness.blocking.listKnownInstruments(
                    ListKnownInstrumentsRequest.newBuilder().setLimit(10_001).build()));
            assertEquals(Status.Code.INVALID_ARGUMENT, bad.getStatus().getCode());
            assertTrue(bad.getStatus().getDescription().contains("limit=10001"), bad.getStatus().getDescription());
        }
    }
}
