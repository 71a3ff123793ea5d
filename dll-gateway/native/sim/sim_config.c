/* sim_config.c — the account roster and the instrument master: strict CSV files read at SimSetOption time,
   so a bad file is refused with file, line, field and value (like replay files). Formats: README.md. */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "sim_routing.h"

static const char ROSTER_MAGIC[] = "# blackbox-sim-roster v1";
static const char ROSTER_HEADER[] =
    "group,broker_id,broker_name,account_id,sub_account_id,owner_name,account_type,enabled,routing_password,"
    "cash_brl,positions";
enum { R_GROUP, R_BROKER, R_BROKER_NAME, R_ACCOUNT, R_SUB, R_OWNER, R_TYPE, R_ENABLED, R_PASSWORD, R_CASH,
       R_POSITIONS, RNF };
static const char *const RFNAME[RNF] = {"group", "broker_id", "broker_name", "account_id", "sub_account_id",
    "owner_name", "account_type", "enabled", "routing_password", "cash_brl", "positions"};

static const char MASTER_MAGIC[] = "# blackbox-sim-instruments v1";
static const char MASTER_HEADER[] = "ticker,exchange,lot,tick,max_quantity,hours";
enum { M_TICKER, M_EXCH, M_LOT, M_TICK, M_MAXQ, M_HOURS, MNF };
static const char *const MFNAME[MNF] = {"ticker", "exchange", "lot", "tick", "max_quantity", "hours"};

typedef struct { const char *p; size_t n; } Fld;

/* ---------------------------------------------------------------- text helpers */

bool sim_utf8_to_u16(const char *s, size_t n, char16_t *out, size_t cap) {
    size_t o = 0;
    for (size_t i = 0; i < n;) {
        unsigned char c = (unsigned char)s[i];
        uint32_t cp;
        size_t len;
        if (c < 0x80) { cp = c; len = 1; }
        else if ((c & 0xE0) == 0xC0) { cp = c & 0x1F; len = 2; }
        else if ((c & 0xF0) == 0xE0) { cp = c & 0x0F; len = 3; }
        else if ((c & 0xF8) == 0xF0) { cp = c & 0x07; len = 4; }
        else return false;
        if (i + len > n) return false;
        for (size_t k = 1; k < len; k++) {
            unsigned char cc = (unsigned char)s[i + k];
            if ((cc & 0xC0) != 0x80) return false;
            cp = cp << 6 | (cc & 0x3F);
        }
        if ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && (cp < 0x10000 || cp > 0x10FFFF)) ||
            (cp >= 0xD800 && cp <= 0xDFFF))
            return false;
        i += len;
        if (cp >= 0x10000) {
            if (o + 2 >= cap) return false;
            cp -= 0x10000;
            out[o++] = (char16_t)(0xD800 + (cp >> 10));
            out[o++] = (char16_t)(0xDC00 + (cp & 0x3FF));
        } else {
            if (o + 1 >= cap) return false;
            out[o++] = (char16_t)cp;
        }
    }
    if (o >= cap) return false;
    out[o] = 0;
    return true;
}

char16_t *sim_u16_from_utf8(const char *s) {
    size_t n = strlen(s);
    char16_t *w = malloc((n + 1) * sizeof *w);
    if (w && !sim_utf8_to_u16(s, n, w, n + 1)) { free(w); return NULL; }
    return w;
}

bool sim_parse_e8(const char *s, size_t n, int64_t *out) {
    size_t i = 0, frac = 0;
    bool dot = false, digits = false;
    int64_t v = 0;
    for (; i < n; i++) {
        char c = s[i];
        if (c == '.' && !dot) { dot = true; continue; }
        if (c < '0' || c > '9') return false;
        if (dot && ++frac > 8) return false;
        if (v > (INT64_MAX - 9) / 10) return false;
        v = v * 10 + (c - '0');
        digits = true;
    }
    if (!digits || (dot && frac == 0)) return false;
    for (; frac < 8; frac++) {
        if (v > INT64_MAX / 10) return false;
        v *= 10;
    }
    *out = v;
    return true;
}

