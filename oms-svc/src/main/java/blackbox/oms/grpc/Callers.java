package blackbox.oms.grpc;

import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Grpc;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import java.net.SocketAddress;

/**
 * Who calls and from where, from the call: the user from the {@value #USER_HEADER} header (set by web-bff and the cli,
 * as for risk-svc; authenticating services is a later issue), the peer address as the transport saw it. Install
 * {@link #interceptor()} on the server.
 */
public final class Callers {
    public static final String USER_HEADER = "x-blackbox-user";
    public static final Metadata.Key<String> USER = Metadata.Key.of(USER_HEADER, Metadata.ASCII_STRING_MARSHALLER);
    private static final Context.Key<String> USER_KEY = Context.key("oms-user");
    private static final Context.Key<String> ADDRESS_KEY = Context.key("oms-address");

    private Callers() {
    }

    public static ServerInterceptor interceptor() {
        return new ServerInterceptor() {
            @Override
            public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
                String user = headers.get(USER);
                SocketAddress peer = call.getAttributes().get(Grpc.TRANSPORT_ATTR_REMOTE_ADDR);
                Context c = Context.current().withValue(USER_KEY, user == null ? "" : user.strip())
                        .withValue(ADDRESS_KEY, peer == null ? "unknown" : peer.toString());
                return Contexts.interceptCall(c, call, headers, next);
            }
        };
    }

    /** The user header's value, empty when absent. */
    static String user() {
        String u = USER_KEY.get();
        return u == null ? "" : u;
    }

    static String address() {
        String a = ADDRESS_KEY.get();
        return a == null ? "unknown" : a;
    }
}
