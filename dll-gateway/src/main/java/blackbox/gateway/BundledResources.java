package blackbox.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Files the gateway jar carries (the simulator library, the sample replay) copied out to a temporary
 * folder, because a shared library and the simulator's replay files must be real files.
 */
final class BundledResources {
    static final String SIMULATOR = "/native/linux-x86_64/libprofitdll-sim.so";
    static final String SAMPLE_REPLAY = "/replay/binance-spot-sample.replay.csv";
    /** The simulator's demo roster (native/sim/demo-roster.csv): 24 client accounts, passwords "demo123". */
    static final String DEMO_ROSTER = "/sim/demo-roster.csv";

    private BundledResources() {
    }

    /** Copies a classpath resource to a new temporary file deleted at exit. */
    static Path extract(String resource) {
        try (InputStream in = BundledResources.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("resource " + resource + " is not in the gateway jar: build with bin/mvn install");
            }
            Path dir = Files.createTempDirectory("blackbox-gateway");
            Path file = dir.resolve(resource.substring(resource.lastIndexOf('/') + 1));
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            file.toFile().deleteOnExit();
            dir.toFile().deleteOnExit();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot extract " + resource, e);
        }
    }
}
