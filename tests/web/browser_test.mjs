// Browser test of the page served by `tiendo serve`: a planner's session in
// headless Chromium. Usage: node browser_test.mjs URL OUT_DIR PLANS_DIR
//   URL        the start URL the server printed (with its token)
//   OUT_DIR    where the screenshots web-*.png go
//   PLANS_DIR  the folder the server serves (a copy of samples/; it is changed)
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import puppeteer from 'puppeteer-core';

const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

const [url, outDir, plansDir] = process.argv.slice(2);
if (!url || !outDir || !plansDir) {
  console.error('usage: node browser_test.mjs URL OUT_DIR PLANS_DIR');
  process.exit(2);
}
fs.mkdirSync(outDir, { recursive: true });

let failures = 0;
function check(ok, what, detail = '') {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}${detail ? ` — ${detail}` : ''}`);
  if (!ok) failures++;
  return ok;
}
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

const browser = await puppeteer.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--headless=new', '--lang=vi-VN'],
});
const page = await browser.newPage();
await page.setViewport({ width: 1440, height: 900 });
const pageErrors = [];
page.on('pageerror', (e) => pageErrors.push(e.message));
page.on('console', (m) => {
  // The 409 of step 7 is expected; anything else is worth seeing.
  if (m.type() === 'error' && !m.text().includes('409')) console.log(`  console: ${m.text()}`);
});
page.on('dialog', (d) => d.accept()); // confirm() on leaving with unsaved text

const shot = (name) => page.screenshot({ path: path.join(outDir, `web-${name}.png`) });
const apiGet = (p) => page.evaluate(async (p) => {
  const r = await fetch(p, { headers: { 'X-Tiendo': '1' }, credentials: 'same-origin' });
  return r.json();
}, p);
const result = () => page.evaluate(() => window.tiendo.state.result);
/** Waits for an answer of /api/analyze newer than the one seen before `act`. */
async function afterAnalyze(act) {
  const before = await page.evaluate(() => window.tiendo.state.result);
  const seq = await page.evaluate(() => window.tiendo.state.seq);
  const wait = page.waitForResponse((r) => r.url().includes('/api/analyze'), { timeout: 20000 });
  await act();
  await wait;
  await page.waitForFunction((s) => window.tiendo.state.seq > s, { timeout: 5000 }, seq).catch(() => {});
  await sleep(300);
  return before;
}
async function openPlan(file) {
  await page.evaluate((f) => { location.hash = `#/plan/${encodeURIComponent(f)}`; }, file);
  await page.waitForFunction((f) => window.tiendo?.state?.plan?.file === f && window.tiendo.state.result, { timeout: 20000 }, file);
  await page.waitForSelector('.chart.gantt svg', { timeout: 20000 });
}
async function setEditorText(text) {
  await page.evaluate((text) => {
    const ta = document.querySelector('#plan-text');
    ta.value = text;
    ta.dispatchEvent(new Event('input', { bubbles: true }));
  }, text);
}
async function clickTab(k) {
  await page.click(`button.tab[data-tab="${k}"]`);
}
/** axe-core over the page as it is: no critical or serious violation. */
const axeSeen = [];
async function axeCheck(view) {
  const found = await page.evaluate(async (src) => {
    if (!window.axe) (0, eval)(src); // axe-core, as its README injects it
    const r = await window.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.filter((v) => v.impact === 'critical' || v.impact === 'serious')
      .map((v) => `${v.impact} ${v.id} ×${v.nodes.length}: ${v.nodes.slice(0, 2).map((n) => n.target.join(' ')).join(', ')}`);
  }, axeSource);
  axeSeen.push(view);
  check(!found.length, `axe: no critical or serious violation on ${view}`, found.join(' | '));
  // Nothing said as a programming value: a null or undefined put into the page as text.
  const leaked = await page.evaluate(() => {
    const out = [];
    const walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walk.nextNode(); n; n = walk.nextNode()) {
      if (/^\s*(null|undefined|NaN|\[object Object\])\s*$/.test(n.data) && n.parentElement.closest(':not(textarea)')) {
        out.push(`${n.parentElement.tagName}.${n.parentElement.className}: ${n.data}`);
      }
    }
    return out;
  });
  check(!leaked.length, `no 'null' or 'undefined' in the text of ${view}`, leaked.join(' | '));
}
/** Every plan tab checked by axe. */
async function axeTabs(what) {
  for (const k of ['gantt', 'network', 'table', 'explain', 'meetings', 'text', 'forms']) {
    await clickTab(k);
    if (k === 'network') await page.waitForSelector('.chart.network svg', { timeout: 20000 }).catch(() => {});
    await axeCheck(`${what}, tab ${k}`);
  }
  await clickTab('gantt');
}

const webDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../serve/web');

