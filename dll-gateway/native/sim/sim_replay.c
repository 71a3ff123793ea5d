/* sim_replay.c — reads canonical replay files (docs/replay-format.md) into one merged, immutable tape.
   Parsing is eager and strict so a bad file is refused at SimSetOption time with file, line, field and
   value in the message, instead of surprising a test halfway through the replay. */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sim_internal.h"

static const char MAGIC[] = "# blackbox-replay v1";
static const char HEADER[] =
    "ts_nanos,ticker,exchange,event,trade_number,price,quantity,trade_type,buy_agent,sell_agent,bid,ask,source_seq";
enum { F_TS, F_TICKER, F_EXCH, F_EVENT, F_TNUM, F_PRICE, F_QTY, F_TTYPE, F_BUY, F_SELL, F_BID, F_ASK, F_SEQ, NF };
static const char *const FNAME[NF] = {"ts_nanos", "ticker", "exchange", "event", "trade_number", "price",
    "quantity", "trade_type", "buy_agent", "sell_agent", "bid", "ask", "source_seq"};

typedef struct { const char *p; size_t n; } Field;

typedef struct {
    SimReplay *r;
    size_t     icap;
    char      *err;
    size_t     errlen;
} Loader;

/* ---------------------------------------------------------------- instrument table */

static uint64_t hash_key(const char *t, const char *e) {
    uint64_t h = 1469598103934665603u;
    for (; *t; t++) h = (h ^ (unsigned char)*t) * 1099511628211u;
    h = (h ^ 0xff) * 1099511628211u;
    for (; *e; e++) h = (h ^ (unsigned char)*e) * 1099511628211u;
    return h;
}

static int64_t find_ascii(const SimReplay *r, const char *t, const char *e) {
    if (!r->hcap) return -1;
    for (size_t i = hash_key(t, e) & (r->hcap - 1);; i = (i + 1) & (r->hcap - 1)) {
        uint32_t v = r->hash[i];
        if (!v) return -1;
        const SimInstrument *in = &r->inst[v - 1];
        if (!strcmp(in->ticker, t) && !strcmp(in->exchange, e)) return v - 1;
    }
}

static bool rehash(SimReplay *r, size_t cap) {
    uint32_t *h = calloc(cap, sizeof *h);
    if (!h) return false;
    for (size_t k = 0; k < r->ninst; k++) {
        size_t i = hash_key(r->inst[k].ticker, r->inst[k].exchange) & (cap - 1);
        while (h[i]) i = (i + 1) & (cap - 1);
        h[i] = (uint32_t)k + 1;
    }
    free(r->hash);
    r->hash = h;
    r->hcap = cap;
    return true;
}

static int64_t intern(Loader *L, const char *t, const char *e) {
    SimReplay *r = L->r;
    int64_t k = find_ascii(r, t, e);
    if (k >= 0) return k;
    if (r->ninst == L->icap) {
        size_t cap = L->icap ? L->icap * 2 : 16;
        SimInstrument *in = realloc(r->inst, cap * sizeof *in);
        if (!in) return -1;
        r->inst = in;
        L->icap = cap;
    }
    SimInstrument *in = &r->inst[r->ninst];
    memset(in, 0, sizeof *in);
    strcpy(in->ticker, t);
    strcpy(in->exchange, e);
    r->ninst++;
    if (r->ninst * 2 > r->hcap) {
        if (!rehash(r, r->hcap ? r->hcap * 2 : 64)) return -1;   /* rehash inserts the new key too */
    } else {
        size_t i = hash_key(t, e) & (r->hcap - 1);
        while (r->hash[i]) i = (i + 1) & (r->hcap - 1);
        r->hash[i] = (uint32_t)r->ninst;
    }
    return (int64_t)r->ninst - 1;
}

int64_t sim_replay_find(const SimReplay *r, const char16_t *ticker, const char16_t *exchange) {
    char t[33], e[9];
    size_t i;
    for (i = 0; ticker[i]; i++) {
        if (i >= 32 || ticker[i] > 127) return -1;
        t[i] = (char)ticker[i];
    }
    t[i] = 0;
    for (i = 0; exchange[i]; i++) {
        if (i >= 8 || exchange[i] > 127) return -1;
        e[i] = (char)exchange[i];
    }
    e[i] = 0;
    return find_ascii(r, t, e);
}

/* ---------------------------------------------------------------- field parsers */

