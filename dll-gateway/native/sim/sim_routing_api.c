/* sim_routing_api.c — the exported routing functions (profitdll-api.md §5.4–5.7).
 *
 * Request functions (Send*) check what the DLL itself can check — the record's Version, NULL pointers, enum
 * values, an order id this session never issued — and answer those synchronously; everything a broker or the
 * exchange decides (account, password, instrument, lot, tick, hours, ...) arrives later as a
 * TradingMessageResult and an OrderCallback (README "Validation"). SendOrder allocates the LocalOrderID
 * atomically and posts a fixed-size command: no allocation per order in the steady state.
 *
 * Readers lock the broker (never across a callback they make: enumerations build each record under the lock
 * and call back after releasing it; every string they hand out lives as long as the session).
 */
#define _GNU_SOURCE
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "sim_routing.h"

/* sim_api.c */
SimSession *sim_api_enter(bool *locked);
void        sim_api_leave(bool locked);
/* sim_connector.c */
void sim_route_post(SimSession *s, const SimRouteCmd *c);

static bool empty16(const char16_t *s) { return !s || !*s; }

static bool u16eq(const char16_t *a, const char16_t *b) {
    if (!a) a = u"";
    if (!b) b = u"";
    while (*a && *a == *b) { a++; b++; }
    return *a == *b;
}

static void copy16(char16_t *dst, size_t cap, const char16_t *src) {
    size_t i = 0;
    for (; src && src[i] && i + 1 < cap; i++) dst[i] = src[i];
    dst[i] = 0;
}

/* The session when routing is available: NL_NOT_INITIALIZED, NL_MARKET_ONLY or NL_OK in *rc. */
static SimSession *route_enter(bool *locked, NResult *rc) {
    SimSession *s = sim_api_enter(locked);
    *rc = !s ? NL_NOT_INITIALIZED : !s->route ? NL_MARKET_ONLY : NL_OK;
    return *rc == NL_OK ? s : NULL;
}

static const SimRoster *roster_of(const SimSession *s) {
    return atomic_load(&s->route->accounts_loaded) ? s->route->b->roster : NULL;
}

/* Account index of an identifier (-1 unknown or not loaded yet). */
static int32_t find_account(const SimSession *s, const TConnectorAccountIdentifier *a) {
    const SimRoster *ro = roster_of(s);
    return ro && a->AccountID ? sim_roster_find(ro, a->BrokerID, a->AccountID, a->SubAccountID) : -1;
}

static void fill_cmd_account(SimRouteCmd *c, const SimSession *s, const TConnectorAccountIdentifier *a,
                             const char16_t *password) {
    c->broker = a->BrokerID;
    c->acct = find_account(s, a);
    copy16(c->account, sizeof c->account / sizeof *c->account, a->AccountID);
    copy16(c->sub, sizeof c->sub / sizeof *c->sub, a->SubAccountID);
    c->pass_ok = c->acct >= 0 && u16eq(password, s->route->b->roster->acc[c->acct].password);
    c->routing_up = (uint8_t)atomic_load(&s->route->up);
}

static void fill_cmd_asset(SimRouteCmd *c, const SimSession *s, const TConnectorAssetIdentifier *a) {
    c->inst = sim_broker_find_inst(s->route->b, a->Ticker, a->Exchange);
    copy16(c->ticker, sizeof c->ticker / sizeof *c->ticker, a->Ticker);
    copy16(c->exchange, sizeof c->exchange / sizeof *c->exchange, a->Exchange);
}

/* ================================================================ §5.4 sending, changing, cancelling */

PDLL_EXPORT int64_t PDLL_STDCALL SendOrder(const TConnectorSendOrder *a) {
    bool locked;
    NResult rc;
    SimSession *s = route_enter(&locked, &rc);
    int64_t id = rc;
    if (!s) goto out;
    if (!a) { id = NL_INVALID_ARGS; goto out; }
    if (a->Version > 1) { id = NL_VERSION_NOT_SUPPORTED; goto out; }
    if (!a->AccountID.AccountID || !a->AssetID.Ticker || !a->AssetID.Exchange || !a->Password) {
        id = NL_INVALID_ARGS;
        goto out;
    }
    SimRouteCmd c;
    memset(&c, 0, offsetof(SimRouteCmd, account));
    c.kind = RC_NEW;
    if (a->Version == 0) {   /* V0 enums (profitdll-api.md §2.3): type 0 limit, 1 stop, 2 market; side 0 buy, 1 sell */
        static const uint8_t T0[] = {COT_LIMIT, COT_STOP_LIMIT, COT_MARKET};
        if (a->OrderType > 2 || a->OrderSide > 1) { id = NL_INVALID_ARGS; goto out; }
        c.type = T0[a->OrderType];
        c.side = a->OrderSide == 0 ? COS_BUY : COS_SELL;
    } else {
        if ((a->OrderType != COT_MARKET && a->OrderType != COT_LIMIT && a->OrderType != COT_STOP_LIMIT) ||
            (a->OrderSide != COS_BUY && a->OrderSide != COS_SELL)) {
            id = NL_INVALID_ARGS;
            goto out;
        }
        c.type = a->OrderType;
        c.side = a->OrderSide;
    }
    fill_cmd_account(&c, s, &a->AccountID, a->Password);
    fill_cmd_asset(&c, s, &a->AssetID);
    c.price = a->Price;
    c.stop = a->StopPrice;
    c.qty = a->Quantity;
    SimRoute *r = s->route;
    c.local_id = id = atomic_fetch_add(&r->next_local, 1);
    c.message_id = atomic_fetch_add(&r->next_message, 1);
    /* MessageID is an OUT field of V1 (profitdll-api.md §9.1.3); a V0 record may end before it */
    if (a->Version >= 1) ((TConnectorSendOrder *)a)->MessageID = c.message_id;
    sim_route_post(s, &c);
out:
    sim_api_leave(locked);
    return id;
}

