/* sim_routing.c — order routing of the ProfitDLL simulator against a small hand-made tape whose expected
   fills are worked out in the comments (README "Matching"). Callbacks append lines to an event log; the
   tape is moved with SimAdvanceReplay, so every order meets a known tape position. Prints
   "N passed, M failed" last and exits nonzero on any failure. */
#define _GNU_SOURCE
#include <math.h>
#include <pthread.h>
#include <signal.h>
#include <stdbool.h>
#include <stdarg.h>
#include <stdio.h>
#include <unistd.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "sim/profitdll_sim.h"

static int passed, failed;

#define CHECK(cond, ...) do { \
    if (cond) passed++; \
    else { failed++; printf("FAIL %s:%d: ", __FILE__, __LINE__); printf(__VA_ARGS__); printf("\n"); } \
} while (0)
#define CHECK_RC(expr, want) do { \
    long long got_ = (long long)(expr); \
    CHECK(got_ == (long long)(want), "%s = %#llx, want %s (%#llx)", #expr, got_, #want, (long long)(want)); \
} while (0)
#define CHECK_STR(got, want) do { \
    const char *g_ = (got), *w_ = (want); \
    CHECK(!strcmp(g_, w_), "%s:\n    got  \"%s\"\n    want \"%s\"", #got, g_, w_); \
} while (0)
#define CHECK_NEAR(got, want) do { \
    double g_ = (got), w_ = (want); \
    CHECK(fabs(g_ - w_) < 1e-6, "%s = %.10f, want %.10f", #got, g_, w_); \
} while (0)

/* ------------------------------------------------------------------ event log */

#define MAXLOG 20000
#define LINE 256
static pthread_mutex_t log_lock = PTHREAD_MUTEX_INITIALIZER;
static char (*logv)[LINE];
static int nlog, wrong_thread;

