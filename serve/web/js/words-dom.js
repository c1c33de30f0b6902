// The static words of index.html (data-t) and the language switch, painted
// in the page's language.
import { $$ } from './dom.js';
import { S, t } from './state.js';

export function paintWords() {
  for (const b of $$('#lang-switch button')) b.classList.toggle('on', b.dataset.lang === S.lang);
  for (const el of $$('[data-t]')) el.textContent = t(el.dataset.t);
}
