package blackbox.web.component;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blackbox.gateway.GatewayConfig;
import blackbox.gateway.testing.GatewayPart;
import blackbox.testkit.TestStack;
import blackbox.web.testing.WebPart;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Instrument search finds what the gateway knows (the simulator's replay files), before anyone subscribes or trades (B3
 * symbols without ":B"); with the gateway down it answers from candle-svc and marketdata-svc and names the gateway.
 */
@Timeout(120)
class InstrumentSearchComponentTest {
    static List<String> symbols(JsonNode list) {
        List<String> out = new ArrayList<>();
        list.forEach(n -> out.add(n.get("symbol").asText()));
        return out;
    }

    @Test
    void anyTickerOfTheSimulatorsFilesIsFoundUnsubscribed(@TempDir Path dir) throws Exception {
        Path tape = dir.resolve("three.replay.csv");
        Files.writeString(tape, "# blackbox-replay v1\n"
                + "ts_nanos,ticker,exchange,event,trade_number,price,quantity,trade_type,buy_agent,sell_agent,bid,ask,source_seq\n"
                + "1741190901755015679,VALE3,B,T,1,55.1,200,3,0,0,,,\n"
                + "1741190902755015679,PETR4,B,T,1,35.02,100,2,0,0,,,\n"
                + "1741190903755015679,WINZ25,F,T,1,130000,1,2,0,0,,,\n");
        try (TestStack stack = new TestStack("search-test")) {
            WebPart web = WebPart.on(stack);
            web.startWithUpstream(Map.of(GatewayConfig.REPLAY, tape.toString()), Map.of());
            Http http = new Http(web.base());
            String token = http.token("alice", WebPart.PASSWORD);
            Http.Answer all = http.get("/api/v1/market/instruments", token);
            assertEquals(200, all.status(), all.body());
            assertEquals(List.of("PETR4", "VALE3", "WINZ25:F"), symbols(all.json().get("instruments")));
            assertEquals(List.of("VALE3"), symbols(http.get("/api/v1/market/instruments?q=va", token).json().get("instruments")));
            assertEquals(List.of("WINZ25:F"), symbols(http.get("/api/v1/market/instruments?q=WINZ25:F", token).json().get("instruments")));
            assertEquals(List.of(), symbols(http.get("/api/v1/market/instruments?q=ITUB", token).json().get("instruments")));
            assertTrue(all.json().path("unavailable").isMissingNode(), "every source answered: " + all.body());
        }
    }

    @Test
    void withTheGatewayDownTheSearchAnswersFromTheOtherSourcesAndSaysSo(@TempDir Path dir) throws Exception {
        Path tape = dir.resolve("two.replay.csv");
        Files.writeString(tape, "# blackbox-replay v1\n"
                + "ts_nanos,ticker,exchange,event,trade_number,price,quantity,trade_type,buy_agent,sell_agent,bid,ask,source_seq\n"
                + "1741190901755015679,VALE3,B,T,1,55.1,200,3,0,0,,,\n"
                + "1741190902755015679,PETR4,B,T,1,35.02,100,2,0,0,,,\n");
        try (TestStack stack = new TestStack("search-down-test")) {
            WebPart web = WebPart.on(stack);
            web.startWithUpstream(Map.of(GatewayConfig.REPLAY, tape.toString()), Map.of());
            Http http = new Http(web.base());
            String token = http.token("alice", WebPart.PASSWORD);
            assertEquals(200, http.send("PUT", "/api/v1/market/subscriptions/VALE3", token, null).status());
            stack.stop(GatewayPart.NAME);

            Http.Answer found = http.get("/api/v1/market/instruments?q=va", token);
            assertEquals(200, found.status(), found.body());
            assertEquals(List.of("VALE3"), symbols(found.json().get("instruments")), "marketdata-svc's ingestion still answers");
            assertEquals(List.of("dll-gateway"), texts(found.json().get("unavailable")));
        }
    }

    private static List<String> texts(JsonNode list) {
        List<String> out = new ArrayList<>();
        list.forEach(n -> out.add(n.asText()));
        return out;
    }
}
