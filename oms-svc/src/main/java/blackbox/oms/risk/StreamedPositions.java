package blackbox.oms.risk;

import blackbox.platform.domain.AccountId;
import blackbox.platform.domain.InstrumentId;
import blackbox.positions.v1.Balances;
import blackbox.positions.v1.Position;
import blackbox.positions.v1.PositionUpdate;
import blackbox.positions.v1.PositionsGrpc;
import blackbox.positions.v1.StreamPositionsRequest;
import io.grpc.Context;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A local cache of positions-svc ({@code blackbox.positions.v1.Positions.StreamPositions} of every account): positions
 * by account and instrument, balances by account. Synced once the stream's snapshot is complete
 * ({@code snapshot_done}); unsynced again the moment the stream fails, until a new snapshot completes — orders are
 * denied meanwhile (fail closed). Reconnects every second. Money from positions-svc's exact decimal text: D+2 cash
 * truncated to 4 decimals for the check; equity = D+2 cash + Σ(cost + unrealized) of the positions.
 */
public final class StreamedPositions implements PositionSource {
    private final PositionsGrpc.PositionsStub stub;
    private final Map<AccountId, Map<InstrumentId, Position>> positions = new ConcurrentHashMap<>();
    private final Map<AccountId, Balances> balances = new ConcurrentHashMap<>();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "oms-positions");
        t.setDaemon(true);
        return t;
    });
    private volatile String unsynced = "POSITIONS_UNKNOWN: positions-svc's StreamPositions snapshot not complete yet";
    private volatile Context.CancellableContext call;
    private volatile boolean closed;

    public StreamedPositions(PositionsGrpc.PositionsStub stub) {
        this.stub = stub;
    }

    public void start() {
        scheduler.execute(this::connect);
    }

    private void connect() {
        if (closed) return;
        Context.CancellableContext context = Context.current().withCancellation();
        call = context;
        context.run(() -> stub.streamPositions(StreamPositionsRequest.getDefaultInstance(), new StreamObserver<>() {
            @Override
            public void onNext(PositionUpdate u) {
                switch (u.getPayloadCase()) {
                    case POSITION -> {
                        Position p = u.getPosition();
                        positions.computeIfAbsent(new AccountId(p.getAccount()), k -> new ConcurrentHashMap<>())
                                .put(new InstrumentId(p.getInstrument().getTicker(), p.getInstrument().getExchange()), p);
                    }
                    case BALANCES -> balances.put(new AccountId(u.getBalances().getAccount()), u.getBalances());
                    case SNAPSHOT_DONE -> unsynced = null;
                    case CONSOLIDATED, PAYLOAD_NOT_SET -> {
                    }
                }
            }

            @Override
            public void onError(Throwable t) {
                lost("POSITIONS_UNKNOWN: positions-svc's stream failed (" + Status.fromThrowable(t).getCode() + "); resyncing");
            }

            @Override
            public void onCompleted() {
                lost("POSITIONS_UNKNOWN: positions-svc ended its stream; resyncing");
            }
        }));
    }

    private void lost(String why) {
        unsynced = why;
        positions.clear();
        balances.clear();
        if (!closed) scheduler.schedule(this::connect, 1, TimeUnit.SECONDS);
    }

    @Override
    public Optional<String> unknownBecause() {
        return Optional.ofNullable(unsynced);
    }

    @Override
    public long position(AccountId account, InstrumentId instrument) {
        Map<InstrumentId, Position> byInstrument = positions.get(account);
        Position p = byInstrument == null ? null : byInstrument.get(instrument);
        return p == null ? 0 : p.getQuantity();
    }

    @Override
    public long d2Cash(AccountId account) {
        Balances b = balances.get(account);
        return b == null || b.getD2().isEmpty() ? 0 : new BigDecimal(b.getD2()).setScale(4, RoundingMode.FLOOR).unscaledValue().longValueExact();
    }

    @Override
    public Optional<BigDecimal> equity(AccountId account) {
        Balances b = balances.get(account);
        if (b == null || b.getD2().isEmpty()) return Optional.empty();
        BigDecimal equity = new BigDecimal(b.getD2());
        for (Position p : positions.getOrDefault(account, Map.of()).values()) {
            if (!p.getCost().isEmpty()) equity = equity.add(new BigDecimal(p.getCost()));
            if (!p.getUnrealized().isEmpty()) equity = equity.add(new BigDecimal(p.getUnrealized()));
        }
        return Optional.of(equity);
    }

    @Override
    public Optional<BigDecimal> cash(AccountId account) {
        Balances b = balances.get(account);
        return b == null || b.getD0().isEmpty() ? Optional.empty() : Optional.of(new BigDecimal(b.getD0()));
    }

    @Override
    public void close() {
        closed = true;
        Context.CancellableContext c = call;
        if (c != null) c.cancel(null);
        scheduler.shutdownNow();
    }
}
