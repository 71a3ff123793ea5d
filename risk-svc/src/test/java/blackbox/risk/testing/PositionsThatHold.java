package blackbox.risk.testing;

import blackbox.gateway.v1.InstrumentId;
import blackbox.positions.v1.GetPositionsRequest;
import blackbox.positions.v1.GetPositionsResponse;
import blackbox.positions.v1.Position;
import blackbox.positions.v1.PositionsGrpc;
import io.grpc.stub.StreamObserver;
import java.util.ArrayList;
import java.util.List;

/**
 * A hand-written positions-svc answering GetPositions from the holdings the test sets, reflecting oms-svc's events up
 * to the sequence the test sets ({@link #caughtUpTo}); counts the calls.
 */
public final class PositionsThatHold extends PositionsGrpc.PositionsImplBase {
    private final List<Position> positions = new ArrayList<>();
    private long omsSequence;
    private int calls;
    private final java.util.Map<String, Integer> callsFor = new java.util.HashMap<>();

    public synchronized void hold(String account, String ticker, long quantity, String realized, String unrealized) {
        positions.removeIf(p -> p.getAccount().equals(account) && p.getInstrument().getTicker().equals(ticker));
        positions.add(Position.newBuilder().setAccount(account)
                .setInstrument(InstrumentId.newBuilder().setTicker(ticker).setExchange("B")).setQuantity(quantity)
                .setRealized(realized).setUnrealized(unrealized).build());
    }

    public synchronized void caughtUpTo(long sequence) {
        omsSequence = sequence;
    }

    public synchronized int calls() {
        return calls;
    }

    /** Calls asking for one account's positions. */
    public synchronized int callsFor(String account) {
        return callsFor.getOrDefault(account, 0);
    }

    @Override
    public synchronized void getPositions(GetPositionsRequest r, StreamObserver<GetPositionsResponse> response) {
        calls++;
        if (!r.getAccount().isEmpty()) callsFor.merge(r.getAccount(), 1, Integer::sum);
        GetPositionsResponse.Builder b = GetPositionsResponse.newBuilder().setOmsSequence(omsSequence);
        for (Position p : positions) {
            if (!r.getAccount().isEmpty() && !r.getAccount().equals(p.getAccount())) continue;
            if (r.hasInstrument() && !r.getInstrument().equals(p.getInstrument())) continue;
            b.addPositions(p);
        }
        response.onNext(b.build());
        response.onCompleted();
    }
}
