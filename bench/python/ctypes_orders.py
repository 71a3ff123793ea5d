#!/usr/bin/env python3
"""Baseline for the order-path bench: orders into the ProfitDLL simulator through Python's built-in ctypes, the way
a desk script binds the DLL, measured from SendOrder to the moment a consumer thread sees the order accepted
(status New). Standard library only; the twin of ctypes_baseline.py (trades).

Per run: options (SimSetOption, UTF-8: the replay, replay.start=manual so the tape stands still and no order
fills, the roster, a broker journal), SetOrderCallback + SetTradingMessageResultCallback, DLLInitializeLogin with a
state callback, wait for routing (1,5) and market data (2,4). The order callback calls GetOrderDetails on the
DLL's thread (the manual's rule) in two passes (lengths first, then the asset strings and the text into reused
buffers), copies the fields into a tuple and puts it into a queue.SimpleQueue; the trading-message callback copies
its code and ids into the same queue; a consumer thread takes them and, for status New, stamps the order accepted.
Every order is a limit buy far below the market in one of the roster's enabled accounts, round robin.

Two phases per run, as the Java harness:
  closed  --orders N with at most --window W orders not yet accepted: the sustained rate (orders/s from the
          first SendOrder to the last acceptance);
  paced   --paced-seconds S at --rate R orders/s (open loop, one intended send time per order): the round trip
          from each order's intended send time to its acceptance (so a late sender counts against it).

Prints per run:
    RESULT run=<warmup1|1|..> phase=closed orders=<n> seconds=<s> rate=<orders/s> p50_us=.. p99_us=.. p999_us=.. max_us=..
           cpu_us_per_order=.. rejected=..
    RESULT run=.. phase=paced orders=<n> seconds=<s> rate=<achieved> target=<R> p50_us=.. p99_us=.. p999_us=.. max_us=..
           cpu_us_per_order=.. rejected=..
(cpu_us_per_order: CPU time of the whole process, every thread including the simulator's, per order.)

Usage: ctypes_orders.py --library libprofitdll-sim.so --replay FILE --roster FILE [--orders 20000] [--window 64]
                        [--rate 2000] [--paced-seconds 5] [--runs 3] [--warmups 1] [--ticker BTCUSDT:SPOT]
                        [--price 1000.00] [--quantity 1000] [--work DIR]
"""
import argparse
import ctypes
import os
import queue
import statistics
import sys
import tempfile
import threading
import time

# --------------------------------------------------------------------------- ABI (dll-gateway/native/profitdll.h)

# stdcall on Windows (ctypes.WinDLL + WINFUNCTYPE); the SysV convention on x86-64 Linux (CDLL + CFUNCTYPE).
CALLBACK = ctypes.CFUNCTYPE

COT_LIMIT, COS_BUY = 2, 1
COS_NEW, COS_REJECTED, COS_ORDER_NOT_CREATED = 0, 8, 204


class SYSTEMTIME(ctypes.Structure):
    _fields_ = [(name, ctypes.c_uint16) for name in (
        "wYear", "wMonth", "wDayOfWeek", "wDay", "wHour", "wMinute", "wSecond", "wMilliseconds")]


# Every record below has natural alignment (Delphi's default), NOT _pack_ = 1, and UTF-16 strings as raw
# pointers: c_wchar_p is 32-bit UTF-32 on Linux and would hand the DLL garbage (see ctypes_baseline.py).
class TConnectorAccountIdentifier(ctypes.Structure):
    _fields_ = [("Version", ctypes.c_uint8), ("BrokerID", ctypes.c_int32), ("AccountID", ctypes.c_void_p),
                ("SubAccountID", ctypes.c_void_p), ("Reserved", ctypes.c_int64)]


