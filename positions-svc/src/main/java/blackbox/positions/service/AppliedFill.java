package blackbox.positions.service;

import blackbox.positions.core.FillOutcome;

/**
 * The outcome of one fill through the service.
 *
 * @param seq the stored sequence of its last row when applied, else 0
 */
public record AppliedFill(FillOutcome outcome, long seq) {
}
