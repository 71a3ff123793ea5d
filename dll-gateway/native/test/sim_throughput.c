/* sim_throughput.c — trade callbacks per second of the simulator in `max` mode.
   Writes a 2-million-trade synthetic replay to /tmp, subscribes its ticker and times the tape from
   SubscribeTicker (the tape starts there) to the last callback. The callback only counts; a second
   run also calls TranslateTrade in the callback, as a real consumer would. */
#define _POSIX_C_SOURCE 200809L
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "sim/profitdll_sim.h"

#define N 2000000
#define FILE_PATH "/tmp/sim_throughput.csv"

static atomic_long count;
static int translate;
static double sink;

static void on_trade(const TConnectorAssetIdentifier *a, const void *trade, uint32_t flags) {
    (void)a; (void)flags;
    if (translate) {
        TConnectorTrade t = {.Version = 0};
        TranslateTrade(trade, &t);
        sink += t.Price;
    }
    atomic_store_explicit(&count, atomic_load_explicit(&count, memory_order_relaxed) + 1, memory_order_relaxed);
}

static volatile int ready;
static void on_state(int32_t type, int32_t value) {
    if (type == 3 && value == 0) ready = 1;
}

static double now_s(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + t.tv_nsec * 1e-9;
}

static double run(int with_translate) {
    translate = with_translate;
    atomic_store(&count, 0);
    ready = 0;
    if (DLLInitializeMarketLogin(u"KEY", u"u", u"p", on_state, NULL, NULL, NULL, NULL, NULL, NULL, NULL) != NL_OK) {
        fprintf(stderr, "init failed\n");
        exit(1);
    }
    while (!ready) {
        struct timespec t = {0, 100000};
        nanosleep(&t, NULL);
    }
    double t0 = now_s();
    SubscribeTicker(u"PETR4", u"B");
    while (atomic_load_explicit(&count, memory_order_relaxed) < N) {
        struct timespec t = {0, 50000};
        nanosleep(&t, NULL);
    }
    double dt = now_s() - t0;
    DLLFinalize();
    return N / dt;
}

int main(void) {
    FILE *f = fopen(FILE_PATH, "w");
    fputs("# blackbox-replay v1\n"
          "ts_nanos,ticker,exchange,event,trade_number,price,quantity,trade_type,buy_agent,sell_agent,bid,ask,source_seq\n", f);
    long long ts = 1741176000000000000LL;
    for (int i = 1; i <= N; i++) {
        int cents = 3500 + (i * 7) % 200;
        fprintf(f, "%lld,PETR4,B,T,%d,%d.%02d,%d,%d,1,2,,,%d\n", ts + (long long)i * 1000, i, cents / 100, cents % 100,
                100 * (1 + i % 5), 2 + i % 2, i);
    }
    fclose(f);
    double t0 = now_s();
    if (SimSetOption("replay.files", FILE_PATH) != NL_OK || SimSetOption("login.step_ms", "0") != NL_OK) {
        fprintf(stderr, "SimSetOption: %s\n", SimLastError());
        return 1;
    }
    printf("loaded %d trades in %.2f s\n", N, now_s() - t0);
    SetTradeCallbackV2(on_trade);
    double a = run(0), b = run(1);
    printf("max mode, trivial callback: %.1f million trade callbacks/s\n", a / 1e6);
    printf("max mode, callback calling TranslateTrade: %.1f million trade callbacks/s\n", b / 1e6);
    SimResetOptions();
    remove(FILE_PATH);
    return sink < 0;
}
