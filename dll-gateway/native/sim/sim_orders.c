/* sim_orders.c — the routing commands on the ConnectorThread: validation of a new order (README "Validation"),
 * new, change, cancel, cancel by asset / all, zero position, history loading.
 *
 * One command (sim_route_run): lock the broker -> apply it (state changes, journal lines, events appended to
 * the outbox) -> unlock -> deliver the outbox. No lock is held while a callback runs.
 */
#define _GNU_SOURCE
#include <stdlib.h>
#include <string.h>

#include "sim_broker_int.h"

static const char16_t MSG_HADES[] = u"sent to Hades (routing server)";
static const char16_t MSG_BROKER[] = u"sent to the broker";
static const char16_t MSG_MARKET[] = u"sent to the exchange";
static const char16_t MSG_ACCEPTED[] = u"accepted";

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
        return (Verdict){MRC_NOT_CONNECTED, COS_ORDER_NOT_CREATED, sim_textf(b, "routing not connected: order not sent")};
    if (c->acct < 0) {
        char sub[32];
        sim_ascii16(c->account, a8, sizeof a8);
        sim_ascii16(c->sub, sub, sizeof sub);
        return (Verdict){MRC_REJECTED_BROKER, COS_REJECTED,
                         sim_textf(b, "unknown account: broker_id=%d account=%s%s%s", c->broker, a8, sub[0] ? " sub_account=" : "", sub)};
    }
    const SimAccount *acc = &b->roster->acc[c->acct];
    if (!acc->enabled)
        return (Verdict){MRC_REJECTED_BROKER, COS_REJECTED, sim_textf(b, "account disabled: account=%s", acc->account_a)};
    if (!c->pass_ok)
        return (Verdict){MRC_REJECTED_BROKER, COS_REJECTED, sim_textf(b, "wrong routing password for account=%s", acc->account_a)};
    if (c->inst < 0 || !b->inst[c->inst].tradable) {
        char t8[40], e8b[16];
        sim_ascii16(c->ticker, t8, sizeof t8);
        sim_ascii16(c->exchange, e8b, sizeof e8b);
        return (Verdict){MRC_REJECTED_BROKER, COS_REJECTED, sim_textf(b, "unknown instrument: ticker=%s exchange=%s", t8, e8b)};
    }
    SimRInst *in = &b->inst[c->inst];
    if (c->zero && c->qty == 0)
        return (Verdict){MRC_REJECTED_BROKER, COS_REJECTED,
                         sim_textf(b, "no %s position to zero: account=%s ticker=%s", c->pos_type == CPT_DAY_TRADE ? "day-trade" : "consolidated",
                               acc->account_a, in->ticker)};
    if (c->qty <= 0)
        return (Verdict){MRC_REJECTED_BROKER, COS_REJECTED, sim_textf(b, "quantity must be > 0: quantity=%lld", (long long)c->qty)};
    if (c->type != COT_MARKET && !(c->price > 0))
        return (Verdict){MRC_REJECTED_BROKER, COS_REJECTED,
                         sim_textf(b, "price must be > 0 for a %s order: price=%.10g", c->type == COT_LIMIT ? "limit" : "stop-limit", c->price)};
    if (c->type == COT_STOP_LIMIT && !(c->stop > 0))
        return (Verdict){MRC_REJECTED_BROKER, COS_REJECTED,
                         sim_textf(b, "stop price required for a stop-limit order: stop_price=%.10g", c->stop)};
    char acct_sub[160];
    if (acc->sub_a[0]) snprintf(acct_sub, sizeof acct_sub, "%s/%s", acc->account_a, acc->sub_a);
    if ((f->reject_accounts[1] && rejected_by_list(f->reject_accounts, acc->account_a)) ||
        (f->reject_accounts[1] && acc->sub_a[0] && rejected_by_list(f->reject_accounts, acct_sub)))
        return (Verdict){MRC_REJECTED_BROKER, COS_REJECTED, sim_textf(b, "rejected by the broker (fault.routing.reject_accounts): account=%s", acc->account_a)};
    if (f->reject_tickers[1] && rejected_by_list(f->reject_tickers, in->ticker))
        return (Verdict){MRC_REJECTED_BROKER, COS_REJECTED, sim_textf(b, "rejected by the broker (fault.routing.reject_tickers): ticker=%s", in->ticker)};
    if (sim_draw(f->seed, 0x72656a, o->seq, f->reject_ppm))
        return (Verdict){MRC_REJECTED_BROKER, COS_REJECTED, sim_textf(b, "rejected by the broker (fault.routing.reject_share): seq=%u", o->seq)};

    /* exchange stage */
    int g = sim_hours_of(r, in);
    SimPhase ph = sim_hours_phase(g, sim_local_ns(r->s, ts));
    char when[64], hours[200];
    if (ph.phase != SIM_PHASE_CONTINUOUS) fmt_time(r->s, ts, when, sizeof when);
    if (ph.phase == SIM_PHASE_CLOSED || ph.phase == SIM_PHASE_CANCEL_ONLY) {
        sim_hours_describe(g, sim_local_day(r->s, ts), hours, sizeof hours);
        return (Verdict){MRC_REJECTED_MARKET, COS_REJECTED,
                         sim_textf(b, "market closed for %s at %s: %s hours that day: %s", in->ticker, when, sim_hours_name(g), hours)};
    }
    if (c->type == COT_MARKET && ph.phase != SIM_PHASE_CONTINUOUS)
        return (Verdict){MRC_REJECTED_MARKET, COS_REJECTED,
                         sim_textf(b, "market orders only in continuous trading: %s at %s is in the %s (%02d:%02d-%02d:%02d)", in->ticker,
                               when, ph.name, ph.from_min / 60, ph.from_min % 60, ph.to_min / 60, ph.to_min % 60)};
    if (in->fractional && c->qty > 99)
        return (Verdict){MRC_REJECTED_MARKET, COS_REJECTED,
                         sim_textf(b, "quantity must be 1..99 on the fractional market: ticker=%s quantity=%lld", in->ticker, (long long)c->qty)};
    if (c->qty % in->lot)
        return (Verdict){MRC_REJECTED_MARKET, COS_REJECTED,
                         sim_textf(b, "quantity must be a multiple of the lot %lld: ticker=%s quantity=%lld", (long long)in->lot, in->ticker, (long long)c->qty)};
    if (in->max_qty && c->qty > in->max_qty)
        return (Verdict){MRC_REJECTED_MARKET, COS_REJECTED,
                         sim_textf(b, "quantity above the maximum %lld per order: ticker=%s quantity=%lld", (long long)in->max_qty, in->ticker, (long long)c->qty)};
    char tick[40];
    sim_format_e8(in->tick_e8, tick, sizeof tick);
    if (c->type != COT_MARKET && (!sim_to_e8(c->price, &o->price_e8) || o->price_e8 % in->tick_e8)) {
        o->price_e8 = 0;
        return (Verdict){MRC_REJECTED_MARKET, COS_REJECTED,
                         sim_textf(b, "price must be a multiple of the tick %s: ticker=%s price=%.10g", tick, in->ticker, c->price)};
    }
    if (c->type == COT_STOP_LIMIT) {
        if (!sim_to_e8(c->stop, &o->stop_e8) || o->stop_e8 % in->tick_e8) {
            o->stop_e8 = 0;
            return (Verdict){MRC_REJECTED_MARKET, COS_REJECTED,
                             sim_textf(b, "stop price must be a multiple of the tick %s: ticker=%s stop_price=%.10g", tick, in->ticker, c->stop)};
        }
        char p[40], sp[40];
        sim_format_e8(o->price_e8, p, sizeof p);
        sim_format_e8(o->stop_e8, sp, sizeof sp);
        if (c->side == COS_BUY ? o->price_e8 < o->stop_e8 : o->price_e8 > o->stop_e8)
            return (Verdict){MRC_REJECTED_MARKET, COS_REJECTED,
                             sim_textf(b, "a %s stop-limit needs price %s stop_price: price=%s stop_price=%s", c->side == COS_BUY ? "buy" : "sell",
                                   c->side == COS_BUY ? ">=" : "<=", p, sp)};
        const SimInstState *st = in->feed >= 0 ? &r->s->ist[in->feed] : NULL;
        if (st && st->last_type) {
            int64_t last = sim_dbl_e8(st->last_price);
            char lp[40];
            sim_format_e8(last, lp, sizeof lp);
            if (c->side == COS_BUY ? o->stop_e8 <= last : o->stop_e8 >= last)
                return (Verdict){MRC_REJECTED_MARKET, COS_REJECTED,
                                 sim_textf(b, "stop already triggerable: %s stop_price=%s %s last trade %s", c->side == COS_BUY ? "buy" : "sell", sp,
                                       c->side == COS_BUY ? "<=" : ">=", lp)};
        }
    }
    int64_t top;
    const SimInstState *fst = in->feed >= 0 ? &r->s->ist[in->feed] : NULL;
    if (c->type == COT_MARKET && !sim_top_e8(r, in, c->side == COS_BUY ? 1 : 0, &top) && !(fst && fst->last_type))
        return (Verdict){MRC_REJECTED_MARKET, COS_REJECTED,
                         sim_textf(b, "market order without a reference price (B3 030055): no %s and no trade known for %s",
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
    for (int i = 0; i < upto; i++) sim_ev_tmr(r, o, broker, local, msg, STEP[i].code, STEP[i].text, false);
}

static void route_new(SimRoute *r, const SimRouteCmd *c, int64_t ts) {
    SimBroker *b = r->b;
    SimOrder *o = sim_order_new(b);
    if (!o) return;                                    /* out of memory: the order is lost, as a crash would */
    o->entry_ts = o->update_ts = o->prio_ts = ts;
    o->acct = c->acct;
    o->inst = c->inst >= 0 ? c->inst : -1;
    o->side = c->side;
    o->type = c->type;
    o->qty = c->qty;
    o->raw_broker = c->broker;
    sim_set_clordid(r->s, o);
    if (sim_map_local(r, c->local_id, o->seq)) o->local_id = c->local_id;
    if (o->acct >= 0) sim_u32_push(&b->acct_orders[o->acct], o->seq);
    Verdict v = validate_new(r, c, o, ts);
    if (v.code && o->type != COT_MARKET && !o->price_e8 && !sim_to_e8(c->price, &o->price_e8)) o->price_e8 = 0;
    if (v.code && o->type == COT_STOP_LIMIT && !o->stop_e8 && !sim_to_e8(c->stop, &o->stop_e8)) o->stop_e8 = 0;
    int32_t broker = broker_of(r, c->acct, c->broker);
    char acc8[160] = "", sub8[96] = "", tk[40] = "", ex[16] = "", p[40], sp[40];
    bool journal = b->journal && !b->replaying;
    if (o->acct >= 0) {
        if (journal) {
            snprintf(acc8, sizeof acc8, "%s", b->roster->acc[o->acct].account_a);
            snprintf(sub8, sizeof sub8, "%s", b->roster->acc[o->acct].sub_a);
        }
    } else {
        sim_utf8_of(c->account, acc8, sizeof acc8);
        sim_utf8_of(c->sub, sub8, sizeof sub8);
        o->raw_account = sim_text_u16(b, c->account);
        o->raw_sub = sim_text_u16(b, c->sub);
    }
    if (o->inst < 0) {
        o->raw_ticker = sim_text_u16(b, c->ticker);
        o->raw_exchange = sim_text_u16(b, c->exchange);
    }
    if (journal || v.code) {
        sim_ascii16(c->ticker, tk, sizeof tk);
        sim_ascii16(c->exchange, ex, sizeof ex);
    }
    if (v.code) {
        o->status = v.status;
        o->text = v.text;
        o->close_ts = ts;
        char t8[600] = "";
        if (journal) sim_utf8_of(v.text, t8, sizeof t8);
        /* the text goes last: it may hold commas */
        sim_jrn(b, "R,%lld,%u,%d,%s,%s,%s,%s,%s,%s,%lld,%.17g,%.17g,%u,%s", (long long)ts, o->seq, broker, acc8, sub8, tk, ex,
            sim_side_code(o->side), sim_type_code(o->type), (long long)o->qty, c->price, c->stop, o->status, t8);
        bool local_only = v.code == MRC_NOT_CONNECTED;
        int stage = local_only ? 0 : v.code == MRC_REJECTED_BROKER ? 2 : 3;
        progress(r, o, broker, o->local_id, c->message_id, stage);
        sim_ev_tmr(r, o, broker, o->local_id, c->message_id, v.code, v.text, local_only);
        sim_ev_order(r, o, local_only);
        return;
    }
    SimRInst *in = &b->inst[o->inst];
    o->stop_e8 = o->type == COT_STOP_LIMIT ? o->stop_e8 : 0;
    o->rest_e8 = o->price_e8;
    o->status = COS_NEW;
    if (journal) {
        sim_e8s(o->price_e8, p, sizeof p);
        sim_e8s(o->stop_e8, sp, sizeof sp);
    }
    sim_jrn(b, "N,%lld,%u,%d,%s,%s,%s,%s,%s,%s,%lld,%s,%s", (long long)ts, o->seq, broker, acc8, sub8, in->ticker,
        in->exchange, sim_side_code(o->side), sim_type_code(o->type), (long long)o->qty, p, sp);
    o->lost = sim_draw(r->faults.seed, 0x6c6f7374, o->seq, r->faults.lose_ppm);
    progress(r, o, broker, o->local_id, c->message_id, 4);
    sim_ev_order(r, o, false);
    if (o->type == COT_STOP_LIMIT) {
        sim_book_insert(b, in, o, SIM_WHERE_STOPS);
        sim_refresh_feed(r, in);
    } else {
        sim_arrive(r, o, ts);
    }
    if (sim_is_open(o->status)) sim_note_open_order(r, o);
}

/* Resolves the order a change/cancel names; NULL with a reason text. */
static SimOrder *target(SimRoute *r, const SimRouteCmd *c, const char16_t **why) {
    SimBroker *b = r->b;
    uint32_t seq = c->target_seq ? c->target_seq : sim_route_seq_of_local(r, c->local_id);
    SimOrder *o = sim_broker_order(b, seq);
    if (!o) { *why = sim_textf(b, "unknown order: LocalOrderID=%lld", (long long)c->local_id); return NULL; }
    if (o->acct != c->acct) {
        char cl[24];
        sim_ascii16(o->clordid, cl, sizeof cl);
        *why = sim_textf(b, "order %s does not belong to the account given", cl);
        return NULL;
    }
    if (!c->pass_ok) { *why = sim_textf(b, "wrong routing password for account=%s", b->roster->acc[o->acct].account_a); return NULL; }
    sim_load_order(r, o);
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
    sim_close_order(r, o, o->traded ? COS_PARTIALLY_FILLED_CANCELED : COS_CANCELED, ts);
    sim_jrn(r->b, "C,%lld,%u", (long long)ts, o->seq);
    sim_ev_order(r, o, false);
}

static void route_cancel(SimRoute *r, const SimRouteCmd *c, int64_t ts) {
    const char16_t *why = NULL;
    int32_t broker = broker_of(r, c->acct, c->broker);
    if (!c->routing_up) {
        sim_ev_tmr(r, NULL, broker, c->local_id, c->message_id, MRC_NOT_CONNECTED, u"routing not connected: cancel not sent", true);
        return;
    }
    SimOrder *o = target(r, c, &why);
    if (!o) {
        progress(r, NULL, broker, c->local_id, c->message_id, 2);
        sim_ev_tmr(r, NULL, broker, c->local_id, c->message_id, MRC_REJECTED_BROKER, why, false);
        return;
    }
    progress(r, o, broker, o->local_id, c->message_id, 3);
    if (!sim_is_open(o->status)) {
        char cl[24];
        sim_ascii16(o->clordid, cl, sizeof cl);
        sim_ev_tmr(r, o, broker, o->local_id, c->message_id, MRC_REJECTED_MARKET,
               sim_textf(r->b, "too late to cancel: order %s is %s", cl, status_word(o->status)), false);
        return;
    }
    sim_ev_tmr(r, o, broker, o->local_id, c->message_id, MRC_ACCEPTED, MSG_ACCEPTED, false);
    cancel_order(r, o, ts);
}

static void route_change(SimRoute *r, const SimRouteCmd *c, int64_t ts) {
    SimBroker *b = r->b;
    const char16_t *why = NULL;
    int32_t broker = broker_of(r, c->acct, c->broker);
    if (!c->routing_up) {
        sim_ev_tmr(r, NULL, broker, c->local_id, c->message_id, MRC_NOT_CONNECTED, u"routing not connected: change not sent", true);
        return;
    }
    SimOrder *o = target(r, c, &why);
    if (!o) {
        progress(r, NULL, broker, c->local_id, c->message_id, 2);
        sim_ev_tmr(r, NULL, broker, c->local_id, c->message_id, MRC_REJECTED_BROKER, why, false);
        return;
    }
    SimRInst *in = sim_inst_of(r, o);
    char cl[24], tick[40];
    sim_ascii16(o->clordid, cl, sizeof cl);
    sim_format_e8(in->tick_e8, tick, sizeof tick);
    progress(r, o, broker, o->local_id, c->message_id, 3);
    int g = sim_hours_of(r, in);
    SimPhase ph = sim_hours_phase(g, sim_local_ns(r->s, ts));
    int64_t price = 0, stop = o->stop_e8;
    bool stop_live = o->type == COT_STOP_LIMIT && !o->triggered;
    const char16_t *bad = NULL;
    if (!sim_is_open(o->status)) bad = sim_textf(b, "too late to change: order %s is %s", cl, status_word(o->status));
    else if (ph.phase == SIM_PHASE_CLOSED || ph.phase == SIM_PHASE_CANCEL_ONLY)
        bad = sim_textf(b, "changes not accepted for %s now (%s): only cancellations", in->ticker, ph.name);
    else if (o->type == COT_MARKET) bad = sim_textf(b, "a market order cannot be changed: order %s", cl);
    else if (c->qty <= o->traded)
        bad = sim_textf(b, "quantity must be > the traded quantity %lld: quantity=%lld", (long long)o->traded, (long long)c->qty);
    else if (in->fractional && c->qty > 99)
        bad = sim_textf(b, "quantity must be 1..99 on the fractional market: ticker=%s quantity=%lld", in->ticker, (long long)c->qty);
    else if (c->qty % in->lot)
        bad = sim_textf(b, "quantity must be a multiple of the lot %lld: ticker=%s quantity=%lld", (long long)in->lot, in->ticker, (long long)c->qty);
    else if (in->max_qty && c->qty > in->max_qty)
        bad = sim_textf(b, "quantity above the maximum %lld per order: ticker=%s quantity=%lld", (long long)in->max_qty, in->ticker, (long long)c->qty);
    else if (!sim_to_e8(c->price, &price) || price % in->tick_e8)
        bad = sim_textf(b, "price must be a multiple of the tick %s: ticker=%s price=%.10g", tick, in->ticker, c->price);
    else if (stop_live && (!sim_to_e8(c->stop, &stop) || stop % in->tick_e8))
        bad = sim_textf(b, "stop price must be a multiple of the tick %s: ticker=%s stop_price=%.10g", tick, in->ticker, c->stop);
    else if (stop_live && (o->side == COS_BUY ? price < stop : price > stop))
        bad = sim_textf(b, "a %s stop-limit needs price %s stop_price", o->side == COS_BUY ? "buy" : "sell", o->side == COS_BUY ? ">=" : "<=");
    if (bad) {
        sim_ev_tmr(r, o, broker, o->local_id, c->message_id, MRC_REJECTED_MARKET, bad, false);
        return;
    }
    sim_ev_tmr(r, o, broker, o->local_id, c->message_id, MRC_ACCEPTED, MSG_ACCEPTED, false);
    /* priority: a new price, a new stop or a larger quantity goes to the back; a smaller one keeps its place */
    bool requeue = price != o->price_e8 || stop != o->stop_e8 || c->qty > o->qty || o->where == SIM_WHERE_DORMANT;
    uint8_t where = o->where == SIM_WHERE_DORMANT ? (stop_live ? SIM_WHERE_STOPS : SIM_WHERE_BOOK) : o->where;
    if (requeue) sim_book_remove(b, in, o);
    o->qty = c->qty;
    o->price_e8 = o->rest_e8 = price;
    o->stop_e8 = stop;
    o->status = COS_REPLACED;
    o->update_ts = ts;
    o->text = NULL;
    char p[40], sp[40];
    sim_e8s(price, p, sizeof p);
    sim_e8s(stop_live ? stop : 0, sp, sizeof sp);
    sim_jrn(b, "M,%lld,%u,%lld,%s,%s", (long long)ts, o->seq, (long long)o->qty, p, sp);
    sim_ev_order(r, o, false);
    if (requeue) {
        o->prio_ts = ts;
        if (where == SIM_WHERE_STOPS) { sim_book_insert(b, in, o, SIM_WHERE_STOPS); sim_refresh_feed(r, in); }
        else sim_arrive(r, o, ts);
    }
}

/* SendCancelOrdersV2 (inst >= 0) and SendCancelAllOrdersV2 (inst < 0): one request, one progress, then an
   OrderCallback per canceled order. */
static void route_cancel_many(SimRoute *r, const SimRouteCmd *c, int64_t ts, bool by_asset) {
    SimBroker *b = r->b;
    int32_t broker = broker_of(r, c->acct, c->broker);
    if (!c->routing_up) {
        sim_ev_tmr(r, NULL, broker, 0, c->message_id, MRC_NOT_CONNECTED, u"routing not connected: cancel not sent", true);
        return;
    }
    if (c->acct < 0 || !c->pass_ok) {
        char a8[64];
        sim_ascii16(c->account, a8, sizeof a8);
        progress(r, NULL, broker, 0, c->message_id, 2);
        sim_ev_tmr(r, NULL, broker, 0, c->message_id, MRC_REJECTED_BROKER,
               c->acct < 0 ? sim_textf(b, "unknown account: broker_id=%d account=%s", c->broker, a8)
                           : sim_textf(b, "wrong routing password for account=%s", a8), false);
        return;
    }
    if (by_asset && c->inst < 0) {
        char t8[40];
        sim_ascii16(c->ticker, t8, sizeof t8);
        progress(r, NULL, broker, 0, c->message_id, 2);
        sim_ev_tmr(r, NULL, broker, 0, c->message_id, MRC_REJECTED_BROKER, sim_textf(b, "unknown instrument: ticker=%s", t8), false);
        return;
    }
    progress(r, NULL, broker, 0, c->message_id, 4);
    const SimU32Vec *v = &b->acct_orders[c->acct];
    for (size_t i = 0; i < v->n; i++) {
        SimOrder *o = sim_broker_order(b, v->v[i]);
        if (sim_is_open(o->status) && (!by_asset || o->inst == c->inst)) cancel_order(r, o, ts);
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
            if (sim_is_open(o->status) && o->inst >= 0 && b->inst[o->inst].base == base) cancel_order(r, o, ts);
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
            int64_t d = sim_local_day(r->s, o->entry_ts);
            if (d >= c->hist_lo && d <= c->hist_hi) sim_load_order(r, o);
            o->lost = 0;                       /* the history shows what really happened */
        }
    }
    h->lo = h->state == HIST_LOADED && h->lo < c->hist_lo ? h->lo : c->hist_lo;
    h->hi = h->state == HIST_LOADED && h->hi > c->hist_hi ? h->hi : c->hist_hi;
    h->state = HIST_LOADED;
    SimOut *e = sim_out_push(&r->out);
    if (e) { e->kind = OUT_HISTORY; e->acct = m; e->local = true; }
}

/* ================================================================ running a command */

static int64_t now_ts(SimSession *s) { return sim_session_clock(s); }

void sim_route_run(SimSession *s, SimRouteCmd *c) {
    SimRoute *r = s->route;
    if (!r) return;
    sim_refresh_faults(r);
    int64_t ts = now_ts(s);
    if (c->kind == RC_NEW || c->kind == RC_ZERO) {
        r->orders_seen++;
        /* fault.routing.disconnect_after_orders: this order is in flight when the connection drops */
        if (r->disc_pending && r->orders_seen - r->disc_base >= r->faults.disconnect_after_orders && atomic_load(&r->up)) {
            r->disc_pending = false;
            sim_routing_drop(r);
        }
    }
    pthread_mutex_lock(&r->b->lock);
    if (ts >= r->next_timer) sim_timer_locked(r, ts);
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
    sim_deliver_outbox(r);
}
