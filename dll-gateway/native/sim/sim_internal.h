/*
 * sim_internal.h — shared declarations of the ProfitDLL simulator's translation units.
 *
 *   sim_util.c       UTF-16 strings, calendar/time conversions, monotonic clock
 *   sim_replay.c     loading, validating and merging canonical replay files (immutable once built)
 *   sim_options.c    SimSetOption / SimResetOptions / SimLastError and the option set
 *   sim_connector.c  the ConnectorThread: login script, tape walk, control queue, faults, watchdog
 *   sim_api.c        the exported ProfitDLL functions
 */
#ifndef BLACKBOX_SIM_INTERNAL_H
#define BLACKBOX_SIM_INTERNAL_H

#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "profitdll_sim.h"

#define SIM_NS_PER_MS  INT64_C(1000000)
#define SIM_NS_PER_SEC INT64_C(1000000000)
#define SIM_NS_PER_DAY (INT64_C(86400) * SIM_NS_PER_SEC)

/* ------------------------------------------------------------------ replay (sim_replay.c) */

/* One tape event. The opaque trade pointer handed to TConnectorTradeCallback is a `const SimEvent *`
   into the immutable replay, so TranslateTrade only has to read it. */
typedef struct SimEvent {
    int64_t  ts;            /* UTC epoch nanoseconds */
    double   price;
    double   bid, ask;      /* valid when has_bid / has_ask */
    int64_t  qty;
    uint32_t trade_number;
    uint32_t inst;          /* index into SimReplay.inst */
    int32_t  buy_agent, sell_agent;
    uint8_t  kind;          /* 'T', 'E' or 'K' */
    uint8_t  trade_type;
    uint8_t  has_bid, has_ask;
} SimEvent;

typedef struct SimInstrument {
    char        ticker[33], exchange[9];      /* ASCII, as in the file */
    char16_t    wticker[33], wexchange[9];    /* the same in UTF-16 for callbacks */
    TConnectorAssetIdentifier asset;          /* points at wticker/wexchange */
    TAssetIDRec legacy;                       /* idem, nFeed 0 */
    uint32_t   *hist;                         /* indices of its 'T' events in SimReplay.ev, time order */
    size_t      nhist;
} SimInstrument;

typedef struct SimReplay {
    SimEvent      *ev;     /* merged tape, time order, ties in file order */
    size_t         n;
    SimInstrument *inst;
    size_t         ninst;
    uint32_t      *hash;   /* open addressing over inst, value = index + 1, 0 = free */
    size_t         hcap;
    int            refs;   /* guarded by the options lock */
} SimReplay;

/* Loads ':'-separated paths. On error returns NULL and writes a message into err. */
SimReplay *sim_replay_load(const char *paths, char *err, size_t errlen);
void       sim_replay_free(SimReplay *r);
/* Instrument index for (ticker, exchange) in UTF-16, or -1. */
int64_t    sim_replay_find(const SimReplay *r, const char16_t *ticker, const char16_t *exchange);

/* ------------------------------------------------------------------ options (sim_options.c) */

enum { SIM_START_ON_FIRST_SUBSCRIBE, SIM_START_ON_CONNECT, SIM_START_MANUAL };

struct SimRoster;   /* sim_routing.h */
struct SimMaster;
struct SimRoute;

/* The market-data fault options. They are live (README "Options"): SimSetOption bumps
   sim_md_faults_version and the ConnectorThread takes the new values before its next turn. */
typedef struct SimMdFaults {
    int64_t    disc_after_trades;  /* 0 = off */
    int64_t    disc_after_ms;      /* 0 = off */
    int64_t    reconnect_after_ms;
    int64_t    disc_count;
    int64_t    lost_trades;
    int64_t    stall_threshold_ms;
    int64_t    stall_ms;           /* fault.stall_ms: how long the armed stall holds a callback */
    uint64_t   stall_generation;   /* bumped by each fault.stall_ms set: arms one stall */
    int        history_never_completes;
} SimMdFaults;

/* Bumped by every set of a market-data fault option; read relaxed by the ConnectorThread. */
extern _Atomic uint64_t sim_md_faults_version;
/* The current market-data faults and their version, under the options lock. */
void sim_md_faults_read(SimMdFaults *out, uint64_t *version);

