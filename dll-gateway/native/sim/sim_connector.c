/* sim_connector.c — the ConnectorThread, the one thread that runs every callback, in order.
 *
 * Design (why it looks like this):
 *  - The thread walks the merged tape itself; there is no per-trade queue between threads, which is
 *    what lets `max` mode reach tens of millions of callbacks per second.
 *  - API calls (subscribe, history, ...) never touch connector state: they post a small command to a
 *    mutex-guarded queue and return. The tape walk polls one relaxed atomic (`pending`) per event and
 *    drains the queue only when it is set, so commands take effect between two events, in post order.
 *  - The connector never holds a lock while it runs a callback, so a callback may call any API function
 *    (accessors read connector-owned state directly; requests only take the queue lock).
 *  - In paced modes the thread sleeps on a condition variable (CLOCK_MONOTONIC) until the next event is
 *    due, a command arrives, a fault timer expires or DLLFinalize asks it to stop.
 *  - A separate watchdog thread (no callbacks) watches a per-callback sequence number to notice a
 *    callback that runs longer than stall.threshold_ms; timing every callback on the hot path would cost
 *    more than the callback itself.
 *  - The market-data fault options are live: the loop compares one relaxed atomic (the options' version)
 *    per turn and, when it moved, takes the new values and re-arms the fault counters from that moment.
 */
#define _GNU_SOURCE
#include <stdlib.h>
#include <string.h>

#include "sim_routing.h"

_Thread_local SimSession *sim_tl_session;
atomic_int sim_utc_offset_min = -180;
SimCallbacks sim_cb;

#define CHUNK 4096          /* events per turn: tape and history alternate in turns of this size */
#define RLX memory_order_relaxed

static const SimReplay EMPTY_REPLAY;

static uint64_t dbits(double d) {
    uint64_t b;
    memcpy(&b, &d, sizeof b);
    return b;
}

static double bitsd(uint64_t b) {
    double d;
    memcpy(&d, &b, sizeof d);
    return d;
}

/* ---------------------------------------------------------------- callback bracketing */

static void fire_state(SimSession *s, int32_t type, int32_t value);

/* Slow path after a callback: a stall was flagged, or we are waiting to report recovery. */
static void after_callback_slow(SimSession *s, bool is_state) {
    if (atomic_exchange(&s->stall_flag, 0)) {
        if (!s->partial && s->md_up) {
            s->partial = true;
            fire_state(s, CONNECTION_STATE_MARKET_DATA, MARKET_PARTIAL_CONNECTED);
        }
        return;
    }
    /* a non-state callback completed within the threshold: delivery has recovered */
    if (s->partial && !is_state) {
        s->partial = false;
        if (s->md_up) fire_state(s, CONNECTION_STATE_MARKET_DATA, MARKET_CONNECTED);
    }
}

static inline void cb_enter(SimSession *s) {
    atomic_store_explicit(&s->cb_seq, ++s->seq_local, RLX);
}

static inline void cb_exit(SimSession *s, bool is_state) {
    atomic_store_explicit(&s->cb_seq, 0, RLX);
    if (__builtin_expect(atomic_load_explicit(&s->stall_flag, RLX) != 0 || s->partial, 0))
        after_callback_slow(s, is_state);
}

static void fire_state(SimSession *s, int32_t type, int32_t value) {
    TStateCallback cb = atomic_load(&sim_cb.state);
    if (!cb) return;
    cb_enter(s);
    cb(type, value);
    cb_exit(s, true);
}

void sim_cb_enter(SimSession *s) { cb_enter(s); }
void sim_cb_exit(SimSession *s, bool is_state) { cb_exit(s, is_state); }
void sim_fire_state(SimSession *s, int32_t type, int32_t value) { fire_state(s, type, value); }

static void fire_progress(SimSession *s, const SimInstrument *in, int32_t pct) {
    TProgressCallback cb = atomic_load(&sim_cb.progress);
    if (cb) { cb_enter(s); cb(&in->legacy, pct); cb_exit(s, false); }
    if (s->progress_cb) { cb_enter(s); s->progress_cb(&in->legacy, pct); cb_exit(s, false); }
}

