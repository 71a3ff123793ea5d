package blackbox.positions.gateway;

import blackbox.gateway.v1.GetPositionRequest;
import blackbox.gateway.v1.ListPositionsRequest;
import blackbox.gateway.v1.Position;
import blackbox.gateway.v1.TradingGrpc;
import blackbox.platform.domain.AccountId;
import blackbox.platform.domain.InstrumentId;
import blackbox.positions.service.GatewayPosition;
import blackbox.positions.service.GatewayPositions;
import blackbox.positions.service.PositionType;
import io.grpc.Channel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link GatewayPositions} over the gateway's {@code Trading.ListPositions} (EnumerateAllPositionAssets +
 * GetPositionV2) and, for each instrument asked for that the enumeration omits (flat now), {@code Trading.GetPosition}
 * (NOT_FOUND: the DLL has none, NL_NO_POSITION): the desk account mapped by {@link GatewayAccounts}, the gateway's
 * signed {@code open_quantity} and decimal prices as they are. An account the gateway does not know has no positions
 * there (logged).
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
    public List<GatewayPosition> list(AccountId account, PositionType type, Collection<InstrumentId> alsoAsk) {
        Optional<blackbox.gateway.v1.AccountId> dll = accounts.dll(account);
        if (dll.isEmpty()) {
            LOG.warn("account {} is not an account of the gateway's DLL session: compared with no positions", account);
            return List.of();
        }
        blackbox.gateway.v1.PositionType dllType = type == PositionType.DAY_TRADE
                ? blackbox.gateway.v1.PositionType.POSITION_TYPE_DAY_TRADE
                : blackbox.gateway.v1.PositionType.POSITION_TYPE_CONSOLIDATED;
        List<GatewayPosition> out = new ArrayList<>();
        Set<InstrumentId> listed = new HashSet<>();
        try {
            for (Position p : stub().listPositions(ListPositionsRequest.newBuilder().setAccount(dll.get()).setPositionType(dllType)
                    .build()).getPositionsList()) {
                GatewayPosition g = position(p, type);
                listed.add(g.instrument());
                out.add(g);
            }
            for (InstrumentId instrument : alsoAsk) {
                if (listed.contains(instrument)) continue;
                try {
                    out.add(position(stub().getPosition(GetPositionRequest.newBuilder().setAccount(dll.get()).setPositionType(dllType)
                            .setInstrument(blackbox.gateway.v1.InstrumentId.newBuilder().setTicker(instrument.ticker())
                                    .setExchange(instrument.exchange())).build()), type));
                } catch (StatusRuntimeException e) {
                    if (e.getStatus().getCode() != Status.Code.NOT_FOUND) throw e;
                }
            }
        } catch (StatusRuntimeException e) {
            throw new GatewayUnavailableException("gateway positions of " + account + ": " + e.getStatus(), e);
        }
        return out;
    }

    private TradingGrpc.TradingBlockingStub stub() {
        return stub.withDeadlineAfter(deadline.toMillis(), TimeUnit.MILLISECONDS);
    }

    private static GatewayPosition position(Position p, PositionType type) {
        return new GatewayPosition(new InstrumentId(p.getInstrument().getTicker(), p.getInstrument().getExchange()), type,
                p.getOpenQuantity(), price(p.getOpenAveragePrice()), p.getDailyBuyQuantity(), price(p.getDailyAverageBuyPrice()),
                p.getDailySellQuantity(), price(p.getDailyAverageSellPrice()));
    }

    private static BigDecimal price(String text) {
        return text.isEmpty() ? BigDecimal.ZERO : new BigDecimal(text);
    }
}
