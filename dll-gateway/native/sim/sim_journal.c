/* sim_journal.c — the broker's durable day file (routing.journal, README "Journal"): one line per order event,
 * appended and flushed before its callbacks run; replayed at login through the same state changes as live
 * processing (no events, no journal writes), so a killed process comes back with its orders and positions.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "sim_broker_int.h"

/* ================================================================ journal */

void sim_jrn(SimBroker *b, const char *fmt, ...) {
    if (!b->journal || b->replaying) return;
    va_list ap;
    va_start(ap, fmt);
    vfprintf(b->journal, fmt, ap);
    va_end(ap);
    fputc('\n', b->journal);
    fflush(b->journal);   /* survives kill -9 of the process (not a power cut: no fsync, by design) */
}

const char *sim_side_code(uint8_t s) { return s == COS_BUY ? "B" : "S"; }
const char *sim_type_code(uint8_t t) { return t == COT_MARKET ? "MKT" : t == COT_LIMIT ? "LMT" : "STP"; }

void sim_e8s(int64_t v, char *out, size_t n) {
    if (v) sim_format_e8(v, out, n); else out[0] = 0;
}

/* ---------------------------------------------------------------- journal replay */

typedef struct { const char *p; size_t n; } JF;

static int split(char *line, JF *f, int max, int *last_rest) {
    int k = 0;
    char *s = line;
    for (;;) {
        char *c = k + 1 == max ? NULL : strchr(s, ',');
        f[k++] = (JF){s, c ? (size_t)(c - s) : strlen(s)};
        if (!c || k == max) break;
        s = c + 1;
    }
    *last_rest = k;
    return k;
}

static bool jint(JF f, int64_t *out) {
    char b[32];
    if (!f.n || f.n >= sizeof b) return false;
    memcpy(b, f.p, f.n);
    b[f.n] = 0;
    char *e;
    errno = 0;
    long long x = strtoll(b, &e, 10);
    if (*e || errno) return false;
    *out = x;
    return true;
}

static bool je8(JF f, int64_t *out) {
    if (!f.n) { *out = 0; return true; }
    return sim_parse_e8(f.p, f.n, out);
}

static void jcopy(JF f, char *out, size_t cap) {
    size_t n = f.n < cap - 1 ? f.n : cap - 1;
    memcpy(out, f.p, n);
    out[n] = 0;
}

