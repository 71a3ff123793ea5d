package blackbox.risk.positions;

import blackbox.platform.domain.AccountId;
import blackbox.platform.domain.InstrumentId;
import blackbox.positions.v1.GetPositionsRequest;
import blackbox.positions.v1.GetPositionsResponse;
import blackbox.positions.v1.Position;
import blackbox.positions.v1.PositionsGrpc;
import blackbox.risk.core.Money;
import blackbox.risk.core.Scope;
import io.grpc.Channel;
import io.grpc.StatusRuntimeException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** {@link PositionsReader} over positions-svc's {@code GetPositions}. Thread-safe. */
public final class GrpcPositionsReader implements PositionsReader {
    private final PositionsGrpc.PositionsBlockingStub stub;
    private final Duration deadline;

    public GrpcPositionsReader(Channel positions, Duration deadline) {
        this.stub = PositionsGrpc.newBlockingStub(positions);
        this.deadline = deadline;
    }

    @Override
    public Snapshot positions(Scope scope) {
        GetPositionsRequest.Builder request = GetPositionsRequest.newBuilder().setOpenOnly(true);
        switch (scope.type()) {
            case DESK -> { }
            case ACCOUNT -> request.setAccount(scope.key());
            case INSTRUMENT -> request.setInstrument(instrument(scope.instrumentId()));
            case ACCOUNT_INSTRUMENT -> request.setAccount(scope.accountId().value()).setInstrument(instrument(scope.instrumentId()));
            case STRATEGY -> throw new IllegalArgumentException("positions-svc keeps no positions per strategy: scope=" + scope);
        }
        GetPositionsResponse response;
        try {
            response = stub.withDeadlineAfter(deadline.toMillis(), TimeUnit.MILLISECONDS).getPositions(request.build());
        } catch (StatusRuntimeException e) {
            throw new PositionsUnavailableException("positions-svc GetPositions: " + e.getStatus(), e);
        }
        List<Holding> holdings = new ArrayList<>(response.getPositionsCount());
        for (Position p : response.getPositionsList()) {
            holdings.add(new Holding(new AccountId(p.getAccount()),
                    new InstrumentId(p.getInstrument().getTicker(), p.getInstrument().getExchange()), p.getQuantity(),
                    Math.addExact(money(p.getRealized()), money(p.getUnrealized()))));
        }
        return new Snapshot(response.getOmsSequence(), holdings);
    }

    private static blackbox.gateway.v1.InstrumentId instrument(InstrumentId id) {
        return blackbox.gateway.v1.InstrumentId.newBuilder().setTicker(id.ticker()).setExchange(id.exchange()).build();
    }

    /** positions-svc's exact BRL text (up to 6 decimals) at {@link Money#SCALE}, half-even. */
    static long money(String text) {
        if (text.isEmpty()) return 0;
        return new BigDecimal(text).setScale(Money.SCALE, RoundingMode.HALF_EVEN).unscaledValue().longValueExact();
    }
}
