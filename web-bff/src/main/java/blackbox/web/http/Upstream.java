package blackbox.web.http;

import io.grpc.StatusRuntimeException;
import java.util.function.Supplier;

/** A gRPC call to a service; a failure becomes the HTTP problem it means, naming the service ({@link Problems#fromGrpc}). */
final class Upstream {
    private Upstream() {
    }

    static <T> T call(String service, Supplier<T> rpc) {
        try {
            return rpc.get();
        } catch (StatusRuntimeException e) {
            throw Problems.fromGrpc(service, e);
        }
    }
}
