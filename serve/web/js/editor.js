// The plan's text: a textarea with line numbers, each diagnostic marked at
// its line, the list of diagnostics (click: the caret goes there).
import { fill, h } from './dom.js';
import { S, t } from './state.js';
import { analyzeSoon, panel, showTab } from './plan.js';
import { updateSaveState } from './save.js';
import { recordChange } from './undo.js';

export const SEV_ICON = { error: '✖', warning: '▲', note: 'ℹ' };

let editor = null; // {ta, gutter, list, diags, lines}

export function buildEditorPanel() {
  const p = panel('text');
  const ta = h('textarea#plan-text', { spellcheck: false, wrap: 'off', autocapitalize: 'off', autocomplete: 'off',
    'aria-label': t('planTextLabel') });
  ta.value = S.plan.text;
  const gutter = h('div.gutter', { 'aria-hidden': 'true' });
  const list = h('div.diags');
  ta.addEventListener('input', () => {
    S.plan.text = ta.value;
    recordChange(ta.value, t('undoTyping'), true);
    updateSaveState();
    syncGutter();
    analyzeSoon();
  });
  ta.addEventListener('scroll', () => { gutter.scrollTop = ta.scrollTop; });
  ta.addEventListener('keydown', (e) => {
    if (e.key === 'Tab' && !e.ctrlKey && !e.altKey) {
      // YAML wants spaces; Tab inserts two of them.
      e.preventDefault();
      document.execCommand('insertText', false, '  ');
    }
  });
  fill(p, h('p.help', t('editorHelp')), h('div.editor', gutter, ta), h('h3', t('diagsTitle')), list);
  editor = { ta, gutter, list, diags: [], lines: 0 };
  syncGutter(true);
}

/** The text changed elsewhere (a form, a reload): the editor shows it, scrolled where it was. */
export function setEditorText(text) {
  if (!editor) return;
  const { ta } = editor;
  const top = ta.scrollTop;
  ta.value = text;
  ta.scrollTop = top;
  syncGutter(true);
}

export function syncGutter(force) {
  if (!editor) return;
  const { ta, gutter } = editor;
  const n = ta.value.split('\n').length;
  if (n === editor.lines && !force) { gutter.scrollTop = ta.scrollTop; return; }
  editor.lines = n;
  const marks = new Map();
  for (const d of editor.diags) {
    if (d.file) continue; // a line of another file (the workspace's)
    const prev = marks.get(d.line);
    if (!prev || (prev.severity !== 'error' && d.severity === 'error')) marks.set(d.line, { severity: d.severity, msgs: [] });
    marks.get(d.line).msgs.push(d.message);
  }
  const frag = document.createDocumentFragment();
  for (let i = 1; i <= n; i++) {
    const m = marks.get(i);
    const div = document.createElement('div');
    div.textContent = String(i);
    if (m) {
      div.className = `mark ${m.severity}`;
      div.title = m.msgs.join('\n');
    }
    frag.append(div);
  }
  frag.append(h('div.gutter-pad'));
  gutter.replaceChildren(frag);
  gutter.scrollTop = ta.scrollTop;
}

export function renderDiagnostics(diags) {
  if (!editor) return;
  editor.diags = diags;
  syncGutter(true);
  fill(editor.list, diags.length ? diagList(diags, gotoLine) : h('p.all-good', '✔ ', t('noDiags')));
}

/** The diagnostics as a list; one of the plan's own lines (not of another
 *  file, as its workspace's, named by `file`) is picked with `onPick`. */
export function diagList(diags, onPick) {
  return h('ul.diag-list', diags.map((d) => {
    const pick = onPick && d.line && !d.file;
    return h(`li.diag.sev-${d.severity}`, {
      onclick: pick ? () => onPick(d.line, d.column || 1, d.length || 0) : null,
      className: `diag sev-${d.severity}${pick ? ' clickable' : ''}`,
    },
    h('span.icon', SEV_ICON[d.severity] || '•'),
    d.file ? h('span.pos', d.line ? `${d.file}:${d.line}:${d.column || 1}` : d.file)
      : d.line ? h('span.pos', `${d.line}:${d.column || 1}`) : null,
    h('span.msg', d.message),
    d.code ? h('span.code', d.code) : null,
    d.suggestion ? h('div.sugg', `${t('suggestion')}: `, h('code', d.suggestion)) : null);
  }));
}

/** Switches to the editor and puts the caret at line:column (1-based). */
export function gotoLine(line, column = 1, length = 0) {
  if (!editor) return;
  showTab('text');
  const { ta } = editor;
  const lines = ta.value.split('\n');
  let pos = 0;
  for (let i = 0; i < Math.min(line - 1, lines.length); i++) pos += lines[i].length + 1;
  const lineText = lines[line - 1] || '';
  // Columns count characters (code points); Vietnamese letters are one UTF-16 unit each.
  const col = Math.min(Math.max(1, column), lineText.length + 1);
  const start = pos + [...lineText].slice(0, col - 1).join('').length;
  ta.focus();
  ta.setSelectionRange(start, Math.min(start + Math.max(length, 0), pos + lineText.length));
  const lh = parseFloat(getComputedStyle(ta).lineHeight) || 20;
  ta.scrollTop = Math.max(0, (line - 1) * lh - ta.clientHeight / 3);
  editor.gutter.scrollTop = ta.scrollTop;
}
