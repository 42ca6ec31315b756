// Exports of what is on screen: PNG at 2× with title, as-of date and model version; JSON with the centre, as-of,
// model version and each node's class and score; CSV (UTF-8 with BOM, so Excel reads Chinese) and Excel (.xlsx,
// written by the server from the same rows) of nodes and edges, and of the alert and search lists.
import { api } from './api.js';
import { download } from './dom.js';
import { t, term } from './i18n.js';
import { industryName, regionName } from './reference.js';

const stamp = () => new Date().toISOString();

/** The PNG: the view at 2× under a band with the title, the as-of date, the model version and the export time. */
export async function exportPng(graph, meta) {
  const blob = await graph.toPngBlob();
  const image = await createImageBitmap(blob);
  const band = 96;
  const canvas = document.createElement('canvas');
  canvas.width = image.width;
  canvas.height = image.height + band;
  const g = canvas.getContext('2d');
  g.fillStyle = '#ffffff';
  g.fillRect(0, 0, canvas.width, canvas.height);
  g.fillStyle = '#1d2330';
  g.font = 'bold 32px system-ui, "Noto Sans CJK SC", sans-serif';
  g.fillText(meta.title, 24, 42);
  g.font = '22px system-ui, "Noto Sans CJK SC", sans-serif';
  g.fillStyle = '#5b6478';
  g.fillText(`${t('as_of')} ${meta.as_of ?? '—'} · ${t('model')} ${meta.model_version ?? '—'} · ${meta.exported_at}`, 24, 78);
  g.drawImage(image, 0, band);
  const png = await new Promise((resolve) => canvas.toBlob(resolve, 'image/png'));
  download(`${meta.file}.png`, png);
  return { width: canvas.width, height: canvas.height };
}

export function exportJson(graph, meta) {
  const body = { title: meta.title, centre: meta.centre, as_of: meta.as_of, model_version: meta.model_version, exported_at: meta.exported_at,
    view: meta.view, nodes: graph.visibleNodes(), edges: graph.visibleEdges() };
  download(`${meta.file}.json`, new Blob([JSON.stringify(body, null, 2)], { type: 'application/json' }));
  return body;
}

/** Node and edge tables as shown: codes and names side by side. */
export function networkSheets(graph) {
  const label = (id) => graph.cy.getElementById(id).data('label') ?? id;
  return [
    { name: 'nodes', columns: ['id', 'kind', 'label', 'industry', 'industry_name', 'region', 'region_name', 'credit_class', 'credit_class_name',
      'score', 'level', 'community', 'hops'],
    rows: graph.visibleNodes().map((n) => [n.id, n.kind, n.label, n.industry ?? null, n.industry ? industryName(n.industry) : null, n.region ?? null,
      n.region ? regionName(n.region) : null, n.credit_class, n.credit_class ? term('class', n.credit_class) : null, n.score, n.level, n.community,
      n.hops ?? null]) },
    { name: 'edges', columns: ['source', 'source_label', 'type', 'type_name', 'target', 'target_label', 'share', 'amount_cny', 'title'],
      rows: graph.visibleEdges().map((e) => [e.source, label(e.source), e.type, term('rel', e.type), e.target, label(e.target), e.share, e.amount, e.title]) },
  ];
}

/** Rows of enterprise summaries (search results, alert sources and targets). */
export function summarySheet(name, items) {
  return { name, columns: ['uscc', 'name', 'industry', 'industry_name', 'region', 'region_name', 'credit_class', 'score', 'level'],
    rows: items.map((e) => [e.uscc, e.name, e.industry, industryName(e.industry), e.region, regionName(e.region), e.credit_class, e.score ?? null,
      e.level ?? null]) };
}

export function alertSheet(alerts) {
  return { name: 'alerts', columns: ['uscc', 'name', 'industry_name', 'region_name', 'score', 'level', 'credit_class', 'kind', 'target_uscc',
    'target_name', 'target_credit_class', 'crossed_industries', 'crossed_regions', 'path'],
  rows: alerts.map((a) => [a.uscc, a.name, industryName(a.industry), regionName(a.region), a.score ?? null, a.level ?? null, a.credit_class, a.kind,
    a.target.uscc, a.target.name, a.target.credit_class, (a.crossed_industries ?? []).map(industryName).join(' → '),
    (a.crossed_regions ?? []).map(regionName).join(' → '), a.path.nodes.map((n) => n.label).join(' → ')]) };
}

const csvCell = (value) => {
  if (value == null) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

export function toCsv(sheet) {
  return '\uFEFF' + [sheet.columns, ...sheet.rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

export function exportCsv(sheets, file) {
  for (const sheet of sheets) download(`${file}-${sheet.name}.csv`, new Blob([toCsv(sheet)], { type: 'text/csv;charset=utf-8' }));
}

export async function exportXlsx(sheets, meta) {
  const metaLines = { exported_at: meta.exported_at ?? stamp() };
  for (const key of ['centre', 'as_of', 'model_version']) if (meta[key]) metaLines[key] = String(meta[key]);
  for (const [key, value] of Object.entries(meta.view ?? {})) metaLines[key] = String(value);
  const blob = await api.xlsx({ title: meta.title, meta: metaLines, sheets });
  download(`${meta.file}.xlsx`, blob);
}

export { stamp };
