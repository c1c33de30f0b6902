// Undo and redo of every change to the plan's text (forms, typing, confirmed
// guesses, reloads), across saves, until the page is closed; and "discard my
// changes": back to the file as last saved or opened (itself undoable).
import { $, h } from './dom.js';
import { History } from './history.js';
import { S, dirty, t } from './state.js';

const histories = new Map(); // plan file → History, for as long as the page is open
let apply = null;            // (text) => void: shows a text undone or redone

/** The plan `file` opened with `text`; apply(text) puts a text in the page. */
export function startHistory(file, text, applyText) {
  apply = applyText;
  const known = histories.get(file);
  if (known) known.record(text, t('undoReopened'));
  else histories.set(file, new History(text));
  paintUndo();
}

const current = () => (S.plan ? histories.get(S.plan.file) : null);

/** The text changed by `label` (typing: a keystroke of the editor). */
export function recordChange(text, label, typing = false) {
  const hist = current();
  if (hist && hist.record(text, label, { typing })) paintUndo();
}

export function undo() {
  const text = current()?.undo();
  if (text != null) apply(text);
  paintUndo();
}

export function redo() {
  const text = current()?.redo();
  if (text != null) apply(text);
  paintUndo();
}

/** Back to the file as last saved or opened. */
export function discard() {
  if (!dirty()) return;
  const text = S.plan.saved;
  recordChange(text, t('discard'));
  current()?.seal();
  apply(text);
  paintUndo();
}

/** The buttons: undo, redo and discard, each saying what it would do. */
export function undoButtons() {
  return [
    h('button#undo', { type: 'button', onclick: undo, 'aria-keyshortcuts': 'Control+Z' }, '↶ ', t('undo')),
    h('button#redo', { type: 'button', onclick: redo, 'aria-keyshortcuts': 'Control+Shift+Z' }, '↷ ', t('redo')),
    h('button#discard', { type: 'button', onclick: discard }, t('discard')),
  ];
}

export function paintUndo() {
  const hist = current();
  const u = $('#undo'), r = $('#redo'), d = $('#discard');
  if (!u || !r || !d) return;
  u.disabled = !hist?.canUndo;
  r.disabled = !hist?.canRedo;
  u.title = hist?.canUndo ? `${t('undo')}: ${hist.undoLabel} (Ctrl+Z)` : t('undo');
  r.title = hist?.canRedo ? `${t('redo')}: ${hist.redoLabel} (Ctrl+Shift+Z)` : t('redo');
  d.disabled = !dirty();
  d.title = t('discardHelp');
}

/**
 * Ctrl+Z / Ctrl+Shift+Z (and Ctrl+Y) on the plan page undo the plan's
 * changes, in the editor too (its own undo would not know the forms'); a
 * step form's field being typed into keeps the browser's own undo.
 */
export function undoKeys(e) {
  if (!S.plan || !(e.ctrlKey || e.metaKey) || e.altKey) return;
  const k = e.key.toLowerCase();
  const isUndo = k === 'z' && !e.shiftKey;
  const isRedo = (k === 'z' && e.shiftKey) || (k === 'y' && !e.shiftKey);
  if (!isUndo && !isRedo) return;
  const el = e.target;
  const field = el instanceof HTMLInputElement || el instanceof HTMLSelectElement || el instanceof HTMLTextAreaElement;
  if (field && el.id !== 'plan-text') {
    const typing = el.closest('tr[data-step]') && el.value !== el.dataset.orig;
    if (typing || !el.closest('#plan')) return;
  }
  e.preventDefault();
  if (isUndo) undo(); else redo();
}
