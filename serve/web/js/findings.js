// The findings beside the chart: the reading errors, the check's findings
// (click one: its steps are highlighted in the chart), the guesses to confirm
// and the reading warnings.
import { $$, fill, h } from './dom.js';
import { S, t } from './state.js';
import { SEV_ICON, diagList, gotoLine } from './editor.js';
import { guessChecklist } from './guesses.js';
import { showFinding } from './chart.js';
import { showTab } from './plan.js';

/** A finding's identity across analyses (its number changes as others come and go). */
export const findingKey = (f) => `${f.kind}|${(f.steps || []).join(',')}`;

export function renderFindings(r) {
  const list = document.querySelector('#findings-list');
  if (!list) return;
  const items = [];
  const errs = (r.diagnostics || []).filter((d) => d.severity === 'error');
  if (!r.ok) {
    items.push(h('div.read-errors', h('h3', t('readErrors')), diagList(errs, gotoLine)));
    if (S.good?.check) items.push(h('p.stale', t('findingsStale')));
  }
  const check = r.check || S.good?.check;
  if (check) {
    const fs = check.findings || [];
    if (S.hlFinding && !fs.some((f) => findingKey(f) === S.hlFinding)) {
      S.hlFinding = null;
      S.hlSteps = [];
      S.hlChain = [];
    }
    if (check.verdict === 'nothing-to-check') items.push(h('p.nothing-to-check', t('nothingToCheckLong')));
    else if (!fs.length && !(check.guesses || []).length) items.push(h('p.all-good', '✔ ', t('noFindings')));
    items.push(h('ol.finding-list', fs.map((f) => {
      const li = h(`li.finding.sev-${f.severity}`, {
        tabIndex: 0,
        dataset: { number: f.number, steps: (f.steps || []).join(' ') },
        onclick: () => selectFinding(f),
        onkeydown: (e) => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); selectFinding(f); } },
      },
      h('span.num', String(f.number)),
      h('span.icon', { title: f.severity }, SEV_ICON[f.severity] || '•'),
      h('div.body',
        h('div.msg', f.message),
        h('div.meta',
          f.shortfall ? h('span.short', t('shortfall', f.shortfall)) : null,
          f.line ? h('a.line', { href: '#', onclick: (e) => { e.preventDefault(); e.stopPropagation(); gotoLine(f.line, 1); } },
            `${t('line')} ${f.line}`) : null)));
      if (S.hlFinding === findingKey(f)) li.classList.add('on');
      return li;
    })));
    // After the findings: what the verdict assumes, to confirm one by one.
    if ((check.guesses || []).length) items.push(guessChecklist(check.guesses));
  }
  const warns = (r.diagnostics || []).filter((d) => d.severity !== 'error');
  if (warns.length) {
    items.push(h('details.read-warnings', h('summary', t('readWarnings', warns.length)), diagList(warns, gotoLine)));
  }
  fill(list, ...items);
}

/** A finding picked: its steps and chain highlighted in the chart, scrolled into view. */
export function selectFinding(f) {
  S.hlFinding = findingKey(f);
  S.hlSteps = f.steps || [];
  S.hlChain = f.chain || [];
  for (const li of $$('.finding')) li.classList.toggle('on', li.dataset.number === String(f.number));
  showTab('gantt');
  showFinding();
}

/** The finding of that number in the shown check, or null. */
export function findingNumbered(n) {
  const check = S.result?.check || S.good?.check;
  return check?.findings?.find((x) => String(x.number) === String(n)) || null;
}