/* Resolves the order named by a TConnectorOrderIdentifier for a change or cancel: NL_OK and seq/local in c,
   NL_NOT_FOUND (never issued / unknown ClOrderID) or NL_INVALID_ARGS (the two ids name different orders). */
static NResult resolve_target(SimSession *s, const TConnectorOrderIdentifier *id, SimRouteCmd *c) {
    SimRoute *r = s->route;
    NResult rc = NL_OK;
    pthread_mutex_lock(&r->b->lock);
    if (!empty16(id->ClOrderID)) {
        c->target_seq = sim_route_seq_of_clordid(r, id->ClOrderID);
        if (!c->target_seq) rc = NL_NOT_FOUND;
        else if (id->LocalOrderID > 0) {
            uint32_t other = sim_route_seq_of_local(r, id->LocalOrderID);
            if (other && other != c->target_seq) rc = NL_INVALID_ARGS;
        }
        c->local_id = id->LocalOrderID > 0 ? id->LocalOrderID : 0;
    } else if (id->LocalOrderID > 0 && id->LocalOrderID < atomic_load(&r->next_local)) {
        c->local_id = id->LocalOrderID;   /* resolved when the command runs: it may still be queued */
    } else {
        rc = NL_NOT_FOUND;
    }
    pthread_mutex_unlock(&r->b->lock);
    return rc;
}

PDLL_EXPORT NResult PDLL_STDCALL SendChangeOrderV2(const TConnectorChangeOrder *a) {
    bool locked;
    NResult rc;
    SimSession *s = route_enter(&locked, &rc);
    if (!s) goto out;
    if (!a) { rc = NL_INVALID_ARGS; goto out; }
    if (a->Version > 1) { rc = NL_VERSION_NOT_SUPPORTED; goto out; }
    if (!a->AccountID.AccountID || !a->Password) { rc = NL_INVALID_ARGS; goto out; }
    SimRouteCmd c;
    memset(&c, 0, sizeof c);
    c.kind = RC_CHANGE;
    if ((rc = resolve_target(s, &a->OrderID, &c)) != NL_OK) goto out;
    fill_cmd_account(&c, s, &a->AccountID, a->Password);
    c.price = a->Price;
    c.stop = a->StopPrice;
    c.qty = a->Quantity;
    c.message_id = atomic_fetch_add(&s->route->next_message, 1);
    if (a->Version >= 1) ((TConnectorChangeOrder *)a)->MessageID = c.message_id;
    sim_route_post(s, &c);
out:
    sim_api_leave(locked);
    return rc;
}

PDLL_EXPORT NResult PDLL_STDCALL SendCancelOrderV2(const TConnectorCancelOrder *a) {
    bool locked;
    NResult rc;
    SimSession *s = route_enter(&locked, &rc);
    if (!s) goto out;
    if (!a) { rc = NL_INVALID_ARGS; goto out; }
    if (a->Version > 1) { rc = NL_VERSION_NOT_SUPPORTED; goto out; }
    if (!a->AccountID.AccountID || !a->Password) { rc = NL_INVALID_ARGS; goto out; }
    SimRouteCmd c;
    memset(&c, 0, sizeof c);
    c.kind = RC_CANCEL;
    if ((rc = resolve_target(s, &a->OrderID, &c)) != NL_OK) goto out;
    fill_cmd_account(&c, s, &a->AccountID, a->Password);
    c.message_id = atomic_fetch_add(&s->route->next_message, 1);
    if (a->Version >= 1) ((TConnectorCancelOrder *)a)->MessageID = c.message_id;
    sim_route_post(s, &c);
out:
    sim_api_leave(locked);
    return rc;
}

PDLL_EXPORT NResult PDLL_STDCALL SendCancelOrdersV2(const TConnectorCancelOrders *a) {
    bool locked;
    NResult rc;
    SimSession *s = route_enter(&locked, &rc);
    if (!s) goto out;
    if (!a) { rc = NL_INVALID_ARGS; goto out; }
    if (a->Version != 0) { rc = NL_VERSION_NOT_SUPPORTED; goto out; }
    if (!a->AccountID.AccountID || !a->Password || empty16(a->AssetID.Ticker) || empty16(a->AssetID.Exchange)) {
        rc = NL_INVALID_ARGS;
        goto out;
    }
    SimRouteCmd c;
    memset(&c, 0, sizeof c);
    c.kind = RC_CANCEL_ASSET;
    fill_cmd_account(&c, s, &a->AccountID, a->Password);
    fill_cmd_asset(&c, s, &a->AssetID);
    c.message_id = atomic_fetch_add(&s->route->next_message, 1);
    sim_route_post(s, &c);
out:
    sim_api_leave(locked);
    return rc;
}

