package blackbox.platform.security;

import io.grpc.ChannelCredentials;
import io.grpc.ServerCredentials;
import io.grpc.TlsChannelCredentials;
import io.grpc.TlsServerCredentials;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketAddress;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * One caller's mutual TLS: its servers present its certificate and let through only callers the stack's CA issued a
 * certificate to, for the RPCs {@link CallerPolicy#blackbox()} lets them call ({@link CallerAuthorization}); its
 * channels present its certificate and trust only servers the same CA issued one to (host name checked against the
 * certificate's names: {@code localhost}, {@code 127.0.0.1} and the identity).
 */
public final class MutualTls {
    private final TlsFiles files;
    private final String identity;
    private final X509TrustManager stackCa;

    private MutualTls(TlsFiles files, String identity, X509TrustManager stackCa) {
        this.files = files;
        this.identity = identity;
        this.stackCa = stackCa;
    }

    /**
     * Reads the files (the key is read by gRPC when a server or channel is built).
     *
     * @throws IllegalArgumentException naming the file that is not a PEM certificate
     * @throws UncheckedIOException naming the file that cannot be read
     */
    public static MutualTls load(TlsFiles files) {
        X509Certificate own = CertificateAuthority.readCertificate(files.certificate());
        X509Certificate ca = CertificateAuthority.readCertificate(files.trustedCa());
        String identity = CallerAuthorization.commonName(own.getSubjectX500Principal().getName());
        if (identity == null) throw new IllegalArgumentException(files.certificate() + ": the certificate names no CN");
        return new MutualTls(files, identity, trusting(ca));
    }

    /** The identity this caller presents: its certificate's CN. */
    public String identity() {
        return identity;
    }

    public TlsFiles files() {
        return files;
    }

    /** A server builder on {@code address} over TLS, every call gated by {@link CallerAuthorization}. */
    public NettyServerBuilder server(SocketAddress address) {
        return NettyServerBuilder.forAddress(address, serverCredentials()).intercept(new CallerAuthorization(stackCa, CallerPolicy.blackbox()));
    }

    /** A channel builder to {@code target} ({@code host:port}) over TLS, presenting this identity. */
    public NettyChannelBuilder channel(String target) {
        return NettyChannelBuilder.forTarget(target, channelCredentials());
    }

    /**
     * The server side: this certificate; client certificates requested and accepted at the handshake, checked by
     * {@link CallerAuthorization} (so that a caller without one, or with another CA's, reads UNAUTHENTICATED).
     */
    public ServerCredentials serverCredentials() {
        try {
            return TlsServerCredentials.newBuilder()
                    .keyManager(files.certificate().toFile(), files.privateKey().toFile())
                    .trustManager(new AcceptAtHandshake())
                    .clientAuth(TlsServerCredentials.ClientAuth.OPTIONAL)
                    .build();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + files.certificate() + " or " + files.privateKey(), e);
        }
    }

    /** The client side: this certificate, and only the stack's CA trusted. */
    public ChannelCredentials channelCredentials() {
        try {
            return TlsChannelCredentials.newBuilder()
                    .keyManager(files.certificate().toFile(), files.privateKey().toFile())
                    .trustManager(files.trustedCa().toFile())
                    .build();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + files.certificate() + ", " + files.privateKey() + " or " + files.trustedCa(), e);
        }
    }

    /** The JDK's PKIX trust manager with {@code ca} as the only anchor. */
    static X509TrustManager trusting(X509Certificate ca) {
        try {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            store.setCertificateEntry("blackbox-ca", ca);
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(store);
            for (TrustManager m : factory.getTrustManagers()) {
                if (m instanceof X509TrustManager x) return x;
            }
            throw new IllegalStateException("the JDK offers no X509TrustManager");
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot trust " + ca.getSubjectX500Principal() + ": " + e, e);
        }
    }

    /**
     * The server's handshake trust: any client certificate (the proof that the client holds its key is still TLS's),
     * no accepted issuers named so that a client presents whatever it has. Never used to check a server.
     */
    private static final class AcceptAtHandshake extends X509ExtendedTrustManager {
        @Override public void checkClientTrusted(X509Certificate[] chain, String authType) { }
        @Override public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) { }
        @Override public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) { }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException("a server-side trust manager checks no servers");
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
            checkServerTrusted(chain, authType);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
            checkServerTrusted(chain, authType);
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
