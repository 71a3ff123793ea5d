package blackbox.web.component;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blackbox.gateway.testing.GatewayPart;
import blackbox.oms.testing.OmsPart;
import blackbox.oms.testing.TradingGateway;
import blackbox.risk.testing.RiskPart;
import blackbox.testkit.TestStack;
import blackbox.web.WebBffConfig;
import blackbox.web.testing.WebPart;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * web-bff's order side over the real services on one {@link TestStack}: the gateway with routing on the simulator's
 * demo roster (the Binance sample tape, held), oms-svc ({@link OmsPart}: risk followed from PostgreSQL, flat
 * positions), risk-svc ({@link RiskPart}), web-bff over real HTTP with the roster as its accounts (desk {@code mesa}).
 * Users: alice (trader), bob (viewer), root (admin), rita (risk). Orders rest far from the market (BTCUSDT limit
 * 1000.00), so nothing fills.
 */
@Timeout(180)
class OrderRoutesComponentTest {
    static TestStack stack;
    static WebPart web;
    static Http http;
    static String alice;
    static String bob;
    static String rita;

    @BeforeAll
    static void start() throws Exception {
        stack = new TestStack("web-orders");
        GatewayPart gateway = GatewayPart.on(stack);
        gateway.start(TradingGateway.overrides(stack, OmsPart.DEMO_ROSTER, GatewayPart.SAMPLE, ""));
        OmsPart.on(stack).start();
        RiskPart.on(stack).start();
        web = WebPart.on(stack).withOrderSide(OmsPart.DEMO_ROSTER);
        // the lock-out test below makes rita's logins fail from this address: a generous address bucket
        web.start(Map.of(WebBffConfig.LOGIN_PER_ADDRESS, "100000"));
        http = new Http(web.base());
        alice = http.token("alice", WebPart.PASSWORD);
        bob = http.token("bob", WebPart.PASSWORD);
        rita = http.token("rita", WebPart.PASSWORD);
    }

    @AfterAll
    static void stop() {
        if (stack != null) stack.close();
    }

    private static String order(String clOrdId, String account, long qty) {
        return "{\"cl_ord_id\":\"" + clOrdId + "\",\"account\":\"" + account + "\",\"symbol\":\"BTCUSDT:SPOT\",\"side\":\"buy\","
                + "\"ord_type\":\"limit\",\"order_qty\":" + qty + ",\"price\":\"1000.00\"}";
    }

    @Test
    void accountsAreTheDesksWithNameAndGroup() throws Exception {
        Http.Answer a = http.get("/api/v1/accounts", bob);
        assertEquals(200, a.status(), a.body());
        JsonNode list = a.json().get("accounts");
        assertEquals(26, list.size(), "the demo roster's 24 accounts and 2 sub-accounts: " + a.body());
        assertEquals("mesa", a.json().get("desk").asText());
        JsonNode first = list.get(0);
        assertEquals("4512031", first.get("account").asText());
        assertEquals("Ana Beatriz Carvalho", first.get("name").asText());
        assertEquals("acoes-long-only", first.get("group").asText());
        assertTrue(list.findValuesAsText("account").contains("4513007.001"), "a sub-account is <account>.<sub>");
    }

    @Test
    void aTraderSendsOnceWhateverTheRetriesAndTheOrderCarriesTheUser() throws Exception {
        Http.Answer first = http.post("/api/v1/orders", alice, order("web-idem-1", "4512074", 1000));
        assertEquals(201, first.status(), first.body());
        JsonNode o = first.json().get("order");
        assertEquals("alice", o.get("user").asText(), "the user comes from the token, never the body");
        assertFalse(first.json().get("duplicate").asBoolean());
        Http.Answer again = http.post("/api/v1/orders", alice, order("web-idem-1", "4512074", 1000));
        assertEquals(200, again.status(), again.body());
        assertTrue(again.json().get("duplicate").asBoolean());
        assertEquals(o.get("created_at"), again.json().get("order").get("created_at"), "the same order");
        Http.Answer conflict = http.post("/api/v1/orders", alice, order("web-idem-1", "4512074", 2000));
        assertEquals(409, conflict.status(), conflict.body());
        assertTrue(conflict.body().contains("order_qty"), conflict.body());
        // one order at oms-svc with that ClOrdID
        Http.Answer listed = http.get("/api/v1/orders?account=4512074", bob);
        assertEquals(200, listed.status(), listed.body());
        int n = 0;
        for (JsonNode x : listed.json().get("orders")) if (x.get("cl_ord_id").asText().equals("web-idem-1")) n++;
        assertEquals(1, n, listed.body());
        // its audit trail names alice
        Http.Answer shown = http.get("/api/v1/orders/web-idem-1", bob);
        assertEquals(200, shown.status(), shown.body());
        List<String> users = new ArrayList<>();
        for (JsonNode c : shown.json().get("audit").get("commands")) users.add(c.get("user").asText());
        assertFalse(users.isEmpty());
        assertTrue(users.stream().allMatch("alice"::equals), "audited as alice: " + users);
        // cancel: a viewer may not, the trader may
        assertEquals(403, http.post("/api/v1/orders/web-idem-1/cancel", bob, "{}").status());
        Http.Answer canceled = http.post("/api/v1/orders/web-idem-1/cancel", alice, "{}");
        assertEquals(200, canceled.status(), canceled.body());
        assertTrue(List.of("PENDING_CANCEL", "CANCELED").contains(canceled.json().get("order").get("ord_status").asText()), canceled.body());
        assertEquals(404, http.post("/api/v1/orders/no-such-order/cancel", alice, "{}").status());
    }

