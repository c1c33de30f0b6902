// Dates and durations as the page says them. Pure: no DOM, no state.

/** 2024-05-12 → 12/05/2024 (as Vietnamese documents write it). */
export function fmtDateVi(iso) {
  if (!iso) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

/** A date in a language: ISO in English, d/m/y in Vietnamese. */
export function fmtDateIn(lang, iso) {
  return lang === 'en' ? (iso || '') : fmtDateVi(iso);
}

/** A Date as YYYY-MM-DD in local time. */
export function isoDay(d) {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** A step's duration in words: calendar days when it counts them. */
export function durationText(say, s, short) {
  if (s.calendar_days != null) return say(short ? 'cdaysShort' : 'cdays', s.calendar_days);
  return say(short ? 'daysShort' : 'days', s.duration);
}

/** A link's type and lag as written after the step it waits for: "(SS+2)". */
export function linkSuffix(p) {
  if (p.type === 'FS' && !p.lag) return '';
  return ` (${p.type}${p.lag ? (p.lag > 0 ? '+' : '') + p.lag : ''})`;
}