class TConnectorAccountIdentifierOut(ctypes.Structure):
    _fields_ = [("Version", ctypes.c_uint8), ("BrokerID", ctypes.c_int32), ("AccountID", ctypes.c_uint16 * 100),
                ("AccountIDLength", ctypes.c_int32), ("SubAccountID", ctypes.c_uint16 * 100),
                ("SubAccountIDLength", ctypes.c_int32), ("Reserved", ctypes.c_int64)]


class TConnectorAssetIdentifier(ctypes.Structure):
    _fields_ = [("Version", ctypes.c_uint8), ("Ticker", ctypes.c_void_p), ("Exchange", ctypes.c_void_p),
                ("FeedType", ctypes.c_uint8)]


class TConnectorAssetIdentifierOut(ctypes.Structure):
    _fields_ = [("Version", ctypes.c_uint8), ("Ticker", ctypes.c_void_p), ("TickerLength", ctypes.c_int32),
                ("Exchange", ctypes.c_void_p), ("ExchangeLength", ctypes.c_int32), ("FeedType", ctypes.c_uint8)]


class TConnectorOrderIdentifier(ctypes.Structure):
    _fields_ = [("Version", ctypes.c_uint8), ("LocalOrderID", ctypes.c_int64), ("ClOrderID", ctypes.c_void_p)]


class TConnectorSendOrder(ctypes.Structure):
    _fields_ = [("Version", ctypes.c_uint8), ("AccountID", TConnectorAccountIdentifier),
                ("AssetID", TConnectorAssetIdentifier), ("Password", ctypes.c_void_p), ("OrderType", ctypes.c_uint8),
                ("OrderSide", ctypes.c_uint8), ("Price", ctypes.c_double), ("StopPrice", ctypes.c_double),
                ("Quantity", ctypes.c_int64), ("MessageID", ctypes.c_int64)]


class TConnectorOrderOut(ctypes.Structure):
    _fields_ = [("Version", ctypes.c_uint8), ("OrderID", TConnectorOrderIdentifier),
                ("AccountID", TConnectorAccountIdentifierOut), ("AssetID", TConnectorAssetIdentifierOut),
                ("Quantity", ctypes.c_int64), ("TradedQuantity", ctypes.c_int64), ("LeavesQuantity", ctypes.c_int64),
                ("Price", ctypes.c_double), ("StopPrice", ctypes.c_double), ("AveragePrice", ctypes.c_double),
                ("OrderSide", ctypes.c_uint8), ("OrderType", ctypes.c_uint8), ("OrderStatus", ctypes.c_uint8),
                ("ValidityType", ctypes.c_uint8), ("Date", SYSTEMTIME), ("LastUpdate", SYSTEMTIME),
                ("CloseDate", SYSTEMTIME), ("ValidityDate", SYSTEMTIME), ("TextMessage", ctypes.c_void_p),
                ("TextMessageLength", ctypes.c_int32), ("EventID", ctypes.c_int64)]


class TConnectorTradingMessageResult(ctypes.Structure):
    _fields_ = [("Version", ctypes.c_uint8), ("BrokerID", ctypes.c_int32), ("OrderID", TConnectorOrderIdentifier),
                ("MessageID", ctypes.c_int64), ("ResultCode", ctypes.c_uint8), ("Message", ctypes.c_void_p),
                ("MessageLength", ctypes.c_int32)]


for record, size in ((TConnectorAccountIdentifier, 32), (TConnectorAccountIdentifierOut, 424), (TConnectorAssetIdentifier, 32),
                     (TConnectorAssetIdentifierOut, 40), (TConnectorOrderIdentifier, 24), (TConnectorSendOrder, 120),
                     (TConnectorOrderOut, 640), (TConnectorTradingMessageResult, 64)):
    assert ctypes.sizeof(record) == size, "%s: size %d, the header says %d" % (record.__name__, ctypes.sizeof(record), size)
assert TConnectorOrderOut.AssetID.offset == 456 and TConnectorOrderOut.TextMessage.offset == 616, "TConnectorOrderOut layout"