/* ---------------------------------------------------------------- waiting */

static void deadline_to_ts(int64_t ns, struct timespec *ts) {
    ts->tv_sec = ns / SIM_NS_PER_SEC;
    ts->tv_nsec = ns % SIM_NS_PER_SEC;
}

/* Sleeps until `deadline` (monotonic ns, INT64_MAX = none), a command, or stop. */
static void wait_until(SimSession *s, int64_t deadline) {
    pthread_mutex_lock(&s->qlock);
    if (!atomic_load(&s->pending) && !atomic_load(&s->stop)) {
        if (deadline == INT64_MAX) {
            pthread_cond_wait(&s->qcond, &s->qlock);
        } else {
            struct timespec ts;
            deadline_to_ts(deadline, &ts);
            pthread_cond_timedwait(&s->qcond, &s->qlock, &ts);
        }
    }
    pthread_mutex_unlock(&s->qlock);
}

/* Sleeps ms milliseconds regardless of commands (they stay queued); false if asked to stop. */
static bool sleep_ms(SimSession *s, int64_t ms) {
    int64_t deadline = sim_mono_ns() + ms * SIM_NS_PER_MS;
    struct timespec ts;
    deadline_to_ts(deadline, &ts);
    pthread_mutex_lock(&s->qlock);
    while (!atomic_load(&s->stop) && sim_mono_ns() < deadline)
        pthread_cond_timedwait(&s->qcond, &s->qlock, &ts);
    pthread_mutex_unlock(&s->qlock);
    return !atomic_load(&s->stop);
}

/* ---------------------------------------------------------------- tape */

static void start_tape(SimSession *s) {
    if (s->tape_started) return;
    s->tape_started = true;
    const SimReplay *r = s->replay;
    int64_t origin = r->n ? r->ev[s->pos < r->n ? s->pos : r->n - 1].ts : atomic_load(&s->clock_ts);
    atomic_store(&s->pace_origin_ts, origin);
    atomic_store(&s->pace_origin_wall, sim_mono_ns());
    atomic_store(&s->pace_active, s->opt.speed > 0 && r->n > 0);
}

static void book_side(SimSession *s, SimInstState *st, const SimInstrument *in, uint8_t side, uint64_t nb,
                      bool deliver) {
    _Atomic uint64_t *slot = side == BS_BUY ? &st->bid_bits : &st->ask_bits;
    uint64_t ob = atomic_load_explicit(slot, RLX);
    if (ob == nb) return;
    atomic_store_explicit(slot, nb, RLX);
    if (!deliver) return;
    bool depth = atomic_load_explicit(&st->depth_sub, RLX);
    if (depth) {
        TConnectorPriceDepthCallback cb = atomic_load_explicit(&sim_cb.price_depth, RLX);
        if (cb) {
            uint8_t ut = ob == SIM_EMPTY_BITS ? UT_ADD : nb == SIM_EMPTY_BITS ? UT_DELETE : UT_EDIT;
            cb_enter(s);
            cb(&in->asset, side, 0, ut);
            cb_exit(s, false);
        }
    }
    if ((depth || st->ticker_sub) && s->tiny_book_cb && nb != SIM_EMPTY_BITS) {
        cb_enter(s);
        s->tiny_book_cb(&in->legacy, bitsd(nb), 0, side == BS_BUY ? 0 : 1);
        cb_exit(s, false);
    }
}

static void fire_ticker_state(SimSession *s, const SimInstrument *in, int64_t ts, int32_t state) {
    TChangeStateTicker cb = atomic_load_explicit(&sim_cb.change_state, RLX);
    if (!cb) return;
    char16_t date[24];
    sim_format_date(ts, s->opt.utc_offset_min, date);
    cb_enter(s);
    cb(&in->legacy, date, state);
    cb_exit(s, false);
}

/* fault.stall_ms: this callback is held as if its consumer had stopped taking them (inside its watchdog
   bracket, so the watchdog sees a stalled callback and the session reports MARKET_PARTIAL_CONNECTED). */
