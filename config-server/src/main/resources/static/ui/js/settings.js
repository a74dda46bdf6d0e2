// Settings view: the masked configuration, its status, the tenant-editable fields, activate / deactivate.
// Saves carry If-Match with the ETag of what was shown, so a concurrent change is reported, not overwritten.

import { api, explain } from './api.js';
import { confirmAction } from './confirm.js';
import {
  $, button, clearMessage, formatDateTime, fromNow, link, masked, setFieldError, showMessage,
} from './dom.js';
import { graphIdProblem, urlProblem } from './validate.js';

/** Fields a tenant may edit here, with how each is checked. Empty clears a field, except verify_token. */
const EDITABLE = [
  { name: 'phone_number_id', label: 'phone number id', check: (v) => graphIdProblem(v, 'phone number id') },
  { name: 'fb_app_id', label: 'Meta app id', check: (v) => graphIdProblem(v, 'Meta app id', { required: false }) },
  { name: 'callback_url', label: 'webhook callback URL', check: (v) => urlProblem(v, 'webhook callback URL') },
  { name: 'redirect_url', label: 'OAuth redirect URL', check: (v) => urlProblem(v, 'OAuth redirect URL') },
  { name: 'verify_token', label: 'verify token', secret: true, check: () => null },
];

const TOKEN_STATUS = {
  valid: 'Valid',
  needs_reonboarding: 'Needs reconnecting: connect WhatsApp again',
  expired: 'Expired: connect WhatsApp again',
};

let shown = null;
let etag = null;
const listeners = [];

/** Lets other views (Connect) know what the configuration looks like, once loaded. */
export function onConfigLoaded(listener) {
  listeners.push(listener);
}

function badge(text, kind) {
  const element = document.createElement('span');
  element.className = `badge ${kind}`;
  element.textContent = text;
  return element;
}

function row(list, term, value) {
  const dt = document.createElement('dt');
  dt.textContent = term;
  const dd = document.createElement('dd');
  if (value instanceof Node) {
    dd.append(value);
  } else {
    dd.textContent = value === null || value === undefined || value === '' ? 'not set' : String(value);
  }
  list.append(dt, dd);
}

function tokenDescription(config) {
  const parts = [];
  parts.push(config.token_status ? (TOKEN_STATUS[config.token_status] || config.token_status) : 'Unknown');
  if (config.token_expires_at) {
    const expired = new Date(config.token_expires_at).getTime() <= Date.now();
    parts.push(`${expired ? 'expired' : 'expires'} ${formatDateTime(config.token_expires_at)} (${fromNow(config.token_expires_at)})`);
  }
  return parts.join(' · ');
}

function render(config) {
  const summary = $('#settings-summary');
  summary.replaceChildren();
  row(summary, 'Tenant', config.tenant_id);
  row(summary, 'Status', config.is_active ? badge('Active', 'ok') : badge('Inactive', 'bad'));
  row(summary, 'Onboarding', config.onboarding_completed
    ? `Completed ${formatDateTime(config.onboarded_at)}` : badge('Not completed', 'muted'));
  row(summary, 'Access token', config.access_token
    ? `${masked(config.access_token)} · ${tokenDescription(config)}` : 'not set: connect WhatsApp to get one');
  row(summary, 'WhatsApp Business Account id', config.waba_id);
  row(summary, 'Phone number id', config.phone_number_id);
  row(summary, 'Meta app id', config.fb_app_id);
  row(summary, 'Meta app secret', masked(config.fb_app_secret));
  row(summary, 'Webhook verify token', masked(config.verify_token));
  row(summary, 'Webhook callback URL', config.callback_url);
  row(summary, 'OAuth redirect URL', config.redirect_url);
  row(summary, 'Last updated', formatDateTime(config.updated_at));

  for (const field of EDITABLE) {
    const input = document.getElementById(field.name);
    input.value = field.secret ? '' : (config[field.name] ?? '');
    setFieldError(input, null);
  }
  const toggle = $('#toggle-active');
  toggle.textContent = config.is_active ? 'Deactivate' : 'Activate';
  toggle.className = config.is_active ? 'danger' : '';
  $('#settings-content').hidden = false;
}

