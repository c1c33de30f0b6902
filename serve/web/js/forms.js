// The step form: a row per step (name, kind, duration, time phrase, after,
// progress) whose change the server writes into the text at that value's
// place, comments and layout untouched.
import { api } from './api.js';
import { $, $$, fill, h } from './dom.js';
import { showError } from './errors.js';
import { S, t } from './state.js';
import { KINDS, wordsOf } from './words.js';
import { formValues, progressWords, sourceKeys } from './source.js';
import { analyzeNow, panel, setText, showTab } from './plan.js';

let formsShape = '';

/** The forms panel is new and empty: the next render builds its rows. */
export function resetForms() {
  formsShape = '';
}

export function renderForms() {
  const p = panel('forms');
  if (!p) return;
  const sched = S.result?.schedule;
  if (!sched) {
    if (!S.good) { formsShape = ''; fill(p, h('p.empty', t('formsNone'))); }
    for (const el of $$('input, select', p)) el.disabled = true;
    return;
  }
  const shape = `${S.lang}|` + sched.steps.map((s) => s.id).join(',');
  const kinds = [...new Set([...KINDS, ...sched.steps.map((s) => s.kind)])];
  if (shape !== formsShape) {
    formsShape = shape;
    const byId = new Map(sched.steps.map((s) => [s.id, s]));
    const groups = (sched.tasks || []).map((task) => h('fieldset.task-form',
      h('legend', task.name, h('span.sub', ` ${task.id}`)),
      h('table.forms', h('thead', h('tr', ['colId', 'colName', 'colKind', 'colDur', 'colWhen', 'colAfter', 'colProgress'].map((k) => h('th', t(k))))),
        h('tbody', (task.steps || []).map((id) => byId.get(id)).filter(Boolean).map((s) => formRow(s, task, kinds))))));
    fill(p, h('p.help', t('formsHelp')), ...groups);
  }
  // Fill in the values the user is not typing into.
  const byId = new Map(sched.steps.map((s) => [s.id, s]));
  for (const row of $$('tr[data-step]', p)) {
    const s = byId.get(row.dataset.step);
    if (!s) continue;
    const src = sourceKeys(S.plan.text, row.dataset.task, s.id);
    const vals = formValues(s, src);
    for (const el of $$('[data-key]', row)) {
      el.disabled = false;
      if (el === document.activeElement) continue;
      if (el.tagName === 'SELECT' && ![...el.options].some((o) => o.value === vals.kind)) el.append(h('option', { value: vals.kind }, vals.kind));
      el.value = vals[el.dataset.key];
      el.dataset.orig = el.value;
      if (el.dataset.key === 'when' && Array.isArray(src.when)) { el.readOnly = true; el.title = t('listInText'); }
      if (el.dataset.key === 'after') el.placeholder = (s.preds || []).map((x) => x.on).join(', ');
      if (el.dataset.key === 'progress') el.placeholder = progressWords(t, S.lang, s, src);
    }
    row.classList.toggle('critical', !!s.critical);
  }
}

function formRow(s, task, kinds) {
  // Each field says what it is of which step (the column's heading is not its label).
  const label = (word) => `${t(word)} — ${s.name} (${s.id})`;
  const field = (key, word, attrs = {}) => h('input', { type: 'text', dataset: { key }, 'aria-label': label(word), ...attrs });
  const select = h('select', { dataset: { key: 'kind' }, 'aria-label': label('colKind') },
    kinds.map((k) => h('option', { value: k }, `${wordsOf(S.lang).kinds[k] || k} (${k})`)));
  const row = h('tr', { dataset: { step: s.id, task: task.id } },
    h('td.sid', h('code', s.id)),
    h('td', field('name', 'colName', { size: 28 })),
    h('td', select),
    h('td', field('duration', 'colDur', { size: 5, className: 'short' })),
    h('td', field('when', 'colWhen', { size: 30 })),
    h('td', field('after', 'colAfter', { size: 18 })),
    h('td', field('progress', 'colProgress', { size: 22 })),
    h('td.row-msg', { 'aria-live': 'polite' }));
  for (const el of $$('[data-key]', row)) {
    el.addEventListener('change', () => editStep(row, el));
    el.addEventListener('keydown', (e) => { if (e.key === 'Enter') { e.preventDefault(); el.blur(); } });
  }
  return row;
}

async function editStep(row, el) {
  const key = el.dataset.key;
  const value = el.value.trim();
  if (value === el.dataset.orig) return;
  const msg = $('.row-msg', row);
  msg.textContent = '…';
  row.classList.remove('edit-failed');
  try {
    const { data } = await api('POST', '/api/edit', {
      body: JSON.stringify({ text: S.plan.text, step: row.dataset.step, key, value }),
      type: 'application/json',
    });
    msg.textContent = '✔';
    el.dataset.orig = value;
    setText(data.text, `${fieldWord(key)} — ${stepLabel(row)}`);
    await analyzeNow();
    setTimeout(() => { if (msg.textContent === '✔') msg.textContent = ''; }, 1500);
  } catch (e) {
    row.classList.add('edit-failed');
    msg.textContent = `${t('editFailed')}: ${e.data?.error || e.message}`;
    if (e.status !== 422) showError(e, t('editFailed'));
  }
}

const FIELD_WORD = { name: 'colName', kind: 'colKind', duration: 'colDur', when: 'colWhen', after: 'colAfter', progress: 'colProgress' };
const fieldWord = (key) => t(FIELD_WORD[key] || key);
const stepLabel = (row) => row.dataset.step;

/** The step's row in the form, picked and its duration focused. */
export function openStepForm(id) {
  showTab('forms');
  const row = $(`.panel[data-panel="forms"] tr[data-step="${CSS.escape(id)}"]`);
  if (!row) return;
  for (const r of $$('tr.picked')) r.classList.remove('picked');
  row.classList.add('picked');
  row.scrollIntoView({ block: 'center' });
  $('input[data-key="duration"]', row)?.focus();
}
