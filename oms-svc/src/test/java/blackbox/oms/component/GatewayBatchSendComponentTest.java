package blackbox.oms.component;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blackbox.gateway.testing.GatewayPart;
import blackbox.gateway.v1.AccountId;
import blackbox.gateway.v1.ListOrdersRequest;
import blackbox.gateway.v1.OrdStatus;
import blackbox.gateway.v1.OrdType;
import blackbox.gateway.v1.SendOrderRequest;
import blackbox.gateway.v1.SendOrderResult;
import blackbox.gateway.v1.SendOrdersRequest;
import blackbox.gateway.v1.SendOrdersResponse;
import blackbox.gateway.v1.Side;
import blackbox.gateway.v1.TradingGrpc;
import blackbox.oms.testing.OmsPart;
import blackbox.oms.testing.TradingGateway;
import blackbox.testkit.TestStack;
import io.grpc.Status;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The gateway's SendOrders (what oms-svc's GatewaySender sends orders with): each request handled as its own SendOrder,
 * answered at its index — sent, refused with the status SendOrder would have failed with, or a duplicate of a key sent
 * in the same batch — and each key once at the DLL.
 */
@Timeout(60)
class GatewayBatchSendComponentTest {
    static final AccountId ACCOUNT = AccountId.newBuilder().setBrokerId(85).setAccountId("4512074").build();
    static TestStack stack;
    static GatewayPart gateway;

    @BeforeAll
    static void start() throws Exception {
        stack = new TestStack("oms-gateway-batch");
        gateway = GatewayPart.on(stack);
        gateway.start(TradingGateway.overrides(stack, OmsPart.DEMO_ROSTER, GatewayPart.SAMPLE, ""));
    }

    @AfterAll
    static void stop() {
        if (stack != null) stack.close();
    }

    static SendOrderRequest buy(String key, Side side) {
        return SendOrderRequest.newBuilder().setIdempotencyKey(key).setAccount(ACCOUNT).setInstrument(GatewayPart.BTC).setSide(side)
                .setOrdType(OrdType.ORD_TYPE_LIMIT).setQuantity(1000).setPrice("1000.00").build();
    }

    @Test
    void eachRequestIsAnsweredAtItsIndexAsItsOwnSendOrderWouldBeAndEachKeyReachesTheDllOnce() throws Exception {
        var trading = TradingGrpc.newBlockingStub(stack.channel(GatewayPart.NAME));
        SendOrdersResponse r = trading.sendOrders(SendOrdersRequest.newBuilder()
                .addOrders(buy("batch-1", Side.SIDE_BUY))
                .addOrders(buy("batch-2", Side.SIDE_UNSPECIFIED))
                .addOrders(buy("batch-3", Side.SIDE_BUY))
                .addOrders(buy("batch-1", Side.SIDE_BUY))
                .addOrders(buy("batch-3", Side.SIDE_SELL))
                .build());
        List<SendOrderResult> results = r.getResultsList();
        assertEquals(5, results.size());
        for (int i : new int[] {0, 2}) {
            assertEquals(0, results.get(i).getCode(), results.get(i).toString());
            OrdStatus s = results.get(i).getAnswer().getOrder().getOrdStatus();
            assertTrue(s == OrdStatus.ORD_STATUS_PENDING_NEW || s == OrdStatus.ORD_STATUS_NEW, results.get(i).toString());
            assertFalse(results.get(i).getAnswer().getDuplicate());
        }
        assertEquals(Status.Code.INVALID_ARGUMENT.value(), results.get(1).getCode());
        assertTrue(results.get(1).getMessage().startsWith("side must be"), results.get(1).getMessage());
        assertEquals(0, results.get(3).getCode(), results.get(3).toString());
        assertTrue(results.get(3).getAnswer().getDuplicate(), "the same key again in the batch sends nothing");
        assertEquals("batch-1", results.get(3).getAnswer().getOrder().getIdempotencyKey());
        assertEquals(Status.Code.ALREADY_EXISTS.value(), results.get(4).getCode(), "the same key with other fields");

        TestStack.await(() -> trading.listOrders(ListOrdersRequest.newBuilder().setAccount(ACCOUNT).build()).getOrdersList().stream()
                .filter(o -> o.getIdempotencyKey().startsWith("batch-")).count() == 2, Duration.ofSeconds(10), "two orders at the DLL");
        var keys = trading.listOrders(ListOrdersRequest.newBuilder().setAccount(ACCOUNT).build()).getOrdersList().stream()
                .map(blackbox.gateway.v1.Order::getIdempotencyKey).filter(k -> k.startsWith("batch-")).sorted().toList();
        assertEquals(List.of("batch-1", "batch-3"), keys);
    }
}
