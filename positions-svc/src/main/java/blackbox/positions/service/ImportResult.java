package blackbox.positions.service;

import java.time.LocalDate;
import java.util.List;

/**
 * What an import of a broker opening file did.
 *
 * @param applied rows stored and applied (new, or replaced)
 * @param unchanged rows equal to the stored opening
 * @param differences rows that differ from the stored opening (replaced only when asked)
 * @param refused rows the core refused, each with the line and the reason
 */
public record ImportResult(long importId, LocalDate tradeDate, int positions, int cash, int applied, int unchanged,
                           List<Difference> differences, List<String> refused) {
}
