// The error panel under the top bar.
import { $, h } from './dom.js';
import { t } from './state.js';

export function showError(err, where) {
  const box = $('#errors');
  const msg = err instanceof Error ? err.message : String(err);
  const item = h('div.error-item', h('span', where ? `${where}: ${msg}` : msg),
    h('button.close', { type: 'button', title: t('close'), 'aria-label': t('close'),
      onclick: () => { item.remove(); box.hidden = !box.children.length; } }, '×'));
  box.append(item);
  box.hidden = false;
  console.error(where || '', err);
}

export function clearErrors() {
  const box = $('#errors');
  box.replaceChildren();
  box.hidden = true;
}
