/* sim_broker.c — the simulated broker and exchange: accounts, instruments, orders, books, matching against
 * the replayed tape, positions and the journal. The rules are stated in README.md ("Matching", "Validation");
 * this file implements them and says why where the README does not.
 *
 * Structure of one routing command on the ConnectorThread (sim_route_run):
 *   lock the broker -> apply the command (state changes, journal lines, events appended to the outbox,
 *   each OrderCallback event carrying a snapshot of the order) -> unlock -> deliver the outbox.
 * No lock is held while a callback runs; GetOrderDetails inside an OrderCallback returns the event's
 * snapshot, so one callback per fill shows exactly that fill even when delivery is delayed.
 *
 * Books: per instrument and side, an array of price levels sorted best-first (binary search; levels are
 * few) holding a FIFO of orders linked by seq. A tape trade walks the levels from the best while they are
 * eligible, so its cost is the number of orders it fills plus one; stops sit in the same structure keyed
 * by their stop price. Orders are stored in chunks indexed by seq (ClOrderID suffix), LocalOrderIDs map
 * to seqs through a chunked array: every lookup is O(1).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "sim_routing.h"

#define RLX memory_order_relaxed
#define MASK (SIM_CHUNK - 1)

static SimBroker *g_broker;   /* process-wide; created, replaced and freed only with no session running */

static const char16_t MSG_HADES[] = u"sent to Hades (routing server)";
static const char16_t MSG_BROKER[] = u"sent to the broker";
static const char16_t MSG_MARKET[] = u"sent to the exchange";
static const char16_t MSG_ACCEPTED[] = u"accepted";

/* ================================================================ small helpers */

double sim_e8_to_double(int64_t v) { return (double)v / 1e8; }

double sim_avg_price(__int128 value_e8, int64_t qty) {
    if (qty <= 0) return 0;
    /* integer quotient first: (AvgPx x Cum) differences then reproduce each fill's price to ~1e-12 */
    __int128 q = value_e8 / qty, r = value_e8 % qty;
    return ((double)q + (double)r / (double)qty) / 1e8;
}

static bool to_e8(double p, int64_t *out) {
    if (!isfinite(p) || p <= 0 || p > 9e10) return false;
    double x = p * 1e8;
    double r = nearbyint(x);
    if (fabs(x - r) > fabs(x) * 1e-15 + 1e-6) return false;
    *out = (int64_t)r;
    return true;
}

static int64_t dbl_e8(double p) { return (int64_t)llround(p * 1e8); }

static int64_t floordiv64(int64_t a, int64_t b) {
    int64_t q = a / b;
    return (a % b != 0 && ((a < 0) != (b < 0))) ? q - 1 : q;
}

static int64_t local_ns(const SimSession *s, int64_t utc) {
    return utc + (int64_t)s->opt.utc_offset_min * 60 * SIM_NS_PER_SEC;
}

static int64_t local_day(const SimSession *s, int64_t utc) { return floordiv64(local_ns(s, utc), SIM_NS_PER_DAY); }

static int64_t ascii16(const char16_t *w, char *out, size_t cap) {
    size_t i = 0;
    for (; w && w[i] && i + 1 < cap; i++) out[i] = w[i] < 128 ? (char)w[i] : '?';
    out[i] = 0;
    return (int64_t)i;
}

/* UTF-16 -> UTF-8 (for the journal: account ids and owner texts may hold accents). */
static void utf8_of(const char16_t *w, char *out, size_t cap) {
    size_t o = 0;
    for (; w && *w && o + 4 < cap; w++) {
        uint32_t c = *w;
        if (c >= 0xD800 && c <= 0xDBFF && w[1] >= 0xDC00 && w[1] <= 0xDFFF) {
            c = 0x10000 + ((c - 0xD800) << 10) + (w[1] - 0xDC00);
            w++;
        }
        if (c < 0x80) out[o++] = (char)c;
        else if (c < 0x800) { out[o++] = (char)(0xC0 | c >> 6); out[o++] = (char)(0x80 | (c & 0x3F)); }
        else if (c < 0x10000) {
            out[o++] = (char)(0xE0 | c >> 12); out[o++] = (char)(0x80 | ((c >> 6) & 0x3F)); out[o++] = (char)(0x80 | (c & 0x3F));
        } else {
            out[o++] = (char)(0xF0 | c >> 18); out[o++] = (char)(0x80 | ((c >> 12) & 0x3F));
            out[o++] = (char)(0x80 | ((c >> 6) & 0x3F)); out[o++] = (char)(0x80 | (c & 0x3F));
        }
    }
    out[o] = 0;
}

static uint64_t mix64(uint64_t x) {
    x += 0x9E3779B97F4A7C15u;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9u;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBu;
    return x ^ (x >> 31);
}

/* Deterministic draw for a fault share: the same seed, salt and key always give the same answer. */
static bool draw(uint64_t seed, uint64_t salt, uint64_t key, uint32_t ppm) {
    if (!ppm) return false;
    return mix64(seed ^ mix64(salt ^ mix64(key))) % 1000000u < ppm;
}

/* ---------------------------------------------------------------- text arena */

typedef struct Text { struct Text *next; char16_t s[]; } Text;

static const char16_t *text_u16(SimBroker *b, const char16_t *w) {
    size_t n = sim_u16len(w);
    Text *t = malloc(sizeof *t + (n + 1) * sizeof(char16_t));
    if (!t) return u"(out of memory)";
    memcpy(t->s, w, (n + 1) * sizeof(char16_t));
    t->next = b->texts;
    b->texts = t;
    return t->s;
}

static const char16_t *text_utf8(SimBroker *b, const char *s) {
    char16_t w[512];
    if (!sim_utf8_to_u16(s, strlen(s), w, sizeof w / sizeof *w)) {
        size_t i = 0;   /* our texts are ASCII but for names: degrade, never fail */
        for (; s[i] && i + 1 < sizeof w / sizeof *w; i++) w[i] = (unsigned char)s[i] < 128 ? (char16_t)s[i] : u'?';
        w[i] = 0;
    }
    return text_u16(b, w);
}

