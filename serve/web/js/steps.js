// A step of the shown schedule, and the words the tooltip and the table say
// about it.
import { fmtDateVi } from './format.js';
import { S, schedule } from './state.js';
import { wordsOf } from './words.js';

export function stepInfo(id) {
  return schedule()?.steps?.find((s) => s.id === id) || null;
}

export function stepName(id) {
  const s = stepInfo(id);
  return s ? `${s.name} (${id})` : id;
}

export function kindName(kind) {
  return wordsOf(S.lang).kinds[kind] || kind;
}

export function driverText(s) {
  const base = wordsOf(S.lang).driver[s.driver] || s.driver || '';
  if (s.driver === 'link' && s.driving_pred) return `${base}: ${stepName(s.driving_pred)}`;
  if (s.driver === 'pinned' && s.meeting) return `${base} ${fmtDateVi(s.meeting)}`;
  return base;
}

export const stepSel = (id) => `[data-step="${CSS.escape(id)}"]`;
