package blackbox.platform.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.grpc.CallOptions;
import io.grpc.ChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.MethodDescriptor;
import io.grpc.Server;
import io.grpc.ServerServiceDefinition;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.TlsChannelCredentials;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.ServerCalls;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * A real Netty server over mutual TLS with BlackBox's allow-lists, on RPCs named as the gateway's: which callers get
 * through, and what each refused caller reads.
 */
class MutualTlsTest {
    private static final String SEND_ORDER = "blackbox.gateway.v1.Trading/SendOrder";
    private static final String LIST_ORDERS = "blackbox.gateway.v1.Trading/ListOrders";
    private static final String SUBSCRIBE = "blackbox.gateway.v1.MarketDataGateway/Subscribe";
    private static final String UNLISTED = "blackbox.gateway.v1.Backdoor/Open";

    @TempDir
    static Path dir;
    static CertificateAuthority stackCa;
    static Server server;
    static ListAppender<ILoggingEvent> refusals = new ListAppender<>();

    @BeforeAll
    static void startServer() throws IOException {
        stackCa = CertificateAuthority.loadOrCreate(dir.resolve("tls"), "test stack CA");
        MutualTls gateway = MutualTls.load(stackCa.issue(Identities.GATEWAY, dir.resolve("tls")));
        server = gateway.server(new InetSocketAddress("127.0.0.1", 0))
                .addService(service("blackbox.gateway.v1.Trading", SEND_ORDER, LIST_ORDERS))
                .addService(service("blackbox.gateway.v1.MarketDataGateway", SUBSCRIBE))
                .addService(service("blackbox.gateway.v1.Backdoor", UNLISTED))
                .build().start();
        refusals.start();
        ((Logger) LoggerFactory.getLogger(CallerAuthorization.class)).addAppender(refusals);
    }

    @AfterAll
    static void stopServer() throws InterruptedException {
        ((Logger) LoggerFactory.getLogger(CallerAuthorization.class)).detachAppender(refusals);
        server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }

    @Test
    void omsSvcSendsOrdersAndTheServiceSeesItsIdentity() {
        assertEquals(Identities.OMS, call(as(Identities.OMS), SEND_ORDER));
        assertEquals(Identities.OMS, call(as(Identities.OMS), LIST_ORDERS));
    }

    @Test
    void anotherServiceOfTheStackIsDeniedSendingOrders() {
        StatusRuntimeException e = refused(as(Identities.MARKETDATA), SEND_ORDER);
        assertEquals(Status.Code.PERMISSION_DENIED, e.getStatus().getCode());
        assertEquals("marketdata-svc may not call " + SEND_ORDER, e.getStatus().getDescription());
        assertEquals(Status.Code.PERMISSION_DENIED, refused(as(Identities.WEB), SEND_ORDER).getStatus().getCode(),
                "web-bff orders through oms-svc, never at the gateway");
    }

    @Test
    void readsAreListedToo() {
        assertEquals(Identities.POSITIONS, call(as(Identities.POSITIONS), LIST_ORDERS));
        assertEquals(Status.Code.PERMISSION_DENIED, refused(as(Identities.CANDLES), LIST_ORDERS).getStatus().getCode(),
                "candle-svc has no business with client orders");
        assertEquals(Identities.CANDLES, call(as(Identities.CANDLES), SUBSCRIBE), "market data is open to the stack");
    }

    @Test
    void anRpcOnNoListIsDeniedToEveryone() {
        assertEquals(Status.Code.PERMISSION_DENIED, refused(as(Identities.OPERATOR), UNLISTED).getStatus().getCode());
        assertEquals(Status.Code.PERMISSION_DENIED, refused(as(Identities.OMS), UNLISTED).getStatus().getCode());
    }

    @Test
    void aCallerWithoutACertificateIsUnauthenticated() throws IOException {
        ChannelCredentials anonymous = TlsChannelCredentials.newBuilder()
                .trustManager(dir.resolve("tls").resolve(CertificateAuthority.CA_CERTIFICATE).toFile()).build();
        StatusRuntimeException e = refused(anonymous, SUBSCRIBE);
        assertEquals(Status.Code.UNAUTHENTICATED, e.getStatus().getCode());
        assertEquals("no client certificate", e.getStatus().getDescription());
    }

    @Test
    void aCertificateFromAnotherCaIsUnauthenticatedEvenWithAnAllowedName() throws IOException {
        CertificateAuthority other = CertificateAuthority.create("another CA");
        TlsFiles impostor = other.issue(Identities.OMS, dir.resolve("other"));
        ChannelCredentials credentials = TlsChannelCredentials.newBuilder()
                .keyManager(impostor.certificate().toFile(), impostor.privateKey().toFile())
                .trustManager(dir.resolve("tls").resolve(CertificateAuthority.CA_CERTIFICATE).toFile()).build();
        StatusRuntimeException e = refused(credentials, SEND_ORDER);
        assertEquals(Status.Code.UNAUTHENTICATED, e.getStatus().getCode());
        assertTrue(e.getStatus().getDescription().startsWith("certificate CN=oms-svc,O=BlackBox is not one this stack's CA issued"),
                e.getStatus().getDescription());
    }

