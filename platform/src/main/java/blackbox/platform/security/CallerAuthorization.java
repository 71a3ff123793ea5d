package blackbox.platform.security;

import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Grpc;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;
import javax.net.ssl.X509TrustManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gate in front of every RPC of a mutual-TLS server: the caller's certificate must be issued by the stack's CA
 * (else UNAUTHENTICATED), and its identity (the certificate's CN) on the {@link CallerPolicy} list of the RPC (else
 * PERMISSION_DENIED). The handshake itself accepts any client certificate ({@link MutualTls}): checking the chain
 * here is what lets a refused caller read why instead of a broken connection. An accepted call runs with
 * {@link #CALLER} set to the identity.
 *
 * <p>Each refusal is logged once per (identity, method, status); the identity is checked once per TLS session. Called
 * on gRPC's transport threads; thread-safe.
 */
public final class CallerAuthorization implements ServerInterceptor {
    private static final Logger log = LoggerFactory.getLogger(CallerAuthorization.class);
    /** The identity of the caller of the current call. */
    public static final Context.Key<String> CALLER = Context.key("blackbox.caller");
    private static final String SESSION_KEY = "blackbox.caller";
    private static final int MAX_LOGGED = 10_000;

    private final X509TrustManager stackCa;
    private final CallerPolicy policy;
    private final Set<String> logged = ConcurrentHashMap.newKeySet();

    /**
     * @param stackCa validates a caller's chain against the stack's CA alone
     */
    public CallerAuthorization(X509TrustManager stackCa, CallerPolicy policy) {
        this.stackCa = stackCa;
        this.policy = policy;
    }

    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
        String method = call.getMethodDescriptor().getFullMethodName();
        SSLSession session = call.getAttributes().get(Grpc.TRANSPORT_ATTR_SSL_SESSION);
        Caller caller = session == null ? new Refused("-", "not a TLS connection") : caller(session);
        return switch (caller) {
            case Refused(String who, String why) -> refuse(call, Status.UNAUTHENTICATED, who, method, why);
            case Identified(String identity) when !policy.allows(identity, method) ->
                    refuse(call, Status.PERMISSION_DENIED, identity, method, identity + " may not call " + method);
            case Identified(String identity) -> Contexts.interceptCall(Context.current().withValue(CALLER, identity), call, headers, next);
        };
    }

    private sealed interface Caller {
    }

    private record Identified(String identity) implements Caller {
    }

    /** @param who the certificate's subject, or "-" without one */
    private record Refused(String who, String why) implements Caller {
    }

    private Caller caller(SSLSession session) {
        Object known = sessionValue(session);
        if (known instanceof Caller c) return c;
        Caller c = identify(session);
        try {
            session.putValue(SESSION_KEY, c);
        } catch (UnsupportedOperationException e) {
            // a TLS provider whose sessions keep no values: the chain is checked again on the next call
        }
        return c;
    }

    private static Object sessionValue(SSLSession session) {
        try {
            return session.getValue(SESSION_KEY);
        } catch (UnsupportedOperationException e) {
            return null; // as above: nothing kept, checked again
        }
    }

    private Caller identify(SSLSession session) {
        Certificate[] peer;
        try {
            peer = session.getPeerCertificates();
        } catch (SSLPeerUnverifiedException e) {
            return new Refused("-", "no client certificate");
        }
        if (peer.length == 0 || !(peer[0] instanceof X509Certificate)) return new Refused("-", "no client certificate");
        X509Certificate[] chain = new X509Certificate[peer.length];
        for (int i = 0; i < peer.length; i++) chain[i] = (X509Certificate) peer[i];
        String subject = chain[0].getSubjectX500Principal().getName();
        try {
            stackCa.checkClientTrusted(chain, chain[0].getPublicKey().getAlgorithm());
        } catch (CertificateException e) {
            return new Refused(subject, "certificate " + subject + " is not one this stack's CA issued (" + e.getMessage() + ")");
        }
        String cn = commonName(subject);
        return cn == null ? new Refused(subject, "certificate " + subject + " names no CN") : new Identified(cn);
    }

    static String commonName(String subject) {
        try {
            for (Rdn rdn : new LdapName(subject).getRdns()) {
                if (rdn.getType().equalsIgnoreCase("CN")) return rdn.getValue().toString();
            }
        } catch (InvalidNameException e) {
            return null;
        }
        return null;
    }

    private <Q, R> ServerCall.Listener<Q> refuse(ServerCall<Q, R> call, Status status, String who, String method, String why) {
        String key = status.getCode() + " " + who + " " + method;
        if (logged.size() < MAX_LOGGED && logged.add(key)) {
            log.warn("refused {} {} from {}: {} (logged once per caller and method)", status.getCode(), method, who, why);
        }
        call.close(status.withDescription(why), new Metadata());
        return new ServerCall.Listener<>() {
        };
    }
}
