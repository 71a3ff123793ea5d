// Pure parts of the desk screens (Boletas, Ordens, Posições, Saldo, Risco): the order book built from /ws/desk's
// order events (each applied once, in sequence, resumable), the ticket's request bodies and allocation preview rows,
// pt-BR labels, and money from the server's decimal strings. No DOM, no clock, no randomness (they are passed in).
import { formatMoney } from './format.js';

/** FIX OrdStatus as the desk reads it. */
export const STATUS_LABELS = {
  PENDING_NEW: 'Pendente', NEW: 'Aberta', PARTIALLY_FILLED: 'Parcial', FILLED: 'Executada',
  PENDING_CANCEL: 'Cancelando', PENDING_REPLACE: 'Alterando', CANCELED: 'Cancelada', EXPIRED: 'Expirada',
  REJECTED: 'Rejeitada', DENIED: 'Negada (risco)', UNKNOWN: 'Desconhecida',
};

/** Statuses in which an order may still trade (and can be canceled or replaced). */
const WORKING = new Set(['PENDING_NEW', 'NEW', 'PARTIALLY_FILLED', 'PENDING_REPLACE', 'UNKNOWN']);

export function isWorking(status) {
  return WORKING.has(status);
}

export const SIDE_LABELS = { buy: 'Compra', sell: 'Venda' };

/**
 * The ticket's algorithms with their pt-BR names and parameters (names as web-bff's `algorithm` object takes them).
 * Parameter kinds: 'int' (a positive integer), 'price' (a decimal string).
 */
export const ALGORITHMS = [
  { kind: 'full', label: 'Cheia', params: [] },
  { kind: 'twap', label: 'TWAP', params: [
    { name: 'horizon_secs', label: 'Duração (s)', type: 'int', default: 600 },
    { name: 'interval_secs', label: 'Intervalo (s)', type: 'int', default: 60 }] },
  { kind: 'iceberg', label: 'Iceberg', params: [
    { name: 'max_floor', label: 'Lote aparente', type: 'int', default: 100 }] },
  { kind: 'vwap', label: 'VWAP', params: [
    { name: 'horizon_secs', label: 'Duração (s)', type: 'int', default: 600 },
    { name: 'interval_secs', label: 'Intervalo (s)', type: 'int', default: 60 },
    { name: 'participation_rate', label: 'Participação (0–1)', type: 'price', default: '0.10' }] },
  { kind: 'cover_up_to', label: 'Cobrir até X', params: [
    { name: 'limit_price', label: 'Preço-limite (X)', type: 'price', default: '' },
    { name: 'offset_ticks', label: 'Ticks de folga', type: 'int', default: 0 }] },
  { kind: 'oco', label: 'OCO', params: [
    { name: 'limit_price', label: 'Preço do ganho', type: 'price', default: '' },
    { name: 'stop_price', label: 'Preço de disparo (stop)', type: 'price', default: '' },
    { name: 'stop_limit_price', label: 'Limite do stop', type: 'price', default: '' }] },
];

export const METHODS = [
  { method: 'fixed', label: 'Quantidade por cliente' },
  { method: 'equity', label: 'Proporcional ao patrimônio' },
  { method: 'cash', label: 'Proporcional ao caixa' },
  { method: 'percent', label: 'Percentual por cliente' },
];

export function algorithmLabel(kind) {
  return ALGORITHMS.find((a) => a.kind === kind)?.label || kind || '';
}

/**
 * The `algorithm` object of a request: {kind, ...parameters} from the form's raw strings. Throws an Error naming the
 * parameter (in pt-BR) when a value is not what the kind needs, so the ticket says so before asking the server.
 */
export function algorithmBody(kind, raw = {}) {
  const a = ALGORITHMS.find((x) => x.kind === kind);
  if (!a) throw new Error(`Algoritmo desconhecido: ${kind}`);
  const out = { kind };
  for (const p of a.params) {
    const text = String(raw[p.name] ?? p.default ?? '').trim();
    if (p.type === 'int') {
      if (!/^\d+$/.test(text)) throw new Error(`${p.label}: informe um número inteiro (valor "${text}")`);
      out[p.name] = Number(text);
    } else {
      const d = decimalText(text);
      if (d === null) throw new Error(`${p.label}: informe um preço (valor "${text}")`);
      out[p.name] = d;
    }
  }
  return out;
}