static void logf_(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static void logf_(const char *fmt, ...) {
    char buf[LINE];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    char name[32] = "";
    pthread_getname_np(pthread_self(), name, sizeof name);
    pthread_mutex_lock(&log_lock);
    if (strcmp(name, "ConnectorThread")) wrong_thread++;
    if (nlog < MAXLOG) strcpy(logv[nlog++], buf);
    pthread_mutex_unlock(&log_lock);
}

static void log_reset(void) {
    pthread_mutex_lock(&log_lock);
    nlog = 0;
    pthread_mutex_unlock(&log_lock);
}

static void msleep(int ms) {
    struct timespec t = {ms / 1000, (ms % 1000) * 1000000L};
    nanosleep(&t, NULL);
}

static int count_prefix(const char *p) {
    int c = 0;
    pthread_mutex_lock(&log_lock);
    for (int i = 0; i < nlog; i++) c += !strncmp(logv[i], p, strlen(p));
    pthread_mutex_unlock(&log_lock);
    return c;
}

static bool wait_prefix(const char *p, int n) {
    for (int t = 0; t < 5000; t++) {
        if (count_prefix(p) >= n) return true;
        msleep(1);
    }
    return false;
}

/* The log lines starting with prefix, joined with " | ". */
static const char *joined(const char *prefix) {
    static char out[16384];
    out[0] = 0;
    pthread_mutex_lock(&log_lock);
    for (int i = 0; i < nlog; i++)
        if (!strncmp(logv[i], prefix, strlen(prefix))) {
            if (out[0]) strncat(out, " | ", sizeof out - strlen(out) - 1);
            strncat(out, logv[i], sizeof out - strlen(out) - 1);
        }
    pthread_mutex_unlock(&log_lock);
    return out;
}

/* The events of one order: its TMR and order lines (by LocalOrderID). */
static const char *events(int64_t id) {
    static char out[16384];
    char p1[32], p2[32];
    snprintf(p1, sizeof p1, "tmr %lld ", (long long)id);
    snprintf(p2, sizeof p2, "order %lld ", (long long)id);
    out[0] = 0;
    pthread_mutex_lock(&log_lock);
    for (int i = 0; i < nlog; i++)
        if (!strncmp(logv[i], p1, strlen(p1)) || !strncmp(logv[i], p2, strlen(p2))) {
            if (out[0]) strncat(out, " | ", sizeof out - strlen(out) - 1);
            strncat(out, logv[i], sizeof out - strlen(out) - 1);
        }
    pthread_mutex_unlock(&log_lock);
    return out;
}

static void ascii(const char16_t *s, char *out, size_t cap) {
    size_t i = 0;
    for (; s && s[i] && i + 1 < cap; i++) out[i] = s[i] < 128 ? (char)s[i] : '?';
    out[i] = 0;
}

static bool u16eq(const char16_t *a, const char16_t *b) {
    while (*a && *a == *b) { a++; b++; }
    return *a == *b;
}

/* ------------------------------------------------------------------ callbacks */

static volatile int history_cb_seen;

static void on_state(int32_t type, int32_t value) { logf_("state %d %d", type, value); }

static void on_tmr(const TConnectorTradingMessageResult *m) {
    char t[200];
    ascii(m->Message, t, sizeof t);
    logf_("tmr %lld %u %s", (long long)m->OrderID.LocalOrderID, m->ResultCode, m->ResultCode == MRC_ACCEPTED ||
          m->ResultCode == MRC_SENT_TO_HADES || m->ResultCode == MRC_SENT_TO_BROKER || m->ResultCode == MRC_SENT_TO_MARKET ? "" : t);
}

/* GetOrderDetails inside the callback, both passes of the two-pass strings. */
static void on_order(const TConnectorOrderIdentifier *id) {
    TConnectorOrderOut o;
    memset(&o, 0, sizeof o);
    o.Version = 1;
    o.OrderID.LocalOrderID = id->LocalOrderID;
    NResult rc = GetOrderDetails(&o);
    if (rc != NL_OK) { logf_("order %lld rc=%d", (long long)id->LocalOrderID, rc); return; }
    PDLL_WCHAR tk[40], ex[16], tx[400];
    o.AssetID.Ticker = tk;
    o.AssetID.Exchange = ex;
    o.TextMessage = tx;
    if (o.AssetID.TickerLength >= 40 || o.TextMessageLength >= 400 || GetOrderDetails(&o) != NL_OK) {
        logf_("order %lld second pass failed", (long long)id->LocalOrderID);
        return;
    }
    char t[40], text[200];
    ascii(tk, t, sizeof t);
    ascii(tx, text, sizeof text);
    logf_("order %lld %s st=%u q=%lld tr=%lld lv=%lld avg=%.4f ev=%lld%s%s", (long long)id->LocalOrderID, t,
          o.OrderStatus, (long long)o.Quantity, (long long)o.TradedQuantity, (long long)o.LeavesQuantity, o.AveragePrice,
          (long long)o.EventID, text[0] ? " text=" : "", text);
}

static void on_history(const TConnectorAccountIdentifier *a) {
    char acc[40], sub[40];
    ascii(a->AccountID, acc, sizeof acc);
    ascii(a->SubAccountID, sub, sizeof sub);
    logf_("history %d %s %s", a->BrokerID, acc, sub);
    history_cb_seen = 1;
}

static int legacy_names_ok = 1;
static void on_account(int32_t broker, const PDLL_WCHAR *broker_name, const PDLL_WCHAR *account, const PDLL_WCHAR *owner) {
    char acc[40], bn[60];
    ascii(account, acc, sizeof acc);
    ascii(broker_name, bn, sizeof bn);
    if (!strcmp(acc, "1001") && !u16eq(owner, u"João Conceição")) legacy_names_ok = 0;
    logf_("account %d %s %s", broker, bn, acc);
}

static void on_broker_list(int32_t broker, uint32_t changed) { logf_("brokerlist %d %u", broker, changed); }

static void on_sub_list(const TConnectorAccountIdentifier *a) {
    char acc[40];
    ascii(a->AccountID, acc, sizeof acc);
    logf_("sublist %d %s", a->BrokerID, acc);
}

static void on_position(const TConnectorAccountIdentifier *a, const TConnectorAssetIdentifier *asset, int64_t ev) {
    char acc[40], t[40];
    ascii(a->AccountID, acc, sizeof acc);
    ascii(asset->Ticker, t, sizeof t);
    logf_("position %s %s %s", acc, t, ev > 0 ? "ev" : "no-ev");
}

/* ------------------------------------------------------------------ files and helpers */

#define BASE INT64_C(1741219200)   /* 2025-03-06 00:00:00 UTC, a Thursday; B3 is at UTC-3, winter grid */
#define TS(h, m, s) ((BASE + (h) * 3600 + (m) * 60 + (s)) * INT64_C(1000000000))
#define TAPE "sim_routing_tape.csv"
#define ROSTER "sim_routing_roster.csv"
#define MASTER "sim_routing_instruments.csv"
#define JOURNAL "sim_routing_journal.csv"

static void write_files(void) {
    FILE *f = fopen(TAPE, "w");
    fputs("# blackbox-replay v1\n"
          "ts_nanos,ticker,exchange,event,trade_number,price,quantity,trade_type,buy_agent,sell_agent,bid,ask,source_seq\n", f);
    struct { int h, m, s; const char *row; } rows[] = {
        {12, 35, 0, "PETR4,B,K,,,,,,,35.90,36.10,"},            /* 09:35 local: offer cancellation */
        {12, 50, 0, "PETR4,B,K,,,,,,,35.95,36.05,"},            /* 09:50: pre-opening call */
        {13, 0, 0, "PETR4,B,T,1,36.00,1000,4,0,0,35.99,36.02,"}, /* 10:00: the opening auction print */
        {13, 0, 5, "VALE3,B,K,,,,,,,60.00,60.02,"},
        {13, 0, 10, "PETR4,B,T,2,36.01,500,2,1,2,36.00,36.02,"},
        {13, 0, 15, "VALE3,B,T,1,60.01,200,3,1,2,60.00,60.02,"},
        {13, 0, 20, "PETR4,B,T,3,36.00,300,3,1,2,35.99,36.01,"},
        {13, 0, 25, "VALE3,B,T,2,60.03,200,2,1,2,60.02,60.04,"},
        {13, 0, 30, "PETR4,B,T,4,35.98,1000,3,1,2,35.97,35.99,"},
        {13, 0, 40, "PETR4,B,T,5,36.05,200,2,1,2,36.04,36.06,"},
        {13, 0, 50, "PETR4,B,T,6,36.10,400,2,1,2,36.05,36.11,"},
        {13, 1, 0, "PETR4,B,T,7,36.00,600,3,1,2,35.99,36.01,"},
        {13, 2, 0, "PETR4,B,T,8,35.97,500,3,1,2,35.96,35.98,"},
        {21, 0, 1, "PETR4,B,T,9,36.00,100,3,1,2,,,"},           /* 18:00:01 local: after the close */
    };
    for (size_t i = 0; i < sizeof rows / sizeof *rows; i++)
        fprintf(f, "%lld,%s\n", (long long)TS(rows[i].h, rows[i].m, rows[i].s), rows[i].row);
    fclose(f);
    f = fopen(ROSTER, "w");
    fputs("# blackbox-sim-roster v1\n"
          "group,broker_id,broker_name,account_id,sub_account_id,owner_name,account_type,enabled,routing_password,cash_brl,positions\n"
          "Ações,308,Clear Corretora,1001,,João Conceição,owner,1,pw1,100000.00,PETR4:B:1000@35.50\n"
          "Ações,308,Clear Corretora,1001,A1,Maria Souza,sub_account,1,pwA,5000.00,\n"
          "Ações,308,Clear Corretora,1002,,Ana Lima,owner,1,pw2,50000,\n"
          "Ações,308,Clear Corretora,1003,,Bruno Silva,owner,0,pw3,0,\n"
          "Futuros,120,Genial Investimentos,2001,,Pedro Alves,owner,1,pw4,1000,\n", f);
    fclose(f);
    f = fopen(MASTER, "w");
    fputs("# blackbox-sim-instruments v1\nticker,exchange,lot,tick,max_quantity,hours\n"
          "VALE3,B,100,0.01,100000,\n", f);
    fclose(f);
}

static void set_opt(const char *k, const char *v) {
    NResult rc = SimSetOption(k, v);
    CHECK(rc == NL_OK, "SimSetOption(%s, %s) = %#x: %s", k, v, (unsigned)rc, SimLastError());
}

static void base_options(void) {
    CHECK_RC(SimResetOptions(), NL_OK);
    set_opt("replay.files", TAPE);
    set_opt("replay.start", "manual");
    set_opt("login.step_ms", "0");
    set_opt("routing.roster", ROSTER);
    set_opt("routing.instruments", MASTER);
}

static void login(void) {
    log_reset();
    CHECK_RC(DLLInitializeLogin(u"KEY", u"user", u"pass", on_state, NULL, NULL, on_account, NULL, NULL, NULL, NULL, NULL,
                                NULL, NULL), NL_OK);
    CHECK(wait_prefix("state 3 0", 1), "no (3,0) after the full login: %s", joined(""));
}

/* A barrier: every request made before it has run (SimAdvanceReplay to where the tape already is). */
static int64_t tape_now;
static void sync_at(int h, int m, int s) { tape_now = TS(h, m, s); CHECK_RC(SimAdvanceReplay(tape_now), NL_OK); }

static int64_t send(const char16_t *acc, const char16_t *sub, const char16_t *pw, const char16_t *ticker, uint8_t type,
                    uint8_t side, double price, double stop, int64_t qty) {
    TConnectorSendOrder o;
    memset(&o, 0, sizeof o);
    o.Version = 1;
    o.AccountID = (TConnectorAccountIdentifier){0, acc[0] == u'2' ? 120 : 308, acc, sub, 0};
    o.AssetID = (TConnectorAssetIdentifier){0, ticker, u"B", 0};
    o.Password = pw;
    o.OrderType = type;
    o.OrderSide = side;
    o.Price = price;
    o.StopPrice = stop;
    o.Quantity = qty;
    int64_t id = SendOrder(&o);
    CHECK(id > 0 && o.MessageID > 0, "SendOrder = %lld, MessageID %lld", (long long)id, (long long)o.MessageID);
    return id;
}

static int64_t limit_buy(const char16_t *acc, const char16_t *pw, double px, int64_t q) {
    return send(acc, NULL, pw, u"PETR4", COT_LIMIT, COS_BUY, px, -1, q);
}

static NResult cancel(const char16_t *acc, const char16_t *pw, int64_t id, const char16_t *clordid) {
    TConnectorCancelOrder c;
    memset(&c, 0, sizeof c);
    c.Version = 1;
    c.AccountID = (TConnectorAccountIdentifier){0, 308, acc, NULL, 0};
    c.OrderID = (TConnectorOrderIdentifier){0, id, clordid};
    c.Password = pw;
    return SendCancelOrderV2(&c);
}

static NResult change(const char16_t *acc, const char16_t *pw, int64_t id, double px, int64_t q) {
    TConnectorChangeOrder c;
    memset(&c, 0, sizeof c);
    c.Version = 1;
    c.AccountID = (TConnectorAccountIdentifier){0, 308, acc, NULL, 0};
    c.OrderID = (TConnectorOrderIdentifier){0, id, NULL};
    c.Password = pw;
    c.Price = px;
    c.StopPrice = -1;
    c.Quantity = q;
    return SendChangeOrderV2(&c);
}

/* The last order line of an order (its state after the last callback). */
static const char *last_order(int64_t id) {
    static char out[LINE];
    char p[32];
    snprintf(p, sizeof p, "order %lld ", (long long)id);
    out[0] = 0;
    pthread_mutex_lock(&log_lock);
    for (int i = 0; i < nlog; i++)
        if (!strncmp(logv[i], p, strlen(p))) strcpy(out, logv[i] + strlen(p));
    pthread_mutex_unlock(&log_lock);
    return out;
}

/* The order as GetOrderDetails shows it now (outside callbacks). */
static TConnectorOrderOut details(int64_t id, const char16_t *clordid, NResult *rc) {
    TConnectorOrderOut o;
    memset(&o, 0, sizeof o);
    o.Version = 1;
    o.OrderID = (TConnectorOrderIdentifier){0, id, clordid};
    *rc = GetOrderDetails(&o);
    return o;
}

static void clordid_of(int64_t id, char16_t out[24]) {
    NResult rc;
    TConnectorOrderOut o = details(id, NULL, &rc);
    out[0] = 0;
    if (rc == NL_OK)
        for (int i = 0; i < 23 && (out[i] = o.OrderID.ClOrderID[i]); i++) {}
    out[23] = 0;
}

static TConnectorTradingAccountPosition position(const char16_t *acc, const char16_t *ticker, uint8_t type, NResult *rc) {
    TConnectorTradingAccountPosition p;
    memset(&p, 0, sizeof p);
    p.Version = 2;
    p.AccountID = (TConnectorAccountIdentifier){0, 308, acc, NULL, 0};
    p.AssetID = (TConnectorAssetIdentifier){0, ticker, u"B", 0};
    p.PositionType = type;
    *rc = GetPositionV2(&p);
    return p;
}

typedef struct { int n; char cl[32][24]; uint8_t st[32]; int64_t local[32]; } Enum;
static PDLL_BOOL enum_cb(const TConnectorOrder *o, PDLL_LPARAM param) {
    Enum *e = (Enum *)param;
    if (e->n < 32) {
        ascii(o->OrderID.ClOrderID, e->cl[e->n], 24);
        e->st[e->n] = o->OrderStatus;
        e->local[e->n] = o->OrderID.LocalOrderID;
        e->n++;
    }
    return 1;
}
static int enum_find(const Enum *e, const char *cl) {
    for (int i = 0; i < e->n; i++)
        if (!strcmp(e->cl[i], cl)) return i;
    return -1;
}

typedef struct { int n; char t[8][40]; } Assets;
static PDLL_BOOL asset_cb(const TConnectorAssetIdentifier *a, PDLL_LPARAM param) {
    Assets *x = (Assets *)param;
    if (x->n < 8) ascii(a->Ticker, x->t[x->n++], 40);
    return 1;
}

static const TSystemTime DAY_START = {2025, 3, 4, 6, 0, 0, 0, 0}, DAY_END = {2025, 3, 4, 6, 23, 59, 59, 999};

/* HasOrdersInInterval twice, then the history callback, then NL_OK. */
static void load_history(const char16_t *acc) {
    TConnectorAccountIdentifier a = {0, 308, acc, NULL, 0};
    int before = count_prefix("history ");
    NResult r1 = HasOrdersInInterval(&a, &DAY_START, &DAY_END);
    NResult r2 = HasOrdersInInterval(&a, &DAY_START, &DAY_END);
    CHECK(r1 == NL_WAITING_SERVER && (r2 == NL_WAITING_SERVER || r2 == NL_OK), "HasOrdersInInterval = %#x, %#x",
          (unsigned)r1, (unsigned)r2);
    CHECK(wait_prefix("history ", before + 1), "no order-history callback");
    msleep(20);
    CHECK(count_prefix("history ") == before + 1, "repeated HasOrdersInInterval resent the request");
    CHECK_RC(HasOrdersInInterval(&a, &DAY_START, &DAY_END), NL_OK);
}

/* ================================================================== the sessions */

static void options_and_files(void) {
    CHECK_RC(SimSetOption("routing.roster", "/nonexistent/roster.csv"), NL_INVALID_ARGS);
    CHECK(strstr(SimLastError(), "routing.roster: cannot open roster file /nonexistent/roster.csv") != NULL, "%s", SimLastError());
    FILE *f = fopen("sim_routing_bad.csv", "w");
    fputs("# blackbox-sim-roster v1\n"
          "group,broker_id,broker_name,account_id,sub_account_id,owner_name,account_type,enabled,routing_password,cash_brl,positions\n"
          "G,308,Clear,1001,,Ana,owner,1,pw,10,PETR4:B:100@x\n", f);
    fclose(f);
    CHECK_RC(SimSetOption("routing.roster", "sim_routing_bad.csv"), NL_INVALID_ARGS);
    CHECK_STR(SimLastError(), "routing.roster: bad roster row: sim_routing_bad.csv:3: field positions: value \"PETR4:B:100@x\": "
                              "average price must be a decimal > 0 with at most 8 decimals");
    f = fopen("sim_routing_bad.csv", "w");
    fputs("# blackbox-sim-roster v1\n"
          "group,broker_id,broker_name,account_id,sub_account_id,owner_name,account_type,enabled,routing_password,cash_brl,positions\n"
          "G,308,Clear,1001,S1,Ana,sub_account,1,pw,10,\n", f);
    fclose(f);
    CHECK_RC(SimSetOption("routing.roster", "sim_routing_bad.csv"), NL_INVALID_ARGS);
    CHECK(strstr(SimLastError(), ":3: field sub_account_id: value \"S1\": sub-account before (or without) its master row") != NULL,
          "%s", SimLastError());
    f = fopen("sim_routing_bad.csv", "w");
    fputs("# blackbox-sim-instruments v1\nticker,exchange,lot,tick,max_quantity,hours\nWINJ25,F,1,5,,nights\n", f);
    fclose(f);
    CHECK_RC(SimSetOption("routing.instruments", "sim_routing_bad.csv"), NL_INVALID_ARGS);
    CHECK(strstr(SimLastError(), ":3: field hours: value \"nights\": must be b3-equities, b3-index-futures") != NULL, "%s", SimLastError());
    CHECK_RC(SimSetOption("fill.participation", "0"), NL_INVALID_ARGS);
    CHECK_STR(SimLastError(), "fill.participation: must be a decimal 0 < p <= 1 (at most 6 decimals): value \"0\"");
    CHECK_RC(SimSetOption("fill.mode", "cross"), NL_INVALID_ARGS);
    CHECK_RC(SimSetOption("routing.hours", "b4"), NL_INVALID_ARGS);
    CHECK_RC(SimSetOption("fault.routing.reject_share", "1.5"), NL_INVALID_ARGS);
    CHECK_STR(SimLastError(), "fault.routing.reject_share: must be a decimal 0..1 (at most 6 decimals): value \"1.5\"");
    CHECK_RC(SimSetOption("fault.routing.nothing", "1"), NL_INVALID_ARGS);
    CHECK_STR(SimLastError(), "unknown option: fault.routing.nothing=1");
    CHECK_RC(SimAdvanceReplay(0), NL_NOT_INITIALIZED);
}

static void accounts(void) {
    CHECK(legacy_names_ok, "TAccountCallback owner name of 1001");
    CHECK_STR(joined("account "), "account 308 Clear Corretora 1001 | account 308 Clear Corretora 1002 | "
                                  "account 308 Clear Corretora 1003 | account 120 Genial Investimentos 2001");
    CHECK_STR(joined("brokerlist "), "brokerlist 308 1 | brokerlist 120 1");
    CHECK_STR(joined("sublist "), "sublist 308 1001");
    CHECK_RC(GetAccountCount(), 4);
    TConnectorAccountIdentifierOut arr[6];
    memset(arr, 0, sizeof arr);
    CHECK_RC(GetAccounts(0, 1, 4, arr), 4);
    char a[40];
    ascii(arr[1].AccountID, a, sizeof a);
    CHECK(!strcmp(a, "1001") && arr[1].AccountIDLength == 4 && arr[1].BrokerID == 308 && arr[1].SubAccountIDLength == 0,
          "GetAccounts[1] %s len %d broker %d", a, arr[1].AccountIDLength, arr[1].BrokerID);
    ascii(arr[4].AccountID, a, sizeof a);
    CHECK(!strcmp(a, "2001") && arr[4].BrokerID == 120, "GetAccounts[4] %s", a);
    CHECK_RC(GetAccounts(3, 0, 5, arr), 1);
    CHECK_RC(GetAccounts(5, 0, 1, arr), NL_OUT_OF_RANGE);
    CHECK_RC(GetAccounts(0, 0, 1, NULL), NL_INVALID_ARGS);
    CHECK_RC(GetAccountCountByBroker(308), 3);
    CHECK_RC(GetAccountCountByBroker(120), 1);
    CHECK_RC(GetAccountsByBroker(120, 0, 0, 2, arr), 1);
    TConnectorAccountIdentifier m1001 = {0, 308, u"1001", NULL, 0}, s1 = {0, 308, u"1001", u"A1", 0}, none = {0, 308, u"9", NULL, 0};
    CHECK_RC(GetSubAccountCount(&m1001), 1);
    CHECK_RC(GetSubAccountCount(&s1), NL_NOT_MASTER_ACCOUNT);
    CHECK_RC(GetSubAccountCount(&none), NL_NOT_FOUND);
    CHECK_RC(GetSubAccounts(&m1001, 0, 0, 2, arr), 1);
    ascii(arr[0].SubAccountID, a, sizeof a);
    CHECK(!strcmp(a, "A1") && arr[0].SubAccountIDLength == 2, "sub-account %s", a);
    /* GetAccountDetails: two passes */
    TConnectorTradingAccountOut d;
    memset(&d, 0, sizeof d);
    d.Version = 1;
    d.AccountID = s1;
    CHECK_RC(GetAccountDetails(&d), NL_OK);
    CHECK(d.BrokerNameLength == 15 && d.OwnerNameLength == 14 && d.SubOwnerNameLength == 11, "lengths %d %d %d",
          d.BrokerNameLength, d.OwnerNameLength, d.SubOwnerNameLength);
    PDLL_WCHAR bn[32], on[32], sn[32];
    d.BrokerName = bn;
    d.OwnerName = on;
    d.SubOwnerName = sn;
    CHECK_RC(GetAccountDetails(&d), NL_OK);
    CHECK(u16eq(bn, u"Clear Corretora") && u16eq(on, u"João Conceição") && u16eq(sn, u"Maria Souza"), "names");
    CHECK(d.AccountFlags == (CA_IS_SUB_ACCOUNT | CA_IS_ENABLED) && d.AccountType == CUT_SUB_ACCOUNT, "flags %u type %u",
          d.AccountFlags, d.AccountType);
    memset(&d, 0, sizeof d);
    d.AccountID = (TConnectorAccountIdentifier){0, 308, u"1003", NULL, 0};
    CHECK_RC(GetAccountDetails(&d), NL_OK);
    CHECK(d.AccountFlags == 0 && d.SubOwnerNameLength == 0, "disabled account flags %u", d.AccountFlags);
    d.AccountID = none;
    CHECK_RC(GetAccountDetails(&d), NL_NOT_FOUND);
    d.Version = 2;
    CHECK_RC(GetAccountDetails(&d), NL_VERSION_NOT_SUPPORTED);
}

/* Session A: touch mode, participation 1, unlimited touch quantity. */
static int64_t A_L1, A_L3, A_F1, A_E1, A_R1;
static char16_t A_L1_cl[24], A_E1_cl[24], A_R1_cl[24];

static void session_a(void) {
    base_options();
    SetTradingMessageResultCallback(on_tmr);
    SetOrderCallback(on_order);
    SetOrderHistoryCallback(on_history);
    SetBrokerAccountListChangedCallback(on_broker_list);
    SetBrokerSubAccountListChangedCallback(on_sub_list);
    SetAssetPositionListCallback(on_position);
    login();
    CHECK_STR(joined("state"), "state 0 0 | state 1 2 | state 1 5 | state 2 4 | state 3 0");
    accounts();

    /* 09:35 local: offer cancellation, no new orders */
    sync_at(12, 35, 0);
    int64_t id = limit_buy(u"1001", u"pw1", 36.00, 100);
    sync_at(12, 35, 0);
    CHECK(strstr(events(id), "text=market closed for PETR4 at 2025-03-06 09:35:00: b3-equities hours that day: 09:30-09:45 "
                             "offer cancellation, 09:45-10:00 pre-opening call, 10:00-17:55 continuous, 17:55-18:00 closing call") != NULL,
          "cancellation phase: %s", events(id));
    /* 09:50: the pre-opening call takes limits, not market orders */
    sync_at(12, 50, 0);
    id = send(u"1001", NULL, u"pw1", u"PETR4", COT_MARKET, COS_BUY, -1, -1, 100);
    A_L1 = limit_buy(u"1001", u"pw1", 36.00, 100);
    sync_at(12, 50, 0);
    CHECK(strstr(events(id), "text=market orders only in continuous trading: PETR4 at 2025-03-06 09:50:00 is in the "
                             "pre-opening call (09:45-10:00)") != NULL, "call phase market: %s", events(id));
    CHECK_STR(last_order(A_L1), "PETR4 st=0 q=100 tr=0 lv=100 avg=0.0000 ev=3");
    /* 10:00: the auction print (1000 @ 36.00) fills the limit at the print's price */
    sync_at(13, 0, 0);
    CHECK_STR(last_order(A_L1), "PETR4 st=2 q=100 tr=100 lv=0 avg=36.0000 ev=4");
    CHECK(count_prefix("position 1001 PETR4 ev") == 1, "position callback: %s", joined("position"));

    /* validation: synchronous codes for malformed requests */
    TConnectorSendOrder bad;
    memset(&bad, 0, sizeof bad);
    bad.Version = 2;
    CHECK_RC(SendOrder(&bad), NL_VERSION_NOT_SUPPORTED);
    bad.Version = 1;
    bad.AccountID = (TConnectorAccountIdentifier){0, 308, u"1002", NULL, 0};
    bad.AssetID = (TConnectorAssetIdentifier){0, u"PETR4", u"B", 0};
    bad.OrderType = 3;
    bad.OrderSide = COS_BUY;
    bad.Password = u"pw2";
    CHECK_RC(SendOrder(&bad), NL_INVALID_ARGS);
    bad.OrderType = COT_LIMIT;
    bad.Password = NULL;
    CHECK_RC(SendOrder(&bad), NL_INVALID_ARGS);
    CHECK_RC(SendOrder(NULL), NL_INVALID_ARGS);
    /* validation: asynchronous broker and exchange rejects, each with its text */
    struct { int64_t id; const char *want; } rej[] = {
        {send(u"9999", NULL, u"x", u"PETR4", COT_LIMIT, COS_BUY, 36, -1, 100),
         "tmr ID 4  | tmr ID 6  | tmr ID 7 unknown account: broker_id=308 account=9999 | order ID PETR4 st=8 q=100 tr=0 lv=0 avg=0.0000 ev=EV text=unknown account: broker_id=308 account=9999"},
        {send(u"1002", NULL, u"bad", u"PETR4", COT_LIMIT, COS_BUY, 36, -1, 100), "wrong routing password for account=1002"},
        {send(u"1003", NULL, u"pw3", u"PETR4", COT_LIMIT, COS_BUY, 36, -1, 100), "account disabled: account=1003"},
        {send(u"1002", NULL, u"pw2", u"XXXX3", COT_LIMIT, COS_BUY, 36, -1, 100), "unknown instrument: ticker=XXXX3 exchange=B"},
        {send(u"1002", NULL, u"pw2", u"PETR4", COT_LIMIT, COS_BUY, 36, -1, 0), "quantity must be > 0: quantity=0"},
        {send(u"1002", NULL, u"pw2", u"PETR4", COT_LIMIT, COS_BUY, 36, -1, 150),
         "tmr ID 4  | tmr ID 6  | tmr ID 8  | tmr ID 9 quantity must be a multiple of the lot 100: ticker=PETR4 quantity=150"},
        {send(u"1002", NULL, u"pw2", u"PETR4F", COT_LIMIT, COS_BUY, 36, -1, 100),
         "quantity must be 1..99 on the fractional market: ticker=PETR4F quantity=100"},
        {send(u"1002", NULL, u"pw2", u"VALE3", COT_LIMIT, COS_BUY, 60, -1, 200000),
         "quantity above the maximum 100000 per order: ticker=VALE3 quantity=200000"},
        {send(u"1002", NULL, u"pw2", u"PETR4", COT_LIMIT, COS_BUY, 36.005, -1, 100),
         "price must be a multiple of the tick 0.01: ticker=PETR4 price=36.005"},
        {send(u"1002", NULL, u"pw2", u"PETR4", COT_LIMIT, COS_BUY, -1, -1, 100), "price must be > 0 for a limit order: price=-1"},
        {send(u"1002", NULL, u"pw2", u"PETR4", COT_STOP_LIMIT, COS_BUY, 36.5, -1, 100),
         "stop price required for a stop-limit order: stop_price=-1"},
        {send(u"1002", NULL, u"pw2", u"PETR4", COT_STOP_LIMIT, COS_BUY, 36.5, 35.5, 100),
         "stop already triggerable: buy stop_price=35.50 <= last trade 36.00"},
        {send(u"1002", NULL, u"pw2", u"PETR4", COT_STOP_LIMIT, COS_BUY, 36.4, 36.5, 100),
         "a buy stop-limit needs price >= stop_price: price=36.40 stop_price=36.50"},
        {send(u"1002", NULL, u"pw2", u"WINJ25", COT_LIMIT, COS_BUY, 36, -1, 100), "unknown instrument: ticker=WINJ25 exchange=B"},
    };
    sync_at(13, 0, 0);
    for (size_t i = 0; i < sizeof rej / sizeof *rej; i++) {
        char want[600], idt[24];
        snprintf(idt, sizeof idt, "%lld", (long long)rej[i].id);
        /* expand ID and EV placeholders */
        const char *w = rej[i].want;
        size_t o = 0;
        for (; *w && o < sizeof want - 24; w++) {
            if (!strncmp(w, "ID", 2)) { o += (size_t)snprintf(want + o, sizeof want - o, "%s", idt); w++; }
            else want[o++] = *w;
        }
        want[o] = 0;
        const char *got = events(rej[i].id);
        if (strstr(want, "EV")) {
            char *ev = strstr(want, "EV");
            const char *gev = strstr(got, " ev=");
            *ev = 0;
            CHECK(gev && !strncmp(got, want, strlen(want)) && strstr(got, ev + 2), "reject %zu:\n    got  %s\n    want %sEV%s", i, got, want, ev + 2);
        } else {
            CHECK(strstr(got, want) != NULL && strstr(got, "st=8 "), "reject %zu:\n    got  %s\n    want ...%s...", i, got, want);
        }
    }

    /* a market order takes the ask it sees (36.02) in full: the accepted-order sequence */
    int64_t m1 = send(u"1002", NULL, u"pw2", u"PETR4", COT_MARKET, COS_BUY, -1, -1, 200);
    int64_t l2 = limit_buy(u"1002", u"pw2", 36.00, 300);                           /* rests (ask 36.02) */
    A_L3 = send(u"1001", NULL, u"pw1", u"PETR4", COT_LIMIT, COS_SELL, 36.01, -1, 100); /* rests (bid 35.99) */
    int64_t s1 = send(u"1002", NULL, u"pw2", u"PETR4", COT_STOP_LIMIT, COS_BUY, 36.06, 36.05, 100);
    A_F1 = send(u"1001", NULL, u"pw1", u"PETR4F", COT_LIMIT, COS_BUY, 36.00, -1, 10);
    sync_at(13, 0, 0);
    char want[1024];
    snprintf(want, sizeof want, "tmr %1$lld 4  | tmr %1$lld 6  | tmr %1$lld 8  | tmr %1$lld 10  | "
             "order %1$lld PETR4 st=0 q=200 tr=0 lv=200 avg=0.0000 ev=", (long long)m1);
    CHECK(!strncmp(events(m1), want, strlen(want)), "accepted market order:\n    got  %s\n    want %s...", events(m1), want);
    CHECK(strstr(events(m1), "st=2 q=200 tr=200 lv=0 avg=36.0200") != NULL, "market fill: %s", events(m1));
    CHECK(strstr(last_order(l2), "st=0 q=300 tr=0") && strstr(last_order(A_L3), "st=0") && strstr(last_order(s1), "st=0") &&
          strstr(last_order(A_F1), "PETR4F st=0 q=10"), "resting orders: %s / %s / %s / %s", last_order(l2), last_order(A_L3),
          last_order(s1), last_order(A_F1));
    /* T#2 36.01 x 500: the resting sell at 36.01 fills on touch; the buy at 36.00 does not */
    sync_at(13, 0, 10);
    CHECK(strstr(last_order(A_L3), "st=2 q=100 tr=100 lv=0 avg=36.0100") != NULL, "sell on touch: %s", last_order(A_L3));
    CHECK(strstr(last_order(l2), "st=0 q=300 tr=0") != NULL, "buy not touched: %s", last_order(l2));
    /* T#3 36.00 x 300 (ask 36.01): the buy at 36.00 fills at its price; the fractional book follows PETR4's tape */
    sync_at(13, 0, 20);
    CHECK(strstr(last_order(l2), "st=2 q=300 tr=300 lv=0 avg=36.0000") != NULL, "buy on touch: %s", last_order(l2));
    CHECK(strstr(last_order(A_F1), "st=2 q=10 tr=10 lv=0 avg=36.0000") != NULL, "fractional: %s", last_order(A_F1));
    /* T#5 36.05 triggers the stop (36.05); as a limit 36.06 it takes the ask 36.06 */
    sync_at(13, 0, 40);
    CHECK(strstr(last_order(s1), "st=2 q=100 tr=100 lv=0 avg=36.0600") != NULL, "stop-limit: %s", last_order(s1));
    CHECK(count_prefix("order ") > 0 && wrong_thread == 0, "callbacks off the ConnectorThread: %d", wrong_thread);

    /* a cancel that reaches the simulator after a fill completed the order fails: too late */
    int64_t race = limit_buy(u"1002", u"pw2", 36.10, 100);
    CHECK_RC(cancel(u"1002", u"pw2", race, NULL), NL_OK);
    sync_at(13, 0, 40);
    CHECK(strstr(last_order(race), "st=2 q=100 tr=100 lv=0 avg=36.0600") != NULL, "race order: %s", events(race));
    char cl[24];
    char16_t wcl[24];
    clordid_of(race, wcl);
    ascii(wcl, cl, sizeof cl);
    snprintf(want, sizeof want, "tmr %lld 9 too late to cancel: order %s is filled", (long long)race, cl);
    CHECK(strstr(events(race), want) != NULL, "cancel after fill:\n    got  %s\n    want ...%s", events(race), want);
    CHECK_RC(cancel(u"1002", u"pw2", 99999, NULL), NL_NOT_FOUND);
    CHECK_RC(cancel(u"1002", u"pw2", -1, u"20250306-999999"), NL_NOT_FOUND);
    CHECK(!strcmp(cl, "20250306-000023"), "ClOrderID %s (date + day sequence: 22 orders came before)", cl);

    /* change and cancel */
    int64_t c1 = limit_buy(u"1002", u"pw2", 35.50, 100);
    CHECK_RC(change(u"1002", u"pw2", c1, 35.60, 200), NL_OK);
    CHECK_RC(change(u"1002", u"pw2", c1, 35.60, 150), NL_OK);
    CHECK_RC(change(u"1001", u"pw1", c1, 35.60, 300), NL_OK);
    CHECK_RC(cancel(u"1002", u"pw2", c1, NULL), NL_OK);
    CHECK_RC(change(u"1002", u"pw2", c1, 35.70, 300), NL_OK);
    sync_at(13, 0, 40);
    const char *ev = events(c1);
    CHECK(strstr(ev, "st=5 q=200 tr=0 lv=200") && strstr(ev, "tmr %lld 9 quantity must be a multiple of the lot 100: ticker=PETR4 quantity=150") == NULL,
          "change: %s", ev);
    snprintf(want, sizeof want, "tmr %lld 9 quantity must be a multiple of the lot 100: ticker=PETR4 quantity=150", (long long)c1);
    CHECK(strstr(ev, want) != NULL, "change to 150: %s", ev);
    snprintf(want, sizeof want, "does not belong to the account given");
    CHECK(strstr(ev, want) != NULL, "change from another account: %s", ev);
    CHECK(strstr(ev, "st=4 q=200 tr=0 lv=0") != NULL, "cancel: %s", ev);
    CHECK(strstr(ev, "too late to change") != NULL, "change after cancel: %s", ev);
    NResult rc;
    TConnectorOrderOut od = details(c1, NULL, &rc);
    CHECK(rc == NL_OK && od.Price == 35.60 && od.Quantity == 200 && od.OrderStatus == COS_CANCELED && od.CloseDate.wHour == 10,
          "details after change+cancel: rc %#x px %f q %lld st %u close %u", (unsigned)rc, od.Price, (long long)od.Quantity,
          od.OrderStatus, od.CloseDate.wHour);

    /* cancel by asset and cancel all */
    int64_t f2 = send(u"1001", NULL, u"pw1", u"PETR4F", COT_LIMIT, COS_BUY, 35.00, -1, 5);
    int64_t k1 = limit_buy(u"1002", u"pw2", 35.10, 100), k2 = limit_buy(u"1002", u"pw2", 35.20, 100);
    TConnectorCancelOrders co = {0, {0, 308, u"1001", NULL, 0}, {0, u"PETR4F", u"B", 0}, u"pw1"};
    CHECK_RC(SendCancelOrdersV2(&co), NL_OK);
    TConnectorCancelAllOrders ca = {0, {0, 308, u"1002", NULL, 0}, u"pw2"};
    CHECK_RC(SendCancelAllOrdersV2(&ca), NL_OK);
    ca.Version = 1;
    CHECK_RC(SendCancelAllOrdersV2(&ca), NL_VERSION_NOT_SUPPORTED);
    sync_at(13, 0, 40);
    CHECK(strstr(last_order(f2), "st=4") && strstr(last_order(k1), "st=4") && strstr(last_order(k2), "st=4"),
          "cancel by asset / all: %s / %s / %s", last_order(f2), last_order(k1), last_order(k2));

    /* resting orders left for the next session: E1 (35.00) and R1 (35.98, entered at 13:00:50) */
    A_E1 = limit_buy(u"1001", u"pw1", 35.00, 100);
    sync_at(13, 0, 50);
    A_R1 = limit_buy(u"1001", u"pw1", 35.98, 100);
    sync_at(13, 0, 50);
    clordid_of(A_L1, A_L1_cl);
    clordid_of(A_E1, A_E1_cl);
    clordid_of(A_R1, A_R1_cl);

    /* positions: 1001 opened 1000 @ 35.50; today +100 @ 36.00, -100 @ 36.01, +10 @ 36.00 (PETR4F counts as PETR4) */
    TConnectorTradingAccountPosition p = position(u"1001", u"PETR4", CPT_CONSOLIDATED, &rc);
    double cost = 39100.0 * 1000 / 1100 + 360;
    CHECK(rc == NL_OK && p.OpenQuantity == 1010 && p.OpenSide == COS_BUY && p.DailyBuyQuantity == 110 &&
          p.DailySellQuantity == 100 && p.EventID > 0, "consolidated: rc %#x q %lld side %u buys %lld sells %lld",
          (unsigned)rc, (long long)p.OpenQuantity, p.OpenSide, (long long)p.DailyBuyQuantity, (long long)p.DailySellQuantity);
    CHECK_NEAR(p.OpenAveragePrice, cost / 1010);
    CHECK_NEAR(p.DailyAverageBuyPrice, 36.00);
    CHECK_NEAR(p.DailyAverageSellPrice, 36.01);
    p = position(u"1001", u"PETR4F", CPT_DAY_TRADE, &rc);
    CHECK(rc == NL_OK && p.OpenQuantity == 10 && p.OpenSide == COS_BUY, "day trade: q %lld side %u", (long long)p.OpenQuantity, p.OpenSide);
    CHECK_NEAR(p.OpenAveragePrice, 36.00);
    /* 1002: +200 @ 36.02, +300 @ 36.00, +100 @ 36.06, +100 @ 36.06 */
    p = position(u"1002", u"PETR4", CPT_CONSOLIDATED, &rc);
    CHECK(rc == NL_OK && p.OpenQuantity == 700, "1002: q %lld", (long long)p.OpenQuantity);
    CHECK_NEAR(p.OpenAveragePrice, (200 * 36.02 + 300 * 36.00 + 200 * 36.06) / 700);
    position(u"1002", u"VALE3", CPT_CONSOLIDATED, &rc);
    CHECK_RC(rc, NL_NO_POSITION);
    position(u"1002", u"PETR4", 3, &rc);
    CHECK_RC(rc, NL_INVALID_ARGS);
    Assets assets = {0};
    TConnectorAccountIdentifier a1001 = {0, 308, u"1001", NULL, 0}, a1002 = {0, 308, u"1002", NULL, 0};
    CHECK_RC(EnumerateAllPositionAssets(&a1001, 0, (PDLL_LPARAM)&assets, asset_cb), NL_OK);
    CHECK(assets.n == 1 && !strcmp(assets.t[0], "PETR4"), "position assets of 1001: %d %s", assets.n, assets.t[0]);

    /* zeroing 1002's 700 at market: a sell at the bid (36.05) */
    TConnectorZeroPosition z = {2, a1002, {0, u"PETR4", u"B", 0}, u"pw2", -1, CPT_CONSOLIDATED, 0};
    int64_t zid = SendZeroPositionV2(&z);
    CHECK(zid > 0 && z.MessageID > 0, "SendZeroPositionV2 = %lld", (long long)zid);
    sync_at(13, 0, 50);
    CHECK(strstr(last_order(zid), "st=2 q=700 tr=700 lv=0 avg=36.0500") != NULL, "zero: %s", events(zid));
    p = position(u"1002", u"PETR4", CPT_CONSOLIDATED, &rc);
    CHECK(rc == NL_OK && p.OpenQuantity == 0 && p.OpenSide == 200, "after zero: q %lld side %u", (long long)p.OpenQuantity, p.OpenSide);
    CHECK_RC(SendZeroPositionV2(&z), NL_NO_POSITION);

    Enum e = {0};
    CHECK_RC(EnumerateAllOrders(&a1001, 1, (PDLL_LPARAM)&e, enum_cb), NL_OK);
    char l1[24];
    ascii(A_L1_cl, l1, sizeof l1);
    int k = enum_find(&e, l1);
    CHECK(e.n == 8 && k >= 0 && e.st[k] == COS_FILLED && e.local[k] == A_L1, "orders of 1001: %d", e.n);
    CHECK_RC(DLLFinalize(), NL_OK);
}

/* Session B: DLLFinalize + DLLInitializeLogin in the same process: the earlier orders come back through the
   history; resting ones keep matching, but only on tape trades after their last event. */
static void session_b(void) {
    login();
    TConnectorAccountIdentifier a1001 = {0, 308, u"1001", NULL, 0};
    Enum e = {0};
    CHECK_RC(EnumerateAllOrders(&a1001, 0, (PDLL_LPARAM)&e, enum_cb), NL_OK);
    CHECK(e.n == 0, "earlier orders before the history is read: %d", e.n);
    NResult rc;
    details(-1, A_L1_cl, &rc);
    CHECK_RC(rc, NL_NOT_FOUND);
    load_history(u"1001");
    CHECK_RC(EnumerateAllOrders(&a1001, 1, (PDLL_LPARAM)&e, enum_cb), NL_OK);
    char l1[24], e1[24], r1[24];
    ascii(A_L1_cl, l1, sizeof l1);
    ascii(A_E1_cl, e1, sizeof e1);
    ascii(A_R1_cl, r1, sizeof r1);
    int kl = enum_find(&e, l1), ke = enum_find(&e, e1), kr = enum_find(&e, r1);
    CHECK(e.n == 8 && kl >= 0 && ke >= 0 && kr >= 0 && e.st[kl] == COS_FILLED && e.st[ke] == COS_NEW && e.st[kr] == COS_NEW,
          "history of 1001: %d orders", e.n);
    int64_t r1_local = kr >= 0 ? e.local[kr] : 0;
    CHECK(r1_local > 0 && r1_local != A_R1, "restored LocalOrderID %lld (was %lld)", (long long)r1_local, (long long)A_R1);
    TConnectorAccountIdentifier sub = {0, 308, u"1001", u"A1", 0};
    CHECK_RC(HasOrdersInInterval(&sub, &DAY_START, &DAY_END), NL_OK);   /* a sub-account uses its master's history */
    TConnectorTradingAccountPosition p = position(u"1001", u"PETR4", CPT_CONSOLIDATED, &rc);
    CHECK(rc == NL_OK && p.OpenQuantity == 1010, "position kept across the restart: %lld", (long long)p.OpenQuantity);
    Enum w = {0};
    TSystemTime late = {2025, 3, 4, 6, 10, 0, 30, 0};
    CHECK_RC(EnumerateOrdersByInterval(&a1001, 0, &late, &DAY_END, (PDLL_LPARAM)&w, enum_cb), NL_OK);
    CHECK(w.n == 3, "orders of 1001 entered from 10:00:30: %d", w.n);   /* L3? no: F2, E1, R1 */
    TSystemTime next_day = {2025, 3, 5, 7, 0, 0, 0, 0};
    CHECK_RC(HasOrdersInInterval(&a1001, &DAY_START, &next_day), NL_OUT_OF_RANGE);
    CHECK_RC(HasOrdersInInterval(&a1001, &DAY_END, &DAY_START), NL_OUT_OF_RANGE);

    /* T#4 (35.98, at 13:00:30) comes before R1 was entered (13:00:50): R1 must not fill on it */
    sync_at(13, 0, 40);
    TConnectorOrderOut o = details(r1_local, NULL, &rc);
    CHECK(rc == NL_OK && o.TradedQuantity == 0, "R1 before its entry time: rc %#x traded %lld", (unsigned)rc, (long long)o.TradedQuantity);
    /* T#8 35.97 (ask 35.98) at 13:02 reaches it: it crosses the ask and takes it at 35.98 */
    sync_at(13, 2, 0);
    CHECK(strstr(last_order(r1_local), "st=2 q=100 tr=100 lv=0 avg=35.9800") != NULL, "R1 in session B: %s", events(r1_local));
    int64_t n1 = limit_buy(u"1002", u"pw2", 30.00, 100);
    sync_at(13, 2, 0);
    char16_t ncl[24];
    char n1c[24];
    clordid_of(n1, ncl);
    ascii(ncl, n1c, sizeof n1c);
    CHECK(!strcmp(n1c, "20250306-000031"), "the day sequence goes on across sessions (30 in session A): %s", n1c);
    /* the session ends at 18:00 local: the tape's 18:00:01 trade expires the day orders first */
    sync_at(21, 0, 1);
    CHECK(strstr(last_order(n1), "st=12 q=100 tr=0 lv=0 avg=0.0000") &&
          strstr(last_order(n1), "text=expired: day order still open at the end of the b3-equities session (18:00)"),
          "expiry: %s", last_order(n1));
    o = details(-1, A_E1_cl, &rc);
    CHECK(rc == NL_OK && o.OrderStatus == COS_EXPIRED && o.CloseDate.wHour == 18 && o.ValidityDate.wHour == 18,
          "E1 expired: rc %#x st %u", (unsigned)rc, o.OrderStatus);
    int64_t late_id = limit_buy(u"1002", u"pw2", 36.00, 100);
    sync_at(21, 0, 1);
    CHECK(strstr(last_order(late_id), "text=market closed for PETR4 at 2025-03-06 18:00:01") != NULL, "after the close: %s",
          last_order(late_id));
    CHECK_RC(DLLFinalize(), NL_OK);
}

/* Session C: a process killed with SIGKILL; a new "process" (the parent, after SimResetOptions) finds the day
   in the journal. */
static void session_c(void) {
    remove(JOURNAL);
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
        base_options();
        set_opt("routing.journal", JOURNAL);
        SetOrderCallback(NULL);
        SetTradingMessageResultCallback(NULL);
        if (DLLInitializeLogin(u"K", u"u", u"p", NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL) != NL_OK) _exit(3);
        while (GetAccountCount() != 4) msleep(1);
        SimAdvanceReplay(TS(13, 0, 10));
        limit_buy(u"1002", u"pw2", 36.00, 100);                                    /* J1: fills at T#3 */
        send(u"1002", NULL, u"pw2", u"PETR4", COT_MARKET, COS_BUY, -1, -1, 100);   /* J2: 36.02 at once */
        SimAdvanceReplay(TS(13, 0, 20));
        limit_buy(u"1002", u"pw2", 35.00, 100);                                    /* J3: rests */
        SimAdvanceReplay(TS(13, 0, 20));
        kill(getpid(), SIGKILL);
        _exit(4);
    }
    int status = 0;
    waitpid(pid, &status, 0);
    CHECK(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL, "child status %d", status);
    FILE *f = fopen(JOURNAL, "a");
    fputs("F,1741266020000000000,1", f);   /* a torn last line, as a kill during a write leaves it */
    fclose(f);
    base_options();
    set_opt("routing.journal", JOURNAL);
    login();
    TConnectorAccountIdentifier a1002 = {0, 308, u"1002", NULL, 0};
    load_history(u"1002");
    Enum e = {0};
    CHECK_RC(EnumerateAllOrders(&a1002, 0, (PDLL_LPARAM)&e, enum_cb), NL_OK);
    CHECK(e.n == 3 && !strcmp(e.cl[0], "20250306-000001") && e.st[0] == COS_FILLED && !strcmp(e.cl[1], "20250306-000002") &&
          e.st[1] == COS_FILLED && !strcmp(e.cl[2], "20250306-000003") && e.st[2] == COS_NEW,
          "journal history: %d orders: %s %u, %s %u, %s %u", e.n, e.cl[0], e.st[0], e.cl[1], e.st[1], e.cl[2], e.st[2]);
    NResult rc;
    TConnectorTradingAccountPosition p = position(u"1002", u"PETR4", CPT_CONSOLIDATED, &rc);
    CHECK(rc == NL_OK && p.OpenQuantity == 200, "journal position: %lld", (long long)p.OpenQuantity);
    CHECK_NEAR(p.OpenAveragePrice, (36.00 + 36.02) / 2);
    sync_at(13, 0, 0);
    int64_t id = limit_buy(u"1002", u"pw2", 30.00, 100);
    sync_at(13, 0, 0);
    char16_t wcl[24];
    char cl[24];
    clordid_of(id, wcl);
    ascii(wcl, cl, sizeof cl);
    CHECK(!strcmp(cl, "20250306-000004"), "ClOrderID after the journal: %s", cl);
    sync_at(21, 0, 1);                                  /* J3 and the new one expire at 18:00 */
    CHECK(strstr(last_order(e.local[2]), "st=12") != NULL, "J3 expired: %s", last_order(e.local[2]));
    CHECK_RC(DLLFinalize(), NL_OK);
    f = fopen(JOURNAL, "r");
    char line[512], last[512] = "";
    int lines = 0;
    while (fgets(line, sizeof line, f)) { lines++; strcpy(last, line); }
    fclose(f);
    /* header, J1, J2 + fill, J1's fill, J3 (the torn line cut off), the new order, two expiries at 18:00:00 */
    CHECK(lines == 9 && !strcmp(last, "X,1741294800000000000,4\n"), "journal: %d lines, last %s", lines, last);
}

