// The schedule table, the explanations of the time phrases and the
// committees' meetings.
import { fill, h } from './dom.js';
import { durationText, fmtDateVi } from './format.js';
import { S, schedule, t } from './state.js';
import { driverText, kindName, stepName } from './steps.js';
import { panel } from './plan.js';

export function renderTable() {
  const p = panel('table');
  if (!p) return;
  const sched = schedule();
  if (!sched) { fill(p, h('p.empty', t('noChart'))); return; }
  const byId = new Map(sched.steps.map((s) => [s.id, s]));
  const body = [];
  for (const task of sched.tasks || []) {
    const steps = (task.steps || []).map((id) => byId.get(id)).filter(Boolean);
    const single = steps.length === 1 && steps[0].id === task.id;
    if (!single) {
      body.push(h('tr.task-row', { className: task.critical ? 'task-row critical' : 'task-row' },
        h('td', { colSpan: 2 }, h('strong', task.name), task.lead ? h('div.sub', task.lead) : null),
        h('td', fmtDateVi(task.start)), h('td', fmtDateVi(task.finish)), h('td'),
        h('td.num', { className: task.total_float < 0 ? 'num neg' : 'num' }, String(task.total_float)), h('td'), h('td'), h('td'), h('td')));
    }
    for (const s of steps) body.push(stepRow(s, single));
  }
  const cp = (sched.critical_path || []).map((id) => stepName(id)).join(' → ');
  fill(p,
    cp ? h('p.critical-path', h('strong', `${t('criticalPath')}: `), cp) : null,
    h('div.table-wrap', h('table.schedule',
      h('thead', h('tr', ['colStep', 'colKind', 'colStart', 'colFinish', 'colDur', 'colTF', 'colFF', 'colCrit', 'colMeetingDay', 'colDriver']
        .map((k) => h('th', t(k))))),
      h('tbody', body))));
}

function stepRow(s, single) {
  return h('tr.step-row', { className: `step-row${s.critical ? ' critical' : ''}${single ? ' single' : ''}`, dataset: { step: s.id } },
    h('td', h('div', s.name), h('div.sub', s.id)),
    h('td', kindName(s.kind)),
    h('td.date', fmtDateVi(s.start)), h('td.date', fmtDateVi(s.finish)),
    h('td.dur', durationText(t, s, true)),
    h('td.num', { className: s.total_float < 0 ? 'num neg' : 'num' }, String(s.total_float)),
    h('td.num', String(s.free_float)),
    h('td.crit', s.critical ? '●' : ''),
    h('td.date', s.meeting ? fmtDateVi(s.meeting) : ''),
    h('td.driver', driverText(s)));
}

export function renderTextPanel(k, text, ok) {
  const p = panel(k);
  if (!p) return;
  fill(p, ok === false && text ? h('p.chart-note', t('staleChart')) : null,
    text ? h('pre.text-out', text) : h('p.empty', t('noChart')));
}

export function renderMeetings() {
  const p = panel('meetings');
  if (!p) return;
  const good = S.result?.schedule ? S.result : S.good;
  const plan = good?.schedule?.plan;
  const parts = [];
  if (plan?.committees?.length) {
    parts.push(h('h3', t('committees')));
    parts.push(h('table.meetings', h('tbody', plan.committees.map((c) => h('tr',
      h('th', h('div', c.id), c.name && c.name !== c.id ? h('div.sub', c.name) : null),
      h('td', h('div.chips', (c.meetings || []).map((d) => h('span.chip', fmtDateVi(d)))),
        c.submit_lead != null ? h('div.sub', t('submitLead', c.submit_lead)) : null))))));
    // What each meeting approves, from the schedule.
    const steps = good.schedule.steps.filter((s) => s.meeting);
    const days = [...new Set(steps.map((s) => s.meeting))].sort();
    if (days.length) {
      parts.push(h('h3', t('agenda')));
      parts.push(h('table.agenda', h('tbody', days.map((d) => h('tr',
        h('th', h('span.chip', fmtDateVi(d))),
        h('td', h('ul', steps.filter((s) => s.meeting === d).map((s) =>
          h('li', { className: s.total_float < 0 ? 'neg' : '' }, s.name, ' ', h('span.sub', s.id))))))))));
    }
  }
  if (plan?.events?.length) {
    parts.push(h('h3', t('events')));
    parts.push(h('ul.events', plan.events.map((ev) => h('li', h('span.chip', fmtDateVi(ev.date)), ' ', ev.name))));
  }
  if (good?.meetings) parts.push(h('pre.text-out', good.meetings));
  fill(p, ...(parts.length ? parts : [h('p.empty', t('noChart'))]));
}
