// Admin view: counts across tenants and the tenants list, one page at a time, as the server pages it.

import { api, explain } from './api.js';
import { $, clearMessage, formatDateTime, showMessage } from './dom.js';

const STATS = [
  ['total', 'Tenants'],
  ['active', 'Active'],
  ['inactive', 'Inactive'],
  ['onboarded', 'Onboarded'],
  ['pending', 'Onboarding pending'],
];

let page = 0;
let totalPages = 1;

function renderStats(stats) {
  const list = $('#admin-stats');
  list.replaceChildren(...STATS.map(([key, label]) => {
    const group = document.createElement('div');
    const dt = document.createElement('dt');
    dt.textContent = label;
    const dd = document.createElement('dd');
    dd.textContent = String(stats[key] ?? 0);
    group.append(dt, dd);
    return group;
  }));
}

function cell(text) {
  const td = document.createElement('td');
  td.textContent = text === null || text === undefined || text === '' ? '—' : String(text);
  return td;
}

function tokenCell(config) {
  if (!config.access_token) {
    return 'none';
  }
  if (!config.token_expires_at) {
    return config.token_status || '—';
  }
  return `${config.token_status || 'expires'} ${formatDateTime(config.token_expires_at)}`;
}

function renderPage(answer) {
  const rows = answer.content ?? answer.items ?? [];
  const number = answer.page ?? answer.number ?? page;
  const total = answer.total_elements ?? answer.totalElements ?? answer.total ?? rows.length;
  totalPages = Math.max(1, answer.total_pages ?? answer.totalPages ?? 1);
  page = number;
  $('#admin-table tbody').replaceChildren(...rows.map((config) => {
    const tr = document.createElement('tr');
    const tenant = document.createElement('th');
    tenant.scope = 'row';
    tenant.textContent = config.tenant_id;
    tr.append(tenant, cell(config.is_active ? 'yes' : 'no'), cell(config.onboarding_completed ? 'yes' : 'no'),
      cell(config.phone_number_id), cell(tokenCell(config)), cell(formatDateTime(config.updated_at)));
    return tr;
  }));
  $('#admin-page').textContent = `Page ${page + 1} of ${totalPages} (${total} tenants)`;
  $('#admin-prev').disabled = page <= 0;
  $('#admin-next').disabled = page + 1 >= totalPages;
}

export async function loadAdmin() {
  const message = $('#admin-message');
  showMessage(message, 'info', 'Loading tenants…');
  const size = $('#admin-size').value;
  try {
    const [stats, list] = await Promise.all([
      api('admin/configs/stats'),
      api(`admin/configs?${new URLSearchParams({ page: String(page), size, sort: 'tenant_id' })}`),
    ]);
    renderStats(stats.body);
    renderPage(list.body);
    clearMessage(message);
  } catch (error) {
    showMessage(message, 'error', explain(error));
  }
}

export function initAdmin() {
  $('#admin-prev').addEventListener('click', () => {
    page = Math.max(0, page - 1);
    loadAdmin();
  });
  $('#admin-next').addEventListener('click', () => {
    page = Math.min(totalPages - 1, page + 1);
    loadAdmin();
  });
  $('#admin-size').addEventListener('change', () => {
    page = 0;
    loadAdmin();
  });
}
