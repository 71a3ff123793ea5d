// The candlestick chart: candles and volume in the main pane, overlays (SMA, EMA, Bollinger) over the
// price, RSI and MACD in panes of their own. Times are shifted to São Paulo for display (format.js).
import {
  createChart, CandlestickSeries, HistogramSeries, LineSeries, CrosshairMode,
} from '../vendor/lightweight-charts/lightweight-charts.standalone.production.mjs';
import {
  toChartTime, tickMarkLabel, crosshairLabel, formatDecimal, formatCompact, nanosToMs,
} from './format.js';
import { isOverlay, pointsOf, specName } from './indicators.js';

const UP = '#1a9c5b';
const DOWN = '#d64545';
const LINE_COLORS = ['#2962ff', '#ff9800', '#9c27b0', '#00897b', '#795548', '#e91e63'];
const OUTPUT_COLORS = { signal: '#ff9800', histogram: '#90a4ae', upper: '#7e57c2', lower: '#7e57c2', middle: '#b39ddb' };

export class PriceChart {
  constructor(container, { priceFormatter = formatDecimal } = {}) {
    this.daily = false;
    this.priceFormatter = priceFormatter;
    this.chart = createChart(container, {
      autoSize: true,
      layout: { background: { color: '#ffffff' }, textColor: '#1f2933', fontFamily: 'system-ui, sans-serif', attributionLogo: false },
      grid: { vertLines: { color: '#eef1f4' }, horzLines: { color: '#eef1f4' } },
      crosshair: { mode: CrosshairMode.Normal },
      rightPriceScale: { borderColor: '#d5dbe1' },
      timeScale: {
        borderColor: '#d5dbe1', timeVisible: true, secondsVisible: false,
        tickMarkFormatter: (time, type) => tickMarkLabel(time, type),
      },
      localization: {
        locale: 'pt-BR',
        // prices are formatted per series (reais on the candles, plain numbers on RSI/MACD), not chart-wide
        timeFormatter: (time) => crosshairLabel(time, this.daily),
      },
    });
    this.candles = this.chart.addSeries(CandlestickSeries, {
      upColor: UP, downColor: DOWN, borderUpColor: UP, borderDownColor: DOWN, wickUpColor: UP, wickDownColor: DOWN,
      priceFormat: { type: 'custom', formatter: priceFormatter, minMove: 0.01 },
    });
    this.candles.priceScale().applyOptions({ scaleMargins: { top: 0.08, bottom: 0.25 } });
    this.volume = this.chart.addSeries(HistogramSeries, {
      priceScaleId: 'volume', priceFormat: { type: 'custom', formatter: formatCompact }, lastValueVisible: false,
      priceLineVisible: false,
    });
    this.volume.priceScale().applyOptions({ scaleMargins: { top: 0.8, bottom: 0 } });
    this.indicators = new Map();   // spec -> {outputs, series: Map(output -> series), overlay}
    this.byChartTime = new Map();  // chart time -> the API candle drawn there (for the legend)
    this.colorIndex = 0;
  }

  /** Daily and weekly bars show dates only in the crosshair. */
  setTimeframe(tf) {
    this.daily = tf === '1d' || tf === '1w';
    this.chart.applyOptions({ timeScale: { timeVisible: !this.daily } });
  }

  /** Replaces all candles (ascending, as the API sends them). */
  setCandles(candles) {
    const bars = [];
    const vols = [];
    let previous = -Infinity;
    this.byChartTime.clear();
    for (const c of candles) {
      const t = toChartTime(nanosToMs(c.time_nanos));
      // In the hour repeated when an old Brazilian summer time ended, shifted times can repeat; the chart
      // needs them strictly ascending, so such a bar is drawn one second later.
      const time = t > previous ? t : previous + 1;
      previous = time;
      this.byChartTime.set(time, c);
      bars.push(toBar(c, time));
      vols.push(toVolume(c, time));
    }
    this.candles.setData(bars);
    this.volume.setData(vols);
  }

  /** Updates or appends one candle (historical: an older bar, e.g. a correction). */
  updateCandle(c, historical = false) {
    const time = toChartTime(nanosToMs(c.time_nanos));
    this.byChartTime.set(time, c);
    this.candles.update(toBar(c, time), historical);
    this.volume.update(toVolume(c, time), historical);
  }

