// The /ws/desk client: auth first, then the orders stream (resumed after the last sequence the book applied), the
// positions stream and the risk stream; reconnects with the same back-off as /ws/market.
import { backoffDelay } from './live.js';

/**
 * handlers: status(state, delayMs) with 'connecting'|'open'|'waiting'; message(msg) for every server message.
 * lastSequence() gives the last order event processed, so a reconnect resumes with no gap and nothing twice.
 */
export class DeskSocket {
  constructor({ tokenProvider, handlers, lastSequence, url = defaultUrl() }) {
    this.url = url;
    this.tokenProvider = tokenProvider;
    this.handlers = handlers;
    this.lastSequence = lastSequence;
    this.attempt = 0;
    this.stopped = true;
    this.ws = null;
  }

  start() {
    this.stopped = false;
    this.#connect();
  }

  stop() {
    this.stopped = true;
    clearTimeout(this.retryTimer);
    this.ws?.close(1000, 'logout');
    this.ws = null;
  }

  async #connect() {
    if (this.stopped) return;
    this.handlers.status('connecting');
    let token;
    try { token = await this.tokenProvider(); } catch { this.#retry(); return; }
    const ws = new WebSocket(this.url);
    this.ws = ws;
    ws.onopen = () => ws.send(JSON.stringify({ type: 'auth', token }));
    ws.onmessage = (ev) => {
      let msg;
      try { msg = JSON.parse(ev.data); } catch { return; }
      if (msg.type === 'authenticated') {
        this.attempt = 0;
        this.handlers.status('open');
        ws.send(JSON.stringify({ type: 'subscribe', stream: 'orders', after_sequence: this.lastSequence() }));
        ws.send(JSON.stringify({ type: 'subscribe', stream: 'positions' }));
        ws.send(JSON.stringify({ type: 'subscribe', stream: 'risk' }));
        return;
      }
      this.handlers.message(msg);
    };
    ws.onclose = () => {
      if (this.ws !== ws) return;
      this.ws = null;
      this.#retry();
    };
    ws.onerror = () => { /* onclose follows */ };
  }

  #retry() {
    if (this.stopped) return;
    const delay = backoffDelay(this.attempt++);
    this.handlers.status('waiting', delay);
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => this.#connect(), delay);
  }
}

function defaultUrl() {
  return `${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}/ws/desk`;
}