/* Session D: fill.mode=through, fill.participation=0.5, fill.touch_quantity=100. */
static void session_d(void) {
    base_options();
    set_opt("fill.mode", "through");
    set_opt("fill.participation", "0.5");
    set_opt("fill.touch_quantity", "100");
    login();
    sync_at(13, 0, 10);
    int64_t p1 = limit_buy(u"1002", u"pw2", 36.00, 1000);
    int64_t p2 = send(u"1002", NULL, u"pw2", u"PETR4", COT_LIMIT, COS_SELL, 36.08, -1, 100);
    int64_t v1 = send(u"1002", NULL, u"pw2", u"VALE3", COT_MARKET, COS_BUY, -1, -1, 300);
    sync_at(13, 0, 10);
    /* VALE3 market 300: 100 at the ask 60.02 on arrival (touch quantity), the rest rests at 60.02 */
    CHECK(strstr(last_order(v1), "st=1 q=300 tr=100 lv=200 avg=60.0200") != NULL, "touch quantity: %s", events(v1));
    /* T#3 PETR4 36.00 x 300: through needs a print strictly below 36.00: no fill. VALE3 T#1 60.01 x 200 (ask 60.02):
       the remainder crosses the ask and takes 100 (half of 200) at 60.02, never better than the ask */
    sync_at(13, 0, 20);
    CHECK(strstr(last_order(p1), "st=0 q=1000 tr=0") != NULL, "through at the limit: %s", last_order(p1));
    CHECK(strstr(last_order(v1), "st=1 q=300 tr=200 lv=100 avg=60.0200") != NULL, "VALE3 after T#1: %s", events(v1));
    /* VALE3 T#2 60.03 (ask 60.04): above the rest price 60.02, no fill */
    sync_at(13, 0, 25);
    CHECK(strstr(last_order(v1), "tr=200") != NULL, "VALE3 after T#2: %s", last_order(v1));
    /* T#4 35.98 x 1000 (ask 35.99): the buy at 36.00 crosses the ask: half the print, 500, at 35.99 */
    sync_at(13, 0, 30);
    CHECK(strstr(last_order(p1), "st=1 q=1000 tr=500 lv=500 avg=35.9900") != NULL, "participation: %s", events(p1));
    /* T#6 36.10 x 400 with the bid at 36.05: the sell at 36.08 is passive, printed through: 100 at 36.08 */
    sync_at(13, 0, 50);
    CHECK(strstr(last_order(p2), "st=2 q=100 tr=100 lv=0 avg=36.0800") != NULL, "through a passive sell: %s", events(p2));
    /* T#7 36.00 (ask 36.01): at the limit, not through. T#8 35.97 x 500 (ask 35.98): 250 floored to the lot, 200 at 35.98 */
    sync_at(13, 2, 0);
    CHECK(strstr(last_order(p1), "st=1 q=1000 tr=700 lv=300") != NULL, "after T#8: %s", events(p1));
    NResult rc;
    TConnectorOrderOut o = details(p1, NULL, &rc);
    CHECK_NEAR(o.AveragePrice * 700 - 500 * 35.99, 200 * 35.98);   /* AvgPx x Cum differences give each fill's price */
    CHECK(count_prefix("order ") - count_prefix("order 0") > 0, "order callbacks");
    CHECK_RC(DLLFinalize(), NL_OK);
}