  fit() {
    this.chart.timeScale().fitContent();
  }

  /** Shows the last `bars` bars (a readable zoom for long histories). */
  showLast(count, bars) {
    if (count <= bars) this.fit();
    else this.chart.timeScale().setVisibleLogicalRange({ from: count - bars, to: count + 2 });
  }

  hasIndicator(spec) { return this.indicators.has(spec); }

  /** Draws an indicator from its history (rows {time_nanos, ready, values}); returns the bars that have a value. */
  setIndicator(spec, outputs, rows) {
    this.removeIndicator(spec);
    const overlay = isOverlay(spec);
    const paneIndex = overlay ? 0 : this.chart.panes().length;
    const series = new Map();
    const baseColor = LINE_COLORS[this.colorIndex++ % LINE_COLORS.length];
    for (const output of outputs) {
      const histogram = output === 'histogram';
      const options = {
        color: OUTPUT_COLORS[output] || baseColor, lineWidth: output === 'middle' ? 1 : 2,
        priceLineVisible: false, lastValueVisible: !overlay, title: overlay ? '' : output,
        // overlays are prices (reais on B3); RSI and MACD are plain numbers
        priceFormat: { type: 'custom', formatter: overlay ? this.priceFormatter : formatDecimal, minMove: 0.0001 },
      };
      series.set(output, this.chart.addSeries(histogram ? HistogramSeries : LineSeries, options, paneIndex));
    }
    if (!overlay) {
      const pane = this.chart.panes()[paneIndex];
      pane?.setStretchFactor(0.45);
      if (specName(spec) === 'rsi') {
        const rsi = series.get(outputs[0]);
        rsi.createPriceLine({ price: 70, color: '#d64545', lineStyle: 2, lineWidth: 1, axisLabelVisible: false });
        rsi.createPriceLine({ price: 30, color: '#1a9c5b', lineStyle: 2, lineWidth: 1, axisLabelVisible: false });
      }
    }
    const entry = { outputs, series, overlay };
    this.indicators.set(spec, entry);
    const data = new Map(outputs.map((o) => [o, []]));
    let previous = -Infinity;
    for (const row of rows) {
      const time = toChartTime(nanosToMs(row.time_nanos));
      if (time <= previous) continue;
      previous = time;
      for (const p of pointsOf(outputs, row)) data.get(p.output).push(point(p, time));
    }
    let points = 0;
    for (const [o, d] of data) {
      series.get(o).setData(d);
      points = Math.max(points, d.length);
    }
    return points;
  }

  /** A live indicator value (provisional, final or corrected); returns whether it was drawn. */
  updateIndicator(spec, outputs, row, historical = false) {
    const entry = this.indicators.get(spec);
    if (!entry) return false;
    const time = toChartTime(nanosToMs(row.time_nanos));
    for (const p of pointsOf(outputs, row)) {
      const s = entry.series.get(p.output);
      if (!s) continue;
      try {
        s.update(point(p, time), historical);
      } catch {
        // an update older than the series' first point (the indicator just became ready): ignore
      }
    }
    return true;
  }

  removeIndicator(spec) {
    const entry = this.indicators.get(spec);
    if (!entry) return;
    // A pane left without series is removed by the chart itself (panes are not preserved when empty).
    for (const s of entry.series.values()) this.chart.removeSeries(s);
    this.indicators.delete(spec);
  }

  clearIndicators() {
    for (const spec of [...this.indicators.keys()]) this.removeIndicator(spec);
    this.colorIndex = 0;
  }

  /** Calls fn(candle) with the API candle under the crosshair, or null when the crosshair leaves. */
  onCrosshair(fn) {
    this.chart.subscribeCrosshairMove((param) => {
      fn(param.time !== undefined ? this.byChartTime.get(param.time) || null : null);
    });
  }
}

function toBar(c, time) {
  return { time, open: c.open, high: c.high, low: c.low, close: c.close };
}

function toVolume(c, time) {
  return { time, value: c.volume, color: c.close >= c.open ? 'rgba(26,156,91,0.45)' : 'rgba(214,69,69,0.45)' };
}

function point(p, time) {
  if (p.output === 'histogram') return { time, value: p.value, color: p.value >= 0 ? 'rgba(26,156,91,0.6)' : 'rgba(214,69,69,0.6)' };
  return { time, value: p.value };
}
