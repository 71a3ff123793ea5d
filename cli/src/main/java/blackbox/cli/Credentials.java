package blackbox.cli;

import io.grpc.Metadata;
import io.grpc.stub.AbstractStub;
import io.grpc.stub.MetadataUtils;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Who a command acts for. Today: a user id (from {@code --user}, else {@code BLACKBOX_USER}, else the OS login name)
 * sent in the request, as marketdata-svc's per-user calls expect. Later a bearer token from a web-bff login is
 * attached to every call by {@link #apply} ({@code Authorization: Bearer ...}).
 *
 * @param user the user id, {@code [a-z0-9._@-]{1,64}}
 * @param token an access token, empty until logins exist
 */
public record Credentials(String user, Optional<String> token) {
    public static final String USER_ENV = "BLACKBOX_USER";
    private static final Pattern USER = Pattern.compile("[a-z0-9._@-]{1,64}");
    private static final Metadata.Key<String> AUTHORIZATION =
            Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);

    public Credentials {
        if (user == null || !USER.matcher(user).matches()) {
            throw CliException.usage("must match [a-z0-9._@-]{1,64}: user=" + user);
        }
    }

    /**
     * @param option {@code --user}, or null
     * @param environment the process environment
     */
    public static Credentials resolve(String option, Map<String, String> environment) {
        String user = option;
        if (user == null || user.isBlank()) user = environment.get(USER_ENV);
        if (user == null || user.isBlank()) user = System.getProperty("user.name", "").toLowerCase(Locale.ROOT);
        return new Credentials(user, Optional.empty());
    }

    /** The stub with the token attached, when there is one. */
    public <S extends AbstractStub<S>> S apply(S stub) {
        if (token.isEmpty()) return stub;
        Metadata headers = new Metadata();
        headers.put(AUTHORIZATION, "Bearer " + token.get());
        return stub.withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers));
    }
}