static void hold_stalled(SimSession *s) {
    s->stall_armed = false;
    int64_t deadline = sim_mono_ns() + s->opt.md.stall_ms * SIM_NS_PER_MS;
    struct timespec ts;
    deadline_to_ts(deadline, &ts);
    pthread_mutex_lock(&s->qlock);
    while (!atomic_load(&s->stop) && sim_mono_ns() < deadline)
        pthread_cond_timedwait(&s->qcond, &s->qlock, &ts);
    pthread_mutex_unlock(&s->qlock);
}

/* Applies one tape event; callbacks only when `deliver` (market data up). */
static inline void process_event(SimSession *s, const SimEvent *e, bool deliver) {
    SimInstState *st = &s->ist[e->inst];
    const SimInstrument *in = &s->replay->inst[e->inst];
    atomic_store_explicit(&s->clock_ts, e->ts, RLX);
    /* routing timers (session-end expiry, earlier orders waking up) run before the event they precede */
    if (__builtin_expect(e->ts >= s->route_timer, 0)) sim_route_timer(s, e->ts);
    if (e->kind != 'K') {
        if (deliver && st->ticker_sub) {
            if (e->kind == 'T') {
                if (e->trade_type == TT_AUCTION && st->last_type != TT_AUCTION)
                    fire_ticker_state(s, in, e->ts, TCS_AUCTIONED);
                else if (st->last_type == TT_AUCTION && e->trade_type != TT_AUCTION)
                    fire_ticker_state(s, in, e->ts, TCS_OPENED);
            }
            uint32_t flags = e->kind == 'E' ? TC_IS_EDIT : 0;
            TConnectorTradeCallback cb = atomic_load_explicit(&sim_cb.trade, RLX);
            if (cb) {
                cb_enter(s);
                if (__builtin_expect(s->stall_armed, 0)) hold_stalled(s);
                cb(&in->asset, e, flags);
                cb_exit(s, false);
            }
            if (s->new_trade_cb) {
                char16_t date[24];
                sim_format_date(e->ts, s->opt.utc_offset_min, date);
                cb_enter(s);
                s->new_trade_cb(&in->legacy, date, e->trade_number, e->price, e->price * (double)e->qty,
                                (int32_t)e->qty, e->buy_agent, e->sell_agent, e->trade_type, e->kind == 'E');
                cb_exit(s, false);
            }
        }
        /* T rows: an empty bid/ask means "unknown", so it leaves the book as it is */
        if (e->has_bid) book_side(s, st, in, BS_BUY, dbits(e->bid), deliver);
        if (e->has_ask) book_side(s, st, in, BS_SELL, dbits(e->ask), deliver);
        if (e->kind == 'T') {
            /* orders match the trade against the book as this row leaves it (README "Matching") */
            if (st->route_active) sim_route_tape(s, e);
            st->last_type = e->trade_type;
            st->last_price = e->price;
        }
    } else {
        /* K rows state the whole top of book: an empty side is an empty side */
        book_side(s, st, in, BS_BUY, e->has_bid ? dbits(e->bid) : SIM_EMPTY_BITS, deliver);
        book_side(s, st, in, BS_SELL, e->has_ask ? dbits(e->ask) : SIM_EMPTY_BITS, deliver);
    }
}

/* ---------------------------------------------------------------- market data up/down */

static void market_up(SimSession *s) {
    s->md_up = true;
    s->connect_wall = sim_mono_ns();
    s->trades_since_connect = 0;
}

static void disconnect(SimSession *s, int64_t now) {
    s->md_up = false;
    s->partial = false;
    s->disconnects_done++;
    s->reconnect_at = now + s->opt.md.reconnect_after_ms * SIM_NS_PER_MS;
    /* the client must subscribe again, as after a real feed loss */
    for (size_t k = 0; k < s->replay->ninst; k++) {
        s->ist[k].ticker_sub = 0;
        atomic_store_explicit(&s->ist[k].depth_sub, 0, RLX);
    }
    fire_state(s, CONNECTION_STATE_MARKET_DATA, MARKET_DISCONNECTED);
}

