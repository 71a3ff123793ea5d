package blackbox.risk.grpc;

import blackbox.risk.store.Actor;
import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The acting user from request metadata, as web-bff and the cli set it: {@value #USER_HEADER} and
 * {@value #ROLES_HEADER} (comma-separated). Install {@link #interceptor()} on the server.
 */
public final class Callers {
    public static final String USER_HEADER = "x-blackbox-user";
    public static final String ROLES_HEADER = "x-blackbox-roles";
    public static final Metadata.Key<String> USER = Metadata.Key.of(USER_HEADER, Metadata.ASCII_STRING_MARSHALLER);
    public static final Metadata.Key<String> ROLES = Metadata.Key.of(ROLES_HEADER, Metadata.ASCII_STRING_MARSHALLER);
    private static final Context.Key<Actor> ACTOR = Context.key("blackbox-actor");

    private Callers() {
    }

    /** Puts the caller (when the user header is present) into the call's context. */
    public static ServerInterceptor interceptor() {
        return new ServerInterceptor() {
            @Override
            public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
                String user = headers.get(USER);
                if (user == null || user.isBlank()) return next.startCall(call, headers);
                String roles = headers.get(ROLES);
                Set<String> set = roles == null ? Set.of() : Arrays.stream(roles.split(",")).map(String::strip)
                        .filter(s -> !s.isEmpty()).map(String::toLowerCase).collect(Collectors.toSet());
                return Contexts.interceptCall(Context.current().withValue(ACTOR, new Actor(user.strip(), set)), call, headers, next);
            }
        };
    }

    /** The caller of the current call, if the user header was set. */
    public static Optional<Actor> current() {
        return Optional.ofNullable(ACTOR.get());
    }
}
