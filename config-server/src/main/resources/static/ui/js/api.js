// Calls to the tenant API with the bearer token; every failure becomes an ApiError carrying the server's
// RFC 9457 problem detail, so views can show its `detail` in plain words.

import { currentToken } from './auth.js';

const API_BASE = new URL('../api/v1/tenant/', document.baseURI);

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem.detail || problem.title || `Request failed (HTTP ${status})`);
    this.status = status;
    this.problem = problem;
  }
}

/** Tells the page that the token is missing or no longer accepted, wherever the call came from. */
function announceAuthProblem(error) {
  window.dispatchEvent(new CustomEvent('tenant-config:auth-required', { detail: error }));
}

async function problemOf(response) {
  const type = response.headers.get('Content-Type') || '';
  if (type.includes('json')) {
    try {
      return await response.json();
    } catch {
      return {};
    }
  }
  return {};
}

/**
 * @returns {Promise<{status: number, etag: string|null, body: any}>}
 * @throws {ApiError} status 0 when the server cannot be reached, 401 when there is no usable token
 */
export async function api(path, { method = 'GET', body, ifMatch } = {}) {
  const token = currentToken();
  if (!token) {
    const error = new ApiError(401, { detail: 'There is no sign-in token yet.' });
    announceAuthProblem(error);
    throw error;
  }
  const headers = { Accept: 'application/json, application/problem+json', Authorization: `Bearer ${token}` };
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
  }
  if (ifMatch) {
    headers['If-Match'] = ifMatch;
  }
  let response;
  try {
    response = await fetch(new URL(path, API_BASE), {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      cache: 'no-store',
      redirect: 'error',
    });
  } catch {
    throw new ApiError(0, { detail: 'The server could not be reached. Check the connection and try again.' });
  }
  if (!response.ok) {
    const error = new ApiError(response.status, await problemOf(response));
    if (response.status === 401) {
      announceAuthProblem(error);
    }
    throw error;
  }
  const text = response.status === 204 ? '' : await response.text();
  return { status: response.status, etag: response.headers.get('ETag'), body: text ? JSON.parse(text) : null };
}

/** A sentence for a failed call, for the message area of a view. */
export function explain(error) {
  if (!(error instanceof ApiError)) {
    return 'Something went wrong in the page. Reload it and try again.';
  }
  switch (error.status) {
    case 0:
      return error.message;
    case 401:
      return 'Your sign-in token is missing, expired or not accepted. Paste a new token above, then try again.';
    case 403:
      return `Your token does not allow this. ${error.problem.detail || ''}`.trim();
    case 412:
      return 'Someone else saved first. Your changes were not saved; reload to see the current settings.';
    case 413:
      return 'That is too much data to save at once.';
    default:
      if (error.status >= 500) {
        return `The server could not do this: ${error.message}`;
      }
      return error.message;
  }
}