typedef struct SimOptions {
    char      *replay_files;       /* as given, or NULL */
    SimReplay *replay;             /* counted reference, or NULL */
    double     speed;              /* 0 = max, else tape seconds per wall second */
    int        start_mode;
    int64_t    login_step_ms;
    int32_t    login_result;
    int32_t    utc_offset_min;
    SimMdFaults md;                /* live, see SimMdFaults */
    /* routing (README "Options"); the fault.routing.* options are live, see sim_route_faults_read */
    struct SimRoster *roster;      /* counted reference, or NULL */
    struct SimMaster *master;      /* counted reference, or NULL */
    char      *journal;            /* path or NULL (owned by the snapshot) */
    int        hours_always;       /* routing.hours=always */
    int        fill_through;       /* fill.mode=through */
    uint32_t   participation_ppm;  /* fill.participation in parts per million, 1..1000000 */
    int64_t    touch_qty;          /* fill.touch_quantity, 0 = unlimited */
} SimOptions;

/* Copies the current options (taking a replay reference) for a new session; *md_version: the version of
   out->md. */
void sim_options_snapshot(SimOptions *out, uint64_t *md_version);
/* Wakes the current session's ConnectorThread (if any) so it looks at the options again; sim_api.c. */
void sim_api_wake(void);
/* Releases what a snapshot holds. */
void sim_options_release(SimOptions *o);
void sim_set_last_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* ------------------------------------------------------------------ session (sim_connector.c) */

enum { CMD_SUB_TICKER, CMD_UNSUB_TICKER, CMD_SUB_DEPTH, CMD_UNSUB_DEPTH, CMD_INVALID_TICKER,
       CMD_HISTORY, CMD_START_REPLAY, CMD_ADVANCE_REPLAY };

/* Completion of a synchronous command (SimAdvanceReplay): the caller waits on the session's qcond. */
typedef struct SimDone { bool done; } SimDone;

typedef struct SimCmd {
    struct SimCmd *next;
    int            type;
    uint32_t       inst;
    int64_t        start_ns, end_ns;        /* CMD_HISTORY */
    char16_t      *ticker, *exchange;       /* CMD_INVALID_TICKER: owned copies */
    SimDone       *done;                    /* CMD_ADVANCE_REPLAY: set when the tape reached end_ns */
} SimCmd;

typedef struct SimHistReq {
    struct SimHistReq *next;
    uint32_t inst;
    size_t   lo, hi, pos;                   /* range [lo, hi) of SimInstrument.hist */
    int      last_pct;                      /* -1 before progress 0 was reported */
} SimHistReq;

/* Per-instrument runtime state. Owned by the connector thread; the fields accessors may read from
   other threads are atomics (relaxed: a reader sees each value whole, nothing more is promised). */
typedef struct SimInstState {
    _Atomic uint64_t bid_bits, ask_bits;     /* SIM_EMPTY_BITS = side empty */
    _Atomic uint8_t  depth_sub;
    uint8_t          ticker_sub;
    uint8_t          last_type;              /* last 'T' trade type seen on the tape, 0 = none */
    uint8_t          route_active;           /* routing: resting orders are fed by this instrument */
    double           last_price;             /* last 'T' price, valid when last_type != 0 */
} SimInstState;

#define SIM_EMPTY_BITS UINT64_C(0xFFFFFFFFFFFFFFFF)