static bool fail(Loader *L, const char *path, size_t line, int f, Field v, const char *why) {
    snprintf(L->err, L->errlen, "bad replay row: %s:%zu: field %s: value \"%.*s\": %s", path, line, FNAME[f],
             (int)(v.n > 64 ? 64 : v.n), v.p, why);
    return false;
}

static bool parse_i64(Field v, int64_t *out) {
    size_t i = 0;
    bool neg = false;
    if (v.n && v.p[0] == '-') { neg = true; i = 1; }
    if (i == v.n || v.n - i > 19) return false;
    uint64_t x = 0;
    for (; i < v.n; i++) {
        unsigned c = (unsigned char)v.p[i] - '0';
        if (c > 9) return false;
        x = x * 10 + c;
    }
    if (x > (uint64_t)INT64_MAX + neg) return false;
    *out = neg ? (int64_t)(0 - x) : (int64_t)x;
    return true;
}

static const double POW10[] = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13,
                               1e14, 1e15, 1e16, 1e17, 1e18};

/* Plain decimal `-?digits(.digits)?`. Integer mantissa / power of ten is correctly rounded while the
   mantissa fits in 53 bits (every tick-rounded price); longer text falls back to strtod. */
static bool parse_decimal(Field v, double *out) {
    size_t i = 0, digits = 0, frac = 0;
    bool neg = false, dot = false;
    uint64_t m = 0;
    if (v.n && v.p[0] == '-') { neg = true; i = 1; }
    for (; i < v.n; i++) {
        char c = v.p[i];
        if (c == '.' && !dot) { dot = true; continue; }
        if (c < '0' || c > '9') return false;
        if (digits < 19) m = m * 10 + (uint64_t)(c - '0');
        digits++;
        if (dot) frac++;
    }
    if (!digits || (dot && !frac) || v.p[v.n - 1] == '.') return false;
    if (digits <= 15 && frac <= 18) {
        double d = (double)m / POW10[frac];
        *out = neg ? -d : d;
        return true;
    }
    char buf[128];
    if (v.n >= sizeof buf) return false;
    memcpy(buf, v.p, v.n);
    buf[v.n] = 0;
    *out = strtod(buf, NULL);
    return true;
}

static bool name_ok(Field v, size_t max, bool allow_dot_dash) {
    if (v.n < 1 || v.n > max) return false;
    for (size_t i = 0; i < v.n; i++) {
        char c = v.p[i];
        if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_') continue;
        if (allow_dot_dash && (c == '.' || c == '-')) continue;
        return false;
    }
    return true;
}

/* ---------------------------------------------------------------- one file */

typedef struct { SimEvent *ev; size_t n, cap; } EvVec;

static bool parse_row(Loader *L, const char *path, size_t line, Field *f, SimEvent *e) {
    int64_t x;
    memset(e, 0, sizeof *e);
    if (!parse_i64(f[F_TS], &e->ts) || e->ts < 0) return fail(L, path, line, F_TS, f[F_TS], "not a non-negative int64");
    if (!name_ok(f[F_TICKER], 32, true)) return fail(L, path, line, F_TICKER, f[F_TICKER], "must match [A-Z0-9_.-]{1,32}");
    if (!name_ok(f[F_EXCH], 8, false)) return fail(L, path, line, F_EXCH, f[F_EXCH], "must match [A-Z0-9_]{1,8}");
    if (f[F_EVENT].n != 1 || !strchr("TEK", f[F_EVENT].p[0]))
        return fail(L, path, line, F_EVENT, f[F_EVENT], "must be T, E or K");
    e->kind = (uint8_t)f[F_EVENT].p[0];
    if (e->kind != 'K') {
        if (!parse_i64(f[F_TNUM], &x) || x < 0 || x > UINT32_MAX)
            return fail(L, path, line, F_TNUM, f[F_TNUM], "not a uint32");
        e->trade_number = (uint32_t)x;
        if (!parse_decimal(f[F_PRICE], &e->price)) return fail(L, path, line, F_PRICE, f[F_PRICE], "not a decimal");
        if (!parse_i64(f[F_QTY], &e->qty) || e->qty <= 0)
            return fail(L, path, line, F_QTY, f[F_QTY], "not an int64 > 0");
        if (!parse_i64(f[F_TTYPE], &x) || x < 0 || x > 255)
            return fail(L, path, line, F_TTYPE, f[F_TTYPE], "not a uint8");
        e->trade_type = (uint8_t)x;
        for (int k = F_BUY; k <= F_SELL; k++) {
            x = 0;   /* "0 when the source has none": an empty agent is read as 0 */
            if (f[k].n && (!parse_i64(f[k], &x) || x < INT32_MIN || x > INT32_MAX))
                return fail(L, path, line, k, f[k], "not an int32");
            if (k == F_BUY) e->buy_agent = (int32_t)x; else e->sell_agent = (int32_t)x;
        }
    }
    if (f[F_BID].n) {
        if (!parse_decimal(f[F_BID], &e->bid)) return fail(L, path, line, F_BID, f[F_BID], "not a decimal");
        e->has_bid = 1;
    }
    if (f[F_ASK].n) {
        if (!parse_decimal(f[F_ASK], &e->ask)) return fail(L, path, line, F_ASK, f[F_ASK], "not a decimal");
        e->has_ask = 1;
    }
    if (f[F_SEQ].n && !parse_i64(f[F_SEQ], &x)) return fail(L, path, line, F_SEQ, f[F_SEQ], "not an int64");
    char t[33], ex[9];
    memcpy(t, f[F_TICKER].p, f[F_TICKER].n); t[f[F_TICKER].n] = 0;
    memcpy(ex, f[F_EXCH].p, f[F_EXCH].n); ex[f[F_EXCH].n] = 0;
    int64_t k = intern(L, t, ex);
    if (k < 0) { snprintf(L->err, L->errlen, "out of memory loading %s", path); return false; }
    e->inst = (uint32_t)k;
    return true;
}

