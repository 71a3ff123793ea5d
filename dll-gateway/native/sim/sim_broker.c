/* sim_broker.c — the simulated broker's state and its lifecycle: instruments (defaults and the master), order
 * storage (chunks indexed by the day sequence, the ClOrderID suffix; LocalOrderID -> sequence in a chunked
 * array: O(1) lookups), positions, and the session's view of the broker (sim_route_create/destroy). The rules
 * are stated in README.md; the other broker files are listed in sim_broker_int.h.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "sim_broker_int.h"

static SimBroker *g_broker;   /* process-wide; created, replaced and freed only with no session running */

/* ================================================================ small helpers */

double sim_e8_to_double(int64_t v) { return (double)v / 1e8; }

double sim_avg_price(__int128 value_e8, int64_t qty) {
    if (qty <= 0) return 0;
    /* integer quotient first: (AvgPx x Cum) differences then reproduce each fill's price to ~1e-12 */
    __int128 q = value_e8 / qty, r = value_e8 % qty;
    return ((double)q + (double)r / (double)qty) / 1e8;
}

bool sim_to_e8(double p, int64_t *out) {
    if (!isfinite(p) || p <= 0 || p > 9e10) return false;
    double x = p * 1e8;
    double r = nearbyint(x);
    if (fabs(x - r) > fabs(x) * 1e-15 + 1e-6) return false;
    *out = (int64_t)r;
    return true;
}

int64_t sim_dbl_e8(double p) { return (int64_t)llround(p * 1e8); }

static int64_t floordiv64(int64_t a, int64_t b) {
    int64_t q = a / b;
    return (a % b != 0 && ((a < 0) != (b < 0))) ? q - 1 : q;
}

int64_t sim_local_ns(const SimSession *s, int64_t utc) {
    return utc + (int64_t)s->opt.utc_offset_min * 60 * SIM_NS_PER_SEC;
}

int64_t sim_local_day(const SimSession *s, int64_t utc) { return floordiv64(sim_local_ns(s, utc), SIM_NS_PER_DAY); }

int64_t sim_ascii16(const char16_t *w, char *out, size_t cap) {
    size_t i = 0;
    for (; w && w[i] && i + 1 < cap; i++) out[i] = w[i] < 128 ? (char)w[i] : '?';
    out[i] = 0;
    return (int64_t)i;
}

