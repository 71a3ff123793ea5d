package blackbox.oms.core.allocation;

/** An {@link Allocation}, or why the request cannot be allocated (naming the field and value). */
public sealed interface AllocationOutcome {
    record Allocated(Allocation allocation) implements AllocationOutcome {
    }

    /**
     * @param field the request field, e.g. {@code accounts[2].quantity}
     * @param message e.g. {@code "accounts[2].quantity must be a multiple of the lot 100: accounts[2].quantity=150"}
     */
    record Refused(String field, String message) implements AllocationOutcome {
    }
}
