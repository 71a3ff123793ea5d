package blackbox.bench.web;

import java.nio.file.Path;
import java.util.List;

/**
 * The services under measurement, wherever they run: their loopback gRPC/HTTP ports, users, and the tape's start.
 * {@link InProcessStack} runs them in the bench's JVM (gRPC over loopback Netty between them), {@link ProcessStack}
 * as separate JVMs started the way {@code bin/*} start them, as production runs them.
 */
interface BenchStack extends AutoCloseable {
    int gatewayPort();

    int marketdataPort();

    int candlesPort();

    int webPort();

    /** Creates a web-bff user with the trader role. */
    void addTrader(String username, String password) throws Exception;

    /** Starts the tape (a no-op where the tape starts by itself at the first subscription); returns the DLL's code. */
    int startReplay();

    /** How many upstream trade streams web-bff holds, or -1 where it cannot be asked. */
    int webTradeStreams();

    /** Whether candle-svc's trade feed is connected (true where it cannot be asked: the bench then waits a little). */
    boolean candleFeedConnected();

    /** The settings both stacks apply, named as the bench's options. */
    record Settings(List<Path> replayFiles, String speed, int rate, int tradeRate, String library) {
    }
}
