package blackbox.cli.commands;

import blackbox.cli.ClientOptions;
import blackbox.cli.Credentials;
import blackbox.cli.Main;
import java.io.PrintWriter;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A command that talks to web-bff's REST API as a logged-in user ({@link Credentials}): a bare
 * {@code --endpoint HOST:PORT} names web-bff.
 */
abstract class WebCommand implements Callable<Integer>, Main.NeedsEnvironment {
    @Spec
    CommandSpec spec;

    @Mixin
    ClientOptions client;

    Map<String, String> environment = System.getenv();

    @Override
    public void environment(Map<String, String> environment) {
        this.environment = environment;
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }

    /** web-bff's address from {@code --endpoint} or the running stack, if either says. */
    Optional<String> webUrl() {
        return client.webUrl(true);
    }

    /** The user's session (close it): from the environment, else the saved login. */
    Credentials.Session session() {
        return Credentials.obtain(environment, webUrl());
    }
}
