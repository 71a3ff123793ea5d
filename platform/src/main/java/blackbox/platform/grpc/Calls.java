package blackbox.platform.grpc;

import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;

/** Small helpers every gRPC service handler uses. */
public final class Calls {
    private Calls() {
    }

    /**
     * Runs a handler; a {@link StatusRuntimeException} it throws (a validation error naming field and value,
     * a NOT_FOUND...) closes the call with that status. grpc-java would otherwise report UNKNOWN.
     */
    public static void guarded(StreamObserver<?> response, Runnable handler) {
        try {
            handler.run();
        } catch (StatusRuntimeException e) {
            response.onError(e);
        }
    }

    /** Sends the one answer of a unary call and completes it. */
    public static <T> void reply(StreamObserver<T> observer, T value) {
        observer.onNext(value);
        observer.onCompleted();
    }
}