# Records "by value" in the vendor's Delphi declarations arrive as a pointer to a copy (Win64; spelled out off Windows).
TStateCallback = CALLBACK(None, ctypes.c_int32, ctypes.c_int32)
TConnectorOrderCallback = CALLBACK(None, ctypes.POINTER(TConnectorOrderIdentifier))
TConnectorTradingMessageResultCallback = CALLBACK(None, ctypes.POINTER(TConnectorTradingMessageResult))

_U16P = ctypes.POINTER(ctypes.c_uint16)


def utf16z(text):
    """A NUL-terminated UTF-16LE buffer for a PDLL_WCHAR* argument (never c_wchar_p: 32-bit on Linux)."""
    return ctypes.create_string_buffer(text.encode("utf-16-le") + b"\x00\x00")


def utf16_at(address):
    """A NUL-terminated UTF-16LE string at a raw address."""
    if not address:
        return ""
    units = ctypes.cast(address, _U16P)
    n = 0
    while units[n]:
        n += 1
    return ctypes.string_at(address, 2 * n).decode("utf-16-le")


def utf16_n(buffer, n):
    return ctypes.string_at(ctypes.addressof(buffer), 2 * n).decode("utf-16-le")


def bind(path):
    dll = ctypes.CDLL(path)  # ctypes.WinDLL(r"ProfitDLL64.dll") on Windows
    NResult = ctypes.c_int32
    sig = {
        "SimSetOption": (NResult, [ctypes.c_char_p, ctypes.c_char_p]),
        "SimResetOptions": (NResult, []),
        "SimLastError": (ctypes.c_char_p, []),
        # key, user, password, StateCallback, History, OrderChange, Account, NewTrade, NewDaily, PriceBook,
        # OfferBook, HistoryTrade, Progress, TinyBook
        "DLLInitializeLogin": (NResult, [ctypes.c_void_p] * 3 + [TStateCallback] + [ctypes.c_void_p] * 10),
        "DLLFinalize": (NResult, []),
        "SetOrderCallback": (NResult, [TConnectorOrderCallback]),
        "SetTradingMessageResultCallback": (NResult, [TConnectorTradingMessageResultCallback]),
        "SendOrder": (ctypes.c_int64, [ctypes.POINTER(TConnectorSendOrder)]),
        "GetOrderDetails": (NResult, [ctypes.POINTER(TConnectorOrderOut)]),
    }
    for name, (restype, argtypes) in sig.items():
        fn = getattr(dll, name)
        fn.restype = restype
        fn.argtypes = argtypes
    return dll


def check(dll, rc, what):
    if rc != 0:
        raise SystemExit("%s -> %d (0x%08x): %s" % (what, rc, rc & 0xFFFFFFFF, (dll.SimLastError() or b"").decode()))


def roster_accounts(path):
    """(broker, account, sub, password) of the roster's enabled accounts (README "Account roster")."""
    out = []
    with open(path, encoding="utf-8") as f:
        lines = [line.rstrip("\n") for line in f]
    header = lines[1].split(",")
    col = {name: i for i, name in enumerate(header)}
    for line in lines[2:]:
        if not line or line.startswith("#"):
            continue
        f = line.split(",")
        if f[col["enabled"]] == "1" and f[col["routing_password"]]:
            out.append((int(f[col["broker_id"]]), f[col["account_id"]], f[col["sub_account_id"]], f[col["routing_password"]]))
    return out


def percentile(sorted_values, q):
    if not sorted_values:
        return float("nan")
    return sorted_values[min(len(sorted_values) - 1, int(q * len(sorted_values)))]


