/* sim_smoke.c — smoke test of the ProfitDLL simulator, linked against libprofitdll-sim.so.
   Callbacks append lines to an event log; the main thread waits for expected lines with a timeout.
   Prints "N passed, M failed" last and exits nonzero on any failure. */
#define _GNU_SOURCE
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
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

/* ------------------------------------------------------------------ event log */

#define MAXLOG 4096
static pthread_mutex_t log_lock = PTHREAD_MUTEX_INITIALIZER;
static char logv[MAXLOG][128];
static int nlog;
static pthread_t cb_thread;
static int cb_thread_set, wrong_thread;

static void logf_(const char *fmt, ...) {
    char buf[128];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    pthread_mutex_lock(&log_lock);
    char name[32] = "";
    pthread_getname_np(pthread_self(), name, sizeof name);
    if (strcmp(name, "ConnectorThread")) wrong_thread++;
    if (nlog < MAXLOG) strcpy(logv[nlog++], buf);
    pthread_mutex_unlock(&log_lock);
}

static void log_reset(void) {
    pthread_mutex_lock(&log_lock);
    nlog = 0;
    pthread_mutex_unlock(&log_lock);
}

static int log_find(const char *line, int from) {
    pthread_mutex_lock(&log_lock);
    int r = -1;
    for (int i = from; i < nlog; i++)
        if (!strcmp(logv[i], line)) { r = i; break; }
    pthread_mutex_unlock(&log_lock);
    return r;
}

static int log_count_prefix(const char *prefix) {
    pthread_mutex_lock(&log_lock);
    int c = 0;
    for (int i = 0; i < nlog; i++)
        if (!strncmp(logv[i], prefix, strlen(prefix))) c++;
    pthread_mutex_unlock(&log_lock);
    return c;
}

static void msleep(int ms) {
    struct timespec t = {ms / 1000, (ms % 1000) * 1000000L};
    nanosleep(&t, NULL);
}

static int wait_for(const char *line, int timeout_ms) {
    for (int t = 0; t < timeout_ms; t++) {
        int i = log_find(line, 0);
        if (i >= 0) return i;
        msleep(1);
    }
    return -1;
}

/* Like wait_for, for a line at index `from` or later. */
static int wait_for_after(const char *line, int from, int timeout_ms) {
    for (int t = 0; t < timeout_ms; t++) {
        int i = log_find(line, from);
        if (i >= 0) return i;
        msleep(1);
    }
    return -1;
}

/* The log lines with the given prefix, joined with '|'. */
static void log_join(const char *prefix, char *out, size_t cap) {
    out[0] = 0;
    pthread_mutex_lock(&log_lock);
    for (int i = 0; i < nlog; i++)
        if (!strncmp(logv[i], prefix, strlen(prefix))) {
            if (out[0]) strncat(out, "|", cap - strlen(out) - 1);
            strncat(out, logv[i], cap - strlen(out) - 1);
        }
    pthread_mutex_unlock(&log_lock);
}

static void ascii(const char16_t *s, char *out) {
    while (*s) *out++ = (char)*s++;
    *out = 0;
}

/* ------------------------------------------------------------------ callbacks */

static TConnectorTrade first_trade;
static int first_trade_set;
static char16_t legacy_date[32];
static volatile int finalize_in_cb_rc = 1, try_finalize_in_cb;
static volatile int resubscribe_on_reconnect, stall_ms_on_first_trade;
static int disconnect_seen;

static void on_state(int32_t type, int32_t value) {
    logf_("state %d %d", type, value);
    if (type == 2 && value == MARKET_DISCONNECTED) disconnect_seen = 1;
    if (type == 2 && value == MARKET_CONNECTED && disconnect_seen && resubscribe_on_reconnect) {
        resubscribe_on_reconnect = 0;
        SubscribeTicker(u"PETR4", u"B");
    }
}

