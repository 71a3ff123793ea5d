package blackbox.gateway.trading.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blackbox.gateway.TestPaths;
import blackbox.gateway.v1.AccountId;
import blackbox.gateway.v1.InstrumentId;
import blackbox.gateway.v1.ListAccountsRequest;
import blackbox.gateway.v1.ListOrdersRequest;
import blackbox.gateway.v1.OrdStatus;
import blackbox.gateway.v1.OrdType;
import blackbox.gateway.v1.Order;
import blackbox.gateway.v1.SendOrderRequest;
import blackbox.gateway.v1.SendOrderResponse;
import blackbox.gateway.v1.Side;
import blackbox.gateway.v1.TradingGrpc;
import io.grpc.ManagedChannel;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gateway killed with SIGKILL while four clients send orders, then started again on the same journal (and the
 * simulated broker on its own journal): every key sent again is answered with the order it already names, or found
 * never to have reached the DLL, and the DLL's history holds at most one order per key — no duplicate order, the
 * property oms-svc relies on.
 */
@Timeout(180)
class GatewayKillRestartTest {
    static final AccountId ISABELA = AccountId.newBuilder().setBrokerId(85).setAccountId("4513007").build();
    static final InstrumentId BTC = InstrumentId.newBuilder().setTicker("BTCUSDT").setExchange("SPOT").build();

