package blackbox.bench;

import blackbox.gateway.Gateway;
import blackbox.gateway.GatewayConfig;
import blackbox.gateway.engine.SessionStatus;
import blackbox.gateway.ffm.ProfitDLL;
import blackbox.gateway.v1.InstrumentId;
import blackbox.gateway.v1.MarketDataGatewayGrpc;
import blackbox.gateway.v1.StreamTradesRequest;
import blackbox.gateway.v1.Trade;
import blackbox.gateway.v1.TradeBatch;
import blackbox.gateway.v1.TradeStreamMessage;
import blackbox.platform.Logging;
import blackbox.platform.config.Config;
import blackbox.platform.telemetry.Telemetry;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Goal 2: trades per second delivered to a gRPC client over loopback.
 *
 * <p>Gateway: a full {@link Gateway} (engine, fan-out, flow-controlled streams, Netty server on 127.0.0.1:0)
 * replaying the synthetic tape at {@code replay.speed=max}; one Netty plaintext client calls {@code
 * StreamTrades} for every instrument and counts the trades of the batches it receives. Clock: from {@code
 * SimStartReplay()} to the client's last trade. A fresh gateway per run (the tape plays once).
 *
 * <p>Baseline, same run, same gRPC stack (grpc-java Netty server and client, same messages, same client):
 * a trivial {@code StreamTrades} implementation in this class that sends pre-built {@code TradeBatch} messages
 * of {@code --batch} (1024, the gateway's maximum batch) trades as fast as flow control allows — the
 * transport's ceiling for this message shape.
 *
 * <p>Options: {@code --trades 5000000}, {@code --runs 3}, {@code --warmups 1}, {@code --batch 1024},
 * {@code --library PATH}, {@code --work DIR}.
 */
public final class GrpcThroughputBench {
    static final List<String> INSTRUMENTS = SyntheticReplay.TICKERS;

    record Run(long trades, double seconds, long messages, double engineSeconds, long overflows, String error) {
        double rate() {
            return trades / seconds;
        }
    }

    public static void main(String[] argv) throws Exception {
        Args args = new Args(argv);
        Logging.configure(Config.of(Map.of(Logging.LOG_LEVEL, "warn")));
        Path library = args.library();
        long trades = args.number("trades", 5_000_000);
        int runs = args.integer("runs", 3);
        int warmups = args.integer("warmups", 1);
        int batch = args.integer("batch", 1024);
        Path replay = SyntheticReplay.ensure(args.workDir(), trades);
        System.out.printf("library %s, %d cores, %s, load average %s%n", library, Runtime.getRuntime().availableProcessors(),
                Runtime.version(), loadAverage());

        List<Run> gateway = new ArrayList<>();
        List<Run> baseline = new ArrayList<>();
        try (Telemetry telemetry = Telemetry.create("bench", Config.of(Map.of()))) {
            for (int i = 0; i < warmups + runs; i++) {
                Run run = report((i < warmups ? "gateway warm-up " : "gateway run ") + (i + 1 - (i < warmups ? 0 : warmups)),
                        runGateway(library, replay, trades, telemetry));
                if (i >= warmups) gateway.add(run);
            }
        }
        for (int i = 0; i < warmups + runs; i++) {
            Run run = report((i < warmups ? "baseline warm-up " : "baseline run ") + (i + 1 - (i < warmups ? 0 : warmups)),
                    runBaseline(trades, batch));
            if (i >= warmups) baseline.add(run);
        }

        Stats g = new Stats(gateway.stream().map(Run::rate).toList());
        Stats b = new Stats(baseline.stream().map(Run::rate).toList());
        System.out.println();
        System.out.println("Trades delivered to one gRPC client over loopback (median of runs; min-max)");
        String fmt = "%-44s %11s %5s %9s %10s %13s %10s %9s%n";
        System.out.printf(fmt, "implementation", "trades", "runs", "median s", "trades/s", "min-max", "trades/msg", "overflows");
        System.out.printf(fmt, "gateway (DLL sim -> engine -> StreamTrades)", String.format("%,d", trades), runs,
                String.format("%.3f", new Stats(gateway.stream().map(Run::seconds).toList()).median()),
                Stats.millions(g.median()), Stats.millions(g.min()) + "-" + Stats.millions(g.max()),
                String.format("%.0f", gateway.stream().mapToDouble(r -> (double) r.trades / r.messages).average().orElse(0)),
                gateway.stream().mapToLong(Run::overflows).sum());
        System.out.printf(fmt, "baseline (pre-built batches, same gRPC stack)", String.format("%,d", trades), runs,
                String.format("%.3f", new Stats(baseline.stream().map(Run::seconds).toList()).median()),
                Stats.millions(b.median()), Stats.millions(b.min()) + "-" + Stats.millions(b.max()), Integer.toString(batch), "n/a");
        System.out.printf("gateway / transport ceiling: %.0f%%; engine took the tape in %.3f s median (tape -> fan-out, before gRPC)%n",
                100 * g.median() / b.median(), new Stats(gateway.stream().map(Run::engineSeconds).toList()).median());
    }

    private static Run report(String what, Run run) {
        System.out.printf("  %-20s %,11d trades in %7.3f s = %,12.0f trades/s, %,d messages, engine done at %.3f s, overflows %d%s (load %s)%n",
                what, run.trades, run.seconds, run.rate(), run.messages, run.engineSeconds, run.overflows,
                run.error == null ? "" : ", ERROR " + run.error, loadAverage());
        return run;
    }

    static Run runGateway(Path library, Path replay, long expected, Telemetry telemetry) throws Exception {
        Map<String, String> values = new HashMap<>();
        values.put(GatewayConfig.LIBRARY, library.toString());
        values.put(GatewayConfig.REPLAY, replay.toString());
        values.put(GatewayConfig.SPEED, "max");
        values.put(GatewayConfig.SIM_OPTIONS, "replay.start=manual");
        values.put(GatewayConfig.STATS_INTERVAL, "PT0S");
        values.put(GatewayConfig.STREAM_BUFFER, "10000000"); // the maximum: measure throughput, never cut the client
        GatewayConfig config = GatewayConfig.from(Config.of(values));
        Gateway gateway = Gateway.start(config, NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0)), telemetry);
        ManagedChannel channel = NettyChannelBuilder.forAddress("127.0.0.1", gateway.port()).usePlaintext().directExecutor().build();
        try {
            ClientCounter client = new ClientCounter(expected);
            MarketDataGatewayGrpc.newStub(channel).streamTrades(StreamTradesRequest.getDefaultInstance(), client);
            await(() -> gateway.engine().status().state() == SessionStatus.State.CONNECTED
                    && gateway.service().openTradeStreams() == 1, "connected, stream open");
            // Subscribe through the RPC: it returns only once the DLL took the subscription, so no trade of the
            // tape can pass before it (waiting on the engine's wanted set instead once lost a few trades).
            for (String instrument : INSTRUMENTS) {
                String[] parts = instrument.split(":");
                MarketDataGatewayGrpc.newBlockingStub(channel).subscribe(blackbox.gateway.v1.SubscribeRequest.newBuilder()
                        .setInstrument(blackbox.gateway.v1.InstrumentId.newBuilder().setTicker(parts[0]).setExchange(parts[1])).build());
            }
            long t0 = System.nanoTime();
            int rc = ProfitDLL.load(gateway.library()).simulator().orElseThrow().SimStartReplay();
            if (rc != 0) throw new IllegalStateException("SimStartReplay -> " + rc);
            long engineDone = 0;
            long deadline = t0 + TimeUnit.MINUTES.toNanos(2);
            long lastProgress = System.nanoTime();
            long lastCount = -1;
            while (!client.done.await(1, TimeUnit.MILLISECONDS) && System.nanoTime() < deadline) {
                long dropped = gateway.engine().overflows(); // trades lost in the hand-off ring never reach the client
                if (engineDone == 0 && gateway.service().tradesIn() + dropped >= expected) engineDone = System.nanoTime();
                if (client.trades != lastCount) {
                    lastCount = client.trades;
                    lastProgress = System.nanoTime();
                } else if (dropped > 0 && client.trades + dropped >= expected && System.nanoTime() - lastProgress > 500_000_000L) {
                    client.doneNanos = lastProgress;
                    break;
                }
            }
            if (engineDone == 0) engineDone = System.nanoTime();
            long end = client.doneNanos != 0 ? client.doneNanos : System.nanoTime();
            return new Run(client.trades, (end - t0) / 1e9, client.messages, (engineDone - t0) / 1e9,
                    gateway.engine().overflows(), client.error);
        } finally {
            channel.shutdownNow();
            channel.awaitTermination(5, TimeUnit.SECONDS);
            gateway.close();
        }
    }

    static Run runBaseline(long expected, int batch) throws Exception {
        TradeStreamMessage[] messages = prebuilt(batch);
        Server server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
                .addService(new BaselineService(messages, batch, expected)).build().start();
        ManagedChannel channel = NettyChannelBuilder.forAddress("127.0.0.1", server.getPort()).usePlaintext().directExecutor().build();
        try {
            ClientCounter client = new ClientCounter(expected);
            long t0 = System.nanoTime();
            MarketDataGatewayGrpc.newStub(channel).streamTrades(StreamTradesRequest.getDefaultInstance(), client);
            if (!client.done.await(5, TimeUnit.MINUTES)) throw new IllegalStateException("baseline: " + client.trades + " trades in 5 min");
            return new Run(client.trades, (client.doneNanos - t0) / 1e9, client.messages, 0, 0, client.error);
        } finally {
            channel.shutdownNow();
            channel.awaitTermination(5, TimeUnit.SECONDS);
            server.shutdownNow();
            server.awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    /** 16 distinct batches of trades shaped like the gateway's (every field set, as ProtoMapping fills them). */
    static TradeStreamMessage[] prebuilt(int batch) {
        TradeStreamMessage[] out = new TradeStreamMessage[16];
        InstrumentId[] ids = INSTRUMENTS.stream().map(t -> InstrumentId.newBuilder()
                .setTicker(t.split(":")[0]).setExchange(t.split(":")[1]).build()).toArray(InstrumentId[]::new);
        long n = 0;
        for (int m = 0; m < out.length; m++) {
            TradeBatch.Builder b = TradeBatch.newBuilder();
            for (int i = 0; i < batch; i++, n++) {
                double price = 35.5 + (n % 97) / 100.0;
                long qty = 100 * (1 + n % 20);
                b.addTrades(Trade.newBuilder().setInstrument(ids[(int) (n % 4 == 0 ? 1 : 0)])
                        .setTimeNanos(1_741_180_000_000_000_000L + n * 1_000_000).setPrice(price).setQuantity(qty)
                        .setVolume(price * qty).setTradeNumber((int) n + 1).setBuyAgent((int) (n % 120)).setSellAgent((int) (n % 113))
                        .setTradeType(2 + (int) (n % 2)).setAggressorValue(1 + (int) (n % 2)).setEdit(false)
                        .setReceivedNanos(1_780_000_000_000_000_000L + n * 250));
            }
            out[m] = TradeStreamMessage.newBuilder().setTrades(b).build();
        }
        return out;
    }

    /** StreamTrades that sends {@code total} trades as pre-built batches while the transport is ready. */
    static final class BaselineService extends MarketDataGatewayGrpc.MarketDataGatewayImplBase {
        private final TradeStreamMessage[] messages;
        private final int batch;
        private final long total;

        BaselineService(TradeStreamMessage[] messages, int batch, long total) {
            this.messages = messages;
            this.batch = batch;
            this.total = total;
        }

        @Override
        public void streamTrades(StreamTradesRequest request, StreamObserver<TradeStreamMessage> response) {
            var observer = (ServerCallStreamObserver<TradeStreamMessage>) response;
            observer.setOnReadyHandler(new Runnable() {
                long sent;
                int next;
                boolean completed;

                @Override
                public void run() {
                    while (!completed && observer.isReady()) {
                        long left = total - sent;
                        if (left <= 0) {
                            completed = true;
                            observer.onCompleted();
                            return;
                        }
                        TradeStreamMessage m = messages[next++ & (messages.length - 1)];
                        if (left < batch) {
                            m = TradeStreamMessage.newBuilder().setTrades(TradeBatch.newBuilder()
                                    .addAllTrades(m.getTrades().getTradesList().subList(0, (int) left))).build();
                        }
                        observer.onNext(m);
                        sent += m.getTrades().getTradesCount();
                    }
                }
            });
        }
    }

    /** The client: counts the trades of every batch; done at the expected count. */
    static final class ClientCounter implements StreamObserver<TradeStreamMessage> {
        private final long expected;
        final CountDownLatch done = new CountDownLatch(1);
        volatile long trades;
        volatile long messages;
        volatile long doneNanos;
        volatile String error;

        ClientCounter(long expected) {
            this.expected = expected;
        }

        @Override
        public void onNext(TradeStreamMessage message) {
            if (!message.hasTrades()) return;
            messages++;
            long n = trades + message.getTrades().getTradesCount();
            trades = n;
            if (n >= expected && doneNanos == 0) {
                doneNanos = System.nanoTime();
                done.countDown();
            }
        }

        @Override
        public void onError(Throwable t) {
            error = t.toString();
            doneNanos = System.nanoTime();
            done.countDown();
        }

        @Override
        public void onCompleted() {
            if (doneNanos == 0) doneNanos = System.nanoTime();
            done.countDown();
        }
    }

    static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new IllegalStateException("timed out waiting for " + what);
            Thread.sleep(2);
        }
    }

    static String loadAverage() {
        try {
            String[] parts = java.nio.file.Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (Exception e) {
            return "?";
        }
    }
}