typedef struct SimSession {
    SimOptions   opt;
    const SimReplay *replay;                 /* opt.replay, or an empty replay */
    bool         full_login;                 /* DLLInitializeLogin vs DLLInitializeMarketLogin */
    bool         activation_empty;

    /* legacy callbacks given at init */
    TNewTradeCallback     new_trade_cb;
    THistoryTradeCallback history_trade_cb;
    TProgressCallback     progress_cb;
    TTinyBookCallback     tiny_book_cb;
    TAccountCallback      account_cb;        /* full login only */

    pthread_t    thread, watchdog;
    bool         thread_started, watchdog_started;

    /* control queue: API threads -> connector thread */
    pthread_mutex_t qlock;
    pthread_cond_t  qcond;                   /* CLOCK_MONOTONIC */
    SimCmd         *qhead, *qtail;
    atomic_int      pending;                 /* nonzero when qhead != NULL: polled lock-free by the tape walk */
    atomic_int      stop;

    /* watchdog <-> connector */
    pthread_mutex_t wlock;
    pthread_cond_t  wcond;
    _Atomic uint64_t cb_seq;                 /* nonzero while a callback runs: its sequence number */
    atomic_int       stall_flag;             /* set by the watchdog, consumed by the connector */
    uint64_t         seq_local;
    bool             partial;                /* (2, MARKET_PARTIAL_CONNECTED) reported, not yet recovered */
    _Atomic int64_t  stall_threshold_ns;     /* opt.md.stall_threshold_ms, for the watchdog (live) */

    /* live market-data faults: the version of opt.md, and a stall armed by fault.stall_ms */
    uint64_t         md_version;
    bool             stall_armed;

    /* server clock, readable from any thread */
    _Atomic int64_t  clock_ts;
    atomic_int       pace_active;
    _Atomic int64_t  pace_origin_ts, pace_origin_wall;

    /* everything below is owned by the connector thread */
    SimInstState *ist;
    size_t        pos;                       /* next tape event */
    bool          tape_started, md_up, md_enabled;
    int64_t       trades_since_connect, connect_wall, reconnect_at;
    int64_t       disconnects_done;
    SimHistReq   *hist_head, *hist_tail;
    int64_t       run_until;                 /* SimAdvanceReplay: max mode stops after events with ts <= this */
    SimDone      *advance_done;              /* waiting SimAdvanceReplay caller, or NULL */

    /* routing (full login only; sim_routing.h) */
    struct SimRoute *route;
    int64_t       route_timer;               /* tape ts of the next routing timer, INT64_MAX = none */
} SimSession;

extern _Thread_local SimSession *sim_tl_session;   /* set on the connector thread only */
extern atomic_int sim_utc_offset_min;              /* of the current (or last) session */

SimSession *sim_session_create(void);              /* snapshot of options, no thread yet */
int         sim_session_start(SimSession *s);      /* 0 ok */
void        sim_session_stop_and_free(SimSession *s);
void        sim_session_post(SimSession *s, SimCmd *c);
int64_t     sim_session_clock(SimSession *s);      /* tape time, UTC ns */

/* ------------------------------------------------------------------ callbacks set by Set*Callback */

typedef struct SimCallbacks {
    _Atomic(TStateCallback)               state;
    _Atomic(TSystemHealthCallback)        health;
    _Atomic(TConnectorTradeCallback)      trade;
    _Atomic(TConnectorTradeCallback)      history_trade;
    _Atomic(TProgressCallback)            progress;
    _Atomic(TConnectorPriceDepthCallback) price_depth;
    _Atomic(TInvalidTickerCallback)       invalid_ticker;
    _Atomic(TChangeStateTicker)           change_state;
    _Atomic(TConnectorOrderCallback)      order;
    _Atomic(TConnectorAccountCallback)    order_history;
    _Atomic(TConnectorTradingMessageResultCallback) trading_msg;
    _Atomic(TConnectorAssetPositionListCallback)    asset_position_list;
    _Atomic(TConnectorBrokerAccountListCallback)    broker_account_list;
    _Atomic(TConnectorBrokerSubAccountListCallback) broker_sub_account_list;
} SimCallbacks;
extern SimCallbacks sim_cb;

/* Callback bracketing of the ConnectorThread (stall watchdog), for sim_broker.c. */
void sim_cb_enter(SimSession *s);
void sim_cb_exit(SimSession *s, bool is_state);
void sim_fire_state(SimSession *s, int32_t type, int32_t value);

/* ------------------------------------------------------------------ util (sim_util.c) */

int64_t sim_mono_ns(void);
int64_t sim_wall_ns(void);
size_t  sim_u16len(const char16_t *s);
bool    sim_u16eq_ascii(const char16_t *s, const char *a);
char16_t *sim_u16dup(const char16_t *s);
/* Civil fields of an epoch-nanosecond instant shifted by offset minutes. */
void    sim_to_systemtime(int64_t utc_ns, int32_t offset_min, TSystemTime *out);
/* "dd/MM/yyyy HH:mm:ss.zzz" in local time into out[24]. */
void    sim_format_date(int64_t utc_ns, int32_t offset_min, char16_t out[24]);
/* Parses "DD/MM/YYYY HH:mm:SS" (local) to UTC ns; false on bad text. */
bool    sim_parse_date(const char16_t *s, int32_t offset_min, int64_t *utc_ns);
int64_t sim_days_from_civil(int64_t y, unsigned m, unsigned d);

#endif
