// Undo and redo of the plan's text (serve/web/js/history.js).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { History } from '../../../serve/web/js/history.js';

test('undo and redo walk the changes', () => {
  const h = new History('a');
  assert.equal(h.canUndo, false);
  assert.equal(h.undo(), null);
  h.record('ab', 'form: duration');
  h.record('abc', 'confirm');
  assert.equal(h.undoLabel, 'confirm');
  assert.equal(h.undo(), 'ab');
  assert.equal(h.redoLabel, 'confirm');
  assert.equal(h.undo(), 'a');
  assert.equal(h.undo(), null);
  assert.equal(h.redo(), 'ab');
  assert.equal(h.redo(), 'abc');
  assert.equal(h.redo(), null);
});

test('a change after an undo drops what could be redone', () => {
  const h = new History('a');
  h.record('b', 'one');
  h.undo();
  h.record('c', 'two');
  assert.equal(h.canRedo, false);
  assert.equal(h.undo(), 'a');
  assert.equal(h.redo(), 'c');
});

test('the same text is no change', () => {
  const h = new History('a');
  assert.equal(h.record('a', 'nothing'), false);
  assert.equal(h.canUndo, false);
});

test('typing without a pause is one state; a pause or another change starts a new one', () => {
  const h = new History('', { pauseMs: 1000 });
  h.record('x', 'typing', { typing: true, now: 0 });
  h.record('xy', 'typing', { typing: true, now: 300 });
  h.record('xyz', 'typing', { typing: true, now: 900 });
  assert.equal(h.states.length, 2);
  h.record('xyz!', 'typing', { typing: true, now: 2500 }); // after a pause
  assert.equal(h.states.length, 3);
  h.record('xyz!?', 'form', { now: 2600 });
  h.record('xyz!?.', 'typing', { typing: true, now: 2700 }); // after another change
  assert.equal(h.states.length, 5);
  assert.equal(h.undo(), 'xyz!?');
  h.record('xyz!?-', 'typing', { typing: true, now: 2800 }); // after an undo
  assert.equal(h.undo(), 'xyz!?');
  assert.equal(h.undo(), 'xyz!');
  assert.equal(h.undo(), 'xyz');
  assert.equal(h.undo(), '');
});

test('seal ends the typing state', () => {
  const h = new History('');
  h.record('a', 'typing', { typing: true, now: 0 });
  h.seal();
  h.record('ab', 'typing', { typing: true, now: 10 });
  assert.equal(h.undo(), 'a');
});

test('the oldest states go past the limit', () => {
  const h = new History('0', { limit: 3 });
  for (const s of ['1', '2', '3', '4']) h.record(s, s);
  assert.deepEqual(h.states.map((x) => x.text), ['2', '3', '4']);
  assert.equal(h.undo(), '3');
  assert.equal(h.undo(), '2');
  assert.equal(h.undo(), null);
});
