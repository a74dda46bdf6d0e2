// The same rules the server applies, checked before sending so that mistakes are explained next to the field.

const GRAPH_ID = /^[0-9]{1,32}$/;
const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);
const MAX_URL_LENGTH = 2048;

/** Meta's object ids (WABA, phone number, app): 1 to 32 digits. */
export function graphIdProblem(value, label, { required = true } = {}) {
  if (value === '') {
    return required ? `Enter the ${label}.` : null;
  }
  if (!GRAPH_ID.test(value)) {
    return `The ${label} must be 1 to 32 digits (0–9), without spaces or other characters.`;
  }
  return null;
}

/** https URLs; plain http only for this machine, as the server allows. Empty means "clear" here. */
export function urlProblem(value, label) {
  if (value === '') {
    return null;
  }
  if (value.length > MAX_URL_LENGTH) {
    return `The ${label} is longer than ${MAX_URL_LENGTH} characters.`;
  }
  let url;
  try {
    url = new URL(value);
  } catch {
    return `The ${label} must be a full address starting with https://.`;
  }
  const local = LOCAL_HOSTS.has(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && local)) {
    return `The ${label} must start with https:// (plain http:// only for localhost).`;
  }
  return null;
}