/* Session E: routing faults, set while the session runs. */
static void session_e(void) {
    base_options();
    set_opt("fill.touch_quantity", "100");
    login();
    sync_at(13, 0, 10);
    set_opt("fault.routing.reject_share", "1");
    int64_t a = limit_buy(u"1002", u"pw2", 35.00, 100);
    sync_at(13, 0, 10);
    set_opt("fault.routing.reject_share", "0");
    CHECK(strstr(events(a), "tmr ") && strstr(last_order(a), "st=8") &&
          strstr(last_order(a), "text=rejected by the broker (fault.routing.reject_share): seq="), "reject_share: %s", events(a));
    /* a share strictly between 0 and 1: some orders, decided by (seed, order sequence), so a second seed differs */
    int rejected[2] = {0, 0};
    char pattern[2][48] = {"", ""};
    for (int run = 0; run < 2; run++) {
        set_opt("fault.routing.seed", run ? "8" : "7");
        set_opt("fault.routing.reject_share", "0.5");
        int64_t ids[40];
        for (int i = 0; i < 40; i++) ids[i] = limit_buy(u"1002", u"pw2", 35.00, 100);
        sync_at(13, 0, 10);
        for (int i = 0; i < 40; i++) {
            bool r = strstr(last_order(ids[i]), "st=8") != NULL;
            rejected[run] += r;
            pattern[run][i] = r ? 'x' : '.';
        }
    }
    set_opt("fault.routing.reject_share", "0");
    set_opt("fault.routing.seed", "1");
    CHECK(rejected[0] > 5 && rejected[0] < 35 && rejected[1] > 5 && rejected[1] < 35 && strcmp(pattern[0], pattern[1]),
          "reject_share=0.5: %d and %d of 40 (%s / %s)", rejected[0], rejected[1], pattern[0], pattern[1]);
    set_opt("fault.routing.reject_tickers", "VALE3,ABEV3");
    set_opt("fault.routing.reject_accounts", "1001/A1");
    int64_t b = send(u"1002", NULL, u"pw2", u"VALE3", COT_LIMIT, COS_BUY, 50, -1, 100);
    int64_t c = limit_buy(u"1002", u"pw2", 35.00, 100);
    int64_t d = send(u"1001", u"A1", u"pwA", u"PETR4", COT_LIMIT, COS_BUY, 35, -1, 100);
    int64_t d2 = send(u"1001", NULL, u"pw1", u"PETR4", COT_LIMIT, COS_BUY, 35, -1, 100);
    sync_at(13, 0, 10);
    set_opt("fault.routing.reject_tickers", "");
    set_opt("fault.routing.reject_accounts", "");
    CHECK(strstr(last_order(b), "text=rejected by the broker (fault.routing.reject_tickers): ticker=VALE3") != NULL, "%s", last_order(b));
    CHECK(strstr(last_order(c), "st=0") != NULL, "PETR4 not rejected: %s", last_order(c));
    CHECK(strstr(last_order(d), "text=rejected by the broker (fault.routing.reject_accounts): account=1001") != NULL, "%s", last_order(d));
    CHECK(strstr(last_order(d2), "st=0") != NULL, "master not rejected: %s", last_order(d2));

    set_opt("fault.routing.duplicate_share", "1");
    int64_t dup = limit_buy(u"1002", u"pw2", 35.00, 100);
    sync_at(13, 0, 10);
    set_opt("fault.routing.duplicate_share", "0");
    char p[32];
    snprintf(p, sizeof p, "order %lld ", (long long)dup);
    CHECK(count_prefix(p) == 2 && strstr(events(dup), "ev=") != NULL, "duplicate: %s", events(dup));
    {
        const char *ev = events(dup), *o1 = strstr(ev, "order "), *o2 = o1 ? strstr(o1 + 1, "order ") : NULL;
        CHECK(o1 && o2 && !strncmp(o1, o2, strlen(p) + 40), "duplicates differ: %s", ev);
    }

    set_opt("fault.routing.lose_share", "1");
    int64_t lost = send(u"1002", NULL, u"pw2", u"PETR4", COT_MARKET, COS_BUY, -1, -1, 100);
    sync_at(13, 0, 10);
    set_opt("fault.routing.lose_share", "0");
    CHECK(!events(lost)[0], "callbacks of a lost order: %s", events(lost));
    NResult rc;
    TConnectorOrderOut o = details(lost, NULL, &rc);
    CHECK(rc == NL_OK && o.OrderStatus == COS_PENDING_NEW && o.TradedQuantity == 0, "lost order before history: st %u", o.OrderStatus);
    load_history(u"1002");
    o = details(lost, NULL, &rc);
    CHECK(rc == NL_OK && o.OrderStatus == COS_FILLED && o.TradedQuantity == 100 && o.AveragePrice == 36.02,
          "lost order after history: st %u tr %lld", o.OrderStatus, (long long)o.TradedQuantity);

    /* delayed callbacks: delivered later, in order, each OrderCallback showing the state of its own event */
    set_opt("fault.routing.callback_delay_ms", "300");
    int64_t dl = send(u"1002", NULL, u"pw2", u"VALE3", COT_MARKET, COS_BUY, -1, -1, 300);
    sync_at(13, 0, 15);                    /* arrival 100 @ 60.02, then VALE3 T#1 (200) fills the other 200 */
    CHECK(!events(dl)[0], "delayed callbacks came at once: %s", events(dl));
    snprintf(p, sizeof p, "order %lld ", (long long)dl);
    CHECK(wait_prefix(p, 3), "delayed callbacks never came: %s", events(dl));
    set_opt("fault.routing.callback_delay_ms", "0");
    char want[512];
    snprintf(want, sizeof want, "tmr %1$lld 4  | tmr %1$lld 6  | tmr %1$lld 8  | tmr %1$lld 10  | order %1$lld VALE3 st=0 q=300 tr=0 "
             "lv=300 avg=0.0000 ev=", (long long)dl);
    CHECK(!strncmp(events(dl), want, strlen(want)) && strstr(events(dl), "st=1 q=300 tr=100 lv=200 avg=60.0200") &&
          strstr(events(dl), "st=2 q=300 tr=300 lv=0 avg=60.0200"), "delayed sequence: %s", events(dl));

    /* the routing connection drops with an order in flight and comes back after 100 ms */
    set_opt("fault.routing.reconnect_after_ms", "100");
    set_opt("fault.routing.disconnect_after_orders", "1");
    int64_t inflight = limit_buy(u"1002", u"pw2", 35.00, 100);
    CHECK(wait_prefix("state 1 0", 1), "no routing drop");
    int64_t during = limit_buy(u"1002", u"pw2", 35.00, 100);
    CHECK(wait_prefix("state 1 5", 2), "no routing reconnection: %s", joined("state 1"));
    sync_at(13, 0, 15);
    CHECK(strstr(joined("state 1"), "state 1 2 | state 1 5 | state 1 0 | state 1 1 | state 1 2 | state 1 5") != NULL,
          "routing states: %s", joined("state 1"));
    snprintf(want, sizeof want, "order %lld PETR4 st=0 q=100 tr=0 lv=100", (long long)inflight);
    CHECK(!strncmp(events(inflight), want, strlen(want)), "in-flight order reported after reconnection: %s", events(inflight));
    snprintf(want, sizeof want, "tmr %1$lld 1 routing not connected: order not sent | order %1$lld PETR4 st=204", (long long)during);
    CHECK(!strncmp(events(during), want, strlen(want)), "order during the outage: %s", events(during));
    CHECK_RC(DLLFinalize(), NL_OK);
}

