package blackbox.web.testing;

import blackbox.candles.testing.CandlePart;
import blackbox.gateway.testing.GatewayPart;
import blackbox.marketdata.testing.MarketDataPart;
import blackbox.platform.config.Config;
import blackbox.testkit.Part;
import blackbox.testkit.TestStack;
import blackbox.web.WebBffApp;
import blackbox.web.WebBffConfig;
import blackbox.web.auth.Role;
import java.util.EnumSet;
import java.util.Map;

/**
 * web-bff as a part of a {@link TestStack}: on the stack's database (schema {@code web}), talking to the
 * marketdata-svc, candle-svc and dll-gateway parts over in-process gRPC, serving HTTP on a free port of 127.0.0.1
 * with a fixed JWT secret ({@link #SECRET}), the origin {@link #ORIGIN} allowed, {@link #LOGINS_PER_USER} logins a
 * minute per user, and the users {@code alice} (trader), {@code bob} (viewer) and {@code root} (admin), all with
 * {@link #PASSWORD}. Overrides are {@link WebBffConfig} keys.
 */
public final class WebPart extends Part<WebBffApp> {
    public static final String NAME = "web-bff";
    /** The class-path folder of the small test page the component tests are served. */
    public static final String TEST_APP = "blackbox/web/testapp/";
    public static final String SECRET = "test-secret-test-secret-test-secret!";
    public static final String PASSWORD = "correct horse battery";
    public static final String ORIGIN = "http://app.example:5173";
    public static final int LOGINS_PER_USER = 10;

    private final String appRoot;
    private java.nio.file.Path accounts;

    private WebPart(TestStack stack, String appRoot) {
        super(stack, NAME, WebBffApp.class);
        this.appRoot = appRoot;
    }

    /**
     * With the order side: oms-svc, risk-svc and positions-svc are the stack's parts of those names, the accounts
     * those of {@code accountsFile} (oms-svc's format or the simulator's roster), the desk {@code mesa}; the user
     * {@code rita} (risk) is added.
     */
    public WebPart withOrderSide(java.nio.file.Path accountsFile) {
        this.accounts = accountsFile;
        return this;
    }

    /** The web-bff part of {@code stack}, serving the test page {@link #TEST_APP}. */
    public static WebPart on(TestStack stack) {
        return on(stack, TEST_APP);
    }

    /** The web-bff part of {@code stack}, serving the web app from the class-path folder {@code appRoot}. */
    public static WebPart on(TestStack stack, String appRoot) {
        return new WebPart(stack, appRoot);
    }

    @Override
    protected Map<String, String> defaults() {
        return Map.of(
                WebBffConfig.HOST, "127.0.0.1",
                WebBffConfig.PORT, "0",
                WebBffConfig.JWT_SECRET, SECRET,
                WebBffConfig.ALLOWED_ORIGINS, ORIGIN,
                WebBffConfig.LOGIN_PER_ADDRESS, "1000",
                WebBffConfig.LOGIN_PER_USER, String.valueOf(LOGINS_PER_USER));
    }

    @Override
    protected WebBffApp launch(Config config) {
        java.util.Optional<blackbox.web.orders.OrderSide> side = accounts == null ? java.util.Optional.empty()
                : java.util.Optional.of(new blackbox.web.orders.OrderSide(stack().channel("oms-svc"), stack().channel("risk-svc"),
                        stack().channel("positions-svc"), blackbox.web.orders.DeskAccounts.read(accounts),
                        blackbox.web.orders.DeskAccounts.ROSTER_DESK));
        return WebBffApp.start(WebBffConfig.from(config), stack().database(), stack().channel(MarketDataPart.NAME),
                stack().channel(CandlePart.NAME), stack().channel(GatewayPart.NAME), side, appRoot,
                stack().telemetry().openTelemetry());
    }

    @Override
    protected void awaitReady(WebBffApp web) {
        web.users().ensure("alice", PASSWORD, EnumSet.of(Role.TRADER));
        web.users().ensure("bob", PASSWORD, EnumSet.of(Role.VIEWER));
        web.users().ensure("root", PASSWORD, EnumSet.of(Role.ADMIN));
        if (accounts != null) web.users().ensure("rita", PASSWORD, EnumSet.of(Role.RISK));
    }

    /**
     * The whole chain behind web-bff, each part on its test defaults: the gateway (tape held) with
     * {@code gatewayOverrides}, marketdata-svc, candle-svc, then web-bff with {@code webOverrides}.
     *
     * @return the running web-bff
     */
    public WebBffApp startWithUpstream(Map<String, String> gatewayOverrides, Map<String, String> webOverrides)
            throws Exception {
        CandlePart.on(stack()).startWithUpstream(gatewayOverrides, Map.of());
        return start(webOverrides);
    }

    /** The running server. */
    public WebBffApp app() {
        return instance();
    }

    /** {@code http://127.0.0.1:<port>} of the running server. */
    public String base() {
        return "http://127.0.0.1:" + app().port();
    }
}
