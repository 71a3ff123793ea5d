package blackbox.oms.algo.engine;

import blackbox.candles.v1.CandlesGrpc;
import blackbox.candles.v1.GetCandlesRequest;
import blackbox.candles.v1.GetCandlesResponse;
import blackbox.oms.algo.ParentOrder;
import blackbox.oms.algo.VolumeProfile;
import blackbox.oms.algo.VolumeProfiles;
import blackbox.oms.core.Algorithm;
import blackbox.platform.domain.B3Calendar;
import io.grpc.Status;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * VWAP profiles from candle-svc's stored 1m candles ({@code GetCandles}, timeframe {@code 1m}) of the last
 * {@code profile_sessions} B3 sessions before the parent's trade date ({@link B3Calendar}), folded by
 * {@link VolumeProfile#of}. One call per new parent, on the caller's thread, bounded by {@code deadline} per page; any
 * failure (candle-svc down, unknown instrument) answers an empty profile naming the cause (the parent then runs on
 * equal weights and says so). Thread-safe.
 */
public final class CandleVolumeProfiles implements VolumeProfiles {
    private static final Logger log = LoggerFactory.getLogger(CandleVolumeProfiles.class);
    private static final int PAGE = 50_000;
    private final CandlesGrpc.CandlesBlockingStub candles;
    private final ZoneId zone;
    private final Duration deadline;

    /** @param zone the exchange's zone (America/Sao_Paulo): sessions are its local days, slices its local times */
    public CandleVolumeProfiles(CandlesGrpc.CandlesBlockingStub candles, ZoneId zone, Duration deadline) {
        this.candles = candles;
        this.zone = zone;
        this.deadline = deadline;
    }

    /** The {@code n} B3 sessions before {@code day}, oldest first. */
    static List<LocalDate> sessionsBefore(LocalDate day, int n) {
        List<LocalDate> out = new ArrayList<>(n);
        LocalDate d = day.minusDays(1);
        while (out.size() < n) {
            if (B3Calendar.instance().isBusinessDay(d)) out.addFirst(d);
            d = d.minusDays(1);
        }
        return out;
    }

    @Override
    public VolumeProfile profile(ParentOrder parent) {
        Algorithm.Vwap v = (Algorithm.Vwap) parent.algorithm();
        int slices = Math.toIntExact(v.horizonSecs() / v.intervalSecs());
        List<LocalDate> sessions = sessionsBefore(parent.tradeDate(), v.profileSessions());
        long from = sessions.getFirst().atStartOfDay(zone).toInstant().toEpochMilli() * 1_000_000L;
        long to = parent.tradeDate().atStartOfDay(zone).toInstant().toEpochMilli() * 1_000_000L;
        List<VolumeProfile.MinuteVolume> minutes = new ArrayList<>();
        try {
            String token = "";
            do {
                GetCandlesResponse page = candles.withDeadlineAfter(deadline.toMillis(), TimeUnit.MILLISECONDS)
                        .getCandles(GetCandlesRequest.newBuilder()
                                .setInstrument(blackbox.gateway.v1.InstrumentId.newBuilder().setTicker(parent.instrument().ticker())
                                        .setExchange(parent.instrument().exchange()))
                                .setTimeframe("1m").setFromNanos(from).setToNanos(to).setLimit(PAGE).setPageToken(token).build());
                for (var c : page.getCandlesList()) minutes.add(new VolumeProfile.MinuteVolume(c.getBucketStartNanos(), c.getVolume()));
                token = page.getNextPageToken();
            } while (!token.isEmpty());
        } catch (RuntimeException e) {
            Status s = Status.fromThrowable(e);
            String why = "candle-svc unavailable (" + s.getCode() + (s.getDescription() == null ? "" : ": " + s.getDescription()) + ")";
            log.warn("VWAP {}: {}: equal weights", parent.id(), why);
            return VolumeProfile.none(slices, why);
        }
        VolumeProfile profile = VolumeProfile.of(minutes, sessions, parent.startNanos(), v.horizonSecs(), v.intervalSecs(), zone,
                "candle-svc 1m, " + sessions.size() + " sessions " + sessions.getFirst() + ".." + sessions.getLast());
        if (profile.isEmpty()) {
            log.info("VWAP {}: no volume in {} candles of {} sessions: equal weights", parent.id(), minutes.size(), sessions.size());
            return VolumeProfile.none(slices, "no volume in candle-svc's 1m candles of " + sessions.size() + " sessions "
                    + sessions.getFirst() + ".." + sessions.getLast());
        }
        return profile;
    }
}
