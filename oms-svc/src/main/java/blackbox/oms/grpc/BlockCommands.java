package blackbox.oms.grpc;

import blackbox.oms.api.BlockRequests;
import blackbox.oms.api.Caller;
import blackbox.oms.api.Protos;
import blackbox.oms.api.Validated;
import blackbox.oms.core.BlockId;
import blackbox.oms.core.ClOrdId;
import blackbox.oms.core.InstrumentRule;
import blackbox.oms.core.OrdStatus;
import blackbox.oms.core.Order;
import blackbox.oms.core.OrderEvent;
import blackbox.oms.core.TradeDates;
import blackbox.oms.core.allocation.AllocationOutcome;
import blackbox.oms.core.block.BlockCommand;
import blackbox.oms.core.block.BlockPlan;
import blackbox.oms.core.block.BlockPlanner;
import blackbox.oms.engine.AccountGates;
import blackbox.oms.store.AuditCommand;
import blackbox.oms.store.BlockCreateResult;
import blackbox.oms.store.StoredBlock;
import blackbox.oms.store.StoredOrder;
import blackbox.oms.v1.BlockPreview;
import blackbox.oms.v1.BlockRequest;
import blackbox.oms.v1.GetBlockRequest;
import blackbox.oms.v1.SubmitBlockResponse;
import blackbox.platform.domain.AccountId;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * PreviewBlock, SubmitBlock and GetBlock. A block is validated and allocated ({@link BlockPlanner}), every child's
 * account admitted, every child checked by pre-trade risk (a denied child is persisted DENIED and never sent), then
 * block, allocation and children are committed in one transaction, and only then are the children sent, all of them
 * pipelined. A retried BlockID answers the block as stored.
 */
final class BlockCommands {
    private final Parts p;
    private final Calls calls;

    BlockCommands(Parts parts, Calls calls) {
        this.p = parts;
        this.calls = calls;
    }

    private Validated<BlockCommand> validate(BlockRequest r, Caller caller) {
        return BlockRequests.validate(r, caller, p.accounts(), p.instruments(), p.balances(), p.zone());
    }

    private InstrumentRule rule(BlockCommand command) {
        return p.instruments().find(command.instrument()).orElseThrow();
    }

    void preview(BlockRequest r, StreamObserver<BlockPreview> out) {
        Caller caller = calls.caller();
        AuditCommand audit = Calls.command(caller, "PreviewBlock", "", r.getBlockId(), "", r);
        Validated<BlockCommand> v = validate(r, caller);
        if (!(v instanceof Validated.Valid<BlockCommand> valid)) {
            calls.fail(out, audit, v.status());
            return;
        }
        InstrumentRule rule = rule(valid.value());
        switch (BlockPlanner.preview(valid.value(), rule)) {
            case AllocationOutcome.Refused refused -> calls.fail(out, audit, Status.INVALID_ARGUMENT.withDescription(refused.message()));
            case AllocationOutcome.Allocated allocated -> {
                p.audit().append(audit, "OK");
                BlockPreview preview = Protos.preview(allocated.allocation(), BlockPlanner.policy(valid.value(), rule));
                var algorithm = valid.value().algorithm();
                boolean scheduled = algorithm instanceof blackbox.oms.core.Algorithm.Twap || algorithm instanceof blackbox.oms.core.Algorithm.Vwap
                        || algorithm instanceof blackbox.oms.core.Algorithm.Oco;
                if (scheduled && BlockPlanner.plan(valid.value(), caller.user(), caller.nowNanos(), TradeDates.of(caller.nowNanos(), p.zone()),
                        p.accounts(), rule) instanceof BlockPlanner.PlanOutcome.Planned planned) {
                    var parent = blackbox.oms.algo.Parents.profiled(
                            blackbox.oms.algo.Parents.of(planned.plan(), rule.lot(), p.algoClock().getAsLong()), p.profiles());
                    preview = preview.toBuilder().addAllSchedule(blackbox.oms.api.AlgoProtos.schedule(
                            switch (algorithm) {
                                case blackbox.oms.core.Algorithm.Twap twap -> blackbox.oms.algo.PlannedSlice.twap(parent);
                                case blackbox.oms.core.Algorithm.Vwap vwap -> blackbox.oms.algo.PlannedSlice.vwap(parent);
                                default -> blackbox.oms.algo.OcoBracket.preview(parent);
                            })).build();
                }
                Calls.reply(out, preview);
            }
        }
    }