    @Test
    void aPlainTextCallerCannotTalkToTheServerAtAll() {
        ManagedChannel plain = NettyChannelBuilder.forAddress("127.0.0.1", server.getPort()).usePlaintext().build();
        try {
            StatusRuntimeException e = assertThrows(StatusRuntimeException.class, () -> ClientCalls.blockingUnaryCall(plain,
                    method(SUBSCRIBE), CallOptions.DEFAULT.withDeadlineAfter(5, TimeUnit.SECONDS), new byte[0]));
            assertEquals(Status.Code.UNAVAILABLE, e.getStatus().getCode(), e.toString());
        } finally {
            plain.shutdownNow();
        }
    }

    @Test
    void aClientTrustsOnlyServersOfItsOwnStack() {
        CertificateAuthority other = CertificateAuthority.create("another stack");
        MutualTls elsewhere = MutualTls.load(other.issue(Identities.OMS, dir.resolve("elsewhere")));
        StatusRuntimeException e = refused(elsewhere.channelCredentials(), SEND_ORDER);
        assertEquals(Status.Code.UNAVAILABLE, e.getStatus().getCode(), "the server's certificate is not trusted: " + e);
    }

    @Test
    void eachRefusalIsLoggedOnceWithTheIdentity() {
        String method = "blackbox.gateway.v1.Trading/ListOrders";
        for (int i = 0; i < 3; i++) refused(as(Identities.STRATEGY), method);
        List<String> lines = refusals.list.stream().map(ILoggingEvent::getFormattedMessage)
                .filter(m -> m.contains("from strategy-svc")).toList();
        assertEquals(1, lines.size(), lines.toString());
        assertTrue(lines.getFirst().startsWith("refused PERMISSION_DENIED " + method + " from strategy-svc"), lines.getFirst());
    }

    @Test
    void certificatesAreOwnerOnlyAndReusedUntilNearTheirEnd() throws IOException {
        Path tls = dir.resolve("tls");
        TlsFiles first = stackCa.issue(Identities.RISK, tls);
        String pem = java.nio.file.Files.readString(first.certificate());
        TlsFiles again = CertificateAuthority.loadOrCreate(tls, "ignored: the CA is read back").issue(Identities.RISK, tls);
        assertEquals(pem, java.nio.file.Files.readString(again.certificate()), "a restarted stack keeps its certificates");
        for (Path p : List.of(first.certificate(), first.privateKey(), tls.resolve("ca.key"))) {
            assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(java.nio.file.Files.getPosixFilePermissions(p)), p.toString());
        }
        assertEquals("rwx------", java.nio.file.attribute.PosixFilePermissions.toString(java.nio.file.Files.getPosixFilePermissions(tls)));
        CertificateAuthority other = CertificateAuthority.create("another CA");
        TlsFiles reissued = other.issue(Identities.RISK, tls);
        assertTrue(!pem.equals(java.nio.file.Files.readString(reissued.certificate())), "a certificate of another CA is issued again");
        stackCa.issue(Identities.RISK, tls); // back to this stack's, for the other tests
    }

    // ------------------------------------------------------------------

    private static ChannelCredentials as(String identity) {
        return MutualTls.load(stackCa.issue(identity, dir.resolve("tls"))).channelCredentials();
    }

    private static String call(ChannelCredentials credentials, String fullMethod) {
        ManagedChannel channel = NettyChannelBuilder.forTarget("localhost:" + server.getPort(), credentials).build();
        try {
            byte[] answer = ClientCalls.blockingUnaryCall(channel, method(fullMethod),
                    CallOptions.DEFAULT.withDeadlineAfter(10, TimeUnit.SECONDS), new byte[0]);
            return new String(answer, StandardCharsets.UTF_8);
        } finally {
            channel.shutdownNow();
        }
    }

    private static StatusRuntimeException refused(ChannelCredentials credentials, String fullMethod) {
        return assertThrows(StatusRuntimeException.class, () -> call(credentials, fullMethod));
    }

    /** Answers the caller's identity, as the gate set it. */
    private static ServerServiceDefinition service(String name, String... methods) {
        ServerServiceDefinition.Builder b = ServerServiceDefinition.builder(name);
        for (String m : methods) {
            b.addMethod(method(m), ServerCalls.asyncUnaryCall((byte[] request, io.grpc.stub.StreamObserver<byte[]> out) -> {
                out.onNext(CallerAuthorization.CALLER.get().getBytes(StandardCharsets.UTF_8));
                out.onCompleted();
            }));
        }
        return b.build();
    }

    private static MethodDescriptor<byte[], byte[]> method(String fullName) {
        return MethodDescriptor.<byte[], byte[]>newBuilder().setType(MethodDescriptor.MethodType.UNARY)
                .setFullMethodName(fullName).setRequestMarshaller(BYTES).setResponseMarshaller(BYTES).build();
    }

    private static final MethodDescriptor.Marshaller<byte[]> BYTES = new MethodDescriptor.Marshaller<>() {
        @Override
        public InputStream stream(byte[] value) {
            return new ByteArrayInputStream(value);
        }

        @Override
        public byte[] parse(InputStream stream) {
            try {
                return stream.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    };

    @Test
    void theIdentityIsTheCertificatesCommonName() {
        assertEquals("oms-svc", CallerAuthorization.commonName("CN=oms-svc,O=BlackBox"));
    }
}
