// The charts: the Gantt (zoom, fit, a finding's steps highlighted, a tooltip
// per bar, a click opening the step's form) and the network diagram.
import { api, enc } from './api.js';
import { $, $$, fill, h } from './dom.js';
import { showError } from './errors.js';
import { durationText, fmtDateVi, linkSuffix } from './format.js';
import { S, t } from './state.js';
import { driverText, kindName, stepInfo, stepSel } from './steps.js';
import { findingNumbered, selectFinding } from './findings.js';
import { openStepForm } from './forms.js';
import { analyzeNow, panel } from './plan.js';

/** Parses an SVG for inlining. Cairo's SVGs name their glyphs glyph0-0 ...
 *  in every file: two of them in one page would borrow each other's glyphs,
 *  so their ids get a prefix of their own (always, when `own` says so). */
function parseSvg(text, scope, own = false) {
  if (scope && (own || text.includes('<symbol'))) {
    text = text.replace(/\bid="/g, `id="${scope}-`).replace(/href="#/g, `href="#${scope}-`)
      .replace(/url\(#/g, `url(#${scope}-`);
  }
  const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
  const svg = doc.documentElement;
  if (!svg || svg.nodeName !== 'svg') return null;
  return document.importNode(svg, true);
}

/** Text of the chart's table at this zoom: never below this many pixels. */
const READABLE_PX = 11;
/** The chart's own text size (render/: 8 units). */
const CHART_TEXT = 8;
export const READABLE = READABLE_PX / CHART_TEXT;

/**
 * The chart's table (number, name, owner, lead) as a pane of its own, frozen
 * at the left while the timeline scrolls under it: a copy of the chart shown
 * only up to the table's right edge, with nothing in it to hover or focus.
 */
function frozenNames(text, svg) {
  const head = svg.querySelector('rect.table-header');
  const vb = svg.viewBox.baseVal;
  if (!head || !vb || !vb.width) return null;
  const right = Number(head.getAttribute('x')) + Number(head.getAttribute('width'));
  if (!(right > 0 && right < vb.width)) return null;
  const bare = text.replace(/\s(?:data-[a-z-]+|role|tabindex|aria-[a-z-]+)="[^"]*"/g, '');
  const copy = parseSvg(bare, 'gf', true);
  if (!copy) return null;
  // From the table's header down: the title above scrolls with the chart.
  const top = Math.max(0, Number(head.getAttribute('y')) - 1);
  copy.setAttribute('viewBox', `0 ${top} ${right} ${vb.height - top}`);
  copy.dataset.top = String(top);
  copy.setAttribute('aria-hidden', 'true');
  copy.setAttribute('focusable', 'false');
  copy.classList.add('frozen');
  copy.dataset.right = String(right);
  return copy;
}

const SCALES = [['day', 'scaleDay'], ['week', 'scaleWeek'], ['month', 'scaleMonth']];

export function buildGanttPanel() {
  const p = panel('gantt');
  const pressed = (on) => (on ? 'true' : 'false');
  fill(p,
    h('div.chart-tools',
      h('button.zoom-fit', { type: 'button', 'aria-pressed': pressed(!S.zoom), onclick: () => setScale('', 0) }, t('fit')),
      SCALES.map(([scale, word]) => h('button.zoom-scale', {
        type: 'button', dataset: { scale }, 'aria-pressed': pressed(S.zoom && S.scale === scale),
        onclick: () => setScale(scale, READABLE),
      }, t(word))),
      h('button', { type: 'button', title: t('zoomOut'), 'aria-label': t('zoomOut'), onclick: () => setZoom((S.zoom || currentScale()) / 1.25) }, '−'),
      h('button', { type: 'button', title: t('zoomIn'), 'aria-label': t('zoomIn'), onclick: () => setZoom((S.zoom || currentScale()) * 1.25) }, '+'),
      h('span.hint', t('hoverHint'), ' ', t('chartKeysHint'))),
    h('div.chart-note'),
    h('div.chart.gantt', { 'aria-label': t('tabGantt'), role: 'group' }));
  ganttSvgText = null;
  attachHover($('.chart.gantt', p));
}

/** A time scale (day, week, month: drawn again by the server; '' fits the
 *  plan's span) shown at `zoom` (0: the page's width). */
function setScale(scale, zoom) {
  const redraw = scale !== S.scale;
  S.scale = scale;
  setZoom(zoom);
  for (const b of $$('.chart-tools .zoom-scale')) b.setAttribute('aria-pressed', String(!!zoom && b.dataset.scale === scale));
  $('.chart-tools .zoom-fit')?.setAttribute('aria-pressed', String(!zoom));
  if (redraw) analyzeNow();
}

/** The chart itself (not its frozen table). */
const mainSvg = (root = document) => $('.chart.gantt svg:not(.frozen)', root);

function currentScale() {
  const svg = mainSvg();
  if (!svg) return 1;
  const vb = svg.viewBox.baseVal;
  return vb && vb.width ? svg.getBoundingClientRect().width / vb.width : 1;
}

function setZoom(z) {
  S.zoom = z ? Math.min(4, Math.max(0.25, z)) : 0;
  for (const svg of $$('.chart svg:not(.frozen)')) sizeSvg(svg);
  sizeFrozen();
}

function sizeSvg(svg) {
  const vb = svg.viewBox.baseVal;
  svg.removeAttribute('height');
  if (!S.zoom || !vb || !vb.width) {
    svg.setAttribute('width', '100%');
    svg.style.maxWidth = vb && vb.width ? `${vb.width * 1.6}px` : '';
  } else {
    svg.setAttribute('width', `${Math.round(vb.width * S.zoom)}`);
    svg.style.maxWidth = '';
  }
}

/** The frozen table at the chart's zoom; none when the chart fits the width. */
function sizeFrozen() {
  const stack = $('.chart.gantt .gantt-stack');
  const frozen = stack && $('svg.frozen', stack);
  if (!stack) return;
  stack.classList.toggle('fit', !S.zoom);
  if (!frozen) return;
  frozen.style.display = S.zoom ? '' : 'none';
  if (!S.zoom) return;
  const main = mainSvg(stack);
  const scale = main ? main.getBoundingClientRect().width / main.viewBox.baseVal.width : S.zoom;
  frozen.setAttribute('width', `${Number(frozen.dataset.right) * scale}`);
  frozen.style.marginTop = `${Number(frozen.dataset.top) * scale}px`;
}

let ganttSvgText = null;

export function renderGantt() {
  const box = $('.chart.gantt');
  if (!box) return;
  const r = S.result;
  const useful = r?.gantt_svg ? r : S.good;
  $('.chart-note', panel('gantt')).textContent = !r?.gantt_svg && useful?.gantt_svg ? t('staleChart') : '';
  if (!useful?.gantt_svg) {
    ganttSvgText = null;
    fill(box, h('p.empty', t('noChart')));
    return;
  }
  if (useful.gantt_svg === ganttSvgText && box.querySelector('svg')) return;
  ganttSvgText = useful.gantt_svg;
  const svg = parseSvg(useful.gantt_svg, 'g');
  if (!svg) { fill(box, h('p.empty', t('noChart'))); return; }
  sizeSvg(svg);
  box.classList.toggle('stale', useful !== r);
  const focused = box.contains(document.activeElement) ? document.activeElement.dataset?.step : null;
  const keep = { left: box.scrollLeft, top: box.scrollTop };
  fill(box, h('div.gantt-stack', frozenNames(useful.gantt_svg, svg), svg));
  sizeFrozen();
  box.scrollLeft = keep.left;
  box.scrollTop = keep.top;
  keyboardBars(box, focused);
  applyHighlight();
}

/** The highlighted finding's bars, at a readable size, scrolled into view
 *  beside their names (the frozen table). */
export function showFinding() {
  if ((S.zoom || currentScale()) < READABLE) setScale(S.scale, READABLE);
  const first = applyHighlight();
  if (first) scrollToBar($('.chart.gantt'), first, 'smooth');
}

/** Scrolls the chart so that the bar is in view right of the frozen table,
 *  its row in the middle; the chart itself into the page's view. */
function scrollToBar(box, bar, behavior = 'auto') {
  if (!box) return;
  const seen = box.getBoundingClientRect();
  if (seen.bottom < 80 || seen.top > innerHeight - 80) box.scrollIntoView({ block: 'start', behavior });
  const b = bar.getBoundingClientRect();
  const c = box.getBoundingClientRect();
  const frozen = $('svg.frozen', box);
  const from = c.left + (frozen && frozen.style.display !== 'none' ? frozen.getBoundingClientRect().width : 0);
  let left = box.scrollLeft;
  if (b.left < from + 8 || b.right > c.right - 8) left += b.left - from - Math.min(120, (c.right - from) / 4);
  const top = box.scrollTop + (b.top + b.height / 2 - c.top) - box.clientHeight / 2;
  box.scrollTo({ left: Math.max(0, left), top: Math.max(0, top), behavior });
}

/** Marks the highlighted finding's steps in the Gantt; returns the first bar. */
function applyHighlight() {
  const svg = mainSvg();
  if (!svg) return null;
  for (const el of $$('.hl, .hl-chain', svg)) el.classList.remove('hl', 'hl-chain');
  let first = null;
  for (const id of S.hlChain || []) {
    for (const el of $$(stepSel(id), svg)) el.classList.add('hl-chain');
  }
  for (const id of S.hlSteps) {
    for (const el of $$(stepSel(id), svg)) {
      el.classList.add('hl');
      if (!first && /^step-/.test(el.id)) first = el;
    }
  }
  if (!first && S.hlSteps.length) first = svg.querySelector(stepSel(S.hlSteps[0]));
  return first;
}

export async function refreshNetwork() {
  const p = panel('network');
  if (!p || !S.plan) return;
  const r = S.result;
  if (!p.querySelector('.chart')) {
    fill(p, h('div.chart-note'), h('div.chart.network', { 'aria-label': t('tabNetwork'), role: 'group' }));
    attachHover($('.chart.network', p));
  }
  const box = $('.chart.network', p);
  const note = $('.chart-note', p);
  if (r && !r.ok) {
    note.textContent = S.network.svg ? t('staleChart') : t('noChart');
    return;
  }
  const key = `${S.lang}\n${S.plan.text}`;
  if (S.network.key === key || S.network.busy) return;
  S.network.busy = true;
  note.textContent = t('drawing');
  const plan = S.plan;
  try {
    const { data } = await api('POST', `/api/chart?kind=network&format=svg&lang=${S.lang}&file=${enc(plan.file)}`,
      { body: plan.text, type: 'text/plain; charset=utf-8' });
    if (S.plan !== plan) return;
    const text = typeof data === 'string' ? data : await data.text();
    const svg = parseSvg(text, 'n');
    S.network.key = key;
    S.network.svg = text;
    if (svg) { sizeSvg(svg); fill(box, svg); keyboardBars(box); }
    note.textContent = '';
  } catch (e) {
    note.textContent = '';
    if (S.plan === plan) showError(e, t('tabNetwork'));
  } finally {
    S.network.busy = false;
  }
  if (S.plan && S.tab === 'network' && S.network.key !== `${S.lang}\n${S.plan.text}`) refreshNetwork();
}

// ------------------------------------------------------------- keyboard ----

/** The chart's bars, one per step in the order of the rows. */
function barsOf(box) {
  const seen = new Set();
  return $$('svg [data-step]', box).filter((el) => {
    if (!/^step-/.test(el.id) || seen.has(el.dataset.step)) return false;
    seen.add(el.dataset.step);
    return true;
  });
}

/** What a screen reader says of a bar: the step, its dates, critical or not. */
function barLabel(id) {
  const s = stepInfo(id);
  if (!s) return id;
  const dates = s.start === s.finish ? fmtDateVi(s.start) : `${fmtDateVi(s.start)} – ${fmtDateVi(s.finish)}`;
  return `${s.name} (${s.id}): ${dates}${s.critical ? `, ${t('ttCritical')}` : ''}`;
}

/**
 * The bars take the keyboard: one Tab stop in the chart (the bar focused
 * last, else the first), the arrows go from bar to bar, Enter opens the
 * step's form; a focused bar shows its tooltip. A chart with no bar is
 * itself a Tab stop, so that it can be scrolled.
 */
function keyboardBars(box, focusStep) {
  const bars = barsOf(box);
  const keep = focusStep || box.dataset.roving;
  let roving = bars.findIndex((b) => b.dataset.step === keep);
  if (roving < 0) roving = 0;
  bars.forEach((b, i) => {
    b.setAttribute('tabindex', i === roving ? '0' : '-1');
    b.setAttribute('role', 'button');
    b.setAttribute('aria-label', barLabel(b.dataset.step));
  });
  if (bars.length) box.removeAttribute('tabindex'); else box.setAttribute('tabindex', '0');
  if (focusStep && bars[roving]) bars[roving].focus({ preventScroll: true });
}

function focusBar(box, bar) {
  for (const b of barsOf(box)) b.setAttribute('tabindex', b === bar ? '0' : '-1');
  box.dataset.roving = bar.dataset.step;
  bar.focus({ preventScroll: true });
  if (box.classList.contains('gantt')) scrollToBar(box, bar); else bar.scrollIntoView({ block: 'nearest', inline: 'nearest' });
}

function attachKeys(box) {
  box.addEventListener('keydown', (e) => {
    const bar = e.target.closest?.('[data-step]');
    if (!bar || !box.contains(bar)) return;
    const bars = barsOf(box);
    const i = bars.indexOf(bar);
    const to = { ArrowDown: i + 1, ArrowRight: i + 1, ArrowUp: i - 1, ArrowLeft: i - 1, Home: 0, End: bars.length - 1 }[e.key];
    if (to !== undefined) {
      e.preventDefault();
      if (bars[to]) focusBar(box, bars[to]);
    } else if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      if (stepInfo(bar.dataset.step)) openStepForm(bar.dataset.step);
    } else if (e.key === 'Escape') {
      hideTooltip();
    }
  });
  box.addEventListener('focusin', (e) => {
    const bar = e.target.closest?.('[data-step]');
    if (!bar) return;
    box.dataset.roving = bar.dataset.step;
    hoverStep(box, bar.dataset.step, null);
    placeTooltipAt(bar.getBoundingClientRect());
  });
  box.addEventListener('focusout', (e) => {
    if (!box.contains(e.relatedTarget)) hoverStep(box, null);
  });
}

// -------------------------------------------------------------- tooltip ----

function attachHover(box) {
  attachKeys(box);
  let current = null;
  box.addEventListener('mouseover', (e) => {
    const el = e.target.closest('[data-step]');
    const id = el?.dataset.step || null;
    if (id === current) return;
    current = id;
    hoverStep(box, id, e);
  });
  box.addEventListener('mousemove', (e) => { if (current) placeTooltip(e); });
  box.addEventListener('mouseleave', () => { current = null; hoverStep(box, null); });
  // A click on a step opens its form.
  box.addEventListener('click', (e) => {
    // A finding's badge selects the finding in the panel.
    const badge = e.target.closest('[data-finding]');
    if (badge) {
      const n = badge.dataset.finding.split(' ')[0];
      const f = findingNumbered(n);
      if (f) {
        selectFinding(f);
        $(`.finding[data-number="${n}"]`)?.scrollIntoView({ block: 'nearest' });
        return;
      }
    }
    const id = e.target.closest('[data-step]')?.dataset.step;
    if (id && stepInfo(id)) openStepForm(id);
  });
}

function hoverStep(box, id, e) {
  for (const el of $$('.hl-link, .hover', box)) el.classList.remove('hl-link', 'hover');
  if (!id) { hideTooltip(); return; }
  for (const el of $$(stepSel(id), box)) el.classList.add('hover');
  for (const el of $$('[data-link]', box)) {
    if (el.dataset.link.split('->').includes(id)) el.classList.add('hl-link');
  }
  const s = stepInfo(id);
  const tip = $('#tooltip');
  if (!s) {
    fill(tip, h('strong', id));
  } else {
    const rows = [
      [t('ttDates'), s.start === s.finish ? fmtDateVi(s.start) : `${fmtDateVi(s.start)} – ${fmtDateVi(s.finish)}`],
      [t('ttDur'), durationText(t, s)],
      [t('ttTF'), t('floatDays', s.total_float)],
      [t('ttDriver'), driverText(s)],
    ];
    if (s.meeting) rows.push([t('ttMeeting'), fmtDateVi(s.meeting)]);
    if (s.preds?.length) {
      rows.push([t('ttWaits'), s.preds.map((p) => (stepInfo(p.on)?.name || p.on) + linkSuffix(p)).join('; ')]);
    }
    fill(tip,
      h('div.tt-name', s.name),
      h('div.tt-id', s.id, ' · ', kindName(s.kind), s.critical ? h('span.crit', ` · ${t('ttCritical')}`) : null),
      h('table', rows.map(([k, v]) => h('tr', h('th', k), h('td', { className: k === t('ttTF') && s.total_float < 0 ? 'neg' : '' }, v)))));
  }
  tip.hidden = false;
  if (e) placeTooltip(e);
}

function placeTooltip(e) {
  place(e.clientX, e.clientY, e.clientX, e.clientY);
}

/** Beside a focused bar: below it, or above when there is no room. */
function placeTooltipAt(rect) {
  place(rect.left, rect.bottom - 8, rect.right, rect.top + 8);
}

function place(x0, y0, x1, y1) {
  const tip = $('#tooltip');
  const w = tip.offsetWidth, hgt = tip.offsetHeight;
  let x = x0 + 16, y = y0 + 16;
  if (x + w > innerWidth - 8) x = Math.max(8, x1 - w - 16);
  if (y + hgt > innerHeight - 8) y = Math.max(8, y1 - hgt - 16);
  tip.style.left = `${x}px`;
  tip.style.top = `${y}px`;
}

export function hideTooltip() {
  const tip = $('#tooltip');
  if (tip) tip.hidden = true;
}