PDLL_EXPORT NResult PDLL_STDCALL SendCancelAllOrdersV2(const TConnectorCancelAllOrders *a) {
    bool locked;
    NResult rc;
    SimSession *s = route_enter(&locked, &rc);
    if (!s) goto out;
    if (!a) { rc = NL_INVALID_ARGS; goto out; }
    if (a->Version != 0) { rc = NL_VERSION_NOT_SUPPORTED; goto out; }
    if (!a->AccountID.AccountID || !a->Password) { rc = NL_INVALID_ARGS; goto out; }
    SimRouteCmd c;
    memset(&c, 0, sizeof c);
    c.kind = RC_CANCEL_ALL;
    c.inst = -1;
    fill_cmd_account(&c, s, &a->AccountID, a->Password);
    c.message_id = atomic_fetch_add(&s->route->next_message, 1);
    sim_route_post(s, &c);
out:
    sim_api_leave(locked);
    return rc;
}

PDLL_EXPORT int64_t PDLL_STDCALL SendZeroPositionV2(const TConnectorZeroPosition *a) {
    bool locked;
    NResult rc;
    SimSession *s = route_enter(&locked, &rc);
    int64_t id = rc;
    if (!s) goto out;
    if (!a) { id = NL_INVALID_ARGS; goto out; }
    if (a->Version > 2) { id = NL_VERSION_NOT_SUPPORTED; goto out; }
    if (!a->AccountID.AccountID || !a->Password || empty16(a->AssetID.Ticker) || empty16(a->AssetID.Exchange)) {
        id = NL_INVALID_ARGS;
        goto out;
    }
    uint8_t type = a->Version == 0 ? CPT_CONSOLIDATED : a->PositionType;   /* V0 has no PositionType */
    if (type != CPT_DAY_TRADE && type != CPT_CONSOLIDATED) { id = NL_INVALID_ARGS; goto out; }
    SimRouteCmd c;
    memset(&c, 0, sizeof c);
    c.kind = RC_ZERO;
    c.pos_type = type;
    fill_cmd_account(&c, s, &a->AccountID, a->Password);
    fill_cmd_asset(&c, s, &a->AssetID);
    c.price = a->Price;
    SimRoute *r = s->route;
    if (c.acct >= 0 && c.inst >= 0) {
        /* a flat position is known locally: NL_NO_POSITION (4.0.0.24 "no-position error codes") */
        pthread_mutex_lock(&r->b->lock);
        int32_t k = sim_broker_find_position(r->b, c.acct, r->b->inst[c.inst].base);
        int64_t q = k < 0 ? 0 : type == CPT_DAY_TRADE ? r->b->pos[k].day_qty : r->b->pos[k].cons_qty;
        pthread_mutex_unlock(&r->b->lock);
        if (!q) { id = NL_NO_POSITION; goto out; }
    }
    c.local_id = id = atomic_fetch_add(&r->next_local, 1);
    c.message_id = atomic_fetch_add(&r->next_message, 1);
    if (a->Version >= 2) ((TConnectorZeroPosition *)a)->MessageID = c.message_id;
    sim_route_post(s, &c);
out:
    sim_api_leave(locked);
    return id;
}

/* ================================================================ §5.5 accounts */

static void fill_account_out(TConnectorAccountIdentifierOut *o, const SimAccount *a) {
    o->Version = 0;
    o->BrokerID = a->broker_id;
    copy16(o->AccountID, PDLL_STRING0IN_LEN, a->account_id);
    o->AccountIDLength = (int32_t)sim_u16len(o->AccountID);
    copy16(o->SubAccountID, PDLL_STRING0IN_LEN, a->sub_id);
    o->SubAccountIDLength = (int32_t)sim_u16len(o->SubAccountID);
    o->Reserved = 0;
}

/* Copies the accounts for which keep(i) holds, from the start_src-th such account on; returns the number copied
   or an NResult error. */
static NResult list_accounts(int32_t start_src, int32_t start_dst, int32_t count, TConnectorAccountIdentifierOut *arr,
                             bool (*keep)(const SimRoster *, size_t, const void *), const void *arg) {
    bool locked;
    NResult rc;
    SimSession *s = route_enter(&locked, &rc);
    if (!s) goto out;
    if (start_src < 0 || start_dst < 0 || count < 0 || (count > 0 && !arr)) { rc = NL_INVALID_ARGS; goto out; }
    const SimRoster *ro = roster_of(s);
    int32_t seen = 0, copied = 0;
    for (size_t i = 0; ro && i < ro->n && copied < count; i++) {
        if (!keep(ro, i, arg)) continue;
        if (seen++ < start_src) continue;
        fill_account_out(&arr[start_dst + copied], &ro->acc[i]);
        copied++;
    }
    rc = start_src > seen ? NL_OUT_OF_RANGE : copied;
out:
    sim_api_leave(locked);
    return rc;
}

