/* sim_match.c — books and matching against the replayed tape (README "Matching").
 *
 * Books: per instrument and side, an array of price levels sorted best-first (binary search; levels are few)
 * holding a FIFO of orders linked by seq. A tape trade walks the levels from the best while they are
 * eligible, so its cost is the number of orders it fills plus one; stops sit in the same structure keyed by
 * their stop price. Every state change appends its client events to the outbox (sim_events.c), each
 * OrderCallback event carrying a snapshot of the order, and its journal line (sim_journal.c).
 */
#define _GNU_SOURCE
#include <stdlib.h>
#include <string.h>

#include "sim_broker_int.h"

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
bool sim_book_insert(SimBroker *b, SimRInst *in, SimOrder *o, uint8_t where) {
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

void sim_book_remove(SimBroker *b, SimRInst *in, SimOrder *o) {
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

/* ================================================================ state changes (under the lock) */

SimRInst *sim_inst_of(SimRoute *r, const SimOrder *o) { return &r->b->inst[o->inst]; }

int sim_hours_of(const SimRoute *r, const SimRInst *in) {
    return r->s->opt.hours_always ? SIM_HOURS_ALWAYS : in->hours;
}

void sim_refresh_feed(SimRoute *r, const SimRInst *in) {
    if (r->b->replaying || in->feed < 0 || (size_t)in->feed >= r->s->replay->ninst) return;
    /* a replay instrument feeds itself and possibly the F book that mirrors it */
    bool active = false;
    for (int j = 0; j < 2; j++) {
        int32_t k = (j ? r->feed_to_frac : r->feed_to_inst)[in->feed];
        if (k >= 0 && r->b->inst[k].active) active = true;
    }
    r->s->ist[in->feed].route_active = active;
}

void sim_close_order(SimRoute *r, SimOrder *o, uint8_t status, int64_t ts) {
    SimRInst *in = sim_inst_of(r, o);
    sim_book_remove(r->b, in, o);
    o->status = status;
    o->update_ts = o->close_ts = ts;
    sim_refresh_feed(r, in);
}

void sim_apply_fill(SimRoute *r, SimOrder *o, int64_t q, int64_t px, int64_t ts) {
    SimBroker *b = r->b;
    if (o->type == COT_MARKET && (o->rest_e8 == MARKET_BUY_REST || o->rest_e8 == MARKET_SELL_REST) &&
        o->traded + q < o->qty && !b->replaying)
        sim_u32_push(&r->rekey, o->seq);          /* its remainder will rest at this price (see rest_market) */
    o->traded += q;
    o->value_e8 += (__int128)q * px;
    o->update_ts = ts;
    char p[40];
    sim_format_e8(px, p, sizeof p);
    sim_jrn(b, "F,%lld,%u,%lld,%s", (long long)ts, o->seq, (long long)q, p);
    if (o->traded >= o->qty) sim_close_order(r, o, COS_FILLED, ts);
    else o->status = COS_PARTIALLY_FILLED;
    sim_ev_order(r, o, false);
    SimPosition *pos = o->acct >= 0 ? sim_pos_get(b, o->acct, b->inst[o->inst].base) : NULL;
    if (pos) {
        int64_t sf = o->side == COS_BUY ? q : -q;
        sim_pos_apply(&pos->cons_qty, &pos->cons_cost, sf, px);
        sim_pos_apply(&pos->day_qty, &pos->day_cost, sf, px);
        if (o->side == COS_BUY) { pos->buy_qty += q; pos->buy_val += (__int128)q * px; }
        else { pos->sell_qty += q; pos->sell_val += (__int128)q * px; }
        pos->event_id = ++b->event_id;
        sim_ev_position(r, pos);
    }
}

bool sim_top_e8(const SimRoute *r, const SimRInst *in, int side, int64_t *px) {
    if (in->feed < 0 || (size_t)in->feed >= r->s->replay->ninst) return false;
    const SimInstState *st = &r->s->ist[in->feed];
    uint64_t bits = atomic_load_explicit(side == 0 ? &st->bid_bits : &st->ask_bits, RLX);
    if (bits == SIM_EMPTY_BITS) return false;
    double d;
    memcpy(&d, &bits, sizeof d);
    *px = sim_dbl_e8(d);
    return true;
}

static int64_t lot_floor(const SimRInst *in, int64_t q) { return q / in->lot * in->lot; }

/* A new (or triggered, or repriced) order meets the book: in continuous trading, if it crosses the known top
   of the opposite side it takes it, at that price, up to fill.touch_quantity (README "Matching" 2). */
void sim_arrive(SimRoute *r, SimOrder *o, int64_t ts) {
    SimRInst *in = sim_inst_of(r, o);
    SimPhase ph = sim_hours_phase(sim_hours_of(r, in), sim_local_ns(r->s, ts));
    int64_t top;
    if (ph.phase == SIM_PHASE_CONTINUOUS && sim_top_e8(r, in, o->side == COS_BUY ? 1 : 0, &top) &&
        (o->type == COT_MARKET ? true : o->side == COS_BUY ? top <= o->rest_e8 : top >= o->rest_e8)) {
        int64_t q = o->qty - o->traded;
        if (r->s->opt.touch_qty) {
            int64_t cap = lot_floor(in, r->s->opt.touch_qty);
            if (cap < q) q = cap;
        }
        if (q > 0) {
            sim_apply_fill(r, o, q, top, ts);
            r->rekey.n = 0;                    /* not in a book yet: it is placed at its price below */
            if (o->type == COT_MARKET && o->traded < o->qty) {
                /* B3: the remainder of a market order rests at the price of its last execution */
                o->rest_e8 = top;
                char p[40];
                sim_format_e8(top, p, sizeof p);
                sim_jrn(r->b, "L,%lld,%u,%s", (long long)ts, o->seq, p);
            }
        }
    }
    if (sim_is_open(o->status) && o->where == SIM_WHERE_NONE) {
        if (o->type == COT_MARKET && !o->rest_e8) o->rest_e8 = o->side == COS_BUY ? MARKET_BUY_REST : MARKET_SELL_REST;
        sim_book_insert(r->b, in, o, SIM_WHERE_BOOK);
        sim_refresh_feed(r, in);
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

void sim_recompute_timer(SimRoute *r) {
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

void sim_note_open_order(SimRoute *r, const SimOrder *o) {
    int g = sim_hours_of(r, sim_inst_of(r, o));
    int64_t d = sim_local_day(r->s, o->entry_ts);
    if (d < r->expiry_day[g]) { r->expiry_day[g] = d; sim_recompute_timer(r); }
}

static void expire(SimRoute *r, SimOrder *o, int64_t ts) {
    sim_close_order(r, o, o->traded ? COS_PARTIALLY_FILLED_EXPIRED : COS_EXPIRED, ts);
    char end[16];
    TSystemTime t;
    sim_to_systemtime(ts, r->s->opt.utc_offset_min, &t);
    snprintf(end, sizeof end, "%02u:%02u", t.wHour, t.wMinute);
    o->text = sim_textf(r->b, "expired: day order still open at the end of the %s session (%s)",
                    sim_hours_name(sim_hours_of(r, sim_inst_of(r, o))), end);
    sim_jrn(r->b, "X,%lld,%u", (long long)ts, o->seq);
    sim_ev_order(r, o, false);
}

static void collect(SimBroker *b, const SimSideBook *sb, SimU32Vec *out) {
    for (uint32_t i = 0; i < sb->n; i++)
        for (uint32_t q = sb->lv[i].head; q; q = sim_broker_order(b, q)->next) sim_u32_push(out, q);
}

/* Expires the open day orders of a group entered on or before `day`; finds the next pending day. */
static void run_expiry(SimRoute *r, int g, int64_t day, int64_t end_ts) {
    SimBroker *b = r->b;
    SimU32Vec v = {0};
    for (size_t i = 0; i < b->ninst; i++) {
        SimRInst *in = &b->inst[i];
        if (sim_hours_of(r, in) != g || !in->active) continue;
        for (int side = 0; side < 2; side++) { collect(b, &in->book[side], &v); collect(b, &in->stops[side], &v); }
    }
    for (size_t i = r->dormant_pos; i < r->dormant.n; i++) {
        SimOrder *o = sim_broker_order(b, r->dormant.v[i]);
        if (o->where == SIM_WHERE_DORMANT && sim_hours_of(r, sim_inst_of(r, o)) == g) sim_u32_push(&v, o->seq);
    }
    int64_t next = INT64_MAX;
    for (size_t i = 0; i < v.n; i++) {
        SimOrder *o = sim_broker_order(b, v.v[i]);
        int64_t d = sim_local_day(r->s, o->entry_ts);
        if (d <= day) expire(r, o, end_ts);
        else if (d < next) next = d;
    }
    free(v.v);
    r->expiry_day[g] = next;
}

static void activate(SimRoute *r, SimOrder *o) {
    if (o->where != SIM_WHERE_DORMANT) return;
    o->where = SIM_WHERE_NONE;
    SimRInst *in = sim_inst_of(r, o);
    sim_book_insert(r->b, in, o, o->type == COT_STOP_LIMIT && !o->triggered ? SIM_WHERE_STOPS : SIM_WHERE_BOOK);
    sim_refresh_feed(r, in);
}


void sim_timer_locked(SimRoute *r, int64_t ts) {
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
    sim_recompute_timer(r);
}

void sim_route_timer(SimSession *s, int64_t ts) {
    SimRoute *r = s->route;
    if (!r) return;
    pthread_mutex_lock(&r->b->lock);
    sim_timer_locked(r, ts);
    pthread_mutex_unlock(&r->b->lock);
    sim_deliver_outbox(r);
}

/* ================================================================ matching a tape trade */

static void match_side(SimRoute *r, SimRInst *in, int side, int64_t P, int64_t pool, bool auction, int64_t ts) {
    SimBroker *b = r->b;
    SimSideBook *sb = &in->book[side];
    int64_t opp;
    bool has_opp = sim_top_e8(r, in, side == 0 ? 1 : 0, &opp);
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
            sim_apply_fill(r, o, f, px, ts);       /* may remove o, and the level with it */
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
            sim_book_remove(b, in, o);
            o->triggered = 1;
            o->prio_ts = ts;
            o->rest_e8 = o->price_e8;
            sim_jrn(b, "S,%lld,%u", (long long)ts, o->seq);
            sim_arrive(r, o, ts);                  /* it enters the book as a limit at its price */
        }
    }
}

/* Market orders first filled by this trade: B3 rests the remainder at the price of the last execution. */
static void rest_market(SimRoute *r, SimRInst *in, int64_t ts) {
    for (size_t i = 0; i < r->rekey.n; i++) {
        SimOrder *o = sim_broker_order(r->b, r->rekey.v[i]);
        if (!sim_is_open(o->status) || o->where != SIM_WHERE_BOOK) continue;
        int64_t px = (int64_t)(o->value_e8 / o->traded);   /* a first fill: its price */
        sim_book_remove(r->b, in, o);
        o->rest_e8 = px;
        sim_book_insert(r->b, in, o, SIM_WHERE_BOOK);         /* keeps its time priority */
        char p[40];
        sim_format_e8(px, p, sizeof p);
        sim_jrn(r->b, "L,%lld,%u,%s", (long long)ts, o->seq, p);
    }
    r->rekey.n = 0;
}

static void match_trade(SimRoute *r, int32_t k, const SimEvent *e) {
    SimRInst *in = &r->b->inst[k];
    if (!in->active) return;
    int64_t P = sim_dbl_e8(e->price);
    int64_t pool = lot_floor(in, (int64_t)((__int128)e->qty * r->s->opt.participation_ppm / 1000000));
    bool auction = e->trade_type == TT_AUCTION;
    for (int side = 0; side < 2; side++) match_side(r, in, side, P, pool, auction, e->ts);
    rest_market(r, in, e->ts);
    trigger_stops(r, in, P, e->ts);
    sim_refresh_feed(r, in);
}

void sim_route_tape(SimSession *s, const SimEvent *e) {
    SimRoute *r = s->route;
    if (!r || e->kind != 'T') return;
    pthread_mutex_lock(&r->b->lock);
    int32_t a = r->feed_to_inst[e->inst], f = r->feed_to_frac[e->inst];
    if (a >= 0) match_trade(r, a, e);
    if (f >= 0) match_trade(r, f, e);
    pthread_mutex_unlock(&r->b->lock);
    sim_deliver_outbox(r);
}
