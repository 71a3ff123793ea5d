package blackbox.oms.algo.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blackbox.candles.v1.Candle;
import blackbox.candles.v1.CandlesGrpc;
import blackbox.candles.v1.GetCandlesRequest;
import blackbox.candles.v1.GetCandlesResponse;
import blackbox.oms.algo.AccountTarget;
import blackbox.oms.algo.ParentOrder;
import blackbox.oms.algo.VolumeProfile;
import blackbox.oms.core.Algorithm;
import blackbox.oms.core.BlockId;
import blackbox.oms.core.ClOrdId;
import blackbox.oms.core.DeskId;
import blackbox.oms.core.OrdType;
import blackbox.oms.core.UserId;
import blackbox.platform.domain.AccountId;
import blackbox.platform.domain.InstrumentId;
import blackbox.platform.domain.Side;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.Status;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.stub.StreamObserver;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The candle-svc adapter against an in-process Candles service: sessions, range, paging, failure, and the JSON round trip. */
class CandleVolumeProfilesTest {
    static final ZoneId ZONE = ZoneId.of("America/Sao_Paulo");
    static final long SEC = 1_000_000_000L;
    static final long START = 1_744_030_800L * SEC; // Monday 2025-04-07 10:00 local
    final List<GetCandlesRequest> requests = new ArrayList<>();
    Server server;
    ManagedChannel channel;

    @AfterEach
    void stop() {
        if (channel != null) channel.shutdownNow();
        if (server != null) server.shutdownNow();
    }

    static ParentOrder parent(int sessions) {
        List<AccountTarget> accounts = List.of(new AccountTarget(1, new AccountId("acc1"), new DeskId("mesa"), 1_000),
                new AccountTarget(2, new AccountId("acc2"), new DeskId("mesa"), 500));
        return new ParentOrder(new ClOrdId("v"), Optional.of(new BlockId("v")), new UserId("trader"), Optional.empty(),
                new InstrumentId("PETR4", "B"), Side.BUY, OrdType.LIMIT, 385_000,
                new Algorithm.Vwap(120, 60, new BigDecimal("0.1"), START, sessions), 100, accounts, START, START, LocalDate.of(2025, 4, 7));
    }

    CandleVolumeProfiles serving(CandlesGrpc.CandlesImplBase impl) throws Exception {
        String name = InProcessServerBuilder.generateName();
        server = InProcessServerBuilder.forName(name).directExecutor().addService(impl).build().start();
        channel = InProcessChannelBuilder.forName(name).directExecutor().build();
        return new CandleVolumeProfiles(CandlesGrpc.newBlockingStub(channel), ZONE, Duration.ofSeconds(5));
    }

    @Test
    void theLastSessionsAreTheB3BusinessDaysBeforeTheTradeDate() {
        // 2025-04-18 (Good Friday) and 04-21 (Tiradentes) are closed
        assertEquals(List.of(LocalDate.of(2025, 4, 16), LocalDate.of(2025, 4, 17), LocalDate.of(2025, 4, 22)),
                CandleVolumeProfiles.sessionsBefore(LocalDate.of(2025, 4, 23), 3));
        assertEquals(List.of(LocalDate.of(2025, 4, 3), LocalDate.of(2025, 4, 4)), CandleVolumeProfiles.sessionsBefore(LocalDate.of(2025, 4, 7), 2));
    }

    @Test
    void candlesOfTheSessionsArePagedAndFoldedIntoTheSlicesWeights() throws Exception {
        long friday = START - 3 * 86_400 * SEC; // 2025-04-04 10:00
        long thursday = START - 4 * 86_400 * SEC;
        CandleVolumeProfiles profiles = serving(new CandlesGrpc.CandlesImplBase() {
            @Override
            public void getCandles(GetCandlesRequest r, StreamObserver<GetCandlesResponse> out) {
                requests.add(r);
                var b = GetCandlesResponse.newBuilder();
                if (r.getPageToken().isEmpty()) {
                    b.addCandles(Candle.newBuilder().setBucketStartNanos(thursday).setVolume(100));
                    b.setNextPageToken("2");
                } else {
                    b.addCandles(Candle.newBuilder().setBucketStartNanos(friday + 60 * SEC).setVolume(300));
                }
                out.onNext(b.build());
                out.onCompleted();
            }
        });
        VolumeProfile p = profiles.profile(parent(2));
        assertEquals(List.of(100L * 60_000, 300L * 60_000), p.weights());
        assertTrue(p.source().contains("2 sessions 2025-04-03..2025-04-04"), p.source());
        assertEquals(2, requests.size(), "the second page was asked for");
        GetCandlesRequest first = requests.getFirst();
        assertEquals("1m", first.getTimeframe());
        assertEquals("PETR4", first.getInstrument().getTicker());
        assertEquals(LocalDate.of(2025, 4, 3).atStartOfDay(ZONE).toEpochSecond() * SEC, first.getFromNanos());
        assertEquals(START - 10 * 3_600 * SEC, first.getToNanos(), "up to the trade date's midnight, exclusive");
        assertEquals("2", requests.get(1).getPageToken());

        // persisted with the parent: a restart reads the same profile, no candle-svc needed
        ParentOrder withProfile = parent(2).withProfile(p);
        assertEquals(withProfile, ParentJson.read(ParentJson.write(withProfile)));
        assertEquals(parent(2), ParentJson.read(ParentJson.write(parent(2))));
    }

    @Test
    void anUnavailableCandleSvcOrNoVolumeGivesEqualWeightsSayingWhy() throws Exception {
        CandleVolumeProfiles failing = serving(new CandlesGrpc.CandlesImplBase() {
            @Override
            public void getCandles(GetCandlesRequest r, StreamObserver<GetCandlesResponse> out) {
                out.onError(Status.UNAVAILABLE.withDescription("down").asRuntimeException());
            }
        });
        VolumeProfile p = failing.profile(parent(20));
        assertTrue(p.isEmpty());
        assertEquals(2, p.weights().size());
        assertEquals("candle-svc unavailable (UNAVAILABLE: down)", p.source());
        stop();
        CandleVolumeProfiles empty = serving(new CandlesGrpc.CandlesImplBase() {
            @Override
            public void getCandles(GetCandlesRequest r, StreamObserver<GetCandlesResponse> out) {
                out.onNext(GetCandlesResponse.getDefaultInstance());
                out.onCompleted();
            }
        });
        VolumeProfile none = empty.profile(parent(20));
        assertTrue(none.isEmpty());
        assertTrue(none.source().startsWith("no volume in candle-svc's 1m candles of 20 sessions"), none.source());
        assertFalse(none.source().isEmpty());
    }
}
