// The desk screens over web-bff's order side: Boletas (ticket, preview, confirmation, idempotent submit), Ordens
// (every order of the desk, live from /ws/desk), Posições, Saldo and Risco, plus the halted-scope banner every screen
// shows. State that is not DOM lives in the pure modules (desk.js); this file wires it to the page.
import { DeskSocket } from './deskws.js';
import {
  ALGORITHMS, METHODS, OrderBook, STATUS_LABELS, SIDE_LABELS, SWITCH_LABELS, algorithmBody, algorithmLabel, blockBody, brl,
  decimalText, haltReportText, isWorking, newClOrdId, previewRows, quantityText, restrictedScopes, scopeLabel, searchAccounts,
} from './desk.js';
import { formatQuantity, formatDateTime, formatTime } from './format.js';

const $ = (id) => document.getElementById(id);
const qty = (n) => formatQuantity(Number(n), 'B', false);
const timeOf = (iso) => (iso ? formatTime(Date.parse(iso)) : '');
const randomBytes = () => crypto.getRandomValues(new Uint8Array(8));

function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'class') e.className = v;
    else if (k === 'text') e.textContent = v;
    else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
    else if (k.startsWith('data-')) e.setAttribute(k, v);
    else if (k in e) e[k] = v;
    else e.setAttribute(k, v);
  }
  for (const c of children) if (c !== null && c !== undefined) e.append(c);
  return e;
}
const td = (text, cls) => el('td', { class: cls, text: text ?? '' });
const PANELS = ['boletas', 'ordens', 'posicoes', 'saldo', 'risco'];
// Each panel's markup as loaded: stop() puts it back, so a later login starts with fresh elements and no old listeners.
const pristine = new Map();

/** A server error as the trader should read it: the problem's detail, with the status when it says something. */
function problemText(e) {
  const p = e.problem || {};
  const detail = p.detail || e.message;
  if (e.status === 501) return `Ainda não disponível no servidor (501): ${detail}`;
  if (e.status === 0) return detail;
  return `${p.title ? `${p.title}: ` : ''}${detail}${p.field ? ` [campo ${p.field}${p.value !== undefined ? ` = ${p.value}` : ''}]` : ''} (HTTP ${e.status})`;
}

export class DeskScreens {
  constructor(api) {
    this.api = api;
    this.roles = new Set((api.user?.roles || []).map((r) => String(r).toLowerCase()));
    this.book = new OrderBook();
    this.accounts = [];
    this.names = new Map();
    this.switches = [];
    this.positions = { positions: [], consolidated: [] };
    this.balances = { balances: [], total: null };
    this.expanded = new Set();
    this.cancelling = new Set();  // ClOrdIDs whose cancel was sent and not yet seen: no second cancel from a double click
    this.ticket = { blockId: null, key: null, sending: false };
    this.timers = {};
  }

  get canTrade() { return this.roles.has('trader'); }
  get canRisk() { return this.roles.has('risk') || this.roles.has('admin'); }

  start() {
    for (const p of PANELS) if (!pristine.has(p)) pristine.set(p, $(`panel-${p}`).innerHTML);
    document.body.classList.toggle('can-trade', this.canTrade);
    document.querySelector('a.tab[data-tab=risco]').hidden = !this.canRisk;
    this.#buildTicket();
    this.#wireOrders();
    this.#wirePositions();
    this.#wireRisk();
    this.socket = new DeskSocket({
      tokenProvider: () => this.api.accessToken(),
      lastSequence: () => this.book.lastSequence,
      handlers: { status: (s) => this.#socketState(s), message: (m) => this.#onMessage(m) },
    });
    this.socket.start();
    this.#loadAccounts();
    this.#loadSwitches();
    this.#loadPositions();
    this.#loadBalances();
    if (this.canRisk) this.#loadLimits();
  }

  stop() {
    this.socket?.stop();
    for (const t of Object.values(this.timers)) clearTimeout(t);
    for (const [p, html] of pristine) $(`panel-${p}`).innerHTML = html;
    $('halt-banner').hidden = true;
    $('desk-live-state').textContent = '';
  }

  /** Called when a tab is shown: refreshes what it shows. */
  shown(tab) {
    if (tab === 'posicoes') this.#loadPositions();
    if (tab === 'saldo') this.#loadBalances();
    if (tab === 'risco') { this.#loadSwitches(); this.#loadLimits(); }
    if (tab === 'ordens') this.#renderOrders();
  }

  #later(name, fn, ms = 250) {
    clearTimeout(this.timers[name]);
    this.timers[name] = setTimeout(fn, ms);
  }

  // ---- live -----------------------------------------------------------------------------------------

  #socketState(state) {
    const e = $('desk-live-state');
    e.dataset.state = state;
    e.textContent = state === 'open' ? 'Mesa ao vivo' : state === 'connecting' ? 'Conectando à mesa…' : 'Mesa desconectada; reconectando…';
  }

