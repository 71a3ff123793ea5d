package blackbox.positions.grpc;

import static blackbox.platform.grpc.Calls.guarded;
import static blackbox.platform.grpc.Calls.reply;
import static blackbox.positions.grpc.Requests.invalid;

import blackbox.platform.domain.AccountId;
import blackbox.platform.domain.InstrumentId;
import blackbox.platform.grpc.FlowControlledStream;
import blackbox.positions.config.ConfigFileException;
import blackbox.positions.core.BalanceView;
import blackbox.positions.core.ConsolidatedView;
import blackbox.positions.core.Fill;
import blackbox.positions.core.FillOutcome;
import blackbox.positions.core.PositionView;
import blackbox.positions.core.Scaled;
import blackbox.positions.service.AppliedFill;
import blackbox.positions.service.Change;
import blackbox.positions.service.GatewayPositions;
import blackbox.positions.service.ImportResult;
import blackbox.positions.service.PositionsEngine;
import blackbox.positions.service.ReconcileResult;
import blackbox.positions.store.StoreException;
import blackbox.positions.v1.ApplyFillsRequest;
import blackbox.positions.v1.ApplyFillsResponse;
import blackbox.positions.v1.FillResult;
import blackbox.positions.v1.GetBalancesRequest;
import blackbox.positions.v1.GetBalancesResponse;
import blackbox.positions.v1.GetConsolidatedRequest;
import blackbox.positions.v1.GetConsolidatedResponse;
import blackbox.positions.v1.GetPositionsRequest;
import blackbox.positions.v1.GetPositionsResponse;
import blackbox.positions.v1.ImportOpeningRequest;
import blackbox.positions.v1.ImportOpeningResponse;
import blackbox.positions.v1.Outcome;
import blackbox.positions.v1.PositionUpdate;
import blackbox.positions.v1.PositionsGrpc;
import blackbox.positions.v1.ReconcileRequest;
import blackbox.positions.v1.ReconcileResponse;
import blackbox.positions.v1.StreamPositionsRequest;
import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * {@code blackbox.positions.v1.Positions} over a {@link PositionsEngine}: validates every request at the edge
 * (INVALID_ARGUMENT naming field and value) and maps failures: PostgreSQL away UNAVAILABLE, gateway away
 * UNAVAILABLE, unknown account NOT_FOUND (GetBalances of one account answers zeros instead: cash of an account
 * never traded is zero).
 */
public final class PositionsService extends PositionsGrpc.PositionsImplBase {
    /** Live messages buffered per stream beyond the snapshot before a slow client is ended. */
    static final int STREAM_BUFFER = 65_536;

    private final PositionsEngine engine;
    private final GatewayPositions gateway;
    private final Executor streamExecutor;

    /**
     * @param gateway the DLL's positions for Reconcile (the lead plugs in the gateway client)
     * @param streamExecutor runs the streams' drain tasks
     */
    public PositionsService(PositionsEngine engine, GatewayPositions gateway, Executor streamExecutor) {
        this.engine = engine;
        this.gateway = gateway;
        this.streamExecutor = streamExecutor;
    }

    @Override
    public void getPositions(GetPositionsRequest request, StreamObserver<GetPositionsResponse> response) {
        guarded(response, () -> {
            AccountId account = Requests.optionalAccount("account", request.getAccount());
            InstrumentId instrument = request.hasInstrument() ? Requests.instrument("instrument", request.getInstrument()) : null;
            String group = Requests.group(request.getGroup());
            List<PositionView> views = account == null ? engine.allPositions() : engine.positions(account);
            if (account != null && views.isEmpty() && !engine.accounts().contains(account)) {
                throw Status.NOT_FOUND.withDescription("account has no positions: account=\"" + account + "\"").asRuntimeException();
            }
            GetPositionsResponse.Builder b = GetPositionsResponse.newBuilder();
            for (PositionView p : views) {
                if (instrument != null && !p.instrument().equals(instrument)) continue;
                if (!group.isEmpty() && !p.group().equals(group)) continue;
                if (request.getOpenOnly() && p.quantity() == 0 && p.dayBuyQuantity() == 0 && p.daySellQuantity() == 0) continue;
                b.addPositions(ProtoMapping.position(p));
            }
            reply(response, b.build());
        });
    }

