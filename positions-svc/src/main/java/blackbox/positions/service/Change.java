package blackbox.positions.service;

import blackbox.positions.core.BalanceView;
import blackbox.positions.core.ConsolidatedView;
import blackbox.positions.core.PositionView;
import java.util.List;

/**
 * What one update changed, as views taken on the writer thread right after it: the positions and balances of
 * the accounts it touched and the desk rows (all accounts and the groups) of the instruments it touched.
 *
 * @param seq the last stored fill sequence the views reflect
 */
public record Change(long seq, List<PositionView> positions, List<BalanceView> balances,
                     List<ConsolidatedView> consolidated) {
}
