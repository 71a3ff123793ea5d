package blackbox.oms.grpc;

import blackbox.oms.api.Balances;
import blackbox.oms.config.InstrumentMaster;
import blackbox.oms.core.account.AccountRegistry;
import blackbox.oms.engine.AccountGates;
import blackbox.oms.engine.EventHub;
import blackbox.oms.engine.Exposure;
import blackbox.oms.engine.GatewaySender;
import blackbox.oms.engine.OrderWriter;
import blackbox.oms.risk.PreTrade;
import blackbox.oms.store.AuditTrail;
import blackbox.oms.store.BlockStore;
import blackbox.oms.store.OrderStore;
import java.time.Duration;
import java.time.ZoneId;
import java.util.concurrent.Executor;
import java.util.function.LongSupplier;

/**
 * What the gRPC handlers work with, built once by {@link blackbox.oms.OmsApp}.
 *
 * @param gateWait how long a new order waits for its account to be open
 * @param streamBuffer live events buffered per StreamOrderEvents call
 * @param drain runs the StreamOrderEvents drains (they read stored pages)
 * @param clock UTC epoch ns
 * @param algos the execution algorithms' engine (parents and their children)
 * @param algoClock the algorithms' time, UTC epoch ns (the system clock in service)
 * @param profiles where a new VWAP parent's volume profile comes from (fetched once, at its creation)
 */
public record Parts(OrderWriter writer, GatewaySender sender, AccountGates gates, PreTrade preTrade, Exposure exposure,
                    AccountRegistry accounts, InstrumentMaster instruments, Balances balances, OrderStore orders,
                    BlockStore blocks, AuditTrail audit, EventHub hub, Duration gateWait, int streamBuffer, Executor drain,
                    ZoneId zone, LongSupplier clock, blackbox.oms.algo.engine.AlgoEngine algos, LongSupplier algoClock,
                    blackbox.oms.algo.VolumeProfiles profiles) {
}
