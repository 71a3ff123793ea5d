// The /ws/market client: authenticates with the first message, keeps one subscription (the chart's),
// reconnects with exponential back-off and re-subscribes with resume_after so no close is missed.
import { backoffDelay, subscribeMessage } from './live.js';

/**
 * Events (callbacks in `handlers`): status(state, detail) with state 'connecting'|'open'|'waiting';
 * message(msg) for every server message of the current subscription or of the session; error(msg).
 * getResumeAfter() gives the last closed bar (UTC ns) when (re)subscribing.
 */
export class MarketSocket {
  constructor({ url = defaultUrl(), tokenProvider, handlers, getResumeAfter }) {
    this.url = url;
    this.tokenProvider = tokenProvider;
    this.handlers = handlers;
    this.getResumeAfter = getResumeAfter;
    this.ws = null;
    this.attempt = 0;
    this.sub = null;      // {id, symbol, timeframe, specs}
    this.seq = 0;
    this.stopped = true;
    this.retryTimer = null;
  }

  start() {
    this.stopped = false;
    this.#connect();
  }

  stop() {
    this.stopped = true;
    clearTimeout(this.retryTimer);
    if (this.ws) this.ws.close(1000, 'logout');
    this.ws = null;
  }

  /**
   * Follows a new symbol/timeframe/indicator set (symbol null: nothing); the old subscription is dropped on
   * the server and its late messages are ignored here (they carry the old id).
   */
  follow(symbol, timeframe, specs) {
    if (this.sub && this.#isOpen()) this.#send({ type: 'unsubscribe', id: this.sub.id });
    if (!symbol) {
      this.sub = null;
      return;
    }
    this.sub = { id: `c${++this.seq}`, symbol, timeframe, specs: [...specs] };
    if (this.#isOpen() && this.authed) this.#subscribe();
  }

  /** The id of the current subscription; messages for older ids are stale and dropped. */
  get currentId() { return this.sub?.id; }

  #isOpen() { return this.ws && this.ws.readyState === WebSocket.OPEN; }

  async #connect() {
    if (this.stopped) return;
    this.handlers.status('connecting');
    let token;
    try {
      token = await this.tokenProvider();
    } catch {
      this.#retry();
      return;
    }
    const ws = new WebSocket(this.url);
    this.ws = ws;
    this.authed = false;
    ws.onopen = () => {
      ws.send(JSON.stringify({ type: 'auth', token }));
      this.authed = true;
      // No acknowledgement of auth exists in the protocol: a refused token closes with 4401 and we retry.
      this.handlers.status('open');
      if (this.sub) this.#subscribe();
    };
    ws.onmessage = (ev) => {
      let msg;
      try { msg = JSON.parse(ev.data); } catch { return; }
      // The server accepted us (a subscription or a session update came): the next drop starts the back-off anew.
      if ((msg.type === 'subscribed' && msg.id === this.sub?.id) || msg.type === 'session') this.attempt = 0;
      if (msg.id !== undefined && msg.id !== this.sub?.id) return;
      if (msg.type === 'error') this.handlers.error(msg);
      else this.handlers.message(msg);
    };
    ws.onclose = (ev) => {
      if (this.ws !== ws) return;
      this.ws = null;
      if (this.stopped) return;
      if (ev.code === 4401) {
        // Token refused: the next attempt asks the API for a fresh one (tokenProvider refreshes).
        this.handlers.error({ code: 'unauthorized', detail: 'token recusado pelo servidor' });
      }
      this.#retry();
    };
    ws.onerror = () => { /* onclose follows and schedules the retry */ };
  }

  #retry() {
    if (this.stopped) return;
    const delay = backoffDelay(this.attempt++);
    this.handlers.status('waiting', delay);
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => this.#connect(), delay);
  }

  #subscribe() {
    const s = this.sub;
    this.#send(subscribeMessage(s.id, s.symbol, s.timeframe, s.specs, this.getResumeAfter()));
  }

  #send(msg) {
    if (this.#isOpen()) this.ws.send(JSON.stringify(msg));
  }
}

function defaultUrl() {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${location.host}/ws/market`;
}