class Session:
    """One DLL session: the callbacks, the hand-off queue and its consumer, the prebuilt order records."""

    def __init__(self, dll, args, work):
        self.dll = dll
        self.states = {}
        self.routing = threading.Event()
        self.market = threading.Event()
        self.handoff = queue.SimpleQueue()
        self.accepted = {}          # LocalOrderID -> perf_counter_ns of the consumer's acceptance
        self.rejected = 0
        self.window = None          # a Semaphore in the closed phase
        self.out = TConnectorOrderOut()
        self.out_ref = ctypes.byref(self.out)
        self.ticker_buf = (ctypes.c_uint16 * 65)()
        self.exchange_buf = (ctypes.c_uint16 * 65)()
        self.text_buf = (ctypes.c_uint16 * 2049)()
        # keep every CFUNCTYPE object referenced while the DLL may call it (else it jumps into freed memory)
        self.state_cb = TStateCallback(self.on_state)
        self.order_cb = TConnectorOrderCallback(self.on_order)
        self.tmr_cb = TConnectorTradingMessageResultCallback(self.on_message)
        self.keep = []
        ticker, exchange = args.ticker.split(":")
        t, x = utf16z(ticker), utf16z(exchange)
        self.keep += [t, x]
        self.orders = []
        for broker, account, sub, password in roster_accounts(args.roster):
            a, s, p = utf16z(account), utf16z(sub) if sub else None, utf16z(password)
            self.keep += [a, s, p]
            o = TConnectorSendOrder()
            o.Version = 1
            o.AccountID.Version = 0
            o.AccountID.BrokerID = broker
            o.AccountID.AccountID = ctypes.addressof(a)
            o.AccountID.SubAccountID = ctypes.addressof(s) if s is not None else None
            o.AssetID.Ticker = ctypes.addressof(t)
            o.AssetID.Exchange = ctypes.addressof(x)
            o.Password = ctypes.addressof(p)
            o.OrderType = COT_LIMIT
            o.OrderSide = COS_BUY
            o.Price = float(args.price)
            o.StopPrice = -1.0
            o.Quantity = args.quantity
            self.orders.append(o)
        if not self.orders:
            raise SystemExit("no enabled account with a routing password in " + args.roster)
        self.consumer = threading.Thread(target=self.consume, name="consumer", daemon=True)
        self.consumer.start()
        check(dll, dll.SimResetOptions(), "SimResetOptions")
        for key, value in (("replay.files", args.replay), ("replay.start", "manual"), ("routing.roster", args.roster),
                           ("routing.journal", os.path.join(work, "simulator-broker.journal"))):
            check(dll, dll.SimSetOption(key.encode("utf-8"), value.encode("utf-8")), "SimSetOption " + key)
        check(dll, dll.SetOrderCallback(self.order_cb), "SetOrderCallback")
        check(dll, dll.SetTradingMessageResultCallback(self.tmr_cb), "SetTradingMessageResultCallback")
        key, user, password = utf16z("SIMULATOR"), utf16z("demo"), utf16z("demo")
        self.keep += [key, user, password]
        check(dll, dll.DLLInitializeLogin(key, user, password, self.state_cb, *([None] * 10)), "DLLInitializeLogin")
        if not (self.routing.wait(60) and self.market.wait(60)):
            raise SystemExit("no (1,5) and (2,4) within 60 s: states %r" % self.states)

    # ---- the DLL's ConnectorThread (ctypes takes the GIL for every call)

    def on_state(self, kind, result):
        self.states[kind] = result
        if kind == 1 and result == 5:
            self.routing.set()
        if kind == 2 and result == 4:
            self.market.set()

    def on_order(self, pid):
        # GetOrderDetails inside the order callback (profitdll-api.md §5.7), two passes: lengths, then strings.
        o = self.out
        o.Version = 1
        o.OrderID.Version = 0
        o.OrderID.LocalOrderID = pid.contents.LocalOrderID
        o.OrderID.ClOrderID = pid.contents.ClOrderID
        o.AssetID.Ticker = None
        o.AssetID.Exchange = None
        o.TextMessage = None
        if self.dll.GetOrderDetails(self.out_ref) != 0:
            return
        tl, xl, ml = o.AssetID.TickerLength, o.AssetID.ExchangeLength, o.TextMessageLength
        if not (0 < tl <= 64 and 0 < xl <= 64):
            return
        o.AssetID.Ticker = ctypes.addressof(self.ticker_buf)
        o.AssetID.Exchange = ctypes.addressof(self.exchange_buf)
        if ml > 0:
            o.TextMessageLength = ml = min(ml, 2048)
            o.TextMessage = ctypes.addressof(self.text_buf)
        if self.dll.GetOrderDetails(self.out_ref) != 0:
            return
        a = o.AccountID
        self.handoff.put(("order", o.OrderID.LocalOrderID, utf16_at(o.OrderID.ClOrderID), o.OrderStatus,
                          utf16_n(self.ticker_buf, tl), utf16_n(self.exchange_buf, xl), a.BrokerID,
                          utf16_n(a.AccountID, a.AccountIDLength), utf16_n(a.SubAccountID, a.SubAccountIDLength),
                          o.OrderSide, o.OrderType, o.Quantity, o.TradedQuantity, o.LeavesQuantity, o.Price, o.StopPrice,
                          o.AveragePrice, utf16_n(self.text_buf, ml) if ml > 0 else "", o.EventID))

    def on_message(self, p):
        m = p.contents
        self.handoff.put(("message", m.OrderID.LocalOrderID, m.MessageID, m.ResultCode,
                          ctypes.string_at(m.Message, 2 * m.MessageLength).decode("utf-16-le") if m.Message and m.MessageLength > 0 else ""))

    # ---- the consumer thread

    def consume(self):
        get = self.handoff.get
        accepted = self.accepted
        while True:
            item = get()
            if item is None:
                return
            if item[0] == "order":
                status = item[3]
                if status == COS_NEW:
                    if item[1] not in accepted:
                        accepted[item[1]] = time.perf_counter_ns()
                        if self.window is not None:
                            self.window.release()
                elif status in (COS_REJECTED, COS_ORDER_NOT_CREATED):
                    self.rejected += 1
                    if self.window is not None:
                        self.window.release()

    def close(self):
        self.dll.DLLFinalize()
        self.handoff.put(None)
        self.consumer.join(10)
        self.dll.SetOrderCallback(TConnectorOrderCallback())  # NULL: unregister before the objects go away
        self.dll.SetTradingMessageResultCallback(TConnectorTradingMessageResultCallback())


