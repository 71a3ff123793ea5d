package blackbox.risk.halt;

import blackbox.risk.core.Scope;
import java.util.List;
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
     * Sends the zeroing orders of the scope's positions (the DLL's SendZeroPositionV2 per account and
     * instrument). These orders are the risk desk's own and are not subject to the scope's kill switch.
     *
     * @return a description of each zeroing order sent (for the report)
     */
    List<String> flatten(Scope scope);
}