#define DAYTS(d, h, m, s) ((INT64_C(1741046400) + ((d) - 4) * 86400 + (h) * 3600 + (m) * 60 + (s)) * INT64_C(1000000000))

/* At 16:56 on 2025-03-10 (the closing call accepts limits). */
static void subaccount_and_v0(void) {
    /* a sub-account sends with its own password; V0 enums (0 = limit, 1 = sell) */
    int64_t sub_ok = send(u"1001", u"A1", u"pwA", u"PETR4", COT_LIMIT, COS_BUY, 36.00, -1, 100);
    int64_t sub_bad = send(u"1001", u"A1", u"pw1", u"PETR4", COT_LIMIT, COS_BUY, 36.00, -1, 100);
    TConnectorSendOrder v0;
    memset(&v0, 0, sizeof v0);
    v0.Version = 0;
    v0.AccountID = (TConnectorAccountIdentifier){0, 308, u"1002", NULL, 0};
    v0.AssetID = (TConnectorAssetIdentifier){0, u"PETR4", u"B", 0};
    v0.Password = u"pw2";
    v0.OrderType = 0;   /* V0 limit */
    v0.OrderSide = 1;   /* V0 sell */
    v0.Price = 36.50;
    v0.Quantity = 100;
    int64_t v0id = SendOrder(&v0);
    CHECK(v0id > 0 && v0.MessageID == 0, "V0 SendOrder %lld writes no MessageID (%lld)", (long long)v0id, (long long)v0.MessageID);
    CHECK_RC(SimAdvanceReplay(DAYTS(10, 19, 56, 0)), NL_OK);
    CHECK(strstr(last_order(sub_ok), "PETR4 st=0") != NULL, "sub-account: %s", last_order(sub_ok));
    CHECK(strstr(last_order(sub_bad), "text=wrong routing password for account=1001") != NULL, "sub-account password: %s", last_order(sub_bad));
    NResult rc;
    TConnectorOrderOut o = details(v0id, NULL, &rc);
    char sub[8];
    TConnectorOrderOut so = details(sub_ok, NULL, &rc);
    ascii(so.AccountID.SubAccountID, sub, sizeof sub);
    CHECK(o.OrderSide == COS_SELL && o.OrderType == COT_LIMIT && o.Price == 36.50 && !strcmp(sub, "A1"),
          "V0 order side %u type %u px %f; sub %s", o.OrderSide, o.OrderType, o.Price, sub);
}

