package blackbox.web;

import blackbox.candles.v1.CandlesGrpc;
import blackbox.indicators.v1.IndicatorsGrpc;
import blackbox.platform.db.Database;
import blackbox.web.auth.LoginThrottle;
import blackbox.web.auth.RefreshTokens;
import blackbox.web.auth.TokenService;
import blackbox.web.auth.Users;
import blackbox.web.http.AppContent;
import blackbox.web.http.AuthRoutes;
import blackbox.web.http.DeskRoutes;
import blackbox.web.http.RiskRoutes;
import blackbox.web.orders.OrderSide;
import java.util.Optional;
import blackbox.web.http.HttpTracing;
import blackbox.web.http.MarketRoutes;
import blackbox.web.http.SecurityFilter;
import blackbox.web.http.WebRouting;
import blackbox.web.upstream.SessionWatch;
import blackbox.web.upstream.TradeHub;
import blackbox.web.ws.MarketSocket;
import blackbox.web.ws.OriginPolicy;
import blackbox.web.ws.TradeBatch;
import io.github.bucket4j.TimeMeter;
import io.grpc.ManagedChannel;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.websocket.WsRouting;
import io.opentelemetry.api.OpenTelemetry;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running web-bff: Helidon SE server with the REST API, the market WebSocket and the web app, users in the
 * {@code web} schema. The gRPC channels (marketdata-svc, candle-svc with its indicators, dll-gateway) and the database
 * are parameters and stay owned by the caller, so {@code blackbox up} and tests run it in one JVM with the services.
 */
public final class WebBffApp implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(WebBffApp.class);

    private final WebServer server;
    private final Users users;
    private final TradeHub<TradeBatch> trades;
    private final SessionWatch session;
    private final ScheduledExecutorService scheduler;

    private WebBffApp(WebServer server, Users users, TradeHub<TradeBatch> trades, SessionWatch session, ScheduledExecutorService scheduler) {
        this.server = server;
        this.users = users;
        this.trades = trades;
        this.session = session;
        this.scheduler = scheduler;
    }

    /**
     * Migrates schema {@code web}, connects the upstream streams and starts serving on the configured host and port.
     *
     * @param marketData marketdata-svc (subscriptions, live trades)
     * @param candles candle-svc, which also serves {@code blackbox.indicators.v1}
     * @param gateway dll-gateway (session state, the instruments it knows)
     * @throws RuntimeException when the port cannot be bound or the database cannot be migrated
     */
    public static WebBffApp start(WebBffConfig config, Database database, ManagedChannel marketData,
                                  ManagedChannel candles, ManagedChannel gateway) {
        return start(config, database, marketData, candles, gateway, OrderSide.none(), AppContent.ROOT, OpenTelemetry.noop());
    }

    /**
     * As above, with the order side (accounts, orders, blocks, positions, balances, risk under {@code /api/v1}); its
     * channels stay the caller's. Empty: those routes answer 503.
     */
    public static WebBffApp start(WebBffConfig config, Database database, ManagedChannel marketData,
                                  ManagedChannel candles, ManagedChannel gateway, Optional<OrderSide> orderSide) {
        return start(config, database, marketData, candles, gateway, orderSide, AppContent.ROOT, OpenTelemetry.noop());
    }

    /** As {@link #start(WebBffConfig, Database, ManagedChannel, ManagedChannel, ManagedChannel)}, serving the web app
     * from another class-path folder (tests). */
    public static WebBffApp start(WebBffConfig config, Database database, ManagedChannel marketData,
                                  ManagedChannel candles, ManagedChannel gateway, String appRoot) {
        return start(config, database, marketData, candles, gateway, OrderSide.none(), appRoot, OpenTelemetry.noop());
    }

    /**
     * The full form: the order side (or none), the class-path folder of the web app (tests use another) and the
     * telemetry that opens a server span per REST request ({@link HttpTracing}; the channels should send the trace
     * context on, as {@code Startup.channel} does).
     */
    public static WebBffApp start(WebBffConfig config, Database database, ManagedChannel marketData,
                                  ManagedChannel candles, ManagedChannel gateway, Optional<OrderSide> orderSide,
                                  String appRoot, OpenTelemetry openTelemetry) {
        database.migrate("web", "classpath:db/migration/web");
        Clock clock = Clock.systemUTC();
        byte[] secret = config.jwtSecret().orElseGet(() -> {
            log.warn("{} not set: a random JWT secret was generated; access tokens will not survive a restart",
                    WebBffConfig.JWT_SECRET);
            byte[] b = new byte[32];
            new SecureRandom().nextBytes(b);
            return b;
        });
        TokenService tokens = new TokenService(secret, config.accessTtl(), clock);
        Users users = new Users(database.jdbi());
        RefreshTokens refresh = new RefreshTokens(database.jdbi(), config.refreshTtl(), clock);
        LoginThrottle throttle = new LoginThrottle(config.loginPerUserPerMinute(), config.loginPerAddressPerMinute(),
                TimeMeter.SYSTEM_NANOTIME);
        ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2, r -> {
            Thread t = new Thread(r, "web-bff-timers");
            t.setDaemon(true);
            return t;
        });
        TradeHub<TradeBatch> trades = new TradeHub<>(marketData, scheduler, TradeBatch::new);
        SessionWatch session = new SessionWatch(gateway, scheduler);
        session.start();
        MarketSocket.Shared shared = new MarketSocket.Shared(tokens, CandlesGrpc.newStub(candles),
                IndicatorsGrpc.newStub(candles), trades, session, scheduler, System::nanoTime,
                config.wsMaxUpdatesPerSecond(), config.wsMaxTradeUpdatesPerSecond(), config.wsQueue(), new OriginPolicy(config.allowedOrigins()));
        blackbox.web.ws.DeskSocket.Shared deskShared = new blackbox.web.ws.DeskSocket.Shared(tokens, orderSide, scheduler,
                config.wsQueue(), new OriginPolicy(config.allowedOrigins()));
        WebServer server = WebServer.builder()
                .host(config.host())
                .port(config.port())
                .shutdownHook(false)
                .routing(r -> WebRouting.setup(r.addFilter(new HttpTracing(openTelemetry)), config.allowedOrigins(), new SecurityFilter(tokens),
                        new AuthRoutes(users, tokens, refresh, throttle),
                        new MarketRoutes(marketData, candles, gateway, session, clock),
                        new DeskRoutes(orderSide, clock), new RiskRoutes(orderSide), new AppContent(appRoot, () -> true)))
                .addRouting(WsRouting.builder().endpoint("/ws/market", () -> new MarketSocket(shared))
                        .endpoint("/ws/desk", () -> new blackbox.web.ws.DeskSocket(deskShared)))
                .build()
                .start();
        log.info("web-bff listening on http://{}:{} (WebSocket /ws/market, {} updates/s per stream, trades {}/s)",
                config.host(), server.port(), config.wsMaxUpdatesPerSecond(), config.wsMaxTradeUpdatesPerSecond());
        return new WebBffApp(server, users, trades, session, scheduler);
    }

    /** The bound port (useful with port 0). */
    public int port() {
        return server.port();
    }

    /** The user store, e.g. for {@code blackbox up}'s demo users ({@link Users#ensure}). */
    public Users users() {
        return users;
    }

    /** Upstream trade streams open now: one per instrument watched by any browser. */
    public int openTradeStreams() {
        return trades.openStreams();
    }

    @Override
    public void close() {
        server.stop();
        trades.close();
        session.close();
        scheduler.shutdownNow();
    }
}
