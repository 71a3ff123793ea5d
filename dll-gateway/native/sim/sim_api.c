/* sim_api.c — the exported ProfitDLL functions of the simulator (routing: sim_routing_api.c).
 *
 * Locking: g_life serializes DLLInitialize* and DLLFinalize (a finalize joins the ConnectorThread while
 * holding it, so those two refuse to run ON the ConnectorThread). g_lock is a read-write lock over the
 * g_session pointer: every API call holds it for reading for its duration (so the session cannot be freed
 * under it, and calls from many threads do not serialize), DLLInitialize* and DLLFinalize take it for writing
 * only to publish or withdraw the pointer. It is never held by the ConnectorThread, so a callback may call
 * any API function; calls made ON the ConnectorThread use its own session directly (sim_tl_session).
 * A synchronous enumeration calls back with the read lock held; a reentrant call from that callback takes
 * it again for reading (glibc's default rwlock prefers readers, so this cannot deadlock), and DLLFinalize
 * or DLLInitialize* from there is refused (tl_depth) instead of deadlocking.
 */
#define _GNU_SOURCE
#include <stdlib.h>
#include <string.h>

#include "sim_routing.h"

static pthread_mutex_t g_life = PTHREAD_MUTEX_INITIALIZER;
static pthread_rwlock_t g_lock = PTHREAD_RWLOCK_INITIALIZER;
static SimSession *g_session;
static _Thread_local int tl_depth;   /* API calls in progress on this thread */

bool sim_api_initialized(void) {
    pthread_rwlock_rdlock(&g_lock);
    bool r = g_session != NULL;
    pthread_rwlock_unlock(&g_lock);
    return r;
}

/* The session an API call works on, or NULL. Must be paired with sim_api_leave(locked). */
SimSession *sim_api_enter(bool *locked) {
    if (sim_tl_session) { *locked = false; return sim_tl_session; }
    pthread_rwlock_rdlock(&g_lock);
    tl_depth++;
    *locked = true;
    return g_session;
}

void sim_api_leave(bool locked) {
    if (locked) { tl_depth--; pthread_rwlock_unlock(&g_lock); }
}

#define api_enter sim_api_enter
#define api_leave sim_api_leave

static void publish(SimSession *s) {
    pthread_rwlock_wrlock(&g_lock);
    g_session = s;
    pthread_rwlock_unlock(&g_lock);
}

static bool empty16(const char16_t *s) { return !s || !*s; }

/* A live option changed: make the ConnectorThread run a turn (an empty command batch) so it sees it. */
void sim_api_wake(void) {
    bool locked;
    SimSession *s = api_enter(&locked);
    if (s) {
        pthread_mutex_lock(&s->qlock);
        atomic_store(&s->pending, 1);
        pthread_cond_broadcast(&s->qcond);
        pthread_mutex_unlock(&s->qlock);
    }
    api_leave(locked);
}

/* ---------------------------------------------------------------- §5.1 lifecycle */

static NResult init_common(const char16_t *key, const char16_t *user, const char16_t *pass, bool full,
                           TStateCallback state, TNewTradeCallback new_trade, THistoryTradeCallback hist_trade,
                           TProgressCallback progress, TTinyBookCallback tiny, TAccountCallback account) {
    if (sim_tl_session || tl_depth) return NL_INTERNAL_ERROR;   /* from a callback: would deadlock a later finalize */
    if (!key || !user || !pass) {
        sim_set_last_error("DLLInitialize: NULL activation key, user or password");
        return NL_INVALID_ARGS;
    }
    pthread_mutex_lock(&g_life);
    if (sim_api_initialized()) {
        pthread_mutex_unlock(&g_life);
        sim_set_last_error("DLLInitialize: already initialized (call DLLFinalize first)");
        return NL_DUPLICATE_RESOURCE;
    }
    SimSession *s = sim_session_create();
    if (!s) {
        pthread_mutex_unlock(&g_life);
        sim_set_last_error("DLLInitialize: out of memory");
        return NL_INTERNAL_ERROR;
    }
    s->full_login = full;
    s->activation_empty = !*key;
    s->new_trade_cb = new_trade;
    s->history_trade_cb = hist_trade;
    s->progress_cb = progress;
    s->tiny_book_cb = tiny;
    s->account_cb = account;
    if (full) {
        char err[1024];
        if (sim_route_create(s, err, sizeof err)) {   /* the broker: roster, instruments, journal */
            sim_session_stop_and_free(s);
            pthread_mutex_unlock(&g_life);
            sim_set_last_error("DLLInitializeLogin: %s", err);
            return NL_INTERNAL_ERROR;
        }
    }
    if (state) atomic_store(&sim_cb.state, state);
    atomic_store(&sim_utc_offset_min, s->opt.utc_offset_min);
    publish(s);   /* published before the thread starts, so calls right after we return work */
    if (sim_session_start(s)) {
        publish(NULL);
        sim_session_stop_and_free(s);
        pthread_mutex_unlock(&g_life);
        sim_set_last_error("DLLInitialize: cannot start the ConnectorThread");
        return NL_INTERNAL_ERROR;
    }
    pthread_mutex_unlock(&g_life);
    return NL_OK;
}

