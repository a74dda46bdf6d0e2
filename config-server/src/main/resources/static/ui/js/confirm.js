// A modal confirmation built on <dialog>: focus moves into it, Escape cancels, focus returns afterwards.

import { $ } from './dom.js';

export function confirmAction({ title, text, confirmLabel, danger = false }) {
  const dialog = $('#confirm-dialog');
  $('#confirm-title').textContent = title;
  $('#confirm-text').textContent = text;
  const ok = $('#confirm-ok');
  ok.textContent = confirmLabel;
  ok.className = danger ? 'danger' : '';
  const opener = document.activeElement;
  return new Promise((resolve) => {
    dialog.addEventListener('close', () => {
      if (opener instanceof HTMLElement) {
        opener.focus();
      }
      resolve(dialog.returnValue === 'confirm');
    }, { once: true });
    dialog.returnValue = 'cancel';
    dialog.showModal();
    $('#confirm-cancel').focus();
  });
}