try {
  // 1. Workspace: every plan, its feasibility as /api/plans says.
  await page.goto(url, { waitUntil: 'networkidle0' });
  await page.waitForSelector('tr.plan-row', { timeout: 20000 });
  // The page's modules: each file of serve/web/js is served, as JavaScript,
  // the same bytes as in the repository (the build embeds them all).
  const modules = fs.readdirSync(path.join(webDir, 'js')).filter((f) => f.endsWith('.js'));
  const served = await page.evaluate(async (names) => Promise.all(names.map(async (n) => {
    const r = await fetch(`/js/${n}`, { credentials: 'same-origin' });
    return { n, status: r.status, type: r.headers.get('Content-Type'), text: await r.text() };
  })), modules);
  const wrong = served.filter((m) => m.status !== 200 || !/^text\/javascript/.test(m.type || '') ||
    m.text !== fs.readFileSync(path.join(webDir, 'js', m.n), 'utf8'));
  check(modules.length >= 10 && !wrong.length, `the page's ${modules.length} modules are served as JavaScript`,
    wrong.map((m) => `${m.n} ${m.status} ${m.type}`).join(', '));
  const escape = await page.evaluate(async () => (await fetch('/js/../../CMakeLists.txt', { credentials: 'same-origin' })).status);
  check(escape === 404 || escape === 403, 'no file outside the page is served', String(escape));
  const plans = (await apiGet('/api/plans')).plans;
  const rows = await page.$$eval('tr.plan-row', (trs) => trs.map((tr) => ({
    file: tr.dataset.file, feasible: tr.dataset.feasible === 'true', badge: tr.querySelector('.badge')?.textContent,
  })));
  // The 5 plans of samples/ and the 4 of its subfolders (progress/, risk/, workspace/).
  check(rows.length === 9 && plans.length === 9, 'workspace lists the 9 samples, those of subfolders too', `${rows.length} rows, ${plans.length} plans`);
  const folders = await page.$$eval('tr.folder-row', (trs) => trs.map((tr) => tr.dataset.folder));
  check(folders.join() === ',progress,risk,workspace', 'the plans are grouped by folder, the top one first', folders.join());
  const sharedName = await page.$eval('tr.folder-row[data-folder="workspace"] .shared strong', (e) => e.textContent).catch(() => '');
  check(sharedName === 'Văn phòng Đảng ủy Khối các cơ quan tỉnh Thái Nguyên', "a folder's heading names its workspace", sharedName);
  for (const p of plans) {
    const r = rows.find((x) => x.file === p.file);
    const want = !p.ok ? 'Chưa đọc được'
      : p.nothing_to_check ? 'Chưa có gì để kiểm tra'
        : !p.feasible ? 'Không khả thi'
          : p.guessed_values ? `Khả thi nếu ${p.guessed_values} giá trị phỏng đoán đúng` : 'Khả thi';
    check(r && r.badge === want, `workspace badge of ${p.file}`, `${r?.badge} (API: ok=${p.ok} feasible=${p.feasible})`);
  }
  await shot('workspace');
  await axeCheck('the workspace');

  // 1a. On a phone (390 px) the list is a column of cards: nothing wider
  // than the screen, every cell under its column's name.
  await page.setViewport({ width: 390, height: 844 });
  await sleep(300);
  const phone = await page.evaluate(() => {
    const row = document.querySelector('tr.plan-row');
    const status = row.querySelector('td.status');
    return {
      overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
      display: getComputedStyle(row).display,
      label: getComputedStyle(status, '::before').content,
      statusRight: status.getBoundingClientRect().right,
    };
  });
  check(phone.overflow <= 0 && phone.display === 'block' && phone.label === '"Tình trạng"' && phone.statusRight <= 390,
    'on a phone the plan list is cards with each cell named, nothing cut off', JSON.stringify(phone));
  await shot('workspace-phone');
  await axeCheck('the workspace on a phone');
  await page.setViewport({ width: 1440, height: 900 });
  await sleep(300);

  // 1b. Leaving a plan 0–20 ms after opening it: the workspace, whole, with
  // its own breadcrumbs; no late answer paints the plan over it, no error.
  for (const ms of [0, 5, 10, 20]) {
    await page.evaluate(async (wait) => {
      location.hash = `#/plan/${encodeURIComponent('129-KH-DUK.yaml')}`;
      await new Promise((r) => setTimeout(r, wait));
      location.hash = '#/';
    }, ms);
    await sleep(1500);
    const after = await page.evaluate(() => ({
      rows: document.querySelectorAll('tr.plan-row').length, plan: !!document.querySelector('#plan'),
      crumbs: document.querySelector('#crumbs').textContent, errors: document.querySelector('#errors').hidden ? '' : document.querySelector('#errors').textContent,
      state: window.tiendo.state.plan,
    }));
    check(after.rows === 9 && !after.plan && after.crumbs === 'Các kế hoạch' && !after.errors && after.state === null,
      `leaving a plan ${ms} ms after opening it shows the workspace`, JSON.stringify(after));
  }
  // And the other way: a plan opened while the workspace loads stays open.
  await page.evaluate(() => { location.hash = '#/x'; location.hash = `#/plan/${encodeURIComponent('129-KH-DUK.yaml')}`; });
  await page.waitForSelector('.chart.gantt svg', { timeout: 20000 });
  await sleep(800);
  check(await page.evaluate(() => !!document.querySelector('#plan') && !document.querySelector('tr.plan-row')),
    'a plan opened while the workspace loads is not replaced by it');
  await page.evaluate(() => { location.hash = '#/'; });
  await page.waitForSelector('tr.plan-row', { timeout: 20000 });

  // 2. A feasible plan: one bar per step of the schedule.
  await openPlan('129-KH-DUK.yaml');
  const sched = (await result()).schedule;
  const bars = await page.$$eval('.chart.gantt svg [id^="step-"][data-step]', (els) => els.map((e) => e.dataset.step));
  const stepIds = sched.steps.map((s) => s.id);
  check(bars.length === stepIds.length && stepIds.every((id) => bars.includes(id)),
    'Gantt has one bar per step', `${bars.length} bars, ${stepIds.length} steps`);
  const badge = await page.$eval('#plan-badge .badge', (e) => e.textContent);
  check(badge === 'Khả thi', 'plan badge says Khả thi', badge);
  // Hover a bar with links: the tooltip and the links light up.
  const linked = await page.evaluate(() => {
    const l = document.querySelector('.chart.gantt svg [data-link]');
    return l ? l.dataset.link.split('->')[1] : null;
  });
  if (linked) {
    const bar = await page.$(`.chart.gantt svg [id^="step-"][data-step="${linked}"]`);
    await bar.hover();
    await sleep(200);
    const tip = await page.$eval('#tooltip', (e) => (e.hidden ? '' : e.textContent));
    const name = sched.steps.find((s) => s.id === linked).name;
    check(tip.includes(name), 'hovering a bar shows its tooltip', tip.slice(0, 80));
    check(await page.$('.chart.gantt svg .hl-link') !== null, 'hovering a bar highlights its links');
  }
  await shot('plan-gantt');
  // The bars by keyboard: Tab enters the chart on its first bar, the arrows
  // go from bar to bar showing each one's tooltip, Enter opens the step's form.
  await page.mouse.move(5, 5);
  await page.focus('.chart-tools button:last-of-type');
  await page.keyboard.press('Tab');
  const focused = () => page.evaluate(() => ({
    step: document.activeElement?.dataset?.step || null,
    label: document.activeElement?.getAttribute('aria-label') || '',
    tip: document.querySelector('#tooltip').hidden ? '' : document.querySelector('#tooltip').textContent,
  }));
  const first = await focused();
  check(first.step === stepIds[0] && first.label.includes(sched.steps[0].name),
    'Tab reaches the first bar, named for a screen reader', `${first.step} '${first.label}'`);
  check(first.tip.includes(sched.steps[0].name), 'a focused bar shows its tooltip', first.tip.slice(0, 60));
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  const third = await focused();
  check(third.step === stepIds[2] && third.tip.includes(sched.steps[2].name), 'the arrows go from bar to bar, the tooltip follows',
    `${third.step}: ${third.tip.slice(0, 60)}`);
  await shot('keyboard-bar');
  await page.keyboard.press('Enter');
  await page.waitForSelector('.panel[data-panel="forms"]:not([hidden]) tr.picked', { timeout: 10000 });
  const picked = await page.evaluate(() => ({
    row: document.querySelector('tr.picked')?.dataset.step,
    focus: document.activeElement?.closest('tr')?.dataset.step, key: document.activeElement?.dataset.key,
  }));
  check(picked.row === stepIds[2] && picked.focus === stepIds[2] && picked.key === 'duration',
    'Enter on a bar opens its step in the form, its duration focused', JSON.stringify(picked));
  await clickTab('gantt');
  await page.focus('.chart-tools button:last-of-type');
  await page.keyboard.press('Tab');
  check((await focused()).step === stepIds[2], 'the chart keeps the bar focused last as its Tab stop', (await focused()).step);
  await axeTabs('a feasible plan');
  // Every download of the menu answers with a file.
  const downloads = await page.$$eval('a.dl', (as) => Promise.all(as.map(async (a) => {
    const r = await fetch(a.getAttribute('href'), { credentials: 'same-origin' });
    const size = (await r.arrayBuffer()).byteLength;
    return `${a.dataset.what} ${r.status} ${size}`;
  })));
  const isStatus = (d) => d.startsWith('status.');
  check(downloads.length >= 17 && downloads.filter((d) => !isStatus(d)).every((d) => / 200 [1-9]/.test(d)),
    'every download answers 200 with a file', downloads.filter((d) => !isStatus(d) && !/ 200 [1-9]/.test(d)).join(', '));
  // The plan reports no progress: no status report that counts nothing late as of today.
  const noStatus = await page.evaluate(async () => {
    const r = await fetch(document.querySelector('a.dl[data-what="status.txt"]').getAttribute('href'), { credentials: 'same-origin' });
    return `${r.status} ${(await r.json()).error}`;
  });
  check(/^422 kế hoạch chưa ghi tiến độ/.test(noStatus), 'a plan with no progress gets no status report, and is told why', noStatus);
  await page.click('details.menu summary');
  await page.waitForSelector('#baseline-save', { timeout: 10000 });
  await shot('downloads-menu');
  await axeCheck('the downloads menu');
  const statusItem = await page.$eval('a.dl[data-what="status.pdf"]', (a) => `${a.className}|${a.textContent}`);
  check(/unavailable/.test(statusItem) && /chưa có tiến độ/.test(statusItem), 'the menu says the status report needs progress', statusItem);
  // Keep the adopted schedule as the baseline: the downloads then compare with it.
  await page.click('#baseline-save');
  await page.waitForSelector('#baseline-pick option[value="adopted"]', { timeout: 10000 });
  const statusHref = await page.$eval('a.dl[data-what="status.pdf"]', (a) => a.getAttribute('href'));
  check(/baseline=adopted/.test(statusHref), 'after saving a baseline, the status report compares with it', statusHref);
  const compared = await page.evaluate(async () => {
    const href = document.querySelector('a.dl[data-what="schedule.csv"]').getAttribute('href');
    const r = await fetch(href, { credentials: 'same-origin' });
    return `${r.status} ${r.headers.get('Content-Type')} ${/baseline=adopted/.test(href)}`;
  });
  check(compared === '200 text/csv; charset=utf-8 true', 'the schedule compared with the baseline downloads', compared);
  check(fs.existsSync(path.join(plansDir, '129-KH-DUK.baseline.json')), 'the baseline is kept beside the plan');
  await shot('downloads-baseline');
  await page.click('details.menu summary');

  // 3. The infeasible plan: a finding highlights its steps.
  await page.mouse.move(5, 5);
  await openPlan('129-KH-DUK-infeasible.yaml');
  const infeasible = await result();
  check(infeasible.check && !infeasible.check.feasible, 'the infeasible sample is not feasible');
  const f = infeasible.check.findings.find((x) => x.steps?.length) || infeasible.check.findings[0];
  await page.click(`.finding[data-number="${f.number}"]`);
  await sleep(600);
  const hl = await page.$$eval(`.chart.gantt svg [data-step="${f.steps[0]}"].hl`, (els) => els.length);
  check(hl > 0, `clicking finding ${f.number} highlights step ${f.steps[0]}`, `${hl} elements`);
  await shot('findings-highlight');
  // The finding's bars in view, at a readable size, beside their names: the
  // chart's table is frozen at the left while the timeline scrolls.
  await sleep(600);
  const inView = await page.evaluate((id) => {
    const box = document.querySelector('.chart.gantt');
    const frozen = box.querySelector('svg.frozen');
    const bar = box.querySelector(`svg:not(.frozen) [id^="step-"][data-step="${CSS.escape(id)}"]`);
    const b = bar.getBoundingClientRect(), c = box.getBoundingClientRect(), f = frozen.getBoundingClientRect();
    const text = frozen.querySelector('text.cell');
    return {
      frozenAtLeft: Math.abs(f.left - c.left) < 3 && getComputedStyle(frozen).display !== 'none',
      barBeside: b.left >= f.right - 2 && b.left < c.right && b.top >= c.top && b.bottom <= c.bottom,
      scrolled: box.scrollLeft > 0,
      textPx: text ? Number(text.getAttribute('font-size')) * (f.width / frozen.viewBox.baseVal.width) : 0,
    };
  }, f.steps[0]);
  check(inView.frozenAtLeft && inView.barBeside, 'a finding\'s bar is scrolled into view beside the frozen names', JSON.stringify(inView));
  check(inView.textPx >= 10.9, 'the names are at a readable size', `${inView.textPx.toFixed(1)} px`);
  // Zoom by time scale: day, week, month, each drawn again and readable; the names stay frozen.
  const widthAt = async (scale) => {
    await afterAnalyze(() => page.click(`.chart-tools button[data-scale="${scale}"]`));
    return page.evaluate(() => {
      const box = document.querySelector('.chart.gantt');
      const svg = box.querySelector('svg:not(.frozen)');
      box.scrollLeft = box.scrollWidth;
      const f = box.querySelector('svg.frozen').getBoundingClientRect();
      return {
        width: svg.viewBox.baseVal.width, shown: svg.getBoundingClientRect().width,
        pressed: document.querySelector('.chart-tools button[aria-pressed="true"]')?.dataset.scale,
        frozen: Math.abs(f.left - box.getBoundingClientRect().left) < 3,
        scale: new URL(performance.getEntriesByType('resource').filter((r) => r.name.includes('/api/analyze')).pop().name).searchParams.get('scale'),
      };
    });
  };
  const byDay = await widthAt('day');
  await shot('gantt-by-day');
  const byWeek = await widthAt('week');
  const byMonth = await widthAt('month');
  check(byDay.scale === 'day' && byWeek.scale === 'week' && byMonth.scale === 'month', 'each scale asks the server for its chart',
    [byDay.scale, byWeek.scale, byMonth.scale].join(' '));
  check(byDay.width > byWeek.width && byWeek.width > byMonth.width, 'by day is wider than by week, by week than by month',
    `${byDay.width} ${byWeek.width} ${byMonth.width}`);
  check([byDay, byWeek, byMonth].every((x) => x.frozen && x.shown / x.width >= 11 / 8 - 0.01), 'at every scale the text is readable and the names frozen',
    JSON.stringify([byDay, byWeek, byMonth].map((x) => [x.pressed, (x.shown / x.width).toFixed(2), x.frozen])));
  await afterAnalyze(() => page.click('.chart-tools .zoom-fit'));
  const fit = await page.evaluate(() => {
    const box = document.querySelector('.chart.gantt');
    return { over: box.scrollWidth - box.clientWidth, frozen: getComputedStyle(box.querySelector('svg.frozen')).display };
  });
  check(fit.over <= 1 && fit.frozen === 'none', 'Vừa khung fits the chart to the width, nothing frozen', JSON.stringify(fit));
  await axeTabs('an infeasible plan');

  // 4. Step form: a shorter production changes the chart and the findings.
  await clickTab('forms');
  const target = 'phong-su.ghi-hinh';
  await page.waitForSelector(`tr[data-step="${target}"] input[data-key="duration"]`, { timeout: 10000 });
  const ganttBefore = infeasible.gantt_svg;
  const findingsBefore = infeasible.check.findings.map((x) => x.message).join('\n');
  const textBefore = await page.evaluate(() => window.tiendo.state.plan.text);
  const wait = page.waitForResponse((r) => r.url().includes('/api/edit'), { timeout: 20000 });
  await afterAnalyze(async () => {
    const input = await page.$(`tr[data-step="${target}"] input[data-key="duration"]`);
    await input.click({ clickCount: 3 });
    await input.type('40d');
    await page.keyboard.press('Enter');
    const r = await wait;
    check(r.ok(), 'POST /api/edit answers 200', String(r.status()));
  });
  const edited = await result();
  const textAfter = await page.evaluate(() => window.tiendo.state.plan.text);
  check(textAfter !== textBefore && /40d/.test(textAfter), 'the edit changed the plan text to 40d');
  check(edited.gantt_svg && edited.gantt_svg !== ganttBefore, 'the chart changed after the edit');
  const findingsAfter = (edited.check?.findings || []).map((x) => x.message).join('\n');
  check(findingsAfter !== findingsBefore, 'the findings changed after the edit');
  const shownFindings = await page.$$eval('.finding .msg', (els) => els.map((e) => e.textContent).join('\n'));
  check(shownFindings === findingsAfter, 'the findings panel shows the new findings');

  // 5. Save: the file on disk changes and keeps its comments.
  const file = path.join(plansDir, '129-KH-DUK-infeasible.yaml');
  const onDiskBefore = fs.readFileSync(file, 'utf8');
  check(!(await page.$eval('#save', (b) => b.disabled)), 'Save is enabled after an edit');
  await page.click('#save');
  await page.waitForFunction(() => !window.tiendo.state.saving && document.querySelector('#save').disabled, { timeout: 10000 });
  const onDisk = fs.readFileSync(file, 'utf8');
  check(onDisk !== onDiskBefore && onDisk === textAfter, 'saved: the file on disk is the edited text');
  const comments = onDiskBefore.split('\n').filter((l) => /^\s*#/.test(l));
  const kept = comments.filter((c) => onDisk.includes(c));
  check(comments.length > 0 && kept.length === comments.length, 'saved file keeps its comments', `${kept.length}/${comments.length}`);

  // 5b. Undo and redo, across the save: Ctrl+Z takes the form's edit back
  // (text, form field and chart), Ctrl+Shift+Z does it again; the buttons too.
  const plainText = () => page.evaluate(() => window.tiendo.state.plan.text);
  const isDirty = () => page.evaluate(() => window.tiendo.state.plan.text !== window.tiendo.state.plan.saved);
  const undoTitle = await page.$eval('#undo', (b) => b.title);
  check(/^Hoàn tác: Thời lượng — phong-su\.ghi-hinh/.test(undoTitle), 'the undo button says what it takes back', undoTitle);
  await page.click('.plan-head h1');
  await afterAnalyze(() => page.keyboard.down('Control').then(() => page.keyboard.press('z')).then(() => page.keyboard.up('Control')));
  const undone = await result();
  const durationField = `tr[data-step="${target}"] input[data-key="duration"]`;
  check(await plainText() === textBefore && await isDirty(), 'Ctrl+Z after saving takes the edit back (unsaved again)');
  check(undone.gantt_svg === ganttBefore, 'the chart is the one before the edit');
  await clickTab('forms');
  const fieldBack = await page.$eval(durationField, (e) => e.value);
  check(fieldBack !== '40d', 'the form shows the duration before the edit', fieldBack);
  await afterAnalyze(() => page.keyboard.down('Control').then(() => page.keyboard.down('Shift'))
    .then(() => page.keyboard.press('z')).then(() => page.keyboard.up('Shift')).then(() => page.keyboard.up('Control')));
  check(await plainText() === textAfter && !(await isDirty()), 'Ctrl+Shift+Z does it again (as saved)');
  check(await page.$eval(durationField, (e) => e.value) === '40d', 'the form shows the duration redone');
  await afterAnalyze(() => page.click('#undo'));
  check(await plainText() === textBefore, 'the Undo button takes it back');
  await afterAnalyze(() => page.click('#redo'));
  check(await plainText() === textAfter && await page.$eval('#redo', (b) => b.disabled), 'the Redo button does it again, then has nothing more');
  // Typing in the editor is undone by Ctrl+Z there too; "discard" goes back to the file as saved.
  await clickTab('text');
  await page.focus('#plan-text');
  await page.evaluate(() => { const ta = document.querySelector('#plan-text'); ta.setSelectionRange(0, 0); });
  await page.keyboard.type('# ghi chú mới\n');
  check((await plainText()).startsWith('# ghi chú mới\n'), 'typing in the editor changes the text');
  await afterAnalyze(() => page.keyboard.down('Control').then(() => page.keyboard.press('z')).then(() => page.keyboard.up('Control')));
  check(await plainText() === textAfter, 'Ctrl+Z in the editor takes the typing back, all of it');
  await page.keyboard.type('# nháp');
  await sleep(400);
  check(!(await page.$eval('#discard', (b) => b.disabled)), 'Discard is enabled with unsaved changes');
  await afterAnalyze(() => page.click('#discard'));
  check(await plainText() === textAfter && !(await isDirty()) && await page.$eval('#plan-text', (e) => e.value) === textAfter,
    'Discard goes back to the file as saved');
  await afterAnalyze(() => page.click('#undo'));
  check((await plainText()).includes('# nháp'), 'and Discard itself can be undone');
  await afterAnalyze(() => page.click('#discard'));
  await shot('undo');
  await axeCheck('the plan after undo and redo');

  // 6. Editor: a misspelt key gives a diagnostic at its line, marked in the gutter.
  await clickTab('text');
  const broken = textAfter.replace(/\bduration: 40d/, 'duraton: 40d');
  await afterAnalyze(() => setEditorText(broken));
  const diags = (await result()).diagnostics || [];
  check(diags.length > 0, 'a misspelt key gives a diagnostic', diags[0] ? `${diags[0].line}:${diags[0].column} ${diags[0].message}` : '');
  const misspelt = diags.find((d) => d.code === 'unknown-key');
  const saidVi = /^khóa 'duraton' không có trong (nhiệm vụ|bước)$/;
  check(misspelt && saidVi.test(misspelt.message) && misspelt.suggestion === "có phải 'duration'?",
    'the Vietnamese page says the diagnostic in Vietnamese', misspelt ? `${misspelt.message} / ${misspelt.suggestion}` : '');
  const shown = await page.$$eval('.diags li.diag .msg', (els) => els.map((e) => e.textContent));
  check(shown.some((m) => saidVi.test(m)), 'the page shows it', shown.join(' | '));
  const marks = await page.$$eval('.gutter .mark', (els) => els.map((e) => Number(e.textContent)));
  check(diags.every((d) => !d.line || marks.includes(d.line)), 'the gutter marks the diagnostics\' lines', marks.join(','));
  const items = await page.$$('.diags li.diag');
  if (items.length) {
    await items[0].click();
    const caretLine = await page.evaluate(() => {
      const ta = document.querySelector('#plan-text');
      return ta.value.slice(0, ta.selectionStart).split('\n').length;
    });
    check(caretLine === diags[0].line, 'clicking a diagnostic puts the caret on its line', `${caretLine}`);
  }
  await shot('editor-diagnostic');
  await axeCheck('the editor with a diagnostic');
  // A time phrase with an impossible day: the day is named, not the word before it.
  const badDay = textAfter.replace('due: 2024-10-24}', 'when: "Trước 35/10/2024"}');
  await afterAnalyze(() => setEditorText(badDay));
  const dayDiag = ((await result()).diagnostics || []).find((d) => d.code === 'unread-phrase');
  const dayLine = badDay.split('\n').findIndex((l) => l.includes('Trước 35/10/2024')) + 1;
  const dayCol = [...badDay.split('\n')[dayLine - 1]].indexOf('3') + 1;
  check(dayDiag?.message === '35/10 không phải là ngày có thật: tháng 10 có nhiều nhất 31 ngày' &&
    dayDiag.line === dayLine && dayDiag.column === dayCol,
  'an impossible day is named, in Vietnamese, at its column', dayDiag ? `${dayDiag.line}:${dayDiag.column} ${dayDiag.message}` : '');
  check(!/Trước/.test(dayDiag?.message || '') && !/truoc/.test(dayDiag?.suggestion || ''),
    'the word before it is not blamed', dayDiag?.suggestion || '');

  // 7. The file changes on disk behind the page: Save shows the 409 dialog.
  await afterAnalyze(() => setEditorText(`${textAfter}# a note from the page\n`));
  fs.writeFileSync(file, `${onDisk}# changed on disk by someone else\n`);
  await page.click('#save');
  await page.waitForSelector('#conflict-dialog[open]', { timeout: 10000 });
  const title = await page.$eval('#conflict-dialog h2', (e) => e.textContent);
  check(title === 'Tệp đã bị thay đổi trên đĩa', 'Save after a change on disk shows the 409 dialog', title);
  await shot('409-dialog');
  await axeCheck('the 409 dialog');
  // Keep mine: the page's text is written with the new etag.
  await page.click('#conflict-keep');
  await page.waitForFunction(() => !window.tiendo.state.saving && document.querySelector('#save').disabled, { timeout: 10000 });
  check(fs.readFileSync(file, 'utf8').endsWith('# a note from the page\n'), 'keep mine: the page\'s text is on disk');

  // 8. English: labels and the server's messages switch.
  await afterAnalyze(() => page.click('#lang-switch button[data-lang="en"]'));
  const en = await page.evaluate(() => ({
    tab: document.querySelector('button.tab[data-tab="network"]').textContent,
    badge: document.querySelector('#plan-badge .badge')?.textContent,
  }));
  check(en.tab === 'Network' && /^(Feasible|Not feasible)$/.test(en.badge || ''), 'the English switch relabels the page',
    `${en.tab}, ${en.badge}`);
  await axeCheck('the English page');
  await afterAnalyze(() => page.click('#lang-switch button[data-lang="vi"]'));

  // 9. Progress in the step form: the office reports a step done, in its words.
  await clickTab('forms');
  const done = 'ban-tin.khung';
  const progressInput = `tr[data-step="${done}"] input[data-key="progress"]`;
  await page.waitForSelector(progressInput, { timeout: 10000 });
  const hint = await page.$eval('tr[data-step="ban-tin.dat-bai"] input[data-key="progress"]', (e) => e.placeholder);
  check(/60%/.test(hint), 'an empty progress field shows how to fill it', hint);
  const progressWait = page.waitForResponse((r) => r.url().includes('/api/edit'), { timeout: 20000 });
  await afterAnalyze(async () => {
    const input = await page.$(progressInput);
    await input.click({ clickCount: 3 });
    await input.type('đã hoàn thành ngày 5/6/2024');
    await page.keyboard.press('Enter');
    await progressWait;
  });
  const reported = await result();
  const khung = reported.schedule?.steps.find((x) => x.id === done);
  check(khung?.progress?.state === 'done' && khung.finish === '2024-06-05',
    'a progress phrase in the form makes the step done on its day', JSON.stringify(khung?.progress));
  const reportedText = await page.evaluate(() => window.tiendo.state.plan.text);
  check(/progress: đã hoàn thành ngày 5\/6\/2024/.test(reportedText), 'the phrase is written into the plan text');
  const sub = await page.$eval('#plan-sub', (e) => e.textContent);
  check(/tiến độ tính đến hôm nay/.test(sub), 'the header says progress is as of today', sub);
  await shot('forms-progress');
  // With progress saved, the status report is made, as of today (no status_date).
  await page.click('#save');
  await page.waitForFunction(() => !window.tiendo.state.saving && document.querySelector('#save').disabled, { timeout: 10000 });
  const statusTxt = await page.evaluate(async () => {
    const r = await fetch(document.querySelector('a.dl[data-what="status.txt"]').getAttribute('href'), { credentials: 'same-origin' });
    return `${r.status} ${await r.text()}`;
  });
  const todayVi = new Date().toLocaleDateString('en-GB').replace(/^(\d\d)\/(\d\d)\/(\d{4})$/, '$1/$2/$3');
  check(statusTxt.startsWith('200 ') && statusTxt.includes(`Tính đến ngày ${todayVi}`) && /Đã hoàn thành: 1/.test(statusTxt),
    'with progress, the status report downloads, as of today', statusTxt.split('\n').slice(0, 4).join(' / '));

  // 10. A plan imported from its Word document: the verdict counts what was
  // guessed and not read, and each guess can be confirmed.
  const docx = fs.readFileSync(path.join(plansDir, 'docs', '129-KH-DUK.docx')).toString('base64');
  const imported = await page.evaluate(async (b64) => {
    const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    const r = await fetch('/api/import?name=129-tu-word.docx', {
      method: 'POST', body: bytes, headers: { 'X-Tiendo': '1', 'Content-Type': 'application/octet-stream' }, credentials: 'same-origin',
    });
    return { status: r.status, body: await r.json() };
  }, docx);
  check(imported.status === 201 && imported.body.guessed_values > 0, 'the Word document imports, with its guesses counted',
    `${imported.status} ${JSON.stringify(imported.body).slice(0, 120)}`);
  await openPlan(imported.body.file);
  const fromWord = await result();
  const guessCount = fromWord.check.guessed_values;
  const wordBadge = await page.$eval('#plan-badge .badge', (e) => e.textContent);
  check(guessCount > 0 && wordBadge === `Khả thi nếu ${guessCount} giá trị phỏng đoán đúng`,
    'an imported plan is never plainly "Khả thi": the badge counts its guesses', wordBadge);
  const counts = await page.$eval('#plan-badge .counts', (e) => e.textContent);
  check(/chưa đọc được/.test(counts), 'the badge says what was not read', counts);
  const guessItems = await page.$$eval('li.guess', (lis) => lis.length);
  const checklistTitle = await page.$eval('details.guesses summary', (e) => e.textContent);
  check(guessItems === guessCount && checklistTitle === `Cần xác nhận (${guessCount})`, 'the checklist lists every guess', `${guessItems} items, '${checklistTitle}'`);
  const notRead = fromWord.check.findings.filter((f) => f.kind === 'time-not-read' || f.kind === 'document-not-read').length;
  check(notRead === fromWord.check.not_read && notRead > 0, 'each thing not read is a finding', `${notRead} of ${fromWord.check.not_read}`);
  await shot('guesses');
  await axeCheck('the guesses to confirm');
  await afterAnalyze(() => page.click('li.guess button.confirm'));
  const confirmed = await result();
  check(confirmed.check.guessed_values === guessCount - 1, 'confirming a guess takes it off the count',
    `${confirmed.check.guessed_values} of ${guessCount}`);

  // 11. A plan of a subfolder read with its workspace.yaml: the BTV's
  // meetings and its links to plan 129 come from the folder, as the CLI reads it.
  await openPlan('workspace/so-ket-6-thang-2024.yaml');
  const inShared = await result();
  const sharedSub = await page.$eval('#plan-sub', (e) => e.textContent);
  check(inShared.ok && inShared.workspace?.file === 'workspace/workspace.yaml' && sharedSub.includes('Dùng chung: Văn phòng Đảng ủy Khối'),
    'a plan in a workspace reads, and says which one', `ok=${inShared.ok} ${sharedSub}`);
  await clickTab('network');
  await page.waitForSelector('.chart.network svg', { timeout: 20000 }).catch(() => {});
  check(await page.$('.chart.network svg') !== null, "the network of a workspace's plan is drawn");
  await clickTab('gantt');
  await shot('workspace-plan');
  // Its workspace broken: every plan in it says so, and why.
  const wsFile = path.join(plansDir, 'workspace', 'workspace.yaml');
  const wsText = fs.readFileSync(wsFile, 'utf8');
  fs.writeFileSync(wsFile, wsText.replace('meetings: [2024-05-28', 'meetings: [2024-15-28'));
  await afterAnalyze(() => page.evaluate(() => window.tiendo.analyzeNow()));
  const unread = await result();
  check(!unread.ok && unread.diagnostics[0]?.code === 'workspace-unreadable' && unread.diagnostics.some((d) => d.file === 'workspace/workspace.yaml'),
    'a broken workspace.yaml is an error of its plan, its own errors listed', JSON.stringify(unread.diagnostics.map((d) => [d.code, d.file])));
  await clickTab('text');
  const listed = await page.$$eval('.diags li.diag .pos', (xs) => xs.map((x) => x.textContent));
  check(listed.some((x) => x.startsWith('workspace/workspace.yaml:')), "the editor lists the workspace's errors at their file and line", listed.join(', '));
  await shot('workspace-broken');
  await page.evaluate(() => { location.hash = '#/'; });
  await page.waitForSelector('tr.folder-row[data-folder="workspace"] .shared .diag-line', { timeout: 20000 }).catch(() => {});
  const brokenNote = await page.$eval('tr.folder-row[data-folder="workspace"] .shared', (e) => e.textContent).catch(() => '');
  check(brokenNote.includes('Không đọc được workspace/workspace.yaml'), "the workspace's heading says it cannot be read", brokenNote);
  await page.$eval('tr.folder-row[data-folder="progress"]', (e) => e.scrollIntoView()).catch(() => {});
  await shot('workspace-list-broken');
  await page.evaluate(() => window.scrollTo(0, 0));
  await axeCheck('the workspace with a broken workspace.yaml');
  fs.writeFileSync(wsFile, wsText);

  check(pageErrors.length === 0, 'no JavaScript error on the page', pageErrors.join(' | '));
  const panelErrors = await page.$eval('#errors', (e) => (e.hidden ? '' : e.textContent));
  check(!panelErrors, 'no error in the error panel', panelErrors);
} catch (e) {
  check(false, 'the session ran to its end', e.stack || String(e));
  await shot('failure').catch(() => {});
} finally {
  await browser.close();
}
console.log(failures ? `${failures} check(s) failed` : 'all checks passed');
process.exit(failures ? 1 : 0);