    @Test
    void rolesAndDeskAreCheckedAndErrorsNameTheFieldAndValue() throws Exception {
        Http.Answer viewer = http.post("/api/v1/orders", bob, order("web-roles-1", "4512074", 1000));
        assertEquals(403, viewer.status(), viewer.body());
        assertTrue(viewer.json().get("detail").asText().contains("role trader required"), viewer.body());
        Http.Answer foreign = http.post("/api/v1/orders", alice, order("web-roles-2", "9999999", 1000));
        assertEquals(403, foreign.status(), foreign.body());
        assertEquals("account", foreign.json().get("field").asText());
        assertEquals("9999999", foreign.json().get("value").asText());
        Http.Answer side = http.post("/api/v1/orders", alice, order("web-roles-3", "4512074", 1000).replace("\"buy\"", "\"up\""));
        assertEquals(400, side.status(), side.body());
        assertEquals("application/problem+json", side.header("Content-Type"));
        assertEquals("side", side.json().get("field").asText());
        assertEquals("up", side.json().get("value").asText());
        Http.Answer qty = http.post("/api/v1/orders", alice, order("web-roles-4", "4512074", 1000).replace("1000,", "\"many\","));
        assertEquals(400, qty.status(), qty.body());
        assertEquals("order_qty", qty.json().get("field").asText());
        Http.Answer status = http.get("/api/v1/orders?status=SLEEPING", bob);
        assertEquals(400, status.status());
        assertEquals("SLEEPING", status.json().get("value").asText());
        // limits: a trader may read them, not set them; the risk user may
        String limit = "{\"changes\":[{\"scope\":{\"type\":\"account\",\"key\":\"7730155\"},\"kind\":\"MAX_ORDER_QUANTITY\",\"value\":\"100000\"}],\"reason\":\"test\"}";
        assertEquals(403, http.send("PUT", "/api/v1/risk/limits", alice, limit).status());
        Http.Answer set = http.send("PUT", "/api/v1/risk/limits", rita, limit);
        assertEquals(200, set.status(), set.body());
        Http.Answer limits = http.get("/api/v1/risk/limits", alice);
        assertEquals(200, limits.status(), limits.body());
        assertTrue(limits.body().contains("MAX_ORDER_QUANTITY") && limits.body().contains("7730155"), limits.body());
        assertEquals(403, http.post("/api/v1/risk/halt", alice, "{\"scope\":{\"type\":\"desk\"},\"reason\":\"x\"}").status());
    }

    /**
     * Issue 15: wrong passwords for rita from this address throttle rita's logins here, and rita's session, already
     * logged in, still halts an account, resumes it and presses panic; then the desk is resumed for the other tests.
     */
    @Test
    void aLoggedInRiskSessionHaltsAndPanicsWhateverTheLoginThrottleSays() throws Exception {
        for (int i = 0; i < WebPart.LOGINS_PER_USER; i++) {
            http.post("/api/v1/auth/login", null, "{\"username\":\"rita\",\"password\":\"wrong" + i + "\"}");
        }
        Http.Answer locked = http.post("/api/v1/auth/login", null, "{\"username\":\"rita\",\"password\":\"" + WebPart.PASSWORD + "\"}");
        assertEquals(429, locked.status(), "the guessing address waits, even with the right password: " + locked.body());
        Http.Answer halt = http.post("/api/v1/risk/halt", rita, "{\"scope\":{\"type\":\"account\",\"key\":\"7730139\"},\"mode\":\"keep\",\"reason\":\"lock-out test\"}");
        assertEquals(200, halt.status(), halt.body());
        assertEquals("HALTED", halt.json().get("switch").get("state").asText(), halt.body());
        Http.Answer switches = http.get("/api/v1/risk/switches", bob);
        assertTrue(switches.body().contains("7730139"), switches.body());
        assertEquals(200, http.post("/api/v1/risk/resume", rita, "{\"scope\":{\"type\":\"account\",\"key\":\"7730139\"},\"reason\":\"done\"}").status());
        Http.Answer panic = http.post("/api/v1/risk/panic", rita, "{\"reason\":\"lock-out test\",\"wait_for_report\":true}");
        assertEquals(200, panic.status(), panic.body());
        assertEquals("desk", panic.json().get("switch").get("scope").get("type").asText(), panic.body());
        assertEquals("HALTED", panic.json().get("switch").get("state").asText(), panic.body());
        Http.Answer resumed = http.post("/api/v1/risk/resume", rita, "{\"scope\":{\"type\":\"desk\"},\"reason\":\"test over\"}");
        assertEquals(200, resumed.status(), resumed.body());
    }

