package blackbox.risk.halt;

import blackbox.risk.core.Scope;
import blackbox.risk.switches.HaltMode;
import java.util.List;

/**
 * What a halt did to the scope's orders.
 *
 * @param cancelsSent every working order a cancel was sent for
 * @param confirmed cancels the venue confirmed
 * @param rejected cancels the venue refused (with its text), e.g. an order that filled first
 * @param unconfirmed cancels with no answer within the timeout
 * @param failed cancels that could not be sent
 * @param flattenOrders the zeroing orders sent (FLATTEN only)
 * @param startedNanos UTC epoch ns the halt began; {@code lastCancelSentNanos} when its last cancel was sent
 */
public record HaltReport(Scope scope, HaltMode mode, List<WorkingOrder> cancelsSent, List<WorkingOrder> confirmed,
                         List<Rejected> rejected, List<WorkingOrder> unconfirmed, List<WorkingOrder> failed,
                         List<String> flattenOrders, boolean closedElsewhereRecorded, long startedNanos,
                         long lastCancelSentNanos, long finishedNanos) {
    public record Rejected(WorkingOrder order, String text) {
    }
}
