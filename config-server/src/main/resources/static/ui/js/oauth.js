// What the Connect view and the callback page share: where Meta sends the browser back, and the state
// this tab is waiting for (kept to refuse a callback that this tab did not start).

const PENDING_STATE_KEY = 'tenant-config.pending-oauth-state';

/** Must be on the server's allow-list byte for byte; Meta compares it the same way. */
export function callbackUrl() {
  return new URL('callback.html', document.baseURI).href;
}

export function rememberPendingState(state) {
  sessionStorage.setItem(PENDING_STATE_KEY, state);
}

/** The state this tab is waiting for; reading it also forgets it, as the server's state is single-use too. */
export function takePendingState() {
  const state = sessionStorage.getItem(PENDING_STATE_KEY);
  sessionStorage.removeItem(PENDING_STATE_KEY);
  return state;
}