static const char16_t *textf(SimBroker *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static const char16_t *textf(SimBroker *b, const char *fmt, ...) {
    char buf[600];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    return text_utf8(b, buf);
}

/* ================================================================ growable vectors */

static bool u32_push(SimU32Vec *v, uint32_t x) {
    if (v->n == v->cap) {
        size_t nc = v->cap ? v->cap * 2 : 16;
        uint32_t *nv = realloc(v->v, nc * sizeof *nv);
        if (!nv) return false;
        v->v = nv;
        v->cap = nc;
    }
    v->v[v->n++] = x;
    return true;
}

static SimOut *out_push(SimOutVec *v) {
    if (v->n == v->cap) {
        if (v->head && v->head == v->n) { v->head = v->n = 0; }
        else if (v->head > v->cap / 2) {      /* FIFO use: compact instead of growing */
            memmove(v->v, v->v + v->head, (v->n - v->head) * sizeof *v->v);
            v->n -= v->head;
            v->head = 0;
        } else {
            size_t nc = v->cap ? v->cap * 2 : 64;
            SimOut *nv = realloc(v->v, nc * sizeof *nv);
            if (!nv) return NULL;
            v->v = nv;
            v->cap = nc;
        }
    }
    SimOut *o = &v->v[v->n++];
    memset(o, 0, sizeof *o);
    return o;
}

/* ================================================================ instruments */

static uint64_t inst_hash(const char *t, const char *e) {
    uint64_t h = 1469598103934665603u;
    for (; *t; t++) h = (h ^ (unsigned char)*t) * 1099511628211u;
    h = (h ^ 0xff) * 1099511628211u;
    for (; *e; e++) h = (h ^ (unsigned char)*e) * 1099511628211u;
    return h;
}

static int32_t inst_find_ascii(const SimBroker *b, const char *t, const char *e) {
    if (!b->ihcap) return -1;
    for (size_t i = inst_hash(t, e) & (b->ihcap - 1);; i = (i + 1) & (b->ihcap - 1)) {
        uint32_t v = b->ihash[i];
        if (!v) return -1;
        const SimRInst *in = &b->inst[v - 1];
        if (!strcmp(in->ticker, t) && !strcmp(in->exchange, e)) return (int32_t)v - 1;
    }
}

int32_t sim_broker_find_inst(const SimBroker *b, const char16_t *ticker, const char16_t *exchange) {
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
    return inst_find_ascii(b, t, e);
}

static bool inst_rehash(SimBroker *b, size_t cap) {
    uint32_t *h = calloc(cap, sizeof *h);
    if (!h) return false;
    for (size_t k = 0; k < b->ninst; k++) {
        size_t i = inst_hash(b->inst[k].ticker, b->inst[k].exchange) & (cap - 1);
        while (h[i]) i = (i + 1) & (cap - 1);
        h[i] = (uint32_t)k + 1;
    }
    free(b->ihash);
    b->ihash = h;
    b->ihcap = cap;
    return true;
}

/* Finds or adds an instrument (parameters are set by configure_instruments). -1 on no memory. */
static int32_t inst_intern(SimBroker *b, const char *t, const char *e) {
    int32_t k = inst_find_ascii(b, t, e);
    if (k >= 0) return k;
    if (b->ninst == b->icap) {
        size_t nc = b->icap ? b->icap * 2 : 64;
        SimRInst *ni = realloc(b->inst, nc * sizeof *ni);
        if (!ni) return -1;
        b->inst = ni;
        b->icap = nc;
        for (size_t i = 0; i < b->ninst; i++)   /* the asset records point into the moved array */
            b->inst[i].asset = (TConnectorAssetIdentifier){0, b->inst[i].wticker, b->inst[i].wexchange, 0};
    }
    SimRInst *in = &b->inst[b->ninst];
    memset(in, 0, sizeof *in);
    snprintf(in->ticker, sizeof in->ticker, "%s", t);
    snprintf(in->exchange, sizeof in->exchange, "%s", e);
    for (size_t i = 0; i <= strlen(t); i++) in->wticker[i] = (char16_t)t[i];
    for (size_t i = 0; i <= strlen(e); i++) in->wexchange[i] = (char16_t)e[i];
    in->asset = (TConnectorAssetIdentifier){0, in->wticker, in->wexchange, 0};
    in->base = (int32_t)b->ninst;
    in->feed = -1;
    in->lot = 1;
    in->tick_e8 = 1;
    b->ninst++;
    if (b->ninst * 2 > b->ihcap) {
        if (!inst_rehash(b, b->ihcap ? b->ihcap * 2 : 128)) { b->ninst--; return -1; }
    } else {
        size_t i = inst_hash(t, e) & (b->ihcap - 1);
        while (b->ihash[i]) i = (i + 1) & (b->ihcap - 1);
        b->ihash[i] = (uint32_t)b->ninst;
    }
    return (int32_t)b->ninst - 1;
}

static bool starts(const char *s, const char *p) { return !strncmp(s, p, strlen(p)); }

/* The finest decimal step the tape shows for an instrument (prices, bids and asks), for the default tick
   of exchanges other than B and F; 1e-8 when it has no event. */
static int64_t finest_tick(const SimReplay *r, uint32_t k) {
    int64_t tick = 0;
    for (size_t i = 0; i < r->n; i++) {
        const SimEvent *e = &r->ev[i];
        if (e->inst != k) continue;
        double v[3] = {e->price, e->bid, e->ask};
        bool has[3] = {e->kind != 'K', e->has_bid, e->has_ask};
        for (int j = 0; j < 3; j++) {
            if (!has[j]) continue;
            int64_t x = dbl_e8(v[j]), step = 1;
            while (step < SIM_E8 && x % (step * 10) == 0) step *= 10;
            if (!tick || step < tick) tick = step;
        }
        if (tick == 1) break;
    }
    return tick ? tick : 1;
}

/* Applies defaults (README "Instruments") and the master's rows to every instrument. */
static void set_defaults(SimRInst *in, const SimReplay *r, int64_t replay_index) {
    in->max_qty = 0;
    in->fractional = 0;
    if (!strcmp(in->exchange, "B")) {
        in->lot = 100;
        in->tick_e8 = 1000000;
        in->hours = SIM_HOURS_EQUITIES;
    } else if (!strcmp(in->exchange, "F")) {
        in->lot = 1;
        if (starts(in->ticker, "WIN") || starts(in->ticker, "IND")) { in->tick_e8 = 5 * SIM_E8; in->hours = SIM_HOURS_INDEX_FUTURES; }
        else if (starts(in->ticker, "WDO") || starts(in->ticker, "DOL")) { in->tick_e8 = SIM_E8 / 2; in->hours = SIM_HOURS_DOLLAR_FUTURES; }
        else { in->tick_e8 = replay_index >= 0 ? finest_tick(r, (uint32_t)replay_index) : 1000000; in->hours = SIM_HOURS_INDEX_FUTURES; }
    } else {
        in->lot = 1;
        in->tick_e8 = replay_index >= 0 ? finest_tick(r, (uint32_t)replay_index) : 1;
        in->hours = SIM_HOURS_ALWAYS;
    }
}

static bool in_master(const SimMaster *m, const char *t, const char *e) {
    for (size_t k = 0; m && k < m->n; k++)
        if (!strcmp(m->row[k].ticker, t) && !strcmp(m->row[k].exchange, e)) return true;
    return false;
}

static int configure_instruments(SimBroker *b, const SimOptions *o, const SimReplay *r, char *err, size_t errlen) {
    for (size_t i = 0; i < b->ninst; i++) { b->inst[i].tradable = 0; b->inst[i].feed = -1; }
    for (size_t k = 0; k < r->ninst; k++)
        if (inst_intern(b, r->inst[k].ticker, r->inst[k].exchange) < 0) goto nomem;
    const SimMaster *m = o->master;
    for (size_t k = 0; m && k < m->n; k++)
        if (inst_intern(b, m->row[k].ticker, m->row[k].exchange) < 0) goto nomem;
    /* the fractional book of every known round-lot B ticker: XXXX3 -> XXXX3F */
    size_t n0 = b->ninst;
    for (size_t i = 0; i < n0; i++) {
        SimRInst *in = &b->inst[i];
        size_t len = strlen(in->ticker);
        bool known = sim_replay_find(r, in->wticker, in->wexchange) >= 0 || in_master(m, in->ticker, in->exchange);
        if (strcmp(in->exchange, "B") || !known || len >= 32 || (len && in->ticker[len - 1] == 'F')) continue;
        char f[34];
        snprintf(f, sizeof f, "%sF", in->ticker);
        if (inst_intern(b, f, "B") < 0) goto nomem;
    }
    for (size_t i = 0; i < b->ninst; i++) {
        SimRInst *in = &b->inst[i];
        int64_t rk = sim_replay_find(r, in->wticker, in->wexchange);
        set_defaults(in, r, rk);
        in->base = (int32_t)i;
        bool listed = false;
        for (size_t k = 0; m && k < m->n; k++) {
            const SimMasterRow *w = &m->row[k];
            if (strcmp(w->ticker, in->ticker) || strcmp(w->exchange, in->exchange)) continue;
            listed = true;
            if (w->lot) in->lot = w->lot;
            if (w->tick_e8) in->tick_e8 = w->tick_e8;
            if (w->max_qty) in->max_qty = w->max_qty;
            if (w->hours >= 0) in->hours = (uint8_t)w->hours;
        }
        in->tradable = rk >= 0 || listed;
        in->feed = (int32_t)rk;
        size_t len = strlen(in->ticker);
        if (!strcmp(in->exchange, "B") && len > 1 && in->ticker[len - 1] == 'F') {
            char base[33];
            snprintf(base, sizeof base, "%.*s", (int)(len - 1), in->ticker);
            int32_t bk = inst_find_ascii(b, base, "B");
            if (bk >= 0) {
                SimRInst *bi = &b->inst[bk];
                bool base_known = sim_replay_find(r, bi->wticker, bi->wexchange) >= 0 || in_master(m, base, "B");
                in->base = bk;
                if (base_known) {
                    in->tradable = 1;
                    in->fractional = 1;
                    in->lot = 1;
                    if (!listed) in->max_qty = 99;
                    /* no tape of its own: its book follows the base ticker's (README "Fractional market") */
                    if (in->feed < 0) in->feed = (int32_t)sim_replay_find(r, bi->wticker, bi->wexchange);
                }
            }
        }
        if (o->hours_always) in->hours = SIM_HOURS_ALWAYS;
    }
    return 0;
nomem:
    snprintf(err, errlen, "out of memory building the instrument table");
    return -1;
}

/* ================================================================ orders */

SimOrder *sim_broker_order(SimBroker *b, uint32_t seq) {
    if (!seq || seq > b->norders) return NULL;
    return &b->chunk[(seq - 1) >> SIM_CHUNK_BITS][(seq - 1) & MASK];
}

static SimOrder *order_new(SimBroker *b) {
    uint32_t seq = b->norders + 1;
    uint32_t c = (seq - 1) >> SIM_CHUNK_BITS;
    if (c >= SIM_MAX_CHUNKS) return NULL;
    if (!b->chunk[c] && !(b->chunk[c] = calloc(SIM_CHUNK, sizeof(SimOrder)))) return NULL;
    b->norders = seq;
    SimOrder *o = &b->chunk[c][(seq - 1) & MASK];
    memset(o, 0, sizeof *o);
    o->seq = seq;
    o->acct = o->inst = -1;
    return o;
}

static void set_clordid(const SimSession *s, SimOrder *o) {
    int64_t y; unsigned m, d;
    int64_t day = local_day(s, o->entry_ts);
    /* civil date of the local day (same algorithm as sim_util) */
    int64_t z = day + 719468, era = (z >= 0 ? z : z - 146096) / 146097;
    unsigned doe = (unsigned)(z - era * 146097), yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100), mp = (5 * doy + 2) / 153;
    d = doy - (153 * mp + 2) / 5 + 1;
    m = mp < 10 ? mp + 3 : mp - 9;
    y = (int64_t)yoe + era * 400 + (m <= 2);
    char buf[64];
    snprintf(buf, sizeof buf, "%04lld%02u%02u-%06u", (long long)y, m, d, o->seq);
    size_t i = 0;
    for (; buf[i] && i + 1 < sizeof o->clordid / sizeof *o->clordid; i++) o->clordid[i] = (char16_t)buf[i];
    o->clordid[i] = 0;
}

uint32_t sim_route_seq_of_clordid(SimRoute *r, const char16_t *c) {
    size_t n = sim_u16len(c), dash = n;
    for (size_t i = 0; i < n; i++)
        if (c[i] == u'-') dash = i;
    if (dash == n || n > 23) return 0;
    uint64_t seq = 0;
    for (size_t i = dash + 1; i < n; i++) {
        if (c[i] < u'0' || c[i] > u'9' || seq > UINT32_MAX / 10) return 0;
        seq = seq * 10 + (c[i] - u'0');
    }
    SimOrder *o = sim_broker_order(r->b, (uint32_t)seq);
    if (!o || memcmp(o->clordid, c, (n + 1) * sizeof *c)) return 0;
    return (uint32_t)seq;
}

uint32_t sim_route_seq_of_local(SimRoute *r, int64_t local) {
    if (local <= 0 || local >= atomic_load_explicit(&r->next_local, memory_order_acquire)) return 0;
    uint32_t *c = r->l2s[(uint64_t)(local - 1) >> SIM_CHUNK_BITS];
    return c ? c[(local - 1) & MASK] : 0;
}

static bool map_local(SimRoute *r, int64_t local, uint32_t seq) {
    uint64_t c = (uint64_t)(local - 1) >> SIM_CHUNK_BITS;
    if (c >= SIM_MAX_CHUNKS) return false;
    if (!r->l2s[c] && !(r->l2s[c] = calloc(SIM_CHUNK, sizeof(uint32_t)))) return false;
    r->l2s[c][(local - 1) & MASK] = seq;
    return true;
}

/* Gives an earlier order a LocalOrderID of this session ("loads" it). Under the lock. */
static void load_order(SimRoute *r, SimOrder *o) {
    if (o->local_id) return;
    int64_t id = atomic_fetch_add(&r->next_local, 1);
    if (map_local(r, id, o->seq)) o->local_id = id;
}

static bool is_open(uint8_t st) {
    return st == COS_NEW || st == COS_PARTIALLY_FILLED || st == COS_REPLACED;
}

void sim_order_view(const SimRoute *r, const SimOrder *o, SimOrderView *v) {
    (void)r;
    if (o->lost) {   /* the DLL never heard back: what it knows is what it sent */
        *v = (SimOrderView){.qty = o->qty, .price_e8 = o->price_e8, .stop_e8 = o->stop_e8, .update_ts = o->entry_ts,
                            .status = COS_PENDING_NEW, .event_id = o->event_id};
        return;
    }
    *v = (SimOrderView){.qty = o->qty, .traded = o->traded, .price_e8 = o->price_e8, .stop_e8 = o->stop_e8,
                        .update_ts = o->update_ts, .close_ts = o->close_ts, .value_e8 = o->value_e8,
                        .event_id = o->event_id, .text = o->text, .status = o->status};
}

/* ================================================================ books */

static uint32_t level_search(const SimSideBook *sb, int64_t key) {
    uint32_t lo = 0, hi = sb->n;
    while (lo < hi) {
        uint32_t mid = lo + (hi - lo) / 2;
        if (sb->lv[mid].key < key) lo = mid + 1; else hi = mid;
    }
    return lo;
}

static SimSideBook *side_book(SimRInst *in, const SimOrder *o, int64_t *key) {
    if (o->where == SIM_WHERE_STOPS) {
        *key = o->side == COS_BUY ? o->stop_e8 : -o->stop_e8;
        return &in->stops[o->side == COS_BUY ? 0 : 1];
    }
    *key = o->side == COS_BUY ? -o->rest_e8 : o->rest_e8;
    return &in->book[o->side == COS_BUY ? 0 : 1];
}

