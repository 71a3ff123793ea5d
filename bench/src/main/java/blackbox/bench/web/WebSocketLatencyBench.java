package blackbox.bench.web;

import blackbox.candles.v1.CandlesGrpc;
import blackbox.candles.v1.LiveCandle;
import blackbox.candles.v1.StreamCandlesRequest;
import blackbox.gateway.v1.InstrumentId;
import blackbox.gateway.v1.Trade;
import blackbox.marketdata.v1.ListIngestionRequest;
import blackbox.marketdata.v1.MarketDataGrpc;
import blackbox.marketdata.v1.StreamTradesRequest;
import blackbox.marketdata.v1.TradeStreamMessage;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.StreamObserver;
import java.io.BufferedReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * web-bff WebSocket latency under load: N WebSocket clients on loopback (default 1,000), each subscribed to the
 * candles and trades of one of the replayed instruments (round robin), while the ProfitDLL simulator replays real
 * B3 files at 10x through dll-gateway, marketdata-svc and candle-svc (gRPC over loopback Netty, as separate
 * processes would talk) into web-bff.
 *
 * <p>Measured per trade a client receives: client receive time − {@code Trade.received_nanos} (the gateway's DLL
 * callback), same machine clock, into HdrHistogram. Baseline in the same run: a plain gRPC client of
 * marketdata-svc's {@code StreamTrades} (the pipeline without web-bff). Closes: every client's closed candles
 * are checked against a direct candle-svc {@code StreamCandles} per instrument: lost and repeated must be 0.
 *
 * <p>{@code --processes true} runs each service in its own JVM as {@code bin/*} would ({@link ProcessStack}); the default
 * runs them in this JVM ({@link InProcessStack}). With separate processes the tape starts at the first subscription,
 * so the clients connect during the warm-up.
 *
 * <p>Usage: {@code bench/run.sh web [--clients 1000] [--seconds 120] [--rate 10] [--trade-rate R] [--speed 10x]
 * [--processes false] REPLAY_FILE...}
 */
public final class WebSocketLatencyBench {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String PASSWORD = "bench-password-1";
    private static final int USERS = 10;

    private final Recorder webDelays = new Recorder(3);
    // per trades message: the newest trade it carries (how stale what the trader sees is, coalescing included)
    private final Recorder freshness = new Recorder(3);
    private final Recorder baseDelays = new Recorder(3);
    private final Recorder gatewayDelays = new Recorder(3);
    private final Recorder hopDelays = new Recorder(3);
    // when the direct marketdata-svc client got each trade (key: received_nanos, unique per trade in practice)
    private final Map<Long, Long> baselineArrival = new ConcurrentHashMap<>();
    private final Map<InstrumentId, Set<Long>> baselineCloses = new ConcurrentHashMap<>();
    private final AtomicLong tradesReceived = new AtomicLong();
    private final AtomicLong messagesReceived = new AtomicLong();
    private final AtomicInteger closedByServer = new AtomicInteger();
    private final Map<Integer, AtomicInteger> closeCodes = new ConcurrentHashMap<>();
    private volatile boolean closing; // the baselines' streams end with the run: not an error then

    public static void main(String[] argv) throws Exception {
        Map<String, String> opts = new HashMap<>();
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < argv.length; i++) {
            if (argv[i].startsWith("--") && i + 1 < argv.length) opts.put(argv[i].substring(2), argv[++i]);
            else files.add(Path.of(argv[i]));
        }
        List<Path> missing = files.stream().filter(f -> !Files.isRegularFile(f)).toList();
        if (files.isEmpty() || !missing.isEmpty()) {
            System.err.println((files.isEmpty() ? "no replay files given" : "replay files not found: " + missing) + "\n"
                    + "make them from the B3 tape (outside the repository), e.g.:\n"
                    + "  bin/import --format b3-umdf --out /tmp/b3-08042025.replay.csv ../shared/data/b3-btg-2025/trades/*_08042025.csv\n"
                    + "then: bench/run.sh web [--clients 1000] [--seconds 120] [--rate 10] [--speed 10x] /tmp/b3-08042025.replay.csv");
            System.exit(2);
        }
        new WebSocketLatencyBench().run(files, Integer.parseInt(opts.getOrDefault("clients", "1000")),
                Integer.parseInt(opts.getOrDefault("seconds", "120")), Integer.parseInt(opts.getOrDefault("rate", "10")),
                Integer.parseInt(opts.getOrDefault("trade-rate", "1000")), // web-bff's default: trades at their own pace
                Integer.parseInt(opts.getOrDefault("warmup", "30")), opts.getOrDefault("speed", "10x"), opts.getOrDefault("timeframe", "1m"),
                opts.getOrDefault("library", System.getProperty("profitdll.library")),
                Boolean.parseBoolean(opts.getOrDefault("processes", "false")));
        System.exit(0);
    }

    private void run(List<Path> files, int clients, int seconds, int rate, int tradeRate, int warmup, String speed, String timeframe,
                     String library, boolean processes) throws Exception {
        List<InstrumentId> instruments = instruments(files);
        System.out.printf("replay %s: %d instruments %s; %d clients, %d s at %s, web-bff at most %d updates/s per stream"
                        + " (trades %d/s), services %s%n",
                files, instruments.size(), instruments.stream().map(InstrumentId::getTicker).toList(), clients, seconds,
                speed, rate, tradeRate, processes ? "in separate JVMs" : "in this JVM");
        BenchStack stack = processes
                ? new ProcessStack(new BenchStack.Settings(files, speed, rate, tradeRate, library))
                : new InProcessStack(new BenchStack.Settings(files, speed, rate, tradeRate, library));
        ManagedChannel gatewayChannel = channel(stack.gatewayPort());
        ManagedChannel mdChannel = channel(stack.marketdataPort());
        ManagedChannel candleChannel = channel(stack.candlesPort());
        String base = "http://127.0.0.1:" + stack.webPort();

        HttpClient http = HttpClient.newHttpClient();
        List<String> tokens = new ArrayList<>();
        for (int u = 0; u < USERS; u++) {
            stack.addTrader("bench" + u, PASSWORD);
            JsonNode s = MAPPER.readTree(post(http, base + "/api/v1/auth/login", null,
                    "{\"username\":\"bench" + u + "\",\"password\":\"" + PASSWORD + "\"}"));
            tokens.add(s.get("access_token").asText());
        }
        for (InstrumentId id : instruments) {
            put(http, base + "/api/v1/market/subscriptions/" + id.getTicker() + ":" + id.getExchange(), tokens.getFirst());
        }
        var md = MarketDataGrpc.newBlockingStub(mdChannel);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (md.listIngestion(ListIngestionRequest.getDefaultInstance()).getInstrumentsCount() < instruments.size()
                || !stack.candleFeedConnected()) {
            if (System.nanoTime() > deadline) throw new IllegalStateException("ingestion did not start");
            Thread.sleep(50);
        }
        startBaselines(gatewayChannel, mdChannel, candleChannel, instruments, timeframe);

        System.out.printf("connecting %d WebSocket clients...%n", clients);
        List<Client> all = new ArrayList<>();
        HttpClient[] wsClients = new HttpClient[4]; // several selector threads for 1,000 sockets
        for (int i = 0; i < wsClients.length; i++) wsClients[i] = HttpClient.newHttpClient();
        CountDownLatch subscribed = new CountDownLatch(clients);
        for (int i = 0; i < clients; i++) {
            Client c = new Client(i, instruments.get(i % instruments.size()), subscribed);
            c.socket = wsClients[i % wsClients.length].newWebSocketBuilder()
                    .buildAsync(URI.create(base.replace("http", "ws") + "/ws/market"), c).get(10, TimeUnit.SECONDS);
            c.socket.sendText("{\"type\":\"auth\",\"token\":\"" + tokens.get(i % USERS) + "\"}", true).join();
            c.socket.sendText("{\"type\":\"subscribe\",\"id\":\"s\",\"symbol\":\"" + c.instrument.getTicker() + ":"
                    + c.instrument.getExchange() + "\",\"timeframe\":\"" + timeframe + "\",\"streams\":[\"candles\",\"trades\"]}", true).join();
            all.add(c);
        }
        if (!subscribed.await(60, TimeUnit.SECONDS)) throw new IllegalStateException("clients not subscribed: " + subscribed.getCount() + " left");
        System.out.printf("%d clients subscribed; web-bff holds %s upstream trade streams (one per instrument)%n",
                clients, stack.webTradeStreams() < 0 ? "(not asked: another process)" : String.valueOf(stack.webTradeStreams()));

        int rc = stack.startReplay();
        if (rc != 0) throw new IllegalStateException("SimStartReplay -> " + rc);
        long start = System.nanoTime();
        Histogram webTotal = new Histogram(3);
        Histogram baseTotal = new Histogram(3);
        Histogram gatewayTotal = new Histogram(3);
        Histogram hopTotal = new Histogram(3);
        Histogram freshTotal = new Histogram(3);
        System.out.printf("replay started; the first %d s are warm-up (JIT, the opening auction burst) and not counted%n", warmup);
        for (int s = 10; s <= warmup + seconds; s += 10) {
            TimeUnit.NANOSECONDS.sleep(Math.max(0, start + TimeUnit.SECONDS.toNanos(s) - System.nanoTime()));
            Histogram w = webDelays.getIntervalHistogram();
            Histogram b = baseDelays.getIntervalHistogram();
            Histogram gw = gatewayDelays.getIntervalHistogram();
            Histogram hop = hopDelays.getIntervalHistogram();
            Histogram fresh = freshness.getIntervalHistogram();
            boolean counted = s > warmup;
            if (counted) {
                freshTotal.add(fresh);
                hopTotal.add(hop);
                webTotal.add(w);
                baseTotal.add(b);
                gatewayTotal.add(gw);
            }
            System.out.printf("  %4d s%s: %,d trades to clients in %,d messages; last 10 s: web p99 %.2f ms (%,d trades), "
                            + "marketdata gRPC p99 %.2f ms, gateway gRPC p99 %.2f ms%n", s, counted ? "" : " (warm-up)",
                    tradesReceived.get(), messagesReceived.get(), w.getValueAtPercentile(99) / 1000.0, w.getTotalCount(),
                    b.getValueAtPercentile(99) / 1000.0, gw.getValueAtPercentile(99) / 1000.0);
        }
        // closes seen by the direct candle-svc streams up to now must all reach every client
        Map<InstrumentId, Set<Long>> expected = new HashMap<>();
        baselineCloses.forEach((k, v) -> expected.put(k, Set.copyOf(v)));
        Thread.sleep(3000);
        webTotal.add(webDelays.getIntervalHistogram());
        baseTotal.add(baseDelays.getIntervalHistogram());
        gatewayTotal.add(gatewayDelays.getIntervalHistogram());
        hopTotal.add(hopDelays.getIntervalHistogram());
        freshTotal.add(freshness.getIntervalHistogram());

        long lost = 0;
        long repeated = 0;
        long closesChecked = 0;
        for (Client c : all) {
            Set<Long> want = expected.getOrDefault(c.instrument, Set.of());
            closesChecked += want.size();
            for (Long bucket : want) if (!c.closes.containsKey(bucket)) lost++;
            for (AtomicInteger n : c.closes.values()) if (n.get() > 1) repeated += n.get() - 1;
        }
        System.out.printf("%nresults (%d clients, %d instruments, %d s of replay at %s after %d s warm-up, coalescing %d/s, trades %d/s):%n",
                clients, instruments.size(), seconds, speed, warmup, rate, tradeRate);
        print("web-bff WebSocket (trade callback -> browser message)", webTotal);
        print("  per message: its newest trade's callback -> the message", freshTotal);
        print("baseline: marketdata-svc gRPC StreamTrades (no web-bff)", baseTotal);
        print("baseline: dll-gateway gRPC StreamTrades (first hop)", gatewayTotal);
        print("web-bff's own hop (direct marketdata client -> browser)", hopTotal);
        System.out.printf("closes: %,d expected across clients, lost %d, repeated %d%n", closesChecked, lost, repeated);
        System.out.printf("connections closed by the server: %d %s%n", closedByServer.get(), closeCodes);
        // issue 19: freshness p99 <= 20 ms at 100 clients, <= 50 ms at 1,000 (the per-trade delay is printed beside it)
        long goalMicros = clients <= 100 ? 20_000 : 50_000;
        System.out.printf("goal: freshness p99 <= %d ms at %d clients: %s (%.2f ms)%n", goalMicros / 1000, clients,
                freshTotal.getValueAtPercentile(99) <= goalMicros ? "met" : "NOT met", freshTotal.getValueAtPercentile(99) / 1000.0);
        System.out.flush();
        closing = true;
        for (ManagedChannel c : new ManagedChannel[] {gatewayChannel, mdChannel, candleChannel}) c.shutdownNow();
        stack.close();
    }

    private static void print(String what, Histogram h) {
        System.out.printf("%-58s n=%,d p50 %.2f ms  p99 %.2f ms  p99.9 %.2f ms  max %.2f ms%n", what, h.getTotalCount(),
                h.getValueAtPercentile(50) / 1000.0, h.getValueAtPercentile(99) / 1000.0,
                h.getValueAtPercentile(99.9) / 1000.0, h.getMaxValue() / 1000.0);
    }

    private static long nowNanos() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }

    private static void recordMicros(Recorder r, long receivedNanos, long now) {
        r.recordValue(Math.max(0, (now - receivedNanos) / 1000));
    }

    private void startBaselines(ManagedChannel gw, ManagedChannel md, ManagedChannel candleChannel, List<InstrumentId> instruments,
                                String timeframe) {
        blackbox.gateway.v1.MarketDataGatewayGrpc.newStub(gw).streamTrades(
                blackbox.gateway.v1.StreamTradesRequest.newBuilder().addAllInstruments(instruments).build(), new StreamObserver<>() {
                    @Override
                    public void onNext(blackbox.gateway.v1.TradeStreamMessage m) {
                        long now = nowNanos();
                        for (Trade t : m.getTrades().getTradesList()) recordMicros(gatewayDelays, t.getReceivedNanos(), now);
                    }

                    @Override
                    public void onError(Throwable t) {
                    }

                    @Override
                    public void onCompleted() {
                    }
                });
        MarketDataGrpc.newStub(md).streamTrades(StreamTradesRequest.newBuilder().addAllInstruments(instruments).build(),
                new StreamObserver<>() {
                    @Override
                    public void onNext(TradeStreamMessage m) {
                        long now = nowNanos();
                        for (Trade t : m.getTrades().getTradesList()) {
                            recordMicros(baseDelays, t.getReceivedNanos(), now);
                            baselineArrival.put(t.getReceivedNanos(), now);
                        }
                    }

                    @Override
                    public void onError(Throwable t) {
                        if (!closing) System.err.println("baseline trade stream: " + t);
                    }

                    @Override
                    public void onCompleted() {
                    }
                });
        var stub = CandlesGrpc.newStub(candleChannel);
        for (InstrumentId id : instruments) {
            Set<Long> closes = ConcurrentHashMap.newKeySet();
            baselineCloses.put(id, closes);
            stub.streamCandles(StreamCandlesRequest.newBuilder().setInstrument(id).setTimeframe(timeframe).build(),
                    new StreamObserver<>() {
                        @Override
                        public void onNext(LiveCandle c) {
                            if (c.getState() == LiveCandle.State.CLOSED) closes.add(c.getCandle().getBucketStartNanos());
                        }

                        @Override
                        public void onError(Throwable t) {
                            if (!closing) System.err.println("baseline candle stream " + id.getTicker() + ": " + t);
                        }

                        @Override
                        public void onCompleted() {
                        }
                    });
        }
    }

    /** One browser: counts closes per bucket and records each trade's delay. */
    private final class Client implements WebSocket.Listener {
        final int index;
        final InstrumentId instrument;
        final CountDownLatch subscribed;
        final Map<Long, AtomicInteger> closes = new ConcurrentHashMap<>();
        final StringBuilder partial = new StringBuilder();
        WebSocket socket;

        Client(int index, InstrumentId instrument, CountDownLatch subscribed) {
            this.index = index;
            this.instrument = instrument;
            this.subscribed = subscribed;
        }

        @Override
        public void onOpen(WebSocket ws) {
            ws.request(1);
        }

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            long now = nowNanos();
            partial.append(data);
            if (last) {
                try {
                    JsonNode m = MAPPER.readTree(partial.toString());
                    messagesReceived.incrementAndGet();
                    switch (m.path("type").asText()) {
                        case "trades" -> {
                            long newest = Long.MIN_VALUE;
                            for (JsonNode t : m.get("trades")) {
                                long received = t.get("received_nanos").asLong();
                                newest = Math.max(newest, received);
                                recordMicros(webDelays, received, now);
                                Long base = baselineArrival.get(received);
                                if (base != null) recordMicros(hopDelays, base, now);
                            }
                            if (newest != Long.MIN_VALUE) recordMicros(freshness, newest, now);
                            tradesReceived.addAndGet(m.get("trades").size());
                        }
                        case "candle" -> {
                            if (m.get("state").asText().equals("closed")) {
                                closes.computeIfAbsent(m.at("/candle/time_nanos").asLong(), k -> new AtomicInteger()).incrementAndGet();
                            }
                        }
                        case "subscribed" -> subscribed.countDown();
                        case "error" -> System.err.println("client " + index + ": " + m);
                        default -> {
                        }
                    }
                } catch (Exception e) {
                    System.err.println("client " + index + ": unreadable message: " + e);
                }
                partial.setLength(0);
            }
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int code, String reason) {
            closedByServer.incrementAndGet();
            closeCodes.computeIfAbsent(code, k -> new AtomicInteger()).incrementAndGet();
            return null;
        }
    }

    private static List<InstrumentId> instruments(List<Path> files) throws Exception {
        Set<InstrumentId> seen = new LinkedHashSet<>();
        for (Path f : files) {
            try (BufferedReader r = Files.newBufferedReader(f)) {
                String line;
                while ((line = r.readLine()) != null) {
                    if (line.startsWith("#") || line.startsWith("ts_nanos")) continue;
                    String[] p = line.split(",", 5);
                    if (p.length >= 4 && p[3].equals("T")) {
                        seen.add(InstrumentId.newBuilder().setTicker(p[1]).setExchange(p[2]).build());
                    }
                }
            }
        }
        List<InstrumentId> list = new ArrayList<>(seen);
        list.sort(java.util.Comparator.comparing(InstrumentId::getTicker));
        return list;
    }

    private static ManagedChannel channel(int port) {
        return NettyChannelBuilder.forAddress("127.0.0.1", port).usePlaintext().maxInboundMessageSize(64 << 20).build();
    }

    private static String post(HttpClient http, String url, String token, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).timeout(Duration.ofSeconds(30));
        if (token != null) b.header("Authorization", "Bearer " + token);
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) throw new IllegalStateException(url + " -> " + r.statusCode() + " " + r.body());
        return r.body();
    }

    private static void put(HttpClient http, String url, String token) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .PUT(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) throw new IllegalStateException(url + " -> " + r.statusCode() + " " + r.body());
    }
}
