import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  formatPrice, formatQuantity, formatDate, formatDateTime, formatTime, toChartTime, zoneOffsetSeconds,
  tickMarkLabel, crosshairLabel, formatMoney,
} from '../../main/web/js/format.js';

test('prices on B3 are reais with the Brazilian separators', () => {
  assert.equal(formatPrice(1234.56, 'B'), 'R$ 1.234,56');
  assert.equal(formatPrice(33.98, 'B'), 'R$ 33,98');
  assert.equal(formatPrice(0.0125, 'F'), 'R$ 0,0125');
  assert.equal(formatMoney(1234567.8912), 'R$ 1.234.567,8912');
});

test('prices elsewhere are plain numbers with two decimals', () => {
  assert.equal(formatPrice(61234.5, 'SPOT'), '61.234,50');
  assert.equal(formatPrice(null, 'B'), '');
});

test('quantities name shares on B and contracts on F', () => {
  assert.equal(formatQuantity(1234567, 'B'), '1.234.567 ações');
  assert.equal(formatQuantity(1, 'B'), '1 ação');
  assert.equal(formatQuantity(12, 'F'), '12 contratos');
  assert.equal(formatQuantity(0.00123, 'SPOT'), '0,00123');
  assert.equal(formatQuantity(1500, 'B', false), '1.500');
});

test('dates and times are in São Paulo, dd/MM/yyyy', () => {
  const ms = Date.parse('2025-04-07T13:00:05Z');            // 10:00:05 in São Paulo (UTC-3)
  assert.equal(formatDate(ms), '07/04/2025');
  assert.equal(formatTime(ms), '10:00:05');
  assert.equal(formatDateTime(ms), '07/04/2025 10:00');
  // 01:30 UTC is still the previous evening in São Paulo
  assert.equal(formatDate(Date.parse('2025-04-08T01:30:00Z')), '07/04/2025');
});

test('the São Paulo offset follows tzdb, including the old summer time', () => {
  assert.equal(zoneOffsetSeconds(Date.parse('2025-04-07T13:00:00Z')), -3 * 3600);
  assert.equal(zoneOffsetSeconds(Date.parse('2018-12-10T13:00:00Z')), -2 * 3600);  // horário de verão 2018/19
});

test('chart time is shifted so the UTC-labelling chart shows São Paulo wall time', () => {
  const t = toChartTime(Date.parse('2025-04-07T13:00:00Z'));
  assert.equal(tickMarkLabel(t, 3), '10:00');
  assert.equal(tickMarkLabel(t, 2), '07/04');
  assert.equal(tickMarkLabel(t, 1), '04/2025');
  assert.equal(tickMarkLabel(t, 0), '2025');
  assert.equal(crosshairLabel(t), '07/04/2025 10:00');
  assert.equal(crosshairLabel(t, true), '07/04/2025');
  // A daily bar starting at São Paulo midnight lands on a chart midnight (a day tick, not 21:00)
  const midnight = toChartTime(Date.parse('2025-04-07T03:00:00Z'));
  assert.equal(midnight % 86400, 0);
});