/* Inserts by time priority (prio_ts, then seq): a new order goes to the tail in O(1). */
static bool book_insert(SimBroker *b, SimRInst *in, SimOrder *o, uint8_t where) {
    o->where = where;
    int64_t key;
    SimSideBook *sb = side_book(in, o, &key);
    uint32_t i = level_search(sb, key);
    if (i == sb->n || sb->lv[i].key != key) {
        if (sb->n == sb->cap) {
            uint32_t nc = sb->cap ? sb->cap * 2 : 8;
            SimLevel *nl = realloc(sb->lv, nc * sizeof *nl);
            if (!nl) { o->where = SIM_WHERE_NONE; return false; }
            sb->lv = nl;
            sb->cap = nc;
        }
        memmove(&sb->lv[i + 1], &sb->lv[i], (sb->n - i) * sizeof *sb->lv);
        sb->lv[i] = (SimLevel){key, 0, 0};
        sb->n++;
    }
    SimLevel *lv = &sb->lv[i];
    uint32_t after = lv->tail;
    while (after) {
        SimOrder *a = sim_broker_order(b, after);
        if (a->prio_ts < o->prio_ts || (a->prio_ts == o->prio_ts && a->seq < o->seq)) break;
        after = a->prev;
    }
    o->prev = after;
    o->next = after ? sim_broker_order(b, after)->next : lv->head;
    if (o->next) sim_broker_order(b, o->next)->prev = o->seq; else lv->tail = o->seq;
    if (after) sim_broker_order(b, after)->next = o->seq; else lv->head = o->seq;
    in->active++;
    return true;
}

static void book_remove(SimBroker *b, SimRInst *in, SimOrder *o) {
    if (o->where != SIM_WHERE_BOOK && o->where != SIM_WHERE_STOPS) { o->where = SIM_WHERE_NONE; return; }
    int64_t key;
    SimSideBook *sb = side_book(in, o, &key);
    uint32_t i = level_search(sb, key);
    SimLevel *lv = &sb->lv[i];
    if (o->prev) sim_broker_order(b, o->prev)->next = o->next; else lv->head = o->next;
    if (o->next) sim_broker_order(b, o->next)->prev = o->prev; else lv->tail = o->prev;
    o->prev = o->next = 0;
    o->where = SIM_WHERE_NONE;
    in->active--;
    if (!lv->head) {
        memmove(&sb->lv[i], &sb->lv[i + 1], (sb->n - i - 1) * sizeof *sb->lv);
        sb->n--;
    }
}

/* ================================================================ journal */