def await_accepted(session, before, n, seconds=120):
    """Waits until the n orders sent since `before` (len(accepted) + rejected then) are accepted or rejected."""
    deadline = time.time() + seconds
    while len(session.accepted) + session.rejected - before < n:
        if time.time() > deadline:
            raise SystemExit("orders not accepted within %d s: %d of %d" % (seconds, len(session.accepted) + session.rejected - before, n))
        time.sleep(0.005)


def closed_phase(session, n, window):
    """N orders with at most `window` not yet accepted: orders/s and the round trip under that load."""
    session.window = threading.Semaphore(window)
    orders, send = session.orders, session.dll.SendOrder
    sent_at, locals_ = [0] * n, [0] * n
    acquire = session.window.acquire
    before = len(session.accepted) + session.rejected
    cpu0 = time.process_time()
    t0 = time.perf_counter_ns()
    for i in range(n):
        acquire()
        sent_at[i] = time.perf_counter_ns()
        local = send(ctypes.byref(orders[i % len(orders)]))
        if local <= 0:
            raise SystemExit("SendOrder -> %d: %s" % (local, (session.dll.SimLastError() or b"").decode()))
        locals_[i] = local
    await_accepted(session, before, n)
    cpu = time.process_time() - cpu0
    session.window = None
    end = max(session.accepted[l] for l in locals_ if l in session.accepted)
    lat = sorted((session.accepted[l] - sent_at[i]) / 1000.0 for i, l in enumerate(locals_) if l in session.accepted)
    return n, (end - t0) / 1e9, lat, cpu


