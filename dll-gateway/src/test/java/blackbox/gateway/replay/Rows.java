package blackbox.gateway.replay;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Test helpers: runs a source over literal text and keeps what it produced; finds the repository. */
final class Rows implements ImportSink {
    final List<ReplayEvent> events = new ArrayList<>();
    final List<RowError> errors = new ArrayList<>();
    final List<String> notes = new ArrayList<>();

    static Rows read(ReplaySource source, String fileName, String text) {
        Rows rows = new Rows();
        rows.readMore(source, fileName, text);
        return rows;
    }

    Rows readMore(ReplaySource source, String fileName, String text) {
        try {
            source.read(Path.of(fileName), new BufferedReader(new StringReader(text)), this);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    ReplayEvent only() {
        if (events.size() != 1 || !errors.isEmpty()) {
            throw new AssertionError("expected one event, got " + events + " and " + errors);
        }
        return events.getFirst();
    }

    RowError onlyError() {
        if (errors.size() != 1) {
            throw new AssertionError("expected one error, got " + errors);
        }
        return errors.getFirst();
    }

    @Override
    public void accept(ReplayEvent event) {
        events.add(event);
    }

    @Override
    public void reject(RowError error) {
        errors.add(error);
    }

    @Override
    public void note(String note) {
        notes.add(note);
    }

    /** The repository root: {@code blackbox.repo.root} (set by surefire), else walking up from the working dir. */
    static Path repoRoot() {
        String property = System.getProperty("blackbox.repo.root");
        if (property != null && !property.isBlank()) {
            return Path.of(property).toAbsolutePath().normalize();
        }
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("dll-gateway")) && Files.isRegularFile(p.resolve("pom.xml"))) {
                return p;
            }
        }
        throw new IllegalStateException("repository root not found from " + Path.of("").toAbsolutePath());
    }
}