void sim_format_e8(int64_t v, char *out, size_t n) {
    bool neg = v < 0;
    uint64_t a = neg ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
    char frac[9];
    snprintf(frac, sizeof frac, "%08llu", (unsigned long long)(a % (uint64_t)SIM_E8));
    int len = 8;
    while (len > 2 && frac[len - 1] == '0') len--;
    frac[len] = 0;
    snprintf(out, n, "%s%llu.%s", neg ? "-" : "", (unsigned long long)(a / (uint64_t)SIM_E8), frac);
}

/* ---------------------------------------------------------------- CSV lines */

typedef struct {
    const char *path;
    char       *err;
    size_t      errlen;
    size_t      line;
} Ctx;

static bool bad_field(Ctx *c, const char *kind, const char *name, Fld v, const char *why) {
    snprintf(c->err, c->errlen, "bad %s row: %s:%zu: field %s: value \"%.*s\": %s", kind, c->path, c->line, name,
             (int)(v.n > 64 ? 64 : v.n), v.p, why);
    return false;
}

/* Reads a whole file into a NUL-terminated buffer. */
static char *slurp(Ctx *c, const char *what) {
    FILE *fp = fopen(c->path, "rb");
    if (!fp) { snprintf(c->err, c->errlen, "cannot open %s file %s: %s", what, c->path, strerror(errno)); return NULL; }
    size_t len = 0, cap = 1 << 16;
    char *buf = malloc(cap + 1);
    while (buf) {
        size_t got = fread(buf + len, 1, cap - len, fp);
        len += got;
        if (len < cap) break;
        char *nb = realloc(buf, cap * 2 + 1);
        if (!nb) { free(buf); buf = NULL; break; }
        buf = nb;
        cap *= 2;
    }
    bool io = ferror(fp);
    fclose(fp);
    if (!buf || io) {
        free(buf);
        snprintf(c->err, c->errlen, "cannot read %s file %s", what, c->path);
        return NULL;
    }
    buf[len] = 0;
    return buf;
}

/* Iterates the data rows of a magic+header file. Returns false on a format error (err written).
   row() is called with the fields of each non-comment row; it returns false to abort. */
static bool each_row(Ctx *c, const char *what, const char *magic, const char *header, int nf,
                     bool (*row)(Ctx *, Fld *, void *), void *arg) {
    char *buf = slurp(c, what);
    if (!buf) return false;
    bool ok = true;
    c->line = 0;
    for (char *p = buf; ok && *p;) {
        char *nl = strchr(p, '\n');
        char *le = nl ? nl : p + strlen(p);
        size_t n = (size_t)(le - p);
        if (n && p[n - 1] == '\r') n--;
        c->line++;
        if (c->line == 1) {
            if (n != strlen(magic) || memcmp(p, magic, n)) {
                snprintf(c->err, c->errlen, "bad %s file: %s:1: expected \"%s\"", what, c->path, magic);
                ok = false;
            }
        } else if (c->line == 2) {
            if (n != strlen(header) || memcmp(p, header, n)) {
                snprintf(c->err, c->errlen, "bad %s file: %s:2: expected header \"%s\"", what, c->path, header);
                ok = false;
            }
        } else if (n && p[0] != '#') {
            Fld f[16];
            int k = 0;
            const char *s = p, *e = p + n;
            for (;;) {
                const char *cm = memchr(s, ',', (size_t)(e - s));
                const char *fe = cm ? cm : e;
                if (k < 16) f[k] = (Fld){s, (size_t)(fe - s)};
                k++;
                if (!cm) break;
                s = cm + 1;
            }
            if (k != nf) {
                snprintf(c->err, c->errlen, "bad %s row: %s:%zu: expected %d fields, found %d", what, c->path, c->line,
                         nf, k);
                ok = false;
            } else {
                ok = row(c, f, arg);
            }
        }
        p = nl ? nl + 1 : le;
    }
    if (ok && c->line < 2) {
        snprintf(c->err, c->errlen, "bad %s file: %s: missing the magic line and header", what, c->path);
        ok = false;
    }
    free(buf);
    return ok;
}