PDLL_EXPORT NResult PDLL_STDCALL DLLInitializeLogin(
    const PDLL_WCHAR *pwcActivationKey, const PDLL_WCHAR *pwcUser, const PDLL_WCHAR *pwcPassword,
    TStateCallback StateCallback, THistoryCallback HistoryCallback,
    TOrderChangeCallback OrderChangeCallback, TAccountCallback AccountCallback,
    TNewTradeCallback NewTradeCallback, TNewDailyCallback NewDailyCallback,
    TPriceBookCallback PriceBookCallback, TOfferBookCallback OfferBookCallback,
    THistoryTradeCallback HistoryTradeCallback, TProgressCallback ProgressCallback,
    TTinyBookCallback TinyBookCallback) {
    /* the legacy order callbacks, daily and price/offer-book callbacks are accepted and never called */
    (void)HistoryCallback; (void)OrderChangeCallback; (void)NewDailyCallback;
    (void)PriceBookCallback; (void)OfferBookCallback;
    return init_common(pwcActivationKey, pwcUser, pwcPassword, true, StateCallback, NewTradeCallback,
                       HistoryTradeCallback, ProgressCallback, TinyBookCallback, AccountCallback);
}

PDLL_EXPORT NResult PDLL_STDCALL DLLInitializeMarketLogin(
    const PDLL_WCHAR *pwcActivationKey, const PDLL_WCHAR *pwcUser, const PDLL_WCHAR *pwcPassword,
    TStateCallback StateCallback, TNewTradeCallback NewTradeCallback,
    TNewDailyCallback NewDailyCallback, TPriceBookCallback PriceBookCallback,
    TOfferBookCallback OfferBookCallback, THistoryTradeCallback HistoryTradeCallback,
    TProgressCallback ProgressCallback, TTinyBookCallback TinyBookCallback) {
    (void)NewDailyCallback; (void)PriceBookCallback; (void)OfferBookCallback;
    return init_common(pwcActivationKey, pwcUser, pwcPassword, false, StateCallback, NewTradeCallback,
                       HistoryTradeCallback, ProgressCallback, TinyBookCallback, NULL);
}

PDLL_EXPORT NResult PDLL_STDCALL DLLFinalize(void) {
    if (sim_tl_session || tl_depth) return NL_INTERNAL_ERROR;   /* joining our own thread would deadlock */
    pthread_mutex_lock(&g_life);
    pthread_rwlock_wrlock(&g_lock);
    SimSession *s = g_session;
    g_session = NULL;                               /* from now on API calls see "not initialized" */
    pthread_rwlock_unlock(&g_lock);
    if (!s) {
        pthread_mutex_unlock(&g_life);
        return NL_NOT_INITIALIZED;
    }
    sim_session_stop_and_free(s);                   /* joins: no callback runs after this returns */
    pthread_mutex_unlock(&g_life);
    return NL_OK;
}

PDLL_EXPORT NResult PDLL_STDCALL GetServerClock(double *dtDate, int32_t *nYear, int32_t *nMonth,
    int32_t *nDay, int32_t *nHour, int32_t *nMin, int32_t *nSec, int32_t *nMilisec) {
    bool locked;
    SimSession *s = api_enter(&locked);
    if (!s) { api_leave(locked); return NL_NOT_INITIALIZED; }
    int64_t utc = sim_session_clock(s);
    int32_t off = s->opt.utc_offset_min;
    api_leave(locked);
    int64_t local = utc + (int64_t)off * 60 * SIM_NS_PER_SEC;
    TSystemTime t;
    sim_to_systemtime(utc, off, &t);
    /* Delphi TDateTime: whole days since 1899-12-30 (= Unix day -25569) plus the fraction of the day */
    int64_t days = sim_days_from_civil(t.wYear, t.wMonth, t.wDay);
    int64_t in_day = local - days * SIM_NS_PER_DAY;
    if (dtDate) *dtDate = (double)(days + 25569) + (double)in_day / (double)SIM_NS_PER_DAY;
    if (nYear) *nYear = t.wYear;
    if (nMonth) *nMonth = t.wMonth;
    if (nDay) *nDay = t.wDay;
    if (nHour) *nHour = t.wHour;
    if (nMin) *nMin = t.wMinute;
    if (nSec) *nSec = t.wSecond;
    if (nMilisec) *nMilisec = t.wMilliseconds;
    return NL_OK;
}

