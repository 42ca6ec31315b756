// Deep links: /explorer/?uscc=…&depth=…&max_nodes=…&colour=… opens that view; every opened view is a history
// entry, so the browser's back button walks the analyst's steps; "copy link" puts the current view's address on the
// clipboard. The API key never goes into the address (it stays in sessionStorage).
export const DEFAULT_VIEW = { depth: 2, max_nodes: 300, colour: 'class' };
const LIMITS = { depth: [1, 3], max_nodes: [1, 5000] };

const clamp = (value, [low, high], fallback) => {
  const n = Number.parseInt(value, 10);
  return Number.isFinite(n) ? Math.min(high, Math.max(low, n)) : fallback;
};

/** The view named by an address (the current one by default); uscc is null when none is named. */
export function readView(search = location.search) {
  const p = new URLSearchParams(search);
  const uscc = (p.get('uscc') ?? '').trim().toUpperCase();
  return {
    uscc: /^[0-9A-Z]{18}$/.test(uscc) ? uscc : null,
    depth: clamp(p.get('depth'), LIMITS.depth, DEFAULT_VIEW.depth),
    max_nodes: clamp(p.get('max_nodes'), LIMITS.max_nodes, DEFAULT_VIEW.max_nodes),
    colour: p.get('colour') === 'level' ? 'level' : 'class',
  };
}

export function viewUrl(view) {
  const p = new URLSearchParams(location.search);
  for (const key of ['uscc', 'depth', 'max_nodes', 'colour']) {
    if (view[key] == null) p.delete(key); else p.set(key, String(view[key]));
  }
  return `${location.pathname}?${p.toString()}`;
}

/** Records a view as a new history entry (or replaces the current one), unless it is already the current one. */
export function recordView(view, replace = false) {
  const url = viewUrl(view);
  if (url === `${location.pathname}${location.search}`) return;
  if (replace) history.replaceState(view, '', url); else history.pushState(view, '', url);
}

export function onViewChange(handler) {
  window.addEventListener('popstate', () => handler(readView()));
}

export async function copyLink() {
  const url = location.href;
  try {
    await navigator.clipboard.writeText(url);
  } catch {
    // Without clipboard permission (plain http, some browsers) the address is selected in a prompt instead.
    window.prompt('', url);
  }
  return url;
}
