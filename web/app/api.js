// The JSON API (docs/API.md) from the browser. The session cookie is HttpOnly; the CSRF token
// the login answer and GET /api/v1/me give is kept here, in memory only, and sent with every
// state-changing call. A 401 sends the user to the login page.

import { t } from './i18n.js';

let csrfToken = null;
let onUnauthorized = () => {};

export function setCsrfToken(token) {
  csrfToken = token || null;
}

export function setUnauthorizedHandler(fn) {
  onUnauthorized = fn;
}

export class ApiError extends Error {
  constructor(status, code, message, body) {
    super(message);
    this.status = status;
    this.code = code;
    this.details = body?.error?.details ?? body?.details ?? null;
    this.total = body?.error?.total ?? body?.total ?? null;
    this.body = body;
  }
}

const unsafe = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

// request('GET', '/plans') or request('POST', '/users', {json}) or with {body, contentType}.
export async function request(method, path, { json, body, contentType, query, noRedirect } = {}) {
  const url = new URL('/api/v1' + path, location.origin);
  for (const [k, v] of Object.entries(query || {})) {
    if (v !== undefined && v !== null && v !== '') url.searchParams.set(k, v);
  }
  const headers = { Accept: 'application/json' };
  if (json !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(json);
  } else if (contentType) {
    headers['Content-Type'] = contentType;
  }
  if (unsafe.has(method) && csrfToken) headers['X-CSRF-Token'] = csrfToken;

  let response;
  try {
    response = await fetch(url, { method, headers, body, credentials: 'same-origin' });
  } catch (e) {
    throw new ApiError(0, 'network', t.networkError, null);
  }
  const text = await response.text();
  let data = null;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = null;
    }
  }
  if (!response.ok) {
    const message = data?.error?.message || `${response.status} ${response.statusText}`;
    const error = new ApiError(response.status, data?.error?.code || 'http', message, data);
    if (response.status === 401 && !noRedirect) onUnauthorized(error);
    throw error;
  }
  return data;
}

export const api = {
  get: (path, query) => request('GET', path, { query }),
  post: (path, json) => request('POST', path, { json }),
  patch: (path, json) => request('PATCH', path, { json }),
  del: (path) => request('DELETE', path),
};

export function enc(s) {
  return encodeURIComponent(s);
}
