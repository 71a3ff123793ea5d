package blackbox.cli.commands;

import blackbox.cli.CliException;
import blackbox.cli.Progress;
import blackbox.gateway.replay.ImportMain;
import blackbox.gateway.replay.ImportReport;
import blackbox.gateway.replay.ReplayException;
import blackbox.gateway.replay.ReplayImporter;
import blackbox.gateway.replay.ReplaySource;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code blackbox import}: trade files into one replay file for {@code blackbox up --replay}. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Converts trade files (all of one format) into one blackbox-replay v1 file sorted by time,"
                + " with a progress bar and a summary. Rejected rows are counted and the first ones shown.")
public final class ImportCommand implements Callable<Integer>, blackbox.cli.Main.NeedsEnvironment {
    @Spec
    CommandSpec spec;

    private java.util.Map<String, String> environment = System.getenv();

    @Override
    public void environment(java.util.Map<String, String> environment) {
        this.environment = environment;
    }

    @Option(names = "--format", required = true, paramLabel = "b3-umdf|binance|csv",
            completionCandidates = Formats.class,
            description = "b3-umdf: B3 UMDF CSV (BTG); binance: Binance trade CSV (spot_*, usdm_*, cm_*); csv: any CSV through --mapping")
    String format;

    @Option(names = "--mapping", paramLabel = "TEXT",
            description = "for --format csv, e.g. ts=time:epoch_ms,price=px,quantity=qty,side=side:B/S,ticker=@PETR4,exchange=@B")
    String mapping;

    @Option(names = "--binance-qty-scale", paramLabel = "N", description = "multiply Binance quantities by N (default 10^8 spot/usdm, 1 cm)")
    Long binanceQtyScale;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "the replay file, replaced only when the import completes")
    Path out;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "the input files")
    List<Path> inputs;

    static final class Formats extends java.util.ArrayList<String> {
        Formats() {
            super(List.of("b3-umdf", "binance", "csv"));
        }
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter outWriter = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        for (Path p : inputs) {
            if (!Files.isRegularFile(p)) throw CliException.usage("no such file: " + p);
        }
        if (mapping != null && !format.equals("csv")) throw CliException.usage("--mapping is only for --format csv");
        if (binanceQtyScale != null && (!format.equals("binance") || binanceQtyScale <= 0)) {
            throw CliException.usage("must be an integer > 0, with --format binance only: --binance-qty-scale=" + binanceQtyScale);
        }
        ReplaySource source;
        try {
            source = ImportMain.source(format, mapping, binanceQtyScale);
        } catch (ReplayException e) {
            throw CliException.usage(e.getMessage());
        }
        long total = 0;
        for (Path p : inputs) total += Files.size(p);
        ImportReport report;
        try (Progress.Phase bar = Progress.phase(err, Progress.Mode.of(environment), "import", total, " MiB", 1 << 20)) {
            report = new ReplayImporter(source, (read, all) -> bar.stepTo(read)).importFiles(inputs, out);
            bar.stepTo(total);
        } catch (ReplayException e) {
            throw new CliException("import failed, nothing written: " + e.getMessage());
        }
        ByteArrayOutputStream summary = new ByteArrayOutputStream();
        try (PrintStream ps = new PrintStream(summary, true, StandardCharsets.UTF_8)) {
            ImportMain.print(report, ps);
        }
        outWriter.print(summary.toString(StandardCharsets.UTF_8));
        outWriter.println("replay it: ./blackbox up --replay " + out + " --speed 10x");
        outWriter.flush();
        return 0;
    }
}