static void reconnect(SimSession *s) {
    /* max mode paused the tape: drop fault.lost_trades events to model what the outage missed */
    if (s->opt.speed == 0 && s->tape_started)
        for (int64_t i = 0; i < s->opt.md.lost_trades && s->pos < s->replay->n; i++)
            process_event(s, &s->replay->ev[s->pos++], false);
    fire_state(s, CONNECTION_STATE_MARKET_DATA, MARKET_CONNECTING);
    fire_state(s, CONNECTION_STATE_MARKET_DATA, MARKET_CONNECTED);
    market_up(s);
}

/* The market-data fault options changed (SimSetOption while the session runs): take them, and count the
   drops and the trades or time before the next one from now, as if the session had just started. */
static void md_faults_changed(SimSession *s, int64_t now) {
    uint64_t stall_generation = s->opt.md.stall_generation;
    sim_md_faults_read(&s->opt.md, &s->md_version);
    atomic_store(&s->stall_threshold_ns, s->opt.md.stall_threshold_ms * SIM_NS_PER_MS);
    s->disconnects_done = 0;
    s->trades_since_connect = 0;
    if (s->md_up) s->connect_wall = now;
    if (s->opt.md.stall_generation != stall_generation) s->stall_armed = s->opt.md.stall_ms > 0;
}

static bool may_disconnect(const SimSession *s) {
    return s->disconnects_done < s->opt.md.disc_count;
}

static void fault_timers(SimSession *s, int64_t now, int64_t *deadline) {
    if (s->md_up && s->opt.md.disc_after_ms && may_disconnect(s)) {
        int64_t due = s->connect_wall + s->opt.md.disc_after_ms * SIM_NS_PER_MS;
        if (now >= due) disconnect(s, now);
        else if (due < *deadline) *deadline = due;
    }
    /* also right after a drop above: the reconnection is the next deadline (the tape may be idle) */
    if (!s->md_up) {
        if (now >= s->reconnect_at) reconnect(s);
        else if (s->reconnect_at < *deadline) *deadline = s->reconnect_at;
    }
}

static inline void count_trade(SimSession *s, const SimEvent *e) {
    if (e->kind != 'K' && s->opt.md.disc_after_trades && ++s->trades_since_connect >= s->opt.md.disc_after_trades &&
        may_disconnect(s))
        disconnect(s, sim_mono_ns());
}

/* One turn of the tape. Returns true if it did work (the loop should come back without sleeping). */
/* SimAdvanceReplay: the tape reached its target (or its end); tell the waiting caller. */
static void advance_reached(SimSession *s) {
    if (!s->advance_done) return;
    if (atomic_load_explicit(&s->clock_ts, RLX) < s->run_until) atomic_store_explicit(&s->clock_ts, s->run_until, RLX);
    pthread_mutex_lock(&s->qlock);
    s->advance_done->done = true;
    s->advance_done = NULL;
    pthread_cond_broadcast(&s->qcond);
    pthread_mutex_unlock(&s->qlock);
}

static bool run_tape(SimSession *s, int64_t now, int64_t *deadline) {
    const SimReplay *r = s->replay;
    if (s->opt.speed == 0) {
        if (!s->md_up) return false;                  /* max mode: the tape pauses while disconnected */
        size_t end = s->pos + CHUNK < r->n ? s->pos + CHUNK : r->n;
        /* pending is checked before each event, so a command posted from a callback (or any thread)
           takes effect before the next event */
        while (s->pos < end && !atomic_load_explicit(&s->pending, RLX) && s->md_up && r->ev[s->pos].ts <= s->run_until) {
            const SimEvent *e = &r->ev[s->pos++];
            process_event(s, e, true);
            count_trade(s, e);
        }
        if (s->pos < r->n && r->ev[s->pos].ts > s->run_until) {   /* paused by SimAdvanceReplay */
            advance_reached(s);
            return false;
        }
        if (s->pos >= r->n) advance_reached(s);
        return true;
    }
    /* paced: tape time follows wall time from the origin; it keeps running while disconnected */
    double speed = s->opt.speed;
    int64_t ots = atomic_load_explicit(&s->pace_origin_ts, RLX), ow = atomic_load_explicit(&s->pace_origin_wall, RLX);
    int64_t tape_now = ots + (int64_t)((double)(now - ow) * speed);   /* now >= ow: truncation = floor */
    size_t done = 0;
    while (s->pos < r->n && r->ev[s->pos].ts <= tape_now && done < CHUNK &&
           !atomic_load_explicit(&s->pending, RLX)) {
        const SimEvent *e = &r->ev[s->pos++];
        bool up = s->md_up;
        process_event(s, e, up);
        if (up) count_trade(s, e);
        done++;
    }
    if (s->pos < r->n && r->ev[s->pos].ts > tape_now) {
        double wait = (double)(r->ev[s->pos].ts - ots) / speed;
        int64_t due = ow + (int64_t)wait + 1;   /* rounded up: never wake before the event is due */
        if (due <= now) due = now + 1;
        if (due < *deadline) *deadline = due;
    }
    return done > 0;
}

