// tiendo — the planner's page: workspace, plan page with chart, findings,
// schedule, text editor and step forms. ES modules in js/, one per concern,
// no framework and no build step. Talks to `tiendo serve` through /api/*
// (see serve/ in the repository).
import { $$ } from './js/dom.js';
import { clearErrors, showError } from './js/errors.js';
import { S, dirty, t } from './js/state.js';
import { enc } from './js/api.js';
import { paintWords } from './js/words-dom.js';
import { showWorkspace } from './js/workspace.js';
import { analyzeNow, openPlan, renderPlanPage } from './js/plan.js';
import { hideTooltip } from './js/chart.js';
import { save } from './js/save.js';
import { undoKeys } from './js/undo.js';

// ------------------------------------------------------------ routing -----

let currentHash = '';

window.addEventListener('hashchange', () => {
  const next = location.hash || '#/';
  if (next === currentHash) return;
  const leavingPlan = S.plan && next !== `#/plan/${enc(S.plan.file)}`;
  if (leavingPlan && dirty() && !confirm(t('leaveUnsaved'))) {
    history.replaceState(null, '', currentHash);
    return;
  }
  route();
});

window.addEventListener('beforeunload', (e) => {
  if (dirty()) {
    e.preventDefault();
    e.returnValue = '';
  }
});

function route() {
  currentHash = location.hash || '#/';
  clearErrors();
  hideTooltip();
  const m = /^#\/plan\/(.+)$/.exec(currentHash);
  if (m) openPlan(decodeURIComponent(m[1]));
  else showWorkspace();
}

function setLang(lang) {
  if (lang === S.lang) return;
  S.lang = lang;
  localStorage.setItem('tiendo.lang', lang);
  document.documentElement.lang = lang;
  paintWords();
  if (S.plan) {
    renderPlanPage();
    analyzeNow();
  } else {
    showWorkspace();
  }
}

document.addEventListener('keydown', (e) => {
  if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 's' && S.plan) {
    e.preventDefault();
    if (dirty()) save();
  }
});

document.addEventListener('keydown', undoKeys);

document.addEventListener('click', (e) => {
  for (const d of $$('details.menu[open]')) if (!d.contains(e.target)) d.open = false;
});

// ---------------------------------------------------------------- start ---

for (const b of $$('#lang-switch button')) b.addEventListener('click', () => setLang(b.dataset.lang));
window.addEventListener('error', (e) => showError(e.error || e.message, 'JS'));
window.addEventListener('unhandledrejection', (e) => showError(e.reason, 'JS'));
document.documentElement.lang = S.lang;
paintWords();
route();

// For tests and the curious: the page's state.
window.tiendo = { state: S, analyzeNow, save };
