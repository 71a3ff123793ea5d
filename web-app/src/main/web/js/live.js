// The pure core of the live view: the candle book (history plus live updates, closes applied once) and
// the reconnect policy. No DOM, no sockets, no clock: callers pass times in.

/**
 * Reconnect delay in ms for the n-th consecutive failed attempt (0-based): exponential from 500 ms,
 * capped at 30 s, with up to 20 % jitter so a server restart does not see every browser at once.
 * random: a function returning [0, 1).
 */
export function backoffDelay(attempt, random = Math.random) {
  const base = Math.min(30_000, 500 * 2 ** Math.max(0, attempt));
  return Math.round(base * (1 + 0.2 * random()));
}

/**
 * Candles of one instrument and timeframe keyed by bucket start (UTC epoch ns, a JSON number). History
 * comes from REST, live changes from the WebSocket; each change tells the view whether it touches the
 * last bar (cheap update) or needs a redraw (a correction or removal in the middle).
 */
export class CandleBook {
  constructor() {
    this.byTime = new Map();
    this.lastClosedNanos = null;
  }

  /** Replaces everything with a history page (ascending). Returns the candles, ascending. */
  load(candles) {
    this.byTime.clear();
    for (const c of candles) this.byTime.set(c.time_nanos, c);
    // The last history candle may still be forming; the one before it is surely closed. Resuming after it
    // makes the server resend the last one's close if it happened meanwhile (applying it twice is harmless:
    // it replaces the same bar).
    const times = this.times();
    this.lastClosedNanos = times.length >= 2 ? times[times.length - 2] : null;
    return this.candles();
  }

  times() {
    return [...this.byTime.keys()].sort((a, b) => a - b);
  }

  candles() {
    return this.times().map((t) => this.byTime.get(t));
  }

  last() {
    const t = this.times();
    return t.length ? this.byTime.get(t[t.length - 1]) : null;
  }

  /**
   * Applies a WebSocket candle message {state, candle}. Returns {action: 'update'|'redraw'|'ignore', candle}:
   * 'update' when the candle is the newest bar (or a new one after it), 'redraw' when an older bar changed or
   * a bar was removed, 'ignore' for a close already applied (a repeat after a resume).
   */
  apply(state, candle) {
    const t = candle.time_nanos;
    const times = this.times();
    const newest = times.length ? times[times.length - 1] : -Infinity;
    if (state === 'removed') {
      if (!this.byTime.has(t)) return { action: 'ignore', candle };
      this.byTime.delete(t);
      return { action: 'redraw', candle };
    }
    if (state === 'closed') {
      if (this.lastClosedNanos !== null && t < this.lastClosedNanos) return { action: 'ignore', candle };
      this.lastClosedNanos = t;
    }
    if (state === 'forming' && this.lastClosedNanos !== null && t <= this.lastClosedNanos) {
      // A late forming update for a bar that closed already: the close is the truth.
      return { action: 'ignore', candle };
    }
    this.byTime.set(t, candle);
    if (t >= newest) return { action: 'update', candle };
    return { action: 'redraw', candle };
  }

  /** The resume_after for a re-subscription: the last closed bar's start (UTC ns), or undefined. */
  resumeAfter() {
    return this.lastClosedNanos === null ? undefined : this.lastClosedNanos;
  }
}

/** The subscribe message of the /ws/market contract. */
export function subscribeMessage(id, symbol, timeframe, specs, resumeAfter) {
  const msg = {
    type: 'subscribe', id, symbol, timeframe,
    streams: ['candles', 'trades', ...specs.map((s) => `indicators:${s}`)],
  };
  if (resumeAfter !== undefined && resumeAfter !== null) msg.resume_after = resumeAfter;
  return msg;
}

/**
 * Keeps the newest `max` trades, newest first. A batch may hold trades older than the newest shown (trades
 * recovered after a gap, or read back after an upstream restart): every trade takes its place by (time, trade
 * number), and one already listed (same time and number) is not listed twice.
 */
export function mergeTrades(current, batch, max = 50) {
  const key = (t) => `${t.time_nanos}#${t.trade_number ?? ''}`;
  const byKey = new Map(current.map((t) => [key(t), t]));
  for (const t of batch) byKey.set(key(t), t);
  return [...byKey.values()]
    .sort((a, b) => (b.time_nanos - a.time_nanos) || ((b.trade_number ?? 0) - (a.trade_number ?? 0)))
    .slice(0, max);
}

/**
 * The upstream streams of the live subscription (candles, trades, indicators) as web-bff reports them with
 * `stream` messages: web-bff reconnects them by itself after a service restart and resumes without gap.
 */
export class UpstreamStates {
  constructor() {
    this.states = new Map();
  }

  /** Forgets everything (a new subscription). */
  reset() {
    this.states.clear();
  }

  /** Applies a `{type: 'stream', stream, state, detail}` message. */
  apply(msg) {
    this.states.set(msg.stream, { state: msg.state, detail: msg.detail || '' });
  }

  /** The streams now reconnecting, in name order. */
  reconnecting() {
    return [...this.states.entries()].filter(([, v]) => v.state === 'reconnecting').map(([k]) => k).sort();
  }

  /** The detail of every reconnecting stream, for a tooltip. */
  details() {
    return [...this.states.entries()].filter(([, v]) => v.state === 'reconnecting').map(([k, v]) => `${k}: ${v.detail}`).join('; ');
  }
}
