package blackbox.risk.halt;

import blackbox.risk.core.Scope;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * A hand-written {@link OrderControl}: holds working orders per scope, records every cancel and flatten call in
 * order, and answers cancels like a venue would — confirmed at once, except the orders it was told to leave
 * unanswered (a lost cancel) or to refuse (already filled); those can be answered later by the test.
 */
public final class VenueThatConfirmsAllButSome implements OrderControl {
    private final List<WorkingOrder> working;
    private final Set<ClOrdId> silent;
    private final Map<ClOrdId, String> refused;
    public final List<WorkingOrder> cancelCalls = new ArrayList<>();
    public final List<Scope> flattenCalls = new ArrayList<>();
    public final List<String> calls = new ArrayList<>();
    private final Map<ClOrdId, CompletableFuture<CancelOutcome>> unanswered = new HashMap<>();

    public VenueThatConfirmsAllButSome(List<WorkingOrder> working, Set<ClOrdId> silent, Map<ClOrdId, String> refused) {
        this.working = working;
        this.silent = silent;
        this.refused = refused;
    }

    @Override
    public synchronized List<WorkingOrder> workingOrders(Scope scope) {
        return working.stream().filter(o -> switch (scope.type()) {
            case DESK -> true;
            case ACCOUNT -> o.account().value().equals(scope.key());
            case STRATEGY -> o.strategy().value().equals(scope.key());
            case INSTRUMENT -> o.instrument().toString().equals(scope.key());
            case ACCOUNT_INSTRUMENT -> false;
        }).toList();
    }

    @Override
    public synchronized CompletionStage<CancelOutcome> cancel(WorkingOrder order) {
        cancelCalls.add(order);
        calls.add("cancel " + order.clOrdId());
        if (silent.contains(order.clOrdId())) {
            CompletableFuture<CancelOutcome> f = new CompletableFuture<>();
            unanswered.put(order.clOrdId(), f);
            return f;
        }
        String text = refused.get(order.clOrdId());
        return CompletableFuture.completedFuture(text == null ? CancelOutcome.CONFIRMED : CancelOutcome.rejected(text));
    }

    @Override
    public synchronized List<String> flatten(Scope scope) {
        flattenCalls.add(scope);
        calls.add("flatten " + scope);
        return List.of("zero " + scope.label());
    }

    /** Answers a cancel that was left silent. */
    public void confirmLate(ClOrdId id) {
        CompletableFuture<CancelOutcome> f;
        synchronized (this) {
            f = unanswered.remove(id);
        }
        f.complete(CancelOutcome.CONFIRMED);
    }
}
