#!/usr/bin/env python3
"""Baseline for bench goal 1: the ProfitDLL simulator driven by Python's built-in ctypes, the way the desk
binds the DLL today. Standard library only.

Per run: load options (SimSetOption, UTF-8), DLLInitializeMarketLogin with a state callback, register a
SetTradeCallbackV2 callback that calls TranslateTrade into a ctypes.Structure and puts a tuple into a queue;
a consumer thread drains the queue. Wait for state (2,4), subscribe both tickers, start the clock,
SimStartReplay(), stop the clock when the consumer has taken every trade. Prints one line per run:

    RESULT run=<warmup1|1|2..> impl=<name> trades=<n> seconds=<s> overflows=0

Usage: ctypes_baseline.py --library libprofitdll-sim.so --replay FILE --trades N [--runs 3] [--warmups 1]
                          [--queue queue|simple|deque] [--tickers PETR4:B,VALE3:B]

--queue: queue.Queue (what desk scripts usually use; a lock + condition per put/get), queue.SimpleQueue
(C-implemented, lighter) or collections.deque (append/popleft, the consumer polls; the lightest).
"""
import argparse
import collections
import ctypes
import queue
import statistics
import sys
import threading
import time

# --------------------------------------------------------------------------- ABI (dll-gateway/native/profitdll.h)

# On Windows every ProfitDLL function and callback is stdcall: there the desk uses ctypes.WinDLL and
# ctypes.WINFUNCTYPE. On x86-64 Linux (the simulator) it is the SysV convention: CDLL and CFUNCTYPE.
CALLBACK = ctypes.CFUNCTYPE


class SYSTEMTIME(ctypes.Structure):
    _fields_ = [(name, ctypes.c_uint16) for name in (
        "wYear", "wMonth", "wDayOfWeek", "wDay", "wHour", "wMinute", "wSecond", "wMilliseconds")]


class TConnectorTrade(ctypes.Structure):
    # Natural alignment (Delphi default record alignment), NOT _pack_ = 1: size 64, TradeNumber @20, Price @24.
    _fields_ = [
        ("Version", ctypes.c_uint8),
        ("TradeDate", SYSTEMTIME),
        ("TradeNumber", ctypes.c_uint32),
        ("Price", ctypes.c_double),
        ("Quantity", ctypes.c_int64),
        ("Volume", ctypes.c_double),
        ("BuyAgent", ctypes.c_int32),
        ("SellAgent", ctypes.c_int32),
        ("TradeType", ctypes.c_uint8),
    ]


class TConnectorAssetIdentifier(ctypes.Structure):
    # The strings are UTF-16 pointers. Declaring them c_wchar_p would work on Windows (16-bit wchar_t) and
    # silently read garbage on Linux (32-bit wchar_t), so they stay raw pointers decoded by utf16_at().
    _fields_ = [
        ("Version", ctypes.c_uint8),
        ("Ticker", ctypes.c_void_p),
        ("Exchange", ctypes.c_void_p),
        ("FeedType", ctypes.c_uint8),
    ]


assert ctypes.sizeof(TConnectorTrade) == 64 and TConnectorTrade.Price.offset == 24, "TConnectorTrade layout"
assert ctypes.sizeof(TConnectorAssetIdentifier) == 32, "TConnectorAssetIdentifier layout"

# The record is passed "by value" in the vendor's Delphi declaration; Win64 passes records larger than 8 bytes
# as a pointer to a copy, and the simulator spells that pointer out on Linux (PDLL_RECORD_ARG), so the
# callback receives a pointer on both systems.
TStateCallback = CALLBACK(None, ctypes.c_int32, ctypes.c_int32)
TConnectorTradeCallback = CALLBACK(None, ctypes.POINTER(TConnectorAssetIdentifier), ctypes.c_void_p, ctypes.c_uint32)

_U16P = ctypes.POINTER(ctypes.c_uint16)


def utf16z(text):
    """A NUL-terminated UTF-16LE buffer for a PDLL_WCHAR* argument.

    THE TRAP: ctypes.c_wchar_p / create_unicode_buffer use the platform wchar_t, which is UTF-16 on Windows but
    32-bit UTF-32 on Linux. The DLL (and the simulator) read UTF-16 code units, so on Linux c_wchar_p("PETR4")
    arrives as "P", NUL... and the DLL sees the ticker "P". Encode explicitly instead, plus a 2-byte NUL.
    """
    return ctypes.create_string_buffer(text.encode("utf-16-le") + b"\x00\x00")


def utf16_at(address):
    """Decodes a NUL-terminated UTF-16LE string at a raw address (ctypes.wstring_at would read 32-bit units here)."""
    units = ctypes.cast(address, _U16P)
    n = 0
    while units[n]:
        n += 1
    return ctypes.string_at(address, 2 * n).decode("utf-16-le")


def bind(path):
    dll = ctypes.CDLL(path)  # ctypes.WinDLL(r"ProfitDLL64.dll") on Windows
    NResult = ctypes.c_int32
    sig = {
        "SimSetOption": (NResult, [ctypes.c_char_p, ctypes.c_char_p]),
        "SimResetOptions": (NResult, []),
        "SimLastError": (ctypes.c_char_p, []),
        "SimStartReplay": (NResult, []),
        # key, user, password, StateCallback, NewTrade, NewDaily, PriceBook, OfferBook, HistoryTrade, Progress, TinyBook
        "DLLInitializeMarketLogin": (NResult, [ctypes.c_void_p] * 3 + [TStateCallback] + [ctypes.c_void_p] * 7),
        "DLLFinalize": (NResult, []),
        "SetTradeCallbackV2": (NResult, [TConnectorTradeCallback]),
        "SubscribeTicker": (NResult, [ctypes.c_void_p, ctypes.c_void_p]),
        "TranslateTrade": (NResult, [ctypes.c_void_p, ctypes.POINTER(TConnectorTrade)]),
    }
    for name, (restype, argtypes) in sig.items():
        fn = getattr(dll, name)
        fn.restype = restype
        fn.argtypes = argtypes
    return dll


