// The page's pure parts: words, dates, the verdict's badge, the form's
// reading of a step from the text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { KINDS, WORDS, say } from '../../../serve/web/js/words.js';
import { durationText, fmtDateIn, fmtDateVi, isoDay, linkSuffix } from '../../../serve/web/js/format.js';
import { checkFacts, verdictOf } from '../../../serve/web/js/verdict.js';
import { formValues, progressWords, sourceKeys } from '../../../serve/web/js/source.js';

const vi = (k, ...a) => say('vi', k, ...a);
const en = (k, ...a) => say('en', k, ...a);

test('every word has both languages, of the same shape', () => {
  for (const k of Object.keys(WORDS.vi)) {
    if (k === 'guessKey') continue; // English says the keys as written
    assert.ok(k in WORDS.en, `'${k}' has no English`);
    assert.equal(typeof WORDS.en[k], typeof WORDS.vi[k], k);
  }
  for (const k of Object.keys(WORDS.en)) assert.ok(k in WORDS.vi, `'${k}' has no Vietnamese`);
  for (const kind of KINDS) assert.ok(WORDS.vi.kinds[kind] && WORDS.en.kinds[kind], kind);
});

test('say falls back to Vietnamese, then to the key', () => {
  assert.equal(say('fr', 'save'), 'Lưu');
  assert.equal(say('en', 'no-such-word'), 'no-such-word');
  assert.equal(en('errorsN', 1), '1 error');
  assert.equal(en('errorsN', 2), '2 errors');
  assert.equal(vi('feasibleIf', 3), 'Khả thi nếu 3 giá trị phỏng đoán đúng');
});

test('dates as each language writes them', () => {
  assert.equal(fmtDateVi('2024-05-12'), '12/05/2024');
  assert.equal(fmtDateVi(''), '');
  assert.equal(fmtDateVi(null), '');
  assert.equal(fmtDateVi('soon'), 'soon');
  assert.equal(fmtDateIn('en', '2024-05-12'), '2024-05-12');
  assert.equal(fmtDateIn('vi', '2024-05-12'), '12/05/2024');
  assert.equal(isoDay(new Date(2024, 0, 5)), '2024-01-05');
});

test('durations and links in words', () => {
  assert.equal(durationText(vi, { duration: 5 }), '5 ngày làm việc');
  assert.equal(durationText(en, { duration: 1 }, true), '1 d');
  assert.equal(durationText(en, { duration: 3, calendar_days: 10 }), '10 calendar days');
  assert.equal(linkSuffix({ type: 'FS', lag: 0 }), '');
  assert.equal(linkSuffix({ type: 'SS', lag: 2 }), ' (SS+2)');
  assert.equal(linkSuffix({ type: 'FS', lag: -1 }), ' (FS-1)');
});

test('the badge is never plainly feasible over guesses or words not read', () => {
  assert.deepEqual(verdictOf(vi, { ok: false }), { cls: 'bad', text: 'Chưa đọc được', counts: '' });
  assert.equal(verdictOf(vi, { ok: true, feasible: true }).cls, 'good');
  const guessed = verdictOf(vi, { ok: true, feasible: true, guessed_values: 2, not_read: 1 });
  assert.equal(guessed.cls, 'warn');
  assert.equal(guessed.text, 'Khả thi nếu 2 giá trị phỏng đoán đúng');
  assert.equal(guessed.counts, '1 nội dung chưa đọc được');
  assert.equal(verdictOf(en, { ok: true, feasible: true, not_read: 1 }).cls, 'warn');
  const bad = verdictOf(en, { ok: true, feasible: false, errors: 3, warnings: 1 });
  assert.deepEqual(bad, { cls: 'bad', text: 'Not feasible', counts: '3 errors, 1 warning' });
  const nothing = checkFacts({ feasible: true, verdict: 'nothing-to-check', errors: 0 });
  assert.equal(verdictOf(vi, nothing).text, 'Chưa có gì để kiểm tra');
});

const PLAN = `title: Kế hoạch
tasks:
  - id: phong-su
    name: Phóng sự
    steps:
      - id: kich-ban
        name: Kịch bản   # a comment
        duration: 5d
        when: "Trước 25/10/2024"
      - { id: ghi-hinh, name: Ghi hình, duration: 10d, after: [kich-ban] }
      - id: phat
        after:
          - ghi-hinh
          - kich-ban
        progress: 60%
  - id: ban-tin
    name: Bản tin
    duration: 3d
`;

test('sourceKeys reads a step as the text writes it', () => {
  assert.deepEqual(sourceKeys(PLAN, 'phong-su', 'phong-su.kich-ban'),
    { id: 'kich-ban', name: 'Kịch bản', duration: '5d', when: 'Trước 25/10/2024' });
  assert.deepEqual(sourceKeys(PLAN, 'phong-su', 'phong-su.ghi-hinh'),
    { id: 'ghi-hinh', name: 'Ghi hình', duration: '10d', after: '[kich-ban]' });
  assert.deepEqual(sourceKeys(PLAN, 'phong-su', 'phong-su.phat'),
    { id: 'phat', after: ['ghi-hinh', 'kich-ban'], progress: '60%' });
  assert.equal(sourceKeys(PLAN, 'ban-tin', 'ban-tin').duration, '3d');
  assert.deepEqual(sourceKeys(PLAN, 'phong-su', 'phong-su.none'), {});
  assert.deepEqual(sourceKeys(PLAN, 'none', 'none.x'), {});
});

test('the form shows what the text writes, else the schedule', () => {
  const v = formValues({ name: 'Phát', kind: 'broadcast', duration: 2 }, sourceKeys(PLAN, 'phong-su', 'phong-su.phat'));
  assert.deepEqual(v, { name: 'Phát', kind: 'broadcast', duration: '2d', when: '', after: 'ghi-hinh, kich-ban', progress: '60%' });
  assert.equal(formValues({ duration: 2, calendar_days: 9 }, {}).duration, '9cd');
  assert.equal(formValues({}, { after: '[a, b]' }).after, 'a, b');
  assert.equal(progressWords(vi, 'vi', { progress: { state: 'done' } }, { done: '2024-06-05' }), 'đã hoàn thành ngày 05/06/2024');
  assert.equal(progressWords(en, 'en', { progress: { state: 'in_progress' } }, {}), 'under way');
  assert.match(progressWords(vi, 'vi', {}, {}), /60%/);
});