static bool is_master(const SimRoster *ro, size_t i, const void *arg) { (void)arg; return !ro->acc[i].sub_a[0]; }

static bool master_of_broker(const SimRoster *ro, size_t i, const void *arg) {
    return !ro->acc[i].sub_a[0] && ro->acc[i].broker_id == *(const int32_t *)arg;
}

static bool sub_of(const SimRoster *ro, size_t i, const void *arg) {
    return ro->acc[i].sub_a[0] && ro->acc[i].master == *(const int32_t *)arg;
}

static NResult count_accounts(bool (*keep)(const SimRoster *, size_t, const void *), const void *arg) {
    bool locked;
    NResult rc;
    SimSession *s = route_enter(&locked, &rc);
    if (s) {
        const SimRoster *ro = roster_of(s);
        rc = 0;
        for (size_t i = 0; ro && i < ro->n; i++) rc += keep(ro, i, arg);
    }
    sim_api_leave(locked);
    return rc;
}

PDLL_EXPORT NResult PDLL_STDCALL GetAccountCount(void) { return count_accounts(is_master, NULL); }

PDLL_EXPORT NResult PDLL_STDCALL GetAccounts(int32_t a_nStartSource, int32_t a_nStartDest, int32_t a_nCount,
    TConnectorAccountIdentifierOut *a_arAccounts) {
    return list_accounts(a_nStartSource, a_nStartDest, a_nCount, a_arAccounts, is_master, NULL);
}

PDLL_EXPORT NResult PDLL_STDCALL GetAccountCountByBroker(int32_t a_nBrokerID) {
    return count_accounts(master_of_broker, &a_nBrokerID);
}

PDLL_EXPORT NResult PDLL_STDCALL GetAccountsByBroker(int32_t a_nBrokerID, int32_t a_nStartSource, int32_t a_nStartDest,
    int32_t a_nCount, TConnectorAccountIdentifierOut *a_arAccounts) {
    return list_accounts(a_nStartSource, a_nStartDest, a_nCount, a_arAccounts, master_of_broker, &a_nBrokerID);
}

/* The master index for the sub-account functions: NL_OK, NL_NOT_FOUND or NL_NOT_MASTER_ACCOUNT. */
static NResult master_index(const TConnectorAccountIdentifier *m, int32_t *out) {
    bool locked;
    NResult rc;
    SimSession *s = route_enter(&locked, &rc);
    if (s) {
        if (!m || !m->AccountID) rc = NL_INVALID_ARGS;
        else if ((*out = find_account(s, m)) < 0) rc = NL_NOT_FOUND;
        else if (s->route->b->roster->acc[*out].sub_a[0]) rc = NL_NOT_MASTER_ACCOUNT;
    }
    sim_api_leave(locked);
    return rc;
}

PDLL_EXPORT NResult PDLL_STDCALL GetSubAccountCount(const TConnectorAccountIdentifier *a) {
    int32_t m;
    NResult rc = master_index(a, &m);
    return rc != NL_OK ? rc : count_accounts(sub_of, &m);
}

PDLL_EXPORT NResult PDLL_STDCALL GetSubAccounts(const TConnectorAccountIdentifier *a_MasterAccountID,
    int32_t a_nStartSource, int32_t a_nStartDest, int32_t a_nCount, TConnectorAccountIdentifierOut *a_arAccounts) {
    int32_t m;
    NResult rc = master_index(a_MasterAccountID, &m);
    return rc != NL_OK ? rc : list_accounts(a_nStartSource, a_nStartDest, a_nCount, a_arAccounts, sub_of, &m);
}

/* Two-pass string (profitdll-api.md §1): the length always; the text too when a buffer is given, at most
   *len characters (the length of the first pass) plus the NUL. */
static void put_str(PDLL_WCHAR *buf, int32_t *len, const char16_t *src) {
    if (!src) src = u"";
    int32_t n = (int32_t)sim_u16len(src);
    if (buf) {
        int32_t k = *len < n ? *len : n;
        if (k < 0) k = 0;
        memcpy(buf, src, (size_t)k * sizeof *buf);
        buf[k] = 0;
    }
    *len = n;
}

