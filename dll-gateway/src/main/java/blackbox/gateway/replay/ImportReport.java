package blackbox.gateway.replay;

import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import java.util.SortedMap;

/**
 * What an import did. {@code rowsRead = rowsWritten + rowsRejected}; every rejected row is counted, the
 * first {@link ReplayImporter#MAX_ERROR_DETAILS} are kept in {@code firstErrors}.
 *
 * @param eventsPerInstrument rows written per instrument
 * @param firstTsNanos        the earliest written ts, empty when nothing was written
 * @param lastTsNanos         the latest written ts, empty when nothing was written
 * @param notes               remarks from the sources (quantity scales, empty files)
 */
public record ImportReport(Path output, long rowsRead, long rowsWritten, long rowsRejected,
                           SortedMap<Instrument, Long> eventsPerInstrument, OptionalLong firstTsNanos,
                           OptionalLong lastTsNanos, List<RowError> firstErrors, List<String> notes) {
    public ImportReport {
        eventsPerInstrument = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(eventsPerInstrument));
        firstErrors = List.copyOf(firstErrors);
        notes = List.copyOf(notes);
    }
}
