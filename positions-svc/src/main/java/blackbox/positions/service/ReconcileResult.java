package blackbox.positions.service;

import java.util.List;

/** What a reconciliation compared and found; stored as report {@code reportId}. */
public record ReconcileResult(long reportId, int accounts, int positionsCompared, List<Difference> differences) {
}