static bool load_file(Loader *L, const char *path, EvVec *out) {
    FILE *fp = fopen(path, "rb");
    if (!fp) { snprintf(L->err, L->errlen, "cannot open replay file %s: %s", path, strerror(errno)); return false; }
    char *buf = NULL;
    size_t len = 0, cap = 0;
    for (;;) {
        if (cap - len < 65536) {
            cap = cap ? cap * 2 : 1 << 20;
            char *nb = realloc(buf, cap + 1);
            if (!nb) { free(buf); fclose(fp); snprintf(L->err, L->errlen, "out of memory reading %s", path); return false; }
            buf = nb;
        }
        size_t got = fread(buf + len, 1, cap - len, fp);
        len += got;
        if (got == 0) break;
    }
    bool io_err = ferror(fp);
    fclose(fp);
    if (io_err) { free(buf); snprintf(L->err, L->errlen, "cannot read replay file %s", path); return false; }
    buf[len] = 0;

    bool ok = true;
    size_t line = 0;
    char *p = buf, *end = buf + len;
    int64_t last_ts = INT64_MIN;
    while (ok && p < end) {
        char *nl = memchr(p, '\n', (size_t)(end - p));
        char *le = nl ? nl : end;
        char *next = nl ? nl + 1 : end;
        line++;
        size_t n = (size_t)(le - p);
        if (n && p[n - 1] == '\r') n--;   /* tolerate CRLF */
        if (line == 1) {
            if (n != sizeof MAGIC - 1 || memcmp(p, MAGIC, n)) {
                snprintf(L->err, L->errlen, "bad replay file: %s:1: expected \"%s\"", path, MAGIC);
                ok = false;
            }
        } else if (line == 2) {
            if (n != sizeof HEADER - 1 || memcmp(p, HEADER, n)) {
                snprintf(L->err, L->errlen, "bad replay file: %s:2: expected header \"%s\"", path, HEADER);
                ok = false;
            }
        } else if (n && p[0] != '#') {
            Field f[NF];
            int nf = 0;
            char *s = p, *e = p + n;
            for (;;) {
                char *c = memchr(s, ',', (size_t)(e - s));
                char *fe = c ? c : e;
                if (nf < NF) f[nf] = (Field){s, (size_t)(fe - s)};
                nf++;
                if (!c) break;
                s = c + 1;
            }
            if (nf != NF) {
                snprintf(L->err, L->errlen, "bad replay row: %s:%zu: expected %d fields, found %d", path, line, NF, nf);
                ok = false;
            } else {
                if (out->n == out->cap) {
                    size_t nc = out->cap ? out->cap * 2 : 4096;
                    SimEvent *ne = realloc(out->ev, nc * sizeof *ne);
                    if (!ne) { snprintf(L->err, L->errlen, "out of memory loading %s", path); ok = false; break; }
                    out->ev = ne;
                    out->cap = nc;
                }
                SimEvent *ev = &out->ev[out->n];
                ok = parse_row(L, path, line, f, ev);
                if (ok && ev->ts < last_ts)
                    ok = fail(L, path, line, F_TS, f[F_TS], "decreases (rows must be in non-decreasing time order)");
                if (ok) { last_ts = ev->ts; out->n++; }
            }
        }
        p = next;
    }
    if (ok && line < 2) {
        snprintf(L->err, L->errlen, "bad replay file: %s: missing the magic line and header", path);
        ok = false;
    }
    free(buf);
    return ok;
}

