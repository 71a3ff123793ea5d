/* sim_options.c — the simulator's option set (SimSetOption / SimResetOptions / SimLastError).
   Options are process-wide and read once per session: DLLInitialize* takes a snapshot, so changing an
   option while a session runs affects only the next session — except the fault options, which are live:
   the routing ones (fault.routing.*) and the market-data ones (fault.disconnect_*, fault.reconnect_after_ms,
   fault.lost_trades, fault.stall_ms, fault.history_never_completes, stall.threshold_ms) are versioned, and
   the ConnectorThread copies them when the version changes. The loaded replay is reference-counted so a
   session keeps its tape even if replay.files is changed or reset meanwhile. */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sim_routing.h"

static pthread_mutex_t g_opt_lock = PTHREAD_MUTEX_INITIALIZER;
static SimOptions g_opt;
static bool g_opt_init;
static pthread_mutex_t g_err_lock = PTHREAD_MUTEX_INITIALIZER;
static char g_last_error[1024];

/* Routing and market-data faults are live: the ConnectorThread copies them when the version changes. */
_Atomic uint64_t sim_md_faults_version = 1;
static SimRouteFaults g_rfault;
_Atomic uint64_t sim_route_faults_version = 1;

/* set by sim_api.c: SimResetOptions refuses while a session exists */
extern bool sim_api_initialized(void);

static void defaults(SimOptions *o) {
    *o = (SimOptions){
        .speed = 0, .start_mode = SIM_START_ON_FIRST_SUBSCRIBE, .login_step_ms = 5, .login_result = 0,
        .utc_offset_min = -180,
        .md = {.reconnect_after_ms = 500, .disc_count = 1, .stall_threshold_ms = 2000,
               .stall_generation = o->md.stall_generation},
        .participation_ppm = 1000000,
    };
}

static void fault_defaults(SimRouteFaults *f) {
    uint64_t gen = f->disconnect_generation;
    *f = (SimRouteFaults){.reconnect_after_ms = 500, .seed = 1, .disconnect_generation = gen + 1};
    strcpy(f->reject_tickers, ",");
    strcpy(f->reject_accounts, ",");
}

void sim_route_faults_read(SimRouteFaults *out, uint64_t *version) {
    pthread_mutex_lock(&g_opt_lock);
    if (!g_rfault.reject_tickers[0]) fault_defaults(&g_rfault);
    *out = g_rfault;
    *version = atomic_load(&sim_route_faults_version);
    pthread_mutex_unlock(&g_opt_lock);
}

static void ensure_init(void) {
    if (!g_opt_init) { defaults(&g_opt); g_opt_init = true; }
}

void sim_md_faults_read(SimMdFaults *out, uint64_t *version) {
    pthread_mutex_lock(&g_opt_lock);
    ensure_init();
    *out = g_opt.md;
    *version = atomic_load(&sim_md_faults_version);
    pthread_mutex_unlock(&g_opt_lock);
}

void sim_set_last_error(const char *fmt, ...) {
    char buf[sizeof g_last_error];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    pthread_mutex_lock(&g_err_lock);
    memcpy(g_last_error, buf, sizeof buf);
    pthread_mutex_unlock(&g_err_lock);
}

PDLL_EXPORT const char *SimLastError(void) { return g_last_error; }

static void replay_unref_locked(SimReplay *r) {
    if (r && --r->refs == 0) sim_replay_free(r);
}

static void roster_unref_locked(SimRoster *r) {
    if (r && --r->refs == 0) sim_roster_free(r);
}

static void master_unref_locked(SimMaster *m) {
    if (m && --m->refs == 0) sim_master_free(m);
}

static void release_files_locked(SimOptions *o) {
    replay_unref_locked(o->replay);
    roster_unref_locked(o->roster);
    master_unref_locked(o->master);
    free(o->replay_files);
    free(o->journal);
    o->replay = NULL;
    o->roster = NULL;
    o->master = NULL;
    o->replay_files = o->journal = NULL;
}

void sim_options_snapshot(SimOptions *out, uint64_t *md_version) {
    pthread_mutex_lock(&g_opt_lock);
    ensure_init();
    *out = g_opt;
    *md_version = atomic_load(&sim_md_faults_version);
    out->replay_files = NULL;            /* the snapshot does not need the text */
    out->journal = g_opt.journal ? strdup(g_opt.journal) : NULL;
    if (out->replay) out->replay->refs++;
    if (out->roster) out->roster->refs++;
    if (out->master) out->master->refs++;
    pthread_mutex_unlock(&g_opt_lock);
}

void sim_options_release(SimOptions *o) {
    pthread_mutex_lock(&g_opt_lock);
    release_files_locked(o);
    pthread_mutex_unlock(&g_opt_lock);
}