PDLL_EXPORT NResult PDLL_STDCALL GetAccountDetails(TConnectorTradingAccountOut *a) {
    bool locked;
    NResult rc;
    SimSession *s = route_enter(&locked, &rc);
    if (!s) goto out;
    if (!a) { rc = NL_INVALID_ARGS; goto out; }
    if (a->Version > 1) { rc = NL_VERSION_NOT_SUPPORTED; goto out; }
    if (!a->AccountID.AccountID) { rc = NL_INVALID_ARGS; goto out; }
    int32_t k = find_account(s, &a->AccountID);
    if (k < 0) { rc = NL_NOT_FOUND; goto out; }
    const SimRoster *ro = s->route->b->roster;
    const SimAccount *acc = &ro->acc[k], *master = &ro->acc[acc->master];
    bool sub = acc->sub_a[0] != 0;
    put_str(a->BrokerName, &a->BrokerNameLength, acc->broker_name);
    put_str(a->OwnerName, &a->OwnerNameLength, master->owner);
    put_str(a->SubOwnerName, &a->SubOwnerNameLength, sub ? acc->owner : u"");
    a->AccountFlags = (sub ? CA_IS_SUB_ACCOUNT : 0) | (acc->enabled ? CA_IS_ENABLED : 0);
    if (a->Version >= 1) a->AccountType = acc->type;
out:
    sim_api_leave(locked);
    return rc;
}

/* ================================================================ §5.6 positions */

static double avg_of(int64_t q, __int128 cost) { return sim_avg_price(cost, q < 0 ? -q : q); }

PDLL_EXPORT NResult PDLL_STDCALL GetPositionV2(TConnectorTradingAccountPosition *p) {
    bool locked;
    NResult rc;
    SimSession *s = route_enter(&locked, &rc);
    if (!s) goto out;
    if (!p) { rc = NL_INVALID_ARGS; goto out; }
    if (p->Version < 1 || p->Version > 2) { rc = NL_VERSION_NOT_SUPPORTED; goto out; }
    if (!p->AccountID.AccountID || empty16(p->AssetID.Ticker) || empty16(p->AssetID.Exchange) ||
        (p->PositionType != CPT_DAY_TRADE && p->PositionType != CPT_CONSOLIDATED)) {
        rc = NL_INVALID_ARGS;
        goto out;
    }
    int32_t acct = find_account(s, &p->AccountID);
    if (acct < 0) { rc = NL_NOT_FOUND; goto out; }
    SimBroker *b = s->route->b;
    /* everything after AssetID is output */
    size_t from = offsetof(TConnectorTradingAccountPosition, OpenQuantity);
    uint8_t type = p->PositionType, version = p->Version;
    memset((char *)p + from, 0, offsetof(TConnectorTradingAccountPosition, PositionType) - from);
    p->OpenSide = 200;   /* flat, as observed of the real DLL ([FA-REF]) */
    pthread_mutex_lock(&b->lock);
    int32_t i = sim_broker_find_inst(b, p->AssetID.Ticker, p->AssetID.Exchange);
    int32_t k = i < 0 ? -1 : sim_broker_find_position(b, acct, b->inst[i].base);
    if (k < 0) {
        rc = NL_NO_POSITION;
    } else {
        const SimPosition *ps = &b->pos[k];
        int64_t q = type == CPT_DAY_TRADE ? ps->day_qty : ps->cons_qty;
        __int128 cost = type == CPT_DAY_TRADE ? ps->day_cost : ps->cons_cost;
        p->OpenQuantity = q < 0 ? -q : q;
        p->OpenAveragePrice = avg_of(q, cost);
        p->OpenSide = q > 0 ? COS_BUY : q < 0 ? COS_SELL : 200;
        p->DailyBuyQuantity = ps->buy_qty;
        p->DailyAverageBuyPrice = sim_avg_price(ps->buy_val, ps->buy_qty);
        p->DailySellQuantity = ps->sell_qty;
        p->DailyAverageSellPrice = sim_avg_price(ps->sell_val, ps->sell_qty);
        p->DailyQuantity = ps->cons_qty;
        int64_t avail = ps->open_qty - ps->sell_qty;
        p->DailyQuantityAvailable = avail > 0 ? avail : 0;
        if (version >= 2) p->EventID = (int64_t)ps->event_id;
    }
    pthread_mutex_unlock(&b->lock);
    p->PositionType = type;
out:
    sim_api_leave(locked);
    return rc;
}

PDLL_EXPORT NResult PDLL_STDCALL EnumerateAllPositionAssets(const TConnectorAccountIdentifier *a_AccountID,
    uint8_t a_AssetVersion, PDLL_LPARAM a_Param, TConnectorEnumerateAssetProc a_Callback) {
    bool locked;
    NResult rc;
    SimSession *s = route_enter(&locked, &rc);
    if (!s) goto out;
    if (!a_AccountID || !a_AccountID->AccountID || !a_Callback) { rc = NL_INVALID_ARGS; goto out; }
    if (a_AssetVersion != 0) { rc = NL_VERSION_NOT_SUPPORTED; goto out; }
    int32_t acct = find_account(s, a_AccountID);
    if (acct < 0) { rc = NL_NOT_FOUND; goto out; }
    SimBroker *b = s->route->b;
    pthread_mutex_lock(&b->lock);
    const SimU32Vec *v = &b->acct_pos[acct];
    size_t n = v->n;
    int32_t *inst = malloc((n ? n : 1) * sizeof *inst);
    size_t m = 0;
    for (size_t i = 0; inst && i < n; i++) {
        const SimPosition *ps = &b->pos[v->v[i]];
        if (ps->cons_qty || ps->day_qty) inst[m++] = ps->inst;
    }
    pthread_mutex_unlock(&b->lock);
    if (!inst) { rc = NL_INTERNAL_ERROR; goto out; }
    for (size_t i = 0; i < m; i++)   /* the identifiers live in the instrument table: stable for the session */
        if (!a_Callback(&b->inst[inst[i]].asset, a_Param)) break;
    free(inst);
out:
    sim_api_leave(locked);
    return rc;
}

