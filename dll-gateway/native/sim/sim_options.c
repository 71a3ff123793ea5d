/* sim_options.c — the simulator's option set (SimSetOption / SimResetOptions / SimLastError).
   Options are process-wide and read once per session: DLLInitialize* takes a snapshot, so changing an
   option while a session runs affects only the next session. The loaded replay is reference-counted so
   a session keeps its tape even if replay.files is changed or reset meanwhile. */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sim_internal.h"

static pthread_mutex_t g_opt_lock = PTHREAD_MUTEX_INITIALIZER;
static SimOptions g_opt;
static bool g_opt_init;
static pthread_mutex_t g_err_lock = PTHREAD_MUTEX_INITIALIZER;
static char g_last_error[1024];

/* set by sim_api.c: SimResetOptions refuses while a session exists */
extern bool sim_api_initialized(void);

static void defaults(SimOptions *o) {
    *o = (SimOptions){
        .speed = 0, .start_mode = SIM_START_ON_FIRST_SUBSCRIBE, .login_step_ms = 5, .login_result = 0,
        .utc_offset_min = -180, .reconnect_after_ms = 500, .disc_count = 1, .stall_threshold_ms = 2000,
    };
}

static void ensure_init(void) {
    if (!g_opt_init) { defaults(&g_opt); g_opt_init = true; }
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

void sim_options_snapshot(SimOptions *out) {
    pthread_mutex_lock(&g_opt_lock);
    ensure_init();
    *out = g_opt;
    out->replay_files = NULL;            /* the snapshot does not need the text */
    if (out->replay) out->replay->refs++;
    pthread_mutex_unlock(&g_opt_lock);
}

void sim_options_release(SimOptions *o) {
    pthread_mutex_lock(&g_opt_lock);
    replay_unref_locked(o->replay);
    o->replay = NULL;
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
        n->disc_after_trades = x;
    } else if (!strcmp(key, "fault.disconnect_after_ms")) {
        if (!parse_int(value, 0, INT64_MAX / SIM_NS_PER_MS, &x)) return bad(key, value, "must be an integer >= 0");
        n->disc_after_ms = x;
    } else if (!strcmp(key, "fault.reconnect_after_ms")) {
        if (!parse_int(value, 0, INT64_MAX / SIM_NS_PER_MS, &x)) return bad(key, value, "must be an integer >= 0");
        n->reconnect_after_ms = x;
    } else if (!strcmp(key, "fault.disconnect_count")) {
        if (!parse_int(value, 0, INT64_MAX, &x)) return bad(key, value, "must be an integer >= 0");
        n->disc_count = x;
    } else if (!strcmp(key, "fault.lost_trades")) {
        if (!parse_int(value, 0, INT64_MAX, &x)) return bad(key, value, "must be an integer >= 0");
        n->lost_trades = x;
    } else if (!strcmp(key, "stall.threshold_ms")) {
        if (!parse_int(value, 1, INT64_MAX / SIM_NS_PER_MS, &x)) return bad(key, value, "must be an integer >= 1");
        n->stall_threshold_ms = x;
    } else if (!strcmp(key, "fault.history_never_completes")) {
        if (!parse_int(value, 0, 1, &x)) return bad(key, value, "must be 0 or 1");
        n->history_never_completes = (int)x;
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
    pthread_mutex_lock(&g_opt_lock);
    ensure_init();
    SimOptions n = g_opt;
    NResult rc = set_scalar(&n, key, value);
    if (rc == NL_OK) g_opt = n;
    pthread_mutex_unlock(&g_opt_lock);
    return rc;
}

PDLL_EXPORT NResult SimResetOptions(void) {
    if (sim_api_initialized()) {
        sim_set_last_error("SimResetOptions: not allowed while initialized (call DLLFinalize first)");
        return NL_INTERNAL_ERROR;
    }
    pthread_mutex_lock(&g_opt_lock);
    ensure_init();
    replay_unref_locked(g_opt.replay);
    free(g_opt.replay_files);
    defaults(&g_opt);
    pthread_mutex_unlock(&g_opt_lock);
    return NL_OK;
}

/* Frees the option set at unload so valgrind sees no leak from a test that forgot SimResetOptions. */
__attribute__((destructor)) static void sim_options_fini(void) {
    pthread_mutex_lock(&g_opt_lock);
    if (g_opt_init) {
        replay_unref_locked(g_opt.replay);
        free(g_opt.replay_files);
        defaults(&g_opt);
    }
    pthread_mutex_unlock(&g_opt_lock);
}