    @Override
    public void getConsolidated(GetConsolidatedRequest request, StreamObserver<GetConsolidatedResponse> response) {
        guarded(response, () -> {
            String group = Requests.group(request.getGroup());
            InstrumentId instrument = request.hasInstrument() ? Requests.instrument("instrument", request.getInstrument()) : null;
            List<ConsolidatedView> views = group.isEmpty() ? engine.consolidated() : engine.consolidated(group);
            GetConsolidatedResponse.Builder b = GetConsolidatedResponse.newBuilder();
            for (ConsolidatedView v : views) {
                if (instrument == null || v.instrument().equals(instrument)) b.addPositions(ProtoMapping.consolidated(v));
            }
            reply(response, b.build());
        });
    }

    @Override
    public void getBalances(GetBalancesRequest request, StreamObserver<GetBalancesResponse> response) {
        guarded(response, () -> {
            AccountId account = Requests.optionalAccount("account", request.getAccount());
            GetBalancesResponse.Builder b = GetBalancesResponse.newBuilder();
            for (AccountId a : account == null ? engine.accounts() : List.of(account)) {
                b.addBalances(ProtoMapping.balances(engine.balances(a)));
            }
            reply(response, b.build());
        });
    }

    @Override
    public void streamPositions(StreamPositionsRequest request, StreamObserver<PositionUpdate> response) {
        guarded(response, () -> {
            AccountId account = Requests.optionalAccount("account", request.getAccount());
            ServerCallStreamObserver<PositionUpdate> observer = (ServerCallStreamObserver<PositionUpdate>) response;
            LiveStream live = new LiveStream(account);
            Change snapshot = engine.subscribe(live);
            List<PositionUpdate> first = updates(snapshot, account, true);
            FlowControlledStream<PositionUpdate, Void> stream = new FlowControlledStream<>(observer,
                    first.size() + 1 + STREAM_BUFFER, 1, Void.class, batch -> {
                        throw new IllegalStateException("no batches on this stream");
                    }, streamExecutor);
            stream.onCancel(() -> engine.unsubscribe(live));
            for (PositionUpdate u : first) stream.offer(u);
            stream.offer(PositionUpdate.newBuilder().setSequence(snapshot.seq()).setSnapshot(true).setSnapshotDone(true).build());
            live.attach(stream);
        });
    }

    /**
     * The engine's listener of one stream: changes that come before the stream exists (while the snapshot is
     * being queued) wait in a list, so the client sees the snapshot, then every later change, with no gap.
     */
    private final class LiveStream implements Consumer<Change> {
        private final AccountId account;
        private List<PositionUpdate> early = new ArrayList<>();
        private FlowControlledStream<PositionUpdate, Void> stream;

        LiveStream(AccountId account) {
            this.account = account;
        }

        @Override
        public synchronized void accept(Change change) {
            List<PositionUpdate> updates = updates(change, account, false);
            if (stream == null) {
                early.addAll(updates);
                return;
            }
            if (stream.isOver()) {
                engine.unsubscribe(this);
                return;
            }
            for (PositionUpdate u : updates) if (!stream.offer(u)) break;
            stream.signal();
        }

        synchronized void attach(FlowControlledStream<PositionUpdate, Void> s) {
            for (PositionUpdate u : early) if (!s.offer(u)) break;
            early = null;
            stream = s;
            s.signal();
        }
    }

    private static List<PositionUpdate> updates(Change change, AccountId account, boolean snapshot) {
        List<PositionUpdate> out = new ArrayList<>();
        for (PositionView p : change.positions()) {
            if (account == null || p.account().equals(account)) {
                out.add(PositionUpdate.newBuilder().setSequence(change.seq()).setSnapshot(snapshot)
                        .setPosition(ProtoMapping.position(p)).build());
            }
        }
        for (BalanceView b : change.balances()) {
            if (account == null || b.account().equals(account)) {
                out.add(PositionUpdate.newBuilder().setSequence(change.seq()).setSnapshot(snapshot)
                        .setBalances(ProtoMapping.balances(b)).build());
            }
        }
        if (account == null) {
            for (ConsolidatedView c : change.consolidated()) {
                out.add(PositionUpdate.newBuilder().setSequence(change.seq()).setSnapshot(snapshot)
                        .setConsolidated(ProtoMapping.consolidated(c)).build());
            }
        }
        return out;
    }

