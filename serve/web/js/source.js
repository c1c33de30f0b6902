// What the step form shows of a step as the plan's text writes it. Pure:
// the server does the editing; this only reads.
import { fmtDateVi } from './format.js';

/** Reads a step's own keys (when, after, duration) from the plan text, for
 *  showing them as written. The server does the editing; this only reads. */
export function sourceKeys(text, task, stepId) {
  const lines = text.split('\n');
  const esc = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const idRe = (id) => new RegExp(`(?:^\\s*-\\s*\\{?\\s*|[{,]\\s*)id:\\s*["']?${esc(id)}["']?\\s*(?:[,}#]|$)`);
  let from = 0;
  const local = stepId === task ? stepId : stepId.slice(task.length + 1);
  if (stepId !== task) {
    from = lines.findIndex((l) => idRe(task).test(l));
    if (from < 0) return {};
    from += 1;
  }
  let at = -1;
  for (let i = from; i < lines.length; i++) if (idRe(local).test(lines[i])) { at = i; break; }
  if (at < 0) return {};
  const unq = (v) => v.trim().replace(/^"(.*)"$/, '$1').replace(/^'(.*)'$/, '$1');
  const out = {};
  const line = lines[at];
  if (/\{/.test(line.split('id:')[0])) {
    const re = /(\w+):\s*("[^"]*"|'[^']*'|\[[^\]]*\]|[^,}]+)/g;
    let m;
    while ((m = re.exec(line))) out[m[1]] = unq(m[2]);
    return out;
  }
  const dash = line.indexOf('-');
  const indent = dash + 2;
  for (let i = at; i < lines.length; i++) {
    const l = i === at ? ' '.repeat(indent) + line.slice(indent) : lines[i];
    if (!l.trim() || /^\s*#/.test(l)) continue;
    const ind = l.search(/\S/);
    if (i > at && ind <= dash) break;
    if (ind !== indent) continue;
    const m = /^\s*(\w+):\s*(.*?)\s*(?:#.*)?$/.exec(l);
    if (!m) continue;
    if (m[2]) { out[m[1]] = unq(m[2]); continue; }
    const items = [];
    for (let j = i + 1; j < lines.length; j++) {
      const lm = /^\s*-\s*(.*)$/.exec(lines[j]);
      if (!lm || lines[j].search(/\S/) <= indent - 1) break;
      items.push(unq(lm[1]));
    }
    out[m[1]] = items;
  }
  return out;
}

/** What the form's progress field shows when the step's `progress:` is not
 *  written: where the step stands, from `started:`/`done:`. */
export function progressWords(say, lang, s, src) {
  const p = s.progress;
  const date = (iso) => (lang === 'en' ? iso : fmtDateVi(iso));
  if (!p) return say('progressHint');
  if (p.state === 'done') return src.done ? say('progressDoneOn', date(src.done)) : say('progressDone');
  if (p.state === 'in_progress') return src.started ? say('progressStartedOn', date(src.started)) : say('progressUnderway');
  return say('progressHint');
}

/** The form's values of a step: as written in the text, else as scheduled. */
export function formValues(s, src) {
  return {
    name: s.name,
    kind: s.kind,
    duration: src.duration ?? (s.calendar_days != null ? `${s.calendar_days}cd` : `${s.duration}d`),
    when: Array.isArray(src.when) ? src.when.join(' | ') : (src.when ?? ''),
    after: Array.isArray(src.after) ? src.after.join(', ') : (src.after ?? '').replace(/^\[|\]$/g, ''),
    progress: src.progress ?? '',
  };
}