/* ================================================================ §5.7 orders */

static void systime(const SimSession *s, int64_t ts, TSystemTime *t) {
    if (ts) sim_to_systemtime(ts, s->opt.utc_offset_min, t);
    else memset(t, 0, sizeof *t);
}

static bool open_status(uint8_t st) { return st == COS_NEW || st == COS_PARTIALLY_FILLED || st == COS_REPLACED; }

/* End of the session the order belongs to (its ValidityDate: day orders), UTC ns; 0 if unknown. */
static int64_t validity_ts(const SimSession *s, const SimOrder *o) {
    if (o->inst < 0) return 0;
    const SimRInst *in = &s->route->b->inst[o->inst];
    int g = s->opt.hours_always ? SIM_HOURS_ALWAYS : in->hours;
    int64_t off = (int64_t)s->opt.utc_offset_min * 60 * SIM_NS_PER_SEC;
    int64_t loc = o->entry_ts + off;
    int64_t day = loc / SIM_NS_PER_DAY - (loc % SIM_NS_PER_DAY < 0);
    int64_t end = sim_hours_day_end(g, day);
    return end < 0 ? 0 : end - off;
}

/* The order a GetOrderDetails names; NL_OK, NL_NOT_FOUND or NL_WAITING_SERVER (issued, not yet processed). */
static NResult find_order(SimSession *s, const TConnectorOrderIdentifier *id, SimOrder **out) {
    SimRoute *r = s->route;
    uint32_t seq = 0;
    if (!empty16(id->ClOrderID)) {
        seq = sim_route_seq_of_clordid(r, id->ClOrderID);
        if (seq && !sim_broker_order(r->b, seq)->local_id) seq = 0;   /* an earlier order not loaded yet */
    } else if (id->LocalOrderID > 0) {
        seq = sim_route_seq_of_local(r, id->LocalOrderID);
        if (!seq && id->LocalOrderID < atomic_load(&r->next_local)) return NL_WAITING_SERVER;
    }
    if (!seq) return NL_NOT_FOUND;
    *out = sim_broker_order(r->b, seq);
    return NL_OK;
}

PDLL_EXPORT NResult PDLL_STDCALL GetOrderDetails(TConnectorOrderOut *a) {
    bool locked;
    NResult rc;
    SimSession *s = route_enter(&locked, &rc);
    if (!s) goto out;
    if (!a) { rc = NL_INVALID_ARGS; goto out; }
    if (a->Version > 1) { rc = NL_VERSION_NOT_SUPPORTED; goto out; }
    SimRoute *r = s->route;
    SimBroker *b = r->b;
    pthread_mutex_lock(&b->lock);
    SimOrder *o = NULL;
    rc = find_order(s, &a->OrderID, &o);
    if (rc == NL_OK) {
        SimOrderView v;
        /* inside an OrderCallback for this order: the state of that event (README "Order events") */
        if (sim_tl_session == s && r->cur_view && r->cur_seq == o->seq) v = *r->cur_view;
        else sim_order_view(r, o, &v);
        a->OrderID.LocalOrderID = o->local_id;
        if (!a->OrderID.ClOrderID) a->OrderID.ClOrderID = o->clordid;
        if (o->acct >= 0) fill_account_out(&a->AccountID, &b->roster->acc[o->acct]);
        else {
            a->AccountID.Version = 0;
            a->AccountID.BrokerID = o->raw_broker;
            copy16(a->AccountID.AccountID, PDLL_STRING0IN_LEN, o->raw_account);
            a->AccountID.AccountIDLength = (int32_t)sim_u16len(a->AccountID.AccountID);
            copy16(a->AccountID.SubAccountID, PDLL_STRING0IN_LEN, o->raw_sub);
            a->AccountID.SubAccountIDLength = (int32_t)sim_u16len(a->AccountID.SubAccountID);
            a->AccountID.Reserved = 0;
        }
        const SimRInst *in = o->inst >= 0 ? &b->inst[o->inst] : NULL;
        a->AssetID.Version = 0;
        put_str(a->AssetID.Ticker, &a->AssetID.TickerLength, in ? in->wticker : o->raw_ticker);
        put_str(a->AssetID.Exchange, &a->AssetID.ExchangeLength, in ? in->wexchange : o->raw_exchange);
        a->AssetID.FeedType = 0;
        a->Quantity = v.qty;
        a->TradedQuantity = v.traded;
        a->LeavesQuantity = open_status(v.status) || v.status == COS_PENDING_NEW ? v.qty - v.traded : 0;
        a->Price = o->type == COT_MARKET ? -1 : sim_e8_to_double(v.price_e8);
        a->StopPrice = v.stop_e8 ? sim_e8_to_double(v.stop_e8) : -1;
        a->AveragePrice = sim_avg_price(v.value_e8, v.traded);
        a->OrderSide = o->side;
        a->OrderType = o->type;
        a->OrderStatus = v.status;
        a->ValidityType = 0;   /* btfDay: SendOrder has no validity (profitdll-api.md §2.3) */
        systime(s, o->entry_ts, &a->Date);
        systime(s, v.update_ts, &a->LastUpdate);
        systime(s, v.close_ts, &a->CloseDate);
        systime(s, validity_ts(s, o), &a->ValidityDate);
        put_str(a->TextMessage, &a->TextMessageLength, v.text);
        if (a->Version >= 1) a->EventID = (int64_t)v.event_id;
    }
    pthread_mutex_unlock(&b->lock);
out:
    sim_api_leave(locked);
    return rc;
}

