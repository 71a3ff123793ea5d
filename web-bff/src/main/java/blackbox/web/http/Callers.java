package blackbox.web.http;

import blackbox.web.auth.AuthUser;
import io.grpc.Metadata;
import io.grpc.stub.AbstractStub;
import io.grpc.stub.MetadataUtils;

/**
 * The acting user on every call to oms-svc and risk-svc: the {@code x-blackbox-user} and {@code x-blackbox-roles}
 * headers their {@code Callers} read (oms-svc records the user with every order and in its audit trail; risk-svc
 * checks the roles). The user is always the authenticated caller's, never a request field.
 */
final class Callers {
    static final Metadata.Key<String> USER = Metadata.Key.of("x-blackbox-user", Metadata.ASCII_STRING_MARSHALLER);
    static final Metadata.Key<String> ROLES = Metadata.Key.of("x-blackbox-roles", Metadata.ASCII_STRING_MARSHALLER);

    private Callers() {
    }

    static <S extends AbstractStub<S>> S as(S stub, AuthUser user) {
        Metadata headers = new Metadata();
        headers.put(USER, user.username());
        headers.put(ROLES, String.join(",", user.roleIds()));
        return stub.withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers));
    }
}