/* Session F: the session grid and calendar (b3-market.md), futures ticks, a sub-account, V0 enums, an exchange
   that is always open. A tape spanning 2025-03-04 .. 2025-03-10. */
static void session_f(void) {
    FILE *f = fopen("sim_routing_days.csv", "w");
    fputs("# blackbox-replay v1\n"
          "ts_nanos,ticker,exchange,event,trade_number,price,quantity,trade_type,buy_agent,sell_agent,bid,ask,source_seq\n", f);
    fprintf(f, "%lld,PETR4,B,K,,,,,,,36.00,36.02,\n", (long long)DAYTS(4, 14, 0, 0));      /* Carnival Tuesday */
    fprintf(f, "%lld,PETR4,B,K,,,,,,,36.00,36.02,\n", (long long)DAYTS(5, 15, 30, 0));     /* Ash Wednesday 12:30 */
    fprintf(f, "%lld,WINJ25,F,K,,,,,,,128000,128010,\n", (long long)DAYTS(7, 12, 5, 0));   /* Friday 09:05 */
    fprintf(f, "%lld,WDOJ25,F,K,,,,,,,5800.0,5800.5,\n", (long long)DAYTS(7, 12, 5, 1));
    fprintf(f, "%lld,PETR4,B,K,,,,,,,36.00,36.02,\n", (long long)DAYTS(7, 20, 0, 30));     /* Friday 17:00:30, winter grid */
    fprintf(f, "%lld,BTCUSDT,SPOT,T,1,61837.63,1,2,0,0,,,\n", (long long)DAYTS(8, 12, 0, 0)); /* Saturday */
    fprintf(f, "%lld,BTCUSDT,SPOT,T,2,61900,1,2,0,0,,,\n", (long long)DAYTS(8, 12, 0, 10));
    fprintf(f, "%lld,BTCUSDT,SPOT,T,3,62000,5,2,0,0,,,\n", (long long)DAYTS(8, 12, 0, 20));
    fprintf(f, "%lld,BTCUSDT,SPOT,T,4,61850,5,3,0,0,,,\n", (long long)DAYTS(8, 12, 0, 30));
    fprintf(f, "%lld,PETR4,B,K,,,,,,,36.00,36.02,\n", (long long)DAYTS(10, 19, 56, 0));    /* Monday 16:56, US DST grid */
    fprintf(f, "%lld,PETR4,B,K,,,,,,,36.00,36.02,\n", (long long)DAYTS(10, 20, 0, 30));    /* Monday 17:00:30 */
    fprintf(f, "%lld,WINJ25,F,K,,,,,,,128000,128010,\n", (long long)DAYTS(10, 21, 26, 0)); /* Monday 18:26 */
    fclose(f);
    CHECK_RC(SimResetOptions(), NL_OK);
    set_opt("replay.files", "sim_routing_days.csv");
    set_opt("replay.start", "manual");
    set_opt("login.step_ms", "0");
    set_opt("routing.roster", ROSTER);
    login();
    struct { int d, h, m, s; const char16_t *tk; uint8_t type; double px; int64_t q; const char *want; } c[] = {
        {4, 14, 0, 0, u"PETR4", COT_LIMIT, 36.00, 100,
         "text=market closed for PETR4 at 2025-03-04 11:00:00: b3-equities hours that day: closed (B3 holiday)"},
        {5, 15, 30, 0, u"PETR4", COT_LIMIT, 36.00, 100,
         "text=market closed for PETR4 at 2025-03-05 12:30:00: b3-equities hours that day: 12:45-13:00 pre-opening call, "
         "13:00-17:55 continuous, 17:55-18:00 closing call"},
        {7, 12, 5, 1, u"WINJ25", COT_LIMIT, 128002, 1, "text=price must be a multiple of the tick 5.00: ticker=WINJ25 price=128002"},
        {7, 12, 5, 1, u"WINJ25", COT_LIMIT, 128005, 1, "WINJ25 st=0 q=1"},
        {7, 12, 5, 1, u"WDOJ25", COT_LIMIT, 5800.25, 1, "text=price must be a multiple of the tick 0.50: ticker=WDOJ25 price=5800.25"},
        {7, 12, 5, 1, u"WDOJ25", COT_MARKET, -1, 2, "WDOJ25 st=2 q=2 tr=2 lv=0 avg=5800.5000"},
        {7, 20, 0, 30, u"PETR4", COT_LIMIT, 36.00, 100, "PETR4 st=0 q=100"},
        {8, 12, 0, 0, u"BTCUSDT", COT_LIMIT, 61837.631, 1, "text=price must be a multiple of the tick 0.01: ticker=BTCUSDT price=61837.631"},
        {8, 12, 0, 0, u"BTCUSDT", COT_LIMIT, 61800.00, 3, "BTCUSDT st=0 q=3"},
        {10, 19, 56, 0, u"PETR4", COT_MARKET, -1, 100,
         "text=market orders only in continuous trading: PETR4 at 2025-03-10 16:56:00 is in the closing call (16:55-17:00)"},
        {10, 19, 56, 0, u"PETR4", COT_LIMIT, 36.00, 100, "PETR4 st=0 q=100"},
        {10, 20, 0, 30, u"PETR4", COT_LIMIT, 36.00, 100,
         "text=market closed for PETR4 at 2025-03-10 17:00:30: b3-equities hours that day: 09:30-09:45 offer cancellation, "
         "09:45-10:00 pre-opening call, 10:00-16:55 continuous, 16:55-17:00 closing call"},
        {10, 21, 26, 0, u"WINJ25", COT_LIMIT, 128005, 1,
         "text=market closed for WINJ25 at 2025-03-10 18:26:00: b3-index-futures hours that day: 09:00-18:25 continuous"},
    };
    for (size_t i = 0; i < sizeof c / sizeof *c; i++) {
        CHECK_RC(SimAdvanceReplay(DAYTS(c[i].d, c[i].h, c[i].m, c[i].s)), NL_OK);
        TConnectorSendOrder o;
        memset(&o, 0, sizeof o);
        o.Version = 1;
        o.AccountID = (TConnectorAccountIdentifier){0, 308, u"1002", NULL, 0};
        o.AssetID = (TConnectorAssetIdentifier){0, c[i].tk, c[i].tk[0] == u'W' ? u"F" : c[i].tk[0] == u'B' ? u"SPOT" : u"B", 0};
        o.Password = u"pw2";
        o.OrderType = c[i].type;
        o.OrderSide = COS_BUY;
        o.Price = c[i].px;
        o.StopPrice = -1;
        o.Quantity = c[i].q;
        int64_t id = SendOrder(&o);
        CHECK_RC(SimAdvanceReplay(DAYTS(c[i].d, c[i].h, c[i].m, c[i].s)), NL_OK);
        CHECK(id > 0 && strstr(last_order(id), c[i].want) != NULL, "case %zu:\n    got  %s\n    want ...%s", i, last_order(id), c[i].want);
        if (i == 10) subaccount_and_v0();
        if (i == 8) {
            /* trades only, no book: a market buy of 3 takes 1 at the next print (61900), then rests at 61900 (B3: the
               price of its last execution), so the 62000 print passes it and the 61850 one fills the other 2 there */
            TConnectorSendOrder mo = o;
            mo.OrderType = COT_MARKET;
            mo.Price = -1;
            mo.Quantity = 3;
            int64_t mk = SendOrder(&mo);
            CHECK_RC(SimAdvanceReplay(DAYTS(8, 12, 0, 20)), NL_OK);
            CHECK(strstr(last_order(mk), "BTCUSDT st=1 q=3 tr=1 lv=2 avg=61900.0000") != NULL, "market after 62000: %s", events(mk));
            CHECK_RC(SimAdvanceReplay(DAYTS(8, 12, 0, 30)), NL_OK);
            CHECK(strstr(last_order(mk), "BTCUSDT st=2 q=3 tr=3 lv=0 avg=61866.6667") != NULL, "market after 61850: %s", events(mk));
        }
    }
    /* the Friday PETR4 order expired at 18:00 Friday; the Saturday BTCUSDT one at local midnight */
    CHECK(count_prefix("order ") > 0 && strstr(joined("order "), "PETR4 st=12 q=100") != NULL, "expiry across days: %s", joined("order "));
    CHECK(strstr(joined("order "), "BTCUSDT st=12 q=3") != NULL, "day order of an always-open market: %s", joined("order "));
    CHECK_RC(DLLFinalize(), NL_OK);
    remove("sim_routing_days.csv");
}

