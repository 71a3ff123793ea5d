package blackbox.cli.commands;

import blackbox.cli.ClientOptions;
import blackbox.cli.Endpoint;
import blackbox.cli.Service;
import io.grpc.ManagedChannel;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** A command that talks to a running stack: its options, output streams, and one channel per service it calls. */
abstract class ClientCommand implements Callable<Integer>, blackbox.cli.Main.NeedsEnvironment {
    @Spec
    CommandSpec spec;

    @Mixin
    ClientOptions client;

    java.util.Map<String, String> environment = System.getenv();

    @Override
    public void environment(java.util.Map<String, String> environment) {
        this.environment = environment;
    }

    /** Bars on a terminal, a line per phase elsewhere ({@link blackbox.cli.Progress.Mode#of}). */
    blackbox.cli.Progress.Mode progressMode() {
        return blackbox.cli.Progress.Mode.of(environment);
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }

    /** The service this command mostly talks to (a bare {@code --endpoint HOST:PORT} names it). */
    abstract Service primary();

    Endpoint endpoint(Service service) {
        return client.endpoint(service, primary(), environment);
    }

    /** Runs {@code work} with a channel to {@code service}, closed afterwards. */
    <T> T with(Service service, Function<Connection, T> work) {
        Endpoint endpoint = endpoint(service);
        ManagedChannel channel = endpoint.open();
        try {
            return work.apply(new Connection(endpoint, channel));
        } finally {
            Endpoint.close(channel);
        }
    }

    /** An endpoint and an open channel to it. */
    record Connection(Endpoint endpoint, ManagedChannel channel) {
    }
}
