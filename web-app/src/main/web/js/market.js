// The "Mercado" screen: instrument search, the user's subscriptions, the chart with indicators, the
// DLL session state and the last trades, kept live over /ws/market.
import { ApiError } from './api.js';
import { MarketSocket } from './ws.js';
import { PriceChart } from './chart.js';
import { CandleBook, mergeTrades, backoffDelay, UpstreamStates } from './live.js';
import { OFFERED, offeredFromCatalog, buildSpec, specLabel } from './indicators.js';
import {
  formatPrice, formatQuantity, formatMoney, formatTime, formatDateTime, formatDate, formatDecimal, nanosToMs,
} from './format.js';

const $ = (id) => document.getElementById(id);

const SESSION_LABELS = {
  connected: 'Conectado', reconnecting: 'Reconectando', partial: 'Parcial', disconnected: 'Desconectado',
};
const AGGRESSOR = { buy: 'Compra', sell: 'Venda', none: '—' };
const STREAM_LABELS = { candles: 'candles', trades: 'negócios', indicators: 'indicadores' };
const TIMEFRAMES = ['1m', '5m', '15m', '60m', '1d', '1w'];
const DAY_MS = 86_400_000;
// How far back the first history request looks, per timeframe (a few hundred bars or more).
const LOOKBACK_MS = { '1m': 3 * DAY_MS, '5m': 10 * DAY_MS, '15m': 30 * DAY_MS, '60m': 90 * DAY_MS, '1d': 3 * 365 * DAY_MS, '1w': 10 * 365 * DAY_MS };
// When nothing is that recent (a replay of an old session), the whole stored history, paged.
const EPOCH_START = '2000-01-01T00:00:00Z';
const MAX_PAGES = 40;
const KEEP_BARS = 5000;
const MAX_INDICATORS = 8;
// A symbol as web-bff accepts it: "PETR4" (exchange B) or "TICKER:EXCHANGE".
const SYMBOL = /^[A-Z0-9_.-]{1,32}(:[A-Z0-9_]{1,8})?$/;

export class MarketScreen {
  constructor(api) {
    this.api = api;
    this.selected = null;          // {symbol, ticker, exchange}
    this.timeframe = localStorage.getItem('blackbox.timeframe') || '5m';
    if (!TIMEFRAMES.includes(this.timeframe)) this.timeframe = '5m';
    this.specs = [];               // indicator specs as the server names them
    this.outputs = new Map();      // spec -> output names
    this.points = new Map();       // spec -> bars with a value (shown on the chip, read by the browser tests)
    this.liveIndicator = new Map(); // spec -> live values drawn
    this.subscriptions = [];
    this.offered = OFFERED;
    this.book = new CandleBook();
    this.upstream = new UpstreamStates();
    this.socketState = 'connecting';
    this.socketDelay = 0;
    this.trades = [];
    this.generation = 0;           // bumps on every reload; stale answers are dropped
    this.reloadAttempts = 0;
    this.reloadTimer = null;
    this.recent = [];
    this.chart = null;
    this.cleanups = [];
  }

  start() {
    this.chart = new PriceChart($('chart'), { priceFormatter: (p) => formatPrice(p, this.selected?.exchange) });
    this.chart.onCrosshair((c) => this.#legend(c));
    this.socket = new MarketSocket({
      tokenProvider: () => this.api.accessToken(),
      getResumeAfter: () => this.book.resumeAfter(),
      handlers: {
        status: (state, delay) => this.#liveState(state, delay),
        message: (msg) => this.#onMessage(msg),
        error: (msg) => this.#onSocketError(msg),
      },
    });
    this.socket.start();
    this.#wireSearch();
    this.#wireTimeframes();
    this.#wireIndicators();
    this.#loadSession();
    this.#loadCatalog();
    this.#loadSubscriptions(localStorage.getItem('blackbox.symbol'));
  }

  stop() {
    this.generation++;
    clearTimeout(this.reloadTimer);
    this.socket?.stop();
    for (const c of this.cleanups) c();
    this.cleanups = [];
    this.chart?.chart.remove();
    this.chart = null;
    $('chart').innerHTML = '';
  }

  // ---- wiring -------------------------------------------------------------------------------------

  #on(el, event, fn) {
    el.addEventListener(event, fn);
    this.cleanups.push(() => el.removeEventListener(event, fn));
  }

