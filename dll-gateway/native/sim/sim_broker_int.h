/*
 * sim_broker_int.h — what the broker's translation units share (not the rest of the library).
 *
 *   sim_broker.c   broker and session lifecycle, instruments, order storage, positions, small helpers
 *   sim_match.c    books, arrival, matching a tape trade, stop triggers, expiry and dormant timers
 *   sim_orders.c   validation and the routing commands (new, change, cancel, cancel many, zero, history)
 *   sim_events.c   client events: the outbox, delivery, delay/duplicate/lose faults, the routing drop
 *   sim_journal.c  the journal: writing lines and replaying a file at login
 *
 * Every function here runs on the ConnectorThread (or at login, with no thread running) and, when it touches
 * the broker, under SimBroker.lock — except the delivery functions of sim_events.c, which run unlocked.
 */
#ifndef BLACKBOX_SIM_BROKER_INT_H
#define BLACKBOX_SIM_BROKER_INT_H

#include "sim_routing.h"

#define RLX memory_order_relaxed
#define MASK (SIM_CHUNK - 1)

#define MARKET_BUY_REST (INT64_MAX / 4)   /* a market order's rest price before its first execution */
#define MARKET_SELL_REST 1

/* helpers (sim_broker.c) */
bool sim_to_e8(double p, int64_t *out);
int64_t sim_dbl_e8(double p);
int64_t sim_local_ns(const SimSession *s, int64_t utc);
int64_t sim_local_day(const SimSession *s, int64_t utc);
int64_t sim_ascii16(const char16_t *w, char *out, size_t cap);
void sim_utf8_of(const char16_t *w, char *out, size_t cap);
bool sim_draw(uint64_t seed, uint64_t salt, uint64_t key, uint32_t ppm);
const char16_t *sim_text_u16(SimBroker *b, const char16_t *w);
const char16_t *sim_text_utf8(SimBroker *b, const char *s);
const char16_t *sim_textf(SimBroker *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
bool sim_u32_push(SimU32Vec *v, uint32_t x);
SimOut *sim_out_push(SimOutVec *v);

/* instruments, orders, positions (sim_broker.c) */
int32_t sim_inst_intern(SimBroker *b, const char *t, const char *e);
SimOrder *sim_order_new(SimBroker *b);
void sim_set_clordid(const SimSession *s, SimOrder *o);
bool sim_map_local(SimRoute *r, int64_t local, uint32_t seq);
void sim_load_order(SimRoute *r, SimOrder *o);
bool sim_is_open(uint8_t st);
SimPosition *sim_pos_get(SimBroker *b, int32_t acct, int32_t inst);
void sim_pos_apply(int64_t *q, __int128 *cost, int64_t signed_fill, int64_t price_e8);

/* books and matching (sim_match.c) */
bool sim_book_insert(SimBroker *b, SimRInst *in, SimOrder *o, uint8_t where);
void sim_book_remove(SimBroker *b, SimRInst *in, SimOrder *o);
SimRInst *sim_inst_of(SimRoute *r, const SimOrder *o);
int sim_hours_of(const SimRoute *r, const SimRInst *in);
void sim_refresh_feed(SimRoute *r, const SimRInst *in);
void sim_close_order(SimRoute *r, SimOrder *o, uint8_t status, int64_t ts);
void sim_apply_fill(SimRoute *r, SimOrder *o, int64_t q, int64_t px, int64_t ts);
bool sim_top_e8(const SimRoute *r, const SimRInst *in, int side, int64_t *px);
void sim_arrive(SimRoute *r, SimOrder *o, int64_t ts);
void sim_recompute_timer(SimRoute *r);
void sim_note_open_order(SimRoute *r, const SimOrder *o);
void sim_timer_locked(SimRoute *r, int64_t ts);

/* journal (sim_journal.c) */
void sim_jrn(SimBroker *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
const char *sim_side_code(uint8_t s);
const char *sim_type_code(uint8_t t);
void sim_e8s(int64_t v, char *out, size_t n);
int sim_journal_open(SimRoute *r, const char *path, char *err, size_t errlen);

/* events and faults (sim_events.c) */
void sim_ev_tmr(SimRoute *r, const SimOrder *o, int32_t broker, int64_t local, int64_t msg, uint8_t code, const char16_t *text, bool local_only);
void sim_ev_order(SimRoute *r, SimOrder *o, bool local_only);
void sim_ev_position(SimRoute *r, const SimPosition *p);
void sim_arm_disconnect(SimRoute *r);
void sim_refresh_faults(SimRoute *r);
void sim_routing_drop(SimRoute *r);
void sim_deliver_outbox(SimRoute *r);

#endif
