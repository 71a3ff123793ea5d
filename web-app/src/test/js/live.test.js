import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CandleBook, backoffDelay, subscribeMessage, mergeTrades, UpstreamStates } from '../../main/web/js/live.js';

const MIN = 60_000_000_000;
const candle = (i, close = 10 + i) => ({ time_nanos: i * MIN, open: 10, high: 20, low: 5, close, volume: 100 });

test('back-off doubles from 500 ms up to 30 s, with at most 20 % jitter', () => {
  const none = () => 0;
  assert.deepEqual([0, 1, 2, 3].map((a) => backoffDelay(a, none)), [500, 1000, 2000, 4000]);
  assert.equal(backoffDelay(20, none), 30_000);
  assert.equal(backoffDelay(1, () => 0.999), 1200);
});

test('history treats its last candle as possibly forming: resume after the one before', () => {
  const book = new CandleBook();
  book.load([candle(1), candle(2), candle(3)]);
  assert.equal(book.resumeAfter(), 2 * MIN);
  assert.equal(new CandleBook().resumeAfter(), undefined);
});

test('a forming candle updates the tail, its close moves the resume point', () => {
  const book = new CandleBook();
  book.load([candle(1), candle(2)]);
  assert.equal(book.apply('forming', candle(3, 11)).action, 'update');
  assert.equal(book.apply('closed', candle(3, 12)).action, 'update');
  assert.equal(book.resumeAfter(), 3 * MIN);
  assert.equal(book.last().close, 12);
});

test('a repeated old close after a resume is ignored; a late forming for a closed bar too', () => {
  const book = new CandleBook();
  book.load([]);
  book.apply('closed', candle(5));
  assert.equal(book.apply('closed', candle(4)).action, 'ignore');
  assert.equal(book.apply('forming', candle(5, 99)).action, 'ignore');
  assert.equal(book.last().close, 15);
});

test('a correction of an older bar and a removal ask for a redraw', () => {
  const book = new CandleBook();
  book.load([candle(1), candle(2), candle(3)]);
  assert.equal(book.apply('corrected', candle(1, 50)).action, 'redraw');
  assert.equal(book.candles()[0].close, 50);
  assert.equal(book.apply('removed', candle(2)).action, 'redraw');
  assert.deepEqual(book.times(), [1 * MIN, 3 * MIN]);
  assert.equal(book.apply('removed', candle(9)).action, 'ignore');
});

test('the subscribe message carries the streams and resume_after only when known', () => {
  assert.deepEqual(subscribeMessage('c1', 'PETR4', '1m', ['ema(9)'], 120), {
    type: 'subscribe', id: 'c1', symbol: 'PETR4', timeframe: '1m',
    streams: ['candles', 'trades', 'indicators:ema(9)'], resume_after: 120,
  });
  assert.equal('resume_after' in subscribeMessage('c2', 'PETR4', '5m', [], undefined), false);
});

test('trades list keeps the newest first and at most max', () => {
  const t = (n) => ({ time_nanos: n, trade_number: n });
  const merged = mergeTrades([t(2), t(1)], [t(3), t(4), t(5)], 4);
  assert.deepEqual(merged.map((x) => x.time_nanos), [5, 4, 3, 2]);
});

test('recovered trades take their place by time, and a trade read back twice is listed once', () => {
  const t = (n) => ({ time_nanos: n * 10, trade_number: n });
  const shown = mergeTrades([], [t(1), t(2), t(5), t(6)], 10);
  const after = mergeTrades(shown, [t(3), t(4), t(5)], 10);
  assert.deepEqual(after.map((x) => x.trade_number), [6, 5, 4, 3, 2, 1]);
  // same time, different trade numbers: both kept, the higher number first
  const same = mergeTrades([], [{ time_nanos: 7, trade_number: 1 }, { time_nanos: 7, trade_number: 2 }], 10);
  assert.deepEqual(same.map((x) => x.trade_number), [2, 1]);
});

test('upstream states: reconnecting streams are listed until they are live again', () => {
  const s = new UpstreamStates();
  assert.deepEqual(s.reconnecting(), []);
  s.apply({ type: 'stream', stream: 'trades', state: 'reconnecting', detail: 'marketdata-svc away' });
  s.apply({ type: 'stream', stream: 'candles', state: 'reconnecting', detail: 'candle-svc away' });
  assert.deepEqual(s.reconnecting(), ['candles', 'trades']);
  assert.match(s.details(), /candles: candle-svc away/);
  s.apply({ type: 'stream', stream: 'candles', state: 'live' });
  assert.deepEqual(s.reconnecting(), ['trades']);
  s.reset();
  assert.deepEqual(s.reconnecting(), []);
});
