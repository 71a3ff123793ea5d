package blackbox.positions.service;

import blackbox.platform.domain.AccountId;
import blackbox.platform.domain.InstrumentId;

/**
 * A field that differs for one account and instrument (instrument null: the account's cash).
 *
 * @param positionType the type compared (reconciliation), null for an import
 * @param ours this service's value, as decimal text
 * @param theirs the file's or the gateway's value, as decimal text
 */
public record Difference(AccountId account, InstrumentId instrument, PositionType positionType, String field,
                         String ours, String theirs) {
}