export async function loadSettings({ keepMessage = false } = {}) {
  const message = $('#settings-message');
  if (!keepMessage) {
    showMessage(message, 'info', 'Loading your settings…');
  }
  try {
    const answer = await api('config');
    shown = answer.body;
    etag = answer.etag;
    render(shown);
    if (!keepMessage) {
      clearMessage(message);
    }
  } catch (error) {
    shown = null;
    etag = null;
    $('#settings-content').hidden = true;
    if (error.status === 404) {
      showMessage(message, 'info', 'There is no WhatsApp configuration for your tenant yet.',
        link('Connect WhatsApp Business to create it', '#connect'));
    } else {
      showMessage(message, 'error', explain(error));
    }
  }
  listeners.forEach((listener) => listener(shown));
}

/** Only what changed is sent: absent fields stay as they are on the server, null clears one. */
function changes() {
  const body = {};
  let valid = true;
  for (const field of EDITABLE) {
    const input = document.getElementById(field.name);
    const value = input.value.trim();
    const problem = field.check(value);
    setFieldError(input, problem);
    if (problem) {
      valid = false;
      continue;
    }
    if (field.secret) {
      if (value !== '') {
        body[field.name] = value;
      }
    } else if (value !== (shown[field.name] ?? '')) {
      body[field.name] = value === '' ? null : value;
    }
  }
  return { valid, body };
}

async function save(event) {
  event.preventDefault();
  const message = $('#settings-message');
  if (!shown) {
    return;
  }
  const { valid, body } = changes();
  if (!valid) {
    showMessage(message, 'error', 'Some fields need fixing; see the messages next to them.');
    document.querySelector('#settings-form [aria-invalid="true"]').focus();
    return;
  }
  if (Object.keys(body).length === 0) {
    showMessage(message, 'info', 'Nothing has changed, so there is nothing to save.');
    return;
  }
  const saveButton = $('#save-settings');
  saveButton.disabled = true;
  showMessage(message, 'info', 'Saving…');
  try {
    const answer = await api('config', { method: 'PUT', body, ifMatch: etag });
    shown = answer.body;
    etag = answer.etag;
    render(shown);
    showMessage(message, 'ok', 'Saved.');
    listeners.forEach((listener) => listener(shown));
  } catch (error) {
    if (error.status === 412) {
      showMessage(message, 'warn', explain(error),
        button('Reload current settings', () => loadSettings()));
    } else {
      showMessage(message, 'error', explain(error));
    }
  } finally {
    saveButton.disabled = false;
  }
}

async function toggleActive() {
  if (!shown) {
    return;
  }
  const activate = !shown.is_active;
  const confirmed = await confirmAction(activate
    ? {
      title: 'Activate this configuration?',
      text: 'Services will use your WhatsApp credentials again instead of the platform defaults.',
      confirmLabel: 'Activate',
    }
    : {
      title: 'Deactivate this configuration?',
      text: 'Services will stop using your WhatsApp credentials and fall back to the platform defaults. '
        + 'Nothing is deleted; you can activate it again.',
      confirmLabel: 'Deactivate',
      danger: true,
    });
  if (!confirmed) {
    return;
  }
  const message = $('#settings-message');
  try {
    await api(activate ? 'config/activate' : 'config/deactivate', { method: 'POST' });
    await loadSettings({ keepMessage: true });
    showMessage(message, 'ok', activate ? 'Activated.' : 'Deactivated.');
  } catch (error) {
    showMessage(message, 'error', explain(error));
  }
}

export function initSettings() {
  $('#settings-form').addEventListener('submit', save);
  $('#toggle-active').addEventListener('click', toggleActive);
  $('#reload-config').addEventListener('click', () => loadSettings());
}