/* ---------------------------------------------------------------- history */

static size_t lower_bound(const SimReplay *r, const SimInstrument *in, int64_t ts) {
    size_t lo = 0, hi = in->nhist;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (r->ev[in->hist[mid]].ts < ts) lo = mid + 1; else hi = mid;
    }
    return lo;
}

static bool serve_history(SimSession *s) {
    SimHistReq *h = s->hist_head;
    if (!h) return false;
    const SimReplay *r = s->replay;
    const SimInstrument *in = &r->inst[h->inst];
    if (h->last_pct < 0) {
        h->last_pct = 0;
        fire_progress(s, in, 0);
        return true;
    }
    if (s->opt.md.history_never_completes) return false;   /* stuck forever, as reported of the real DLL */
    size_t end = h->pos + CHUNK < h->hi ? h->pos + CHUNK : h->hi;
    for (; h->pos < end && !atomic_load_explicit(&s->stop, RLX); h->pos++) {
        const SimEvent *e = &r->ev[in->hist[h->pos]];
        uint32_t flags = h->pos + 1 == h->hi ? TC_LAST_PACKET : 0;
        TConnectorTradeCallback cb = atomic_load_explicit(&sim_cb.history_trade, RLX);
        if (cb) { cb_enter(s); cb(&in->asset, e, flags); cb_exit(s, false); }
        if (s->history_trade_cb) {
            char16_t date[24];
            sim_format_date(e->ts, s->opt.utc_offset_min, date);
            cb_enter(s);
            s->history_trade_cb(&in->legacy, date, e->trade_number, e->price, e->price * (double)e->qty,
                                (int32_t)e->qty, e->buy_agent, e->sell_agent, e->trade_type);
            cb_exit(s, false);
        }
    }
    if (h->pos >= h->hi) {
        s->hist_head = h->next;
        if (!s->hist_head) s->hist_tail = NULL;
        free(h);
        fire_progress(s, in, 100);
    } else {
        int pct = (int)((h->pos - h->lo) * 100 / (h->hi - h->lo));
        if (pct > h->last_pct && pct < 100) { h->last_pct = pct; fire_progress(s, in, pct); }
    }
    return true;
}

/* ---------------------------------------------------------------- commands */

static void free_cmd(SimCmd *c) {
    free(c->ticker);
    free(c->exchange);
    free(c);
}

