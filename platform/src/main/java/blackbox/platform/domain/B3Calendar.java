package blackbox.platform.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * B3's trading days (b3-market.md §2): the published closed days of 2025 and 2026, and for other years the
 * rule-based generator that document describes (after pandas_market_calendars' BMF calendar, its [C1]).
 *
 * <p>Rules, for years without a published list: weekends; 1 Jan, 21 Apr (Tiradentes), 1 May, 7 Sep, 12 Oct,
 * 2 Nov (Finados), 15 Nov (Proclamação da República), 25 Dec; Carnival Monday and Tuesday (Easter − 48 and − 47
 * days), Good Friday (Easter − 2), Corpus Christi (Easter + 60); 24 Dec and 31 Dec (banks closed), and the
 * Friday before when 31 Dec falls on a weekend; 25 Jan and 9 Jul (São Paulo's holidays) until 2021, open from
 * the 2022 calendar; 20 Nov (Consciência Negra) 2004–2019 and from 2024 (a national holiday since 2024).
 * Ash Wednesday is a trading day (late open at 13:00). Ad-hoc closures of past years are not modelled.
 *
 * <p>Pure and thread-safe (the per-year sets are computed once and cached). In {@code platform} so every service
 * (positions-svc's settlement dates, oms-svc's and risk-svc's trading days) shares one calendar; the simulator
 * (C) keeps its own copy of the same published lists.
 */
public final class B3Calendar {
    /** Closed weekdays B3 published (b3-market.md §2, sources [B1][B2] for 2025, [B5][B6] for 2026). */
    private static final Map<Integer, Set<LocalDate>> PUBLISHED = Map.of(
            2025, dates(2025, "01-01", "03-03", "03-04", "04-18", "04-21", "05-01", "06-19", "11-20", "12-24",
                    "12-25", "12-31"),
            2026, dates(2026, "01-01", "02-16", "02-17", "04-03", "04-21", "05-01", "06-04", "09-07", "10-12",
                    "11-02", "11-20", "12-24", "12-25", "12-31"));

    private static final B3Calendar INSTANCE = new B3Calendar();

    private final Map<Integer, Set<LocalDate>> closedByYear = new ConcurrentHashMap<>();

    private B3Calendar() {
    }

    /** The calendar (stateless apart from its cache). */
    public static B3Calendar instance() {
        return INSTANCE;
    }

    /** Is B3 open for trading and settlement on {@code date}? */
    public boolean isBusinessDay(LocalDate date) {
        DayOfWeek day = date.getDayOfWeek();
        if (day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY) return false;
        return !holidays(date.getYear()).contains(date);
    }

    /**
     * The business day {@code days} business days after {@code date} (D+n settlement); {@code days = 0} gives
     * {@code date} itself when it is a business day, else the next one.
     *
     * @throws IllegalArgumentException when {@code days < 0}
     */
    public LocalDate plusBusinessDays(LocalDate date, int days) {
        if (days < 0) throw new IllegalArgumentException("days must be >= 0: days=" + days);
        LocalDate d = date;
        while (!isBusinessDay(d)) d = d.plusDays(1);
        for (int i = 0; i < days; i++) {
            d = d.plusDays(1);
            while (!isBusinessDay(d)) d = d.plusDays(1);
        }
        return d;
    }

    /** The closed weekdays of {@code year}: the published list when there is one, else the rules. */
    public Set<LocalDate> holidays(int year) {
        return closedByYear.computeIfAbsent(year, y -> PUBLISHED.getOrDefault(y, ruleBased(y)));
    }

    /** The closed weekdays of {@code year} by the rules alone (tests compare them with the published lists). */
    public static Set<LocalDate> ruleBased(int year) {
        TreeSet<LocalDate> closed = new TreeSet<>();
        LocalDate easter = easterSunday(year);
        closed.add(LocalDate.of(year, Month.JANUARY, 1));
        closed.add(easter.minusDays(48)); // Carnival Monday
        closed.add(easter.minusDays(47)); // Carnival Tuesday
        closed.add(easter.minusDays(2)); // Good Friday
        closed.add(LocalDate.of(year, Month.APRIL, 21));
        closed.add(LocalDate.of(year, Month.MAY, 1));
        closed.add(easter.plusDays(60)); // Corpus Christi
        closed.add(LocalDate.of(year, Month.SEPTEMBER, 7));
        closed.add(LocalDate.of(year, Month.OCTOBER, 12));
        closed.add(LocalDate.of(year, Month.NOVEMBER, 2));
        closed.add(LocalDate.of(year, Month.NOVEMBER, 15));
        if ((year >= 2004 && year <= 2019) || year >= 2024) closed.add(LocalDate.of(year, Month.NOVEMBER, 20));
        if (year < 2022) {
            closed.add(LocalDate.of(year, Month.JANUARY, 25));
            closed.add(LocalDate.of(year, Month.JULY, 9));
        }
        closed.add(LocalDate.of(year, Month.DECEMBER, 24));
        closed.add(LocalDate.of(year, Month.DECEMBER, 25));
        LocalDate lastDay = LocalDate.of(year, Month.DECEMBER, 31);
        switch (lastDay.getDayOfWeek()) {
            case SATURDAY -> closed.add(lastDay.minusDays(1));
            case SUNDAY -> closed.add(lastDay.minusDays(2));
            default -> closed.add(lastDay);
        }
        closed.removeIf(d -> d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY);
        return Set.copyOf(closed);
    }

    /** Easter Sunday of the Gregorian calendar (the anonymous Gregorian algorithm, Meeus/Jones/Butcher). */
    static LocalDate easterSunday(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = (h + l - 7 * m + 114) % 31 + 1;
        return LocalDate.of(year, month, day);
    }

    private static Set<LocalDate> dates(int year, String... monthDays) {
        TreeSet<LocalDate> set = new TreeSet<>();
        for (String md : monthDays) set.add(LocalDate.parse(year + "-" + md));
        return Set.copyOf(set);
    }
}
