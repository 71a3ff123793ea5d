package blackbox.gateway.replay;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;

/**
 * The instruments of replay files (every ticker and exchange a row names): what the simulator knows after loading
 * them. Reads only the first three columns of each row, a file at a time.
 */
public final class ReplayInstruments {
    private ReplayInstruments() {
    }

    /**
     * @return the instruments, by ticker then exchange
     * @throws IOException when a file cannot be read, or is not {@code blackbox-replay v1} (its first line names the
     *     format)
     */
    public static List<Instrument> of(List<Path> files) throws IOException {
        TreeSet<Instrument> out = new TreeSet<>();
        for (Path file : files) {
            try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                String magic = in.readLine();
                if (!ReplayFormat.MAGIC.equals(magic)) {
                    throw new IOException("line 1 must be \"" + ReplayFormat.MAGIC + "\": " + file + " has " + magic);
                }
                String previousTicker = "";
                String previousExchange = "";
                for (String line; (line = in.readLine()) != null; ) {
                    if (line.isEmpty() || line.startsWith("#") || line.startsWith("ts_nanos,")) continue;
                    int a = line.indexOf(',');
                    int b = a < 0 ? -1 : line.indexOf(',', a + 1);
                    int c = b < 0 ? -1 : line.indexOf(',', b + 1);
                    if (c < 0) continue; // the simulator refuses such a file; it lists nothing here
                    String ticker = line.substring(a + 1, b);
                    String exchange = line.substring(b + 1, c);
                    // rows of one instrument come in runs: only a change of instrument costs a set lookup
                    if (ticker.equals(previousTicker) && exchange.equals(previousExchange)) continue;
                    previousTicker = ticker;
                    previousExchange = exchange;
                    out.add(new Instrument(ticker, exchange));
                }
            }
        }
        return List.copyOf(out);
    }
}
