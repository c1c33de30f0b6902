// The downloads menu: every output of the saved plan, and its baselines
// (pick one to compare the downloads with; keep the saved plan as one).
import { api, enc, fetchFile } from './api.js';
import { $$, fill, h } from './dom.js';
import { showError } from './errors.js';
import { fmtDateIn } from './format.js';
import { S, schedule, t } from './state.js';

const DOWNLOADS = [
  ['dlCharts', [
    ['dlGanttPng', 'gantt.png', { dpi: 150 }], ['dlGanttPng300', 'gantt.png', { dpi: 300 }],
    ['dlGanttPdfA4', 'gantt.pdf', { page: 'A4' }], ['dlGanttPdfA3', 'gantt.pdf', { page: 'A3' }], ['dlGanttSvg', 'gantt.svg'],
    ['dlNetPng', 'network.png', { dpi: 150 }], ['dlNetPdf', 'network.pdf'], ['dlNetSvg', 'network.svg']]],
  ['dlReports', [
    ['dlStatusPdf', 'status.pdf'], ['dlStatusTxt', 'status.txt'],
    ['dlSchedCsv', 'schedule.csv'], ['dlSchedJson', 'schedule.json'], ['dlCheckTxt', 'check.txt'], ['dlCheckJson', 'check.json']]],
  ['dlOther', [
    ['dlXlsx', 'schedule.xlsx'], ['dlIcs', 'calendar.ics'], ['dlMspdi', 'project.xml']]],
];

/** What a baseline changes: the variance, baseline bars, behind-schedule against its dates. */
const WITH_BASELINE = new Set(['gantt', 'status', 'schedule']);

export function downloadsMenu() {
  const file = S.plan.file;
  if (S.baselineOf !== file) { S.baseline = ''; S.baselineOf = file; }
  const stem = file.slice(file.lastIndexOf('/') + 1).replace(/\.[a-z]+$/i, '');
  const hrefOf = (what, extra) => {
    const q = new URLSearchParams({ file, what, ...(extra || {}), lang: S.lang });
    if (S.baseline && WITH_BASELINE.has(what.split('.')[0])) q.set('baseline', S.baseline);
    return `/api/download?${q}`;
  };
  const link = ([word, what, extra]) => {
    const name = `${stem}-${what.replace('.', extra?.page ? `-${extra.page}.` : '.')}`;
    const a = h('a.dl', { href: hrefOf(what, extra), download: name, dataset: { what }, onclick: (e) => { e.preventDefault(); download(a.href, name); } }, t(word));
    a.refresh = () => {
      a.href = hrefOf(what, extra);
      // A plan that reports no progress has no status to report: said before it is asked.
      const none = what.startsWith('status.') && !schedule()?.status_date;
      a.classList.toggle('unavailable', none);
      a.title = none ? t('statusNeedsProgress') : '';
      fill(a, t(word), none ? h('span.why', ` — ${t('noProgressYet')}`) : null);
    };
    return a;
  };
  const groups = DOWNLOADS.map(([heading, items]) => [h('p.dl-group', t(heading)), items.map(link)]);
  const baselines = h('div.baselines');
  const menu = h('details.menu', h('summary', t('downloads'), ' ▾'),
    h('div.menu-body', h('p.dl-note'), baselines, groups));
  const refreshLinks = () => { for (const a of $$('a.dl', menu)) a.refresh?.(); };
  menu.addEventListener('toggle', () => { if (menu.open) renderBaselines(baselines, file, refreshLinks); });
  return menu;
}

/** The plan's baselines: pick one to compare the downloads with; keep the saved plan as one. */
async function renderBaselines(box, file, refreshLinks) {
  let list = [];
  try {
    ({ data: { baselines: list } } = await api('GET', `/api/baselines?file=${enc(file)}`));
  } catch (e) {
    fill(box, h('p.dl-group', t('baselineTitle')), h('p.dl-note', e.message));
    return;
  }
  if (S.baseline && !list.some((b) => b.name === S.baseline)) S.baseline = '';
  const pick = h('select#baseline-pick', { onchange: () => { S.baseline = pick.value; if (pick.value) box.querySelector('#baseline-name').value = pick.value; refreshLinks(); } },
    h('option', { value: '' }, t('baselineNone')),
    list.map((b) => h('option', { value: b.name, selected: b.name === S.baseline }, t('baselineOption', b.name, fmtDateIn(S.lang, b.saved)))));
  const nameField = h('input#baseline-name', { type: 'text', size: 10, maxLength: 64, placeholder: 'adopted', value: S.baseline || '' });
  const save = h('button#baseline-save', { type: 'button', onclick: async () => {
    const name = nameField.value.trim() || 'adopted';
    const replace = list.some((b) => b.name === name);
    if (replace && !window.confirm(t('baselineReplace', name))) return;
    try {
      await api('POST', `/api/baseline?file=${enc(file)}&name=${enc(name)}`);
      S.baseline = name;
      await renderBaselines(box, file, refreshLinks);
      refreshLinks();
    } catch (e) {
      showError(e, t('baselineTitle'));
    }
  }, title: t('baselineSaveHelp') }, t('baselineSave'));
  fill(box, h('p.dl-group', t('baselineTitle')),
    h('p.dl-note', list.length ? t('baselineHelp') : t('baselineEmpty')),
    list.length ? h('label.baseline-pick', t('baselineCompare'), ' ', pick) : null,
    h('div.baseline-actions', h('label', t('baselineName'), ' ', nameField), ' ', save));
  refreshLinks();
}

/** Fetches with our header (plain links cannot send it), then saves the blob. */
async function download(href, name) {
  try {
    const res = await fetchFile(href);
    const blob = await res.blob();
    // Said by the server about what was made (a step the baseline does not know).
    const warned = res.headers.get('X-Tiendo-Warning');
    if (warned) showError(new Error(decodeURIComponent(warned)), t('downloads'));
    const cd = res.headers.get('Content-Disposition') || '';
    const m = /filename\*=UTF-8''([^;]+)|filename="?([^";]+)"?/i.exec(cd);
    const a = h('a', { href: URL.createObjectURL(blob), download: m ? decodeURIComponent(m[1] || m[2]) : name });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(a.href), 10000);
  } catch (e) {
    showError(e, t('downloads'));
  }
  for (const d of $$('details.menu[open]')) d.open = false;
}
