package blackbox.web.component;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blackbox.candles.testing.CandlePart;
import blackbox.gateway.GatewayConfig;
import blackbox.gateway.testing.GatewayPart;
import blackbox.marketdata.testing.MarketDataPart;
import blackbox.testkit.TestStack;
import blackbox.web.testing.WebPart;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Trades marketdata-svc recovers after a gap reach a browser already watching: the simulator drops market data after
 * 1,500 trades of the sample (replayed at 20x) for 300 ms — 6 s of tape the gateway never sees — then marketdata-svc
 * repairs the gap from the gateway's history. The WebSocket client, which never subscribed again, ends with every
 * trade of the file exactly once, and with candles (closes and the corrections the repaired trades made) equal to
 * the stored ones, which hold every trade.
 */
@Timeout(180)
class RecoveredTradesComponentTest {
    static TestStack stack;
    static WebPart web;
    static Http http;
    static String token;

    @BeforeAll
    static void start() throws Exception {
        stack = new TestStack("web-recovered-test");
        web = WebPart.on(stack);
        web.startWithUpstream(Map.of(GatewayConfig.SPEED, "20x", GatewayConfig.SIM_OPTIONS,
                "replay.start=manual;fault.disconnect_after_trades=1500;fault.reconnect_after_ms=300"), Map.of());
        http = new Http(web.base());
        token = http.token("alice", WebPart.PASSWORD);
        assertEquals(200, http.send("PUT", "/api/v1/market/subscriptions/BTCUSDT:SPOT", token, null).status());
        CandlePart.on(stack).awaitLive(1);
    }

    @AfterAll
    static void stop() {
        if (stack != null) stack.close();
    }

    @Test
    void tradesRecoveredAfterAGapReachTheWatchingBrowserAsTradesAndCandles() throws Exception {
        long fileTrades = Files.lines(GatewayPart.SAMPLE).filter(l -> l.contains(",BTCUSDT,SPOT,T,")).count();
        WsClient ws = WsClient.authenticated(web.base(), token);
        ws.send("{\"type\":\"subscribe\",\"id\":\"s\",\"symbol\":\"BTCUSDT:SPOT\",\"timeframe\":\"1m\",\"streams\":[\"candles\",\"trades\"]}");
        ws.await(m -> m.type().equals("subscribed"), "subscribed");
        GatewayPart.on(stack).startReplay();

        ws.await(m -> m.type().equals("session") && m.json().get("state").asText().equals("reconnecting"), "the DLL's drop");
        TestStack.await(() -> MarketDataPart.on(stack).storedTrades() == fileTrades, Duration.ofSeconds(60),
                () -> "the gap repaired: " + MarketDataPart.on(stack).storedTrades() + " of " + fileTrades + " stored");
        long recovered = stack.database().jdbi().withHandle(h -> h.createQuery(
                "SELECT coalesce(sum(recovered), 0) FROM marketdata.repairs").mapTo(Long.class).one());
        assertTrue(recovered > 0, "the drop lost trades that the repair recovered");

        TestStack.await(() -> tradeNumbers(ws).size() >= fileTrades, Duration.ofSeconds(30),
                () -> "the watching browser got " + tradeNumbers(ws).size() + " of " + fileTrades + " trades");
        TestStack.await(() -> {
            try {
                return stored().equals(latestCandles(ws)) && candleSum() == fileTrades;
            } catch (Exception e) {
                return false;
            }
        }, Duration.ofSeconds(60), () -> {
            try {
                return "the browser's candles equal the stored ones (" + candleSum() + " trades in them): browser "
                        + latestCandles(ws) + " store " + stored();
            } catch (Exception e) {
                return e.toString();
            }
        });
        List<Long> numbers = tradeNumbers(ws);
        assertEquals(fileTrades, numbers.size(), "every trade once");
        assertEquals(fileTrades, numbers.stream().distinct().count(), "no trade twice");
        ws.close();
    }

    private static JsonNode history() throws Exception {
        return http.get("/api/v1/candles?symbol=BTCUSDT:SPOT&timeframe=1m&from=2024-08-08T00:00:00Z&to=2024-08-10T00:00:00Z",
                token).json().get("candles");
    }

    private static long candleSum() throws Exception {
        long n = 0;
        for (JsonNode c : history()) n += c.get("trades").asLong();
        return n;
    }

    /** The stored candles but the newest (which may still be forming), by bucket. */
    private static Map<Long, String> stored() throws Exception {
        JsonNode rest = history();
        Map<Long, String> out = new LinkedHashMap<>();
        for (int i = 0; i < rest.size() - 1; i++) out.put(rest.get(i).get("time_nanos").asLong(), Http.MAPPER.writeValueAsString(rest.get(i)));
        return out;
    }

    /** Per bucket, the candle as the browser last had it from a close or a correction (the newest bucket left out). */
    private static Map<Long, String> latestCandles(WsClient ws) throws Exception {
        Map<Long, String> latest = new HashMap<>();
        for (WsClient.Received r : ws.ofType("candle")) {
            String state = r.json().get("state").asText();
            if (state.equals("closed") || state.equals("corrected")) {
                JsonNode c = r.json().get("candle");
                latest.put(c.get("time_nanos").asLong(), Http.MAPPER.writeValueAsString(c));
            }
        }
        Map<Long, String> ordered = new LinkedHashMap<>();
        for (Long t : stored().keySet()) if (latest.containsKey(t)) ordered.put(t, latest.get(t));
        return ordered;
    }

    private static List<Long> tradeNumbers(WsClient ws) {
        List<Long> out = new ArrayList<>();
        for (WsClient.Received r : ws.ofType("trades")) {
            for (JsonNode t : r.json().get("trades")) out.add(t.get("trade_number").asLong());
        }
        return out;
    }
}
