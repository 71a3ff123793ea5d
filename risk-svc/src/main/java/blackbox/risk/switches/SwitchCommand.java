package blackbox.risk.switches;

/**
 * What can be asked of a kill switch. {@code who} is the acting user (or {@code circuit-breaker},
 * {@code signal-file}); {@code why} is the operator's reason, kept in the audit.
 */
public sealed interface SwitchCommand {
    String who();

    String why();

    /** Stop the scope: cancel its working orders, then apply {@code mode} to its positions. */
    record Halt(HaltMode mode, String who, String why) implements SwitchCommand {
        public Halt {
            if (mode == null || mode == HaltMode.NONE) throw new IllegalArgumentException("halt needs FLATTEN, KEEP or CORRECT: mode=" + mode);
        }
    }

    /** Only reducing orders from now on. */
    record Reduce(String who, String why) implements SwitchCommand {
    }

    /** Back to ACTIVE. */
    record Resume(String who, String why) implements SwitchCommand {
    }

    /** The panic button (desk only): HALTED, cancel everything, flatten if asked. */
    record Panic(boolean flatten, String who, String why) implements SwitchCommand {
    }

    /** An automatic trip: to {@code target} (REDUCING or HALTED), never loosening. */
    record CircuitBreak(SwitchState target, String why) implements SwitchCommand {
        public static final String WHO = "circuit-breaker";

        public CircuitBreak {
            if (target != SwitchState.REDUCING && target != SwitchState.HALTED) {
                throw new IllegalArgumentException("a circuit breaker trips to REDUCING or HALTED: target=" + target);
            }
        }

        @Override
        public String who() {
            return WHO;
        }
    }
}
