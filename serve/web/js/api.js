// The server's API (/api/*, see serve/src/api.hpp): every call sends the
// header only the page sends, and a failure is an ApiError with the status.
import { t } from './state.js';

export class ApiError extends Error {
  constructor(status, message, data) {
    super(message);
    this.status = status;
    this.data = data;
  }
}

export const enc = encodeURIComponent;

export async function api(method, path, { body, type, headers } = {}) {
  const init = { method, credentials: 'same-origin', headers: { 'X-Tiendo': '1', ...(headers || {}) } };
  if (body !== undefined) {
    init.body = body;
    if (type) init.headers['Content-Type'] = type;
  }
  let res;
  try {
    res = await fetch(path, init);
  } catch (e) {
    throw new ApiError(0, `${t('netError')}: ${e.message}`);
  }
  const ct = res.headers.get('Content-Type') || '';
  let data;
  if (ct.includes('json')) data = await res.json().catch(() => null);
  else if (ct.startsWith('text/') || ct.includes('svg') || !ct) data = await res.text();
  else data = await res.blob();
  if (!res.ok) {
    const msg = (data && data.error) || (typeof data === 'string' && data.trim()) || res.statusText;
    throw new ApiError(res.status, `${t('serverError', res.status)}: ${msg}`, data);
  }
  return { data, res };
}

/** A download (plain links cannot send our header): the response, or an ApiError. */
export async function fetchFile(href) {
  const res = await fetch(href, { credentials: 'same-origin', headers: { 'X-Tiendo': '1' } });
  if (!res.ok) {
    let msg = res.statusText;
    try { const j = await res.json(); msg = j.error || msg; } catch { /* not JSON */ }
    throw new ApiError(res.status, `${t('serverError', res.status)}: ${msg}`);
  }
  return res;
}
