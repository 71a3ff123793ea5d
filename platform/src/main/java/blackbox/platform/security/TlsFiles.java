package blackbox.platform.security;

import blackbox.platform.config.Config;
import blackbox.platform.config.ConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where one caller's mutual-TLS material lives: its certificate (PEM, the leaf first), its private key (PEM,
 * PKCS#8) and the CA certificate (PEM) every peer's certificate must be issued by.
 */
public record TlsFiles(Path certificate, Path privateKey, Path trustedCa) {
    public static final String CERT = "BLACKBOX_TLS_CERT";
    public static final String KEY = "BLACKBOX_TLS_KEY";
    public static final String CA = "BLACKBOX_TLS_CA";

    /**
     * The files named by {@value #CERT}, {@value #KEY} and {@value #CA}: all three, or none (empty: plain text).
     *
     * @throws ConfigException naming the key that is missing while the others are set, or whose file cannot be read
     */
    public static Optional<TlsFiles> from(Config config) {
        Optional<String> cert = config.find(CERT).filter(s -> !s.isBlank());
        Optional<String> key = config.find(KEY).filter(s -> !s.isBlank());
        Optional<String> ca = config.find(CA).filter(s -> !s.isBlank());
        if (cert.isEmpty() && key.isEmpty() && ca.isEmpty()) return Optional.empty();
        return Optional.of(new TlsFiles(readable(CERT, cert), readable(KEY, key), readable(CA, ca)));
    }

    private static Path readable(String key, Optional<String> value) {
        if (value.isEmpty()) {
            throw new ConfigException(key, "must be set with the other TLS files (" + CERT + ", " + KEY + ", " + CA + ")");
        }
        Path path = Path.of(value.get());
        if (!Files.isReadable(path)) throw Config.invalid(key, value.get(), "must be a readable PEM file");
        return path;
    }
}
