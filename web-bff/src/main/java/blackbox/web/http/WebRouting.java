package blackbox.web.http;

import io.helidon.cors.CrossOriginConfig;
import io.helidon.webserver.cors.CorsSupport;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.HttpService;
import java.util.List;

/**
 * The HTTP routing, shared by {@code WebBffApp} and tests: filter, CORS, API, errors, app, and last the answer to a
 * request no route took: 405 with {@code Allow} for a known path, else 404 (a problem either way, never an error).
 */
public final class WebRouting {
    private WebRouting() {
    }

    public static void setup(HttpRouting.Builder routing, List<String> allowedOrigins, SecurityFilter security,
                             AuthRoutes auth, MarketRoutes market, AppContent app) {
        setup(routing, allowedOrigins, security, auth, market, new DeskRoutes(java.util.Optional.empty(), java.time.Clock.systemUTC()),
                new RiskRoutes(java.util.Optional.empty()), app);
    }

    /** With the order side's routes (accounts, orders, blocks, positions, balances, risk). */
    public static void setup(HttpRouting.Builder routing, List<String> allowedOrigins, SecurityFilter security,
                             AuthRoutes auth, MarketRoutes market, DeskRoutes desk, RiskRoutes risk, AppContent app) {
        // no configured origin: only same-origin pages (the app web-bff serves) may call; a placeholder that no
        // browser sends keeps CORS from defaulting to "*"
        String[] origins = allowedOrigins.isEmpty() ? new String[] {"null-origin.invalid"} : allowedOrigins.toArray(String[]::new);
        CorsSupport cors = CorsSupport.builder()
                .addCrossOrigin(CrossOriginConfig.builder()
                        .allowOrigins(origins)
                        .allowMethods("GET", "POST", "PUT", "DELETE")
                        .allowHeaders("Authorization", "Content-Type")
                        .allowCredentials(false)
                        .maxAgeSeconds(600)
                        .build())
                .build();
        RouteTable table = new RouteTable();
        table.reserve(SecurityFilter.API + "/");
        table.reserve("/ws/");
        routing.addFilter(security);
        HttpService api = rules -> {
            Routes routes = new Routes(rules, SecurityFilter.API, table);
            auth.routes(routes);
            market.routes(routes);
            desk.routes(routes);
            risk.routes(routes);
        };
        routing.register(SecurityFilter.API, cors, api);
        Problems.install(routing);
        routing.register(rules -> app.routes(new Routes(rules, "", table)));
        routing.any(new Unmatched(table));
    }
}
