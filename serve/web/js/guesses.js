// "Cần xác nhận": the values tiendo guessed, each at its line, with a button
// that confirms it in the text.
import { api } from './api.js';
import { h } from './dom.js';
import { S, t } from './state.js';
import { wordsOf } from './words.js';
import { gotoLine } from './editor.js';
import { analyzeNow, setText } from './plan.js';

export function guessChecklist(guesses) {
  const keyWords = wordsOf(S.lang).guessKey || {};
  const subjectWords = wordsOf(S.lang).guessSubject || {};
  return h('details.guesses', { open: true },
    h('summary', t('guessesTitle', guesses.length)),
    h('p.help', t('guessesHelp')),
    h('ul.guess-list', guesses.map((g) => {
      const what = `${subjectWords[g.subject_kind] || g.subject_kind}${g.subject_kind === 'plan' ? '' : ` ${g.subject}`}`;
      const button = h('button.confirm', { type: 'button' }, t('guessConfirm'));
      const msg = h('span.row-msg');
      button.addEventListener('click', () => confirmGuess(g, button, msg));
      return h('li.guess',
        h('div.what',
          h('strong', `${what}: ${keyWords[g.key] || g.key}`), g.value ? ` = ${g.value}` : '',
          g.why ? h('span.why', ` — ${g.why}`) : null),
        h('div.meta',
          g.line ? h('a.line', { href: '#', onclick: (e) => { e.preventDefault(); gotoLine(g.line, g.column || 1); } },
            `${t('line')} ${g.line}`) : null,
          button, msg));
    })));
}

async function confirmGuess(g, button, msg) {
  button.disabled = true;
  try {
    const { data } = await api('POST', '/api/edit', {
      body: JSON.stringify({ text: S.plan.text, confirm: { subject_kind: g.subject_kind, subject: g.subject, key: g.key } }),
      type: 'application/json',
    });
    setText(data.text, t('undoConfirm', `${g.subject} ${g.key}`));
    await analyzeNow();
  } catch (e) {
    button.disabled = false;
    msg.textContent = `${t('guessConfirmFailed')}: ${e.data?.error || e.message}`;
  }
}
