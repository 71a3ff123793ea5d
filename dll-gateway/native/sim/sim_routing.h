/*
 * sim_routing.h — order routing of the ProfitDLL simulator, shared by its translation units.
 *
 *   sim_config.c       the account roster and the instrument master (files named by options)
 *   sim_hours.c        B3 session grids and holidays (a small table), on the simulator's clock
 *   sim_broker.c, sim_match.c, sim_orders.c, sim_events.c, sim_journal.c
 *                      the broker: instruments, orders, books, matching, commands, events, positions, journal
 *                      (what they share: sim_broker_int.h)
 *   sim_routing_api.c  the exported routing functions (validation, commands, readers)
 *
 * Ownership and threads (README "Threading of routing"):
 *  - SimBroker is process-wide: it outlives a session (DLLFinalize) so a later session of the same day
 *    finds the earlier orders, as a broker's server would. The ConnectorThread of the running session is
 *    its only writer; every write happens under SimBroker.lock, which is never held while a callback runs.
 *    Readers on other threads (GetOrderDetails, Enumerate*, GetPositionV2) take the lock.
 *  - SimRoute is one session's view of the broker: LocalOrderIDs, which earlier orders are loaded, the
 *    command queue (guarded by the session's qlock), the outbox of client events, faults.
 *  - The roster and the instrument table do not change while a session runs, so API threads read them
 *    without a lock.
 */
#ifndef BLACKBOX_SIM_ROUTING_H
#define BLACKBOX_SIM_ROUTING_H

#include <stdio.h>

#include "sim_internal.h"

#define SIM_E8 INT64_C(100000000)          /* prices are int64 in units of 1e-8 */

/* ------------------------------------------------------------------ configuration files (sim_config.c) */

typedef struct SimRosterPos {
    char     ticker[33], exchange[9];
    int64_t  qty;                          /* signed: < 0 short */
    int64_t  avg_e8;
} SimRosterPos;

typedef struct SimAccount {
    int32_t   broker_id;
    int32_t   master;                      /* index of the master account (itself for a master) */
    uint8_t   type;                        /* CUT_* */
    uint8_t   enabled;
    int64_t   cash_cents;
    char      group[64];
    char      account_a[64], sub_a[64];    /* UTF-8 (journal, texts) */
    char16_t  account_id[64], sub_id[64];  /* UTF-16; sub_id "" for a master */
    char16_t *broker_name, *owner, *password;
    SimRosterPos *pos;
    size_t    npos;
} SimAccount;

typedef struct SimRoster {
    SimAccount *acc;
    size_t      n;
    uint32_t   *hash;                      /* open addressing, value = index + 1 */
    size_t      hcap;
    int         refs;                      /* guarded by the options lock */
} SimRoster;

SimRoster *sim_roster_load(const char *path, char *err, size_t errlen);
void       sim_roster_free(SimRoster *r);
void       sim_roster_ref(SimRoster *r);          /* sim_options.c: references under the options lock */
void       sim_roster_unref(SimRoster *r);
/* Index of (broker, account, sub) or -1; sub NULL or "" = the master. */
int32_t    sim_roster_find(const SimRoster *r, int32_t broker, const char16_t *account, const char16_t *sub);

enum { SIM_HOURS_EQUITIES, SIM_HOURS_INDEX_FUTURES, SIM_HOURS_DOLLAR_FUTURES, SIM_HOURS_ALWAYS, SIM_HOURS_N };

typedef struct SimMasterRow {
    char     ticker[33], exchange[9];
    int64_t  lot, tick_e8, max_qty;        /* 0 = default (max_qty: no limit) */
    int      hours;                        /* SIM_HOURS_*, -1 = default */
} SimMasterRow;

typedef struct SimMaster {
    SimMasterRow *row;
    size_t        n;
    int           refs;
} SimMaster;

SimMaster *sim_master_load(const char *path, char *err, size_t errlen);
void       sim_master_free(SimMaster *m);

