package blackbox.cli;

import io.grpc.StatusRuntimeException;
import java.io.PrintWriter;
import picocli.CommandLine;

/** How a failure reads: one line on stderr, {@code blackbox <command>: <what went wrong>}, and an exit status. */
final class Errors {
    private Errors() {
    }

    static int onExecutionException(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
        PrintWriter err = cl.getErr();
        String prefix = prefix(cl);
        if (e instanceof CliException c) {
            err.println(prefix + c.getMessage());
            return c.exitCode();
        }
        if (e instanceof StatusRuntimeException s) {
            // a call not wrapped in Endpoint.call: the status still reads as one line
            err.println(prefix + "gRPC " + s.getStatus().getCode() + (s.getStatus().getDescription() == null ? ""
                    : ": " + s.getStatus().getDescription()));
            return CliException.FAILED;
        }
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int nl = message.indexOf('\n');
        err.println(prefix + (nl < 0 ? message : message.substring(0, nl)) + " (" + e.getClass().getSimpleName() + ")");
        return CliException.FAILED;
    }

    private static String prefix(CommandLine cl) {
        // a subcommand's own path: "blackbox order send: ..."
        return cl.getParent() == null ? "blackbox: " : cl.getCommandSpec().qualifiedName(" ") + ": ";
    }

    static int onParameterException(CommandLine.ParameterException e, String[] args) {
        CommandLine cl = e.getCommandLine();
        cl.getErr().println(prefix(cl) + e.getMessage() + " (try --help)");
        return CliException.USAGE;
    }
}
