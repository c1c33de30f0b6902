// The plan page: its head (title, badge, save, downloads), the tabs, and the
// analysis of the text as it is in the page, painted into every panel.
import { api, enc } from './api.js';
import { $, $$, debounce, fill, h } from './dom.js';
import { showError } from './errors.js';
import { fmtDateIn, fmtDateVi } from './format.js';
import { S, t } from './state.js';
import { checkFacts } from './verdict.js';
import { setCrumbs, statusBadge } from './workspace.js';
import { buildGanttPanel, hideTooltip, refreshNetwork, renderGantt } from './chart.js';
import { renderFindings } from './findings.js';
import { buildEditorPanel, diagList, gotoLine, renderDiagnostics, setEditorText, syncGutter } from './editor.js';
import { renderForms, resetForms } from './forms.js';
import { renderMeetings, renderTable, renderTextPanel } from './tables.js';
import { save, updateSaveState } from './save.js';
import { downloadsMenu } from './downloads.js';
import { paintUndo, recordChange, startHistory, undoButtons } from './undo.js';

export const TABS = ['gantt', 'network', 'table', 'explain', 'meetings', 'text', 'forms'];
const TAB_WORD = { gantt: 'tabGantt', network: 'tabNetwork', table: 'tabTable', explain: 'tabExplain',
  meetings: 'tabMeetings', text: 'tabText', forms: 'tabForms' };

export async function openPlan(file) {
  if (S.plan && S.plan.file === file && $('#plan')) return;
  const nav = ++S.nav;
  S.plan = null;
  S.result = S.good = null;
  S.hlSteps = [];
  S.hlChain = [];
  S.hlFinding = null;
  S.network = { key: '', svg: null, busy: false };
  S.tab = 'gantt'; // a plan opens on its chart
  setCrumbs(h('a', { href: '#/' }, t('workspace')), file);
  fill($('#app'), h('p.loading', t('loading')));
  let data;
  try {
    ({ data } = await api('GET', `/api/plan?file=${enc(file)}`));
  } catch (e) {
    if (nav !== S.nav) return;
    showError(e, `${t('planNotFound')} ${file}`);
    fill($('#app'), h('p', h('a', { href: '#/' }, t('back'))));
    return;
  }
  if (nav !== S.nav) return; // the planner left before it came
  S.plan = { file, text: data.text, saved: data.text, etag: data.etag };
  startHistory(file, data.text, showText);
  renderPlanPage();
  analyzeNow();
}

export function renderPlanPage() {
  const p = S.plan;
  document.title = `${p.file} — tiến độ`;
  setCrumbs(h('a', { href: '#/' }, t('workspace')), p.file);
  const tabs = h('nav.tabs', { role: 'tablist' }, TABS.map((k) =>
    h('button.tab', { type: 'button', role: 'tab', dataset: { tab: k }, onclick: () => showTab(k) }, t(TAB_WORD[k]))));
  const panels = h('div.panels', TABS.map((k) => h('section.panel', { role: 'tabpanel', dataset: { panel: k } })));
  const flash = S.flash;
  S.flash = null;
  fill($('#app'), h('div#plan',
    h('div.plan-head',
      h('div.plan-title', h('h1#plan-title', p.file), h('div#plan-sub.sub')),
      h('div#plan-badge'),
      h('div.plan-actions',
        h('span#save-state.save-state'),
        h('span.undo-buttons', undoButtons()),
        h('button#save.primary', { type: 'button', onclick: () => save(), title: 'Ctrl+S' }, t('save')),
        downloadsMenu())),
    flash ? h('div.flash', h('div', h('strong', flash.title), h('button.close', { type: 'button', onclick: (e) => e.target.closest('.flash').remove() }, '×')),
      flash.diagnostics.length ? [h('p', t('importNotes')), diagList(flash.diagnostics, gotoLine)] : null) : null,
    h('div.plan-body',
      h('div.main-col', tabs, panels),
      h('aside#findings.findings', h('h2', t('findings')), h('div#findings-list')))));
  resetForms(); // the forms panel is new and empty
  buildGanttPanel();
  buildEditorPanel();
  showTab(S.tab);
  updateSaveState();
  paintUndo();
  if (S.result) applyResult(S.result);
}

