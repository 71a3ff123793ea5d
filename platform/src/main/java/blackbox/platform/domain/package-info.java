/**
 * The domain vocabulary every service shares: {@link blackbox.platform.domain.InstrumentId},
 * {@link blackbox.platform.domain.AccountId}, {@link blackbox.platform.domain.Side} and the decimal text the
 * order-side protos carry ({@link blackbox.platform.domain.Decimals}). Services share only proto and
 * platform (architecture.md §2), so these live here rather than in one service.
 */
package blackbox.platform.domain;