    void submit(BlockRequest r, StreamObserver<SubmitBlockResponse> out) {
        Caller caller = calls.caller();
        AuditCommand audit = Calls.command(caller, "SubmitBlock", "", r.getBlockId(), "", r);
        Validated<BlockCommand> v = validate(r, caller);
        if (!(v instanceof Validated.Valid<BlockCommand> valid)) {
            calls.fail(out, audit, v.status());
            return;
        }
        BlockCommand command = valid.value();
        BlockPlan plan = switch (BlockPlanner.plan(command, caller.user(), caller.nowNanos(), TradeDates.of(caller.nowNanos(), p.zone()),
                p.accounts(), rule(command))) {
            case BlockPlanner.PlanOutcome.Refused refused -> {
                calls.fail(out, audit, Status.INVALID_ARGUMENT.withDescription(refused.message()));
                yield null;
            }
            case BlockPlanner.PlanOutcome.Planned planned -> planned.plan();
        };
        if (plan == null) return;
        if (command.algorithm().kind() != blackbox.oms.core.Algorithm.Kind.FULL) {
            submitParent(command, plan, audit, out);
            return;
        }
        if (p.blocks().find(command.id()).isPresent()) {
            // a retry: answered as stored, with neither gates nor risk
            p.writer().createBlock(plan, Map.of(), audit).whenComplete((res, err) -> answer(out, plan, res, err, List.of()));
            return;
        }
        List<AccountId> accounts = new ArrayList<>();
        for (Order child : plan.children()) accounts.add(child.spec().account());
        Optional<AccountGates.Closed> closed;
        try {
            closed = p.gates().admit(accounts, p.gateWait());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            calls.fail(out, audit, Status.CANCELLED.withDescription("interrupted while waiting for the accounts"));
            return;
        }
        if (closed.isPresent()) {
            calls.fail(out, audit, OrderCommands.closedStatus(closed.get()));
            return;
        }
        Map<ClOrdId, OrderEvent.Denied> denied = new HashMap<>();
        for (Order child : plan.children()) p.preTrade().check(child, false).ifPresent(d -> denied.put(child.clOrdId(), d));
        p.writer().createBlock(plan, denied, audit).whenComplete((res, err) -> answer(out, plan, res, err, accounts));
    }

    /**
     * An algorithm block: the block and its allocation recorded with no children, then its parent persisted WORKING and
     * started (children come slice by slice, each through the account gate and pre-trade risk). A retried block_id
     * answers the block and parent as stored (and persists the parent if a crash came between the two).
     */
    private void submitParent(BlockCommand command, BlockPlan plan, AuditCommand audit, StreamObserver<SubmitBlockResponse> out) {
        long lot = rule(command).lot();
        var parent = blackbox.oms.algo.Parents.profiled(blackbox.oms.algo.Parents.of(plan, lot, p.algoClock().getAsLong()), p.profiles());
        p.writer().createBlock(blackbox.oms.algo.Parents.withoutChildren(plan), Map.of(), audit).whenCompleteAsync((res, err) -> {
            if (err != null) {
                out.onError(Calls.status(err).asRuntimeException());
                return;
            }
            if (res.kind() == blackbox.oms.store.CreateResult.Kind.CONFLICT) {
                out.onError(Status.ALREADY_EXISTS.withDescription("block_id is already a block with other parameters:"
                        + " block_id=\"" + plan.block().id() + "\": " + res.conflict()).asRuntimeException());
                return;
            }
            try {
                var submitted = p.algos().submit(parent);
                var view = p.algos().view(parent.id()).orElseThrow();
                Calls.reply(out, SubmitBlockResponse.newBuilder().setBlock(Protos.block(res.block().orElseThrow(), res.children()))
                        .setParent(blackbox.oms.api.AlgoProtos.parent(view))
                        .setDuplicate(res.kind() == blackbox.oms.store.CreateResult.Kind.DUPLICATE && !submitted.created()).build());
            } catch (RuntimeException e) {
                out.onError(Calls.status(e).asRuntimeException());
            }
        });
    }

    private void answer(StreamObserver<SubmitBlockResponse> out, BlockPlan plan, BlockCreateResult res, Throwable err,
                        List<AccountId> admitted) {
        boolean created = err == null && res.kind() == blackbox.oms.store.CreateResult.Kind.CREATED;
        if (!created) {
            for (Order child : plan.children()) p.exposure().release(child);
            for (AccountId a : admitted) p.gates().release(a);
        }
        if (err != null) {
            out.onError(Calls.status(err).asRuntimeException());
            return;
        }
        switch (res.kind()) {
            case CREATED -> {
                for (StoredOrder child : res.children()) {
                    if (child.order().status() == OrdStatus.PENDING_NEW) {
                        p.sender().send(child.order());
                    } else {
                        p.exposure().release(child.order());
                        p.gates().release(child.order().spec().account());
                    }
                }
                Calls.reply(out, response(res, false));
            }
            case DUPLICATE -> Calls.reply(out, response(res, true));
            case CONFLICT -> out.onError(Status.ALREADY_EXISTS.withDescription("block_id is already a block with other parameters:"
                    + " block_id=\"" + plan.block().id() + "\": " + res.conflict()).asRuntimeException());
        }
    }

    private static SubmitBlockResponse response(BlockCreateResult res, boolean duplicate) {
        SubmitBlockResponse.Builder b = SubmitBlockResponse.newBuilder().setDuplicate(duplicate)
                .setBlock(Protos.block(res.block().orElseThrow(), res.children()));
        for (StoredOrder c : res.children()) b.addChildren(Protos.order(c));
        return b.build();
    }

    void get(GetBlockRequest r, StreamObserver<blackbox.oms.v1.Block> out) {
        if (!BlockId.valid(r.getBlockId())) {
            throw Status.INVALID_ARGUMENT.withDescription("block_id must be 1..56 printable ASCII characters without spaces:"
                    + " block_id=\"" + r.getBlockId() + "\"").asRuntimeException();
        }
        BlockId id = new BlockId(r.getBlockId());
        StoredBlock block = p.blocks().find(id).orElseThrow(() -> Status.NOT_FOUND
                .withDescription("no block with block_id=\"" + id + "\"").asRuntimeException());
        Calls.reply(out, Protos.block(block, p.blocks().children(id)));
    }
}