static void run_cmd(SimSession *s, SimCmd *c) {
    if (!s->md_enabled) {         /* login failed or activation invalid: no market data at all */
        if (c->type == CMD_ADVANCE_REPLAY) { s->run_until = c->end_ns; s->advance_done = c->done; advance_reached(s); }
        return;
    }
    SimInstState *st = c->type <= CMD_UNSUB_DEPTH ? &s->ist[c->inst] : NULL;
    switch (c->type) {
    case CMD_SUB_TICKER:
        st->ticker_sub = 1;
        if (s->opt.start_mode == SIM_START_ON_FIRST_SUBSCRIBE) start_tape(s);
        break;
    case CMD_UNSUB_TICKER:
        st->ticker_sub = 0;
        break;
    case CMD_SUB_DEPTH:
        if (!atomic_load_explicit(&st->depth_sub, RLX)) {
            atomic_store_explicit(&st->depth_sub, 1, RLX);
            /* tell the new subscriber about the sides already present */
            TConnectorPriceDepthCallback cb = atomic_load(&sim_cb.price_depth);
            const SimInstrument *in = &s->replay->inst[c->inst];
            for (uint8_t side = BS_BUY; cb && side <= BS_SELL; side++) {
                uint64_t b = atomic_load_explicit(side == BS_BUY ? &st->bid_bits : &st->ask_bits, RLX);
                if (b != SIM_EMPTY_BITS) { cb_enter(s); cb(&in->asset, side, 0, UT_ADD); cb_exit(s, false); }
            }
        }
        break;
    case CMD_UNSUB_DEPTH:
        atomic_store_explicit(&st->depth_sub, 0, RLX);
        break;
    case CMD_INVALID_TICKER: {
        TInvalidTickerCallback cb = atomic_load(&sim_cb.invalid_ticker);
        TConnectorAssetIdentifier a = {.Version = 0, .Ticker = c->ticker, .Exchange = c->exchange, .FeedType = 0};
        if (cb) { cb_enter(s); cb(&a); cb_exit(s, false); }
        break;
    }
    case CMD_HISTORY: {
        SimHistReq *h = calloc(1, sizeof *h);
        if (!h) break;
        const SimInstrument *in = &s->replay->inst[c->inst];
        h->inst = c->inst;
        h->lo = h->pos = lower_bound(s->replay, in, c->start_ns);
        h->hi = c->end_ns == INT64_MAX ? in->nhist : lower_bound(s->replay, in, c->end_ns + 1);
        h->last_pct = -1;
        if (s->hist_tail) s->hist_tail->next = h; else s->hist_head = h;
        s->hist_tail = h;
        break;
    }
    case CMD_START_REPLAY:
        s->run_until = INT64_MAX;
        start_tape(s);
        break;
    case CMD_ADVANCE_REPLAY:
        s->run_until = c->end_ns;
        s->advance_done = c->done;
        start_tape(s);
        if (s->pos >= s->replay->n || s->replay->ev[s->pos].ts > s->run_until) advance_reached(s);
        break;
    }
}

static void drain(SimSession *s) {
    SimRoute *r = s->route;
    pthread_mutex_lock(&s->qlock);
    SimCmd *c = s->qhead;
    s->qhead = s->qtail = NULL;
    atomic_store(&s->pending, 0);
    if (r) {   /* routing commands: swap the filled vector with the empty spare, no allocation */
        SimRouteCmdVec t = r->spare;
        r->spare = r->q;
        r->q = t;
        r->q.n = 0;
    }
    pthread_mutex_unlock(&s->qlock);
    /* routing first: requests made before a SimAdvanceReplay run at the tape position before it */
    if (r) {
        for (size_t i = 0; i < r->spare.n && !atomic_load(&s->stop); i++) sim_route_run(s, &r->spare.v[i]);
        r->spare.n = 0;
    }
    while (c) {
        SimCmd *next = c->next;
        if (!atomic_load(&s->stop)) run_cmd(s, c);
        free_cmd(c);
        c = next;
    }
}

void sim_route_post(SimSession *s, const SimRouteCmd *c) {
    SimRoute *r = s->route;
    pthread_mutex_lock(&s->qlock);
    if (r->q.n == r->q.cap) {
        size_t nc = r->q.cap ? r->q.cap * 2 : 256;
        SimRouteCmd *nv = realloc(r->q.v, nc * sizeof *nv);
        if (!nv) { pthread_mutex_unlock(&s->qlock); return; }   /* out of memory: the request is lost */
        r->q.v = nv;
        r->q.cap = nc;
    }
    r->q.v[r->q.n++] = *c;
    atomic_store(&s->pending, 1);
    pthread_cond_signal(&s->qcond);
    pthread_mutex_unlock(&s->qlock);
}

