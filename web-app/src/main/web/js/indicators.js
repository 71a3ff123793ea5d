// Indicator specs as the server speaks them ("sma(20)", "bbands(20,2)", "macd(12,26,9)") and what the
// chart needs to draw them. Pure functions.

/** The indicators this screen offers, with defaults used when the server's catalogue is unavailable. */
export const OFFERED = [
  { name: 'sma', title: 'Média móvel simples (SMA)', overlay: true,
    parameters: [{ name: 'period', label: 'Período', default: 20, min: 1, max: 500, integer: true }] },
  { name: 'ema', title: 'Média móvel exponencial (EMA)', overlay: true,
    parameters: [{ name: 'period', label: 'Período', default: 9, min: 1, max: 500, integer: true }] },
  { name: 'bbands', title: 'Bandas de Bollinger', overlay: true,
    parameters: [{ name: 'period', label: 'Período', default: 20, min: 2, max: 500, integer: true },
                 { name: 'k', label: 'Desvios', default: 2, min: 0.1, max: 10, integer: false }] },
  { name: 'rsi', title: 'IFR (RSI)', overlay: false,
    parameters: [{ name: 'period', label: 'Período', default: 14, min: 2, max: 500, integer: true }] },
  { name: 'macd', title: 'MACD', overlay: false,
    parameters: [{ name: 'fast', label: 'Rápida', default: 12, min: 1, max: 500, integer: true },
                 { name: 'slow', label: 'Lenta', default: 26, min: 2, max: 500, integer: true },
                 { name: 'signal', label: 'Sinal', default: 9, min: 1, max: 500, integer: true }] },
];

const PARAM_LABELS = { period: 'Período', k: 'Desvios', fast: 'Rápida', slow: 'Lenta', signal: 'Sinal' };

/**
 * The offered indicators refined by the server's catalogue (GET /indicators/catalog): its defaults and
 * limits win; names the server does not know are dropped. With no catalogue, the built-in list.
 */
export function offeredFromCatalog(catalog) {
  if (!catalog || !Array.isArray(catalog.indicators)) return OFFERED;
  const byName = new Map(catalog.indicators.map((i) => [i.name.toLowerCase(), i]));
  return OFFERED.filter((o) => byName.has(o.name)).map((o) => {
    const server = byName.get(o.name);
    return {
      ...o,
      overlay: server.overlay ?? o.overlay,
      parameters: (server.parameters || []).map((p) => ({
        name: p.name, label: PARAM_LABELS[p.name] || p.name, default: p.default, min: p.min, max: p.max,
        integer: p.integer,
      })),
    };
  });
}

/**
 * Checks the parameters typed by the user against the definition and builds the spec. Returns
 * {spec} or {error} with a message naming the parameter and the value (pt-BR).
 */
export function buildSpec(def, rawValues) {
  const values = [];
  for (let i = 0; i < def.parameters.length; i++) {
    const p = def.parameters[i];
    const raw = String(rawValues[i] ?? '').trim().replace(',', '.');
    const v = Number(raw);
    if (raw === '' || !Number.isFinite(v)) return { error: `${p.label}: número inválido "${rawValues[i] ?? ''}"` };
    if (p.integer && !Number.isInteger(v)) return { error: `${p.label}: deve ser inteiro, recebido ${raw}` };
    if (v < p.min || v > p.max) return { error: `${p.label}: deve estar entre ${p.min} e ${p.max}, recebido ${raw}` };
    values.push(v);
  }
  return { spec: values.length ? `${def.name}(${values.join(',')})` : def.name };
}

/** The name part of a spec: "bbands(20,2)" -> "bbands". */
export function specName(spec) {
  const i = spec.indexOf('(');
  return (i < 0 ? spec : spec.slice(0, i)).toLowerCase();
}

/** A short label for a spec, "MME(9)" style in Portuguese trading jargon where one exists. */
export function specLabel(spec) {
  const names = { sma: 'MMS', ema: 'MME', bbands: 'Bollinger', rsi: 'IFR', macd: 'MACD' };
  const name = specName(spec);
  const args = spec.slice(name.length);
  return (names[name] || name.toUpperCase()) + args.replace(/,/g, ', ');
}

/** Whether a spec is drawn over the price (true) or in a pane of its own. */
export function isOverlay(spec) {
  return ['sma', 'ema', 'wma', 'bbands', 'vwap'].includes(specName(spec));
}

/**
 * Lines to draw for one indicator value row {time_nanos, ready, values} given the output names: an array
 * of {output, value} for the outputs that are numbers; empty when not ready (never a made-up zero).
 */
export function pointsOf(outputs, row) {
  if (!row.ready || !Array.isArray(row.values)) return [];
  const out = [];
  outputs.forEach((name, i) => {
    const v = row.values[i];
    if (typeof v === 'number' && Number.isFinite(v)) out.push({ output: name, value: v });
  });
  return out;
}