static bool fld_int(Fld v, int64_t lo, int64_t hi, int64_t *out) {
    char b[32];
    if (!v.n || v.n >= sizeof b) return false;
    memcpy(b, v.p, v.n);
    b[v.n] = 0;
    char *end;
    errno = 0;
    long long x = strtoll(b, &end, 10);
    if (*end || errno || x < lo || x > hi) return false;
    *out = x;
    return true;
}

static bool fld_copy(Fld v, char *out, size_t cap) {
    if (v.n >= cap) return false;
    memcpy(out, v.p, v.n);
    out[v.n] = 0;
    return true;
}

static bool fld_name(Fld v, size_t max, bool dot_dash) {
    if (v.n < 1 || v.n > max) return false;
    for (size_t i = 0; i < v.n; i++) {
        char ch = v.p[i];
        if ((ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || ch == '_') continue;
        if (dot_dash && (ch == '.' || ch == '-')) continue;
        return false;
    }
    return true;
}

/* ---------------------------------------------------------------- roster */

static uint64_t acct_hash(int32_t broker, const char16_t *a, const char16_t *sub) {
    uint64_t h = 1469598103934665603u ^ (uint32_t)broker;
    h *= 1099511628211u;
    for (; *a; a++) h = (h ^ *a) * 1099511628211u;
    h = (h ^ 0xFFFF) * 1099511628211u;
    for (; sub && *sub; sub++) h = (h ^ *sub) * 1099511628211u;
    return h;
}

static bool u16eq(const char16_t *a, const char16_t *b) {
    if (!a) a = u"";
    if (!b) b = u"";
    while (*a && *a == *b) { a++; b++; }
    return *a == *b;
}

int32_t sim_roster_find(const SimRoster *r, int32_t broker, const char16_t *account, const char16_t *sub) {
    if (!r || !r->hcap || !account) return -1;
    for (size_t i = acct_hash(broker, account, sub) & (r->hcap - 1);; i = (i + 1) & (r->hcap - 1)) {
        uint32_t v = r->hash[i];
        if (!v) return -1;
        const SimAccount *a = &r->acc[v - 1];
        if (a->broker_id == broker && u16eq(a->account_id, account) && u16eq(a->sub_id, sub)) return (int32_t)v - 1;
    }
}

void sim_roster_free(SimRoster *r) {
    if (!r) return;
    for (size_t i = 0; i < r->n; i++) {
        free(r->acc[i].broker_name);
        free(r->acc[i].owner);
        free(r->acc[i].password);
        free(r->acc[i].pos);
    }
    free(r->acc);
    free(r->hash);
    free(r);
}

static int parse_account_type(Fld v) {
    static const char *const names[] = {"owner", "assessor", "master", "sub_account", "risk_master", "prop_office",
                                        "prop_manager"};
    for (int i = 0; i < 7; i++)
        if (v.n == strlen(names[i]) && !memcmp(v.p, names[i], v.n)) return i;
    int64_t x;
    if (fld_int(v, 0, 6, &x)) return (int)x;
    return -1;
}

static char16_t *dup_u16(Fld v) {
    char tmp[512];
    if (v.n >= sizeof tmp) return NULL;
    memcpy(tmp, v.p, v.n);
    tmp[v.n] = 0;
    return sim_u16_from_utf8(tmp);
}

typedef struct { SimRoster *r; size_t cap; } RosterB;

static bool parse_positions(Ctx *c, Fld v, SimAccount *a) {
    if (!v.n) return true;
    size_t cap = 1;
    for (size_t i = 0; i < v.n; i++) cap += v.p[i] == ';';
    a->pos = calloc(cap, sizeof *a->pos);
    if (!a->pos) return bad_field(c, "roster", "positions", v, "out of memory");
    const char *s = v.p, *e = v.p + v.n;
    while (s <= e) {
        const char *sc = memchr(s, ';', (size_t)(e - s));
        const char *pe = sc ? sc : e;
        Fld p = {s, (size_t)(pe - s)};
        const char *c1 = memchr(p.p, ':', p.n);
        const char *c2 = c1 ? memchr(c1 + 1, ':', (size_t)(pe - c1 - 1)) : NULL;
        const char *at = c2 ? memchr(c2 + 1, '@', (size_t)(pe - c2 - 1)) : NULL;
        if (!at) return bad_field(c, "roster", "positions", p, "must be TICKER:EXCHANGE:QTY@AVGPRICE");
        Fld t = {p.p, (size_t)(c1 - p.p)}, x = {c1 + 1, (size_t)(c2 - c1 - 1)}, q = {c2 + 1, (size_t)(at - c2 - 1)},
            px = {at + 1, (size_t)(pe - at - 1)};
        SimRosterPos *rp = &a->pos[a->npos];
        if (!fld_name(t, 32, true)) return bad_field(c, "roster", "positions", p, "ticker must match [A-Z0-9_.-]{1,32}");
        if (!fld_name(x, 8, false)) return bad_field(c, "roster", "positions", p, "exchange must match [A-Z0-9_]{1,8}");
        if (!fld_int(q, INT64_MIN / 2, INT64_MAX / 2, &rp->qty) || rp->qty == 0)
            return bad_field(c, "roster", "positions", p, "quantity must be a nonzero integer");
        if (!sim_parse_e8(px.p, px.n, &rp->avg_e8) || rp->avg_e8 <= 0)
            return bad_field(c, "roster", "positions", p, "average price must be a decimal > 0 with at most 8 decimals");
        fld_copy(t, rp->ticker, sizeof rp->ticker);
        fld_copy(x, rp->exchange, sizeof rp->exchange);
        for (size_t k = 0; k < a->npos; k++)
            if (!strcmp(a->pos[k].ticker, rp->ticker) && !strcmp(a->pos[k].exchange, rp->exchange))
                return bad_field(c, "roster", "positions", p, "instrument listed twice");
        a->npos++;
        if (!sc) break;
        s = sc + 1;
    }
    return true;
}

static bool roster_row(Ctx *c, Fld *f, void *arg) {
    RosterB *rb = arg;
    SimRoster *r = rb->r;
    if (r->n == rb->cap) {
        size_t nc = rb->cap ? rb->cap * 2 : 32;
        SimAccount *na = realloc(r->acc, nc * sizeof *na);
        if (!na) { snprintf(c->err, c->errlen, "out of memory loading %s", c->path); return false; }
        r->acc = na;
        rb->cap = nc;
    }
    SimAccount *a = &r->acc[r->n];
    memset(a, 0, sizeof *a);
    r->n++;   /* counted now so sim_roster_free releases what this row allocated on failure */
    int64_t x;
    if (!fld_copy(f[R_GROUP], a->group, sizeof a->group))
        return bad_field(c, "roster", RFNAME[R_GROUP], f[R_GROUP], "longer than 63 bytes");
    if (!fld_int(f[R_BROKER], 1, INT32_MAX, &x))
        return bad_field(c, "roster", RFNAME[R_BROKER], f[R_BROKER], "not an int32 > 0");
    a->broker_id = (int32_t)x;
    if (!f[R_BROKER_NAME].n || !(a->broker_name = dup_u16(f[R_BROKER_NAME])))
        return bad_field(c, "roster", RFNAME[R_BROKER_NAME], f[R_BROKER_NAME], "must be non-empty UTF-8");
    if (!f[R_ACCOUNT].n || !fld_copy(f[R_ACCOUNT], a->account_a, sizeof a->account_a) ||
        !sim_utf8_to_u16(a->account_a, strlen(a->account_a), a->account_id, 40))
        return bad_field(c, "roster", RFNAME[R_ACCOUNT], f[R_ACCOUNT], "must be 1..39 UTF-8 characters");
    if (!fld_copy(f[R_SUB], a->sub_a, sizeof a->sub_a) || !sim_utf8_to_u16(a->sub_a, strlen(a->sub_a), a->sub_id, 24))
        return bad_field(c, "roster", RFNAME[R_SUB], f[R_SUB], "must be at most 23 UTF-8 characters");
    if (!f[R_OWNER].n || !(a->owner = dup_u16(f[R_OWNER])))
        return bad_field(c, "roster", RFNAME[R_OWNER], f[R_OWNER], "must be non-empty UTF-8");
    int t = parse_account_type(f[R_TYPE]);
    if (t < 0)
        return bad_field(c, "roster", RFNAME[R_TYPE], f[R_TYPE],
                         "must be owner, assessor, master, sub_account, risk_master, prop_office, prop_manager or 0..6");
    a->type = (uint8_t)t;
    if (f[R_ENABLED].n == 1 && (f[R_ENABLED].p[0] == '0' || f[R_ENABLED].p[0] == '1'))
        a->enabled = f[R_ENABLED].p[0] == '1';
    else
        return bad_field(c, "roster", RFNAME[R_ENABLED], f[R_ENABLED], "must be 0 or 1");
    if (!(a->password = dup_u16(f[R_PASSWORD])))
        return bad_field(c, "roster", RFNAME[R_PASSWORD], f[R_PASSWORD], "must be UTF-8");
    int64_t cash_e8 = 0;
    Fld cash = f[R_CASH];
    bool neg = cash.n && cash.p[0] == '-';
    if (neg) { cash.p++; cash.n--; }
    if (cash.n && (!sim_parse_e8(cash.p, cash.n, &cash_e8) || cash_e8 % 1000000))
        return bad_field(c, "roster", RFNAME[R_CASH], f[R_CASH], "must be a decimal with at most 2 decimals");
    a->cash_cents = (neg ? -cash_e8 : cash_e8) / 1000000;
    if (!parse_positions(c, f[R_POSITIONS], a)) return false;
    /* uniqueness, broker name consistency and the master of a sub-account */
    for (size_t i = 0; i + 1 < r->n; i++) {
        const SimAccount *o = &r->acc[i];
        if (o->broker_id == a->broker_id && !strcmp(o->account_a, a->account_a) && !strcmp(o->sub_a, a->sub_a))
            return bad_field(c, "roster", RFNAME[R_ACCOUNT], f[R_ACCOUNT], "account listed twice for this broker");
        if (o->broker_id == a->broker_id && !u16eq(o->broker_name, a->broker_name))
            return bad_field(c, "roster", RFNAME[R_BROKER_NAME], f[R_BROKER_NAME],
                             "differs from the broker name of an earlier row with the same broker_id");
    }
    a->master = (int32_t)r->n - 1;
    if (a->sub_a[0]) {
        a->master = -1;
        for (size_t i = 0; i + 1 < r->n; i++)
            if (r->acc[i].broker_id == a->broker_id && !strcmp(r->acc[i].account_a, a->account_a) && !r->acc[i].sub_a[0])
                a->master = (int32_t)i;
        if (a->master < 0)
            return bad_field(c, "roster", RFNAME[R_SUB], f[R_SUB],
                             "sub-account before (or without) its master row (same broker_id and account_id, empty sub_account_id)");
    }
    return true;
}

SimRoster *sim_roster_load(const char *path, char *err, size_t errlen) {
    SimRoster *r = calloc(1, sizeof *r);
    if (!r) { snprintf(err, errlen, "out of memory"); return NULL; }
    Ctx c = {.path = path, .err = err, .errlen = errlen};
    RosterB rb = {.r = r};
    if (!each_row(&c, "roster", ROSTER_MAGIC, ROSTER_HEADER, RNF, roster_row, &rb)) {
        sim_roster_free(r);
        return NULL;
    }
    size_t cap = 16;
    while (cap < r->n * 2 + 2) cap *= 2;
    r->hash = calloc(cap, sizeof *r->hash);
    if (!r->hash) { sim_roster_free(r); snprintf(err, errlen, "out of memory"); return NULL; }
    r->hcap = cap;
    for (size_t k = 0; k < r->n; k++) {
        size_t i = acct_hash(r->acc[k].broker_id, r->acc[k].account_id, r->acc[k].sub_id) & (cap - 1);
        while (r->hash[i]) i = (i + 1) & (cap - 1);
        r->hash[i] = (uint32_t)k + 1;
    }
    return r;
}

/* ---------------------------------------------------------------- instrument master */

typedef struct { SimMaster *m; size_t cap; } MasterB;

static bool master_row(Ctx *c, Fld *f, void *arg) {
    MasterB *mb = arg;
    SimMaster *m = mb->m;
    if (m->n == mb->cap) {
        size_t nc = mb->cap ? mb->cap * 2 : 32;
        SimMasterRow *nr = realloc(m->row, nc * sizeof *nr);
        if (!nr) { snprintf(c->err, c->errlen, "out of memory loading %s", c->path); return false; }
        m->row = nr;
        mb->cap = nc;
    }
    SimMasterRow *w = &m->row[m->n];
    memset(w, 0, sizeof *w);
    w->hours = -1;
    if (!fld_name(f[M_TICKER], 32, true) || !fld_copy(f[M_TICKER], w->ticker, sizeof w->ticker))
        return bad_field(c, "instrument", MFNAME[M_TICKER], f[M_TICKER], "must match [A-Z0-9_.-]{1,32}");
    if (!fld_name(f[M_EXCH], 8, false) || !fld_copy(f[M_EXCH], w->exchange, sizeof w->exchange))
        return bad_field(c, "instrument", MFNAME[M_EXCH], f[M_EXCH], "must match [A-Z0-9_]{1,8}");
    if (f[M_LOT].n && !fld_int(f[M_LOT], 1, INT32_MAX, &w->lot))
        return bad_field(c, "instrument", MFNAME[M_LOT], f[M_LOT], "must be an integer > 0 (or empty for the default)");
    if (f[M_TICK].n && (!sim_parse_e8(f[M_TICK].p, f[M_TICK].n, &w->tick_e8) || w->tick_e8 <= 0))
        return bad_field(c, "instrument", MFNAME[M_TICK], f[M_TICK],
                         "must be a decimal > 0 with at most 8 decimals (or empty for the default)");
    if (f[M_MAXQ].n && !fld_int(f[M_MAXQ], 1, INT64_MAX, &w->max_qty))
        return bad_field(c, "instrument", MFNAME[M_MAXQ], f[M_MAXQ], "must be an integer > 0 (or empty: no maximum)");
    if (f[M_HOURS].n) {
        char h[40];
        if (!fld_copy(f[M_HOURS], h, sizeof h) || (w->hours = sim_hours_parse(h)) < 0)
            return bad_field(c, "instrument", MFNAME[M_HOURS], f[M_HOURS],
                             "must be b3-equities, b3-index-futures, b3-dollar-futures or always (or empty)");
    }
    for (size_t i = 0; i < m->n; i++)
        if (!strcmp(m->row[i].ticker, w->ticker) && !strcmp(m->row[i].exchange, w->exchange))
            return bad_field(c, "instrument", MFNAME[M_TICKER], f[M_TICKER], "instrument listed twice");
    m->n++;
    return true;
}

SimMaster *sim_master_load(const char *path, char *err, size_t errlen) {
    SimMaster *m = calloc(1, sizeof *m);
    if (!m) { snprintf(err, errlen, "out of memory"); return NULL; }
    Ctx c = {.path = path, .err = err, .errlen = errlen};
    MasterB mb = {.m = m};
    if (!each_row(&c, "instrument", MASTER_MAGIC, MASTER_HEADER, MNF, master_row, &mb)) {
        sim_master_free(m);
        return NULL;
    }
    return m;
}

void sim_master_free(SimMaster *m) {
    if (!m) return;
    free(m->row);
    free(m);
}
