// Small DOM helpers. Text only: nothing from the server is ever inserted as HTML.

export const $ = (selector, root = document) => root.querySelector(selector);

/**
 * Fills a message area. `parts` are strings (paragraphs) or ready elements (e.g. a button).
 * kind: 'ok' | 'error' | 'warn' | 'info'
 */
export function showMessage(area, kind, ...parts) {
  area.className = `message ${kind}`;
  area.setAttribute('role', kind === 'error' || kind === 'warn' ? 'alert' : 'status');
  area.replaceChildren(...parts.filter((part) => part !== null && part !== undefined && part !== '').map((part) => {
    if (typeof part === 'string') {
      const paragraph = document.createElement('p');
      paragraph.textContent = part;
      return paragraph;
    }
    return part;
  }));
}

export function clearMessage(area) {
  area.className = 'message';
  area.replaceChildren();
}

export function button(label, onClick, className = 'secondary') {
  const element = document.createElement('button');
  element.type = 'button';
  element.className = className;
  element.textContent = label;
  element.addEventListener('click', onClick);
  return element;
}

export function link(label, href) {
  const element = document.createElement('a');
  element.href = href;
  element.textContent = label;
  return element;
}

/** Marks one input invalid (or valid again) and fills its error paragraph, which aria-describedby names. */
export function setFieldError(input, message) {
  const error = document.getElementById(`${input.id}-error`);
  if (message) {
    input.setAttribute('aria-invalid', 'true');
    error.textContent = message;
  } else {
    input.removeAttribute('aria-invalid');
    error.textContent = '';
  }
}

export function formatDateTime(iso) {
  if (!iso) {
    return '—';
  }
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) {
    return String(iso);
  }
  return date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/** "in 59 days", "3 days ago": how far a moment is from now, in whole days (or hours when close). */
export function fromNow(iso) {
  const millis = new Date(iso).getTime() - Date.now();
  if (Number.isNaN(millis)) {
    return '';
  }
  const hours = Math.round(Math.abs(millis) / 3_600_000);
  const amount = hours < 48 ? `${hours} hour${hours === 1 ? '' : 's'}` : `${Math.round(hours / 24)} days`;
  return millis >= 0 ? `in ${amount}` : `${amount} ago`;
}

/**
 * A secret as the page may show it. The API already masks secrets; should a value ever arrive unmasked,
 * it is masked here too rather than shown.
 */
export function masked(value) {
  if (value === null || value === undefined || value === '') {
    return 'not set';
  }
  const text = String(value);
  if (text.startsWith('***')) {
    return text;
  }
  return text.length > 8 ? `***${text.slice(-4)}` : '***';
}
