// Saving: the file is written only over the version the page loaded; a
// change on disk meanwhile opens the conflict dialog.
import { api, enc } from './api.js';
import { $ } from './dom.js';
import { showError } from './errors.js';
import { S, dirty, t } from './state.js';
import { gotoLine } from './editor.js';
import { analyzeNow, openPlan, setText } from './plan.js';
import { paintUndo } from './undo.js';
import { paintWords } from './words-dom.js';

export function updateSaveState() {
  const b = $('#save');
  if (!b || !S.plan) return;
  const d = dirty();
  b.disabled = !d || S.saving;
  b.textContent = S.saving ? t('saving') : t('save');
  const st = $('#save-state');
  st.textContent = d ? `● ${t('unsaved')}` : (S.plan.savedAt ? t('savedAt', S.plan.savedAt) : t('saved'));
  st.classList.toggle('dirty', d);
  paintUndo(); // "discard" depends on it
  const note = $('.dl-note');
  if (note) { note.textContent = d ? t('downloadsDirty') : t('downloadsNote'); note.classList.toggle('dirty', d); }
}

export async function save(etagOverride) {
  if (!S.plan || S.saving) return;
  const p = S.plan;
  const text = p.text;
  S.saving = true;
  updateSaveState();
  try {
    const { data, res } = await api('PUT', `/api/plan?file=${enc(p.file)}`, {
      body: text, type: 'text/plain; charset=utf-8', headers: { 'If-Match': etagOverride || p.etag },
    });
    p.etag = data?.etag || res.headers.get('ETag') || p.etag;
    p.saved = text;
    p.savedAt = new Date().toLocaleTimeString(S.lang === 'vi' ? 'vi-VN' : 'en-GB', { hour: '2-digit', minute: '2-digit' });
  } catch (e) {
    if (e.status === 409 || e.status === 412) {
      S.saving = false;
      updateSaveState();
      conflict(e.data || {});
      return;
    }
    showError(e, t('save'));
    // Text that is no plan is not saved: the planner's text stays, at the place it breaks.
    if (e.status === 422 && e.data?.line) gotoLine(e.data.line, e.data.column || 1);
  } finally {
    S.saving = false;
    updateSaveState();
  }
}

function conflict(data) {
  const dlg = $('#conflict-dialog');
  paintWords();
  $('[data-t="conflictBody"]', dlg).textContent = t('conflictBody');
  dlg.returnValue = '';
  dlg.onclose = () => {
    const choice = dlg.returnValue;
    if (!S.plan) return;
    if (choice === 'reload') {
      if (typeof data.text !== 'string') { openPlanAgain(); return; }
      S.plan.etag = data.etag || S.plan.etag;
      S.plan.saved = data.text;
      setText(data.text, t('undoReloaded'));
      analyzeNow();
    } else if (choice === 'keep') {
      if (data.etag) S.plan.etag = data.etag;
      save(data.etag);
    }
  };
  dlg.showModal();
  // The safe default: Enter keeps both versions as they are (mine in the editor).
  $('#conflict-cancel', dlg).focus();
}

async function openPlanAgain() {
  const file = S.plan.file;
  S.plan.saved = S.plan.text; // so openPlan does not ask
  S.plan = null;
  await openPlan(file);
}