/** "33,98" or "33.98" → "33.98"; "1.234,5" → "1234.5"; null when not a positive decimal. */
export function decimalText(text) {
  let t = String(text ?? '').trim();
  if (t.includes(',')) t = t.replace(/\./g, '').replace(',', '.');
  return /^\d+(\.\d+)?$/.test(t) && Number(t) > 0 ? t : null;
}

/** A quantity typed with or without thousands separators ("1.000", "1000") → 1000; null when not a positive integer. */
export function quantityText(text) {
  const t = String(text ?? '').trim().replace(/\./g, '');
  return /^\d+$/.test(t) && Number(t) > 0 ? Number(t) : null;
}

/** Money from a decimal string of the API ("1234.5600") as "R$ 1.234,56"; empty for null/empty. Display only. */
export function brl(decimal) {
  if (decimal === null || decimal === undefined || decimal === '') return '';
  const n = Number(decimal);
  return Number.isFinite(n) ? formatMoney(Math.round(n * 100) / 100) : String(decimal);
}

/**
 * A client-generated ClOrdID ("web-<prefix>-<16 hex>"), from 8 random bytes given by the caller (crypto in the
 * browser): the same id is sent again on a retry, so web-bff answers `duplicate` and nothing is sent twice.
 */
export function newClOrdId(prefix, bytes) {
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `web-${prefix}-${hex}`;
}

/**
 * The body of POST /blocks/preview and /blocks from the ticket. accounts: [{account, quantity?}] of the selected
 * clients; total_qty for the proportional methods, per-client quantities for `fixed`.
 */
export function blockBody({ blockId, symbol, side, method, totalQty, accounts, ordType, price, algorithm }) {
  const body = { block_id: blockId, symbol, side, method, ord_type: ordType, algorithm };
  if (price) body.price = price;
  if (method === 'fixed') {
    body.accounts = accounts.map((a) => ({ account: a.account, quantity: a.quantity }));
  } else {
    body.total_qty = totalQty;
    body.accounts = accounts.map((a) => ({ account: a.account }));
  }
  return body;
}

/**
 * The preview table: one row per client with the client's name, the quantity, the estimated notional and the
 * client's fractional residual, plus the totals. namesByAccount: Map account → name.
 */
export function previewRows(preview, namesByAccount = new Map()) {
  const rows = preview.allocations.map((a) => ({
    account: a.account,
    name: namesByAccount.get(a.account) || '',
    quantity: Number(a.quantity),
    notional: a.estimated_notional ?? null,
    residual: Number(a.fractional_qty || 0),
  }));
  const notional = rows.every((r) => r.notional !== null)
    ? rows.reduce((s, r) => s + Number(r.notional), 0).toFixed(2) : null;
  return {
    rows,
    total: { quantity: Number(preview.allocated_qty), requested: Number(preview.total_qty), residual: Number(preview.residual_qty), notional },
    lot: Number(preview.lot_size),
  };
}

/**
 * Every order of the desk from /ws/desk's order events: each event applied once, in sequence order; a reconnect
 * resumes after `lastSequence` so nothing is lost nor applied twice. Fills (TRADE events with exec_id) are kept per
 * order, once per ExecID.
 */
export class OrderBook {
  constructor() {
    this.orders = new Map();   // cl_ord_id -> order
    this.lastSequence = 0;
    this.applied = 0;
  }

