import { test } from 'node:test';
import assert from 'node:assert/strict';
import { OFFERED, buildSpec, offeredFromCatalog, specLabel, isOverlay, pointsOf } from '../../main/web/js/indicators.js';

const def = (name) => OFFERED.find((d) => d.name === name);

test('specs are built from typed parameters, accepting a decimal comma', () => {
  assert.deepEqual(buildSpec(def('ema'), ['9']), { spec: 'ema(9)' });
  assert.deepEqual(buildSpec(def('bbands'), ['20', '2,5']), { spec: 'bbands(20,2.5)' });
  assert.deepEqual(buildSpec(def('macd'), ['12', '26', '9']), { spec: 'macd(12,26,9)' });
});

test('bad parameters are refused naming the parameter and the value', () => {
  assert.equal(buildSpec(def('sma'), ['abc']).error, 'Período: número inválido "abc"');
  assert.equal(buildSpec(def('sma'), ['2.5']).error, 'Período: deve ser inteiro, recebido 2.5');
  assert.equal(buildSpec(def('rsi'), ['1']).error, 'Período: deve estar entre 2 e 500, recebido 1');
});

test('the server catalogue sets defaults and limits and drops what it does not know', () => {
  const offered = offeredFromCatalog({ indicators: [
    { name: 'ema', title: 'EMA', parameters: [{ name: 'period', default: 21, min: 1, max: 200, integer: true }], outputs: ['ema'], overlay: true },
  ] });
  assert.deepEqual(offered.map((o) => o.name), ['ema']);
  assert.equal(offered[0].parameters[0].default, 21);
  assert.equal(offered[0].parameters[0].label, 'Período');
  assert.equal(offeredFromCatalog(null), OFFERED);
});

test('labels and placement', () => {
  assert.equal(specLabel('ema(9)'), 'MME(9)');
  assert.equal(specLabel('bbands(20,2)'), 'Bollinger(20, 2)');
  assert.equal(isOverlay('bbands(20,2)'), true);
  assert.equal(isOverlay('rsi(14)'), false);
});

test('values that are not ready draw nothing (never a zero)', () => {
  assert.deepEqual(pointsOf(['rsi'], { ready: false, values: [] }), []);
  assert.deepEqual(pointsOf(['macd', 'signal'], { ready: true, values: [1.5, -0.5] }),
    [{ output: 'macd', value: 1.5 }, { output: 'signal', value: -0.5 }]);
});
