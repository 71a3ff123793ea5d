package blackbox.gateway.replay;

/** Told how far an import has read; called on the importing thread, about every MiB and at each file's end. */
@FunctionalInterface
public interface ImportProgress {
    ImportProgress NONE = (read, total) -> { };

    /** @param bytesRead bytes of input read so far, over all files; @param totalBytes the inputs' total size */
    void bytesRead(long bytesRead, long totalBytes);
}
