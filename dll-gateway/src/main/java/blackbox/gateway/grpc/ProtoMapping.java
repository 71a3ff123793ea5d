package blackbox.gateway.grpc;

import blackbox.gateway.engine.SessionStatus;
import blackbox.gateway.engine.TopOfBook;
import blackbox.gateway.session.DllEvent;
import blackbox.platform.domain.InstrumentId;
import blackbox.gateway.v1.Aggressor;
import blackbox.gateway.v1.ConnectionState;
import blackbox.gateway.v1.SessionState;
import blackbox.gateway.v1.Trade;
import io.grpc.Status;
import java.util.HashMap;
import java.util.Map;

/** Between the engine's types and the {@code blackbox.gateway.v1} messages. */
final class ProtoMapping {
    /** Consumer-thread cache: one proto InstrumentId per instrument. */
    private final Map<InstrumentId, blackbox.gateway.v1.InstrumentId> instruments = new HashMap<>();

    /** TConnectorTrade.TradeType to the aggressor (profitdll-api.md §2.4: 2 aggressive buy, 3 aggressive sell). */
    static Aggressor aggressor(int tradeType) {
        return switch (tradeType) {
            case 2 -> Aggressor.AGGRESSOR_BUY;
            case 3 -> Aggressor.AGGRESSOR_SELL;
            default -> Aggressor.AGGRESSOR_NONE;
        };
    }

    blackbox.gateway.v1.InstrumentId instrument(InstrumentId id) {
        return instruments.computeIfAbsent(id, ProtoMapping::toProto);
    }

    static blackbox.gateway.v1.InstrumentId toProto(InstrumentId id) {
        return blackbox.gateway.v1.InstrumentId.newBuilder().setTicker(id.ticker()).setExchange(id.exchange()).build();
    }

    /** A trade event as a message (copies everything: the event slot is reused). */
    Trade trade(DllEvent e) {
        return Trade.newBuilder()
                .setInstrument(instrument(e.instrument))
                .setTimeNanos(e.timeNanos)
                .setPrice(e.price)
                .setQuantity(e.quantity)
                .setVolume(e.volume)
                .setTradeNumber((int) e.tradeNumber)
                .setBuyAgent(e.buyAgent)
                .setSellAgent(e.sellAgent)
                .setTradeType(e.tradeType)
                .setAggressor(aggressor(e.tradeType))
                .setEdit((e.flags & 1) != 0)
                .setReceivedNanos(e.receivedNanos)
                .build();
    }

    /**
     * A request's instrument, validated.
     *
     * @throws io.grpc.StatusRuntimeException INVALID_ARGUMENT naming the field and value
     */
    static InstrumentId instrument(blackbox.gateway.v1.InstrumentId proto, String field) {
        try {
            return new InstrumentId(proto.getTicker(), proto.getExchange());
        } catch (IllegalArgumentException e) {
            throw Status.INVALID_ARGUMENT.withDescription(field + ": " + e.getMessage()).asRuntimeException();
        }
    }

    static SessionState sessionState(SessionStatus s) {
        ConnectionState state = switch (s.state()) {
            case CONNECTING -> ConnectionState.CONNECTION_STATE_CONNECTING;
            case CONNECTED -> ConnectionState.CONNECTION_STATE_CONNECTED;
            case PARTIAL -> ConnectionState.CONNECTION_STATE_PARTIAL;
            case RECONNECTING -> ConnectionState.CONNECTION_STATE_RECONNECTING;
            case FAILED -> ConnectionState.CONNECTION_STATE_FAILED;
        };
        return SessionState.newBuilder()
                .setState(state)
                .setMarketDataConnected(s.marketDataConnected())
                .setRoutingConnected(s.routingConnected())
                .setLastLoginResult(s.loginResult())
                .setLastMarketResult(s.marketResult())
                .setLastActivationResult(s.activationResult())
                .setDllResponsive(s.responsive())
                .setCallbackQueueOverflows(s.overflows())
                .setReconnects(s.reconnects())
                .setChangedNanos(s.changedNanos())
                .setDetail(s.detail())
                .build();
    }

    static blackbox.gateway.v1.TopOfBook topOfBook(TopOfBook t) {
        return blackbox.gateway.v1.TopOfBook.newBuilder()
                .setInstrument(toProto(t.instrument()))
                .setBidPrice(t.bidPrice())
                .setBidQuantity(t.bidQuantity())
                .setAskPrice(t.askPrice())
                .setAskQuantity(t.askQuantity())
                .setUpdatedNanos(t.updatedNanos())
                .build();
    }
}