    private static Process gateway(Path dir, int port) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder pb = new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                "blackbox.gateway.GatewayMain");
        Map<String, String> env = pb.environment();
        env.keySet().removeIf(k -> k.startsWith("BLACKBOX_"));
        env.put("BLACKBOX_GATEWAY_PORT", Integer.toString(port));
        env.put("BLACKBOX_PROFITDLL_LIBRARY", TestPaths.simulatorLibrary().toString());
        env.put("BLACKBOX_SIM_REPLAY", TestPaths.sampleReplay().toString());
        env.put("BLACKBOX_SIM_SPEED", "max");
        env.put("BLACKBOX_SIM_OPTIONS", "replay.start=manual");
        env.put("BLACKBOX_PROFITDLL_MARKET_ONLY", "false");
        env.put("BLACKBOX_GATEWAY_SUBSCRIBE", "");
        env.put("BLACKBOX_GATEWAY_JOURNAL_DIR", dir.resolve("journal").toString());
        env.put("BLACKBOX_GATEWAY_STATS_INTERVAL", "0s");
        pb.redirectErrorStream(true).redirectOutput(dir.resolve("gateway-" + port + ".log").toFile());
        return pb.start();
    }

    private static void awaitRouting(TradingGrpc.TradingBlockingStub stub) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 30_000;
        while (true) {
            try {
                stub.withDeadlineAfter(2, TimeUnit.SECONDS).listAccounts(ListAccountsRequest.getDefaultInstance());
                return;
            } catch (StatusRuntimeException e) {
                if (System.currentTimeMillis() > deadline) throw new AssertionError("gateway not ready: " + e.getStatus());
                Thread.sleep(100);
            }
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    static SendOrderRequest order(int i) {
        // every order has its own quantity, so a key left in doubt matches exactly one order of the DLL's history
        return SendOrderRequest.newBuilder().setIdempotencyKey("kill-" + i).setAccount(ISABELA).setInstrument(BTC)
                .setSide(Side.SIDE_BUY).setOrdType(OrdType.ORD_TYPE_LIMIT).setQuantity(100_000 + i).setPrice("1000.5").build();
    }

    @Test
    void aKilledGatewaySendsNoOrderTwice(@TempDir Path dir) throws Exception {
        int n = 800;
        Map<Integer, SendOrderResponse> answered = new ConcurrentHashMap<>();
        AtomicInteger attempted = new AtomicInteger();
        int port1 = freePort();
        Process first = gateway(dir, port1);
        ManagedChannel c1 = NettyChannelBuilder.forAddress("127.0.0.1", port1).usePlaintext().build();
        try {
            TradingGrpc.TradingBlockingStub stub = TradingGrpc.newBlockingStub(c1);
            awaitRouting(stub);
            AtomicInteger next = new AtomicInteger();
            List<Thread> clients = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                Thread th = new Thread(() -> {
                    int i;
                    while ((i = next.getAndIncrement()) < n) {
                        attempted.incrementAndGet();
                        try {
                            answered.put(i, stub.withDeadlineAfter(5, TimeUnit.SECONDS).sendOrder(order(i)));
                        } catch (StatusRuntimeException e) {
                            return; // the gateway died under us
                        }
                    }
                });
                clients.add(th);
                th.start();
            }
            while (answered.size() < n / 4) Thread.sleep(1);
            first.destroyForcibly(); // SIGKILL: no shutdown hook, no flush
            first.waitFor(10, TimeUnit.SECONDS);
            for (Thread th : clients) th.join(10_000);
        } finally {
            c1.shutdownNow();
            first.destroyForcibly();
        }
        int tried = Math.min(attempted.get(), n);
        System.out.printf("killed after %d answered sends of %d attempted%n", answered.size(), tried);
        assertTrue(answered.size() < tried || tried < n, "the kill interrupted the sending");

        int port2 = freePort();
        Process second = gateway(dir, port2);
        ManagedChannel c2 = NettyChannelBuilder.forAddress("127.0.0.1", port2).usePlaintext().build();
        try {
            TradingGrpc.TradingBlockingStub stub = TradingGrpc.newBlockingStub(c2);
            awaitRouting(stub);
            // every key the clients tried is sent again until its outcome is known (never UNKNOWN)
            Map<Integer, SendOrderResponse> again = new HashMap<>();
            long deadline = System.currentTimeMillis() + 60_000;
            for (int i = 0; i < tried; i++) {
                SendOrderResponse r;
                while ((r = stub.sendOrder(order(i))).getOrder().getOrdStatus() == OrdStatus.ORD_STATUS_UNKNOWN) {
                    if (System.currentTimeMillis() > deadline) {
                        throw new AssertionError("kill-" + i + " still in doubt: " + r + "\nlog of the restarted gateway:\n"
                                + java.nio.file.Files.readString(dir.resolve("gateway-" + port2 + ".log")));
                    }
                    Thread.sleep(50);
                }
                again.put(i, r);
            }
            for (int i = 0; i < tried; i++) {
                // a key sent for the first time now: its answer came before the DLL named the order; ask again
                while (again.get(i).getOrder().getOrdStatus() != OrdStatus.ORD_STATUS_REJECTED
                        && again.get(i).getOrder().getDll().getClOrderId().isEmpty()) {
                    if (System.currentTimeMillis() > deadline) throw new AssertionError("kill-" + i + " never named: " + again.get(i));
                    Thread.sleep(20);
                    SendOrderResponse r = stub.sendOrder(order(i));
                    again.put(i, r.toBuilder().setDuplicate(again.get(i).getDuplicate()).build());
                }
            }
            List<Order> history = stub.listOrders(ListOrdersRequest.newBuilder().setAccount(ISABELA).build()).getOrdersList();
            Map<String, List<Order>> byKey = new HashMap<>();
            for (Order o : history) byKey.computeIfAbsent(o.getIdempotencyKey(), k -> new ArrayList<>()).add(o);
            assertTrue(!byKey.containsKey(""), "every order of the DLL was sent with a key: " + byKey.get(""));
            int duplicates = 0;
            int resent = 0;
            int notSent = 0;
            for (int i = 0; i < tried; i++) {
                String key = "kill-" + i;
                List<Order> orders = byKey.getOrDefault(key, List.of());
                if (orders.size() > 1) duplicates++;
                SendOrderResponse r = again.get(i);
                if (!r.getDuplicate()) resent++; // never journaled before the kill: sent now, once
                if (r.getOrder().getOrdStatus() == OrdStatus.ORD_STATUS_REJECTED) {
                    notSent++;
                    assertEquals(0, orders.size(), key + " answered as never sent, yet the DLL has it: " + orders);
                } else {
                    assertEquals(1, orders.size(), key + ": " + r);
                    assertEquals(orders.get(0).getDll().getClOrderId(), r.getOrder().getDll().getClOrderId(), key);
                    assertEquals(100_000 + i, orders.get(0).getOrderQty(), key + " names its own order");
                }
                SendOrderResponse before = answered.get(i);
                if (before != null) assertTrue(r.getDuplicate(), key + " was answered before the kill, so it is journaled");
            }
            System.out.printf("after restart: %d orders at the DLL for %d keys; %d duplicates, %d sent for the first time, %d never reached the DLL%n",
                    history.size(), tried, duplicates, resent, notSent);
            assertEquals(0, duplicates);
            assertEquals(history.size(), tried - notSent);
        } finally {
            c2.shutdownNow();
            second.destroy();
            second.waitFor(10, TimeUnit.SECONDS);
            second.destroyForcibly();
        }
    }
}