/* The demo roster with the Binance sample that `blackbox up` replays by default (paths from run.sh). */
static void demo(void) {
    const char *roster = getenv("SIM_DEMO_ROSTER"), *sample = getenv("SIM_SAMPLE_REPLAY");
    if (!roster || !sample || access(roster, R_OK) || access(sample, R_OK)) {
        printf("SKIP demo roster check: SIM_DEMO_ROSTER / SIM_SAMPLE_REPLAY not set or unreadable\n");
        return;
    }
    CHECK_RC(SimResetOptions(), NL_OK);
    set_opt("routing.roster", roster);
    set_opt("replay.files", sample);
    set_opt("replay.start", "manual");
    set_opt("login.step_ms", "0");
    login();
    CHECK_RC(GetAccountCount(), 24);
    CHECK_RC(GetAccountCountByBroker(85), 16);
    TConnectorAccountIdentifier m = {0, 85, u"4513007", NULL, 0};
    CHECK_RC(GetSubAccountCount(&m), 1);
    CHECK_RC(SimAdvanceReplay(INT64_C(1723161534300000000)), NL_OK);   /* a few sample trades in */
    /* the sample has trades and no book: a market order is accepted (the last trade is a reference price), takes
       nothing on arrival and fills against the following prints at their prices; a buy limit far above the market
       fills at the print, not at its limit */
    TConnectorSendOrder o;
    memset(&o, 0, sizeof o);
    o.Version = 1;
    o.AccountID = (TConnectorAccountIdentifier){0, 85, u"4513023", NULL, 0};
    o.AssetID = (TConnectorAssetIdentifier){0, u"BTCUSDT", u"SPOT", 0};
    o.Password = u"demo123";
    o.OrderType = COT_MARKET;
    o.OrderSide = COS_BUY;
    o.Price = -1;
    o.StopPrice = -1;
    o.Quantity = 20000;
    int64_t mk = SendOrder(&o);
    o.AssetID = (TConnectorAssetIdentifier){0, u"ETHUSDT", u"SPOT", 0};
    o.OrderType = COT_LIMIT;
    o.Price = 3000.00;
    o.Quantity = 1000;
    int64_t lm = SendOrder(&o);
    CHECK_RC(SimStartReplay(), NL_OK);
    char p[32];
    snprintf(p, sizeof p, "order %lld ", (long long)mk);
    CHECK(wait_prefix(p, 2), "demo market order: %s", events(mk));
    snprintf(p, sizeof p, "order %lld ", (long long)lm);
    CHECK(wait_prefix(p, 2), "demo limit order: %s", events(lm));
    msleep(50);
    if (getenv("SIM_DEBUG")) printf("demo market order: %s\n", events(mk));
    NResult r1, r2;
    TConnectorOrderOut om = details(mk, NULL, &r1), ol = details(lm, NULL, &r2);
    CHECK(r1 == NL_OK && om.TradedQuantity > 0 && om.AveragePrice > 61000 && om.AveragePrice < 62500,
          "demo market order: traded %lld avg %f: %s", (long long)om.TradedQuantity, om.AveragePrice, events(mk));
    CHECK(r2 == NL_OK && ol.OrderStatus == COS_FILLED && ol.AveragePrice > 2600 && ol.AveragePrice < 2750,
          "demo limit order: st %u avg %f", ol.OrderStatus, ol.AveragePrice);
    NResult rc;
    TConnectorTradingAccountPosition ps;
    memset(&ps, 0, sizeof ps);
    ps.Version = 1;
    ps.AccountID = (TConnectorAccountIdentifier){0, 85, u"4513007", u"001", 0};
    ps.AssetID = (TConnectorAssetIdentifier){0, u"ETHUSDT", u"SPOT", 0};
    ps.PositionType = CPT_CONSOLIDATED;
    rc = GetPositionV2(&ps);
    CHECK(rc == NL_OK && ps.OpenQuantity == 300000000 && ps.OpenAveragePrice == 2650.00, "demo sub-account position: %#x %lld",
          (unsigned)rc, (long long)ps.OpenQuantity);
    CHECK_RC(DLLFinalize(), NL_OK);
}

