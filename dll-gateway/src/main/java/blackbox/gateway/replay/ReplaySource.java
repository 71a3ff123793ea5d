package blackbox.gateway.replay;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Reads one source format. An instance keeps state across the files of one import (B3 trade numbering),
 * so use a new instance per import.
 */
public interface ReplaySource {
    /**
     * Reads every row of {@code file} from {@code in}, giving each to {@code sink} as an event or an error.
     *
     * @throws ReplayException when the file is not of this format at all (wrong header, unknown name prefix)
     * @throws IOException     when reading fails
     */
    void read(Path file, BufferedReader in, ImportSink sink) throws IOException;
}