void sim_session_post(SimSession *s, SimCmd *c) {
    c->next = NULL;
    pthread_mutex_lock(&s->qlock);
    if (s->qtail) s->qtail->next = c; else s->qhead = c;
    s->qtail = c;
    atomic_store(&s->pending, 1);
    pthread_cond_signal(&s->qcond);
    pthread_mutex_unlock(&s->qlock);
}

/* ---------------------------------------------------------------- threads */

static bool login(SimSession *s) {
    int64_t step = s->opt.login_step_ms;
    if (!sleep_ms(s, step)) return false;
    if (s->opt.login_result != 0) {
        fire_state(s, CONNECTION_STATE_LOGIN, s->opt.login_result);
        return false;
    }
    fire_state(s, CONNECTION_STATE_LOGIN, LOGIN_CONNECTED);
    if (s->full_login) {
        if (!sleep_ms(s, step)) return false;
        fire_state(s, CONNECTION_STATE_ROTEAMENTO, ROTEAMENTO_CONNECTED);
        if (!sleep_ms(s, step)) return false;
        fire_state(s, CONNECTION_STATE_ROTEAMENTO, ROTEAMENTO_BROKER_CONNECTED);
        sim_route_connected(s);   /* routing up; the account lists are loaded and announced */
    }
    if (!sleep_ms(s, step)) return false;
    if (s->activation_empty) {
        fire_state(s, CONNECTION_STATE_MARKET_LOGIN, CONNECTION_ACTIVATE_INVALID);
        return false;
    }
    fire_state(s, CONNECTION_STATE_MARKET_DATA, MARKET_CONNECTED);
    if (!sleep_ms(s, step)) return false;
    fire_state(s, CONNECTION_STATE_MARKET_LOGIN, CONNECTION_ACTIVATE_VALID);
    return true;
}

static void *connector_main(void *arg) {
    SimSession *s = arg;
    sim_tl_session = s;
    pthread_setname_np(pthread_self(), "ConnectorThread");
    if (login(s)) {
        s->md_enabled = true;
        market_up(s);
        if (s->opt.start_mode == SIM_START_ON_CONNECT) start_tape(s);
    }
    while (!atomic_load(&s->stop)) {
        if (atomic_load_explicit(&s->pending, RLX)) drain(s);
        if (atomic_load(&s->stop)) break;
        int64_t now = sim_mono_ns(), deadline = INT64_MAX;
        if (__builtin_expect(atomic_load_explicit(&sim_md_faults_version, RLX) != s->md_version, 0))
            md_faults_changed(s, now);
        bool busy = sim_route_pump(s, now, &deadline);   /* delayed order events, routing reconnection */
        if (s->md_enabled) {
            fault_timers(s, now, &deadline);
            busy = serve_history(s);
            if (s->tape_started && s->pos < s->replay->n) busy |= run_tape(s, now, &deadline);
        }
        if (!busy) wait_until(s, deadline);
    }
    while (s->hist_head) {
        SimHistReq *h = s->hist_head;
        s->hist_head = h->next;
        free(h);
    }
    s->hist_tail = NULL;
    return NULL;
}

static void *watchdog_main(void *arg) {
    SimSession *s = arg;
    pthread_setname_np(pthread_self(), "SimWatchdog");
    uint64_t seen = 0, flagged = 0;
    int64_t since = 0;
    pthread_mutex_lock(&s->wlock);
    while (!atomic_load(&s->stop)) {
        int64_t threshold = atomic_load_explicit(&s->stall_threshold_ns, RLX);   /* live: stall.threshold_ms */
        int64_t period = threshold / 10;
        if (period < SIM_NS_PER_MS) period = SIM_NS_PER_MS;
        if (period > 50 * SIM_NS_PER_MS) period = 50 * SIM_NS_PER_MS;
        struct timespec ts;
        deadline_to_ts(sim_mono_ns() + period, &ts);
        pthread_cond_timedwait(&s->wcond, &s->wlock, &ts);
        uint64_t cur = atomic_load_explicit(&s->cb_seq, RLX);
        int64_t now = sim_mono_ns();
        if (cur == 0 || cur != seen) { seen = cur; since = now; continue; }
        if (cur != flagged && now - since >= threshold) {
            flagged = cur;
            atomic_store(&s->stall_flag, 1);
        }
    }
    pthread_mutex_unlock(&s->wlock);
    return NULL;
}