  #onMessage(m) {
    switch (m.type) {
      case 'order_event':
        if (this.book.apply(m)) {
          if (!isWorking(this.book.get(m.cl_ord_id).ord_status)) this.cancelling.delete(m.cl_ord_id);
          this.#later('orders', () => this.#renderOrders(), 100);
        }
        break;
      case 'caught_up':
        this.#renderOrders();
        break;
      case 'position':
      case 'balances':
      case 'snapshot_done':
        this.#later('positions', () => { this.#loadPositions(); this.#loadBalances(); }, 300);
        break;
      case 'risk_event':
        this.#later('risk', () => { this.#loadSwitches(); if (this.canRisk) this.#loadLimits(); }, 100);
        break;
      case 'stream':
        $('desk-live-state').textContent = m.state === 'reconnecting' ? `Reconectando (${m.stream})…` : 'Mesa ao vivo';
        break;
      default:
    }
  }

  // ---- accounts, switches and the banner --------------------------------------------------------------

  async #loadAccounts() {
    try {
      const r = await this.api.get('/accounts');
      this.accounts = r.accounts.filter((a) => a.enabled !== false);
      this.names = new Map(r.accounts.map((a) => [a.account, a.name]));
      const groups = [...new Map(this.accounts.map((a) => [a.group, a.group_name || a.group])).entries()];
      $('ticket-group').replaceChildren(el('option', { value: '', text: 'Todos os grupos' }),
        ...groups.map(([g, n]) => el('option', { value: g, text: n })));
      $('orders-filter-account').replaceChildren(el('option', { value: '', text: 'Todos os clientes' }),
        ...r.accounts.map((a) => el('option', { value: a.account, text: `${a.account} — ${a.name}` })));
      this.#renderClients();
    } catch (e) {
      this.#message('ticket-message', `Contas indisponíveis: ${problemText(e)}`);
    }
  }

  async #loadSwitches() {
    try {
      const r = await this.api.get('/risk/switches');
      this.switches = r.switches;
      const restricted = restrictedScopes(r.switches);
      const banner = $('halt-banner');
      banner.hidden = restricted.length === 0 && r.state_known !== false;
      banner.textContent = r.state_known === false
        ? `Estado do risco desconhecido: ${r.unknown_reason}`
        : restricted.length ? `Negociação restrita — ${restricted.map((x) => x.text).join('; ')}` : '';
      banner.dataset.halted = String(restricted.some((x) => x.state === 'HALTED'));
      this.#renderSwitches();
    } catch (e) {
      const banner = $('halt-banner');
      banner.hidden = false;
      banner.textContent = `Estado do risco indisponível: ${problemText(e)}`;
    }
  }

  #message(id, text, kind = 'error') {
    const e = $(id);
    e.textContent = text || '';
    e.hidden = !text;
    e.dataset.kind = kind;
    e.className = `banner${kind === 'info' ? ' info' : ''}`;
  }

  // ---- Boletas --------------------------------------------------------------------------------------

  #buildTicket() {
    $('ticket-algo').replaceChildren(...ALGORITHMS.map((a) => el('option', { value: a.kind, text: a.label })));
    $('ticket-method').replaceChildren(...METHODS.map((m) => el('option', { value: m.method, text: m.label })));
    $('ticket-algo').addEventListener('change', () => { this.#renderAlgoParams(); this.#ticketChanged(); });
    $('ticket-method').addEventListener('change', () => { this.#renderClients(); this.#ticketChanged(); });
    $('ticket-ordtype').addEventListener('change', () => {
      $('ticket-price').disabled = $('ticket-ordtype').value === 'market';
      this.#ticketChanged();
    });
    for (const id of ['ticket-symbol', 'ticket-side', 'ticket-qty', 'ticket-price']) $(id).addEventListener('input', () => this.#ticketChanged());
    $('ticket-client-search').addEventListener('input', () => this.#renderClients());
    $('ticket-group').addEventListener('change', () => this.#renderClients());
    $('ticket-select-all').addEventListener('click', () => this.#selectVisible(true));
    $('ticket-select-none').addEventListener('click', () => this.#selectVisible(false));
    $('ticket-preview').addEventListener('click', () => this.#preview());
    $('ticket-send').addEventListener('click', () => this.#confirm());
    $('confirm-cancel').addEventListener('click', () => $('confirm-dialog').close());
    $('confirm-send').addEventListener('click', () => this.#send());
    this.selected = new Map();  // account -> per-client quantity text
    this.#renderAlgoParams();
  }

  #renderAlgoParams() {
    const a = ALGORITHMS.find((x) => x.kind === $('ticket-algo').value);
    $('ticket-algo-params').replaceChildren(...a.params.map((p) => el('label', { class: 'param' }, p.label,
      el('input', { id: `algo-${p.name}`, value: p.default ?? '', 'data-param': p.name, oninput: () => this.#ticketChanged() }))));
  }

  #visibleClients() {
    const group = $('ticket-group').value;
    return searchAccounts(this.accounts, $('ticket-client-search').value).filter((a) => !group || a.group === group);
  }

  #renderClients() {
    const fixed = $('ticket-method').value === 'fixed';
    $('ticket-qty-label').hidden = fixed;
    const rows = this.#visibleClients().map((a) => {
      const checked = this.selected.has(a.account);
      const box = el('input', { type: 'checkbox', checked, 'data-account': a.account, onchange: (ev) => {
        if (ev.target.checked) this.selected.set(a.account, this.selected.get(a.account) || '');
        else this.selected.delete(a.account);
        this.#renderClients();
        this.#ticketChanged();
      } });
      const perClient = fixed && checked ? el('input', { class: 'qty', 'data-qty-for': a.account, value: this.selected.get(a.account) || '',
        placeholder: 'Qtd.', oninput: (ev) => { this.selected.set(a.account, ev.target.value); this.#ticketChanged(); } }) : null;
      return el('li', { 'data-account': a.account }, el('label', {}, box, el('span', { class: 'acct', text: a.account }),
        el('span', { class: 'name', text: a.name }), el('span', { class: 'muted', text: a.group_name || a.group })), perClient);
    });
    $('ticket-clients').replaceChildren(...rows);
    $('ticket-selected-count').textContent = `${this.selected.size} cliente(s) selecionado(s)`;
  }

  #selectVisible(on) {
    for (const a of this.#visibleClients()) {
      if (on) this.selected.set(a.account, this.selected.get(a.account) || '');
      else this.selected.delete(a.account);
    }
    this.#renderClients();
    this.#ticketChanged();
  }

  /** Reads the ticket into a block body; throws an Error with a pt-BR message naming what is wrong. */
  #ticketBody(blockId) {
    const symbol = $('ticket-symbol').value.trim().toUpperCase();
    if (!symbol) throw new Error('Informe o ativo.');
    if (this.selected.size === 0) throw new Error('Selecione ao menos um cliente.');
    const method = $('ticket-method').value;
    const ordType = $('ticket-ordtype').value;
    let price = null;
    if (ordType !== 'market') {
      price = decimalText($('ticket-price').value);
      if (!price) throw new Error(`Preço-limite inválido: "${$('ticket-price').value}"`);
    }
    const accounts = [...this.selected.entries()].map(([account, q]) => ({ account, quantity: quantityText(q) }));
    let totalQty = null;
    if (method === 'fixed') {
      const bad = accounts.find((a) => a.quantity === null);
      if (bad) throw new Error(`Quantidade inválida para o cliente ${bad.account}: "${this.selected.get(bad.account)}"`);
    } else {
      totalQty = quantityText($('ticket-qty').value);
      if (totalQty === null) throw new Error(`Quantidade total inválida: "${$('ticket-qty').value}"`);
    }
    const raw = {};
    for (const i of $('ticket-algo-params').querySelectorAll('input[data-param]')) raw[i.dataset.param] = i.value;
    const algorithm = algorithmBody($('ticket-algo').value, raw);
    return blockBody({ blockId, symbol, side: $('ticket-side').value, method, totalQty, accounts, ordType, price, algorithm });
  }

  /** Any edit invalidates the preview and the pending ids: a new ticket is a new block. */
  #ticketChanged() {
    if (this.ticket.sending) return;
    this.ticket = { blockId: null, key: null, sending: false };
    $('ticket-send').disabled = true;
    $('preview-table').hidden = true;
  }

  async #preview() {
    this.#message('ticket-message', '');
    let body;
    try {
      if (!this.ticket.blockId) this.ticket.blockId = newClOrdId('blk', randomBytes());
      body = this.#ticketBody(this.ticket.blockId);
    } catch (e) {
      this.#message('ticket-message', e.message);
      return;
    }
    try {
      const p = await this.api.call('POST', '/blocks/preview', body);
      this.ticket.body = body;
      this.ticket.preview = previewRows(p, this.names);
      this.#renderPreview(this.ticket.preview);
      $('ticket-send').disabled = !this.canTrade;
    } catch (e) {
      this.#message('ticket-message', problemText(e));
    }
  }

  #renderPreview(pv) {
    const body = pv.rows.map((r) => el('tr', { 'data-account': r.account }, td(r.account), td(r.name), td(qty(r.quantity), 'num'),
      td(r.notional === null ? '—' : brl(r.notional), 'num'), td(r.residual ? qty(r.residual) : '0', 'num')));
    $('preview-body').replaceChildren(...body);
    $('preview-foot').replaceChildren(el('tr', {}, td('Total'), td(`lote ${qty(pv.lot)}; pedido ${qty(pv.total.requested)}`),
      td(qty(pv.total.quantity), 'num'), td(pv.total.notional === null ? '—' : brl(pv.total.notional), 'num'), td(qty(pv.total.residual), 'num')));
    $('preview-table').hidden = false;
  }

  #confirm() {
    const b = this.ticket.body;
    if (!b || !this.canTrade) return;
    const pv = this.ticket.preview;
    $('confirm-text').textContent = `${SIDE_LABELS[b.side]} ${qty(pv.total.quantity)} ${b.symbol} para ${pv.rows.length} cliente(s), `
      + `${b.ord_type === 'market' ? 'a mercado' : `limite ${brl(b.price)}`}, ${algorithmLabel(b.algorithm.kind)}`
      + `${pv.total.notional ? `, financeiro estimado ${brl(pv.total.notional)}` : ''}.`;
    $('confirm-dialog').showModal();
  }

  /** POST /blocks with the block id of the preview: a double click or a retry sends the same id (duplicate: true). */
  async #send() {
    if (this.ticket.sending) return;
    this.ticket.sending = true;
    $('confirm-send').disabled = true;
    try {
      const r = await this.api.call('POST', '/blocks', this.ticket.body);
      this.lastBlockBody = this.ticket.body;  // for support (and the browser tests' retry)
      $('confirm-dialog').close();
      const n = r.children?.length ?? 0;
      this.#message('ticket-message', `Boleta ${r.block?.block_id || this.ticket.body.block_id} ${r.duplicate ? 'já enviada' : 'enviada'}: ${n} ordem(ns).`, 'info');
      this.ticket.sending = false;
      this.#ticketChanged();
    } catch (e) {
      // the same block id stays: the trader may retry and web-bff answers a duplicate if the first went through
      this.#message('ticket-message', `Não enviada: ${problemText(e)}`);
      $('confirm-dialog').close();
      this.ticket.sending = false;
    } finally {
      $('confirm-send').disabled = false;
    }
  }

  // ---- Ordens ---------------------------------------------------------------------------------------

  #wireOrders() {
    $('orders-filter-status').replaceChildren(el('option', { value: '', text: 'Todos os status' }), el('option', { value: 'working', text: 'Em aberto' }),
      ...Object.entries(STATUS_LABELS).map(([k, v]) => el('option', { value: k, text: v })));
    for (const id of ['orders-filter-account', 'orders-filter-status']) $(id).addEventListener('change', () => this.#renderOrders());
    $('orders-filter-symbol').addEventListener('input', () => this.#renderOrders());
    $('replace-cancel').addEventListener('click', () => $('replace-dialog').close());
    $('replace-send').addEventListener('click', () => this.#replace());
  }

  #renderOrders() {
    const list = this.book.list({
      account: $('orders-filter-account').value, status: $('orders-filter-status').value, symbol: $('orders-filter-symbol').value.trim(),
    });
    const rows = [];
    for (const o of list.slice(0, 500)) {
      const working = isWorking(o.ord_status);
      const actions = el('td', { class: 'actions' });
      if (this.canTrade && working) {
        const sent = this.cancelling.has(o.cl_ord_id);
        actions.append(el('button', { type: 'button', 'data-action': 'cancel', text: sent ? 'Cancelando…' : 'Cancelar', disabled: sent,
          onclick: (ev) => { ev.stopPropagation(); this.#cancel(o.cl_ord_id); } }),
          el('button', { type: 'button', 'data-action': 'replace', text: 'Alterar', onclick: (ev) => { ev.stopPropagation(); this.#openReplace(o); } }));
      }
      rows.push(el('tr', { 'data-cl-ord-id': o.cl_ord_id, 'data-status': o.ord_status, 'data-account': o.account, 'data-block': o.block_id, class: `order ${o.side}`, onclick: () => this.#toggle(o.cl_ord_id) },
        td(timeOf(o.created)), td(o.symbol), td(SIDE_LABELS[o.side] || o.side), td(`${o.account} ${this.names.get(o.account) || ''}`),
        td(qty(o.order_qty), 'num'), td(qty(o.cum_qty), 'num'), td(o.price ? brl(o.price) : 'Mercado', 'num'),
        td(Number(o.avg_px) ? brl(o.avg_px) : '', 'num'), td(STATUS_LABELS[o.ord_status] || o.ord_status, `status st-${o.ord_status}`),
        td(o.block_id ? `Bloco ${o.block_id}` : 'Simples'), actions));
      if (this.expanded.has(o.cl_ord_id)) {
        const fills = o.fills.length
          ? o.fills.map((f) => `${timeOf(f.ts_event)} ${qty(f.last_qty)} @ ${brl(f.last_px)} (${f.exec_id})`).join(' · ')
          : 'Sem execuções.';
        rows.push(el('tr', { class: 'fills', 'data-fills-of': o.cl_ord_id }, el('td', { colSpan: 11, text: `${o.cl_ord_id}${o.text ? ` — ${o.text}` : ''}: ${fills}` })));
      }
    }
    $('orders-body').replaceChildren(...rows);
    $('orders-empty').hidden = rows.length > 0;
    $('orders-count').textContent = `${list.length} ordem(ns); ${this.book.working().length} em aberto`;
  }

  #toggle(id) {
    if (this.expanded.has(id)) this.expanded.delete(id); else this.expanded.add(id);
    this.#renderOrders();
  }

  async #cancel(clOrdId) {
    if (this.cancelling.has(clOrdId)) return;
    this.cancelling.add(clOrdId);
    this.#renderOrders();
    try {
      await this.api.call('POST', `/orders/${encodeURIComponent(clOrdId)}/cancel`, {});
      this.#message('orders-message', `Cancelamento de ${clOrdId} enviado.`, 'info');
    } catch (e) {
      this.cancelling.delete(clOrdId);  // refused: the trader may try again
      this.#message('orders-message', `Cancelamento recusado: ${problemText(e)}`);
      this.#renderOrders();
    }
  }

  #openReplace(o) {
    this.replacing = o.cl_ord_id;
    $('replace-title').textContent = `Alterar ${o.cl_ord_id} (${o.symbol}, ${o.account})`;
    $('replace-qty').value = String(o.order_qty);
    $('replace-price').value = o.price ? String(o.price).replace('.', ',') : '';
    $('replace-dialog').showModal();
  }

  async #replace() {
    const body = {};
    const q = quantityText($('replace-qty').value);
    const p = decimalText($('replace-price').value);
    if (q) body.order_qty = q;
    if (p) body.price = p;
    try {
      await this.api.call('POST', `/orders/${encodeURIComponent(this.replacing)}/replace`, body);
      this.#message('orders-message', `Alteração de ${this.replacing} enviada.`, 'info');
    } catch (e) {
      this.#message('orders-message', `Alteração recusada: ${problemText(e)}`);
    }
    $('replace-dialog').close();
  }

  // ---- Posições and Saldo ---------------------------------------------------------------------------

  #wirePositions() {
    $('positions-search').addEventListener('input', () => this.#renderPositions());
    $('balances-search').addEventListener('input', () => this.#renderBalances());
  }

  async #loadPositions() {
    try {
      this.positions = await this.api.get('/positions');
      this.#renderPositions();
      this.#message('positions-message', '');
    } catch (e) {
      this.#message('positions-message', `Posições indisponíveis: ${problemText(e)}`);
    }
  }

  #renderPositions() {
    const cons = this.positions.consolidated.map((c) => el('tr', { 'data-symbol': c.symbol }, td(c.symbol), td(qty(c.accounts), 'num'),
      td(qty(c.quantity), 'num'), td(brl(c.avg_price), 'num'), td(brl(c.mark_price), 'num'), td(brl(c.realized_pnl), `num ${sign(c.realized_pnl)}`),
      td(brl(c.unrealized_pnl), `num ${sign(c.unrealized_pnl)}`), td(brl(c.costs), 'num')));
    $('positions-consolidated').replaceChildren(...cons);
    const q = $('positions-search').value;
    const visible = new Set(searchAccounts(this.accounts.length ? this.accounts : this.positions.positions.map((p) => ({ account: p.account })), q).map((a) => a.account));
    const rows = this.positions.positions.filter((p) => visible.has(p.account) && (Number(p.quantity) !== 0 || Number(p.day_buy_quantity) || Number(p.day_sell_quantity)))
      .map((p) => el('tr', { 'data-account': p.account, 'data-symbol': p.symbol }, td(p.account), td(this.names.get(p.account) || ''), td(p.symbol),
        td(qty(p.quantity), 'num'), td(brl(p.avg_price), 'num'), td(brl(p.mark_price), 'num'),
        td(brl(p.realized_pnl), `num ${sign(p.realized_pnl)}`), td(brl(p.unrealized_pnl), `num ${sign(p.unrealized_pnl)}`),
        td(qty(p.day_trade_quantity || 0), 'num'), td(qty(p.opening_quantity || 0), 'num')));
    $('positions-clients').replaceChildren(...rows);
    $('positions-empty').hidden = rows.length > 0;
  }

  async #loadBalances() {
    try {
      this.balances = await this.api.get('/balances');
      this.#renderBalances();
      this.#message('balances-message', '');
    } catch (e) {
      this.#message('balances-message', `Saldos indisponíveis: ${problemText(e)}`);
    }
  }

  #renderBalances() {
    const visible = new Set(searchAccounts(this.accounts, $('balances-search').value).map((a) => a.account));
    const rows = this.balances.balances.filter((b) => !this.accounts.length || visible.has(b.account)).map((b) => el('tr', { 'data-account': b.account },
      td(b.account), td(this.names.get(b.account) || ''), td(brl(b.d0), 'num d0'), td(brl(b.d1), 'num d1'), td(brl(b.d2), 'num d2'),
      td(`${b.settling_d1 ? `D+1 ${b.d1_date || ''}: ${brl(b.settling_d1)}` : ''}${b.settling_d2 ? ` D+2 ${b.d2_date || ''}: ${brl(b.settling_d2)}` : ''}`, 'muted')));
    $('balances-body').replaceChildren(...rows);
    const t = this.balances.total;
    $('balances-total').replaceChildren(t ? el('tr', {}, td('Total'), td(`${this.balances.balances.length} cliente(s)`), td(brl(t.d0), 'num'), td(brl(t.d1), 'num'), td(brl(t.d2), 'num'), td('')) : '');
  }

  // ---- Risco ----------------------------------------------------------------------------------------

  #wireRisk() {
    for (const [id, action] of [['risk-halt', 'halt'], ['risk-reduce', 'reduce'], ['risk-resume', 'resume']]) {
      $(id).addEventListener('click', () => this.#switch(action));
    }
    $('panic-button').addEventListener('click', () => {
      $('panic-confirm-text').value = '';
      $('panic-confirm').disabled = true;
      $('panic-dialog').showModal();
    });
    $('panic-confirm-text').addEventListener('input', () => { $('panic-confirm').disabled = $('panic-confirm-text').value.trim().toUpperCase() !== 'PÂNICO'; });
    $('panic-cancel').addEventListener('click', () => $('panic-dialog').close());
    $('panic-confirm').addEventListener('click', () => this.#panic());
  }

  #scope() {
    return { type: $('risk-scope-type').value, key: $('risk-scope-key').value.trim() };
  }

  async #switch(action) {
    const reason = $('risk-reason').value.trim() || `${action} pela tela Risco`;
    const body = action === 'halt' ? { scope: this.#scope(), mode: $('risk-mode').value, reason, wait_for_report: true } : { scope: this.#scope(), reason };
    try {
      const r = await this.api.call('POST', `/risk/${action}`, body);
      const rep = r.report ? ` ${haltReportText(r.report)}` : '';
      this.#message('risk-message', r.changed ? `${scopeLabel(r.switch.scope)}: ${SWITCH_LABELS[r.switch.state] || r.switch.state}.${rep}` : `Sem mudança: ${r.unchanged_reason}`, 'info');
    } catch (e) {
      this.#message('risk-message', problemText(e));
    }
    this.#loadSwitches();
  }

  async #panic() {
    $('panic-confirm').disabled = true;
    try {
      const r = await this.api.call('POST', '/risk/panic', { reason: 'botão de pânico', wait_for_report: true });
      this.#message('risk-message', `PÂNICO acionado: mesa parada. ${haltReportText(r.report)}`, 'info');
    } catch (e) {
      this.#message('risk-message', `Pânico falhou: ${problemText(e)}`);
    }
    $('panic-dialog').close();
    this.#loadSwitches();
  }

  #renderSwitches() {
    $('risk-switches').replaceChildren(...this.switches.map((s) => el('tr', { 'data-scope': `${s.scope.type}:${s.scope.key}`, 'data-state': s.state },
      td(scopeLabel(s.scope) || 'Mesa'), td(SWITCH_LABELS[s.state] || s.state, `switch sw-${s.state}`), td(s.mode), td(s.changed_by), td(s.reason),
      td(s.changed_at ? formatDateTime(Date.parse(s.changed_at)) : ''))));
  }

  async #loadLimits() {
    try {
      const r = await this.api.get('/risk/limits');
      $('risk-limits').replaceChildren(...r.limits.map((l) => el('tr', {}, td(scopeLabel(l.scope)), td(l.kind), td(l.value, 'num'), td(l.changed_by), td(l.reason))));
    } catch (e) {
      this.#message('risk-message', `Limites indisponíveis: ${problemText(e)}`);
    }
  }
}

function sign(decimal) {
  const n = Number(decimal);
  return n > 0 ? 'up' : n < 0 ? 'down' : '';
}