    @Override
    public void importOpening(ImportOpeningRequest request, StreamObserver<ImportOpeningResponse> response) {
        guarded(response, () -> {
            String name = request.getFileName();
            if (name.isEmpty() || name.length() > 255) {
                throw invalid("file_name must be 1..255 characters: file_name=\"" + name + "\"");
            }
            if (request.getContent().size() > Requests.MAX_IMPORT_BYTES) {
                throw invalid("content must be at most " + Requests.MAX_IMPORT_BYTES + " bytes: content size="
                        + request.getContent().size());
            }
            ImportResult result;
            try {
                result = engine.importOpening(name, request.getContent().toString(StandardCharsets.UTF_8), request.getReplace());
            } catch (ConfigFileException e) {
                throw invalid(e.getMessage());
            } catch (StoreException e) {
                throw Status.UNAVAILABLE.withDescription("PostgreSQL unavailable: " + e.getMessage()).asRuntimeException();
            }
            ImportOpeningResponse.Builder b = ImportOpeningResponse.newBuilder()
                    .setImportId(result.importId())
                    .setTradeDate(result.tradeDate().toString())
                    .setPositions(result.positions())
                    .setCash(result.cash())
                    .setApplied(result.applied())
                    .setUnchanged(result.unchanged())
                    .addAllRefused(result.refused());
            result.differences().forEach(d -> b.addDifferences(ProtoMapping.difference(d)));
            reply(response, b.build());
        });
    }

    @Override
    public void reconcile(ReconcileRequest request, StreamObserver<ReconcileResponse> response) {
        guarded(response, () -> {
            AccountId account = Requests.optionalAccount("account", request.getAccount());
            ReconcileResult result;
            try {
                result = engine.reconcile(account, Requests.tolerance(request.getPriceTolerance()), gateway);
            } catch (GatewayPositions.GatewayUnavailableException e) {
                throw Status.UNAVAILABLE.withDescription("gateway unavailable: " + e.getMessage()).asRuntimeException();
            } catch (StoreException e) {
                throw Status.UNAVAILABLE.withDescription("PostgreSQL unavailable: " + e.getMessage()).asRuntimeException();
            }
            ReconcileResponse.Builder b = ReconcileResponse.newBuilder()
                    .setReportId(result.reportId())
                    .setAccounts(result.accounts())
                    .setPositionsCompared(result.positionsCompared());
            result.differences().forEach(d -> b.addDifferences(ProtoMapping.difference(d)));
            reply(response, b.build());
        });
    }

    @Override
    public void applyFills(ApplyFillsRequest request, StreamObserver<ApplyFillsResponse> response) {
        guarded(response, () -> {
            if (request.getFillsCount() == 0 || request.getFillsCount() > Requests.MAX_FILLS) {
                throw invalid("fills must hold 1.." + Requests.MAX_FILLS + " fills: fills count=" + request.getFillsCount());
            }
            List<Fill> fills = new ArrayList<>(request.getFillsCount());
            for (int i = 0; i < request.getFillsCount(); i++) fills.add(Requests.fill("fills[" + i + "]", request.getFills(i)));
            List<AppliedFill> results;
            try {
                results = engine.apply(fills);
            } catch (StoreException e) {
                throw Status.UNAVAILABLE.withDescription("PostgreSQL unavailable, nothing applied: " + e.getMessage())
                        .asRuntimeException();
            }
            ApplyFillsResponse.Builder b = ApplyFillsResponse.newBuilder();
            for (AppliedFill r : results) b.addResults(result(r));
            reply(response, b.build());
        });
    }

    private static FillResult result(AppliedFill r) {
        return switch (r.outcome()) {
            case FillOutcome.Applied a -> FillResult.newBuilder().setExecId(a.execId()).setOutcome(Outcome.OUTCOME_APPLIED)
                    .setRealized(Scaled.moneyText(a.realized())).setCosts(Scaled.moneyText(a.costs()))
                    .setCash(Scaled.moneyText(a.cash())).setSettlementDate(a.settlementDate().toString())
                    .setSequence(r.seq()).build();
            case FillOutcome.Duplicate d -> FillResult.newBuilder().setExecId(d.execId()).setOutcome(Outcome.OUTCOME_DUPLICATE).build();
            case FillOutcome.Rejected x -> FillResult.newBuilder().setExecId(x.execId()).setOutcome(Outcome.OUTCOME_REJECTED)
                    .setReason(x.reason().name()).setMessage(x.message()).build();
        };
    }
}