/* The roster of the current options with a reference taken (the broker keeps it across sessions). */
void sim_roster_ref(SimRoster *r) {
    pthread_mutex_lock(&g_opt_lock);
    if (r) r->refs++;
    pthread_mutex_unlock(&g_opt_lock);
}

void sim_roster_unref(SimRoster *r) {
    pthread_mutex_lock(&g_opt_lock);
    roster_unref_locked(r);
    pthread_mutex_unlock(&g_opt_lock);
}

/* Whole-string integer in [lo, hi]. */
static bool parse_int(const char *v, int64_t lo, int64_t hi, int64_t *out) {
    char *end;
    errno = 0;
    long long x = strtoll(v, &end, 10);
    if (!*v || *end || errno || x < lo || x > hi) return false;
    *out = x;
    return true;
}

static NResult bad(const char *key, const char *value, const char *why) {
    sim_set_last_error("%s: %s: value \"%s\"", key, why, value);
    return NL_INVALID_ARGS;
}

/* Decimal share 0..1 (at most 6 decimals) in parts per million. */
static bool parse_ppm(const char *v, uint32_t lo, uint32_t *out) {
    int64_t e8;
    if (!sim_parse_e8(v, strlen(v), &e8) || e8 % 100 || e8 / 100 < lo || e8 > SIM_E8) return false;
    *out = (uint32_t)(e8 / 100);
    return true;
}

