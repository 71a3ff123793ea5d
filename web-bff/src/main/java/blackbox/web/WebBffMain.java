package blackbox.web;

import blackbox.platform.Logging;
import blackbox.platform.config.Config;
import blackbox.platform.config.ConfigException;
import blackbox.platform.db.Database;
import blackbox.web.auth.Role;
import blackbox.web.core.InvalidInput;
import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

/**
 * The web-bff process ({@code bin/web}). Configuration from the environment; a bad value exits 2 naming the key.
 * {@code bin/web add-user USERNAME ROLE[,ROLE...]} creates a user with the password read from standard input.
 */
public final class WebBffMain {
    private WebBffMain() {
    }

    public static void main(String[] args) throws Exception {
        Config raw = Config.fromEnvironment();
        WebBffConfig config;
        try {
            Logging.configure(raw);
            config = WebBffConfig.from(raw);
        } catch (ConfigException e) {
            System.err.println("configuration error: " + e.getMessage());
            System.exit(2);
            return;
        }
        Database database = Database.connect(config.database());
        if (args.length > 0) {
            System.exit(command(args, database));
            return;
        }
        database.embeddedServer().ifPresent(server -> server.handOverShutdown());
        ManagedChannel marketData = channel(config.marketDataTarget());
        ManagedChannel candles = channel(config.candlesTarget());
        ManagedChannel gateway = channel(config.gatewayTarget());
        WebBffApp app = WebBffApp.start(config, database, marketData, candles, gateway);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            app.close();
            marketData.shutdownNow();
            candles.shutdownNow();
            gateway.shutdownNow();
            database.close();
            stopped.countDown();
        }, "shutdown"));
        stopped.await();
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

    private static ManagedChannel channel(String target) {
        return NettyChannelBuilder.forTarget(target).usePlaintext().maxInboundMessageSize(64 * 1024 * 1024).build();
    }
}
