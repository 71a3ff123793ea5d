package blackbox.gateway.engine;

/**
 * What the engine must do after a {@link ConnectionTransitions#next transition}, in list order. Values only: the
 * engine's threads carry them out.
 */
public sealed interface ConnectionEffect {
    /** Publish a {@link SessionStatus} with the new state's summary and this human sentence. */
    record PublishStatus(String detail) implements ConnectionEffect {
    }

    /** Count one market-data reconnection ({@link SessionStatus#reconnects()}). */
    record CountReconnect() implements ConnectionEffect {
    }

    /** Market data is up: the next session restart waits the initial back-off again. */
    record ResetBackoff() implements ConnectionEffect {
    }

    /**
     * Subscribe to every instrument again (control thread), then start waiting history requests;
     * {@code reportGap}: also send the sinks a gap from the last trade seen to the server clock.
     */
    record Resubscribe(boolean reportGap) implements ConnectionEffect {
    }

    /** Arm the reconnect timeout for this session ({@link ConnectionEvent.ReconnectTimedOut} when it runs out). */
    record ArmReconnectTimer() implements ConnectionEffect {
    }

    /** Finalize the session and start a new one now. */
    record RestartSession() implements ConnectionEffect {
    }

    /** Start a new session after the current back-off, which then doubles. */
    record ScheduleRestart() implements ConnectionEffect {
    }

    /** Hand the routing state (1, result) to the trading listener. */
    record ForwardRoutingState(int result) implements ConnectionEffect {
    }

    /** Forget the last result of every state channel: the new session has reported none yet. */
    record ForgetChannelResults() implements ConnectionEffect {
    }
}
