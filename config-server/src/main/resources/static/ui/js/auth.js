// The sign-in token lives in this tab's sessionStorage only (it must survive the round trip through Meta's
// dialog, which leaves the page). Never localStorage, never a URL, never the console.

const TOKEN_KEY = 'tenant-config.token';

const DEFAULT_SETTINGS = Object.freeze({
  dev_tokens: false,
  tenant_claim: 'tenant_id',
  roles_claim: 'roles',
  admin_role: 'admin',
});

let pageSettings = DEFAULT_SETTINGS;

/** Claim names and whether dev tokens exist; asked once, before sign-in. Falls back to the defaults. */
export async function loadPageSettings() {
  try {
    const response = await fetch(new URL('page-settings', document.baseURI), {
      headers: { Accept: 'application/json' },
      cache: 'no-store',
    });
    if (response.ok) {
      pageSettings = { ...DEFAULT_SETTINGS, ...(await response.json()) };
    }
  } catch {
    pageSettings = DEFAULT_SETTINGS;
  }
  return pageSettings;
}

export function currentToken() {
  return sessionStorage.getItem(TOKEN_KEY);
}

export function rememberToken(value) {
  sessionStorage.setItem(TOKEN_KEY, value.trim());
}

export function forgetToken() {
  sessionStorage.removeItem(TOKEN_KEY);
}

/** Whether a pasted value at least has the shape of a JWT (three base64url parts). */
export function looksLikeJwt(value) {
  return /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/.test(value.trim());
}

function decodePayload(jwt) {
  const part = jwt.split('.')[1];
  if (!part) {
    return null;
  }
  try {
    const base64 = part.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(part.length / 4) * 4, '=');
    const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    return JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    return null;
  }
}

function asList(value) {
  if (Array.isArray(value)) {
    return value.map(String);
  }
  if (typeof value === 'string') {
    return value.split(/[\s,]+/).filter(Boolean);
  }
  return [];
}

/**
 * What the page shows about the current token. Read from the payload for display only: the signature is
 * the server's business, and every call is authorized there.
 */
export function describeToken(jwt = currentToken()) {
  if (!jwt) {
    return null;
  }
  const claims = decodePayload(jwt);
  if (!claims) {
    return { readable: false };
  }
  const roles = asList(claims[pageSettings.roles_claim]);
  const expiresAt = typeof claims.exp === 'number' ? new Date(claims.exp * 1000) : null;
  return {
    readable: true,
    tenant: claims[pageSettings.tenant_claim] == null ? null : String(claims[pageSettings.tenant_claim]),
    user: claims.sub == null ? null : String(claims.sub),
    roles,
    admin: roles.includes(pageSettings.admin_role),
    expiresAt,
    expired: expiresAt !== null && expiresAt.getTime() <= Date.now(),
  };
}

/** Asks this server (embedded mode, local requests only) for a development token. */
export async function fetchDevToken(tenant, admin) {
  const query = new URLSearchParams({ tenant });
  if (admin) {
    query.set('roles', pageSettings.admin_role);
  }
  const response = await fetch(new URL(`../dev/token?${query}`, document.baseURI), {
    method: 'POST',
    headers: { Accept: 'application/json' },
    cache: 'no-store',
  });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) {
    throw new Error(`The server did not issue a development token: ${body.detail || `HTTP ${response.status}`}`);
  }
  const { token } = body;
  if (typeof token !== 'string' || !looksLikeJwt(token)) {
    throw new Error('The server answered without a token.');
  }
  return token;
}
