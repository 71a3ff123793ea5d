package blackbox.risk.oms;

import blackbox.platform.domain.InstrumentId;
import blackbox.platform.domain.Side;

/** Platform types to oms-svc's (and the gateway's) protobuf messages. */
final class OmsProtos {
    private OmsProtos() {
    }

    static blackbox.gateway.v1.InstrumentId instrument(InstrumentId id) {
        return blackbox.gateway.v1.InstrumentId.newBuilder().setTicker(id.ticker()).setExchange(id.exchange()).build();
    }

    static blackbox.oms.v1.Side side(Side side) {
        return side == Side.BUY ? blackbox.oms.v1.Side.SIDE_BUY : blackbox.oms.v1.Side.SIDE_SELL;
    }
}
