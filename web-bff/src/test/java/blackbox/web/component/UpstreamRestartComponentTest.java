package blackbox.web.component;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A browser's streams survive restarts of the services behind web-bff: candle-svc and then marketdata-svc are
 * restarted while the sample is replayed at 4x (3 minutes of BTCUSDT in about 45 s). The WebSocket client hears
 * {@code stream reconnecting} then {@code live} for each stream the restart broke, and at the end it holds every
 * close exactly once (equal to the stored history), every final indicator value once (equal to GetIndicator), and
 * every trade of the file exactly once, without subscribing again.
 */
@Timeout(240)
class UpstreamRestartComponentTest {
    static TestStack stack;
    static WebPart web;
    static Http http;
    static String token;

    @BeforeAll
    static void start() throws Exception {
        stack = new TestStack("web-restart-test");
        web = WebPart.on(stack);
        web.startWithUpstream(Map.of(GatewayConfig.SPEED, "4x"), Map.of());
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
    void candleAndTradeStreamsReconnectAndResumeWithoutGapOrRepeat() throws Exception {
        long fileTrades = Files.lines(GatewayPart.SAMPLE).filter(l -> l.contains(",BTCUSDT,SPOT,T,")).count();
        WsClient ws = WsClient.authenticated(web.base(), token);
        ws.send("{\"type\":\"subscribe\",\"id\":\"s\",\"symbol\":\"BTCUSDT:SPOT\",\"timeframe\":\"1m\","
                + "\"streams\":[\"candles\",\"trades\",\"indicators:sma(2)\",\"indicators:obv\"]}");
        ws.await(m -> m.type().equals("subscribed"), "subscribed");
        GatewayPart.on(stack).startReplay();
        ws.await(m -> closes(ws).size() >= 1, "a first close");

        stack.restart(CandlePart.NAME);
        awaitStream(ws, "candles", "reconnecting", 0);
        awaitStream(ws, "indicators", "reconnecting", 0);
        awaitStream(ws, "candles", "live", 0);
        awaitStream(ws, "indicators", "live", 0);
        int closesBefore = closes(ws).size();
        ws.await(m -> closes(ws).size() > closesBefore, "a close after candle-svc's restart");

        stack.restart(MarketDataPart.NAME);
        awaitStream(ws, "trades", "reconnecting", 0);
        awaitStream(ws, "trades", "live", 0);

        // the tape ends: every trade stored, applied and delivered
        TestStack.await(() -> MarketDataPart.on(stack).storedTrades() == fileTrades, Duration.ofSeconds(90),
                () -> "every trade stored: " + MarketDataPart.on(stack).storedTrades() + " of " + fileTrades);
        TestStack.await(() -> tradeNumbers(ws).size() == fileTrades, Duration.ofSeconds(30),
                () -> "every trade delivered: " + tradeNumbers(ws).size() + " of " + fileTrades);
        JsonNode rest = history();
        TestStack.await(() -> {
            try {
                return closes(ws).size() >= history().size() - 1 && candleSum(history()) == fileTrades;
            } catch (Exception e) {
                return false;
            }
        }, Duration.ofSeconds(60), () -> {
            try {
                return "every close delivered and stored: " + closes(ws).size() + " closes; stored candles hold "
                        + candleSum(history()) + " trades of " + fileTrades + ": " + history();
            } catch (Exception e) {
                return e.toString();
            }
        });
        Thread.sleep(500); // a repeat would arrive now
        rest = history();

        // trades: each of the file's exactly once
        List<Long> numbers = tradeNumbers(ws);
        assertEquals(fileTrades, numbers.size(), "trades delivered");
        assertEquals(fileTrades, numbers.stream().distinct().count(), "no trade twice");

        // closes: once each, in order; with later corrections applied they equal the stored history
        List<Long> closeTimes = closes(ws).stream().map(c -> c.get("time_nanos").asLong()).toList();
        assertEquals(closeTimes.stream().distinct().sorted().toList(), closeTimes, "each close once, in order");
        Map<Long, String> latest = latestCandles(ws);
        Map<Long, String> stored = new LinkedHashMap<>();
        for (int i = 0; i < rest.size() - 1; i++) stored.put(rest.get(i).get("time_nanos").asLong(), Http.MAPPER.writeValueAsString(rest.get(i)));
        assertEquals(stored.keySet().stream().toList(), closeTimes, "no gap: a close for every stored minute but the last");
        Map<Long, String> latestClosed = new LinkedHashMap<>();
        stored.keySet().forEach(t -> latestClosed.put(t, latest.get(t)));
        assertEquals(stored, latestClosed, "the browser's candles equal the stored ones");

        // indicators: each final once per spec, equal to the history's values
        for (String spec : List.of("sma(2)", "obv")) {
            List<JsonNode> finals = ws.ofType("indicator").stream().map(WsClient.Received::json)
                    .filter(v -> v.get("spec").asText().equals(spec) && v.get("kind").asText().equals("final")).toList();
            List<Long> times = finals.stream().map(v -> v.get("time_nanos").asLong()).toList();
            assertEquals(times.stream().distinct().sorted().toList(), times, spec + ": each final once, in order");
            Map<Long, String> latestValues = new TreeMap<>();
            for (WsClient.Received r : ws.ofType("indicator")) {
                JsonNode v = r.json();
                if (v.get("spec").asText().equals(spec) && !v.get("kind").asText().equals("provisional")) {
                    latestValues.put(v.get("time_nanos").asLong(), v.get("values").toString());
                }
            }
            JsonNode values = http.get("/api/v1/indicators?symbol=BTCUSDT:SPOT&timeframe=1m&spec=" + spec
                    + "&from=2024-08-08T00:00:00Z&to=2024-08-10T00:00:00Z", token).json().get("values");
            Map<Long, String> want = new TreeMap<>();
            for (JsonNode v : values) {
                if (!v.path("provisional").asBoolean(false) && v.get("ready").asBoolean()) {
                    want.put(v.get("time_nanos").asLong(), v.get("values").toString());
                }
            }
            Map<Long, String> got = latestValues.entrySet().stream().filter(e -> want.containsKey(e.getKey()))
                    .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> b, TreeMap::new));
            assertEquals(want, got, spec + ": the live values equal the history");
            assertFalse(want.isEmpty(), spec);
        }
        assertTrue(ws.ofType("error").isEmpty(), () -> "no stream gave up: " + ws.ofType("error"));
        ws.close();
    }

    private static void awaitStream(WsClient ws, String stream, String state, int after) throws InterruptedException {
        ws.await(m -> m.type().equals("stream") && m.json().get("stream").asText().equals(stream)
                && m.json().get("state").asText().equals(state), stream + " " + state);
    }

    private static JsonNode history() throws Exception {
        return http.get("/api/v1/candles?symbol=BTCUSDT:SPOT&timeframe=1m&from=2024-08-08T00:00:00Z&to=2024-08-10T00:00:00Z",
                token).json().get("candles");
    }

    private static long candleSum(JsonNode candles) {
        long n = 0;
        for (JsonNode c : candles) n += c.get("trades").asLong();
        return n;
    }

    private static List<JsonNode> closes(WsClient ws) {
        return ws.ofType("candle").stream().map(WsClient.Received::json).filter(c -> c.get("state").asText().equals("closed"))
                .map(c -> c.get("candle")).toList();
    }

    /** Per bucket, the candle as the browser last had it from a close or a correction. */
    private static Map<Long, String> latestCandles(WsClient ws) throws Exception {
        Map<Long, String> latest = new HashMap<>();
        for (WsClient.Received r : ws.ofType("candle")) {
            String state = r.json().get("state").asText();
            if (state.equals("closed") || state.equals("corrected")) {
                JsonNode c = r.json().get("candle");
                latest.put(c.get("time_nanos").asLong(), Http.MAPPER.writeValueAsString(c));
            }
        }
        return latest;
    }

    private static List<Long> tradeNumbers(WsClient ws) {
        List<Long> out = new ArrayList<>();
        for (WsClient.Received r : ws.ofType("trades")) {
            for (JsonNode t : r.json().get("trades")) out.add(t.get("trade_number").asLong());
        }
        return out;
    }
}