static void fill_order(const SimSession *s, const SimOrder *o, uint8_t version, TConnectorOrder *t) {
    SimRoute *r = s->route;
    SimBroker *b = r->b;
    SimOrderView v;
    sim_order_view(r, o, &v);
    const SimAccount *acc = &b->roster->acc[o->acct];
    memset(t, 0, sizeof *t);
    t->Version = version;
    t->OrderID = (TConnectorOrderIdentifier){0, o->local_id, o->clordid};
    t->AccountID = (TConnectorAccountIdentifier){0, acc->broker_id, acc->account_id, acc->sub_id, 0};
    t->AssetID = b->inst[o->inst].asset;
    t->Quantity = v.qty;
    t->TradedQuantity = v.traded;
    t->LeavesQuantity = open_status(v.status) || v.status == COS_PENDING_NEW ? v.qty - v.traded : 0;
    t->Price = o->type == COT_MARKET ? -1 : sim_e8_to_double(v.price_e8);
    t->StopPrice = v.stop_e8 ? sim_e8_to_double(v.stop_e8) : -1;
    t->AveragePrice = sim_avg_price(v.value_e8, v.traded);
    t->OrderSide = o->side;
    t->OrderType = o->type;
    t->OrderStatus = v.status;
    t->ValidityType = 0;
    systime(s, o->entry_ts, &t->Date);
    systime(s, v.update_ts, &t->LastUpdate);
    systime(s, v.close_ts, &t->CloseDate);
    systime(s, validity_ts(s, o), &t->ValidityDate);
    t->TextMessage = v.text ? v.text : u"";
    if (version >= 1) t->EventID = (int64_t)v.event_id;
}

/* Calls back once per loaded order of the account (entry time in [lo, hi] UTC ns), each built under the lock
   and delivered after releasing it. */
static NResult enumerate(SimSession *s, int32_t acct, uint8_t version, int64_t lo, int64_t hi, PDLL_LPARAM param,
                         TConnectorEnumerateOrdersProc cb) {
    SimBroker *b = s->route->b;
    pthread_mutex_lock(&b->lock);
    size_t n = b->acct_orders[acct].n;
    uint32_t *seqs = malloc((n ? n : 1) * sizeof *seqs);
    if (seqs && n) memcpy(seqs, b->acct_orders[acct].v, n * sizeof *seqs);
    pthread_mutex_unlock(&b->lock);
    if (!seqs) return NL_INTERNAL_ERROR;
    for (size_t i = 0; i < n; i++) {
        TConnectorOrder t;
        pthread_mutex_lock(&b->lock);
        const SimOrder *o = sim_broker_order(b, seqs[i]);
        bool take = o->local_id && o->entry_ts >= lo && o->entry_ts <= hi;
        if (take) fill_order(s, o, version, &t);
        pthread_mutex_unlock(&b->lock);
        if (take && !cb(&t, param)) break;
    }
    free(seqs);
    return NL_OK;
}

PDLL_EXPORT NResult PDLL_STDCALL EnumerateAllOrders(const TConnectorAccountIdentifier *a_AccountID,
    uint8_t a_OrderVersion, PDLL_LPARAM a_Param, TConnectorEnumerateOrdersProc a_Callback) {
    bool locked;
    NResult rc;
    SimSession *s = route_enter(&locked, &rc);
    if (!s) goto out;
    if (!a_AccountID || !a_AccountID->AccountID || !a_Callback) { rc = NL_INVALID_ARGS; goto out; }
    if (a_OrderVersion > 1) { rc = NL_VERSION_NOT_SUPPORTED; goto out; }
    int32_t acct = find_account(s, a_AccountID);
    rc = acct < 0 ? NL_NOT_FOUND : enumerate(s, acct, a_OrderVersion, INT64_MIN, INT64_MAX, a_Param, a_Callback);
out:
    sim_api_leave(locked);
    return rc;
}

