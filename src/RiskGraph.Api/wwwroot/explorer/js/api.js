// Calls to the RiskGraph API. Every call goes to the same origin the page came from, with the analyst's API key and
// the purpose of the query (both kept in sessionStorage for this tab only, never in the page's URL or localStorage).
import { t } from './i18n.js';

export class ApiError extends Error {
  constructor(status, problem) {
    super(explain(status, problem));
    this.status = status;
    this.problem = problem;
  }
}

const KEY = 'riskgraph.apiKey';
const PURPOSE = 'riskgraph.purpose';
export const PURPOSES = ['supervision', 'credit_check', 'loan_review', 'research'];

export const credentials = {
  key: () => sessionStorage.getItem(KEY) ?? '',
  purpose: () => sessionStorage.getItem(PURPOSE) ?? PURPOSES[0],
  save(key, purpose) {
    sessionStorage.setItem(KEY, key.trim());
    sessionStorage.setItem(PURPOSE, purpose);
  },
};

// Plain words for the answers an analyst can act on: no key, a refused key, a key whose role may not do this.
function explain(status, problem) {
  const detail = problem?.detail ?? problem?.title ?? `HTTP ${status}`;
  if (status === 401) return credentials.key() ? t('key.refused') + detail : t('key.missing');
  if (status === 403) return t('key.role') + detail;
  if (status === 429) return t('key.rate');
  return detail;
}

async function request(path, options = {}, asBlob = false) {
  const headers = { 'Accept': 'application/json', 'X-Purpose': credentials.purpose(), ...(options.headers ?? {}) };
  if (credentials.key()) headers['X-Api-Key'] = credentials.key();
  const response = await fetch(path, { ...options, headers });
  const json = response.headers.get('content-type')?.includes('json');
  const body = json ? await response.json() : response.ok && asBlob ? await response.blob() : null;
  if (!response.ok) {
    const error = new ApiError(response.status, body);
    if (response.status === 401 || response.status === 403) window.dispatchEvent(new CustomEvent('riskgraph:access', { detail: error }));
    throw error;
  }
  return body;
}

const q = encodeURIComponent;

export const api = {
  search: (query, page = 1, pageSize = 20) => request(`/api/enterprises?query=${q(query)}&page=${page}&page_size=${pageSize}`),
  network: (uscc, depth = 1, maxNodes = 200) => request(`/api/enterprises/${q(uscc)}/network?depth=${depth}&max_nodes=${maxNodes}`),
  warning: (uscc) => request(`/api/enterprises/${q(uscc)}/warning`),
  credit: (uscc) => request(`/api/enterprises/${q(uscc)}/credit`),
  controllers: (uscc) => request(`/api/enterprises/${q(uscc)}/controllers`),
  alerts: (kind, top = 20, region = '') => request(`/api/alerts?kind=${q(kind)}&top=${top}${region ? `&region=${q(region)}` : ''}`),
  explanation: (uscc) => request(`/api/enterprises/${q(uscc)}/explanation`),
  exposure: (uscc, hops = 2) => request(`/api/enterprises/${q(uscc)}/exposure?hops=${hops}`),
  community: (uscc) => request(`/api/enterprises/${q(uscc)}/community`),
  /** An .xlsx workbook of the given sheets, written by the server (POST /api/exports/xlsx). */
  xlsx: (body) => request('/api/exports/xlsx', { method: 'POST', body: JSON.stringify(body), headers: { 'Content-Type': 'application/json' } }, true),
  // Any GET on the same origin with the tab's key and purpose (the risk-pattern views build their own paths).
  get: (path) => request(path),
};