def one_run(dll, replay, tickers, expected, kind):
    if kind == "queue":
        q = queue.Queue()
        put, get = q.put, q.get
    elif kind == "simple":
        q = queue.SimpleQueue()
        put, get = q.put, q.get
    elif kind == "deque":
        q = collections.deque()
        put = q.append
    else:
        raise SystemExit("--queue must be queue, simple or deque")

    state = {}
    connected = threading.Event()
    done = threading.Event()
    finish = [0.0]

    def on_state(kind_, result):
        state[kind_] = result
        if kind_ == 2 and result == 4:
            connected.set()

    trade = TConnectorTrade()
    trade_ref = ctypes.byref(trade)
    translate = dll.TranslateTrade

    def on_trade(asset, ptrade, flags):
        # Runs on the DLL's ConnectorThread (ctypes takes the GIL for every call). Copy out, hand off, return.
        trade.Version = 0
        if translate(ptrade, trade_ref) != 0:
            return
        a = asset.contents
        d = trade.TradeDate
        put((utf16_at(a.Ticker), utf16_at(a.Exchange), trade.Price, trade.Quantity, trade.TradeNumber,
             d.wYear, d.wMonth, d.wDay, d.wHour, d.wMinute, d.wSecond, d.wMilliseconds, flags))

    def consume():
        n = 0
        if kind == "deque":
            pop = q.popleft
            while n < expected:
                try:
                    pop()
                    n += 1
                except IndexError:
                    time.sleep(0)  # yield the GIL to the callback thread
        else:
            while n < expected:
                get()
                n += 1
        finish[0] = time.perf_counter()
        done.set()

    # Keep the CFUNCTYPE objects referenced for as long as the DLL may call them: if they are garbage collected
    # the DLL jumps into freed memory (another classic of ctypes bindings).
    state_cb = TStateCallback(on_state)
    trade_cb = TConnectorTradeCallback(on_trade)

    check(dll, dll.SimResetOptions(), "SimResetOptions")
    for key, value in (("replay.files", replay), ("replay.speed", "max"), ("replay.start", "manual")):
        check(dll, dll.SimSetOption(key.encode("utf-8"), value.encode("utf-8")), "SimSetOption " + key)
    key, user, password = utf16z("SIMULATOR"), utf16z("demo"), utf16z("demo")
    check(dll, dll.DLLInitializeMarketLogin(key, user, password, state_cb, None, None, None, None, None, None, None),
          "DLLInitializeMarketLogin")
    try:
        check(dll, dll.SetTradeCallbackV2(trade_cb), "SetTradeCallbackV2")
        if not connected.wait(60):
            raise SystemExit("no (2,4) MARKET_CONNECTED within 60 s: states %r" % state)
        for t in tickers:
            ticker, exchange = t.split(":")
            check(dll, dll.SubscribeTicker(utf16z(ticker), utf16z(exchange)), "SubscribeTicker " + t)
        consumer = threading.Thread(target=consume, name="consumer", daemon=True)
        consumer.start()
        t0 = time.perf_counter()
        check(dll, dll.SimStartReplay(), "SimStartReplay")
        if not done.wait(600):
            raise SystemExit("consumer did not get %d trades in 600 s" % expected)
        return finish[0] - t0
    finally:
        dll.DLLFinalize()
        dll.SetTradeCallbackV2(TConnectorTradeCallback())  # NULL: unregister before trade_cb goes away


def check(dll, rc, what):
    if rc != 0:
        raise SystemExit("%s -> %d (0x%08x): %s" % (what, rc, rc & 0xFFFFFFFF, (dll.SimLastError() or b"").decode()))


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--library", required=True)
    p.add_argument("--replay", required=True)
    p.add_argument("--trades", type=int, required=True, help="T rows of the subscribed tickers in the file")
    p.add_argument("--runs", type=int, default=3)
    p.add_argument("--warmups", type=int, default=1)
    p.add_argument("--queue", default="queue", choices=("queue", "simple", "deque"))
    p.add_argument("--tickers", default="PETR4:B,VALE3:B")
    a = p.parse_args()
    impl = "python-ctypes+" + {"queue": "queue.Queue", "simple": "queue.SimpleQueue", "deque": "deque"}[a.queue]
    print("python %s, %s" % (sys.version.split()[0], impl), flush=True)
    dll = bind(a.library)
    tickers = a.tickers.split(",")
    rates = []
    for i in range(a.warmups + a.runs):
        run = "warmup%d" % (i + 1) if i < a.warmups else str(i - a.warmups + 1)
        seconds = one_run(dll, a.replay, tickers, a.trades, a.queue)
        if i >= a.warmups:
            rates.append(a.trades / seconds)
        print("RESULT run=%s impl=%s trades=%d seconds=%.4f overflows=0 rate=%.0f"
              % (run, impl, a.trades, seconds, a.trades / seconds), flush=True)
    if rates:
        print("median %.0f trades/s (min %.0f, max %.0f)" % (statistics.median(rates), min(rates), max(rates)), flush=True)


if __name__ == "__main__":
    main()