/* Applies one journal line to the broker (no events, no journal writes). */
static bool replay_line(SimRoute *r, char *line, char *why, size_t whylen) {
    SimBroker *b = r->b;
    JF f[16];
    int n, rest;
    char kind = line[0];
    n = split(line, f, kind == 'R' ? 15 : 16, &rest);
    int64_t ts, seq;
    if (f[0].n != 1 || n < 3 || !jint(f[1], &ts) || !jint(f[2], &seq)) { snprintf(why, whylen, "bad kind, ts or seq"); return false; }
    if (kind == 'N' || kind == 'R') {
        if ((kind == 'N' && n != 13) || (kind == 'R' && n != 15)) { snprintf(why, whylen, "expected %d fields", kind == 'N' ? 13 : 15); return false; }
        if (seq != (int64_t)b->norders + 1) { snprintf(why, whylen, "seq %lld out of order (expected %u)", (long long)seq, b->norders + 1); return false; }
        int64_t broker, qty;
        char acc[64], sub[64], tk[33], ex[9];
        if (!jint(f[3], &broker) || !jint(f[10], &qty)) { snprintf(why, whylen, "bad broker or quantity"); return false; }
        jcopy(f[4], acc, sizeof acc);
        jcopy(f[5], sub, sizeof sub);
        jcopy(f[6], tk, sizeof tk);
        jcopy(f[7], ex, sizeof ex);
        SimOrder *o = sim_order_new(b);
        if (!o) { snprintf(why, whylen, "out of memory"); return false; }
        o->entry_ts = o->update_ts = o->prio_ts = ts;
        o->side = f[8].n == 1 && f[8].p[0] == 'B' ? COS_BUY : COS_SELL;
        o->type = f[9].n == 3 && !memcmp(f[9].p, "MKT", 3) ? COT_MARKET : f[9].n == 3 && !memcmp(f[9].p, "LMT", 3) ? COT_LIMIT : COT_STOP_LIMIT;
        o->qty = qty;
        o->raw_broker = (int32_t)broker;
        o->from_earlier = 1;
        sim_set_clordid(r->s, o);
        char16_t wa[64], ws[64];
        sim_utf8_to_u16(acc, strlen(acc), wa, 64);
        sim_utf8_to_u16(sub, strlen(sub), ws, 64);
        o->acct = sim_roster_find(b->roster, (int32_t)broker, wa, ws);
        o->inst = sim_inst_intern(b, tk, ex);
        if (o->acct >= 0) sim_u32_push(&b->acct_orders[o->acct], o->seq);
        else { o->raw_account = sim_text_u16(b, wa); o->raw_sub = sim_text_u16(b, ws); }
        if (kind == 'N') {
            if (o->acct < 0) { snprintf(why, whylen, "account %lld/%s is not in the roster", (long long)broker, acc); return false; }
            if (!je8(f[11], &o->price_e8) || !je8(f[12], &o->stop_e8)) { snprintf(why, whylen, "bad price or stop"); return false; }
            o->status = COS_NEW;
            if (o->type == COT_MARKET) {
                /* as the live path (sim_match.c): a market order not yet executed rests at the extreme price; an
                   'F' line then closes it or an 'L' line re-prices its remainder */
                o->rest_e8 = o->side == COS_BUY ? MARKET_BUY_REST : MARKET_SELL_REST;
                o->where = SIM_WHERE_BOOK;
            } else {
                o->rest_e8 = o->price_e8;
                o->where = o->type == COT_STOP_LIMIT ? SIM_WHERE_STOPS : SIM_WHERE_BOOK;
            }
        } else {
            int64_t st;
            if (!jint(f[13], &st)) { snprintf(why, whylen, "bad status"); return false; }
            double px = strtod(f[11].p, NULL);
            if (!sim_to_e8(px, &o->price_e8)) o->price_e8 = 0;
            o->status = (uint8_t)st;
            o->close_ts = ts;
            char txt[600];
            jcopy(f[14], txt, sizeof txt);
            o->text = sim_text_utf8(b, txt);
        }
        o->event_id = ++b->event_id;
        return true;
    }
    SimOrder *o = sim_broker_order(b, (uint32_t)seq);
    if (!o || o->acct < 0) { snprintf(why, whylen, "unknown order seq %lld", (long long)seq); return false; }
    switch (kind) {
    case 'F': {
        int64_t q, px;
        if (n != 5 || !jint(f[3], &q) || !je8(f[4], &px) || q <= 0) { snprintf(why, whylen, "bad fill"); return false; }
        uint8_t where = o->where;
        o->where = SIM_WHERE_NONE;   /* no books while replaying (they are rebuilt at session start) */
        sim_apply_fill(r, o, q, px, ts);
        if (sim_is_open(o->status)) o->where = where;
        return true;
    }
    case 'L':
        if (n != 4 || !je8(f[3], &o->rest_e8)) { snprintf(why, whylen, "bad price"); return false; }
        o->where = SIM_WHERE_BOOK;
        return true;
    case 'S':
        o->triggered = 1;
        o->prio_ts = ts;
        o->rest_e8 = o->price_e8;
        o->where = SIM_WHERE_BOOK;
        return true;
    case 'M': {
        int64_t q, px, sp;
        if (n != 6 || !jint(f[3], &q) || !je8(f[4], &px) || !je8(f[5], &sp)) { snprintf(why, whylen, "bad change"); return false; }
        if (px != o->price_e8 || sp != o->stop_e8 || q > o->qty) o->prio_ts = ts;
        o->qty = q;
        o->price_e8 = o->rest_e8 = px;
        if (o->type == COT_STOP_LIMIT && !o->triggered) o->stop_e8 = sp;
        o->status = COS_REPLACED;
        o->update_ts = ts;
        o->event_id = ++b->event_id;
        return true;
    }
    case 'C':
        o->where = SIM_WHERE_NONE;
        o->status = o->traded ? COS_PARTIALLY_FILLED_CANCELED : COS_CANCELED;
        o->update_ts = o->close_ts = ts;
        o->event_id = ++b->event_id;
        return true;
    case 'X':
        o->where = SIM_WHERE_NONE;
        o->status = o->traded ? COS_PARTIALLY_FILLED_EXPIRED : COS_EXPIRED;
        o->update_ts = o->close_ts = ts;
        o->text = sim_textf(b, "expired: day order still open at the end of the session");
        o->event_id = ++b->event_id;
        return true;
    }
    snprintf(why, whylen, "unknown line kind '%c'", kind);
    return false;
}

