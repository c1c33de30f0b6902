// The page's state, one object shared by the modules, and t(): a word in the
// page's language.
import { say } from './words.js';

const stored = typeof localStorage === 'undefined' ? null : localStorage.getItem('tiendo.lang');

export const S = {
  lang: stored === 'en' ? 'en' : 'vi',
  plan: null,        // {file, text, saved, etag}
  result: null,      // the last /api/analyze answer
  good: null,        // the last answer that had a schedule
  tab: 'gantt',
  seq: 0,            // analyze requests, so a late answer does not overwrite a newer one
  nav: 0,            // page changes, so a late answer does not paint a page that is gone
  zoom: 0,           // 0 = fit the width; else a scale factor
  scale: '',         // the Gantt's time scale: day, week, month, '' (what fits the plan)
  hlSteps: [],       // steps highlighted from a finding
  hlChain: [],
  hlFinding: null,
  network: { key: '', svg: null, busy: false },
  flash: null,       // notes to show once on the next plan page (import warnings)
  saving: false,
  baseline: '',      // the baseline downloads compare with ('' for none)…
  baselineOf: '',    // …for this plan file
};

/** A word in the page's language. */
export const t = (key, ...args) => say(S.lang, key, ...args);

/** The plan's text differs from the file as last saved or opened. */
export const dirty = () => !!S.plan && S.plan.text !== S.plan.saved;

/** The schedule shown: the last answer's, else the last one that had one. */
export const schedule = () => S.result?.schedule || S.good?.schedule || null;
