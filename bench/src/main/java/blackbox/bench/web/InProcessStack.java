package blackbox.bench.web;

import blackbox.candles.CandleApp;
import blackbox.candles.CandleConfig;
import blackbox.gateway.Gateway;
import blackbox.gateway.GatewayConfig;
import blackbox.gateway.ffm.ProfitDLL;
import blackbox.marketdata.MarketDataApp;
import blackbox.marketdata.MarketDataConfig;
import blackbox.platform.config.Config;
import blackbox.platform.db.Database;
import blackbox.platform.db.DatabaseConfig;
import blackbox.platform.db.EmbeddedPostgresServer;
import blackbox.platform.telemetry.Telemetry;
import blackbox.web.WebBffApp;
import blackbox.web.WebBffConfig;
import blackbox.web.auth.Role;
import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;

/** Every service in this JVM (their real wiring, gRPC over loopback Netty between them), one embedded PostgreSQL. */
final class InProcessStack implements BenchStack {
    private final EmbeddedPostgresServer pg;
    private final Database db;
    private final Gateway gateway;
    private final MarketDataApp marketdata;
    private final CandleApp candles;
    private final WebBffApp web;
    private final ManagedChannel gatewayChannel;
    private final ManagedChannel mdChannel;
    private final ManagedChannel candleChannel;

    InProcessStack(Settings s) throws Exception {
        Telemetry telemetry = Telemetry.create("bench-web", Config.of(Map.of()));
        pg = EmbeddedPostgresServer.startTemporary();
        db = Database.connect(DatabaseConfig.external(pg.jdbcUrl(), "postgres", "", 16));
        Map<String, String> g = new HashMap<>();
        g.put(GatewayConfig.LIBRARY, s.library());
        g.put(GatewayConfig.REPLAY, String.join(":", s.replayFiles().stream().map(Path::toString).toList()));
        g.put(GatewayConfig.SPEED, s.speed());
        g.put(GatewayConfig.SIM_OPTIONS, "replay.start=manual");
        g.put(GatewayConfig.STATS_INTERVAL, "PT0S");
        gateway = Gateway.start(GatewayConfig.from(Config.of(g)),
                NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0)), telemetry);
        gatewayChannel = channel(gateway.port());
        marketdata = MarketDataApp.start(MarketDataConfig.from(Config.of(Map.of(MarketDataConfig.STATS_INTERVAL, "PT0S"))),
                db, gatewayChannel, NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0)), telemetry);
        mdChannel = channel(marketdata.port());
        candles = CandleApp.start(CandleConfig.from(Config.of(Map.of())), db, mdChannel,
                NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0)), telemetry);
        candleChannel = channel(candles.port());
        web = WebBffApp.start(WebBffConfig.from(Config.of(Map.of(WebBffConfig.PORT, "0",
                WebBffConfig.WS_MAX_UPDATES, String.valueOf(s.rate()), WebBffConfig.WS_MAX_TRADE_UPDATES, String.valueOf(s.tradeRate()),
                WebBffConfig.LOGIN_PER_ADDRESS, "100000",
                WebBffConfig.JWT_SECRET, "bench-secret-bench-secret-bench-secret"))), db, mdChannel, candleChannel, gatewayChannel);
    }

    private static ManagedChannel channel(int port) {
        return NettyChannelBuilder.forAddress("127.0.0.1", port).usePlaintext().maxInboundMessageSize(64 << 20).build();
    }

    @Override
    public int gatewayPort() {
        return gateway.port();
    }

    @Override
    public int marketdataPort() {
        return marketdata.port();
    }

    @Override
    public int candlesPort() {
        return candles.port();
    }

    @Override
    public int webPort() {
        return web.port();
    }

    @Override
    public void addTrader(String username, String password) {
        web.users().ensure(username, password, EnumSet.of(Role.TRADER));
    }

    @Override
    public int startReplay() {
        return ProfitDLL.load(gateway.library()).simulator().orElseThrow().SimStartReplay();
    }

    @Override
    public int webTradeStreams() {
        return web.openTradeStreams();
    }

    @Override
    public boolean candleFeedConnected() {
        return candles.feed().connected();
    }

    @Override
    public void close() throws Exception {
        web.close();
        candles.close();
        marketdata.close();
        gateway.close();
        for (ManagedChannel c : new ManagedChannel[] {gatewayChannel, mdChannel, candleChannel}) c.shutdownNow();
        db.close();
        pg.close();
    }
}