static void jrn(SimBroker *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void jrn(SimBroker *b, const char *fmt, ...) {
    if (!b->journal || b->replaying) return;
    va_list ap;
    va_start(ap, fmt);
    vfprintf(b->journal, fmt, ap);
    va_end(ap);
    fputc('\n', b->journal);
    fflush(b->journal);   /* survives kill -9 of the process (not a power cut: no fsync, by design) */
}

static const char *side_code(uint8_t s) { return s == COS_BUY ? "B" : "S"; }
static const char *type_code(uint8_t t) { return t == COT_MARKET ? "MKT" : t == COT_LIMIT ? "LMT" : "STP"; }

static void e8s(int64_t v, char *out, size_t n) {
    if (v) sim_format_e8(v, out, n); else out[0] = 0;
}

/* ================================================================ positions */

static uint64_t pos_key(int32_t acct, int32_t inst) { return (uint64_t)(uint32_t)acct << 32 | (uint32_t)inst; }

int32_t sim_broker_find_position(const SimBroker *b, int32_t acct, int32_t inst) {
    if (!b->phcap) return -1;
    uint64_t k = pos_key(acct, inst);
    for (size_t i = mix64(k) & (b->phcap - 1);; i = (i + 1) & (b->phcap - 1)) {
        uint32_t v = b->phash[i];
        if (!v) return -1;
        if (pos_key(b->pos[v - 1].acct, b->pos[v - 1].inst) == k) return (int32_t)v - 1;
    }
}

static bool pos_rehash(SimBroker *b, size_t cap) {
    uint32_t *h = calloc(cap, sizeof *h);
    if (!h) return false;
    for (size_t k = 0; k < b->npos; k++) {
        size_t i = mix64(pos_key(b->pos[k].acct, b->pos[k].inst)) & (cap - 1);
        while (h[i]) i = (i + 1) & (cap - 1);
        h[i] = (uint32_t)k + 1;
    }
    free(b->phash);
    b->phash = h;
    b->phcap = cap;
    return true;
}

static SimPosition *pos_get(SimBroker *b, int32_t acct, int32_t inst) {
    int32_t k = sim_broker_find_position(b, acct, inst);
    if (k >= 0) return &b->pos[k];
    if (b->npos == b->pcap) {
        size_t nc = b->pcap ? b->pcap * 2 : 64;
        SimPosition *np = realloc(b->pos, nc * sizeof *np);
        if (!np) return NULL;
        b->pos = np;
        b->pcap = nc;
    }
    if ((b->npos + 1) * 2 > b->phcap && !pos_rehash(b, b->phcap ? b->phcap * 2 : 128)) return NULL;
    SimPosition *p = &b->pos[b->npos];
    memset(p, 0, sizeof *p);
    p->acct = acct;
    p->inst = inst;
    size_t i = mix64(pos_key(acct, inst)) & (b->phcap - 1);
    while (b->phash[i]) i = (i + 1) & (b->phcap - 1);
    b->phash[i] = (uint32_t)++b->npos;
    u32_push(&b->acct_pos[acct], (uint32_t)b->npos - 1);
    return p;
}

/* Average price by b3-trading.md "In brief": weighted over the fills that increase the position, unchanged
   by reducing fills, the fill price after a flip. cost is |qty| x average in e8. */
static void pos_apply(int64_t *q, __int128 *cost, int64_t signed_fill, int64_t price_e8) {
    int64_t f = signed_fill < 0 ? -signed_fill : signed_fill;
    if (*q == 0 || (*q > 0) == (signed_fill > 0)) {
        *q += signed_fill;
        *cost += (__int128)f * price_e8;
        return;
    }
    int64_t a = *q < 0 ? -*q : *q;
    if (f <= a) {
        *cost = a == f ? 0 : *cost * (a - f) / a;
        *q += signed_fill;
    } else {
        *q += signed_fill;
        *cost = (__int128)(f - a) * price_e8;
    }
}

/* ================================================================ events */

static void ev_tmr(SimRoute *r, const SimOrder *o, int32_t broker, int64_t local, int64_t msg, uint8_t code,
                   const char16_t *text, bool local_only) {
    SimOut *e = out_push(&r->out);
    if (!e) return;
    e->kind = OUT_TMR;
    e->seq = o ? o->seq : 0;
    e->broker = broker;
    e->local_id = local;
    e->message_id = msg;
    e->code = code;
    e->text = text;
    e->local = local_only;
}

static void load_order(SimRoute *r, SimOrder *o);

static void ev_order(SimRoute *r, SimOrder *o, bool local_only) {
    o->event_id = ++r->b->event_id;
    if (r->b->replaying) return;
    load_order(r, o);   /* an earlier order that changes now is reported, so the DLL knows it from then on */
    SimOut *e = out_push(&r->out);
    if (!e) return;
    e->kind = OUT_ORDER;
    e->seq = o->seq;
    e->local = local_only;
    sim_order_view(r, o, &e->view);
}

static void ev_position(SimRoute *r, const SimPosition *p) {
    if (r->b->replaying) return;
    SimOut *e = out_push(&r->out);
    if (!e) return;
    e->kind = OUT_POSITION;
    e->acct = p->acct;
    e->inst = p->inst;
    e->event_id = p->event_id;
}

/* ================================================================ state changes (under the lock) */

static SimRInst *inst_of(SimRoute *r, const SimOrder *o) { return &r->b->inst[o->inst]; }

static int hours_of(const SimRoute *r, const SimRInst *in) {
    return r->s->opt.hours_always ? SIM_HOURS_ALWAYS : in->hours;
}

static void refresh_feed(SimRoute *r, const SimRInst *in) {
    if (r->b->replaying || in->feed < 0 || (size_t)in->feed >= r->s->replay->ninst) return;
    /* a replay instrument feeds itself and possibly the F book that mirrors it */
    bool active = false;
    for (int j = 0; j < 2; j++) {
        int32_t k = (j ? r->feed_to_frac : r->feed_to_inst)[in->feed];
        if (k >= 0 && r->b->inst[k].active) active = true;
    }
    r->s->ist[in->feed].route_active = active;
}

static void close_order(SimRoute *r, SimOrder *o, uint8_t status, int64_t ts) {
    SimRInst *in = inst_of(r, o);
    book_remove(r->b, in, o);
    o->status = status;
    o->update_ts = o->close_ts = ts;
    refresh_feed(r, in);
}

#define MARKET_BUY_REST (INT64_MAX / 4)   /* a market order's rest price before its first execution */
#define MARKET_SELL_REST 1

static void apply_fill(SimRoute *r, SimOrder *o, int64_t q, int64_t px, int64_t ts) {
    SimBroker *b = r->b;
    if (o->type == COT_MARKET && (o->rest_e8 == MARKET_BUY_REST || o->rest_e8 == MARKET_SELL_REST) &&
        o->traded + q < o->qty && !b->replaying)
        u32_push(&r->rekey, o->seq);          /* its remainder will rest at this price (see rest_market) */
    o->traded += q;
    o->value_e8 += (__int128)q * px;
    o->update_ts = ts;
    char p[40];
    sim_format_e8(px, p, sizeof p);
    jrn(b, "F,%lld,%u,%lld,%s", (long long)ts, o->seq, (long long)q, p);
    if (o->traded >= o->qty) close_order(r, o, COS_FILLED, ts);
    else o->status = COS_PARTIALLY_FILLED;
    ev_order(r, o, false);
    SimPosition *pos = o->acct >= 0 ? pos_get(b, o->acct, b->inst[o->inst].base) : NULL;
    if (pos) {
        int64_t sf = o->side == COS_BUY ? q : -q;
        pos_apply(&pos->cons_qty, &pos->cons_cost, sf, px);
        pos_apply(&pos->day_qty, &pos->day_cost, sf, px);
        if (o->side == COS_BUY) { pos->buy_qty += q; pos->buy_val += (__int128)q * px; }
        else { pos->sell_qty += q; pos->sell_val += (__int128)q * px; }
        pos->event_id = ++b->event_id;
        ev_position(r, pos);
    }
}

static bool top_e8(const SimRoute *r, const SimRInst *in, int side, int64_t *px) {
    if (in->feed < 0 || (size_t)in->feed >= r->s->replay->ninst) return false;
    const SimInstState *st = &r->s->ist[in->feed];
    uint64_t bits = atomic_load_explicit(side == 0 ? &st->bid_bits : &st->ask_bits, RLX);
    if (bits == SIM_EMPTY_BITS) return false;
    double d;
    memcpy(&d, &bits, sizeof d);
    *px = dbl_e8(d);
    return true;
}

static int64_t lot_floor(const SimRInst *in, int64_t q) { return q / in->lot * in->lot; }

/* A new (or triggered, or repriced) order meets the book: in continuous trading, if it crosses the known top
   of the opposite side it takes it, at that price, up to fill.touch_quantity (README "Matching" 2). */
static void arrive(SimRoute *r, SimOrder *o, int64_t ts) {
    SimRInst *in = inst_of(r, o);
    SimPhase ph = sim_hours_phase(hours_of(r, in), local_ns(r->s, ts));
    int64_t top;
    if (ph.phase == SIM_PHASE_CONTINUOUS && top_e8(r, in, o->side == COS_BUY ? 1 : 0, &top) &&
        (o->type == COT_MARKET ? true : o->side == COS_BUY ? top <= o->rest_e8 : top >= o->rest_e8)) {
        int64_t q = o->qty - o->traded;
        if (r->s->opt.touch_qty) {
            int64_t cap = lot_floor(in, r->s->opt.touch_qty);
            if (cap < q) q = cap;
        }
        if (q > 0) {
            apply_fill(r, o, q, top, ts);
            r->rekey.n = 0;                    /* not in a book yet: it is placed at its price below */
            if (o->type == COT_MARKET && o->traded < o->qty) {
                /* B3: the remainder of a market order rests at the price of its last execution */
                o->rest_e8 = top;
                char p[40];
                sim_format_e8(top, p, sizeof p);
                jrn(r->b, "L,%lld,%u,%s", (long long)ts, o->seq, p);
            }
        }
    }
    if (is_open(o->status) && o->where == SIM_WHERE_NONE) {
        if (o->type == COT_MARKET && !o->rest_e8) o->rest_e8 = o->side == COS_BUY ? MARKET_BUY_REST : MARKET_SELL_REST;
        book_insert(r->b, in, o, SIM_WHERE_BOOK);
        refresh_feed(r, in);
    }
}

/* ================================================================ the expiry and dormant timers */

static int64_t session_end_utc(SimRoute *r, int group, int64_t day) {
    for (int i = 0; i < 15; i++, day++) {   /* an order entered on a closed day expires at the next session end */
        int64_t end = sim_hours_day_end(group, day);
        if (end >= 0) return end - (int64_t)r->s->opt.utc_offset_min * 60 * SIM_NS_PER_SEC;
    }
    return INT64_MAX;
}

static void recompute_timer(SimRoute *r) {
    int64_t t = INT64_MAX;
    if (r->dormant_pos < r->dormant.n) {
        const SimOrder *o = sim_broker_order(r->b, r->dormant.v[r->dormant_pos]);
        if (o->update_ts < INT64_MAX) t = o->update_ts + 1;
    }
    for (int g = 0; g < SIM_HOURS_N; g++)
        if (r->expiry_day[g] != INT64_MAX) {
            int64_t end = session_end_utc(r, g, r->expiry_day[g]);
            if (end < t) t = end;
        }
    r->next_timer = t;
    r->s->route_timer = t;
}

static void note_open_order(SimRoute *r, const SimOrder *o) {
    int g = hours_of(r, inst_of(r, o));
    int64_t d = local_day(r->s, o->entry_ts);
    if (d < r->expiry_day[g]) { r->expiry_day[g] = d; recompute_timer(r); }
}

static void expire(SimRoute *r, SimOrder *o, int64_t ts) {
    close_order(r, o, o->traded ? COS_PARTIALLY_FILLED_EXPIRED : COS_EXPIRED, ts);
    char end[16];
    TSystemTime t;
    sim_to_systemtime(ts, r->s->opt.utc_offset_min, &t);
    snprintf(end, sizeof end, "%02u:%02u", t.wHour, t.wMinute);
    o->text = textf(r->b, "expired: day order still open at the end of the %s session (%s)",
                    sim_hours_name(hours_of(r, inst_of(r, o))), end);
    jrn(r->b, "X,%lld,%u", (long long)ts, o->seq);
    ev_order(r, o, false);
}

static void collect(SimBroker *b, const SimSideBook *sb, SimU32Vec *out) {
    for (uint32_t i = 0; i < sb->n; i++)
        for (uint32_t q = sb->lv[i].head; q; q = sim_broker_order(b, q)->next) u32_push(out, q);
}

/* Expires the open day orders of a group entered on or before `day`; finds the next pending day. */
static void run_expiry(SimRoute *r, int g, int64_t day, int64_t end_ts) {
    SimBroker *b = r->b;
    SimU32Vec v = {0};
    for (size_t i = 0; i < b->ninst; i++) {
        SimRInst *in = &b->inst[i];
        if (hours_of(r, in) != g || !in->active) continue;
        for (int side = 0; side < 2; side++) { collect(b, &in->book[side], &v); collect(b, &in->stops[side], &v); }
    }
    for (size_t i = r->dormant_pos; i < r->dormant.n; i++) {
        SimOrder *o = sim_broker_order(b, r->dormant.v[i]);
        if (o->where == SIM_WHERE_DORMANT && hours_of(r, inst_of(r, o)) == g) u32_push(&v, o->seq);
    }
    int64_t next = INT64_MAX;
    for (size_t i = 0; i < v.n; i++) {
        SimOrder *o = sim_broker_order(b, v.v[i]);
        int64_t d = local_day(r->s, o->entry_ts);
        if (d <= day) expire(r, o, end_ts);
        else if (d < next) next = d;
    }
    free(v.v);
    r->expiry_day[g] = next;
}

static void activate(SimRoute *r, SimOrder *o) {
    if (o->where != SIM_WHERE_DORMANT) return;
    o->where = SIM_WHERE_NONE;
    SimRInst *in = inst_of(r, o);
    book_insert(r->b, in, o, o->type == COT_STOP_LIMIT && !o->triggered ? SIM_WHERE_STOPS : SIM_WHERE_BOOK);
    refresh_feed(r, in);
}

static void deliver_outbox(SimRoute *r);

static void timer_locked(SimRoute *r, int64_t ts) {
    while (r->dormant_pos < r->dormant.n) {
        SimOrder *o = sim_broker_order(r->b, r->dormant.v[r->dormant_pos]);
        if (o->where == SIM_WHERE_DORMANT && o->update_ts >= ts) break;
        activate(r, o);
        r->dormant_pos++;
    }
    for (int g = 0; g < SIM_HOURS_N; g++) {
        while (r->expiry_day[g] != INT64_MAX) {
            int64_t end = session_end_utc(r, g, r->expiry_day[g]);
            if (end > ts) break;
            run_expiry(r, g, r->expiry_day[g], end);
        }
    }
    recompute_timer(r);
}

void sim_route_timer(SimSession *s, int64_t ts) {
    SimRoute *r = s->route;
    if (!r) return;
    pthread_mutex_lock(&r->b->lock);
    timer_locked(r, ts);
    pthread_mutex_unlock(&r->b->lock);
    deliver_outbox(r);
}

/* ================================================================ matching a tape trade */

static void match_side(SimRoute *r, SimRInst *in, int side, int64_t P, int64_t pool, bool auction, int64_t ts) {
    SimBroker *b = r->b;
    SimSideBook *sb = &in->book[side];
    int64_t opp;
    bool has_opp = top_e8(r, in, side == 0 ? 1 : 0, &opp);
    bool through = r->s->opt.fill_through;
    while (pool > 0 && sb->n) {
        SimLevel *lv = &sb->lv[0];
        int64_t L = side == 0 ? -lv->key : lv->key;
        int64_t px;
        if (auction) {                         /* an auction print: one price for every order it reaches */
            if (side == 0 ? L < P : L > P) break;
            px = P;
        } else if (has_opp && (side == 0 ? opp <= L : opp >= L)) {   /* it crosses the book: it takes */
            if (side == 0 ? P > L : P < L) break;
            px = side == 0 ? (P > opp ? P : opp) : (P < opp ? P : opp);   /* never better than the side it takes */
        } else {                               /* resting: on touch or through */
            if (side == 0 ? (through ? P >= L : P > L) : (through ? P <= L : P < L)) break;
            /* at its own price; with no opposite side on the tape (trades-only files) the print is the only
               evidence of where that side was, so it fills at the print (at or better than its limit) */
            px = has_opp ? L : P;
        }
        uint32_t q = lv->head;
        while (q && pool > 0) {
            SimOrder *o = sim_broker_order(b, q);
            uint32_t next = o->next;
            int64_t f = o->qty - o->traded;
            if (f > pool) f = pool;
            if (f <= 0) break;
            pool -= f;
            apply_fill(r, o, f, px, ts);       /* may remove o, and the level with it */
            q = next;
        }
        if (q) break;                          /* the pool ran dry inside this level */
    }
}

static void trigger_stops(SimRoute *r, SimRInst *in, int64_t P, int64_t ts) {
    SimBroker *b = r->b;
    for (int side = 0; side < 2; side++) {
        SimSideBook *sb = &in->stops[side];
        while (sb->n) {
            int64_t stop = side == 0 ? sb->lv[0].key : -sb->lv[0].key;
            if (side == 0 ? P < stop : P > stop) break;      /* at or through the stop price */
            SimOrder *o = sim_broker_order(b, sb->lv[0].head);
            book_remove(b, in, o);
            o->triggered = 1;
            o->prio_ts = ts;
            o->rest_e8 = o->price_e8;
            jrn(b, "S,%lld,%u", (long long)ts, o->seq);
            arrive(r, o, ts);                  /* it enters the book as a limit at its price */
        }
    }
}

/* Market orders first filled by this trade: B3 rests the remainder at the price of the last execution. */
static void rest_market(SimRoute *r, SimRInst *in, int64_t ts) {
    for (size_t i = 0; i < r->rekey.n; i++) {
        SimOrder *o = sim_broker_order(r->b, r->rekey.v[i]);
        if (!is_open(o->status) || o->where != SIM_WHERE_BOOK) continue;
        int64_t px = (int64_t)(o->value_e8 / o->traded);   /* a first fill: its price */
        book_remove(r->b, in, o);
        o->rest_e8 = px;
        book_insert(r->b, in, o, SIM_WHERE_BOOK);         /* keeps its time priority */
        char p[40];
        sim_format_e8(px, p, sizeof p);
        jrn(r->b, "L,%lld,%u,%s", (long long)ts, o->seq, p);
    }
    r->rekey.n = 0;
}

static void match_trade(SimRoute *r, int32_t k, const SimEvent *e) {
    SimRInst *in = &r->b->inst[k];
    if (!in->active) return;
    int64_t P = dbl_e8(e->price);
    int64_t pool = lot_floor(in, (int64_t)((__int128)e->qty * r->s->opt.participation_ppm / 1000000));
    bool auction = e->trade_type == TT_AUCTION;
    for (int side = 0; side < 2; side++) match_side(r, in, side, P, pool, auction, e->ts);
    rest_market(r, in, e->ts);
    trigger_stops(r, in, P, e->ts);
    refresh_feed(r, in);
}

void sim_route_tape(SimSession *s, const SimEvent *e) {
    SimRoute *r = s->route;
    if (!r || e->kind != 'T') return;
    pthread_mutex_lock(&r->b->lock);
    int32_t a = r->feed_to_inst[e->inst], f = r->feed_to_frac[e->inst];
    if (a >= 0) match_trade(r, a, e);
    if (f >= 0) match_trade(r, f, e);
    pthread_mutex_unlock(&r->b->lock);
    deliver_outbox(r);
}

/* ================================================================ validation of a new order */

typedef struct { uint8_t code, status; const char16_t *text; } Verdict;

static bool rejected_by_list(const char *list, const char *name) {
    char pat[168];
    snprintf(pat, sizeof pat, ",%.160s,", name);
    return strstr(list, pat) != NULL;
}

static void fmt_time(const SimSession *s, int64_t ts, char *out, size_t n) {
    TSystemTime t;
    sim_to_systemtime(ts, s->opt.utc_offset_min, &t);
    snprintf(out, n, "%04u-%02u-%02u %02u:%02u:%02u", t.wYear, t.wMonth, t.wDay, t.wHour, t.wMinute, t.wSecond);
}

/* Broker-stage checks (README "Validation"), then the exchange stage. Returns code 0 when accepted. */
static Verdict validate_new(SimRoute *r, const SimRouteCmd *c, SimOrder *o, int64_t ts) {
    SimBroker *b = r->b;
    const SimRouteFaults *f = &r->faults;
    char a8[64];
    if (!c->routing_up)
        return (Verdict){MRC_NOT_CONNECTED, COS_ORDER_NOT_CREATED, textf(b, "routing not connected: order not sent")};
    if (c->acct < 0) {
        char sub[32];
        ascii16(c->account, a8, sizeof a8);
        ascii16(c->sub, sub, sizeof sub);
        return (Verdict){MRC_REJECTED_BROKER, COS_REJECTED,
                         textf(b, "unknown account: broker_id=%d account=%s%s%s", c->broker, a8, sub[0] ? " sub_account=" : "", sub)};
    }
    const SimAccount *acc = &b->roster->acc[c->acct];
    if (!acc->enabled)
        return (Verdict){MRC_REJECTED_BROKER, COS_REJECTED, textf(b, "account disabled: account=%s", acc->account_a)};
    if (!c->pass_ok)
        return (Verdict){MRC_REJECTED_BROKER, COS_REJECTED, textf(b, "wrong routing password for account=%s", acc->account_a)};
    if (c->inst < 0 || !b->inst[c->inst].tradable) {
        char t8[40], e8b[16];
        ascii16(c->ticker, t8, sizeof t8);
        ascii16(c->exchange, e8b, sizeof e8b);
        return (Verdict){MRC_REJECTED_BROKER, COS_REJECTED, textf(b, "unknown instrument: ticker=%s exchange=%s", t8, e8b)};
    }
    SimRInst *in = &b->inst[c->inst];
    if (c->zero && c->qty == 0)
        return (Verdict){MRC_REJECTED_BROKER, COS_REJECTED,
                         textf(b, "no %s position to zero: account=%s ticker=%s", c->pos_type == CPT_DAY_TRADE ? "day-trade" : "consolidated",
                               acc->account_a, in->ticker)};
    if (c->qty <= 0)
        return (Verdict){MRC_REJECTED_BROKER, COS_REJECTED, textf(b, "quantity must be > 0: quantity=%lld", (long long)c->qty)};
    if (c->type != COT_MARKET && !(c->price > 0))
        return (Verdict){MRC_REJECTED_BROKER, COS_REJECTED,
                         textf(b, "price must be > 0 for a %s order: price=%.10g", c->type == COT_LIMIT ? "limit" : "stop-limit", c->price)};
    if (c->type == COT_STOP_LIMIT && !(c->stop > 0))
        return (Verdict){MRC_REJECTED_BROKER, COS_REJECTED,
                         textf(b, "stop price required for a stop-limit order: stop_price=%.10g", c->stop)};
    char acct_sub[160];
    if (acc->sub_a[0]) snprintf(acct_sub, sizeof acct_sub, "%s/%s", acc->account_a, acc->sub_a);
    if ((f->reject_accounts[1] && rejected_by_list(f->reject_accounts, acc->account_a)) ||
        (f->reject_accounts[1] && acc->sub_a[0] && rejected_by_list(f->reject_accounts, acct_sub)))
        return (Verdict){MRC_REJECTED_BROKER, COS_REJECTED, textf(b, "rejected by the broker (fault.routing.reject_accounts): account=%s", acc->account_a)};
    if (f->reject_tickers[1] && rejected_by_list(f->reject_tickers, in->ticker))
        return (Verdict){MRC_REJECTED_BROKER, COS_REJECTED, textf(b, "rejected by the broker (fault.routing.reject_tickers): ticker=%s", in->ticker)};
    if (draw(f->seed, 0x72656a, o->seq, f->reject_ppm))
        return (Verdict){MRC_REJECTED_BROKER, COS_REJECTED, textf(b, "rejected by the broker (fault.routing.reject_share): seq=%u", o->seq)};

    /* exchange stage */
    int g = hours_of(r, in);
    SimPhase ph = sim_hours_phase(g, local_ns(r->s, ts));
    char when[64], hours[200];
    if (ph.phase != SIM_PHASE_CONTINUOUS) fmt_time(r->s, ts, when, sizeof when);
    if (ph.phase == SIM_PHASE_CLOSED || ph.phase == SIM_PHASE_CANCEL_ONLY) {
        sim_hours_describe(g, local_day(r->s, ts), hours, sizeof hours);
        return (Verdict){MRC_REJECTED_MARKET, COS_REJECTED,
                         textf(b, "market closed for %s at %s: %s hours that day: %s", in->ticker, when, sim_hours_name(g), hours)};
    }
    if (c->type == COT_MARKET && ph.phase != SIM_PHASE_CONTINUOUS)
        return (Verdict){MRC_REJECTED_MARKET, COS_REJECTED,
                         textf(b, "market orders only in continuous trading: %s at %s is in the %s (%02d:%02d-%02d:%02d)", in->ticker,
                               when, ph.name, ph.from_min / 60, ph.from_min % 60, ph.to_min / 60, ph.to_min % 60)};
    if (in->fractional && c->qty > 99)
        return (Verdict){MRC_REJECTED_MARKET, COS_REJECTED,
                         textf(b, "quantity must be 1..99 on the fractional market: ticker=%s quantity=%lld", in->ticker, (long long)c->qty)};
    if (c->qty % in->lot)
        return (Verdict){MRC_REJECTED_MARKET, COS_REJECTED,
                         textf(b, "quantity must be a multiple of the lot %lld: ticker=%s quantity=%lld", (long long)in->lot, in->ticker, (long long)c->qty)};
    if (in->max_qty && c->qty > in->max_qty)
        return (Verdict){MRC_REJECTED_MARKET, COS_REJECTED,
                         textf(b, "quantity above the maximum %lld per order: ticker=%s quantity=%lld", (long long)in->max_qty, in->ticker, (long long)c->qty)};
    char tick[40];
    sim_format_e8(in->tick_e8, tick, sizeof tick);
    if (c->type != COT_MARKET && (!to_e8(c->price, &o->price_e8) || o->price_e8 % in->tick_e8)) {
        o->price_e8 = 0;
        return (Verdict){MRC_REJECTED_MARKET, COS_REJECTED,
                         textf(b, "price must be a multiple of the tick %s: ticker=%s price=%.10g", tick, in->ticker, c->price)};
    }
    if (c->type == COT_STOP_LIMIT) {
        if (!to_e8(c->stop, &o->stop_e8) || o->stop_e8 % in->tick_e8) {
            o->stop_e8 = 0;
            return (Verdict){MRC_REJECTED_MARKET, COS_REJECTED,
                             textf(b, "stop price must be a multiple of the tick %s: ticker=%s stop_price=%.10g", tick, in->ticker, c->stop)};
        }
        char p[40], sp[40];
        sim_format_e8(o->price_e8, p, sizeof p);
        sim_format_e8(o->stop_e8, sp, sizeof sp);
        if (c->side == COS_BUY ? o->price_e8 < o->stop_e8 : o->price_e8 > o->stop_e8)
            return (Verdict){MRC_REJECTED_MARKET, COS_REJECTED,
                             textf(b, "a %s stop-limit needs price %s stop_price: price=%s stop_price=%s", c->side == COS_BUY ? "buy" : "sell",
                                   c->side == COS_BUY ? ">=" : "<=", p, sp)};
        const SimInstState *st = in->feed >= 0 ? &r->s->ist[in->feed] : NULL;
        if (st && st->last_type) {
            int64_t last = dbl_e8(st->last_price);
            char lp[40];
            sim_format_e8(last, lp, sizeof lp);
            if (c->side == COS_BUY ? o->stop_e8 <= last : o->stop_e8 >= last)
                return (Verdict){MRC_REJECTED_MARKET, COS_REJECTED,
                                 textf(b, "stop already triggerable: %s stop_price=%s %s last trade %s", c->side == COS_BUY ? "buy" : "sell", sp,
                                       c->side == COS_BUY ? "<=" : ">=", lp)};
        }
    }
    int64_t top;
    const SimInstState *fst = in->feed >= 0 ? &r->s->ist[in->feed] : NULL;
    if (c->type == COT_MARKET && !top_e8(r, in, c->side == COS_BUY ? 1 : 0, &top) && !(fst && fst->last_type))
        return (Verdict){MRC_REJECTED_MARKET, COS_REJECTED,
                         textf(b, "market order without a reference price (B3 030055): no %s and no trade known for %s",
                               c->side == COS_BUY ? "ask" : "bid", in->ticker)};
    return (Verdict){0, 0, NULL};
}

/* ================================================================ commands */

static int32_t broker_of(const SimRoute *r, int32_t acct, int32_t fallback) {
    return acct >= 0 ? r->b->roster->acc[acct].broker_id : fallback;
}

static void progress(SimRoute *r, const SimOrder *o, int32_t broker, int64_t local, int64_t msg, int upto) {
    static const struct { uint8_t code; const char16_t *text; } STEP[] = {
        {MRC_SENT_TO_HADES, MSG_HADES}, {MRC_SENT_TO_BROKER, MSG_BROKER}, {MRC_SENT_TO_MARKET, MSG_MARKET},
        {MRC_ACCEPTED, MSG_ACCEPTED}};
    for (int i = 0; i < upto; i++) ev_tmr(r, o, broker, local, msg, STEP[i].code, STEP[i].text, false);
}

static void route_new(SimRoute *r, const SimRouteCmd *c, int64_t ts) {
    SimBroker *b = r->b;
    SimOrder *o = order_new(b);
    if (!o) return;                                    /* out of memory: the order is lost, as a crash would */
    o->entry_ts = o->update_ts = o->prio_ts = ts;
    o->acct = c->acct;
    o->inst = c->inst >= 0 ? c->inst : -1;
    o->side = c->side;
    o->type = c->type;
    o->qty = c->qty;
    o->raw_broker = c->broker;
    set_clordid(r->s, o);
    if (map_local(r, c->local_id, o->seq)) o->local_id = c->local_id;
    if (o->acct >= 0) u32_push(&b->acct_orders[o->acct], o->seq);
    Verdict v = validate_new(r, c, o, ts);
    if (v.code && o->type != COT_MARKET && !o->price_e8 && !to_e8(c->price, &o->price_e8)) o->price_e8 = 0;
    if (v.code && o->type == COT_STOP_LIMIT && !o->stop_e8 && !to_e8(c->stop, &o->stop_e8)) o->stop_e8 = 0;
    int32_t broker = broker_of(r, c->acct, c->broker);
    char acc8[160] = "", sub8[96] = "", tk[40] = "", ex[16] = "", p[40], sp[40];
    bool journal = b->journal && !b->replaying;
    if (o->acct >= 0) {
        if (journal) {
            snprintf(acc8, sizeof acc8, "%s", b->roster->acc[o->acct].account_a);
            snprintf(sub8, sizeof sub8, "%s", b->roster->acc[o->acct].sub_a);
        }
    } else {
        utf8_of(c->account, acc8, sizeof acc8);
        utf8_of(c->sub, sub8, sizeof sub8);
        o->raw_account = text_u16(b, c->account);
        o->raw_sub = text_u16(b, c->sub);
    }
    if (o->inst < 0) {
        o->raw_ticker = text_u16(b, c->ticker);
        o->raw_exchange = text_u16(b, c->exchange);
    }
    if (journal || v.code) {
        ascii16(c->ticker, tk, sizeof tk);
        ascii16(c->exchange, ex, sizeof ex);
    }
    if (v.code) {
        o->status = v.status;
        o->text = v.text;
        o->close_ts = ts;
        char t8[600] = "";
        if (journal) utf8_of(v.text, t8, sizeof t8);
        /* the text goes last: it may hold commas */
        jrn(b, "R,%lld,%u,%d,%s,%s,%s,%s,%s,%s,%lld,%.17g,%.17g,%u,%s", (long long)ts, o->seq, broker, acc8, sub8, tk, ex,
            side_code(o->side), type_code(o->type), (long long)o->qty, c->price, c->stop, o->status, t8);
        bool local_only = v.code == MRC_NOT_CONNECTED;
        int stage = local_only ? 0 : v.code == MRC_REJECTED_BROKER ? 2 : 3;
        progress(r, o, broker, o->local_id, c->message_id, stage);
        ev_tmr(r, o, broker, o->local_id, c->message_id, v.code, v.text, local_only);
        ev_order(r, o, local_only);
        return;
    }
    SimRInst *in = &b->inst[o->inst];
    o->stop_e8 = o->type == COT_STOP_LIMIT ? o->stop_e8 : 0;
    o->rest_e8 = o->price_e8;
    o->status = COS_NEW;
    if (journal) {
        e8s(o->price_e8, p, sizeof p);
        e8s(o->stop_e8, sp, sizeof sp);
    }
    jrn(b, "N,%lld,%u,%d,%s,%s,%s,%s,%s,%s,%lld,%s,%s", (long long)ts, o->seq, broker, acc8, sub8, in->ticker,
        in->exchange, side_code(o->side), type_code(o->type), (long long)o->qty, p, sp);
    o->lost = draw(r->faults.seed, 0x6c6f7374, o->seq, r->faults.lose_ppm);
    progress(r, o, broker, o->local_id, c->message_id, 4);
    ev_order(r, o, false);
    if (o->type == COT_STOP_LIMIT) {
        book_insert(b, in, o, SIM_WHERE_STOPS);
        refresh_feed(r, in);
    } else {
        arrive(r, o, ts);
    }
    if (is_open(o->status)) note_open_order(r, o);
}

/* Resolves the order a change/cancel names; NULL with a reason text. */
static SimOrder *target(SimRoute *r, const SimRouteCmd *c, const char16_t **why) {
    SimBroker *b = r->b;
    uint32_t seq = c->target_seq ? c->target_seq : sim_route_seq_of_local(r, c->local_id);
    SimOrder *o = sim_broker_order(b, seq);
    if (!o) { *why = textf(b, "unknown order: LocalOrderID=%lld", (long long)c->local_id); return NULL; }
    if (o->acct != c->acct) {
        char cl[24];
        ascii16(o->clordid, cl, sizeof cl);
        *why = textf(b, "order %s does not belong to the account given", cl);
        return NULL;
    }
    if (!c->pass_ok) { *why = textf(b, "wrong routing password for account=%s", b->roster->acc[o->acct].account_a); return NULL; }
    load_order(r, o);
    return o;
}

static const char *status_word(uint8_t st) {
    switch (st) {
    case COS_FILLED: return "filled";
    case COS_CANCELED: case COS_PARTIALLY_FILLED_CANCELED: return "canceled";
    case COS_EXPIRED: case COS_PARTIALLY_FILLED_EXPIRED: return "expired";
    case COS_REJECTED: case COS_ORDER_NOT_CREATED: return "rejected";
    default: return "not open";
    }
}

static void cancel_order(SimRoute *r, SimOrder *o, int64_t ts) {
    if (o->where == SIM_WHERE_DORMANT) o->where = SIM_WHERE_NONE;
    close_order(r, o, o->traded ? COS_PARTIALLY_FILLED_CANCELED : COS_CANCELED, ts);
    jrn(r->b, "C,%lld,%u", (long long)ts, o->seq);
    ev_order(r, o, false);
}

static void route_cancel(SimRoute *r, const SimRouteCmd *c, int64_t ts) {
    const char16_t *why = NULL;
    int32_t broker = broker_of(r, c->acct, c->broker);
    if (!c->routing_up) {
        ev_tmr(r, NULL, broker, c->local_id, c->message_id, MRC_NOT_CONNECTED, u"routing not connected: cancel not sent", true);
        return;
    }
    SimOrder *o = target(r, c, &why);
    if (!o) {
        progress(r, NULL, broker, c->local_id, c->message_id, 2);
        ev_tmr(r, NULL, broker, c->local_id, c->message_id, MRC_REJECTED_BROKER, why, false);
        return;
    }
    progress(r, o, broker, o->local_id, c->message_id, 3);
    if (!is_open(o->status)) {
        char cl[24];
        ascii16(o->clordid, cl, sizeof cl);
        ev_tmr(r, o, broker, o->local_id, c->message_id, MRC_REJECTED_MARKET,
               textf(r->b, "too late to cancel: order %s is %s", cl, status_word(o->status)), false);
        return;
    }
    ev_tmr(r, o, broker, o->local_id, c->message_id, MRC_ACCEPTED, MSG_ACCEPTED, false);
    cancel_order(r, o, ts);
}

static void route_change(SimRoute *r, const SimRouteCmd *c, int64_t ts) {
    SimBroker *b = r->b;
    const char16_t *why = NULL;
    int32_t broker = broker_of(r, c->acct, c->broker);
    if (!c->routing_up) {
        ev_tmr(r, NULL, broker, c->local_id, c->message_id, MRC_NOT_CONNECTED, u"routing not connected: change not sent", true);
        return;
    }
    SimOrder *o = target(r, c, &why);
    if (!o) {
        progress(r, NULL, broker, c->local_id, c->message_id, 2);
        ev_tmr(r, NULL, broker, c->local_id, c->message_id, MRC_REJECTED_BROKER, why, false);
        return;
    }
    SimRInst *in = inst_of(r, o);
    char cl[24], tick[40];
    ascii16(o->clordid, cl, sizeof cl);
    sim_format_e8(in->tick_e8, tick, sizeof tick);
    progress(r, o, broker, o->local_id, c->message_id, 3);
    int g = hours_of(r, in);
    SimPhase ph = sim_hours_phase(g, local_ns(r->s, ts));
    int64_t price = 0, stop = o->stop_e8;
    bool stop_live = o->type == COT_STOP_LIMIT && !o->triggered;
    const char16_t *bad = NULL;
    if (!is_open(o->status)) bad = textf(b, "too late to change: order %s is %s", cl, status_word(o->status));
    else if (ph.phase == SIM_PHASE_CLOSED || ph.phase == SIM_PHASE_CANCEL_ONLY)
        bad = textf(b, "changes not accepted for %s now (%s): only cancellations", in->ticker, ph.name);
    else if (o->type == COT_MARKET) bad = textf(b, "a market order cannot be changed: order %s", cl);
    else if (c->qty <= o->traded)
        bad = textf(b, "quantity must be > the traded quantity %lld: quantity=%lld", (long long)o->traded, (long long)c->qty);
    else if (in->fractional && c->qty > 99)
        bad = textf(b, "quantity must be 1..99 on the fractional market: ticker=%s quantity=%lld", in->ticker, (long long)c->qty);
    else if (c->qty % in->lot)
        bad = textf(b, "quantity must be a multiple of the lot %lld: ticker=%s quantity=%lld", (long long)in->lot, in->ticker, (long long)c->qty);
    else if (in->max_qty && c->qty > in->max_qty)
        bad = textf(b, "quantity above the maximum %lld per order: ticker=%s quantity=%lld", (long long)in->max_qty, in->ticker, (long long)c->qty);
    else if (!to_e8(c->price, &price) || price % in->tick_e8)
        bad = textf(b, "price must be a multiple of the tick %s: ticker=%s price=%.10g", tick, in->ticker, c->price);
    else if (stop_live && (!to_e8(c->stop, &stop) || stop % in->tick_e8))
        bad = textf(b, "stop price must be a multiple of the tick %s: ticker=%s stop_price=%.10g", tick, in->ticker, c->stop);
    else if (stop_live && (o->side == COS_BUY ? price < stop : price > stop))
        bad = textf(b, "a %s stop-limit needs price %s stop_price", o->side == COS_BUY ? "buy" : "sell", o->side == COS_BUY ? ">=" : "<=");
    if (bad) {
        ev_tmr(r, o, broker, o->local_id, c->message_id, MRC_REJECTED_MARKET, bad, false);
        return;
    }
    ev_tmr(r, o, broker, o->local_id, c->message_id, MRC_ACCEPTED, MSG_ACCEPTED, false);
    /* priority: a new price, a new stop or a larger quantity goes to the back; a smaller one keeps its place */
    bool requeue = price != o->price_e8 || stop != o->stop_e8 || c->qty > o->qty || o->where == SIM_WHERE_DORMANT;
    uint8_t where = o->where == SIM_WHERE_DORMANT ? (stop_live ? SIM_WHERE_STOPS : SIM_WHERE_BOOK) : o->where;
    if (requeue) book_remove(b, in, o);
    o->qty = c->qty;
    o->price_e8 = o->rest_e8 = price;
    o->stop_e8 = stop;
    o->status = COS_REPLACED;
    o->update_ts = ts;
    o->text = NULL;
    char p[40], sp[40];
    e8s(price, p, sizeof p);
    e8s(stop_live ? stop : 0, sp, sizeof sp);
    jrn(b, "M,%lld,%u,%lld,%s,%s", (long long)ts, o->seq, (long long)o->qty, p, sp);
    ev_order(r, o, false);
    if (requeue) {
        o->prio_ts = ts;
        if (where == SIM_WHERE_STOPS) { book_insert(b, in, o, SIM_WHERE_STOPS); refresh_feed(r, in); }
        else arrive(r, o, ts);
    }
}

/* SendCancelOrdersV2 (inst >= 0) and SendCancelAllOrdersV2 (inst < 0): one request, one progress, then an
   OrderCallback per canceled order. */
static void route_cancel_many(SimRoute *r, const SimRouteCmd *c, int64_t ts, bool by_asset) {
    SimBroker *b = r->b;
    int32_t broker = broker_of(r, c->acct, c->broker);
    if (!c->routing_up) {
        ev_tmr(r, NULL, broker, 0, c->message_id, MRC_NOT_CONNECTED, u"routing not connected: cancel not sent", true);
        return;
    }
    if (c->acct < 0 || !c->pass_ok) {
        char a8[64];
        ascii16(c->account, a8, sizeof a8);
        progress(r, NULL, broker, 0, c->message_id, 2);
        ev_tmr(r, NULL, broker, 0, c->message_id, MRC_REJECTED_BROKER,
               c->acct < 0 ? textf(b, "unknown account: broker_id=%d account=%s", c->broker, a8)
                           : textf(b, "wrong routing password for account=%s", a8), false);
        return;
    }
    if (by_asset && c->inst < 0) {
        char t8[40];
        ascii16(c->ticker, t8, sizeof t8);
        progress(r, NULL, broker, 0, c->message_id, 2);
        ev_tmr(r, NULL, broker, 0, c->message_id, MRC_REJECTED_BROKER, textf(b, "unknown instrument: ticker=%s", t8), false);
        return;
    }
    progress(r, NULL, broker, 0, c->message_id, 4);
    const SimU32Vec *v = &b->acct_orders[c->acct];
    for (size_t i = 0; i < v->n; i++) {
        SimOrder *o = sim_broker_order(b, v->v[i]);
        if (is_open(o->status) && (!by_asset || o->inst == c->inst)) cancel_order(r, o, ts);
    }
}

static void route_zero(SimRoute *r, SimRouteCmd *c, int64_t ts) {
    SimBroker *b = r->b;
    int64_t q = 0;
    if (c->acct >= 0 && c->inst >= 0 && c->pass_ok && c->routing_up) {
        int32_t base = b->inst[c->inst].base;
        int32_t k = sim_broker_find_position(b, c->acct, base);
        if (k >= 0) q = c->pos_type == CPT_DAY_TRADE ? b->pos[k].day_qty : b->pos[k].cons_qty;
        /* zeroing cancels the account's open orders of the instrument first (base and fractional book) */
        const SimU32Vec *v = &b->acct_orders[c->acct];
        for (size_t i = 0; q && i < v->n; i++) {
            SimOrder *o = sim_broker_order(b, v->v[i]);
            if (is_open(o->status) && o->inst >= 0 && b->inst[o->inst].base == base) cancel_order(r, o, ts);
        }
    }
    SimRouteCmd n = *c;
    n.kind = RC_NEW;
    n.zero = 1;                     /* flat by now (it was not at the call): the broker refuses the order */
    n.side = q > 0 ? COS_SELL : COS_BUY;
    n.qty = q < 0 ? -q : q;
    n.type = c->price == -1 ? COT_MARKET : COT_LIMIT;
    n.stop = -1;
    route_new(r, &n, ts);
}

static void route_history(SimRoute *r, const SimRouteCmd *c) {
    SimBroker *b = r->b;
    int32_t m = c->acct;
    if (!b->roster || m < 0) return;
    SimHistState *h = &r->hist[m];
    for (size_t a = 0; a < b->roster->n; a++) {
        if (b->roster->acc[a].master != m) continue;
        const SimU32Vec *v = &b->acct_orders[a];
        for (size_t i = 0; i < v->n; i++) {
            SimOrder *o = sim_broker_order(b, v->v[i]);
            int64_t d = local_day(r->s, o->entry_ts);
            if (d >= c->hist_lo && d <= c->hist_hi) load_order(r, o);
            o->lost = 0;                       /* the history shows what really happened */
        }
    }
    h->lo = h->state == HIST_LOADED && h->lo < c->hist_lo ? h->lo : c->hist_lo;
    h->hi = h->state == HIST_LOADED && h->hi > c->hist_hi ? h->hi : c->hist_hi;
    h->state = HIST_LOADED;
    SimOut *e = out_push(&r->out);
    if (e) { e->kind = OUT_HISTORY; e->acct = m; e->local = true; }
}

/* ================================================================ faults: routing connection drop */

/* fault.routing.disconnect_after_orders=N arms one drop, N new orders after it was set (or after the session
   started, for a value set before); setting it again re-arms. */
static void arm_disconnect(SimRoute *r) {
    if (r->faults.disconnect_generation == r->disc_armed_gen) return;
    r->disc_armed_gen = r->faults.disconnect_generation;
    r->disc_base = r->orders_seen;
    r->disc_pending = r->faults.disconnect_after_orders > 0;
}

static void refresh_faults(SimRoute *r) {
    if (atomic_load_explicit(&sim_route_faults_version, RLX) == r->faults_version) return;
    sim_route_faults_read(&r->faults, &r->faults_version);
    arm_disconnect(r);
}

static void routing_drop(SimRoute *r) {
    atomic_store(&r->up, 0);
    r->reconnect_at = sim_mono_ns() + r->faults.reconnect_after_ms * SIM_NS_PER_MS;
    if (!r->reconnect_at) r->reconnect_at = 1;
    sim_fire_state(r->s, CONNECTION_STATE_ROTEAMENTO, ROTEAMENTO_DISCONNECTED);
}

/* ================================================================ delivery */

static void fire(SimRoute *r, const SimOut *e) {
    SimSession *s = r->s;
    SimBroker *b = r->b;
    SimOrder *o = e->seq ? sim_broker_order(b, e->seq) : NULL;
    switch (e->kind) {
    case OUT_TMR: {
        TConnectorTradingMessageResultCallback cb = atomic_load_explicit(&sim_cb.trading_msg, RLX);
        if (!cb) return;
        TConnectorTradingMessageResult m = {
            .Version = 0, .BrokerID = e->broker,
            .OrderID = {.Version = 0, .LocalOrderID = o ? o->local_id : e->local_id, .ClOrderID = o ? o->clordid : u""},
            .MessageID = e->message_id, .ResultCode = e->code, .Message = e->text ? e->text : u"",
            .MessageLength = e->text ? (int32_t)sim_u16len(e->text) : 0};
        sim_cb_enter(s);
        cb(&m);
        sim_cb_exit(s, false);
        return;
    }
    case OUT_ORDER: {
        TConnectorOrderCallback cb = atomic_load_explicit(&sim_cb.order, RLX);
        if (!cb || !o) return;
        TConnectorOrderIdentifier id = {.Version = 0, .LocalOrderID = o->local_id, .ClOrderID = o->clordid};
        r->cur_view = &e->view;
        r->cur_seq = e->seq;
        sim_cb_enter(s);
        cb(&id);
        sim_cb_exit(s, false);
        r->cur_view = NULL;
        r->cur_seq = 0;
        return;
    }
    case OUT_POSITION: {
        TConnectorAssetPositionListCallback cb = atomic_load_explicit(&sim_cb.asset_position_list, RLX);
        if (!cb) return;
        const SimAccount *a = &b->roster->acc[e->acct];
        TConnectorAccountIdentifier acc = {0, a->broker_id, a->account_id, a->sub_id, 0};
        sim_cb_enter(s);
        cb(&acc, &b->inst[e->inst].asset, (int64_t)e->event_id);
        sim_cb_exit(s, false);
        return;
    }
    case OUT_HISTORY: {
        TConnectorAccountCallback cb = atomic_load_explicit(&sim_cb.order_history, RLX);
        if (!cb) return;
        const SimAccount *a = &b->roster->acc[e->acct];
        TConnectorAccountIdentifier acc = {0, a->broker_id, a->account_id, u"", 0};
        sim_cb_enter(s);
        cb(&acc);
        sim_cb_exit(s, false);
        return;
    }
    }
}

/* Delivers one event now, unless routing is down (then it is lost, and the order will be reported when
   routing comes back) or the order's events are lost by fault. */
static void deliver_now(SimRoute *r, const SimOut *e) {
    SimOrder *o = e->seq ? sim_broker_order(r->b, e->seq) : NULL;
    if (!e->local && !atomic_load_explicit(&r->up, RLX)) {
        if (o && !o->dirty) {
            pthread_mutex_lock(&r->b->lock);
            o->dirty = 1;
            u32_push(&r->dirty, o->seq);
            pthread_mutex_unlock(&r->b->lock);
        }
        return;
    }
    if (o && o->lost && !e->local) return;
    fire(r, e);
    if (e->kind == OUT_ORDER && draw(r->faults.seed, 0x647570, e->view.event_id, r->faults.duplicate_ppm))
        fire(r, e);   /* a duplicate notification: same order, same EventID */
}

static void deliver_outbox(SimRoute *r) {
    int64_t delay = r->faults.delay_ms * SIM_NS_PER_MS;
    for (size_t i = 0; i < r->out.n; i++) {
        SimOut *e = &r->out.v[i];
        if (delay > 0 || r->delayed.head < r->delayed.n) {   /* once delayed, later events queue behind */
            SimOut *d = out_push(&r->delayed);
            if (d) { *d = *e; d->due = sim_mono_ns() + delay; }
            continue;
        }
        deliver_now(r, e);
    }
    r->out.n = 0;
}

bool sim_route_pump(SimSession *s, int64_t now, int64_t *deadline) {
    SimRoute *r = s->route;
    if (!r) return false;
    bool busy = false;
    refresh_faults(r);
    if (r->reconnect_at && now >= r->reconnect_at) {
        r->reconnect_at = 0;
        sim_fire_state(s, CONNECTION_STATE_ROTEAMENTO, ROTEAMENTO_CONNECTING);
        sim_fire_state(s, CONNECTION_STATE_ROTEAMENTO, ROTEAMENTO_CONNECTED);
        sim_fire_state(s, CONNECTION_STATE_ROTEAMENTO, ROTEAMENTO_BROKER_CONNECTED);
        atomic_store(&r->up, 1);
        /* what changed while the client was away: one OrderCallback per order with its current state */
        pthread_mutex_lock(&r->b->lock);
        for (size_t i = 0; i < r->dirty.n; i++) {
            SimOrder *o = sim_broker_order(r->b, r->dirty.v[i]);
            o->dirty = 0;
            SimOut *e = out_push(&r->out);
            if (!e) continue;
            e->kind = OUT_ORDER;
            e->seq = o->seq;
            sim_order_view(r, o, &e->view);
        }
        r->dirty.n = 0;
        pthread_mutex_unlock(&r->b->lock);
        deliver_outbox(r);
        busy = true;
    } else if (r->reconnect_at && r->reconnect_at < *deadline) {
        *deadline = r->reconnect_at;
    }
    while (r->delayed.head < r->delayed.n) {
        SimOut *e = &r->delayed.v[r->delayed.head];
        if (e->due > now) {
            if (e->due < *deadline) *deadline = e->due;
            break;
        }
        SimOut copy = *e;
        r->delayed.head++;
        deliver_now(r, &copy);
        busy = true;
    }
    if (r->delayed.head == r->delayed.n) r->delayed.head = r->delayed.n = 0;
    return busy;
}

/* ================================================================ running a command */

static int64_t now_ts(SimSession *s) { return sim_session_clock(s); }

void sim_route_run(SimSession *s, SimRouteCmd *c) {
    SimRoute *r = s->route;
    if (!r) return;
    refresh_faults(r);
    int64_t ts = now_ts(s);
    if (c->kind == RC_NEW || c->kind == RC_ZERO) {
        r->orders_seen++;
        /* fault.routing.disconnect_after_orders: this order is in flight when the connection drops */
        if (r->disc_pending && r->orders_seen - r->disc_base >= r->faults.disconnect_after_orders && atomic_load(&r->up)) {
            r->disc_pending = false;
            routing_drop(r);
        }
    }
    pthread_mutex_lock(&r->b->lock);
    if (ts >= r->next_timer) timer_locked(r, ts);
    switch (c->kind) {
    case RC_NEW: route_new(r, c, ts); break;
    case RC_ZERO: route_zero(r, c, ts); break;
    case RC_CHANGE: route_change(r, c, ts); break;
    case RC_CANCEL: route_cancel(r, c, ts); break;
    case RC_CANCEL_ASSET: route_cancel_many(r, c, ts, true); break;
    case RC_CANCEL_ALL: route_cancel_many(r, c, ts, false); break;
    case RC_HISTORY: route_history(r, c); break;
    }
    pthread_mutex_unlock(&r->b->lock);
    deliver_outbox(r);
}

void sim_route_connected(SimSession *s) {
    SimRoute *r = s->route;
    if (!r) return;
    atomic_store(&r->up, 1);
    atomic_store(&r->accounts_loaded, 1);
    const SimRoster *ro = r->b->roster;
    if (!ro) return;
    for (size_t i = 0; i < ro->n; i++) {
        const SimAccount *a = &ro->acc[i];
        if (a->sub_a[0] || !s->account_cb) continue;
        sim_cb_enter(s);
        s->account_cb(a->broker_id, a->broker_name, a->account_id, a->owner);
        sim_cb_exit(s, false);
    }
    TConnectorBrokerAccountListCallback bl = atomic_load(&sim_cb.broker_account_list);
    for (size_t i = 0; bl && i < ro->n; i++) {
        bool first = true;
        for (size_t j = 0; j < i; j++) first &= ro->acc[j].broker_id != ro->acc[i].broker_id;
        if (!first) continue;
        sim_cb_enter(s);
        bl(ro->acc[i].broker_id, 1);
        sim_cb_exit(s, false);
    }
    TConnectorBrokerSubAccountListCallback sl = atomic_load(&sim_cb.broker_sub_account_list);
    for (size_t i = 0; sl && i < ro->n; i++) {
        const SimAccount *a = &ro->acc[i];
        bool has_sub = false;
        for (size_t j = 0; j < ro->n; j++) has_sub |= ro->acc[j].sub_a[0] && ro->acc[j].master == (int32_t)i;
        if (a->sub_a[0] || !has_sub) continue;
        TConnectorAccountIdentifier id = {0, a->broker_id, a->account_id, u"", 0};
        sim_cb_enter(s);
        sl(&id);
        sim_cb_exit(s, false);
    }
}

/* ================================================================ broker lifecycle and the journal's replay */

static void broker_free(SimBroker *b) {
    if (!b) return;
    for (size_t i = 0; i < b->ninst; i++)
        for (int k = 0; k < 2; k++) { free(b->inst[i].book[k].lv); free(b->inst[i].stops[k].lv); }
    free(b->inst);
    free(b->ihash);
    for (uint32_t c = 0; c < SIM_MAX_CHUNKS && b->chunk[c]; c++) free(b->chunk[c]);
    free(b->chunk);
    free(b->pos);
    free(b->phash);
    size_t na = b->roster ? b->roster->n : 0;
    for (size_t a = 0; a < na; a++) { free(b->acct_orders[a].v); free(b->acct_pos[a].v); }
    free(b->acct_orders);
    free(b->acct_pos);
    for (Text *t = b->texts; t;) { Text *n = t->next; free(t); t = n; }
    if (b->journal) fclose(b->journal);
    free(b->journal_path);
    sim_roster_unref(b->roster);
    pthread_mutex_destroy(&b->lock);
    free(b);
}

void sim_broker_discard(void) {
    broker_free(g_broker);
    g_broker = NULL;
}

static SimBroker *broker_new(SimRoster *roster, int64_t day) {
    SimBroker *b = calloc(1, sizeof *b);
    if (!b) return NULL;
    pthread_mutex_init(&b->lock, NULL);
    b->trading_day = day;
    b->chunk = calloc(SIM_MAX_CHUNKS, sizeof *b->chunk);
    size_t na = roster ? roster->n : 0;
    b->acct_orders = calloc(na ? na : 1, sizeof *b->acct_orders);
    b->acct_pos = calloc(na ? na : 1, sizeof *b->acct_pos);
    if (!b->chunk || !b->acct_orders || !b->acct_pos) { broker_free(b); return NULL; }
    sim_roster_ref(roster);
    b->roster = roster;
    /* opening positions; an F ticker's position is its base's (b3-trading.md §1) */
    for (size_t a = 0; a < na; a++)
        for (size_t k = 0; k < roster->acc[a].npos; k++) {
            const SimRosterPos *rp = &roster->acc[a].pos[k];
            char base[33];
            size_t len = strlen(rp->ticker);
            snprintf(base, sizeof base, "%s", rp->ticker);
            if (!strcmp(rp->exchange, "B") && len > 1 && base[len - 1] == 'F') base[len - 1] = 0;
            int32_t i = inst_intern(b, base, rp->exchange);
            SimPosition *p = i >= 0 ? pos_get(b, (int32_t)a, i) : NULL;
            if (!p) { broker_free(b); return NULL; }
            int64_t absq = rp->qty < 0 ? -rp->qty : rp->qty;
            p->open_qty += rp->qty;
            p->open_avg_e8 = rp->avg_e8;
            p->cons_qty = p->open_qty;
            p->cons_cost += (__int128)absq * rp->avg_e8;
        }
    return b;
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
        SimOrder *o = order_new(b);
        if (!o) { snprintf(why, whylen, "out of memory"); return false; }
        o->entry_ts = o->update_ts = o->prio_ts = ts;
        o->side = f[8].n == 1 && f[8].p[0] == 'B' ? COS_BUY : COS_SELL;
        o->type = f[9].n == 3 && !memcmp(f[9].p, "MKT", 3) ? COT_MARKET : f[9].n == 3 && !memcmp(f[9].p, "LMT", 3) ? COT_LIMIT : COT_STOP_LIMIT;
        o->qty = qty;
        o->raw_broker = (int32_t)broker;
        o->from_earlier = 1;
        set_clordid(r->s, o);
        char16_t wa[64], ws[64];
        sim_utf8_to_u16(acc, strlen(acc), wa, 64);
        sim_utf8_to_u16(sub, strlen(sub), ws, 64);
        o->acct = sim_roster_find(b->roster, (int32_t)broker, wa, ws);
        o->inst = inst_intern(b, tk, ex);
        if (o->acct >= 0) u32_push(&b->acct_orders[o->acct], o->seq);
        else { o->raw_account = text_u16(b, wa); o->raw_sub = text_u16(b, ws); }
        if (kind == 'N') {
            if (o->acct < 0) { snprintf(why, whylen, "account %lld/%s is not in the roster", (long long)broker, acc); return false; }
            if (!je8(f[11], &o->price_e8) || !je8(f[12], &o->stop_e8)) { snprintf(why, whylen, "bad price or stop"); return false; }
            o->rest_e8 = o->price_e8;
            o->status = COS_NEW;
            o->where = o->type == COT_STOP_LIMIT ? SIM_WHERE_STOPS : o->type == COT_MARKET ? SIM_WHERE_NONE : SIM_WHERE_BOOK;
        } else {
            int64_t st;
            if (!jint(f[13], &st)) { snprintf(why, whylen, "bad status"); return false; }
            double px = strtod(f[11].p, NULL);
            if (!to_e8(px, &o->price_e8)) o->price_e8 = 0;
            o->status = (uint8_t)st;
            o->close_ts = ts;
            char txt[600];
            jcopy(f[14], txt, sizeof txt);
            o->text = text_utf8(b, txt);
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
        apply_fill(r, o, q, px, ts);
        if (is_open(o->status)) o->where = where;
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
        o->text = textf(b, "expired: day order still open at the end of the session");
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
static int journal_open(SimRoute *r, const char *path, char *err, size_t errlen) {
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

/* ---------------------------------------------------------------- session start and end */

static int cmp_dormant(const void *a, const void *b, void *arg) {
    SimBroker *br = arg;
    const SimOrder *x = sim_broker_order(br, *(const uint32_t *)a), *y = sim_broker_order(br, *(const uint32_t *)b);
    if (x->update_ts != y->update_ts) return x->update_ts < y->update_ts ? -1 : 1;
    return x->seq < y->seq ? -1 : x->seq > y->seq;
}

int sim_route_create(SimSession *s, char *err, size_t errlen) {
    const SimReplay *rp = s->replay;
    int64_t first = rp->n ? rp->ev[0].ts : sim_wall_ns();
    int64_t day = floordiv64(first + (int64_t)s->opt.utc_offset_min * 60 * SIM_NS_PER_SEC, SIM_NS_PER_DAY);
    SimRoster *roster = s->opt.roster;
    bool keep = g_broker && !s->opt.journal && !g_broker->journal && g_broker->roster == roster && g_broker->trading_day == day;
    if (!keep) {
        sim_broker_discard();
        if (!(g_broker = broker_new(roster, day))) { snprintf(err, errlen, "out of memory"); return -1; }
    }
    SimBroker *b = g_broker;
    SimRoute *r = calloc(1, sizeof *r);
    if (!r) { snprintf(err, errlen, "out of memory"); return -1; }
    s->route = r;
    r->s = s;
    r->b = b;
    atomic_init(&r->next_local, 1);
    atomic_init(&r->next_message, 1);
    r->l2s = calloc(SIM_MAX_CHUNKS, sizeof *r->l2s);
    r->hist = calloc(roster && roster->n ? roster->n : 1, sizeof *r->hist);
    r->feed_to_inst = malloc((rp->ninst ? rp->ninst : 1) * sizeof(int32_t));
    r->feed_to_frac = malloc((rp->ninst ? rp->ninst : 1) * sizeof(int32_t));
    sim_route_faults_read(&r->faults, &r->faults_version);
    arm_disconnect(r);
    if (!r->l2s || !r->hist || !r->feed_to_inst || !r->feed_to_frac) { snprintf(err, errlen, "out of memory"); return -1; }
    if (configure_instruments(b, &s->opt, rp, err, errlen)) return -1;
    for (size_t k = 0; k < rp->ninst; k++) r->feed_to_inst[k] = r->feed_to_frac[k] = -1;
    for (size_t i = 0; i < b->ninst; i++) {
        SimRInst *in = &b->inst[i];
        if (in->feed < 0) continue;
        if (!strcmp(in->ticker, rp->inst[in->feed].ticker) && !strcmp(in->exchange, rp->inst[in->feed].exchange))
            r->feed_to_inst[in->feed] = (int32_t)i;
        else
            r->feed_to_frac[in->feed] = (int32_t)i;
    }
    if (s->opt.journal && !b->journal && journal_open(r, s->opt.journal, err, errlen)) return -1;
    for (int g = 0; g < SIM_HOURS_N; g++) r->expiry_day[g] = INT64_MAX;
    /* every order is from an earlier session now; resting ones wait (dormant) until the tape passes their last
       event, since a new session replays the tape from its start */
    for (uint32_t q = 1; q <= b->norders; q++) {
        SimOrder *o = sim_broker_order(b, q);
        o->local_id = 0;
        o->from_earlier = 1;
        o->lost = o->dirty = 0;
        o->prev = o->next = 0;
        if (o->where == SIM_WHERE_BOOK || o->where == SIM_WHERE_STOPS || o->where == SIM_WHERE_DORMANT) {
            o->where = SIM_WHERE_DORMANT;
            u32_push(&r->dormant, q);
        }
        if (is_open(o->status) && o->inst >= 0) note_open_order(r, o);
    }
    for (size_t i = 0; i < b->ninst; i++) {
        SimRInst *in = &b->inst[i];
        for (int k = 0; k < 2; k++) in->book[k].n = in->stops[k].n = 0;
        in->active = 0;
    }
    if (r->dormant.n) qsort_r(r->dormant.v, r->dormant.n, sizeof *r->dormant.v, cmp_dormant, b);
    recompute_timer(r);
    return 0;
}

void sim_route_destroy(SimSession *s) {
    SimRoute *r = s->route;
    if (!r) return;
    if (r->l2s) for (uint32_t c = 0; c < SIM_MAX_CHUNKS; c++) free(r->l2s[c]);
    free(r->l2s);
    free(r->hist);
    free(r->q.v);
    free(r->spare.v);
    free(r->out.v);
    free(r->delayed.v);
    free(r->dirty.v);
    free(r->dormant.v);
    free(r->rekey.v);
    free(r->feed_to_inst);
    free(r->feed_to_frac);
    /* books hold dormant-to-be orders: the next session rebuilds them */
    free(r);
    s->route = NULL;
}