PDLL_EXPORT NResult PDLL_STDCALL GetHealthStatus(int32_t *nState) {
    bool locked;
    SimSession *s = api_enter(&locked);
    api_leave(locked);
    if (!s) return NL_NOT_INITIALIZED;
    if (!nState) return NL_INVALID_ARGS;
    *nState = SHS_RESPONSIVE;   /* the simulator's own threads never freeze; stalls are reported as (2,6) */
    return NL_OK;
}

/* The simulator hands out no memory yet, so only NULL is a valid argument. */
PDLL_EXPORT NResult PDLL_STDCALL FreePointer(void *pPointer, int32_t nSize) {
    (void)nSize;
    return pPointer ? NL_INVALID_ARGS : NL_OK;
}

/* ---------------------------------------------------------------- §5.3 setters: all process-wide */

#define SETTER(name, type, field) \
    PDLL_EXPORT NResult PDLL_STDCALL name(type a_Callback) { atomic_store(&sim_cb.field, a_Callback); return NL_OK; }
SETTER(SetStateCallback, TStateCallback, state)
SETTER(SetHealthCallback, TSystemHealthCallback, health)
SETTER(SetTradeCallbackV2, TConnectorTradeCallback, trade)
SETTER(SetHistoryTradeCallbackV2, TConnectorTradeCallback, history_trade)
SETTER(SetSerieProgressCallback, TProgressCallback, progress)
SETTER(SetPriceDepthCallback, TConnectorPriceDepthCallback, price_depth)
SETTER(SetInvalidTickerCallback, TInvalidTickerCallback, invalid_ticker)
SETTER(SetChangeStateTickerCallback, TChangeStateTicker, change_state)
SETTER(SetOrderCallback, TConnectorOrderCallback, order)
SETTER(SetOrderHistoryCallback, TConnectorAccountCallback, order_history)
SETTER(SetTradingMessageResultCallback, TConnectorTradingMessageResultCallback, trading_msg)
SETTER(SetAssetPositionListCallback, TConnectorAssetPositionListCallback, asset_position_list)
SETTER(SetBrokerAccountListChangedCallback, TConnectorBrokerAccountListCallback, broker_account_list)
SETTER(SetBrokerSubAccountListChangedCallback, TConnectorBrokerSubAccountListCallback, broker_sub_account_list)
#undef SETTER

/* ---------------------------------------------------------------- §5.2 market data */

static NResult ticker_request(const char16_t *ticker, const char16_t *exchange, bool subscribe) {
    bool locked;
    SimSession *s = api_enter(&locked);
    NResult rc = NL_OK;
    if (!s) rc = NL_NOT_INITIALIZED;
    else if (empty16(ticker) || empty16(exchange)) rc = NL_INVALID_ARGS;
    else {
        int64_t k = sim_replay_find(s->replay, ticker, exchange);
        SimCmd *c = calloc(1, sizeof *c);
        if (!c) rc = NL_INTERNAL_ERROR;
        else if (k >= 0) {
            c->type = subscribe ? CMD_SUB_TICKER : CMD_UNSUB_TICKER;
            c->inst = (uint32_t)k;
            sim_session_post(s, c);
        } else if (subscribe) {
            /* the real DLL answers NL_OK and reports the unknown ticker asynchronously */
            c->type = CMD_INVALID_TICKER;
            c->ticker = sim_u16dup(ticker);
            c->exchange = sim_u16dup(exchange);
            if (c->ticker && c->exchange) sim_session_post(s, c);
            else { free(c->ticker); free(c->exchange); free(c); rc = NL_INTERNAL_ERROR; }
        } else {
            free(c);   /* unsubscribing something never subscribable: nothing to do */
        }
    }
    api_leave(locked);
    return rc;
}

PDLL_EXPORT NResult PDLL_STDCALL SubscribeTicker(const PDLL_WCHAR *pwcTicker, const PDLL_WCHAR *pwcBolsa) {
    return ticker_request(pwcTicker, pwcBolsa, true);
}

PDLL_EXPORT NResult PDLL_STDCALL UnsubscribeTicker(const PDLL_WCHAR *pwcTicker, const PDLL_WCHAR *pwcBolsa) {
    return ticker_request(pwcTicker, pwcBolsa, false);
}

