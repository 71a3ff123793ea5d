package blackbox.web;

import blackbox.platform.db.Database;
import blackbox.platform.service.ServiceMain;
import blackbox.web.auth.Role;
import blackbox.web.core.InvalidInput;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Set;

/**
 * The web-bff process ({@code bin/web}), started by {@link ServiceMain}: configuration from the environment (a bad
 * value exits 2 naming the key), PostgreSQL, the channels to marketdata-svc, candle-svc and dll-gateway, the server
 * on {@code BLACKBOX_WEB_HOST:PORT}; on SIGTERM the server closes first, then the channels and the database.
 * {@code bin/web add-user USERNAME ROLE[,ROLE...]} creates a user with the password read from standard input.
 */
public final class WebBffMain {
    private WebBffMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0) {
            WebBffConfig config = ServiceMain.configure(WebBffConfig::from);
            System.exit(command(args, Database.connect(config.database())));
            return;
        }
        ServiceMain.run("web-bff", WebBffConfig::from, (config, startup) -> {
            Database database = startup.database(config.database());
            var marketData = startup.channel(config.marketDataTarget());
            var candles = startup.channel(config.candlesTarget());
            var gateway = startup.channel(config.gatewayTarget());
            java.util.Optional<blackbox.web.orders.OrderSide> side = java.util.Optional.empty();
            if (config.orderSide().isPresent()) {
                WebBffConfig.OrderSideTargets t = config.orderSide().get();
                blackbox.web.orders.DeskAccounts accounts;
                try {
                    accounts = blackbox.web.orders.DeskAccounts.read(t.accounts());
                } catch (IllegalArgumentException e) {
                    throw new blackbox.platform.config.ConfigException(WebBffConfig.ACCOUNTS, e.getMessage());
                }
                side = java.util.Optional.of(new blackbox.web.orders.OrderSide(startup.channel(t.oms()), startup.channel(t.risk()),
                        startup.channel(t.positions()), accounts, t.desk()));
            }
            startup.closeOnShutdown("web-bff", WebBffApp.start(config, database, marketData, candles, gateway, side,
                    blackbox.web.http.AppContent.ROOT, startup.telemetry().openTelemetry()));
        });
    }

    private static int command(String[] args, Database database) throws Exception {
        try {
            if (args[0].equals("add-user") && args.length == 3) {
                database.migrate("web", "classpath:db/migration/web");
                Set<Role> roles = EnumSet.noneOf(Role.class);
                for (String r : args[2].split(",")) roles.add(Role.parse(r));
                System.err.print("password for " + args[1] + ": ");
                String password = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
                new blackbox.web.auth.Users(database.jdbi()).create(args[1], password, roles);
                System.err.println("created " + args[1] + " " + roles);
                return 0;
            }
            System.err.println("usage: bin/web                       start the server\n"
                    + "       bin/web add-user NAME ROLES   create a user (roles: viewer,trader,risk,admin; password on stdin)");
            return 2;
        } catch (InvalidInput e) {
            System.err.println("error: " + e.getMessage());
            return 2;
        } finally {
            database.close();
        }
    }
}