    /** {@code /ws/desk}: every order event of the desk, in sequence, resumed after the last one processed. */
    @Test
    void orderEventsArePushedEveryOneAndResumeAfterTheLastSequence() throws Exception {
        WsClient ws = WsClient.connectTo(web.base(), "/ws/desk");
        ws.send("{\"type\":\"auth\",\"token\":\"" + bob + "\"}");
        ws.await(m -> m.type().equals("authenticated"), "authenticated");
        ws.send("{\"type\":\"subscribe\",\"stream\":\"orders\",\"after_sequence\":0}");
        ws.await(m -> m.type().equals("caught_up"), "caught_up");
        assertEquals(201, http.post("/api/v1/orders", alice, order("web-ws-1", "7730112", 1000)).status());
        assertEquals(200, http.post("/api/v1/orders/web-ws-1/cancel", alice, "{}").status());
        ws.await(m -> m.type().equals("order_event") && m.json().get("cl_ord_id").asText().equals("web-ws-1")
                && m.json().get("event").asText().equals("CANCELED"), "the cancel's event");
        // the order's own audit trail is the truth: the push carries each of its events once, in sequence, none
        // coalesced (how many SENTs and where the CANCEL_REQUESTED falls depend on who answers first)
        List<String> trail = new ArrayList<>();
        for (JsonNode e : http.get("/api/v1/orders/web-ws-1", alice).json().get("audit").get("events")) {
            trail.add(e.get("sequence").asLong() + " " + e.get("type").asText());
        }
        long lastOfTrail = Long.parseLong(trail.getLast().split(" ")[0]);
        TestStack.await(() -> pushed(ws, "web-ws-1", lastOfTrail).size() >= trail.size(), Duration.ofSeconds(5),
                () -> "the trail " + trail + " pushed: " + pushed(ws, "web-ws-1", lastOfTrail));
        List<Long> sequences = new ArrayList<>();
        for (var r : ws.ofType("order_event")) sequences.add(r.json().get("sequence").asLong());
        for (int i = 1; i < sequences.size(); i++) assertTrue(sequences.get(i) > sequences.get(i - 1), "in sequence: " + sequences);
        assertEquals(trail, pushed(ws, "web-ws-1", lastOfTrail), "every event of the trail pushed once, in order");
        List<String> events = trail.stream().map(t -> t.split(" ")[1]).toList();
        assertEquals("CREATED", events.getFirst(), events.toString());
        assertTrue(events.containsAll(List.of("CREATED", "NEW", "CANCEL_REQUESTED", "CANCELED")), "the order's life: " + events);
        ws.close();
        // a reconnect after the CREATED event gets the rest, nothing before it
        long created = -1;
        for (var r : ws.ofType("order_event")) {
            if (r.json().get("cl_ord_id").asText().equals("web-ws-1") && r.json().get("event").asText().equals("CREATED")) created = r.json().get("sequence").asLong();
        }
        WsClient again = WsClient.connectTo(web.base(), "/ws/desk");
        again.send("{\"type\":\"auth\",\"token\":\"" + bob + "\"}");
        again.await(m -> m.type().equals("authenticated"), "authenticated");
        again.send("{\"type\":\"subscribe\",\"stream\":\"orders\",\"after_sequence\":" + created + "}");
        again.await(m -> m.type().equals("caught_up"), "caught_up");
        final long after = created;
        assertTrue(again.ofType("order_event").stream().allMatch(r -> r.json().get("sequence").asLong() > after), "nothing at or before the resume point");
        assertEquals(trail.subList(1, trail.size()), pushed(again, "web-ws-1", lastOfTrail), "the events after CREATED, once each");
        again.close();
    }

    /** The order events pushed to {@code ws} for {@code clOrdId} up to {@code maxSequence}, as "sequence TYPE". */
    private static List<String> pushed(WsClient ws, String clOrdId, long maxSequence) {
        List<String> out = new ArrayList<>();
        for (var r : ws.ofType("order_event")) {
            JsonNode j = r.json();
            if (j.get("cl_ord_id").asText().equals(clOrdId) && j.get("sequence").asLong() <= maxSequence) {
                out.add(j.get("sequence").asLong() + " " + j.get("event").asText());
            }
        }
        return out;
    }
}
