// The workspace: the folder's plans with their verdicts, and a new plan
// imported from a table or a document.
import { api, enc } from './api.js';
import { $, fill, h } from './dom.js';
import { showError } from './errors.js';
import { fmtDateVi, isoDay } from './format.js';
import { S, t } from './state.js';
import { verdictOf } from './verdict.js';
import { diagList } from './editor.js';

/** The verdict as a badge, with the counts it rests on. */
export function statusBadge(p) {
  const v = verdictOf(t, p);
  return h('span.badge-wrap', h(`span.badge.${v.cls}`, v.text), v.counts ? h('span.counts', v.counts) : null);
}

export function setCrumbs(...parts) {
  fill($('#crumbs'), ...parts.map((p, i) => h('span', i ? '› ' : '', p)));
}

export async function showWorkspace() {
  const nav = ++S.nav;
  S.plan = null;
  S.result = S.good = null;
  document.title = `${t('workspace')} — tiến độ`;
  setCrumbs(t('workspace'));
  const app = $('#app');
  fill(app, h('p.loading', t('loading')));
  let data;
  try {
    ({ data } = await api('GET', '/api/plans'));
  } catch (e) {
    if (nav !== S.nav) return;
    showError(e, t('workspace'));
    fill(app, importSection());
    return;
  }
  if (nav !== S.nav) return; // the planner went on meanwhile
  const plans = data.plans || [];
  const shared = new Map((data.workspaces || []).map((w) => [w.file, w]));
  // The plans by their folder, the top folder first: a folder's heading
  // says the workspace its plans are read with when it is not the top's.
  const groups = new Map([['', []]]);
  for (const p of plans) {
    const f = p.folder || '';
    if (!groups.has(f)) groups.set(f, []);
    groups.get(f).push(p);
  }
  const top = shared.get('workspace.yaml') || shared.get('workspace.yml');
  const body = [];
  for (const folder of ['', ...[...groups.keys()].filter((f) => f).sort()]) {
    const list = groups.get(folder);
    if (!list.length) continue;
    const ws = list[0].workspace ? shared.get(list[0].workspace) : null;
    if (folder || groups.size > 1) {
      body.push(h('tr.folder-row', { dataset: { folder } }, h('th', { colSpan: 5, scope: 'colgroup' },
        h('span.folder-name', folder ? `${folder}/` : t('topFolder')),
        ws && ws !== top ? sharedNote(ws) : null)));
    }
    body.push(...list.map(planRow));
  }
  fill(app,
    h('section.workspace',
      h('h1', t('plansIn'), ' ', h('code', data.dir || '')),
      top ? h('p.shared-top', sharedNote(top)) : null,
      data.workspace_above ? h('p.shared-above', t('sharedAbove')) : null,
      plans.length
        ? h('table.plans',
          h('thead', h('tr', ['colTitle', 'colFile', 'colStatus', 'colDeadline', 'colMeeting'].map((k) => h('th', t(k))))),
          h('tbody', body))
        : h('p.empty', t('noPlans'))),
    importSection());
}

/** The workspace a folder's plans are read with: its name, or why it cannot be read. */
function sharedNote(w) {
  return h('span.shared', { dataset: { file: w.file, ok: String(!!w.ok) } },
    t('sharedFrom'), ' ', h('strong', w.name || w.file), w.name ? h('code.sub', w.file) : null,
    w.ok ? null : h('div.diag-line', t('sharedBroken', w.file), w.diagnostic ? `\n${w.diagnostic}` : ''));
}

function planRow(p) {
  const href = `#/plan/${enc(p.file)}`;
  const open = () => { location.hash = href; };
  const own = p.file.slice(p.file.lastIndexOf('/') + 1);
  return h('tr.plan-row', { onclick: open, dataset: { file: p.file, feasible: String(!!p.feasible), ok: String(!!p.ok) } },
    h('td.title', h('a', { href }, p.title || own), p.id ? h('div.sub', p.id) : null,
      p.ok ? null : h('div.diag-line', p.diagnostic || '')),
    // data-label: each cell's column, which a phone's card layout shows above it.
    h('td.file', { dataset: { label: t('colFile') } }, h('code', p.file)),
    h('td.status', { dataset: { label: t('colStatus') } }, statusBadge(p)),
    h('td.deadline', { dataset: { label: t('colDeadline') } }, p.next_deadline
      ? [dateCell(p.next_deadline.date), h('div.sub', p.next_deadline.name || p.next_deadline.step)]
      : t('none')),
    h('td.meeting', { dataset: { label: t('colMeeting') } }, p.next_meeting
      ? [dateCell(p.next_meeting.date), h('div.sub', p.next_meeting.committee)] : t('none')));
}

/** A date, said to be past when it is before today. */
function dateCell(iso) {
  return iso < isoDay(new Date()) ? h('div.past', fmtDateVi(iso), h('span.sub', ` (${t('past')})`)) : h('div', fmtDateVi(iso));
}

function importSection() {
  const name = h('input', { type: 'text', name: 'name', placeholder: 'ke-hoach-moi', autocomplete: 'off' });
  const paste = h('textarea', { name: 'paste', rows: 8, spellcheck: false, placeholder: t('importPaste') });
  const file = h('input', { type: 'file', name: 'file', accept: '.docx,.odt,.xlsx,.ods,.html,.htm,.csv,.tsv,.xml,.sm' });
  const out = h('div.import-out');
  const go = h('button.primary', { type: 'submit' }, t('importGo'));
  const form = h('form.import', {
    onsubmit: async (e) => {
      e.preventDefault();
      out.replaceChildren();
      const f = file.files[0];
      const text = paste.value;
      if (!f && !text.trim()) { out.append(h('p.bad-text', t('importNeed'))); return; }
      const base = name.value.trim().replace(/\.[a-z0-9]+$/i, '');
      let qname, body, type;
      if (f) {
        const ext = (/\.[a-z0-9]+$/i.exec(f.name) || [''])[0].toLowerCase();
        qname = (base || f.name.replace(/\.[a-z0-9]+$/i, '')) + ext;
        body = f;
        type = 'application/octet-stream';
      } else {
        qname = (base || 'bang') + (text.includes('\t') ? '.tsv' : '.csv');
        body = text;
        type = 'text/plain; charset=utf-8';
      }
      go.disabled = true;
      try {
        const { data } = await api('POST', `/api/import?name=${enc(qname)}&lang=${S.lang}`, { body, type });
        S.flash = { title: t('importDone', data.file), diagnostics: data.diagnostics || [] };
        location.hash = `#/plan/${enc(data.file)}`;
      } catch (err) {
        out.append(h('p.bad-text', `${t('importFailed')}: ${err.data?.error || err.message}`),
          diagList(err.data?.diagnostics || [], null));
      } finally {
        go.disabled = false;
      }
    },
  },
  h('h2', t('importTitle')),
  h('p.help', t('importHelp')),
  h('label', h('span', t('importName')), name),
  h('label.paste', h('span', t('importPaste')), paste),
  h('label', h('span', t('importFile')), file),
  h('div.actions', go), out);
  return h('section.import-box', form);
}
