// Where Meta's dialog sends the browser back: finishes onboarding with the code, the state and the ids the
// tenant admin types in. The code leaves the address bar before anything else happens.

import { api, ApiError } from './api.js';
import { describeToken } from './auth.js';
import { $, showMessage, setFieldError } from './dom.js';
import { callbackUrl, takePendingState } from './oauth.js';
import { graphIdProblem } from './validate.js';

const answer = new URLSearchParams(window.location.search);
const code = answer.get('code');
const state = answer.get('state');
const metaError = answer.get('error');
// The code is single-use but still a credential: keep it out of history, bookmarks and referrers.
window.history.replaceState(null, '', window.location.pathname);
const expectedState = takePendingState();

const message = $('#callback-message');

function finish({ success }) {
  $('#complete-form').hidden = true;
  $('#progress').hidden = true;
  $('#next-steps').hidden = false;
  $('#to-settings').hidden = !success;
  $('#start-again').hidden = success;
}

/** Plain words for a refusal, with what to do next. Problem details never carry the code or a token. */
function explainFailure(error) {
  if (!(error instanceof ApiError)) {
    return ['Something went wrong in the page. Start the connection again.'];
  }
  const { status, problem } = error;
  const detail = problem.detail || error.message;
  if (status === 0) {
    return [detail, 'Your configuration was not changed. Start the connection again.'];
  }
  if (status === 401) {
    return ['Your sign-in token is missing or has expired, so the connection could not be finished.',
      'Sign in again on the main page, then start the connection again.'];
  }
  const trace = problem.fbtrace_id ? `If you contact Meta support, quote trace id ${problem.fbtrace_id}.` : null;
  if (status === 502) {
    return [`Meta could not be reached or did not answer properly: ${detail}.`,
      'Your configuration was not changed. Try again in a few minutes.', trace];
  }
  if (problem.reason) {
    return [`The connection request was not accepted: ${detail}.`,
      'Each connection attempt can be used once. Start the connection again.'];
  }
  if (problem.meta_code !== undefined) {
    return [`Meta did not accept the authorization: ${detail}.`,
      'Your configuration was not changed. Start the connection again.', trace];
  }
  if (status >= 500) {
    return [`The server could not finish: ${detail}.`];
  }
  return [`The connection could not be finished: ${detail}.`];
}

async function complete(event) {
  event.preventDefault();
  const waba = $('#waba_id');
  const phone = $('#phone_number_id');
  const problems = [
    [waba, graphIdProblem(waba.value.trim(), 'WhatsApp Business Account id')],
    [phone, graphIdProblem(phone.value.trim(), 'phone number id')],
  ];
  problems.forEach(([input, problem]) => setFieldError(input, problem));
  const firstInvalid = problems.find(([, problem]) => problem);
  if (firstInvalid) {
    showMessage(message, 'error', 'Some fields need fixing; see the messages next to them.');
    firstInvalid[0].focus();
    return;
  }
  $('#complete-button').disabled = true;
  $('#complete-form').hidden = true;
  $('#progress').hidden = false;
  showMessage(message, 'info', 'Connecting…');
  try {
    const result = await api('onboard/whatsapp-client', {
      method: 'POST',
      body: {
        code, state, redirect_uri: callbackUrl(), waba_id: waba.value.trim(), phone_number_id: phone.value.trim(),
      },
    });
    const done = result.body || {};
    const lines = [`WhatsApp is connected for tenant ${done.tenant_id}: account ${done.waba_id}, `
      + `phone number id ${done.phone_number_id}.`];
    const webhook = done.webhook_subscription;
    if (webhook && webhook.attempted && !webhook.subscribed) {
      lines.push(`Webhook events could not be subscribed yet: ${webhook.error}. `
        + 'Messages can be sent; ask the operator to retry the subscription.');
    }
    showMessage(message, 'ok', ...lines);
    finish({ success: true });
  } catch (error) {
    showMessage(message, 'error', ...explainFailure(error));
    finish({ success: false });
  }
}

function start() {
  if (metaError) {
    showMessage(message, 'error', metaError === 'access_denied'
      ? 'The connection was cancelled at Meta, or the permissions were not granted. Nothing was changed.'
      : 'Meta did not complete the connection. Nothing was changed.');
    finish({ success: false });
    return;
  }
  if (!code || !state) {
    showMessage(message, 'warn', 'There is nothing to finish here: this page is where Meta sends you back. '
      + 'Start from the Connect page.');
    finish({ success: false });
    return;
  }
  if (!expectedState || expectedState !== state) {
    showMessage(message, 'error', 'This answer from Meta does not belong to a connection started in this browser '
      + 'tab, so it was not used. Start the connection again.');
    finish({ success: false });
    return;
  }
  const token = describeToken();
  if (!token || token.expired) {
    showMessage(message, 'error', 'Your sign-in token is missing or has expired, so the connection cannot be '
      + 'finished. Sign in again on the main page, then start the connection again.');
    finish({ success: false });
    return;
  }
  $('#complete-form').hidden = false;
  $('#complete-form').addEventListener('submit', complete);
  $('#waba_id').focus();
}

start();