static void on_trade(const TConnectorAssetIdentifier *a, const void *trade, uint32_t flags) {
    char t[40];
    ascii(a->Ticker, t);
    TConnectorTrade tr = {.Version = 0};
    NResult rc = TranslateTrade(trade, &tr);
    if (!first_trade_set) { first_trade = tr; first_trade_set = 1; }
    logf_("trade %s %u %u rc=%d", t, tr.TradeNumber, flags, rc);
    if (try_finalize_in_cb) { try_finalize_in_cb = 0; finalize_in_cb_rc = DLLFinalize(); }
    if (stall_ms_on_first_trade) { int ms = stall_ms_on_first_trade; stall_ms_on_first_trade = 0; msleep(ms); }
}

static void on_legacy_trade(const TAssetIDRec *a, const PDLL_WCHAR *date, uint32_t num, double price, double vol,
                            int32_t qty, int32_t buy, int32_t sell, int32_t type, int32_t edit) {
    (void)a; (void)price; (void)vol; (void)qty; (void)buy; (void)sell; (void)type; (void)edit;
    if (num == 1 && !legacy_date[0]) memcpy(legacy_date, date, 24 * sizeof(char16_t));
}

static void on_history(const TConnectorAssetIdentifier *a, const void *trade, uint32_t flags) {
    char t[40];
    ascii(a->Ticker, t);
    TConnectorTrade tr = {.Version = 0};
    TranslateTrade(trade, &tr);
    logf_("hist %s %u %u", t, tr.TradeNumber, flags);
}

static void on_progress(const TAssetIDRec *a, int32_t p) {
    char t[40];
    ascii(a->pwcTicker, t);
    logf_("progress %s %d", t, p);
}

static void on_invalid(const TConnectorAssetIdentifier *a) {
    char t[40], e[16];
    ascii(a->Ticker, t);
    ascii(a->Exchange, e);
    logf_("invalid %s %s", t, e);
}

static void on_ticker_state(const TAssetIDRec *a, const PDLL_WCHAR *date, int32_t st) {
    char t[40], d[40];
    ascii(a->pwcTicker, t);
    ascii(date, d);
    logf_("tstate %s %d", t, st);
}

static void on_depth(const TConnectorAssetIdentifier *a, uint8_t side, int32_t pos, uint8_t ut) {
    char t[40];
    ascii(a->Ticker, t);
    TConnectorPriceGroup pg = {.Version = 0};
    NResult rc = GetPriceGroup(a, side, pos, &pg);
    NResult cnt = GetPriceDepthSideCount(a, side);
    if (ut == UT_DELETE) logf_("depth %s %u %u rc=%d cnt=%d", t, side, ut, rc == NL_OUT_OF_RANGE, cnt);
    else logf_("depth %s %u %u %.2f cnt=%d", t, side, ut, pg.Price, cnt);
}

/* ------------------------------------------------------------------ helpers */

static const char *HDR = "# blackbox-replay v1\n"
    "ts_nanos,ticker,exchange,event,trade_number,price,quantity,trade_type,buy_agent,sell_agent,bid,ask,source_seq\n";

static void write_file(const char *path, const char *body) {
    FILE *f = fopen(path, "w");
    fputs(HDR, f);
    fputs(body, f);
    fclose(f);
}

static NResult init_full(void) {
    return DLLInitializeLogin(u"KEY", u"user", u"pass", on_state, NULL, NULL, NULL, on_legacy_trade, NULL, NULL,
                              NULL, NULL, NULL, NULL);
}

static NResult init_market(const char16_t *key) {
    return DLLInitializeMarketLogin(key, u"user", u"pass", on_state, NULL, NULL, NULL, NULL, NULL, on_progress, NULL);
}

static void set_opt(const char *k, const char *v) {
    NResult rc = SimSetOption(k, v);
    CHECK(rc == NL_OK, "SimSetOption(%s, %s) = %#x: %s", k, v, (unsigned)rc, SimLastError());
}

/* 2025-03-05 12:00:00 UTC = 09:00:00 in B3 (UTC-3), a Wednesday */
#define A_FILE "/tmp/sim_smoke_a.csv"
#define B_FILE "/tmp/sim_smoke_b.csv"

