/* sim_hours.c — B3 session hours on the simulator's clock (local time = UTC + clock.utc_offset_minutes).
 *
 * Data, not code: one grid per (hours group, US season), a list of closed and late-opening days, and one
 * rule (the Monday after the US DST change switches the equities grid). Sources: ../shared/docs/b3-market.md
 * §1 (grids) and §2 (holidays 2025–2026), b3-trading.md §8 (WIN/IND 09:00–18:25, WDO/DOL 09:00–18:30 all
 * year since 11 Mar 2024). Not modelled: the equities after-market (sourced for the 2025 DST grid only and
 * conflicting in winter), a pre-opening of the futures before 09:00 (unconfirmed), MSCI special closes.
 */
#include <stdio.h>
#include <string.h>

#include "sim_routing.h"

typedef struct { uint16_t from, to; uint8_t phase; const char *name; } Span;   /* minutes of the day */
typedef struct { uint8_t n; Span s[5]; } Grid;

#define CANCEL SIM_PHASE_CANCEL_ONLY
#define CALL   SIM_PHASE_CALL
#define CONT   SIM_PHASE_CONTINUOUS
#define HM(h, m) ((h) * 60 + (m))

/* [group][0 = US standard time ("winter"), 1 = US daylight saving time] */
static const Grid REGULAR[SIM_HOURS_N][2] = {
    [SIM_HOURS_EQUITIES] = {
        {4, {{HM(9, 30), HM(9, 45), CANCEL, "offer cancellation"}, {HM(9, 45), HM(10, 0), CALL, "pre-opening call"},
             {HM(10, 0), HM(17, 55), CONT, "continuous"}, {HM(17, 55), HM(18, 0), CALL, "closing call"}}},
        {4, {{HM(9, 30), HM(9, 45), CANCEL, "offer cancellation"}, {HM(9, 45), HM(10, 0), CALL, "pre-opening call"},
             {HM(10, 0), HM(16, 55), CONT, "continuous"}, {HM(16, 55), HM(17, 0), CALL, "closing call"}}},
    },
    [SIM_HOURS_INDEX_FUTURES] = {
        {1, {{HM(9, 0), HM(18, 25), CONT, "continuous"}}},
        {1, {{HM(9, 0), HM(18, 25), CONT, "continuous"}}},
    },
    [SIM_HOURS_DOLLAR_FUTURES] = {
        {1, {{HM(9, 0), HM(18, 30), CONT, "continuous"}}},
        {1, {{HM(9, 0), HM(18, 30), CONT, "continuous"}}},
    },
    [SIM_HOURS_ALWAYS] = {
        {1, {{0, HM(24, 0), CONT, "continuous"}}},
        {1, {{0, HM(24, 0), CONT, "continuous"}}},
    },
};

/* Late opening (Ash Wednesday): a pre-opening call from this minute to 13:00, then the regular grid from
   its continuous phase on, starting at 13:00 (b3-market.md §2). */
static const uint16_t LATE_CALL_FROM[SIM_HOURS_N] = {
    [SIM_HOURS_EQUITIES] = HM(12, 45), [SIM_HOURS_INDEX_FUTURES] = HM(12, 55), [SIM_HOURS_DOLLAR_FUTURES] = HM(12, 55),
};
#define LATE_OPEN_AT HM(13, 0)

enum { DAY_CLOSED = 1, DAY_LATE_OPEN = 2 };
static const struct { int32_t ymd; uint8_t kind; } SPECIAL_DAYS[] = {
    /* 2025 (b3-market.md §2, [B1][B2]) */
    {20250101, DAY_CLOSED}, {20250303, DAY_CLOSED}, {20250304, DAY_CLOSED}, {20250305, DAY_LATE_OPEN},
    {20250418, DAY_CLOSED}, {20250421, DAY_CLOSED}, {20250501, DAY_CLOSED}, {20250619, DAY_CLOSED},
    {20251120, DAY_CLOSED}, {20251224, DAY_CLOSED}, {20251225, DAY_CLOSED}, {20251231, DAY_CLOSED},
    /* 2026 ([B5][B6]) */
    {20260101, DAY_CLOSED}, {20260216, DAY_CLOSED}, {20260217, DAY_CLOSED}, {20260218, DAY_LATE_OPEN},
    {20260403, DAY_CLOSED}, {20260421, DAY_CLOSED}, {20260501, DAY_CLOSED}, {20260604, DAY_CLOSED},
    {20260907, DAY_CLOSED}, {20261012, DAY_CLOSED}, {20261102, DAY_CLOSED}, {20261120, DAY_CLOSED},
    {20261224, DAY_CLOSED}, {20261225, DAY_CLOSED}, {20261231, DAY_CLOSED},
};

static const char *const GROUP_NAME[SIM_HOURS_N] = {"b3-equities", "b3-index-futures", "b3-dollar-futures", "always"};
static const char *const WEEKDAY[7] = {"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"};

const char *sim_hours_name(int group) { return group >= 0 && group < SIM_HOURS_N ? GROUP_NAME[group] : "?"; }

