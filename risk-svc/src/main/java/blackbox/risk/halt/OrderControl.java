package blackbox.risk.halt;

import blackbox.risk.core.Scope;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The port through which a halt acts on orders; oms-svc implements it (the lead wires it). Every method is called
 * from the halting thread and must not block on the venue.
 */
public interface OrderControl {
    /** The scope's working orders, algorithm children and manual orders alike (the desk: every working order). */
    List<WorkingOrder> workingOrders(Scope scope);

    /**
     * Sends the cancel of one order. The stage completes when the venue answers: {@link CancelOutcome#CONFIRMED}
     * on ExecType CANCELED, a rejected outcome on CANCEL_REJECTED; exceptionally when the cancel could not be
     * sent. It may never complete (the halt then lists the order as unconfirmed after its timeout).
     */
    CompletionStage<CancelOutcome> cancel(WorkingOrder order);

    /**
     * Sends the cancels of {@code orders}, the working orders of {@code scope} just listed, at once. An
     * implementation may use one scope-wide request (oms-svc's CancelAll) instead of one per order. By default one
     * {@link #cancel} per order; a cancel that throws is a stage completed exceptionally.
     *
     * @return one stage per order, as {@link #cancel} describes, in the order given
     */
    default Map<ClOrdId, CompletionStage<CancelOutcome>> cancelAll(Scope scope, List<WorkingOrder> orders) {
        Map<ClOrdId, CompletionStage<CancelOutcome>> stages = new LinkedHashMap<>();
        for (WorkingOrder order : orders) {
            CompletionStage<CancelOutcome> stage;
            try {
                stage = cancel(order);
            } catch (RuntimeException e) {
                stage = CompletableFuture.failedFuture(e);
            }
            stages.put(order.clOrdId(), stage);
        }
        return stages;
    }

    /**
     * Sends the zeroing orders of the scope's positions (the DLL's SendZeroPositionV2 per account and
     * instrument). These orders are the risk desk's own and are not subject to the scope's kill switch.
     *
     * @return a description of each zeroing order sent (for the report)
     */
    List<String> flatten(Scope scope);
}
