package blackbox.candles.grpc;

import static blackbox.candles.grpc.Requests.invalid;

import blackbox.candles.core.Timeframe;
import blackbox.candles.store.CandleStore;
import blackbox.candles.store.StoreUnavailableException;
import blackbox.platform.domain.InstrumentId;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The instruments requests may name: those with stored candles, trades seen since start, or being ingested by
 * marketdata-svc (a just-subscribed instrument has no candles yet: its history is empty, not an error). Remembered
 * once found.
 */
final class KnownInstruments {
    private final CandleStore store;
    private final Function<InstrumentId, Boolean> seenLive;
    private final Set<InstrumentId> known = ConcurrentHashMap.newKeySet();

    /** @param seenLive whether the engine has seen trades of an instrument since start, or marketdata-svc ingests it */
    KnownInstruments(CandleStore store, Function<InstrumentId, Boolean> seenLive) {
        this.store = store;
        this.seenLive = seenLive;
    }

    /**
     * @return the validated instrument
     * @throws io.grpc.StatusRuntimeException INVALID_ARGUMENT for a malformed or unknown instrument
     */
    InstrumentId require(blackbox.gateway.v1.InstrumentId proto) throws StoreUnavailableException {
        InstrumentId id = Requests.instrument(proto);
        if (known.contains(id)) return id;
        if (Boolean.TRUE.equals(seenLive.apply(id)) || store.lastBucket(id, Timeframe.W1).isPresent()) {
            known.add(id);
            return id;
        }
        throw invalid("instrument has no candles and is not subscribed at marketdata-svc: instrument=" + id.ticker() + ":"
                + id.exchange());
    }

    /** Remembers an instrument a job just built candles of. */
    void add(InstrumentId id) {
        known.add(id);
    }

    /** @return the instruments found so far */
    Set<InstrumentId> found() {
        return Set.copyOf(known);
    }
}