static bool starts_with(const char16_t *s, const char *p) {
    for (; *p; p++, s++)
        if (*s != (char16_t)*p) return false;
    return true;
}

PDLL_EXPORT NResult PDLL_STDCALL GetHistoryTrades(const PDLL_WCHAR *pwcTicker, const PDLL_WCHAR *pwcBolsa,
    const PDLL_WCHAR *dtDateStart, const PDLL_WCHAR *dtDateEnd) {
    bool locked;
    SimSession *s = api_enter(&locked);
    NResult rc = NL_OK;
    int64_t start = 0, end = 0, k = -1;
    /* the order of these checks is part of the contract (see README) */
    if (!s) rc = NL_NOT_INITIALIZED;
    else if (empty16(pwcTicker) || empty16(pwcBolsa) || empty16(dtDateStart) || empty16(dtDateEnd))
        rc = NL_INVALID_ARGS;
    else if (!sim_parse_date(dtDateStart, s->opt.utc_offset_min, &start) ||
             !sim_parse_date(dtDateEnd, s->opt.utc_offset_min, &end))
        rc = NL_INVALID_ARGS;
    else if (start > end) rc = NL_OUT_OF_RANGE;
    else if (start < sim_session_clock(s) - 30 * SIM_NS_PER_DAY) rc = NL_HISTORY_PERIOD_LIMIT;
    else if ((starts_with(pwcTicker, "WIN") || starts_with(pwcTicker, "WDO")) && end - start >= 10 * SIM_NS_PER_DAY)
        rc = NL_INVALID_ARGS;
    else if ((k = sim_replay_find(s->replay, pwcTicker, pwcBolsa)) < 0) rc = NL_INVALID_TICKER;
    else {
        SimCmd *c = calloc(1, sizeof *c);
        if (!c) rc = NL_INTERNAL_ERROR;
        else {
            c->type = CMD_HISTORY;
            c->inst = (uint32_t)k;
            c->start_ns = start;
            c->end_ns = end;
            sim_session_post(s, c);
        }
    }
    api_leave(locked);
    return rc;
}

PDLL_EXPORT NResult PDLL_STDCALL TranslateTrade(const void *a_pTrade, TConnectorTrade *a_Trade) {
    if (!a_pTrade || !a_Trade) return NL_INVALID_ARGS;
    if (a_Trade->Version != 0) return NL_VERSION_NOT_SUPPORTED;
    const SimEvent *e = a_pTrade;   /* the opaque pointer is a tape event, valid during the callback */
    sim_to_systemtime(e->ts, atomic_load_explicit(&sim_utc_offset_min, memory_order_relaxed), &a_Trade->TradeDate);
    a_Trade->TradeNumber = e->trade_number;
    a_Trade->Price = e->price;
    a_Trade->Quantity = e->qty;
    a_Trade->Volume = e->price * (double)e->qty;
    a_Trade->BuyAgent = e->buy_agent;
    a_Trade->SellAgent = e->sell_agent;
    a_Trade->TradeType = e->trade_type;
    return NL_OK;
}

static NResult depth_request(const TConnectorAssetIdentifier *a, int type) {
    if (!a) return NL_INVALID_ARGS;
    bool locked;
    SimSession *s = api_enter(&locked);
    NResult rc = NL_OK;
    if (!s) rc = NL_NOT_INITIALIZED;
    else if (empty16(a->Ticker) || empty16(a->Exchange)) rc = NL_INVALID_ARGS;
    else {
        int64_t k = sim_replay_find(s->replay, a->Ticker, a->Exchange);
        SimCmd *c = calloc(1, sizeof *c);
        if (!c) rc = NL_INTERNAL_ERROR;
        else if (k >= 0) {
            c->type = type;
            c->inst = (uint32_t)k;
            sim_session_post(s, c);
        } else if (type == CMD_SUB_DEPTH) {
            c->type = CMD_INVALID_TICKER;
            c->ticker = sim_u16dup(a->Ticker);
            c->exchange = sim_u16dup(a->Exchange);
            if (c->ticker && c->exchange) sim_session_post(s, c);
            else { free(c->ticker); free(c->exchange); free(c); rc = NL_INTERNAL_ERROR; }
        } else {
            free(c);
        }
    }
    api_leave(locked);
    return rc;
}

PDLL_EXPORT NResult PDLL_STDCALL SubscribePriceDepth(const TConnectorAssetIdentifier *a_pAssetID) {
    return depth_request(a_pAssetID, CMD_SUB_DEPTH);
}