static void market_only(void) {
    base_options();
    log_reset();
    CHECK_RC(DLLInitializeMarketLogin(u"K", u"u", u"p", on_state, NULL, NULL, NULL, NULL, NULL, NULL, NULL), NL_OK);
    TConnectorAccountIdentifier a = {0, 308, u"1001", NULL, 0};
    CHECK_RC(GetAccountCount(), NL_MARKET_ONLY);
    CHECK_RC(SendOrder(NULL), NL_MARKET_ONLY);
    CHECK_RC(SendCancelOrdersV2(NULL), NL_MARKET_ONLY);
    CHECK_RC(GetSubAccountCount(&a), NL_MARKET_ONLY);
    CHECK_RC(EnumerateOrdersByInterval(&a, 0, &DAY_START, &DAY_END, 0, enum_cb), NL_MARKET_ONLY);
    CHECK_RC(DLLFinalize(), NL_OK);
}

int main(void) {
    /* our files go to a private temporary directory, so two runs at once cannot overwrite each other's */
    char dir[] = "/tmp/sim_routing_XXXXXX";
    if (!mkdtemp(dir) || chdir(dir) != 0) { perror("temporary directory"); return 2; }
    logv = calloc(MAXLOG, LINE);
    write_files();
    options_and_files();
    session_a();
    session_b();
    session_c();
    session_d();
    session_e();
    session_f();
    demo();
    market_only();
    CHECK(wrong_thread == 0, "%d callbacks ran outside the ConnectorThread", wrong_thread);
    CHECK_RC(SimResetOptions(), NL_OK);
    free(logv);
    printf("%d passed, %d failed\n", passed, failed);
    return failed ? 1 : 0;
}
