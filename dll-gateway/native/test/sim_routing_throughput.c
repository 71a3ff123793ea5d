/* sim_routing_throughput.c — the simulator's own order-path ceiling: accepted orders per second from
   SendOrder on T client threads to the OrderCallback that reports the order accepted (status New), with
   trivial callbacks (they count). Each run sends N limit orders that rest (no replay, routing.hours=always),
   so every order costs SendOrder + 4 TradingMessageResult + 1 OrderCallback. Usage: sim_routing_throughput [N] */
#define _POSIX_C_SOURCE 200809L
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <unistd.h>
#include <stdlib.h>
#include <time.h>

#include "sim/profitdll_sim.h"

static atomic_long accepted, messages;
static long n_orders;
static int n_threads;

static void on_order(const TConnectorOrderIdentifier *id) {
    (void)id;
    atomic_fetch_add_explicit(&accepted, 1, memory_order_relaxed);
}

static void on_tmr(const TConnectorTradingMessageResult *m) {
    (void)m;
    atomic_fetch_add_explicit(&messages, 1, memory_order_relaxed);
}

static double now_s(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + t.tv_nsec * 1e-9;
}

static double send_seconds[64];

static void *sender(void *arg) {
    long k = (long)arg;
    TConnectorSendOrder o = {
        .Version = 1, .AccountID = {0, 308, u"1001", NULL, 0}, .AssetID = {0, u"PETR4", u"B", 0}, .Password = u"pw",
        .OrderType = COT_LIMIT, .OrderSide = COS_BUY, .Price = 30.00, .StopPrice = -1, .Quantity = 100};
    double t0 = now_s();
    for (long i = k; i < n_orders; i += n_threads)
        if (SendOrder(&o) <= 0) { fprintf(stderr, "SendOrder failed\n"); exit(1); }
    send_seconds[k] = now_s() - t0;
    return NULL;
}

static void run(int threads) {
    n_threads = threads;
    atomic_store(&accepted, 0);
    atomic_store(&messages, 0);
    if (DLLInitializeLogin(u"K", u"u", u"p", NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL) != NL_OK) {
        fprintf(stderr, "init: %s\n", SimLastError());
        exit(1);
    }
    while (GetAccountCount() != 1) {
        struct timespec t = {0, 100000};
        nanosleep(&t, NULL);
    }
    pthread_t th[64];
    double t0 = now_s();
    for (long k = 0; k < threads; k++) pthread_create(&th[k], NULL, sender, (void *)k);
    for (int k = 0; k < threads; k++) pthread_join(th[k], NULL);
    while (atomic_load_explicit(&accepted, memory_order_relaxed) < n_orders) {
        struct timespec t = {0, 50000};
        nanosleep(&t, NULL);
    }
    double dt = now_s() - t0, send = 0;
    for (int k = 0; k < threads; k++) send = send_seconds[k] > send ? send_seconds[k] : send;
    DLLFinalize();
    printf("routing, %d client thread%s: %.0f accepted orders/s (SendOrder alone: %.0f calls/s; %ld trading messages)\n",
           threads, threads > 1 ? "s" : "", n_orders / dt, n_orders / send, atomic_load(&messages));
}

int main(int argc, char **argv) {
    /* our files go to a private temporary directory, so two runs at once cannot overwrite each other's */
    char dir[] = "/tmp/sim_routing_XXXXXX";
    if (!mkdtemp(dir) || chdir(dir) != 0) { perror("temporary directory"); return 2; }
    n_orders = argc > 1 ? atol(argv[1]) : 500000;
    FILE *f = fopen("sim_routing_tp_roster.csv", "w");
    fputs("# blackbox-sim-roster v1\n"
          "group,broker_id,broker_name,account_id,sub_account_id,owner_name,account_type,enabled,routing_password,cash_brl,positions\n"
          "G,308,Clear Corretora,1001,,Ana Lima,owner,1,pw,0,\n", f);
    fclose(f);
    f = fopen("sim_routing_tp_inst.csv", "w");
    fputs("# blackbox-sim-instruments v1\nticker,exchange,lot,tick,max_quantity,hours\nPETR4,B,100,0.01,,\n", f);
    fclose(f);
    if (SimSetOption("routing.roster", "sim_routing_tp_roster.csv") || SimSetOption("routing.instruments", "sim_routing_tp_inst.csv") ||
        SimSetOption("routing.hours", "always") || SimSetOption("login.step_ms", "0")) {
        fprintf(stderr, "SimSetOption: %s\n", SimLastError());
        return 1;
    }
    SetOrderCallback(on_order);
    SetTradingMessageResultCallback(on_tmr);
    /* a fresh broker per run: SimResetOptions forgets the day (else the second run starts with N resting orders) */
    int runs[] = {1, 2, 4};
    for (int i = 0; i < 3; i++) {
        run(runs[i]);
        SimResetOptions();
        SimSetOption("routing.roster", "sim_routing_tp_roster.csv");
        SimSetOption("routing.instruments", "sim_routing_tp_inst.csv");
        SimSetOption("routing.hours", "always");
        SimSetOption("login.step_ms", "0");
    }
    SimResetOptions();
    remove("sim_routing_tp_roster.csv");
    remove("sim_routing_tp_inst.csv");
    return 0;
}