/* A SYSTEMTIME (local) as UTC ns and local day; false when it is no calendar date and time. */
static bool from_systime(const SimSession *s, const TSystemTime *t, int64_t *utc, int64_t *day) {
    static const uint8_t mdays[12] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (t->wMonth < 1 || t->wMonth > 12 || t->wDay < 1 || t->wDay > mdays[t->wMonth - 1] || t->wHour > 23 ||
        t->wMinute > 59 || t->wSecond > 59 || t->wMilliseconds > 999 || t->wYear < 1900)
        return false;
    bool leap = (t->wYear % 4 == 0 && t->wYear % 100 != 0) || t->wYear % 400 == 0;
    if (t->wMonth == 2 && t->wDay == 29 && !leap) return false;
    *day = sim_days_from_civil(t->wYear, t->wMonth, t->wDay);
    int64_t local = *day * SIM_NS_PER_DAY +
                    (((int64_t)t->wHour * 3600 + t->wMinute * 60 + t->wSecond) * 1000 + t->wMilliseconds) * SIM_NS_PER_MS;
    *utc = local - (int64_t)s->opt.utc_offset_min * 60 * SIM_NS_PER_SEC;
    return true;
}

/* HasOrdersInInterval's logic (also the first step of EnumerateOrdersByInterval): NL_OK when the master's
   history covers the days, else NL_WAITING_SERVER after posting one request (repeated calls do not resend). */
static NResult history_check(SimSession *s, const TConnectorAccountIdentifier *a, const TSystemTime *start,
                             const TSystemTime *end, int32_t *acct_out, int64_t *lo_out, int64_t *hi_out) {
    if (!a || !a->AccountID || !start || !end) return NL_INVALID_ARGS;
    int64_t lo, hi, dlo, dhi;
    if (!from_systime(s, start, &lo, &dlo) || !from_systime(s, end, &hi, &dhi)) return NL_INVALID_ARGS;
    if (lo > hi) return NL_OUT_OF_RANGE;
    int64_t now = sim_session_clock(s) + (int64_t)s->opt.utc_offset_min * 60 * SIM_NS_PER_SEC;
    int64_t today = now / SIM_NS_PER_DAY - (now % SIM_NS_PER_DAY < 0);
    if (dhi > today) return NL_OUT_OF_RANGE;   /* "dates may not be later than GetServerClock" */
    int32_t acct = find_account(s, a);
    if (acct < 0) return NL_NOT_FOUND;
    *acct_out = acct;
    *lo_out = lo;
    *hi_out = hi;
    SimRoute *r = s->route;
    int32_t m = r->b->roster->acc[acct].master;   /* sub-accounts use their master's history */
    pthread_mutex_lock(&r->b->lock);
    SimHistState *h = &r->hist[m];
    NResult rc = NL_WAITING_SERVER;
    if (h->state == HIST_LOADED && h->lo <= dlo && dhi <= h->hi) rc = NL_OK;
    else if (h->state != HIST_PENDING) {
        int64_t qlo = h->state == HIST_LOADED && h->lo < dlo ? h->lo : dlo;
        int64_t qhi = h->state == HIST_LOADED && h->hi > dhi ? h->hi : dhi;
        h->state = HIST_PENDING;
        SimRouteCmd c;
        memset(&c, 0, sizeof c);
        c.kind = RC_HISTORY;
        c.acct = m;
        c.hist_lo = qlo;
        c.hist_hi = qhi;
        pthread_mutex_unlock(&r->b->lock);
        sim_route_post(s, &c);
        return rc;
    }
    pthread_mutex_unlock(&r->b->lock);
    return rc;
}

PDLL_EXPORT NResult PDLL_STDCALL HasOrdersInInterval(const TConnectorAccountIdentifier *a_AccountID,
    PDLL_RECORD_ARG(TSystemTime) a_dtStart, PDLL_RECORD_ARG(TSystemTime) a_dtEnd) {
    bool locked;
    NResult rc;
    SimSession *s = route_enter(&locked, &rc);
    if (s) {
        int32_t acct;
        int64_t lo, hi;
        rc = history_check(s, a_AccountID, a_dtStart, a_dtEnd, &acct, &lo, &hi);
    }
    sim_api_leave(locked);
    return rc;
}

PDLL_EXPORT NResult PDLL_STDCALL EnumerateOrdersByInterval(const TConnectorAccountIdentifier *a_AccountID,
    uint8_t a_OrderVersion, PDLL_RECORD_ARG(TSystemTime) a_dtStart, PDLL_RECORD_ARG(TSystemTime) a_dtEnd,
    PDLL_LPARAM a_Param, TConnectorEnumerateOrdersProc a_Callback) {
    bool locked;
    NResult rc;
    SimSession *s = route_enter(&locked, &rc);
    if (!s) goto out;
    if (!a_Callback) { rc = NL_INVALID_ARGS; goto out; }
    if (a_OrderVersion > 1) { rc = NL_VERSION_NOT_SUPPORTED; goto out; }
    int32_t acct;
    int64_t lo, hi;
    rc = history_check(s, a_AccountID, a_dtStart, a_dtEnd, &acct, &lo, &hi);
    if (rc == NL_OK) rc = enumerate(s, acct, a_OrderVersion, lo, hi, a_Param, a_Callback);
out:
    sim_api_leave(locked);
    return rc;
}
