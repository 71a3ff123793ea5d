package blackbox.risk.positions;

import blackbox.platform.domain.AccountId;
import blackbox.platform.domain.InstrumentId;
import blackbox.positions.v1.GetPositionsRequest;
import blackbox.positions.v1.GetPositionsResponse;
import blackbox.positions.v1.Position;
import blackbox.positions.v1.PositionsGrpc;
import blackbox.risk.core.Money;
import blackbox.risk.core.Scope;
import blackbox.risk.core.ScopeType;
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

    /**
     * Reads the whole desk (open positions) and keeps the scope's: one call whatever the scope, and an account
     * positions-svc has never seen is simply absent (GetPositions of one unknown account is NOT_FOUND).
     */
    @Override
    public Snapshot positions(Scope scope) {
        if (scope.type() == ScopeType.STRATEGY) {
            throw new IllegalArgumentException("positions-svc keeps no positions per strategy: scope=" + scope);
        }
        GetPositionsResponse response;
        try {
            response = stub.withDeadlineAfter(deadline.toMillis(), TimeUnit.MILLISECONDS)
                    .getPositions(GetPositionsRequest.newBuilder().setOpenOnly(true).build());
        } catch (StatusRuntimeException e) {
            throw new PositionsUnavailableException("positions-svc GetPositions: " + e.getStatus(), e);
        }
        List<Holding> holdings = new ArrayList<>(response.getPositionsCount());
        for (Position p : response.getPositionsList()) {
            AccountId account = new AccountId(p.getAccount());
            InstrumentId instrument = new InstrumentId(p.getInstrument().getTicker(), p.getInstrument().getExchange());
            if (!inScope(scope, account, instrument)) continue;
            holdings.add(new Holding(account, instrument, p.getQuantity(),
                    Math.addExact(money(p.getRealized()), money(p.getUnrealized()))));
        }
        return new Snapshot(response.getOmsSequence(), holdings);
    }

    private static boolean inScope(Scope scope, AccountId account, InstrumentId instrument) {
        return switch (scope.type()) {
            case DESK -> true;
            case ACCOUNT -> scope.accountId().equals(account);
            case INSTRUMENT -> scope.instrumentId().equals(instrument);
            case ACCOUNT_INSTRUMENT -> scope.accountId().equals(account) && scope.instrumentId().equals(instrument);
            case STRATEGY -> false;
        };
    }

    /** positions-svc's exact BRL text (up to 6 decimals) at {@link Money#SCALE}, half-even. */
    static long money(String text) {
        if (text.isEmpty()) return 0;
        return new BigDecimal(text).setScale(Money.SCALE, RoundingMode.HALF_EVEN).unscaledValue().longValueExact();
    }
}