int main(void) {
    write_file(A_FILE,
        "1741176000000000000,PETR4,B,K,,,,,,,35.90,36.00,1\n"
        "1741176001123456789,PETR4,B,T,1,35.95,100,2,10,20,35.90,36.00,2\n"
        "1741176002000000000,PETR4,B,T,2,36.00,200,4,0,0,35.95,36.05,3\n"
        "# a comment\n"
        "1741176003000000000,PETR4,B,E,2,36.01,200,4,0,0,,,4\n"
        "1741176004000000000,PETR4,B,T,3,36.02,300,3,11,21,,,5\n");
    write_file(B_FILE,
        "1741176001123456789,VALE3,B,T,1,60.10,50,2,1,2,,,1\n"
        "1741176005000000000,VALE3,B,T,2,60.20,60,3,1,2,,,2\n");

    /* ---------------- options and their errors */
    CHECK_RC(SimSetOption("replay.sped", "max"), NL_INVALID_ARGS);
    CHECK(!strcmp(SimLastError(), "unknown option: replay.sped=max"), "last error: %s", SimLastError());
    CHECK_RC(SimSetOption("replay.speed", "fast"), NL_INVALID_ARGS);
    CHECK(!strcmp(SimLastError(), "replay.speed: must be max, realtime or <N>x: value \"fast\""), "last error: %s", SimLastError());
    CHECK_RC(SimSetOption("replay.speed", "0.5x"), NL_OK);
    write_file("/tmp/sim_smoke_bad.csv", "1,PETR4,B,T,1,35.95,100,2,0,0,,,\n2,PETR4,B,T,2,abc,100,2,0,0,,,\n");
    CHECK_RC(SimSetOption("replay.files", "/tmp/sim_smoke_bad.csv"), NL_INVALID_ARGS);
    CHECK(!strcmp(SimLastError(), "bad replay row: /tmp/sim_smoke_bad.csv:4: field price: value \"abc\": not a decimal"),
          "last error: %s", SimLastError());
    write_file("/tmp/sim_smoke_bad.csv", "5,PETR4,B,T,1,35.95,100,2,0,0,,,\n4,PETR4,B,T,2,35.9,100,2,0,0,,,\n");
    CHECK_RC(SimSetOption("replay.files", "/tmp/sim_smoke_bad.csv"), NL_INVALID_ARGS);
    CHECK(strstr(SimLastError(), "sim_smoke_bad.csv:4: field ts_nanos") != NULL, "last error: %s", SimLastError());
    CHECK_RC(SimSetOption("replay.files", "/nonexistent/x.csv"), NL_INVALID_ARGS);
    CHECK_RC(SimResetOptions(), NL_OK);

    /* ---------------- before init */
    CHECK_RC(SubscribeTicker(u"PETR4", u"B"), NL_NOT_INITIALIZED);
    CHECK_RC(GetHistoryTrades(u"PETR4", u"B", u"05/03/2025 09:00:00", u"05/03/2025 10:00:00"), NL_NOT_INITIALIZED);
    CHECK_RC(SendOrder(NULL), NL_NOT_INITIALIZED);
    int32_t health = -1;
    CHECK_RC(GetHealthStatus(&health), NL_NOT_INITIALIZED);
    CHECK_RC(DLLFinalize(), NL_NOT_INITIALIZED);
    CHECK_RC(FreePointer(NULL, 0), NL_OK);
    CHECK_RC(SimStartReplay(), NL_NOT_INITIALIZED);
    CHECK_RC(DLLInitializeLogin(NULL, u"u", u"p", on_state, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL),
             NL_INVALID_ARGS);

    /* setters before init */
    CHECK_RC(SetTradeCallbackV2(on_trade), NL_OK);
    CHECK_RC(SetHistoryTradeCallbackV2(on_history), NL_OK);
    CHECK_RC(SetSerieProgressCallback(on_progress), NL_OK);
    CHECK_RC(SetInvalidTickerCallback(on_invalid), NL_OK);
    CHECK_RC(SetChangeStateTickerCallback(on_ticker_state), NL_OK);
    CHECK_RC(SetPriceDepthCallback(on_depth), NL_OK);
    CHECK_RC(SetOrderCallback(NULL), NL_OK);
    CHECK_RC(SetHealthCallback(NULL), NL_OK);

    /* ---------------- full login, trades, depth, auction, invalid ticker */
    set_opt("replay.files", A_FILE ":" B_FILE);
    set_opt("replay.start", "manual");
    set_opt("login.step_ms", "1");
    CHECK_RC(init_full(), NL_OK);
    CHECK_RC(init_full(), NL_DUPLICATE_RESOURCE);
    CHECK_RC(SimResetOptions(), NL_INTERNAL_ERROR);
    CHECK(wait_for("state 3 0", 3000) >= 0, "no (3,0) after full login");
    char joined[4096];
    log_join("state", joined, sizeof joined);
    CHECK(!strcmp(joined, "state 0 0|state 1 2|state 1 5|state 2 4|state 3 0"), "login states: %s", joined);
    CHECK_RC(GetHealthStatus(&health), NL_OK);
    CHECK(health == SHS_RESPONSIVE, "health %d", health);
    CHECK_RC(SendOrder(NULL), NL_INVALID_ARGS);   /* routing works after a full login (test/sim_routing.c) */
    CHECK_RC(GetAccountCount(), 0);                 /* no routing.roster: no accounts */

    TConnectorAssetIdentifier petr = {.Version = 0, .Ticker = u"PETR4", .Exchange = u"B"};
    CHECK_RC(GetPriceDepthSideCount(&petr, BS_BUY), NL_NOT_FOUND);
    CHECK_RC(SubscribeTicker(NULL, u"B"), NL_INVALID_ARGS);
    CHECK_RC(SubscribeTicker(u"", u"B"), NL_INVALID_ARGS);
    CHECK_RC(SubscribeTicker(u"XXXX3", u"B"), NL_OK);
    CHECK_RC(SubscribeTicker(u"PETR4", u"F"), NL_OK);    /* exchange compared exactly: invalid */
    CHECK_RC(SubscribePriceDepth(&petr), NL_OK);
    CHECK_RC(SubscribeTicker(u"PETR4", u"B"), NL_OK);
    CHECK_RC(SubscribeTicker(u"VALE3", u"B"), NL_OK);
    double clk; int32_t y, mo, d, h, mi, se, ms;
    CHECK_RC(GetServerClock(&clk, &y, &mo, &d, &h, &mi, &se, &ms), NL_OK);
    CHECK(y == 2025 && mo == 3 && d == 5 && h == 9 && mi == 0 && se == 0, "clock before start %d-%d-%d %d:%d:%d", y, mo, d, h, mi, se);
    CHECK(clk > 45721.37 && clk < 45721.38, "TDateTime %f", clk);   /* 2025-03-05 = 45721; 09:00 = .375 */
    CHECK_RC(SimStartReplay(), NL_OK);
    CHECK(wait_for("trade VALE3 2 0 rc=0", 3000) >= 0, "tape did not finish");
    msleep(20);
    log_join("", joined, sizeof joined);
    const char *expect =
        "invalid XXXX3 B|invalid PETR4 F|"
        "depth PETR4 0 0 35.90 cnt=1|depth PETR4 1 0 36.00 cnt=1|"
        "trade PETR4 1 0 rc=0|trade VALE3 1 0 rc=0|"
        "tstate PETR4 4|trade PETR4 2 0 rc=0|depth PETR4 0 1 35.95 cnt=1|depth PETR4 1 1 36.05 cnt=1|"
        "trade PETR4 2 1 rc=0|tstate PETR4 0|trade PETR4 3 0 rc=0|trade VALE3 2 0 rc=0";
    CHECK(strstr(joined, expect) != NULL, "delivery order:\n  got  %s\n  want ...%s", joined, expect);
    CHECK(first_trade.TradeDate.wYear == 2025 && first_trade.TradeDate.wMonth == 3 && first_trade.TradeDate.wDay == 5 &&
          first_trade.TradeDate.wDayOfWeek == 3 && first_trade.TradeDate.wHour == 9 && first_trade.TradeDate.wMinute == 0 &&
          first_trade.TradeDate.wSecond == 1 && first_trade.TradeDate.wMilliseconds == 123,
          "TradeDate %u-%u-%u dow %u %u:%u:%u.%u", first_trade.TradeDate.wYear, first_trade.TradeDate.wMonth,
          first_trade.TradeDate.wDay, first_trade.TradeDate.wDayOfWeek, first_trade.TradeDate.wHour,
          first_trade.TradeDate.wMinute, first_trade.TradeDate.wSecond, first_trade.TradeDate.wMilliseconds);
    CHECK(first_trade.TradeNumber == 1 && first_trade.Price == 35.95 && first_trade.Quantity == 100 &&
          first_trade.Volume == 35.95 * 100 && first_trade.BuyAgent == 10 && first_trade.SellAgent == 20 &&
          first_trade.TradeType == 2, "TranslateTrade values: #%u %f x %lld vol %f agents %d/%d type %u",
          first_trade.TradeNumber, first_trade.Price, (long long)first_trade.Quantity, first_trade.Volume,
          first_trade.BuyAgent, first_trade.SellAgent, first_trade.TradeType);
    char ld[32];
    ascii(legacy_date, ld);
    CHECK(!strcmp(ld, "05/03/2025 09:00:01.123"), "legacy date %s", ld);
    TConnectorTrade bad = {.Version = 1};
    CHECK_RC(TranslateTrade(&bad, &bad), NL_VERSION_NOT_SUPPORTED);
    CHECK_RC(TranslateTrade(NULL, &bad), NL_INVALID_ARGS);
    CHECK_RC(GetPriceDepthSideCount(&petr, BS_SELL), 1);
    TConnectorPriceGroup pg = {.Version = 0};
    CHECK_RC(GetPriceGroup(&petr, BS_BUY, 1, &pg), NL_OUT_OF_RANGE);
    CHECK_RC(GetPriceGroup(&petr, BS_BUY, 0, &pg), NL_OK);
    CHECK(pg.Price == 35.95, "bid %f", pg.Price);
    CHECK_RC(GetServerClock(&clk, &y, &mo, &d, &h, &mi, &se, &ms), NL_OK);
    CHECK(h == 9 && mi == 0 && se == 5, "clock at the end %d:%d:%d", h, mi, se);

    /* ---------------- history */
    log_reset();
    CHECK_RC(GetHistoryTrades(NULL, u"B", u"05/03/2025 09:00:00", u"05/03/2025 10:00:00"), NL_INVALID_ARGS);
    CHECK_RC(GetHistoryTrades(u"PETR4", u"B", u"5/3/2025 09:00:00", u"05/03/2025 10:00:00"), NL_INVALID_ARGS);
    CHECK_RC(GetHistoryTrades(u"PETR4", u"B", u"31/02/2025 09:00:00", u"05/03/2025 10:00:00"), NL_INVALID_ARGS);
    CHECK_RC(GetHistoryTrades(u"PETR4", u"B", u"05/03/2025 10:00:00", u"05/03/2025 09:00:00"), NL_OUT_OF_RANGE);
    CHECK_RC(GetHistoryTrades(u"PETR4", u"B", u"01/02/2025 09:00:00", u"05/03/2025 09:00:00"), NL_HISTORY_PERIOD_LIMIT);
    CHECK_RC(GetHistoryTrades(u"WINJ25", u"F", u"20/02/2025 09:00:00", u"02/03/2025 09:00:00"), NL_INVALID_ARGS);
    CHECK_RC(GetHistoryTrades(u"WINJ25", u"F", u"20/02/2025 09:00:00", u"02/03/2025 08:59:59"), NL_INVALID_TICKER);
    CHECK_RC(GetHistoryTrades(u"PETR4", u"F", u"05/03/2025 09:00:00", u"05/03/2025 10:00:00"), NL_INVALID_TICKER);
    CHECK_RC(GetHistoryTrades(u"PETR4", u"B", u"05/03/2025 09:00:00", u"05/03/2025 09:00:03"), NL_OK);
    CHECK_RC(GetHistoryTrades(u"VALE3", u"B", u"05/03/2025 08:00:00", u"05/03/2025 08:30:00"), NL_OK);
    CHECK(wait_for("progress VALE3 100", 3000) >= 0, "history did not complete");
    log_join("", joined, sizeof joined);
    CHECK(!strcmp(joined, "progress PETR4 0|hist PETR4 1 0|hist PETR4 2 2|progress PETR4 100|"
                          "progress VALE3 0|progress VALE3 100"), "history: %s", joined);
    CHECK_RC(DLLFinalize(), NL_OK);
    CHECK_RC(DLLFinalize(), NL_NOT_INITIALIZED);

    /* ---------------- market-only login; DLLFinalize inside a callback */
    log_reset();
    set_opt("replay.start", "on_first_subscribe");
    CHECK_RC(init_market(u"KEY"), NL_OK);
    CHECK_RC(SendOrder(NULL), NL_MARKET_ONLY);
    CHECK_RC(GetPositionV2(NULL), NL_MARKET_ONLY);
    CHECK(wait_for("state 3 0", 3000) >= 0, "no (3,0) after market login");
    log_join("state", joined, sizeof joined);
    CHECK(!strcmp(joined, "state 0 0|state 2 4|state 3 0"), "market login states: %s", joined);
    try_finalize_in_cb = 1;
    CHECK_RC(SubscribeTicker(u"PETR4", u"B"), NL_OK);
    CHECK(wait_for("trade PETR4 3 0 rc=0", 3000) >= 0, "tape did not start on first subscribe");
    CHECK(finalize_in_cb_rc == (int)NL_INTERNAL_ERROR, "DLLFinalize in callback = %#x", (unsigned)finalize_in_cb_rc);
    CHECK_RC(DLLFinalize(), NL_OK);
    int n_after = nlog;
    msleep(30);
    CHECK(nlog == n_after, "callbacks after DLLFinalize");

    /* ---------------- login failures */
    log_reset();
    set_opt("login.result", "2");
    CHECK_RC(init_market(u"KEY"), NL_OK);
    msleep(50);
    log_join("state", joined, sizeof joined);
    CHECK(!strcmp(joined, "state 0 2"), "login.result=2 states: %s", joined);
    CHECK_RC(DLLFinalize(), NL_OK);
    set_opt("login.result", "0");
    log_reset();
    CHECK_RC(init_market(u""), NL_OK);
    msleep(50);
    log_join("state", joined, sizeof joined);
    CHECK(!strcmp(joined, "state 0 0|state 3 1"), "empty key states: %s", joined);
    CHECK_RC(DLLFinalize(), NL_OK);

    /* ---------------- disconnect / reconnect */
    log_reset();
    disconnect_seen = 0;
    set_opt("replay.start", "manual");
    set_opt("fault.disconnect_after_trades", "2");
    set_opt("fault.reconnect_after_ms", "20");
    CHECK_RC(init_market(u"KEY"), NL_OK);
    CHECK(wait_for("state 3 0", 3000) >= 0, "no (3,0)");
    resubscribe_on_reconnect = 1;
    CHECK_RC(SubscribeTicker(u"PETR4", u"B"), NL_OK);
    CHECK_RC(SimStartReplay(), NL_OK);
    CHECK(wait_for("trade PETR4 3 0 rc=0", 3000) >= 0, "no trades after reconnect");
    log_join("", joined, sizeof joined);
    CHECK(strstr(joined, "trade PETR4 1 0 rc=0|state 2 0|state 2 1|state 2 4|tstate PETR4 4|trade PETR4 2 0 rc=0|"
                         "trade PETR4 2 1 rc=0|tstate PETR4 0|trade PETR4 3 0 rc=0") != NULL, "disconnect: %s", joined);
    CHECK(log_count_prefix("state 2 0") == 1, "disconnect_count=1 exceeded");
    CHECK_RC(DLLFinalize(), NL_OK);

    /* ---------------- stalled consumer */
    log_reset();
    CHECK_RC(SimResetOptions(), NL_OK);
    set_opt("replay.files", A_FILE);
    set_opt("stall.threshold_ms", "40");
    set_opt("login.step_ms", "0");
    CHECK_RC(init_market(u"KEY"), NL_OK);
    stall_ms_on_first_trade = 150;
    CHECK_RC(SubscribeTicker(u"PETR4", u"B"), NL_OK);
    CHECK(wait_for("trade PETR4 3 0 rc=0", 3000) >= 0, "stall: tape did not finish");
    log_join("", joined, sizeof joined);
    CHECK(strstr(joined, "trade PETR4 1 0 rc=0|state 2 6|tstate PETR4 4|state 2 4|trade PETR4 2 0 rc=0") != NULL,
          "stall: %s", joined);
    CHECK_RC(DLLFinalize(), NL_OK);

    /* ---------------- paced replay (20x), started on connect: the 4 s of file A take about 200 ms */
    log_reset();
    CHECK_RC(SimResetOptions(), NL_OK);
    set_opt("replay.files", A_FILE);
    set_opt("replay.speed", "20x");
    set_opt("replay.start", "on_connect");
    set_opt("login.step_ms", "0");
    CHECK_RC(init_market(u"KEY"), NL_OK);
    CHECK_RC(SubscribeTicker(u"PETR4", u"B"), NL_OK);
    struct timespec p0, p1;
    clock_gettime(CLOCK_MONOTONIC, &p0);
    CHECK(wait_for("trade PETR4 1 0 rc=0", 3000) >= 0, "paced: no first trade");
    CHECK(wait_for("trade PETR4 3 0 rc=0", 3000) >= 0, "paced: no last trade");
    clock_gettime(CLOCK_MONOTONIC, &p1);
    double el = (double)(p1.tv_sec - p0.tv_sec) + (p1.tv_nsec - p0.tv_nsec) * 1e-9;
    CHECK(el > 0.12 && el < 1.5, "paced 20x took %.3f s, want about 0.2 s", el);
    CHECK_RC(DLLFinalize(), NL_OK);
    CHECK_RC(SimResetOptions(), NL_OK);
    set_opt("replay.files", A_FILE);
    set_opt("login.step_ms", "0");

    /* ---------------- history that never completes; finalize still works */
    log_reset();
    set_opt("fault.history_never_completes", "1");
    CHECK_RC(init_market(u"KEY"), NL_OK);
    CHECK_RC(GetHistoryTrades(u"PETR4", u"B", u"05/03/2025 09:00:00", u"05/03/2025 09:00:03"), NL_OK);
    CHECK_RC(GetHistoryTrades(u"PETR4", u"B", u"05/03/2025 09:00:00", u"05/03/2025 09:00:03"), NL_OK);
    CHECK(wait_for("progress PETR4 0", 3000) >= 0, "no progress 0");
    msleep(30);
    log_join("progress", joined, sizeof joined);
    /* twice: the init-time TProgressCallback and the SetSerieProgressCallback one; only for the first request */
    CHECK(!strcmp(joined, "progress PETR4 0|progress PETR4 0"), "stuck history: %s", joined);
    CHECK(log_count_prefix("hist") == 0, "stuck history delivered trades");
    CHECK_RC(DLLFinalize(), NL_OK);
    CHECK_RC(SimResetOptions(), NL_OK);

    /* ---------------- market-data faults are live: set while a session runs, they act at once */
    /* a drop armed mid-session: nothing happens before the option, one drop after it, reconnection as set */
    log_reset();
    disconnect_seen = 0;
    CHECK_RC(SimResetOptions(), NL_OK);
    set_opt("replay.files", A_FILE);
    set_opt("replay.start", "manual");
    set_opt("login.step_ms", "0");
    CHECK_RC(init_market(u"KEY"), NL_OK);
    CHECK(wait_for("state 3 0", 3000) >= 0, "live drop: no (3,0)");
    msleep(50);
    CHECK(log_count_prefix("state 2 0") == 0, "live drop: a drop before any fault was set");
    set_opt("fault.reconnect_after_ms", "30");
    set_opt("fault.disconnect_after_ms", "20");
    int drop = wait_for("state 2 0", 2000);
    CHECK(drop >= 0, "live drop: fault.disconnect_after_ms set during the session did not drop market data");
    CHECK(drop >= 0 && wait_for_after("state 2 4", drop, 2000) > drop, "live drop: no reconnection after the live drop");
    msleep(120);
    log_join("state 2", joined, sizeof joined);
    CHECK(!strcmp(joined, "state 2 4|state 2 0|state 2 1|state 2 4"), "live drop states: %s", joined);
    /* setting it again re-arms one more drop (fault.disconnect_count counts from the change) */
    set_opt("fault.disconnect_after_ms", "10");
    CHECK(wait_for("state 2 1", 2000) >= 0, "live drop: the re-armed drop");
    msleep(120);
    CHECK(log_count_prefix("state 2 0") == 2, "live drop: %d drops, want 2", log_count_prefix("state 2 0"));
    CHECK_RC(DLLFinalize(), NL_OK);

    /* a stall armed mid-session: the next trade callback is held, the session reports partial, then recovers */
    log_reset();
    CHECK_RC(SimResetOptions(), NL_OK);
    set_opt("replay.files", A_FILE);
    set_opt("replay.start", "manual");
    set_opt("login.step_ms", "0");
    CHECK_RC(init_market(u"KEY"), NL_OK);
    CHECK(wait_for("state 3 0", 3000) >= 0, "live stall: no (3,0)");
    set_opt("stall.threshold_ms", "40");
    set_opt("fault.stall_ms", "150");
    CHECK_RC(SubscribeTicker(u"PETR4", u"B"), NL_OK);
    CHECK_RC(SimStartReplay(), NL_OK);
    CHECK(wait_for("trade PETR4 3 0 rc=0", 3000) >= 0, "live stall: tape did not finish");
    log_join("", joined, sizeof joined);
    CHECK(strstr(joined, "trade PETR4 1 0 rc=0|state 2 6|tstate PETR4 4|state 2 4|trade PETR4 2 0 rc=0") != NULL,
          "live stall: %s", joined);
    CHECK(log_count_prefix("state 2 6") == 1, "live stall: one stall per set");
    CHECK_RC(SimSetOption("fault.stall_ms", "-1"), NL_INVALID_ARGS);
    CHECK(!strcmp(SimLastError(), "fault.stall_ms: must be an integer 0..3600000: value \"-1\""), "last error: %s", SimLastError());
    CHECK_RC(DLLFinalize(), NL_OK);

    /* history stuck by a live option, released by setting it back: the waiting request completes */
    log_reset();
    CHECK_RC(SimResetOptions(), NL_OK);
    set_opt("replay.files", A_FILE);
    set_opt("login.step_ms", "0");
    CHECK_RC(init_market(u"KEY"), NL_OK);
    CHECK(wait_for("state 3 0", 3000) >= 0, "live history: no (3,0)");
    set_opt("fault.history_never_completes", "1");
    CHECK_RC(GetHistoryTrades(u"PETR4", u"B", u"05/03/2025 09:00:00", u"05/03/2025 09:00:03"), NL_OK);
    CHECK(wait_for("progress PETR4 0", 3000) >= 0, "live history: no progress 0");
    msleep(30);
    CHECK(log_count_prefix("hist") == 0, "live history: the stuck request delivered trades");
    set_opt("fault.history_never_completes", "0");
    CHECK(wait_for("progress PETR4 100", 3000) >= 0, "live history: not released by setting the option back");
    CHECK(log_count_prefix("hist") == 2, "live history: %d trades, want the window's 2", log_count_prefix("hist"));
    CHECK_RC(DLLFinalize(), NL_OK);
    CHECK_RC(SimResetOptions(), NL_OK);

    CHECK(wrong_thread == 0, "%d callbacks ran outside the ConnectorThread", wrong_thread);
    (void)cb_thread; (void)cb_thread_set;
    printf("%d passed, %d failed\n", passed, failed);
    return failed ? 1 : 0;
}