PDLL_EXPORT NResult PDLL_STDCALL UnsubscribePriceDepth(const TConnectorAssetIdentifier *a_pAssetID) {
    return depth_request(a_pAssetID, CMD_UNSUB_DEPTH);
}

/* Reads the top of one side: NL_OK and *bits, or an error. Lock-free on the ConnectorThread. */
static NResult read_top(const TConnectorAssetIdentifier *a, uint8_t side, uint64_t *bits) {
    if (!a || empty16(a->Ticker) || empty16(a->Exchange)) return NL_INVALID_ARGS;
    bool locked;
    SimSession *s = api_enter(&locked);
    NResult rc = NL_OK;
    int64_t k;
    if (!s) rc = NL_NOT_INITIALIZED;
    else if (side != BS_BUY && side != BS_SELL) rc = NL_INVALID_ARGS;
    else if ((k = sim_replay_find(s->replay, a->Ticker, a->Exchange)) < 0 ||
             !atomic_load_explicit(&s->ist[k].depth_sub, memory_order_relaxed))
        rc = NL_NOT_FOUND;
    else
        *bits = atomic_load_explicit(side == BS_BUY ? &s->ist[k].bid_bits : &s->ist[k].ask_bits,
                                     memory_order_relaxed);
    api_leave(locked);
    return rc;
}

PDLL_EXPORT NResult PDLL_STDCALL GetPriceDepthSideCount(const TConnectorAssetIdentifier *a_pAssetID, uint8_t a_nSide) {
    uint64_t bits;
    NResult rc = read_top(a_pAssetID, a_nSide, &bits);
    return rc != NL_OK ? rc : bits == SIM_EMPTY_BITS ? 0 : 1;
}

PDLL_EXPORT NResult PDLL_STDCALL GetPriceGroup(const TConnectorAssetIdentifier *a_pAssetID, uint8_t a_nSide,
    int32_t a_nPosition, TConnectorPriceGroup *a_pPrice) {
    if (!a_pPrice) return NL_INVALID_ARGS;
    if (a_pPrice->Version != 0) return NL_VERSION_NOT_SUPPORTED;
    uint64_t bits;
    NResult rc = read_top(a_pAssetID, a_nSide, &bits);
    if (rc != NL_OK) return rc;
    if (a_nPosition != 0 || bits == SIM_EMPTY_BITS) return NL_OUT_OF_RANGE;
    memcpy(&a_pPrice->Price, &bits, sizeof bits);
    a_pPrice->Count = 0;          /* replay files carry prices only */
    a_pPrice->Quantity = 0;
    a_pPrice->PriceGroupFlags = 0;
    return NL_OK;
}

/* ---------------------------------------------------------------- simulator-only */

PDLL_EXPORT NResult SimStartReplay(void) {
    bool locked;
    SimSession *s = api_enter(&locked);
    NResult rc = NL_OK;
    SimCmd *c;
    if (!s) rc = NL_NOT_INITIALIZED;
    else if (!(c = calloc(1, sizeof *c))) rc = NL_INTERNAL_ERROR;
    else { c->type = CMD_START_REPLAY; sim_session_post(s, c); }
    api_leave(locked);
    return rc;
}

/* max mode: runs the tape up to and including the events with ts <= ts_nanos and pauses it there (the server
   clock then shows ts_nanos); returns once those events and their callbacks are done. */
PDLL_EXPORT NResult SimAdvanceReplay(int64_t ts_nanos) {
    if (sim_tl_session || tl_depth) return NL_INTERNAL_ERROR;   /* waiting for our own thread would deadlock */
    pthread_mutex_lock(&g_life);                    /* the session cannot be finalized while we wait */
    bool locked;
    SimSession *s = api_enter(&locked);
    api_leave(locked);
    NResult rc = NL_OK;
    SimCmd *c = NULL;
    SimDone done = {false};
    if (!s) rc = NL_NOT_INITIALIZED;
    else if (s->opt.speed != 0) { rc = NL_INVALID_ARGS; sim_set_last_error("SimAdvanceReplay: needs replay.speed=max"); }
    else if (!(c = calloc(1, sizeof *c))) rc = NL_INTERNAL_ERROR;
    else {
        c->type = CMD_ADVANCE_REPLAY;
        c->end_ns = ts_nanos;
        c->done = &done;
        sim_session_post(s, c);
        pthread_mutex_lock(&s->qlock);
        while (!done.done && !atomic_load(&s->stop)) pthread_cond_wait(&s->qcond, &s->qlock);
        pthread_mutex_unlock(&s->qlock);
    }
    pthread_mutex_unlock(&g_life);
    return rc;
}