/* UTF-8 -> UTF-16 (NUL-terminated, at most cap-1 units); false on bad UTF-8. */
bool sim_utf8_to_u16(const char *s, size_t n, char16_t *out, size_t cap);
char16_t *sim_u16_from_utf8(const char *s);          /* malloc'd; NULL on bad UTF-8 or no memory */
/* Decimal text -> e8 (up to 8 decimals, > 0 unless allow_zero); false on bad text. */
bool sim_parse_e8(const char *s, size_t n, int64_t *out);
/* e8 -> "36.01" (at least 2 decimals, trailing zeros trimmed) */
void sim_format_e8(int64_t v, char *out, size_t n);

/* ------------------------------------------------------------------ session hours (sim_hours.c) */

enum { SIM_PHASE_CLOSED, SIM_PHASE_CANCEL_ONLY, SIM_PHASE_CALL, SIM_PHASE_CONTINUOUS };

typedef struct SimPhase {
    int      phase;                        /* SIM_PHASE_* */
    int      from_min, to_min;             /* the span it is in (minutes of the day), -1 when closed */
    const char *name;                      /* "pre-opening call", ... */
} SimPhase;

const char *sim_hours_name(int group);
int         sim_hours_parse(const char *name);                 /* -1 if unknown */
/* Phase at local time (epoch ns shifted to local). */
SimPhase    sim_hours_phase(int group, int64_t local_ns);
/* Local epoch ns at which the session of local day `day` (days since 1970-01-01) ends; -1 if closed. */
int64_t     sim_hours_day_end(int group, int64_t day);
/* "10:00-17:55 continuous, ..." or "closed (B3 holiday)" into out. */
void        sim_hours_describe(int group, int64_t day, char *out, size_t n);

/* ------------------------------------------------------------------ the broker (sim_broker.c) */

typedef struct SimLevel {
    int64_t  key;                          /* sort key: best first (price for asks, -price for bids) */
    uint32_t head, tail;                   /* order seqs, FIFO */
} SimLevel;

typedef struct SimSideBook {
    SimLevel *lv;
    uint32_t  n, cap;
} SimSideBook;

typedef struct SimRInst {
    char      ticker[33], exchange[9];
    char16_t  wticker[33], wexchange[9];
    TConnectorAssetIdentifier asset;       /* points at wticker/wexchange */
    int64_t   lot, tick_e8, max_qty;       /* max_qty 0 = none */
    uint8_t   hours;                       /* SIM_HOURS_* */
    uint8_t   fractional;                  /* XXXXF: quantities 1..99 */
    uint8_t   tradable;                    /* in the master or a replay file (or F of such a base) */
    int32_t   base;                        /* instrument whose position it shares (itself, or base of F) */
    int32_t   feed;                        /* this session: replay instrument feeding its book, -1 none */
    SimSideBook book[2];                   /* [0] bids, [1] asks: resting limits */
    SimSideBook stops[2];                  /* [0] buy stops (lowest first), [1] sell stops (highest first) */
    uint32_t  active;                      /* orders in book + stops */
} SimRInst;

enum { SIM_WHERE_NONE, SIM_WHERE_BOOK, SIM_WHERE_STOPS, SIM_WHERE_DORMANT };

typedef struct SimOrder {
    __int128  value_e8;                    /* sum of fill quantity x price (e8): AveragePrice exact */
    int64_t   qty, traded;
    int64_t   price_e8;                    /* limit as sent (0 for market) */
    int64_t   stop_e8;                     /* 0 = none */
    int64_t   rest_e8;                     /* limit it rests at (market: price of its last execution) */
    int64_t   entry_ts, update_ts, close_ts, prio_ts;   /* tape time, UTC ns */
    int64_t   local_id;                    /* in this session; 0 = not loaded */
    uint64_t  event_id;
    const char16_t *text;                  /* NULL = "" */
    const char16_t *raw_account, *raw_sub, *raw_ticker, *raw_exchange;  /* rejects naming unknown ones */
    int32_t   acct, inst;                  /* -1 when unknown (rejected) */
    int32_t   raw_broker;
    uint32_t  seq;
    uint32_t  prev, next;                  /* links inside a SimLevel (seq, 0 = none) */
    uint8_t   side, type, status, where;
    uint8_t   triggered;                   /* stop-limit: its stop has triggered (it is a limit now) */
    uint8_t   from_earlier;                /* created in an earlier session */
    uint8_t   lost;                        /* fault: its events are not delivered until history is read */
    uint8_t   dirty;                       /* changed while routing was down */
    char16_t  clordid[24];
} SimOrder;

