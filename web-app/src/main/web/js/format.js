// Formatting for Brazil: numbers through Intl.NumberFormat('pt-BR'), times in America/Sao_Paulo, dates
// dd/MM/yyyy. Pure functions; the Intl formatters are built once because building them is costly.

export const EXCHANGE_ZONE = 'America/Sao_Paulo';

const brl = new Intl.NumberFormat('pt-BR', { style: 'currency', currency: 'BRL', minimumFractionDigits: 2, maximumFractionDigits: 4 });
const decimal2 = new Intl.NumberFormat('pt-BR', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const decimalUpTo8 = new Intl.NumberFormat('pt-BR', { minimumFractionDigits: 0, maximumFractionDigits: 8 });
const integer = new Intl.NumberFormat('pt-BR', { maximumFractionDigits: 0 });
const compact = new Intl.NumberFormat('pt-BR', { notation: 'compact', maximumFractionDigits: 1 });

/** True for the B3 segments (equities "B", derivatives "F"), whose prices are in BRL. */
export function isB3(exchange) {
  return exchange === 'B' || exchange === 'F';
}

/** A price: "R$ 1.234,56" on B3, "1.234,56" elsewhere (e.g. BTCUSDT quoted in USDT). Empty for null. */
export function formatPrice(value, exchange = 'B') {
  if (value === null || value === undefined || Number.isNaN(value)) return '';
  // Intl puts a no-break space after "R$"; a plain space reads the same and is simpler to search for.
  return isB3(exchange) ? brl.format(value).replace(/\u00a0/g, ' ') : decimal2.format(value);
}

/** A plain number with two decimals, "1.234,56" (indicator values, chart axis). */
export function formatDecimal(value) {
  if (value === null || value === undefined || Number.isNaN(value)) return '';
  return decimal2.format(value);
}

/** A money amount in BRL, "R$ 1.234.567,89" (financial volume). */
export function formatMoney(value) {
  return formatPrice(value, 'B');
}

/**
 * A traded quantity: shares on "B" ("1.234.567 ações"), contracts on "F" ("12 contratos"); elsewhere the
 * number alone with up to 8 decimals (crypto quantities are fractional).
 */
export function formatQuantity(value, exchange = 'B', withUnit = true) {
  if (value === null || value === undefined || Number.isNaN(value)) return '';
  if (exchange === 'B') return integer.format(value) + (withUnit ? (value === 1 ? ' ação' : ' ações') : '');
  if (exchange === 'F') return integer.format(value) + (withUnit ? (value === 1 ? ' contrato' : ' contratos') : '');
  return decimalUpTo8.format(value);
}

/** A volume for the chart's axis: "1,2 mi", "350 mil". */
export function formatCompact(value) {
  return compact.format(value);
}

const partsCache = new Map();
function zoneParts(zone) {
  let f = partsCache.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', {
      timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit',
      hour: '2-digit', minute: '2-digit', second: '2-digit',
    });
    partsCache.set(zone, f);
  }
  return f;
}

/** Calendar fields of an instant (epoch ms) in a zone: {year, month, day, hour, minute, second}, all numbers. */
export function fieldsIn(epochMs, zone = EXCHANGE_ZONE) {
  const out = {};
  for (const p of zoneParts(zone).formatToParts(new Date(epochMs))) {
    if (p.type !== 'literal') out[p.type] = Number(p.value);
  }
  return out;
}

const pad = (n, w = 2) => String(n).padStart(w, '0');

/** "dd/MM/yyyy" of an instant (epoch ms) in São Paulo. */
export function formatDate(epochMs, zone = EXCHANGE_ZONE) {
  const f = fieldsIn(epochMs, zone);
  return `${pad(f.day)}/${pad(f.month)}/${f.year}`;
}

/** "HH:mm:ss" of an instant (epoch ms) in São Paulo. */
export function formatTime(epochMs, zone = EXCHANGE_ZONE) {
  const f = fieldsIn(epochMs, zone);
  return `${pad(f.hour)}:${pad(f.minute)}:${pad(f.second)}`;
}

/** "dd/MM/yyyy HH:mm" of an instant (epoch ms) in São Paulo. */
export function formatDateTime(epochMs, zone = EXCHANGE_ZONE) {
  const f = fieldsIn(epochMs, zone);
  return `${pad(f.day)}/${pad(f.month)}/${f.year} ${pad(f.hour)}:${pad(f.minute)}`;
}

/** Milliseconds of a UTC epoch-nanosecond number (JSON numbers lose sub-microsecond digits; ms is what we show). */
export function nanosToMs(nanos) {
  return Math.floor(Number(nanos) / 1e6);
}

/** The zone's offset from UTC at an instant, in seconds (São Paulo: -10800 today, -7200 in old summers). */
export function zoneOffsetSeconds(epochMs, zone = EXCHANGE_ZONE) {
  const f = fieldsIn(epochMs, zone);
  const asUtc = Date.UTC(f.year, f.month - 1, f.day, f.hour, f.minute, f.second);
  return Math.round((asUtc - Math.floor(epochMs / 1000) * 1000) / 1000);
}

/**
 * Chart time for lightweight-charts, which lays out and labels its axis in UTC: the instant shifted by the
 * São Paulo offset, so "10:00" on the axis is 10:00 in São Paulo and day ticks fall on São Paulo midnights.
 * Shifted seconds are only for the chart; never send them back to the server.
 */
export function toChartTime(epochMs, zone = EXCHANGE_ZONE) {
  return Math.floor(epochMs / 1000) + zoneOffsetSeconds(epochMs, zone);
}

/** Tick mark label for a shifted chart time (see toChartTime). type: lightweight-charts' TickMarkType 0..4. */
export function tickMarkLabel(chartSeconds, type) {
  const d = new Date(chartSeconds * 1000);
  switch (type) {
    case 0: return String(d.getUTCFullYear());                                            // Year
    case 1: return `${pad(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`;                   // Month
    case 2: return `${pad(d.getUTCDate())}/${pad(d.getUTCMonth() + 1)}`;                  // DayOfMonth
    case 4: return `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
    default: return `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;                  // Time
  }
}

/** Crosshair label for a shifted chart time: "dd/MM/yyyy HH:mm" (daily and weekly bars: the date only). */
export function crosshairLabel(chartSeconds, dailyOrMore = false) {
  const d = new Date(chartSeconds * 1000);
  const date = `${pad(d.getUTCDate())}/${pad(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`;
  return dailyOrMore ? date : `${date} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}
