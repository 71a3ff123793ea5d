// The REST client of web-bff's /api/v1: bearer tokens, refresh before expiry, problem+json errors.

/** An error answered by the server (application/problem+json) or a network failure (status 0). */
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem || {};
  }
}

const REFRESH_STORE = 'blackbox.refresh_token';

/**
 * Holds the session (access token in memory, refresh token in sessionStorage so a reload keeps the
 * user logged in within the tab), refreshes the access token shortly before it expires and once more
 * when a call answers 401. onLoggedOut is called when the session cannot be kept.
 */
export class Api {
  constructor({ base = '/api/v1', onLoggedOut = () => {}, onSession = () => {} } = {}) {
    this.base = base;
    this.onLoggedOut = onLoggedOut;
    this.onSession = onSession;
    this.access = null;
    this.user = null;
    this.timer = null;
    this.refreshing = null;
  }

  get loggedIn() { return this.access !== null; }

  async login(username, password) {
    const body = await this.#raw('POST', '/auth/login', { username, password }, false);
    this.#accept(body);
    return body.user;
  }

  /** Restores a session from the refresh token of this tab, if any. Returns true when logged in. */
  async resume() {
    if (!sessionStorage.getItem(REFRESH_STORE)) return false;
    try {
      await this.refresh();
      return true;
    } catch {
      return false;
    }
  }

  async refresh() {
    if (this.refreshing) return this.refreshing;
    const token = sessionStorage.getItem(REFRESH_STORE);
    if (!token) throw new ApiError(401, { detail: 'sessão expirada' });
    this.refreshing = this.#raw('POST', '/auth/refresh', { refresh_token: token }, false)
      .then((body) => { this.#accept(body); return body; })
      .finally(() => { this.refreshing = null; });
    return this.refreshing;
  }

  async logout() {
    const token = sessionStorage.getItem(REFRESH_STORE);
    try {
      if (token) await this.#raw('POST', '/auth/logout', { refresh_token: token }, true);
    } finally {
      this.#clear();
    }
  }

  /** A fresh-enough access token for the WebSocket's auth message. */
  async accessToken() {
    if (!this.access || Date.now() > this.expiresAt - 15_000) await this.refresh();
    return this.access;
  }

  get(path, query) { return this.call('GET', path + queryString(query)); }
  put(path, body) { return this.call('PUT', path, body); }
  del(path) { return this.call('DELETE', path); }

  /** An authenticated call; on 401 refreshes once and retries, then gives the session up. */
  async call(method, path, body) {
    try {
      return await this.#raw(method, path, body, true);
    } catch (e) {
      if (!(e instanceof ApiError) || e.status !== 401) throw e;
      try {
        await this.refresh();
      } catch {
        this.#clear();
        this.onLoggedOut('Sua sessão expirou. Entre novamente.');
        throw e;
      }
      return this.#raw(method, path, body, true);
    }
  }

  async #raw(method, path, body, auth) {
    const headers = { Accept: 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (auth && this.access) headers.Authorization = `Bearer ${this.access}`;
    let res;
    try {
      res = await fetch(this.base + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    } catch (e) {
      throw new ApiError(0, { title: 'Sem conexão com o servidor', detail: `Sem conexão com o servidor (${e.message})` });
    }
    if (res.status === 204) return null;
    const text = await res.text();
    let json = null;
    try { json = text ? JSON.parse(text) : null; } catch { json = null; }
    if (!res.ok) {
      const problem = json || { title: res.statusText, detail: text || `HTTP ${res.status}` };
      if (res.status === 429) problem.retry_after = res.headers.get('Retry-After');
      throw new ApiError(res.status, problem);
    }
    return json;
  }

  #accept(body) {
    this.access = body.access_token;
    this.user = body.user || this.user;
    this.expiresAt = Date.now() + body.expires_in * 1000;
    sessionStorage.setItem(REFRESH_STORE, body.refresh_token);
    clearTimeout(this.timer);
    // Refresh at 80 % of the lifetime (at least 5 s ahead), so calls never carry an expired token.
    const inMs = Math.max(1_000, Math.min(body.expires_in * 800, body.expires_in * 1000 - 5_000));
    this.timer = setTimeout(() => this.refresh().catch(() => {
      this.#clear();
      this.onLoggedOut('Sua sessão expirou. Entre novamente.');
    }), inMs);
    this.onSession(this.user);
  }

  #clear() {
    clearTimeout(this.timer);
    this.access = null;
    this.user = null;
    sessionStorage.removeItem(REFRESH_STORE);
  }
}

function queryString(query) {
  if (!query) return '';
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null && v !== '') p.set(k, v);
  const s = p.toString();
  return s ? `?${s}` : '';
}