typedef struct SimPosition {
    __int128  cons_cost, day_cost, buy_val, sell_val;     /* e8 x quantity */
    int64_t   open_qty, open_avg_e8;                       /* from the roster */
    int64_t   cons_qty, day_qty, buy_qty, sell_qty;
    uint64_t  event_id;
    int32_t   acct, inst;
} SimPosition;

typedef struct SimU32Vec { uint32_t *v; size_t n, cap; } SimU32Vec;

#define SIM_CHUNK_BITS 12
#define SIM_CHUNK      (1u << SIM_CHUNK_BITS)
#define SIM_MAX_CHUNKS (1u << 16)           /* 268 million orders */

typedef struct SimBroker {
    pthread_mutex_t lock;
    SimRoster  *roster;                    /* counted reference; NULL = no accounts */
    int64_t     trading_day;               /* local day number the state belongs to */
    SimRInst   *inst;
    size_t      ninst, icap;
    uint32_t   *ihash;
    size_t      ihcap;
    SimOrder  **chunk;                     /* seq s lives at chunk[(s-1)>>BITS][(s-1)&MASK] */
    uint32_t    norders;
    SimPosition *pos;
    size_t      npos, pcap;
    uint32_t   *phash;
    size_t      phcap;
    SimU32Vec  *acct_orders;               /* per account: its order seqs */
    SimU32Vec  *acct_pos;                  /* per account: its position indices */
    uint64_t    event_id;
    void       *texts;                     /* arena of reject texts and raw names */
    FILE       *journal;
    char       *journal_path;
    bool        replaying;                 /* applying the journal: no journal writes, no events */
} SimBroker;

/* Routing commands, posted by API threads, run by the ConnectorThread in post order. */
enum { RC_NEW, RC_CHANGE, RC_CANCEL, RC_CANCEL_ASSET, RC_CANCEL_ALL, RC_ZERO, RC_HISTORY };

typedef struct SimRouteCmd {
    int64_t  local_id;                     /* RC_NEW/RC_ZERO: allocated id; RC_CHANGE/RC_CANCEL: target (0 = by seq) */
    int64_t  message_id;
    int64_t  qty;
    double   price, stop;
    int64_t  hist_lo, hist_hi;             /* RC_HISTORY: local days */
    int32_t  acct, inst;                   /* -1 unknown */
    int32_t  broker;                       /* as requested */
    uint32_t target_seq;
    uint8_t  kind, side, type, pos_type;
    uint8_t  pass_ok, routing_up;          /* password matched; routing was connected at call time */
    uint8_t  zero;                         /* RC_NEW made by SendZeroPositionV2 */
    char16_t account[40], sub[24], ticker[33], exchange[9];   /* as requested, for reject texts */
} SimRouteCmd;

typedef struct SimRouteCmdVec { SimRouteCmd *v; size_t n, cap; } SimRouteCmdVec;

/* What GetOrderDetails shows: the live order, or the snapshot an OrderCallback carries. */
typedef struct SimOrderView {
    int64_t  qty, traded, price_e8, stop_e8, update_ts, close_ts;
    __int128 value_e8;
    uint64_t event_id;
    const char16_t *text;
    uint8_t  status;
} SimOrderView;

enum { OUT_TMR, OUT_ORDER, OUT_POSITION, OUT_HISTORY };

typedef struct SimOut {
    SimOrderView view;                     /* OUT_ORDER */
    int64_t  due;                          /* monotonic ns (delayed delivery) */
    int64_t  local_id, message_id;
    const char16_t *text;                  /* OUT_TMR message */
    uint64_t event_id;                     /* OUT_POSITION */
    int32_t  broker, acct, inst;
    uint32_t seq;                          /* 0 for a TMR of a request that names no order */
    uint8_t  kind, code;
    uint8_t  local;                        /* made by the DLL itself (not connected): delivered even when down */
} SimOut;

typedef struct SimOutVec { SimOut *v; size_t n, cap, head; } SimOutVec;

typedef struct SimHistState { uint8_t state; int64_t lo, hi; } SimHistState;   /* per master account */
enum { HIST_NONE, HIST_PENDING, HIST_LOADED };