/* UTF-16 -> UTF-8 (for the journal: account ids and owner texts may hold accents). */
void sim_utf8_of(const char16_t *w, char *out, size_t cap) {
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
bool sim_draw(uint64_t seed, uint64_t salt, uint64_t key, uint32_t ppm) {
    if (!ppm) return false;
    return mix64(seed ^ mix64(salt ^ mix64(key))) % 1000000u < ppm;
}

/* ---------------------------------------------------------------- text arena */

typedef struct Text { struct Text *next; char16_t s[]; } Text;

const char16_t *sim_text_u16(SimBroker *b, const char16_t *w) {
    size_t n = sim_u16len(w);
    Text *t = malloc(sizeof *t + (n + 1) * sizeof(char16_t));
    if (!t) return u"(out of memory)";
    memcpy(t->s, w, (n + 1) * sizeof(char16_t));
    t->next = b->texts;
    b->texts = t;
    return t->s;
}

const char16_t *sim_text_utf8(SimBroker *b, const char *s) {
    char16_t w[512];
    if (!sim_utf8_to_u16(s, strlen(s), w, sizeof w / sizeof *w)) {
        size_t i = 0;   /* our texts are ASCII but for names: degrade, never fail */
        for (; s[i] && i + 1 < sizeof w / sizeof *w; i++) w[i] = (unsigned char)s[i] < 128 ? (char16_t)s[i] : u'?';
        w[i] = 0;
    }
    return sim_text_u16(b, w);
}

const char16_t *sim_textf(SimBroker *b, const char *fmt, ...) {
    char buf[600];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    return sim_text_utf8(b, buf);
}

/* ================================================================ growable vectors */

bool sim_u32_push(SimU32Vec *v, uint32_t x) {
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

SimOut *sim_out_push(SimOutVec *v) {
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
int32_t sim_inst_intern(SimBroker *b, const char *t, const char *e) {
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
            int64_t x = sim_dbl_e8(v[j]), step = 1;
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
        if (sim_inst_intern(b, r->inst[k].ticker, r->inst[k].exchange) < 0) goto nomem;
    const SimMaster *m = o->master;
    for (size_t k = 0; m && k < m->n; k++)
        if (sim_inst_intern(b, m->row[k].ticker, m->row[k].exchange) < 0) goto nomem;
    /* the fractional book of every known round-lot B ticker: XXXX3 -> XXXX3F */
    size_t n0 = b->ninst;
    for (size_t i = 0; i < n0; i++) {
        SimRInst *in = &b->inst[i];
        size_t len = strlen(in->ticker);
        bool known = sim_replay_find(r, in->wticker, in->wexchange) >= 0 || in_master(m, in->ticker, in->exchange);
        if (strcmp(in->exchange, "B") || !known || len >= 32 || (len && in->ticker[len - 1] == 'F')) continue;
        char f[34];
        snprintf(f, sizeof f, "%sF", in->ticker);
        if (sim_inst_intern(b, f, "B") < 0) goto nomem;
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

SimOrder *sim_order_new(SimBroker *b) {
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

void sim_set_clordid(const SimSession *s, SimOrder *o) {
    int64_t y; unsigned m, d;
    int64_t day = sim_local_day(s, o->entry_ts);
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

bool sim_map_local(SimRoute *r, int64_t local, uint32_t seq) {
    uint64_t c = (uint64_t)(local - 1) >> SIM_CHUNK_BITS;
    if (c >= SIM_MAX_CHUNKS) return false;
    if (!r->l2s[c] && !(r->l2s[c] = calloc(SIM_CHUNK, sizeof(uint32_t)))) return false;
    r->l2s[c][(local - 1) & MASK] = seq;
    return true;
}

/* Gives an earlier order a LocalOrderID of this session ("loads" it). Under the lock. */
void sim_load_order(SimRoute *r, SimOrder *o) {
    if (o->local_id) return;
    int64_t id = atomic_fetch_add(&r->next_local, 1);
    if (sim_map_local(r, id, o->seq)) o->local_id = id;
}

bool sim_is_open(uint8_t st) {
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

SimPosition *sim_pos_get(SimBroker *b, int32_t acct, int32_t inst) {
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
    sim_u32_push(&b->acct_pos[acct], (uint32_t)b->npos - 1);
    return p;
}

/* Average price by b3-trading.md "In brief": weighted over the fills that increase the position, unchanged
   by reducing fills, the fill price after a flip. cost is |qty| x average in e8. */
void sim_pos_apply(int64_t *q, __int128 *cost, int64_t signed_fill, int64_t price_e8) {
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
            int32_t i = sim_inst_intern(b, base, rp->exchange);
            SimPosition *p = i >= 0 ? sim_pos_get(b, (int32_t)a, i) : NULL;
            if (!p) { broker_free(b); return NULL; }
            int64_t absq = rp->qty < 0 ? -rp->qty : rp->qty;
            p->open_qty += rp->qty;
            p->open_avg_e8 = rp->avg_e8;
            p->cons_qty = p->open_qty;
            p->cons_cost += (__int128)absq * rp->avg_e8;
        }
    return b;
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
    sim_arm_disconnect(r);
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
    if (s->opt.journal && !b->journal && sim_journal_open(r, s->opt.journal, err, errlen)) return -1;
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
            sim_u32_push(&r->dormant, q);
        }
        if (sim_is_open(o->status) && o->inst >= 0) sim_note_open_order(r, o);
    }
    for (size_t i = 0; i < b->ninst; i++) {
        SimRInst *in = &b->inst[i];
        for (int k = 0; k < 2; k++) in->book[k].n = in->stops[k].n = 0;
        in->active = 0;
    }
    if (r->dormant.n) qsort_r(r->dormant.v, r->dormant.n, sizeof *r->dormant.v, cmp_dormant, b);
    sim_recompute_timer(r);
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
