package blackbox.oms.api;

import io.grpc.Status;

/**
 * A request validated into a command, or why not: {@link Invalid} (INVALID_ARGUMENT, naming the field and value) or
 * {@link Unimplemented} (UNIMPLEMENTED: a recognised feature not built yet, e.g. an execution algorithm).
 */
public sealed interface Validated<T> {
    record Valid<T>(T value) implements Validated<T> {
    }

    /** @param message e.g. {@code "order_qty must be a multiple of the lot 100: order_qty=150"} */
    record Invalid<T>(String field, String message) implements Validated<T> {
    }

    record Unimplemented<T>(String message) implements Validated<T> {
    }

    /** OK for a valid request, else the status to answer with (its description is the message). */
    default Status status() {
        return switch (this) {
            case Valid<T> v -> Status.OK;
            case Invalid<T> i -> Status.INVALID_ARGUMENT.withDescription(i.message());
            case Unimplemented<T> u -> Status.UNIMPLEMENTED.withDescription(u.message());
        };
    }

    /** The value; for tests and callers that checked {@link #status()}. */
    default T orElseThrow() {
        if (this instanceof Valid<T> v) return v.value();
        throw new IllegalStateException(status().toString());
    }
}
