package blackbox.positions.gateway;

import blackbox.gateway.v1.ListPositionsRequest;
import blackbox.gateway.v1.Position;
import blackbox.gateway.v1.TradingGrpc;
import blackbox.platform.domain.AccountId;
import blackbox.platform.domain.InstrumentId;
import blackbox.positions.service.GatewayPosition;
import blackbox.positions.service.GatewayPositions;
import blackbox.positions.service.PositionType;
import io.grpc.Channel;
import io.grpc.StatusRuntimeException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link GatewayPositions} over the gateway's {@code Trading.ListPositions} (EnumerateAllPositionAssets +
 * GetPositionV2): the desk account mapped by {@link GatewayAccounts}, the gateway's signed {@code open_quantity}
 * and decimal prices as they are. An account the gateway does not know has no positions there (logged).
 */
public final class GatewayPositionsClient implements GatewayPositions {
    private static final Logger LOG = LoggerFactory.getLogger(GatewayPositionsClient.class);

    private final TradingGrpc.TradingBlockingStub stub;
    private final GatewayAccounts accounts;
    private final Duration deadline;

    public GatewayPositionsClient(Channel gateway, GatewayAccounts accounts, Duration deadline) {
        this.stub = TradingGrpc.newBlockingStub(gateway);
        this.accounts = accounts;
        this.deadline = deadline;
    }

    @Override
    public List<GatewayPosition> list(AccountId account, PositionType type) {
        Optional<blackbox.gateway.v1.AccountId> dll = accounts.dll(account);
        if (dll.isEmpty()) {
            LOG.warn("account {} is not an account of the gateway's DLL session: compared with no positions", account);
            return List.of();
        }
        List<Position> positions;
        try {
            positions = stub.withDeadlineAfter(deadline.toMillis(), TimeUnit.MILLISECONDS).listPositions(ListPositionsRequest
                    .newBuilder().setAccount(dll.get()).setPositionType(type == PositionType.DAY_TRADE
                            ? blackbox.gateway.v1.PositionType.POSITION_TYPE_DAY_TRADE
                            : blackbox.gateway.v1.PositionType.POSITION_TYPE_CONSOLIDATED).build()).getPositionsList();
        } catch (StatusRuntimeException e) {
            throw new GatewayUnavailableException("gateway ListPositions of " + account + ": " + e.getStatus(), e);
        }
        List<GatewayPosition> out = new ArrayList<>(positions.size());
        for (Position p : positions) {
            out.add(new GatewayPosition(new InstrumentId(p.getInstrument().getTicker(), p.getInstrument().getExchange()), type,
                    p.getOpenQuantity(), price(p.getOpenAveragePrice()), p.getDailyBuyQuantity(), price(p.getDailyAverageBuyPrice()),
                    p.getDailySellQuantity(), price(p.getDailyAverageSellPrice())));
        }
        return out;
    }

    private static BigDecimal price(String text) {
        return text.isEmpty() ? BigDecimal.ZERO : new BigDecimal(text);
    }
}