/* ---------------------------------------------------------------- session lifecycle */

static void init_monotonic_cond(pthread_cond_t *c) {
    pthread_condattr_t a;
    pthread_condattr_init(&a);
    pthread_condattr_setclock(&a, CLOCK_MONOTONIC);
    pthread_cond_init(c, &a);
    pthread_condattr_destroy(&a);
}

SimSession *sim_session_create(void) {
    SimSession *s = calloc(1, sizeof *s);
    if (!s) return NULL;
    sim_options_snapshot(&s->opt, &s->md_version);
    atomic_init(&s->stall_threshold_ns, s->opt.md.stall_threshold_ms * SIM_NS_PER_MS);
    s->stall_armed = s->opt.md.stall_ms > 0;   /* a session started with fault.stall_ms holds its first trade */
    s->replay = s->opt.replay ? s->opt.replay : &EMPTY_REPLAY;
    s->ist = calloc(s->replay->ninst ? s->replay->ninst : 1, sizeof *s->ist);
    if (!s->ist) { sim_options_release(&s->opt); free(s); return NULL; }
    for (size_t k = 0; k < s->replay->ninst; k++) {
        atomic_init(&s->ist[k].bid_bits, SIM_EMPTY_BITS);
        atomic_init(&s->ist[k].ask_bits, SIM_EMPTY_BITS);
    }
    pthread_mutex_init(&s->qlock, NULL);
    pthread_mutex_init(&s->wlock, NULL);
    init_monotonic_cond(&s->qcond);
    init_monotonic_cond(&s->wcond);
    /* before the tape starts the server clock shows the first event's time; no tape: the wall clock */
    atomic_init(&s->clock_ts, s->replay->n ? s->replay->ev[0].ts : sim_wall_ns());
    s->run_until = INT64_MAX;
    s->route_timer = INT64_MAX;
    return s;
}

int sim_session_start(SimSession *s) {
    if (pthread_create(&s->thread, NULL, connector_main, s)) return -1;
    s->thread_started = true;
    if (pthread_create(&s->watchdog, NULL, watchdog_main, s) == 0) s->watchdog_started = true;
    return 0;
}

void sim_session_stop_and_free(SimSession *s) {
    pthread_mutex_lock(&s->qlock);
    atomic_store(&s->stop, 1);
    atomic_store(&s->pending, 1);
    pthread_cond_broadcast(&s->qcond);
    pthread_mutex_unlock(&s->qlock);
    pthread_mutex_lock(&s->wlock);
    pthread_cond_broadcast(&s->wcond);
    pthread_mutex_unlock(&s->wlock);
    if (s->thread_started) pthread_join(s->thread, NULL);
    if (s->watchdog_started) pthread_join(s->watchdog, NULL);
    sim_route_destroy(s);
    for (SimCmd *c = s->qhead; c;) {
        SimCmd *n = c->next;
        free_cmd(c);
        c = n;
    }
    free(s->ist);
    sim_options_release(&s->opt);
    pthread_mutex_destroy(&s->qlock);
    pthread_mutex_destroy(&s->wlock);
    pthread_cond_destroy(&s->qcond);
    pthread_cond_destroy(&s->wcond);
    free(s);
}

int64_t sim_session_clock(SimSession *s) {
    int64_t t = atomic_load_explicit(&s->clock_ts, RLX);
    if (atomic_load(&s->pace_active)) {
        const SimReplay *r = s->replay;
        int64_t p = atomic_load(&s->pace_origin_ts) +
                    (int64_t)((double)(sim_mono_ns() - atomic_load(&s->pace_origin_wall)) * s->opt.speed);
        if (p > r->ev[r->n - 1].ts) p = r->ev[r->n - 1].ts;   /* after the end the tape stays at its last time */
        if (p > t) t = p;
    }
    return t;
}