int sim_hours_parse(const char *name) {
    for (int g = 0; g < SIM_HOURS_N; g++)
        if (!strcmp(name, GROUP_NAME[g])) return g;
    return -1;
}

static int weekday(int64_t day) { return (int)(((day % 7) + 11) % 7); }   /* 1970-01-01 was a Thursday; 0 = Sunday */

/* The n-th (1-based) Sunday of a month, as a day number. */
static int64_t nth_sunday(int64_t year, unsigned month, int n) {
    int64_t first = sim_days_from_civil(year, month, 1);
    return first + (7 - weekday(first)) % 7 + 7 * (n - 1);
}

static void civil(int64_t day, int64_t *y, unsigned *m, unsigned *d) {
    /* inverse of sim_days_from_civil (Hinnant) */
    int64_t z = day + 719468;
    int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    unsigned doe = (unsigned)(z - era * 146097);
    unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    unsigned mp = (5 * doy + 2) / 153;
    *d = doy - (153 * mp + 2) / 5 + 1;
    *m = mp < 10 ? mp + 3 : mp - 9;
    *y = (int64_t)yoe + era * 400 + (*m <= 2);
}

/* 1 when B3 uses its US-DST grid on that day: from the Monday after the 2nd Sunday of March to the Sunday
   after the 1st Sunday of November (b3-market.md §1). */
static int us_dst_season(int64_t day) {
    int64_t y; unsigned m, d;
    civil(day, &y, &m, &d);
    int64_t from = nth_sunday(y, 3, 2) + 1, to = nth_sunday(y, 11, 1) + 1;
    return day >= from && day < to;
}

static int special_kind(int64_t day) {
    int64_t y; unsigned m, d;
    civil(day, &y, &m, &d);
    int32_t ymd = (int32_t)(y * 10000 + m * 100 + d);
    for (size_t i = 0; i < sizeof SPECIAL_DAYS / sizeof *SPECIAL_DAYS; i++)
        if (SPECIAL_DAYS[i].ymd == ymd) return SPECIAL_DAYS[i].kind;
    return 0;
}

/* The grid of a day; n = 0 when closed (why says why). */
static Grid day_grid(int group, int64_t day, const char **why) {
    Grid g = {0};
    *why = NULL;
    if (group == SIM_HOURS_ALWAYS) return REGULAR[group][0];
    int wd = weekday(day);
    if (wd == 0 || wd == 6) { *why = WEEKDAY[wd]; return g; }
    int kind = special_kind(day);
    if (kind == DAY_CLOSED) { *why = "B3 holiday"; return g; }
    g = REGULAR[group][us_dst_season(day)];
    if (kind == DAY_LATE_OPEN) {
        Grid late = {0};
        late.s[late.n++] = (Span){LATE_CALL_FROM[group], LATE_OPEN_AT, CALL, "pre-opening call"};
        for (int i = 0; i < g.n; i++) {
            if (g.s[i].to <= LATE_OPEN_AT) continue;
            Span sp = g.s[i];
            if (sp.from < LATE_OPEN_AT) sp.from = LATE_OPEN_AT;
            late.s[late.n++] = sp;
        }
        g = late;
    }
    return g;
}

static int64_t floordiv(int64_t a, int64_t b) {
    int64_t q = a / b;
    return (a % b != 0 && ((a < 0) != (b < 0))) ? q - 1 : q;
}

SimPhase sim_hours_phase(int group, int64_t local_ns) {
    int64_t day = floordiv(local_ns, SIM_NS_PER_DAY);
    int minute = (int)((local_ns - day * SIM_NS_PER_DAY) / (60 * SIM_NS_PER_SEC));
    const char *why;
    Grid g = day_grid(group, day, &why);
    for (int i = 0; i < g.n; i++)
        if (minute >= g.s[i].from && minute < g.s[i].to)
            return (SimPhase){g.s[i].phase, g.s[i].from, g.s[i].to, g.s[i].name};
    return (SimPhase){SIM_PHASE_CLOSED, -1, -1, "closed"};
}

int64_t sim_hours_day_end(int group, int64_t day) {
    const char *why;
    Grid g = day_grid(group, day, &why);
    if (!g.n) return -1;
    return day * SIM_NS_PER_DAY + (int64_t)g.s[g.n - 1].to * 60 * SIM_NS_PER_SEC;
}

void sim_hours_describe(int group, int64_t day, char *out, size_t n) {
    const char *why;
    Grid g = day_grid(group, day, &why);
    if (!g.n) { snprintf(out, n, "closed (%s)", why); return; }
    size_t used = 0;
    out[0] = 0;
    for (int i = 0; i < g.n && used < n; i++)
        used += (size_t)snprintf(out + used, n - used, "%s%02d:%02d-%02d:%02d %s", i ? ", " : "", g.s[i].from / 60,
                                 g.s[i].from % 60, g.s[i].to / 60, g.s[i].to % 60, g.s[i].name);
}