  #wireSearch() {
    let timer = null;
    const run = () => this.#search($('search').value.trim());
    this.#on($('search'), 'input', () => { clearTimeout(timer); timer = setTimeout(run, 200); });
    this.#on($('search'), 'focus', run);
  }

  #wireTimeframes() {
    for (const b of $('timeframes').querySelectorAll('button')) {
      b.classList.toggle('active', b.dataset.tf === this.timeframe);
      this.#on(b, 'click', () => this.#setTimeframe(b.dataset.tf));
    }
  }

  #wireIndicators() {
    this.#renderIndicatorSelect();
    this.#on($('indicator-select'), 'change', () => this.#renderParams());
    this.#on($('indicator-add'), 'click', () => this.#addIndicator());
  }

  // ---- session and catalogue ----------------------------------------------------------------------

  async #loadSession() {
    try {
      const s = await this.api.get('/market/session');
      this.#sessionState(s.state, s.detail, s.since);
    } catch {
      this.#sessionState(null);
    }
  }

  #sessionState(state, detail, since) {
    const pill = $('session-state');
    pill.className = `pill pill-${SESSION_LABELS[state] ? state : 'unknown'}`;
    pill.textContent = `Sessão: ${SESSION_LABELS[state] || 'desconhecida'}`;
    pill.dataset.state = state || 'unknown';
    const when = since ? ` desde ${formatDateTime(Date.parse(since))}` : '';
    pill.title = `Sessão de mercado da ProfitDLL${when}${detail ? ` — ${detail}` : ''}`;
  }

  #liveState(state, delay) {
    this.socketState = state;
    this.socketDelay = delay;
    if (state !== 'open') this.upstream.reset();  // a new socket: web-bff reports its streams afresh
    this.#renderLiveState();
  }

  /** The live connection as the trader should read it: the WebSocket, then the services behind web-bff. */
  #renderLiveState() {
    const el = $('live-state');
    const state = this.socketState;
    const reconnecting = this.upstream.reconnecting();
    if (state === 'open' && reconnecting.length) {
      el.dataset.state = 'reconnecting';
      el.textContent = `Reconectando (${reconnecting.map((s) => STREAM_LABELS[s] || s).join(', ')})…`;
      el.title = `O servidor está reconectando aos serviços de dados e retoma sem lacunas: ${this.upstream.details()}`;
      return;
    }
    el.dataset.state = state;
    el.title = '';
    if (state === 'open') el.textContent = 'Tempo real ativo';
    else if (state === 'connecting') el.textContent = 'Conectando ao tempo real…';
    else el.textContent = `Tempo real interrompido; nova tentativa em ${Math.ceil(this.socketDelay / 1000)} s`;
  }

  async #loadCatalog() {
    try {
      this.offered = offeredFromCatalog(await this.api.get('/indicators/catalog'));
      if (this.offered.length === 0) this.offered = OFFERED;
    } catch {
      this.offered = OFFERED;  // the built-in defaults; the server still validates every spec
    }
    this.#renderIndicatorSelect();
  }

  // ---- search and subscriptions -------------------------------------------------------------------

  async #search(q) {
    const list = $('search-results');
    const typed = q.toUpperCase();
    try {
      const res = await this.api.get('/market/instruments', { q: typed });
      const items = res.instruments.slice(0, 30).map((i) => this.#searchItem(i));
      // Instruments appear in the list once ingested; any other one can still be subscribed by its exact
      // symbol (the server checks it with the gateway).
      const exact = res.instruments.some((i) => i.symbol === typed || i.ticker === typed);
      if (typed && !exact && SYMBOL.test(typed)) {
        const [ticker, exchange = 'B'] = typed.split(':');
        items.push(this.#searchItem({ symbol: typed, ticker, exchange }));
      }
      if (items.length === 0 && q) items.push(li('muted', `Nenhum instrumento começa com “${q}”.`));
      if ($('search').value.trim().toUpperCase() === typed) list.replaceChildren(...items);
    } catch (e) {
      list.replaceChildren(li('muted', `Busca indisponível: ${e.message}`));
    }
  }

  #searchItem(instr) {
    const item = document.createElement('li');
    item.dataset.symbol = instr.symbol;
    item.append(span('sym', instr.ticker), span('exch', instr.exchange));
    const subscribed = this.subscriptions.some((s) => s.symbol === instr.symbol);
    const b = button(subscribed ? 'Assinado' : 'Assinar', () => this.#subscribe(instr));
    b.disabled = subscribed;
    b.dataset.action = 'subscribe';
    item.append(b);
    return item;
  }

  async #subscribe(instr) {
    try {
      const res = await this.api.put(`/market/subscriptions/${encodeURIComponent(instr.symbol)}`);
      await this.#loadSubscriptions(res.symbol);
      this.#search($('search').value.trim());
    } catch (e) {
      this.#banner(`Não foi possível assinar ${instr.symbol}: ${e.message}`);
    }
  }

  async #unsubscribe(sub) {
    try {
      await this.api.del(`/market/subscriptions/${encodeURIComponent(sub.symbol)}`);
    } catch (e) {
      if (!(e instanceof ApiError) || e.status !== 404) {
        this.#banner(`Não foi possível cancelar a assinatura de ${sub.symbol}: ${e.message}`);
        return;
      }
    }
    const wasSelected = this.selected?.symbol === sub.symbol;
    await this.#loadSubscriptions(wasSelected ? null : this.selected?.symbol);
  }

  async #loadSubscriptions(prefer) {
    try {
      const res = await this.api.get('/market/subscriptions');
      this.subscriptions = [...res.subscriptions].sort((a, b) => a.symbol.localeCompare(b.symbol));
    } catch (e) {
      this.#banner(`Não foi possível ler suas assinaturas: ${e.message}`);
      return;
    }
    this.#renderSubscriptions();
    const keep = this.subscriptions.find((s) => s.symbol === (prefer ?? this.selected?.symbol));
    const next = keep || this.subscriptions[0] || null;
    if (next?.symbol !== this.selected?.symbol || !next) this.#select(next);
  }

  #renderSubscriptions() {
    $('subscriptions-empty').hidden = this.subscriptions.length > 0;
    $('subscriptions').replaceChildren(...this.subscriptions.map((s) => {
      const item = document.createElement('li');
      item.dataset.symbol = s.symbol;
      item.classList.toggle('selected', s.symbol === this.selected?.symbol);
      const name = span('sym', s.ticker);
      name.title = `Abrir o gráfico de ${s.symbol}`;
      name.addEventListener('click', () => this.#select(s));
      const remove = button('×', () => this.#unsubscribe(s));
      remove.title = `Cancelar a assinatura de ${s.symbol}`;
      remove.dataset.action = 'unsubscribe';
      item.append(name, span('exch', s.exchange), remove);
      return item;
    }));
  }

  // ---- chart --------------------------------------------------------------------------------------

  #select(instr) {
    this.selected = instr;
    if (instr) localStorage.setItem('blackbox.symbol', instr.symbol);
    this.#renderSubscriptions();
    this.trades = [];
    this.#renderTrades();
    $('symbol-title').textContent = instr ? instr.symbol : 'Selecione um instrumento';
    this.#reload();
  }

  #setTimeframe(tf) {
    if (tf === this.timeframe) return;
    this.timeframe = tf;
    localStorage.setItem('blackbox.timeframe', tf);
    for (const b of $('timeframes').querySelectorAll('button')) b.classList.toggle('active', b.dataset.tf === tf);
    this.#reload();
  }

  /** Loads the history of candles and indicators for the selection, then follows it live. */
  async #reload() {
    const gen = ++this.generation;
    // Stop the old subscription first: its late messages belong to another symbol or timeframe.
    this.socket.follow(null, null, []);
    this.upstream.reset();
    this.#renderLiveState();
    this.#banner(null);
    this.book.load([]);
    this.chart.setTimeframe(this.timeframe);
    this.chart.setCandles([]);
    this.chart.clearIndicators();
    this.#legend(null);
    $('last-price').textContent = '';
    $('chart').dataset.candles = '0';
    $('chart').dataset.timeframe = this.timeframe;
    if (!this.selected) {
      this.socket.follow(null, null, []);
      return;
    }
    const { symbol } = this.selected;
    let candles;
    try {
      candles = await this.#latestCandles(symbol, this.timeframe);
    } catch (e) {
      if (gen !== this.generation) return;
      // A just-subscribed instrument is unknown to candle-svc until its first trade arrives (400), and a
      // service may be briefly away (503): try again with back-off while the selection stays.
      const delay = backoffDelay(Math.min(this.reloadAttempts++, 6));
      this.#banner(`Não foi possível carregar os candles de ${symbol}: ${e.message}. `
        + `Nova tentativa em ${Math.ceil(delay / 1000)} s.`, 'info', e.status);
      clearTimeout(this.reloadTimer);
      this.reloadTimer = setTimeout(() => { if (gen === this.generation) this.#reload(); }, delay);
      return;
    }
    if (gen !== this.generation) return;
    this.reloadAttempts = 0;
    this.chart.setCandles(this.book.load(candles));
    this.chart.showLast(candles.length, 150);
    this.#afterCandlesChanged();
    if (candles.length === 0) this.#banner(`Sem candles de ${symbol} em ${this.timeframe} ainda; aguardando negócios em tempo real.`, 'info');
    const from = candles.length ? candles[0].time : new Date(Date.now() - LOOKBACK_MS[this.timeframe]).toISOString();
    // One indicator that cannot be computed must not keep the chart from going live.
    const failed = [];
    await Promise.all(this.specs.map((spec) => this.#loadIndicator(spec, from, gen)
      .catch((e) => failed.push(`${specLabel(spec)}: ${e.message}`))));
    if (gen !== this.generation) return;
    if (failed.length) this.#banner(`Não foi possível calcular ${failed.join('; ')}`);
    this.socket.follow(symbol, this.timeframe, this.specs);
  }

  /**
   * The latest candles: the recent window first; when nothing is that recent (an old session being
   * replayed), the whole stored history paged forward, keeping the last KEEP_BARS.
   */
  async #latestCandles(symbol, timeframe) {
    const now = Date.now();
    const to = new Date(now + 60_000).toISOString();
    let from = new Date(now - LOOKBACK_MS[timeframe]).toISOString();
    let all = [];
    let res = await this.api.get('/candles', { symbol, timeframe, from, to, limit: 5000 });
    if (res.candles.length === 0) {
      from = EPOCH_START;
      res = await this.api.get('/candles', { symbol, timeframe, from, to, limit: 50000 });
    }
    all = res.candles;
    for (let page = 1; res.truncated && page < MAX_PAGES && all.length; page++) {
      const after = new Date(nanosToMs(all[all.length - 1].time_nanos) + 1).toISOString();
      res = await this.api.get('/candles', { symbol, timeframe, from: after, to, limit: 50000 });
      all = all.concat(res.candles).slice(-KEEP_BARS);
    }
    return all.slice(-KEEP_BARS);
  }

  async #loadIndicator(spec, from, gen) {
    const { symbol } = this.selected;
    const res = await this.api.get('/indicators', {
      symbol, timeframe: this.timeframe, spec, from, to: new Date(Date.now() + 60_000).toISOString(), limit: 50000,
    });
    if (gen !== this.generation) return res;
    this.outputs.set(spec, res.outputs);
    this.points.set(spec, this.chart.setIndicator(spec, res.outputs, res.values));
    this.#renderChips();
    return res;
  }

  // ---- indicators ---------------------------------------------------------------------------------

  #renderIndicatorSelect() {
    const sel = $('indicator-select');
    const current = sel.value;
    sel.replaceChildren(...this.offered.map((d) => {
      const o = document.createElement('option');
      o.value = d.name;
      o.textContent = d.title;
      return o;
    }));
    if (this.offered.some((d) => d.name === current)) sel.value = current;
    this.#renderParams();
  }

  #renderParams() {
    const def = this.offered.find((d) => d.name === $('indicator-select').value);
    $('indicator-params').replaceChildren(...(def?.parameters || []).map((p) => {
      const label = document.createElement('label');
      label.textContent = p.label;
      const input = document.createElement('input');
      input.type = 'text';
      input.inputMode = 'decimal';
      input.name = p.name;
      input.value = formatParam(p.default);
      input.title = `${p.label}: de ${formatParam(p.min)} a ${formatParam(p.max)}`;
      label.append(' ', input);
      return label;
    }));
  }

  async #addIndicator() {
    const def = this.offered.find((d) => d.name === $('indicator-select').value);
    if (!def) return;
    const raw = [...$('indicator-params').querySelectorAll('input')].map((i) => i.value);
    const built = buildSpec(def, raw);
    if (built.error) return this.#banner(built.error);
    if (this.specs.includes(built.spec)) return this.#banner(`${specLabel(built.spec)} já está no gráfico.`);
    if (this.specs.length >= MAX_INDICATORS) return this.#banner(`No máximo ${MAX_INDICATORS} indicadores por gráfico.`);
    if (!this.selected) return this.#banner('Selecione um instrumento antes de adicionar um indicador.');
    this.#banner(null);
    const gen = this.generation;
    const candles = this.book.candles();
    const from = candles.length ? candles[0].time : new Date(Date.now() - LOOKBACK_MS[this.timeframe]).toISOString();
    let res;
    try {
      res = await this.#loadIndicator(built.spec, from, gen);
    } catch (e) {
      return this.#banner(`Não foi possível calcular ${specLabel(built.spec)}: ${e.message}`, 'warn', e.status);
    }
    if (gen !== this.generation) return;
    // The server answers the canonical spec; live messages carry that name.
    const spec = res.spec || built.spec;
    if (spec !== built.spec) {
      this.chart.removeIndicator(built.spec);
      this.outputs.set(spec, res.outputs);
      this.points.set(spec, this.chart.setIndicator(spec, res.outputs, res.values));
    }
    this.specs.push(spec);
    this.#renderChips();
    this.socket.follow(this.selected.symbol, this.timeframe, this.specs);
  }

  #removeIndicator(spec) {
    this.specs = this.specs.filter((s) => s !== spec);
    this.chart.removeIndicator(spec);
    this.#renderChips();
    if (this.selected) this.socket.follow(this.selected.symbol, this.timeframe, this.specs);
  }

  #renderChips() {
    $('indicator-chips').replaceChildren(...this.specs.map((spec) => {
      const chip = span('chip', specLabel(spec));
      chip.dataset.spec = spec;
      chip.dataset.points = String(this.points.get(spec) ?? 0);
      chip.dataset.live = String(this.liveIndicator.get(spec) ?? 0);
      const x = button('×', () => this.#removeIndicator(spec));
      x.title = `Remover ${specLabel(spec)}`;
      chip.append(x);
      return chip;
    }));
  }

  // ---- live ---------------------------------------------------------------------------------------

  #onMessage(msg) {
    switch (msg.type) {
      case 'session': this.#sessionState(msg.state, msg.detail, msg.since); break;
      case 'candle': this.#onCandle(msg); break;
      case 'indicator': this.#onIndicator(msg); break;
      case 'trades': this.#onTrades(msg.trades || []); break;
      case 'stream': this.upstream.apply(msg); this.#renderLiveState(); break;
      default: break;
    }
  }

  #onCandle(msg) {
    // the last live candle messages, for support from the console (window.blackbox.market.recent)
    this.recent.push(`${msg.id} ${msg.state} ${msg.candle.time}`);
    if (this.recent.length > 30) this.recent.shift();
    const bars = this.book.byTime.size;
    const { action, candle } = this.book.apply(msg.state, msg.candle);
    if (action === 'ignore') return;
    // While the chart has few bars, keep them all in view as new ones open (a fresh instrument, a new session).
    const refit = this.book.byTime.size > bars && this.book.byTime.size <= 150;
    if ($('message').classList.contains('info')) this.#banner(null);
    if (action === 'update') this.chart.updateCandle(candle);
    else this.chart.setCandles(this.book.candles());
    if (refit) this.chart.fit();
    const chartEl = $('chart');
    chartEl.dataset.candles = String(this.book.byTime.size);
    chartEl.dataset.liveUpdates = String(Number(chartEl.dataset.liveUpdates || 0) + 1);
    this.#afterCandlesChanged();
  }

  #onIndicator(msg) {
    const outputs = msg.outputs || this.outputs.get(msg.spec) || [];
    if (!this.chart.updateIndicator(msg.spec, outputs, msg, msg.kind === 'corrected')) return;
    this.liveIndicator.set(msg.spec, (this.liveIndicator.get(msg.spec) ?? 0) + 1);
    const chip = $('indicator-chips').querySelector(`[data-spec="${CSS.escape(msg.spec)}"]`);
    if (chip) chip.dataset.live = String(this.liveIndicator.get(msg.spec));
  }

  #onTrades(batch) {
    this.trades = mergeTrades(this.trades, batch, 50);
    this.#renderTrades();
  }

  #onSocketError(msg) {
    if (msg.code === 'unauthorized') return;  // the socket reconnects with a refreshed token
    const what = msg.field ? ` (${msg.field} = ${msg.value})` : '';
    this.#banner(`Tempo real recusado: ${msg.detail || msg.code}${what}`);
  }

  #afterCandlesChanged() {
    const last = this.book.last();
    const el = $('last-price');
    if (!last) { el.textContent = ''; return; }
    el.textContent = formatPrice(last.close, this.selected?.exchange);
    el.classList.toggle('up', last.close >= last.open);
    el.classList.toggle('down', last.close < last.open);
    $('chart').dataset.candles = String(this.book.byTime.size);
    $('chart').dataset.lastTime = last.time;
    this.#legend(null);
  }

  #renderTrades() {
    const ex = this.selected?.exchange;
    $('trades-empty').hidden = this.trades.length > 0;
    $('trades').replaceChildren(...this.trades.map((t) => {
      const tr = document.createElement('tr');
      tr.className = t.aggressor === 'buy' ? 'buy' : t.aggressor === 'sell' ? 'sell' : '';
      tr.append(td(formatTime(nanosToMs(t.time_nanos))), td(formatPrice(t.price, ex), 'num'),
        td(formatQuantity(t.quantity, ex, false), 'num'), td(AGGRESSOR[t.aggressor] || '—'));
      return tr;
    }));
  }

  /** The OHLC line above the chart: the candle under the crosshair, else the newest one. */
  #legend(candle) {
    const c = candle || this.book.last();
    const el = $('legend');
    if (!c) { el.textContent = ''; return; }
    const ex = this.selected?.exchange;
    const ms = nanosToMs(c.time_nanos);
    const when = this.timeframe === '1d' || this.timeframe === '1w' ? formatDate(ms) : formatDateTime(ms);
    const parts = [
      ['', when], ['Abertura', formatPrice(c.open, ex)], ['Máxima', formatPrice(c.high, ex)],
      ['Mínima', formatPrice(c.low, ex)], ['Fechamento', formatPrice(c.close, ex)],
      ['Volume', formatQuantity(c.volume, ex)],
    ];
    if (c.financial_volume !== undefined && ex === 'B') parts.push(['Financeiro', formatMoney(c.financial_volume)]);
    if (c.trades !== undefined) parts.push(['Negócios', formatQuantity(c.trades, 'B', false)]);
    if (c.vwap) parts.push(['VWAP', formatPrice(c.vwap, ex)]);
    el.replaceChildren(...parts.flatMap(([k, v]) => {
      const b = document.createElement('b');
      b.textContent = v;
      return k ? [document.createTextNode(` ${k} `), b] : [b];
    }));
  }

  /** The message line above the chart; status: the HTTP status behind it, if any (kept for tests and support). */
  #banner(text, kind = 'warn', status) {
    const el = $('message');
    el.hidden = !text;
    el.textContent = text || '';
    el.classList.toggle('info', kind === 'info');
    if (status !== undefined) el.dataset.status = String(status);
    else delete el.dataset.status;
  }
}

function span(cls, text) {
  const s = document.createElement('span');
  s.className = cls;
  s.textContent = text;
  return s;
}

function li(cls, text) {
  const l = document.createElement('li');
  l.className = cls;
  l.textContent = text;
  return l;
}

function td(text, cls) {
  const c = document.createElement('td');
  c.textContent = text;
  if (cls) c.className = cls;
  return c;
}

function button(text, onClick) {
  const b = document.createElement('button');
  b.type = 'button';
  b.textContent = text;
  b.addEventListener('click', onClick);
  return b;
}

function formatParam(v) {
  return Number.isInteger(v) ? String(v) : formatDecimal(v).replace(/,?0+$/, '');
}
