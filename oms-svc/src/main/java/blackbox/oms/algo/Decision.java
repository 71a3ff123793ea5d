package blackbox.oms.algo;

import java.util.List;
import java.util.Optional;

/**
 * One decision of an algorithm on its parent.
 *
 * @param actions children to send and cancels, in order
 * @param releasedSlice the slices begun so far (persisted before any {@link Action.Send} of them goes out)
 * @param wakeAtNanos when to decide again if nothing happens before (UTC epoch ns), {@link #NEVER} to wait for the
 *     children's events only
 * @param finished set when the parent is done: its final status and why
 */
public record Decision(List<Action> actions, int releasedSlice, long wakeAtNanos, Optional<Finished> finished) {
    public static final long NEVER = Long.MAX_VALUE;

    public Decision {
        actions = List.copyOf(actions);
    }

    /** A parent's end: everything placed and filled, or the horizon over with what did not fill. */
    public record Finished(ParentStatus status, String text) {
    }
}
