package blackbox.cli.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** A rebased tape lands on a B3 trading day, whatever day the stack starts on (CI runs on weekends too). */
class ReplayPlanTest {

    @Test
    void aTradingDayIsItsOwnSessionDay() {
        assertEquals(LocalDate.of(2026, 12, 4), ReplayPlan.sessionDay(LocalDate.of(2026, 12, 4)));
    }

    @Test
    void aWeekendMovesBackToFriday() {
        assertEquals(LocalDate.of(2026, 12, 4), ReplayPlan.sessionDay(LocalDate.of(2026, 12, 5)));
        assertEquals(LocalDate.of(2026, 12, 4), ReplayPlan.sessionDay(LocalDate.of(2026, 12, 6)));
    }

    @Test
    void aHolidayMovesBackToTheDayBefore() {
        // Tiradentes, Tuesday 2026-04-21 (b3-market.md): the Monday before
        assertEquals(LocalDate.of(2026, 4, 20), ReplayPlan.sessionDay(LocalDate.of(2026, 4, 21)));
        // Carnival Monday and Tuesday 2026-02-16/17: back over the weekend to Friday 2026-02-13
        assertEquals(LocalDate.of(2026, 2, 13), ReplayPlan.sessionDay(LocalDate.of(2026, 2, 17)));
    }
}