export function showTab(k) {
  S.tab = k;
  for (const b of $$('.tab')) {
    b.classList.toggle('on', b.dataset.tab === k);
    b.setAttribute('aria-selected', String(b.dataset.tab === k));
  }
  for (const s of $$('.panel')) s.hidden = s.dataset.panel !== k;
  hideTooltip();
  if (k === 'network') refreshNetwork();
  if (k === 'text') syncGutter();
}

export function panel(k) {
  return $(`.panel[data-panel="${k}"]`);
}

/** The plan's text changed by `label` (a form, a confirmed guess, a reload):
 *  the editor follows, and the change can be undone. */
export function setText(text, label) {
  recordChange(text, label);
  putText(text);
}

function putText(text) {
  S.plan.text = text;
  setEditorText(text);
  updateSaveState();
}

/** A text undone, redone or discarded to: in the editor, then analysed. */
function showText(text) {
  if (!S.plan) return;
  putText(text);
  analyzeNow();
}

// ------------------------------------------------------------- analyze ----

export const analyzeSoon = debounce(() => analyzeNow(), 300);

export async function analyzeNow() {
  analyzeSoon.cancel();
  if (!S.plan) return;
  const seq = ++S.seq;
  const plan = S.plan;
  const sent = plan.text;
  const sub = $('#plan-sub');
  if (sub) sub.textContent = t('analyzing');
  try {
    const scale = S.scale ? `&scale=${S.scale}` : '';
    const { data } = await api('POST', `/api/analyze?lang=${S.lang}&file=${enc(plan.file)}${scale}`,
      { body: sent, type: 'text/plain; charset=utf-8' });
    if (seq !== S.seq || S.plan !== plan || !$('#plan')) return;
    S.result = data;
    if (data.schedule) S.good = data;
    applyResult(data);
  } catch (e) {
    if (seq === S.seq && S.plan === plan) showError(e, 'analyze');
  }
}

function applyResult(r) {
  const good = r.schedule ? r : S.good;
  const sched = good?.schedule;
  const title = sched?.plan?.title;
  $('#plan-title').textContent = title || S.plan.file;
  const sub = [S.plan.file];
  if (sched?.plan) sub.push(t('planSpan', fmtDateVi(sched.plan.start), fmtDateVi(sched.plan.finish)));
  // Read with its folder's workspace.yaml: what it shares, named.
  if (r.workspace) sub.push(`${t('sharedFrom')} ${r.workspace.name || r.workspace.file}`);
  // With progress, everything unfinished is scheduled after the status date:
  // say which day that is, and whether it is only today by default.
  if (sched?.status_date) {
    const written = /(?:^\s*|[{,]\s*)status_date\s*:/m.test(S.plan.text);
    sub.push(t(written ? 'statusAt' : 'statusToday', fmtDateIn(S.lang, sched.status_date)));
  }
  if (r.millis != null) sub.push(t('ms', r.millis));
  $('#plan-sub').textContent = sub.join(' · ');
  renderBadge(r);
  renderFindings(r);
  renderGantt();
  renderTable();
  renderTextPanel('explain', good?.explain, r.ok);
  renderMeetings();
  renderDiagnostics(r.diagnostics || []);
  renderForms();
  if (S.tab === 'network') refreshNetwork();
}

function renderBadge(r) {
  const box = $('#plan-badge');
  if (!box) return;
  const c = r.check;
  if (!r.ok || !c) {
    const n = (r.diagnostics || []).filter((d) => d.severity === 'error').length;
    fill(box, h('span.badge.bad', t('unreadable')), n ? h('span.counts', t('errorsN', n)) : null);
    return;
  }
  fill(box, statusBadge(checkFacts(c)));
}
