// The page: sign-in token panel plus three views chosen by the address's #fragment.

import { initAdmin, loadAdmin } from './admin.js';
import {
  currentToken, describeToken, fetchDevToken, forgetToken, loadPageSettings, looksLikeJwt, rememberToken,
} from './auth.js';
import { describeConnection, initConnect } from './connect.js';
import { $, formatDateTime, showMessage } from './dom.js';
import { initSettings, loadSettings, onConfigLoaded } from './settings.js';

const VIEWS = ['settings', 'connect', 'admin'];

function requestedView() {
  const name = window.location.hash.slice(1);
  return VIEWS.includes(name) ? name : 'settings';
}

function renderAuth(problem) {
  const status = $('#auth-status');
  const token = describeToken();
  $('#sign-out').hidden = !token;
  $('#admin-link').hidden = !(token && token.admin);
  if (problem) {
    status.className = 'message error';
    status.textContent = problem;
    return;
  }
  if (!token) {
    status.className = 'message warn';
    status.textContent = 'You are not signed in. Paste the access token your administrator gave you.';
  } else if (!token.readable) {
    status.className = 'message error';
    status.textContent = 'The stored token cannot be read. Paste a new one.';
  } else if (token.expired) {
    status.className = 'message error';
    status.textContent = `Your token expired ${formatDateTime(token.expiresAt)}. Paste a new one.`;
  } else {
    status.className = 'message ok';
    const who = token.user ? `user ${token.user}` : 'a user';
    const tenant = token.tenant ? ` of tenant ${token.tenant}` : ' (no tenant in this token)';
    const admin = token.admin ? ', administrator' : '';
    const until = token.expiresAt ? ` Token valid until ${formatDateTime(token.expiresAt)}.` : '';
    status.textContent = `Signed in as ${who}${tenant}${admin}.${until}`;
  }
}

function showView(name, { moveFocus = false } = {}) {
  for (const view of VIEWS) {
    $(`#view-${view}`).hidden = view !== name;
    const navLink = document.querySelector(`[data-view-link="${view}"]`);
    if (view === name) {
      navLink.setAttribute('aria-current', 'page');
    } else {
      navLink.removeAttribute('aria-current');
    }
  }
  if (moveFocus) {
    $(`#view-${name} h1`).setAttribute('tabindex', '-1');
    $(`#view-${name} h1`).focus();
  }
  if (!currentToken()) {
    showMessage($(`#${name}-message`), 'info', 'Sign in with a token above to continue.');
    return;
  }
  if (name === 'settings' || name === 'connect') {
    loadSettings();
  } else if (name === 'admin') {
    const token = describeToken();
    if (token && token.admin) {
      loadAdmin();
    } else {
      showMessage($('#admin-message'), 'warn', 'This view needs a token with the administrator role.');
    }
  }
}

function signedIn() {
  renderAuth();
  showView(requestedView());
}

function initAuth(settings) {
  $('#token-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const input = $('#token-input');
    if (!looksLikeJwt(input.value)) {
      renderAuth('That does not look like a token (three parts separated by dots). Paste the whole token.');
      input.focus();
      return;
    }
    rememberToken(input.value);
    input.value = '';
    signedIn();
  });
  $('#sign-out').addEventListener('click', () => {
    forgetToken();
    renderAuth();
    $('#token-input').focus();
  });
  if (settings.dev_tokens) {
    $('#dev-token-form').hidden = false;
    $('#dev-token-form').addEventListener('submit', async (event) => {
      event.preventDefault();
      const tenant = $('#dev-tenant').value.trim();
      if (!tenant) {
        renderAuth('Enter a tenant id for the development token.');
        $('#dev-tenant').focus();
        return;
      }
      try {
        rememberToken(await fetchDevToken(tenant, $('#dev-admin').checked));
        signedIn();
      } catch (error) {
        renderAuth(error.message);
      }
    });
  }
  window.addEventListener('tenant-config:auth-required', () => {
    const token = describeToken();
    // an expired token already has its own, more precise message
    renderAuth(token && token.expired ? undefined : 'The server did not accept your sign-in token (missing, '
      + 'expired or not issued for this server). Paste a new token to continue.');
  });
}

async function start() {
  const settings = await loadPageSettings();
  initAuth(settings);
  initSettings();
  initConnect();
  initAdmin();
  onConfigLoaded(describeConnection);
  window.addEventListener('hashchange', () => showView(requestedView(), { moveFocus: true }));
  renderAuth();
  showView(requestedView());
}

start();