/* ---------------------------------------------------------------- merge and index */

static bool finish(SimReplay *r) {
    for (size_t k = 0; k < r->ninst; k++) {
        SimInstrument *in = &r->inst[k];
        size_t i;
        for (i = 0; in->ticker[i]; i++) in->wticker[i] = (char16_t)in->ticker[i];
        in->wticker[i] = 0;
        for (i = 0; in->exchange[i]; i++) in->wexchange[i] = (char16_t)in->exchange[i];
        in->wexchange[i] = 0;
        in->asset = (TConnectorAssetIdentifier){.Version = 0, .Ticker = in->wticker, .Exchange = in->wexchange, .FeedType = 0};
        in->legacy = (TAssetIDRec){.pwcTicker = in->wticker, .pwcBolsa = in->wexchange, .nFeed = 0};
    }
    for (size_t i = 0; i < r->n; i++)
        if (r->ev[i].kind == 'T') r->inst[r->ev[i].inst].nhist++;
    for (size_t k = 0; k < r->ninst; k++) {
        r->inst[k].hist = malloc((r->inst[k].nhist ? r->inst[k].nhist : 1) * sizeof(uint32_t));
        if (!r->inst[k].hist) return false;
        r->inst[k].nhist = 0;
    }
    for (size_t i = 0; i < r->n; i++)
        if (r->ev[i].kind == 'T') {
            SimInstrument *in = &r->inst[r->ev[i].inst];
            in->hist[in->nhist++] = (uint32_t)i;
        }
    return true;
}

SimReplay *sim_replay_load(const char *paths, char *err, size_t errlen) {
    SimReplay *r = calloc(1, sizeof *r);
    char *spec = strdup(paths ? paths : "");
    EvVec *files = NULL;
    size_t nfiles = 0;
    Loader L = {.r = r, .err = err, .errlen = errlen};
    bool ok = r && spec;
    if (!ok) snprintf(err, errlen, "out of memory");
    for (char *save = NULL, *tok = ok ? strtok_r(spec, ":", &save) : NULL; ok && tok; tok = strtok_r(NULL, ":", &save)) {
        EvVec *nf = realloc(files, (nfiles + 1) * sizeof *nf);
        if (!nf) { snprintf(err, errlen, "out of memory"); ok = false; break; }
        files = nf;
        files[nfiles] = (EvVec){0};
        ok = load_file(&L, tok, &files[nfiles]);
        nfiles++;
    }
    size_t total = 0;
    for (size_t i = 0; i < nfiles; i++) total += files[i].n;
    if (ok && total > UINT32_MAX) { snprintf(err, errlen, "replay too large: %zu events", total); ok = false; }
    if (ok && nfiles == 1) {
        r->ev = files[0].ev;                  /* one file: already in order, no copy */
        r->n = files[0].n;
        files[0].ev = NULL;
    } else if (ok && total) {
        /* k-way merge; k is small, so a linear scan of the heads is enough. Strict < keeps ties in file order. */
        r->ev = malloc(total * sizeof *r->ev);
        size_t *head = calloc(nfiles, sizeof *head);
        if (!r->ev || !head) { snprintf(err, errlen, "out of memory"); ok = false; }
        for (size_t o = 0; ok && o < total; o++) {
            size_t best = SIZE_MAX;
            for (size_t i = 0; i < nfiles; i++)
                if (head[i] < files[i].n && (best == SIZE_MAX || files[i].ev[head[i]].ts < files[best].ev[head[best]].ts))
                    best = i;
            r->ev[o] = files[best].ev[head[best]++];
        }
        r->n = total;
        free(head);
    }
    for (size_t i = 0; i < nfiles; i++) free(files[i].ev);
    free(files);
    free(spec);
    if (ok && !finish(r)) { snprintf(err, errlen, "out of memory"); ok = false; }
    if (!ok) { sim_replay_free(r); return NULL; }
    return r;
}

void sim_replay_free(SimReplay *r) {
    if (!r) return;
    for (size_t k = 0; k < r->ninst; k++) free(r->inst[k].hist);
    free(r->inst);
    free(r->hash);
    free(r->ev);
    free(r);
}
