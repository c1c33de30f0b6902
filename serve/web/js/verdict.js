// The verdict of a plan as its badge says it: never a plain "Feasible" over
// values tiendo guessed or words it could not read. Pure.

/**
 * p: {ok, feasible, errors, warnings, nothing_to_check, guessed_values, not_read}
 * (a row of /api/plans, or an analysis's check). Returns the badge's class
 * (good, warn, bad), its words and the counts beside it, in `say`'s language.
 */
export function verdictOf(say, p) {
  if (!p.ok) return { cls: 'bad', text: say('unreadable'), counts: '' };
  const guesses = p.guessed_values || 0;
  const counts = [p.errors ? say('errorsN', p.errors) : null, p.warnings ? say('warningsN', p.warnings) : null,
    p.not_read ? say('notReadN', p.not_read) : null].filter(Boolean).join(', ');
  if (p.nothing_to_check) return { cls: 'warn', text: say('nothingToCheck'), counts };
  if (!p.feasible) return { cls: 'bad', text: say('infeasible'), counts };
  if (guesses || p.not_read) return { cls: 'warn', text: guesses ? say('feasibleIf', guesses) : say('feasible'), counts };
  return { cls: 'good', text: say('feasible'), counts };
}

/** The badge's facts from an /api/analyze answer's check. */
export function checkFacts(c) {
  return {
    ok: true, feasible: c.feasible, errors: c.errors, warnings: c.warnings,
    nothing_to_check: c.verdict === 'nothing-to-check', guessed_values: c.guessed_values, not_read: c.not_read,
  };
}
