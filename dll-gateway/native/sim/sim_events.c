/* sim_events.c — client events of routing: the outbox of a command, delivery on the ConnectorThread (no lock
 * held), the delay / duplicate / lose faults, the routing connection drop and its restoration, and the
 * announcement of the accounts at login (README "Order events", "Routing faults").
 */
#define _GNU_SOURCE
#include <stdlib.h>
#include <string.h>

#include "sim_broker_int.h"

/* ================================================================ events */

void sim_ev_tmr(SimRoute *r, const SimOrder *o, int32_t broker, int64_t local, int64_t msg, uint8_t code,
                   const char16_t *text, bool local_only) {
    SimOut *e = sim_out_push(&r->out);
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

void sim_ev_order(SimRoute *r, SimOrder *o, bool local_only) {
    o->event_id = ++r->b->event_id;
    if (r->b->replaying) return;
    sim_load_order(r, o);   /* an earlier order that changes now is reported, so the DLL knows it from then on */
    SimOut *e = sim_out_push(&r->out);
    if (!e) return;
    e->kind = OUT_ORDER;
    e->seq = o->seq;
    e->local = local_only;
    sim_order_view(r, o, &e->view);
}

void sim_ev_position(SimRoute *r, const SimPosition *p) {
    if (r->b->replaying) return;
    SimOut *e = sim_out_push(&r->out);
    if (!e) return;
    e->kind = OUT_POSITION;
    e->acct = p->acct;
    e->inst = p->inst;
    e->event_id = p->event_id;
}

/* ================================================================ faults: routing connection drop */

/* fault.routing.disconnect_after_orders=N arms one drop, N new orders after it was set (or after the session
   started, for a value set before); setting it again re-arms. */
void sim_arm_disconnect(SimRoute *r) {
    if (r->faults.disconnect_generation == r->disc_armed_gen) return;
    r->disc_armed_gen = r->faults.disconnect_generation;
    r->disc_base = r->orders_seen;
    r->disc_pending = r->faults.disconnect_after_orders > 0;
}

void sim_refresh_faults(SimRoute *r) {
    if (atomic_load_explicit(&sim_route_faults_version, RLX) == r->faults_version) return;
    sim_route_faults_read(&r->faults, &r->faults_version);
    sim_arm_disconnect(r);
}

void sim_routing_drop(SimRoute *r) {
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
            sim_u32_push(&r->dirty, o->seq);
            pthread_mutex_unlock(&r->b->lock);
        }
        return;
    }
    if (o && o->lost && !e->local) return;
    fire(r, e);
    if (e->kind == OUT_ORDER && sim_draw(r->faults.seed, 0x647570, e->view.event_id, r->faults.duplicate_ppm))
        fire(r, e);   /* a duplicate notification: same order, same EventID */
}

void sim_deliver_outbox(SimRoute *r) {
    int64_t delay = r->faults.delay_ms * SIM_NS_PER_MS;
    for (size_t i = 0; i < r->out.n; i++) {
        SimOut *e = &r->out.v[i];
        if (delay > 0 || r->delayed.head < r->delayed.n) {   /* once delayed, later events queue behind */
            SimOut *d = sim_out_push(&r->delayed);
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
    sim_refresh_faults(r);
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
            SimOut *e = sim_out_push(&r->out);
            if (!e) continue;
            e->kind = OUT_ORDER;
            e->seq = o->seq;
            sim_order_view(r, o, &e->view);
        }
        r->dirty.n = 0;
        pthread_mutex_unlock(&r->b->lock);
        sim_deliver_outbox(r);
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