static void day_text(int64_t day, char *out, size_t n) {
    TSystemTime t;
    sim_to_systemtime(day * SIM_NS_PER_DAY, 0, &t);
    snprintf(out, n, "%04u-%02u-%02u", t.wYear, t.wMonth, t.wDay);
}

/* Opens the journal: replays it when it is of this trading day, archives it when of another, creates it when
   absent. A torn last line (the process was killed while writing) is cut off. */
int sim_journal_open(SimRoute *r, const char *path, char *err, size_t errlen) {
    SimBroker *b = r->b;
    char today[32];
    day_text(b->trading_day, today, sizeof today);
    char header[80];
    snprintf(header, sizeof header, "# blackbox-sim-journal v1 trading_day=%s", today);
    FILE *fp = fopen(path, "rb");
    if (fp) {
        fseek(fp, 0, SEEK_END);
        long len = ftell(fp);
        fseek(fp, 0, SEEK_SET);
        char *buf = malloc((size_t)len + 1);
        if (!buf || fread(buf, 1, (size_t)len, fp) != (size_t)len) {
            free(buf);
            fclose(fp);
            snprintf(err, errlen, "routing.journal: cannot read %s", path);
            return -1;
        }
        fclose(fp);
        buf[len] = 0;
        long keep = len;
        while (keep > 0 && buf[keep - 1] != '\n') keep--;
        if (keep != len && truncate(path, keep) != 0) {
            free(buf);
            snprintf(err, errlen, "routing.journal: cannot cut the torn last line of %s: %s", path, strerror(errno));
            return -1;
        }
        buf[keep] = 0;
        char *nl = strchr(buf, '\n');
        if (nl) *nl = 0;
        if (keep == 0) {
            /* empty: start afresh */
        } else if (strncmp(buf, "# blackbox-sim-journal v1 trading_day=", 38)) {
            snprintf(err, errlen, "routing.journal: %s:1: expected \"# blackbox-sim-journal v1 trading_day=YYYY-MM-DD\"", path);
            free(buf);
            return -1;
        } else if (strcmp(buf, header)) {
            /* another day's journal: the broker archived it at its end of day */
            char arch[4200];
            snprintf(arch, sizeof arch, "%s.%s", path, buf + 38);
            free(buf);
            if (rename(path, arch) != 0) {
                snprintf(err, errlen, "routing.journal: cannot archive %s to %s: %s", path, arch, strerror(errno));
                return -1;
            }
            keep = 0;
        } else {
            b->replaying = true;
            size_t line = 1;
            for (char *p = nl ? nl + 1 : buf + keep; *p;) {
                char *e = strchr(p, '\n');
                if (e) *e = 0;
                line++;
                char why[200];
                if (*p && *p != '#' && !replay_line(r, p, why, sizeof why)) {
                    snprintf(err, errlen, "routing.journal: %s:%zu: %s", path, line, why);
                    b->replaying = false;
                    free(buf);
                    return -1;
                }
                if (!e) break;
                p = e + 1;
            }
            b->replaying = false;
            free(buf);
        }
        if (keep == 0) {
            fp = fopen(path, "wb");
            if (fp) { fprintf(fp, "%s\n", header); fclose(fp); }
        }
    } else {
        fp = fopen(path, "wb");
        if (!fp) { snprintf(err, errlen, "routing.journal: cannot create %s: %s", path, strerror(errno)); return -1; }
        fprintf(fp, "%s\n", header);
        fclose(fp);
    }
    b->journal = fopen(path, "ab");
    if (!b->journal) { snprintf(err, errlen, "routing.journal: cannot append to %s: %s", path, strerror(errno)); return -1; }
    b->journal_path = strdup(path);
    return 0;
}
