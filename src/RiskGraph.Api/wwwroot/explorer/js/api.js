// Calls to the RiskGraph API. Every call goes to the same origin the page came from.
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail ?? problem?.title ?? `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
  }
}

async function request(path, options) {
  const response = await fetch(path, { headers: { 'Accept': 'application/json', 'X-Requester': 'explorer' }, ...options });
  const body = response.headers.get('content-type')?.includes('json') ? await response.json() : null;
  if (!response.ok) throw new ApiError(response.status, body);
  return body;
}

const q = encodeURIComponent;

export const api = {
  search: (query, page = 1, pageSize = 20) => request(`/api/enterprises?query=${q(query)}&page=${page}&page_size=${pageSize}`),
  network: (uscc, depth = 1, maxNodes = 200) => request(`/api/enterprises/${q(uscc)}/network?depth=${depth}&max_nodes=${maxNodes}`),
  warning: (uscc) => request(`/api/enterprises/${q(uscc)}/warning`),
  credit: (uscc) => request(`/api/enterprises/${q(uscc)}/credit`),
  controllers: (uscc) => request(`/api/enterprises/${q(uscc)}/controllers`),
  alerts: (kind, top = 20) => request(`/api/alerts?kind=${q(kind)}&top=${top}`),
};
