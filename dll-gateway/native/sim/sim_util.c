/* sim_util.c — UTF-16 helpers and time conversions. Local time is UTC + a fixed offset in minutes
   (option clock.utc_offset_minutes): B3 has had no daylight saving time since 2019, so a fixed offset
   is what the exchange uses; no time-zone database is consulted. */
#define _POSIX_C_SOURCE 200809L
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "sim_internal.h"

int64_t sim_mono_ns(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (int64_t)t.tv_sec * SIM_NS_PER_SEC + t.tv_nsec;
}

int64_t sim_wall_ns(void) {
    struct timespec t;
    clock_gettime(CLOCK_REALTIME, &t);
    return (int64_t)t.tv_sec * SIM_NS_PER_SEC + t.tv_nsec;
}

size_t sim_u16len(const char16_t *s) {
    size_t n = 0;
    while (s[n]) n++;
    return n;
}

bool sim_u16eq_ascii(const char16_t *s, const char *a) {
    for (; *a; s++, a++)
        if (*s != (char16_t)(unsigned char)*a) return false;
    return *s == 0;
}

char16_t *sim_u16dup(const char16_t *s) {
    size_t n = sim_u16len(s) + 1;
    char16_t *d = malloc(n * sizeof *d);
    if (d) memcpy(d, s, n * sizeof *d);
    return d;
}

/* Howard Hinnant's days_from_civil / civil_from_days: exact for the proleptic Gregorian calendar. */
int64_t sim_days_from_civil(int64_t y, unsigned m, unsigned d) {
    y -= m <= 2;
    int64_t era = (y >= 0 ? y : y - 399) / 400;
    unsigned yoe = (unsigned)(y - era * 400);
    unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + (int64_t)doe - 719468;
}

static void civil_from_days(int64_t z, int64_t *y, unsigned *m, unsigned *d) {
    z += 719468;
    int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    unsigned doe = (unsigned)(z - era * 146097);
    unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    unsigned mp = (5 * doy + 2) / 153;
    *d = doy - (153 * mp + 2) / 5 + 1;
    *m = mp < 10 ? mp + 3 : mp - 9;
    *y = (int64_t)yoe + era * 400 + (*m <= 2);
}

static int64_t floordiv(int64_t a, int64_t b) {
    int64_t q = a / b;
    return (a % b != 0 && ((a < 0) != (b < 0))) ? q - 1 : q;
}

void sim_to_systemtime(int64_t utc_ns, int32_t offset_min, TSystemTime *out) {
    int64_t local = utc_ns + (int64_t)offset_min * 60 * SIM_NS_PER_SEC;
    int64_t days = floordiv(local, SIM_NS_PER_DAY);
    int64_t rem = local - days * SIM_NS_PER_DAY;     /* 0 .. 1 day, nanoseconds */
    int64_t y; unsigned m, d;
    civil_from_days(days, &y, &m, &d);
    int64_t ms = rem / SIM_NS_PER_MS;                 /* truncated, as the task says */
    out->wYear = (uint16_t)y;
    out->wMonth = (uint16_t)m;
    out->wDay = (uint16_t)d;
    out->wDayOfWeek = (uint16_t)((days % 7 + 11) % 7); /* 1970-01-01 was a Thursday (4); 0 = Sunday */
    out->wHour = (uint16_t)(ms / 3600000);
    out->wMinute = (uint16_t)(ms / 60000 % 60);
    out->wSecond = (uint16_t)(ms / 1000 % 60);
    out->wMilliseconds = (uint16_t)(ms % 1000);
}

static char16_t *put_num(char16_t *p, unsigned v, int width) {
    for (int i = width - 1; i >= 0; i--) { p[i] = (char16_t)(u'0' + v % 10); v /= 10; }
    return p + width;
}

void sim_format_date(int64_t utc_ns, int32_t offset_min, char16_t out[24]) {
    TSystemTime t;
    sim_to_systemtime(utc_ns, offset_min, &t);
    char16_t *p = out;
    p = put_num(p, t.wDay, 2); *p++ = u'/';
    p = put_num(p, t.wMonth, 2); *p++ = u'/';
    p = put_num(p, t.wYear, 4); *p++ = u' ';
    p = put_num(p, t.wHour, 2); *p++ = u':';
    p = put_num(p, t.wMinute, 2); *p++ = u':';
    p = put_num(p, t.wSecond, 2); *p++ = u'.';
    p = put_num(p, t.wMilliseconds, 3);
    *p = 0;
}

static bool take_num(const char16_t **s, int width, unsigned *v) {
    unsigned r = 0;
    for (int i = 0; i < width; i++) {
        char16_t c = (*s)[i];
        if (c < u'0' || c > u'9') return false;
        r = r * 10 + (unsigned)(c - u'0');
    }
    *s += width;
    *v = r;
    return true;
}

static bool take_char(const char16_t **s, char16_t c) {
    if (**s != c) return false;
    (*s)++;
    return true;
}

bool sim_parse_date(const char16_t *s, int32_t offset_min, int64_t *utc_ns) {
    unsigned d, mo, y, h, mi, se;
    if (!take_num(&s, 2, &d) || !take_char(&s, u'/') || !take_num(&s, 2, &mo) || !take_char(&s, u'/') ||
        !take_num(&s, 4, &y) || !take_char(&s, u' ') || !take_num(&s, 2, &h) || !take_char(&s, u':') ||
        !take_num(&s, 2, &mi) || !take_char(&s, u':') || !take_num(&s, 2, &se) || *s != 0)
        return false;
    static const unsigned mdays[12] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (mo < 1 || mo > 12 || d < 1 || d > mdays[mo - 1] || h > 23 || mi > 59 || se > 59 || y < 1900)
        return false;
    bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    if (mo == 2 && d == 29 && !leap) return false;
    int64_t days = sim_days_from_civil(y, mo, d);
    int64_t local = days * SIM_NS_PER_DAY + ((int64_t)h * 3600 + mi * 60 + se) * SIM_NS_PER_SEC;
    *utc_ns = local - (int64_t)offset_min * 60 * SIM_NS_PER_SEC;
    return true;
}