/* ",A,B," from "A,B" (names [A-Z0-9_./-], at most 500 bytes). */
static bool parse_list(const char *v, char *out, size_t cap) {
    size_t n = strlen(v);
    if (n + 3 > cap) return false;
    out[0] = ',';
    size_t o = 1;
    for (size_t i = 0; i < n; i++) {
        char c = v[i];
        if (c == ' ') continue;
        if (!(c == ',' || c == '_' || c == '.' || c == '-' || c == '/' || (c >= '0' && c <= '9') ||
              (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')))
            return false;
        if (c == ',' && out[o - 1] == ',') continue;
        out[o++] = c;
    }
    if (out[o - 1] != ',') out[o++] = ',';
    out[o] = 0;
    return true;
}

/* fault.routing.* (live). Called with g_opt_lock held. */
static NResult set_route_fault(const char *key, const char *value) {
    SimRouteFaults f = g_rfault;
    if (!f.reject_tickers[0]) fault_defaults(&f);
    int64_t x;
    if (!strcmp(key, "fault.routing.reject_share")) {
        if (!parse_ppm(value, 0, &f.reject_ppm)) return bad(key, value, "must be a decimal 0..1 (at most 6 decimals)");
    } else if (!strcmp(key, "fault.routing.reject_tickers")) {
        if (!parse_list(value, f.reject_tickers, sizeof f.reject_tickers))
            return bad(key, value, "must be a comma-separated list of tickers (at most 500 characters)");
    } else if (!strcmp(key, "fault.routing.reject_accounts")) {
        if (!parse_list(value, f.reject_accounts, sizeof f.reject_accounts))
            return bad(key, value, "must be a comma-separated list of ACCOUNT or ACCOUNT/SUB (at most 500 characters)");
    } else if (!strcmp(key, "fault.routing.callback_delay_ms")) {
        if (!parse_int(value, 0, 3600000, &x)) return bad(key, value, "must be an integer 0..3600000");
        f.delay_ms = x;
    } else if (!strcmp(key, "fault.routing.duplicate_share")) {
        if (!parse_ppm(value, 0, &f.duplicate_ppm)) return bad(key, value, "must be a decimal 0..1 (at most 6 decimals)");
    } else if (!strcmp(key, "fault.routing.lose_share")) {
        if (!parse_ppm(value, 0, &f.lose_ppm)) return bad(key, value, "must be a decimal 0..1 (at most 6 decimals)");
    } else if (!strcmp(key, "fault.routing.disconnect_after_orders")) {
        if (!parse_int(value, 0, INT64_MAX, &x)) return bad(key, value, "must be an integer >= 0");
        f.disconnect_after_orders = x;
        f.disconnect_generation++;
    } else if (!strcmp(key, "fault.routing.reconnect_after_ms")) {
        if (!parse_int(value, 0, 3600000, &x)) return bad(key, value, "must be an integer 0..3600000");
        f.reconnect_after_ms = x;
    } else if (!strcmp(key, "fault.routing.seed")) {
        if (!parse_int(value, 0, INT64_MAX, &x)) return bad(key, value, "must be an integer >= 0");
        f.seed = (uint64_t)x;
    } else {
        sim_set_last_error("unknown option: %s=%s", key, value);
        return NL_INVALID_ARGS;
    }
    g_rfault = f;
    atomic_fetch_add(&sim_route_faults_version, 1);
    return NL_OK;
}

/* Parses one scalar option into *n. Called with g_opt_lock held so concurrent setters do not lose
   each other's updates. */
static NResult set_scalar(SimOptions *n, const char *key, const char *value) {
    int64_t x;
    if (!strcmp(key, "replay.speed")) {
        if (!strcmp(value, "max")) n->speed = 0;
        else if (!strcmp(value, "realtime")) n->speed = 1;
        else {
            char *end = NULL;
            size_t len = strlen(value);
            double s = len >= 2 && value[len - 1] == 'x' ? strtod(value, &end) : NAN;
            if (!(s > 0 && s < 1e9) || end != value + len - 1)
                return bad(key, value, "must be max, realtime or <N>x");
            n->speed = s;
        }
    } else if (!strcmp(key, "replay.start")) {
        if (!strcmp(value, "on_first_subscribe")) n->start_mode = SIM_START_ON_FIRST_SUBSCRIBE;
        else if (!strcmp(value, "on_connect")) n->start_mode = SIM_START_ON_CONNECT;
        else if (!strcmp(value, "manual")) n->start_mode = SIM_START_MANUAL;
        else return bad(key, value, "must be on_first_subscribe, on_connect or manual");
    } else if (!strcmp(key, "login.step_ms")) {
        if (!parse_int(value, 0, 3600000, &x)) return bad(key, value, "must be an integer 0..3600000");
        n->login_step_ms = x;
    } else if (!strcmp(key, "login.result")) {
        if (!parse_int(value, INT32_MIN, INT32_MAX, &x)) return bad(key, value, "must be an int32");
        n->login_result = (int32_t)x;
    } else if (!strcmp(key, "clock.utc_offset_minutes")) {
        if (!parse_int(value, -1440, 1440, &x)) return bad(key, value, "must be an integer -1440..1440");
        n->utc_offset_min = (int32_t)x;
    } else if (!strcmp(key, "fault.disconnect_after_trades")) {
        if (!parse_int(value, 0, INT64_MAX, &x)) return bad(key, value, "must be an integer >= 0");
        n->md.disc_after_trades = x;
    } else if (!strcmp(key, "fault.disconnect_after_ms")) {
        if (!parse_int(value, 0, INT64_MAX / SIM_NS_PER_MS, &x)) return bad(key, value, "must be an integer >= 0");
        n->md.disc_after_ms = x;
    } else if (!strcmp(key, "fault.reconnect_after_ms")) {
        if (!parse_int(value, 0, INT64_MAX / SIM_NS_PER_MS, &x)) return bad(key, value, "must be an integer >= 0");
        n->md.reconnect_after_ms = x;
    } else if (!strcmp(key, "fault.disconnect_count")) {
        if (!parse_int(value, 0, INT64_MAX, &x)) return bad(key, value, "must be an integer >= 0");
        n->md.disc_count = x;
    } else if (!strcmp(key, "fault.lost_trades")) {
        if (!parse_int(value, 0, INT64_MAX, &x)) return bad(key, value, "must be an integer >= 0");
        n->md.lost_trades = x;
    } else if (!strcmp(key, "stall.threshold_ms")) {
        if (!parse_int(value, 1, INT64_MAX / SIM_NS_PER_MS, &x)) return bad(key, value, "must be an integer >= 1");
        n->md.stall_threshold_ms = x;
    } else if (!strcmp(key, "fault.stall_ms")) {
        if (!parse_int(value, 0, 3600000, &x)) return bad(key, value, "must be an integer 0..3600000");
        n->md.stall_ms = x;
        n->md.stall_generation++;
    } else if (!strcmp(key, "fault.history_never_completes")) {
        if (!parse_int(value, 0, 1, &x)) return bad(key, value, "must be 0 or 1");
        n->md.history_never_completes = (int)x;
    } else if (!strcmp(key, "routing.hours")) {
        if (!strcmp(value, "b3")) n->hours_always = 0;
        else if (!strcmp(value, "always")) n->hours_always = 1;
        else return bad(key, value, "must be b3 or always");
    } else if (!strcmp(key, "fill.mode")) {
        if (!strcmp(value, "touch")) n->fill_through = 0;
        else if (!strcmp(value, "through")) n->fill_through = 1;
        else return bad(key, value, "must be touch or through");
    } else if (!strcmp(key, "fill.participation")) {
        if (!parse_ppm(value, 1, &n->participation_ppm))
            return bad(key, value, "must be a decimal 0 < p <= 1 (at most 6 decimals)");
    } else if (!strcmp(key, "fill.touch_quantity")) {
        if (!strcmp(value, "unlimited")) n->touch_qty = 0;
        else if (!parse_int(value, 1, INT64_MAX, &x)) return bad(key, value, "must be unlimited or an integer > 0");
        else n->touch_qty = x;
    } else if (!strncmp(key, "fault.routing.", 14)) {
        return set_route_fault(key, value);
    } else {
        sim_set_last_error("unknown option: %s=%s", key, value);
        return NL_INVALID_ARGS;
    }
    return NL_OK;
}

PDLL_EXPORT NResult SimSetOption(const char *key, const char *value) {
    if (!key || !value) {
        sim_set_last_error("SimSetOption: NULL key or value");
        return NL_INVALID_ARGS;
    }
    if (!strcmp(key, "replay.files")) {
        SimReplay *r = NULL;
        if (*value) {
            char err[sizeof g_last_error];
            r = sim_replay_load(value, err, sizeof err);   /* the slow part, outside the lock */
            if (!r) { sim_set_last_error("%s", err); return NL_INVALID_ARGS; }
            r->refs = 1;
        }
        char *copy = strdup(value);
        pthread_mutex_lock(&g_opt_lock);
        ensure_init();
        replay_unref_locked(g_opt.replay);
        free(g_opt.replay_files);
        g_opt.replay = r;
        g_opt.replay_files = copy;
        pthread_mutex_unlock(&g_opt_lock);
        return NL_OK;
    }
    if (!strcmp(key, "routing.roster") || !strcmp(key, "routing.instruments")) {
        bool roster = key[8] == 'r';
        void *obj = NULL;
        if (*value) {
            char err[sizeof g_last_error];
            if (roster) {
                SimRoster *r = sim_roster_load(value, err, sizeof err);
                if (r) r->refs = 1;
                obj = r;
            } else {
                SimMaster *m = sim_master_load(value, err, sizeof err);
                if (m) m->refs = 1;
                obj = m;
            }
            if (!obj) { sim_set_last_error("%s: %s", key, err); return NL_INVALID_ARGS; }
        }
        pthread_mutex_lock(&g_opt_lock);
        ensure_init();
        if (roster) { roster_unref_locked(g_opt.roster); g_opt.roster = obj; }
        else { master_unref_locked(g_opt.master); g_opt.master = obj; }
        pthread_mutex_unlock(&g_opt_lock);
        return NL_OK;
    }
    if (!strcmp(key, "routing.journal")) {
        char *copy = *value ? strdup(value) : NULL;
        pthread_mutex_lock(&g_opt_lock);
        ensure_init();
        free(g_opt.journal);
        g_opt.journal = copy;
        pthread_mutex_unlock(&g_opt_lock);
        return NL_OK;
    }
    pthread_mutex_lock(&g_opt_lock);
    ensure_init();
    SimOptions n = g_opt;
    NResult rc = set_scalar(&n, key, value);
    /* a market-data fault option (fault.routing.* have their own version) */
    bool live = rc == NL_OK && ((!strncmp(key, "fault.", 6) && strncmp(key, "fault.routing.", 14)) ||
                                !strncmp(key, "stall.", 6));
    if (rc == NL_OK) g_opt = n;
    if (live) atomic_fetch_add(&sim_md_faults_version, 1);
    pthread_mutex_unlock(&g_opt_lock);
    if (live) sim_api_wake();   /* a waiting ConnectorThread re-arms its fault timers now */
    return rc;
}

PDLL_EXPORT NResult SimResetOptions(void) {
    if (sim_api_initialized()) {
        sim_set_last_error("SimResetOptions: not allowed while initialized (call DLLFinalize first)");
        return NL_INTERNAL_ERROR;
    }
    pthread_mutex_lock(&g_opt_lock);
    ensure_init();
    release_files_locked(&g_opt);
    defaults(&g_opt);
    fault_defaults(&g_rfault);
    atomic_fetch_add(&sim_route_faults_version, 1);
    atomic_fetch_add(&sim_md_faults_version, 1);
    pthread_mutex_unlock(&g_opt_lock);
    sim_broker_discard();   /* a reset is a new process as far as the broker's day is concerned */
    return NL_OK;
}

/* Frees the option set at unload so valgrind sees no leak from a test that forgot SimResetOptions. */
__attribute__((destructor)) static void sim_options_fini(void) {
    pthread_mutex_lock(&g_opt_lock);
    if (g_opt_init) {
        release_files_locked(&g_opt);
        defaults(&g_opt);
    }
    pthread_mutex_unlock(&g_opt_lock);
    sim_broker_discard();
}