def paced_phase(session, rate, seconds):
    """Open loop at `rate` orders/s: each order's round trip from its intended send time to its acceptance."""
    n = int(rate * seconds)
    orders, send = session.orders, session.dll.SendOrder
    locals_ = [0] * n
    interval = 1e9 / rate
    before = len(session.accepted) + session.rejected
    cpu0 = time.process_time()
    t0 = time.perf_counter_ns() + 1_000_000
    for i in range(n):
        due = t0 + int(i * interval)
        wait = due - time.perf_counter_ns()
        if wait > 0:
            time.sleep(wait / 1e9)  # sleeping releases the GIL; a busy loop would starve the callback thread
        local = send(ctypes.byref(orders[i % len(orders)]))
        if local <= 0:
            raise SystemExit("SendOrder -> %d" % local)
        locals_[i] = local
    await_accepted(session, before, n)
    cpu = time.process_time() - cpu0
    end = max(session.accepted[l] for l in locals_ if l in session.accepted)
    lat = sorted((session.accepted[l] - (t0 + int(i * interval))) / 1000.0 for i, l in enumerate(locals_) if l in session.accepted)
    return n, (end - t0) / 1e9, lat, cpu


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--library", required=True)
    p.add_argument("--replay", required=True)
    p.add_argument("--roster", required=True)
    p.add_argument("--orders", type=int, default=20000)
    p.add_argument("--window", type=int, default=64)
    p.add_argument("--rate", type=float, default=2000)
    p.add_argument("--paced-seconds", type=float, default=5)
    p.add_argument("--runs", type=int, default=3)
    p.add_argument("--warmups", type=int, default=1)
    p.add_argument("--ticker", default="BTCUSDT:SPOT")
    p.add_argument("--price", default="1000.00")
    p.add_argument("--quantity", type=int, default=1000)
    p.add_argument("--work", default=None)
    a = p.parse_args()
    print("python %s, ctypes + queue.SimpleQueue, window %d, paced %.0f orders/s" % (sys.version.split()[0], a.window, a.rate), flush=True)
    dll = bind(a.library)
    rates = []
    for i in range(a.warmups + a.runs):
        run = "warmup%d" % (i + 1) if i < a.warmups else str(i - a.warmups + 1)
        with tempfile.TemporaryDirectory(dir=a.work) as work:
            session = Session(dll, a, work)
            try:
                n, seconds, lat, cpu = closed_phase(session, a.orders, a.window)
                print("RESULT run=%s phase=closed orders=%d seconds=%.4f rate=%.0f p50_us=%.1f p99_us=%.1f p999_us=%.1f max_us=%.1f"
                      " cpu_us_per_order=%.1f rejected=%d" % (run, n, seconds, n / seconds, percentile(lat, 0.5), percentile(lat, 0.99),
                                                          percentile(lat, 0.999), lat[-1], cpu * 1e6 / n, session.rejected), flush=True)
                if i >= a.warmups:
                    rates.append(n / seconds)
                if a.paced_seconds > 0:
                    n, seconds, lat, cpu = paced_phase(session, a.rate, a.paced_seconds)
                    print("RESULT run=%s phase=paced orders=%d seconds=%.4f rate=%.0f target=%.0f p50_us=%.1f p99_us=%.1f p999_us=%.1f"
                          " max_us=%.1f cpu_us_per_order=%.1f rejected=%d" % (run, n, seconds, n / seconds, a.rate, percentile(lat, 0.5),
                                                                             percentile(lat, 0.99), percentile(lat, 0.999), lat[-1],
                                                                             cpu * 1e6 / n, session.rejected), flush=True)
            finally:
                session.close()
    if rates:
        print("median %.0f orders/s (min %.0f, max %.0f)" % (statistics.median(rates), min(rates), max(rates)), flush=True)


if __name__ == "__main__":
    main()