/* Routing fault options, live (read by the ConnectorThread while a session runs). */
typedef struct SimRouteFaults {
    uint32_t reject_ppm, duplicate_ppm, lose_ppm;  /* shares in parts per million */
    int64_t  delay_ms;
    int64_t  disconnect_after_orders;              /* 0 = off */
    uint64_t disconnect_generation;                /* bumped each time the option is set */
    int64_t  reconnect_after_ms;
    uint64_t seed;
    char     reject_tickers[512];                  /* ",T1,T2," (commas around each) */
    char     reject_accounts[512];
} SimRouteFaults;

void   sim_route_faults_read(SimRouteFaults *out, uint64_t *version);   /* copy + version */
extern _Atomic uint64_t sim_route_faults_version;

typedef struct SimRoute {
    SimSession     *s;
    SimBroker      *b;
    _Atomic int64_t next_local;            /* next LocalOrderID */
    _Atomic int64_t next_message;
    _Atomic int     up;                    /* routing connected, as reported to the client */
    _Atomic int     accounts_loaded;
    uint32_t      **l2s;                   /* LocalOrderID -> seq, chunked (under b->lock) */
    SimHistState   *hist;                  /* per account index (masters used), under b->lock */
    /* command queue, under s->qlock */
    SimRouteCmdVec  q, spare;
    /* ConnectorThread only */
    SimOutVec       out;                   /* events of the command being run */
    SimOutVec       delayed;               /* FIFO of delayed events */
    SimU32Vec       dirty;                 /* orders changed while routing was down */
    SimU32Vec       dormant;               /* earlier resting orders, by activation time */
    SimU32Vec       rekey;                 /* market orders whose first fill came from the trade being matched */
    size_t          dormant_pos;
    int64_t         next_timer;            /* tape ts of the next timer (INT64_MAX none); mirrored in s */
    int64_t         expiry_day[SIM_HOURS_N];   /* next local day whose session end is pending, per group */
    int64_t         reconnect_at;          /* monotonic ns, 0 = routing not down by fault */
    int64_t         orders_seen;           /* new orders processed this session */
    int64_t         disc_base;             /* orders_seen when fault.routing.disconnect_after_orders was armed */
    uint64_t        disc_armed_gen, faults_version;
    bool            disc_pending;
    SimRouteFaults  faults;
    const SimOrderView *cur_view;          /* during an OrderCallback */
    uint32_t        cur_seq;
    int32_t        *feed_to_inst;          /* replay instrument -> routing instruments fed (own, F mirror) */
    int32_t        *feed_to_frac;
} SimRoute;

/* Session lifecycle (called under the API's life lock, no thread running). */
int  sim_route_create(SimSession *s, char *err, size_t errlen);   /* 0 ok; full login only */
void sim_route_destroy(SimSession *s);
void sim_broker_discard(void);                /* SimResetOptions / roster change: forget the day */

/* ConnectorThread hooks. */
void sim_route_connected(SimSession *s);      /* after (1, ROTEAMENTO_BROKER_CONNECTED) */
void sim_route_run(SimSession *s, SimRouteCmd *c);
void sim_route_tape(SimSession *s, const SimEvent *e);   /* before/after a tape event, see sim_connector.c */
bool sim_route_pump(SimSession *s, int64_t now_mono, int64_t *deadline);   /* delayed events, reconnect */
void sim_route_timer(SimSession *s, int64_t ts);

/* Readers (any thread). */
SimOrder *sim_broker_order(SimBroker *b, uint32_t seq);   /* under b->lock, or on the ConnectorThread */
uint32_t  sim_route_seq_of_local(SimRoute *r, int64_t local);   /* under b->lock; 0 unknown */
uint32_t  sim_route_seq_of_clordid(SimRoute *r, const char16_t *clordid);   /* under b->lock */
void      sim_order_view(const SimRoute *r, const SimOrder *o, SimOrderView *v);
int32_t   sim_broker_find_inst(const SimBroker *b, const char16_t *ticker, const char16_t *exchange);
int32_t   sim_broker_find_position(const SimBroker *b, int32_t acct, int32_t inst);
double    sim_e8_to_double(int64_t v);
double    sim_avg_price(__int128 value_e8, int64_t qty);

#endif
