// Connect view: asks the server for a state and Meta's dialog address, then hands the browser to Meta.

import { api, explain } from './api.js';
import { $, formatDateTime, showMessage } from './dom.js';
import { callbackUrl, rememberPendingState } from './oauth.js';

async function connect() {
  const message = $('#connect-message');
  const connectButton = $('#connect-button');
  connectButton.disabled = true;
  showMessage(message, 'info', 'Preparing the connection…');
  try {
    const answer = await api(`onboard/start?${new URLSearchParams({ redirect_uri: callbackUrl() })}`);
    const dialog = answer.body && answer.body.dialog_url ? new URL(answer.body.dialog_url) : null;
    if (!dialog || !['https:', 'http:'].includes(dialog.protocol) || !answer.body.state) {
      showMessage(message, 'error', 'The server did not return an address for Meta\'s dialog. '
        + 'Ask the operator to check the Meta app settings of this server.');
      connectButton.disabled = false;
      return;
    }
    rememberPendingState(answer.body.state);
    showMessage(message, 'info', 'Opening Meta…');
    window.location.assign(dialog.href);
  } catch (error) {
    showMessage(message, 'error', explain(error));
    connectButton.disabled = false;
  }
}

/** Tells a tenant that is already connected what connecting again does. */
export function describeConnection(config) {
  const note = $('#connect-current');
  if (config && config.onboarding_completed) {
    note.textContent = `Already connected on ${formatDateTime(config.onboarded_at)} (WhatsApp Business Account `
      + `${config.waba_id}). Connecting again replaces the stored access token.`;
  } else {
    note.textContent = '';
  }
}

export function initConnect() {
  $('#connect-button').addEventListener('click', connect);
}
