package blackbox.gateway.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blackbox.gateway.Gateway;
import blackbox.gateway.GatewayConfig;
import blackbox.gateway.engine.SessionStatus;
import blackbox.gateway.v1.StreamTradesRequest;
import blackbox.gateway.v1.SubscribeRequest;
import blackbox.gateway.v1.TradeStreamMessage;
import blackbox.testkit.StreamCollector;
import blackbox.testkit.TestStack;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The part every module's component tests start the gateway with: connected at start, tape held until asked. */
@Timeout(60)
class GatewayPartTest {
    private static long trades(List<TradeStreamMessage> messages) {
        return messages.stream().filter(TradeStreamMessage::hasTrades).mapToLong(m -> m.getTrades().getTradesCount()).sum();
    }

    @Test
    void theTapeWaitsForStartReplayAndARestartKeepsTheOverrides() throws Exception {
        try (TestStack stack = new TestStack("gateway-part-test")) {
            GatewayPart gateway = GatewayPart.on(stack);
            Gateway first = gateway.start(Map.of(GatewayConfig.SPEED, "20x"));
            assertEquals(SessionStatus.State.CONNECTED, first.engine().status().state(), "a start returns connected");
            gateway.blocking().subscribe(SubscribeRequest.newBuilder().setInstrument(GatewayPart.BTC).build());
            StreamCollector<TradeStreamMessage> stream = new StreamCollector<>();
            gateway.async().streamTrades(StreamTradesRequest.getDefaultInstance(), stream);
            TestStack.await(() -> first.service().openTradeStreams() == 1, Duration.ofSeconds(10), "the trade stream");
            assertEquals(0, trades(stream.items()), "nothing before startReplay");

            gateway.startReplay();
            stream.await(m -> trades(m) == GatewayPart.SAMPLE_TRADES / 2, Duration.ofSeconds(30), "BTCUSDT's 3,000 trades");

            Gateway second = gateway.restart();
            assertNotSame(first, second);
            assertEquals(SessionStatus.State.CONNECTED, gateway.gateway().engine().status().state(), "connected again");
            io.grpc.Status ended = stream.awaitError(Duration.ofSeconds(10));
            assertTrue(Set.of(io.grpc.Status.Code.UNAVAILABLE, io.grpc.Status.Code.CANCELLED).contains(ended.getCode()),
                    "the old gateway's stream ended with it: " + ended);
        }
    }
}