  /** Applies one `order_event`; false when its sequence was already applied (a resend after a resume). */
  apply(e) {
    const seq = Number(e.sequence);
    if (!(seq > this.lastSequence)) return false;
    this.lastSequence = seq;
    this.applied++;
    let o = this.orders.get(e.cl_ord_id);
    if (!o) {
      o = { cl_ord_id: e.cl_ord_id, fills: [], created: e.ts_event };
      this.orders.set(e.cl_ord_id, o);
    }
    for (const k of ['order_id', 'account', 'block_id', 'symbol', 'side', 'ord_status', 'order_qty', 'cum_qty', 'leaves_qty', 'avg_px', 'text']) {
      if (e[k] !== undefined && e[k] !== null && e[k] !== '') o[k] = e[k];
    }
    if (e.price) o.price = e.price;
    o.order_qty = Number(o.order_qty ?? 0);
    o.cum_qty = Number(o.cum_qty ?? 0);
    o.leaves_qty = Number(o.leaves_qty ?? 0);
    o.updated = e.ts_event;
    o.sequence = seq;
    if (e.exec_id && e.last_qty && !o.fills.some((f) => f.exec_id === e.exec_id)) {
      o.fills.push({ exec_id: e.exec_id, last_qty: Number(e.last_qty), last_px: e.last_px, ts_event: e.ts_event });
    }
    return true;
  }

  get(clOrdId) {
    return this.orders.get(clOrdId);
  }

  /** Orders matching the filter ({account?, status?: 'working'|OrdStatus, symbol?: prefix}), newest first. */
  list(filter = {}) {
    const out = [];
    for (const o of this.orders.values()) if (matches(o, filter)) out.push(o);
    return out.sort((a, b) => b.sequence - a.sequence);
  }

  working() {
    return this.list({ status: 'working' });
  }
}

export function matches(o, { account, status, symbol } = {}) {
  if (account && o.account !== account) return false;
  if (status === 'working' && !isWorking(o.ord_status)) return false;
  if (status && status !== 'working' && o.ord_status !== status) return false;
  if (symbol && !String(o.symbol || '').toUpperCase().startsWith(symbol.toUpperCase())) return false;
  return true;
}

const SCOPE_LABELS = { desk: 'Mesa', strategy: 'Estratégia', account: 'Conta', instrument: 'Ativo', account_instrument: 'Conta/ativo' };
export const SWITCH_LABELS = { ACTIVE: 'Ativo', REDUCING: 'Só reduzir', HALTED: 'Parado' };

export function scopeLabel(scope) {
  const t = SCOPE_LABELS[scope?.type] || scope?.type || '';
  return scope?.key ? `${t} ${scope.key}` : t;
}

/** The scopes not trading normally (halted or reducing), for the banner every screen shows. */
export function restrictedScopes(switches = []) {
  return switches.filter((s) => s.state === 'HALTED' || s.state === 'REDUCING')
    .map((s) => ({ scope: s.scope, state: s.state, text: `${scopeLabel(s.scope)}: ${SWITCH_LABELS[s.state]}${s.reason ? ` (${s.reason})` : ''}` }));
}

/** Case- and accent-insensitive client search over account number, name and group. */
export function searchAccounts(accounts, q) {
  const norm = (s) => String(s || '').normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  const n = norm(q).trim();
  if (!n) return accounts;
  return accounts.filter((a) => norm(a.account).includes(n) || norm(a.name).includes(n) || norm(a.group_name || a.group).includes(n));
}

/**
 * A halt or panic report ({cancels_sent, confirmed:[order], rejected, unconfirmed, failed, flatten_orders}) in pt-BR:
 * the counts, and the ClOrdIDs whose cancel was not confirmed (those need a look).
 */
export function haltReportText(report) {
  if (!report) return '';
  const n = (a) => (Array.isArray(a) ? a.length : Number(a || 0));
  const doubt = [...(report.rejected || []), ...(report.unconfirmed || []), ...(report.failed || [])].map((o) => o.cl_ord_id);
  return `Cancelamentos enviados: ${n(report.cancels_sent)}, confirmados: ${n(report.confirmed)}, rejeitados: ${n(report.rejected)}, `
    + `sem confirmação: ${n(report.unconfirmed)}, falhos: ${n(report.failed)}`
    + `${n(report.flatten_orders) ? `, ordens de zeragem: ${n(report.flatten_orders)}` : ''}.`
    + `${doubt.length ? ` Verificar: ${doubt.join(', ')}.` : ''}`;
}
