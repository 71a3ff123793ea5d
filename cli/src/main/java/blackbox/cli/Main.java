package blackbox.cli;

import blackbox.cli.commands.BackfillCommand;
import blackbox.cli.commands.CandlesCommand;
import blackbox.cli.commands.ImportCommand;
import blackbox.cli.commands.IndicatorsCommand;
import blackbox.cli.commands.LoginCommand;
import blackbox.cli.commands.LogoutCommand;
import blackbox.cli.commands.StatusCommand;
import blackbox.cli.commands.SubscribeCommand;
import blackbox.cli.commands.SubscriptionsCommand;
import blackbox.cli.commands.UnsubscribeCommand;
import blackbox.cli.commands.UpCommand;
import java.io.PrintWriter;
import java.util.Map;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code blackbox} command. */
@Command(name = "blackbox", mixinStandardHelpOptions = true, version = "blackbox 0.1.0",
        description = "BlackBox: start the whole stack on this machine, and look at and steer a running one.",
        subcommands = {UpCommand.class, ImportCommand.class, StatusCommand.class, LoginCommand.class,
                LogoutCommand.class, SubscribeCommand.class,
                UnsubscribeCommand.class, SubscriptionsCommand.class, CandlesCommand.class, IndicatorsCommand.class,
                BackfillCommand.class, blackbox.cli.desk.AccountsCommand.class, blackbox.cli.desk.OrderCommand.class,
                blackbox.cli.desk.OrdersCommand.class, blackbox.cli.desk.BlockCommand.class,
                blackbox.cli.desk.PositionsCommand.class, blackbox.cli.desk.BalancesCommand.class,
                blackbox.cli.desk.RiskCommand.class, blackbox.cli.desk.SwitchCommands.Halt.class,
                blackbox.cli.desk.SwitchCommands.Reduce.class, blackbox.cli.desk.SwitchCommands.Resume.class,
                blackbox.cli.desk.SwitchCommands.Panic.class})
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        int code = commandLine(out, err, System.getenv()).execute(args);
        // `up` returns only once it has stopped; every other command is done: end the JVM even if a library
        // thread (gRPC, Netty) lingers
        System.exit(code);
    }

    /**
     * The command line with its output streams, environment and error handling: a failure is ONE line on
     * {@code err} and a non-zero exit status (2 bad usage, 1 anything else), never a stack trace.
     */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err, Map<String, String> environment) {
        CommandLine cl = new CommandLine(new Main(), new Factory(environment));
        cl.addSubcommand("completion", new AutoComplete.GenerateCompletion());
        cl.getSubcommands().get("completion").getCommandSpec().usageMessage()
                .description("Prints a bash/zsh completion script: source <(blackbox completion)");
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler(Errors::onExecutionException);
        cl.setParameterExceptionHandler(Errors::onParameterException);
        return cl;
    }

    /** Gives commands the environment (tests pass their own). */
    private record Factory(Map<String, String> environment) implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> cls) throws Exception {
            K instance = CommandLine.defaultFactory().create(cls);
            if (instance instanceof NeedsEnvironment n) n.environment(environment);
            return instance;
        }
    }

    /** A command that reads the environment (e.g. {@code BLACKBOX_USER}, {@code XDG_CONFIG_HOME}). */
    public interface NeedsEnvironment {
        void environment(Map<String, String> environment);
    }
}
