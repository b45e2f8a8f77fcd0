/**
 * Renders the OpenAPI document as a readable HTML reference, on the server, with no third-party
 * script or CDN: the page must work offline and under our CSP (styles come from docs.css).
 */
type Json = Record<string, unknown>;

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch] ?? ch);
}

function resolveRef(doc: Json, schema: unknown): Json {
  let current = schema as Json | undefined;
  for (let depth = 0; current && typeof current.$ref === 'string' && depth < 10; depth++) {
    current = (current.$ref as string)
      .replace(/^#\//, '')
      .split('/')
      .reduce<unknown>((node, key) => (node as Json | undefined)?.[key], doc) as Json | undefined;
  }
  return current ?? {};
}

function schemaName(schema: unknown): string | undefined {
  const ref = (schema as Json | undefined)?.$ref;
  return typeof ref === 'string' ? ref.split('/').at(-1) : undefined;
}

function renderSchema(doc: Json, schema: unknown): string {
  const name = schemaName(schema);
  const resolved = resolveRef(doc, schema);
  const body = escapeHtml(JSON.stringify(resolved, null, 2));
  return `${name ? `<p class="schema-name"><a href="#schema-${escapeHtml(name)}">${escapeHtml(name)}</a></p>` : ''}<pre><code>${body}</code></pre>`;
}

function renderOperation(doc: Json, path: string, method: string, operation: Json): string {
  const id = `${method}-${path}`.replace(/[^a-z0-9]+/gi, '-');
  const secured = Array.isArray(operation.security) && operation.security.length > 0;
  const requestSchema = ((operation.requestBody as Json | undefined)?.content as Json | undefined)?.['application/json'] as Json | undefined;
  const responses = Object.entries((operation.responses as Json | undefined) ?? {}).map(([status, response]) => {
    const r = response as Json;
    const schema = ((r.content as Json | undefined)?.['application/json'] as Json | undefined)?.schema;
    return `<li><span class="status status-${escapeHtml(status[0] ?? '')}">${escapeHtml(status)}</span> ${escapeHtml(String(r.description ?? ''))}${
      schema ? ` — ${schemaName(schema) ? `<a href="#schema-${escapeHtml(schemaName(schema)!)}">${escapeHtml(schemaName(schema)!)}</a>` : 'JSON'}` : ''
    }</li>`;
  });
  return `<section class="operation" id="${id}" aria-labelledby="${id}-title">
  <h3 id="${id}-title"><span class="method method-${method}">${method.toUpperCase()}</span> <code>${escapeHtml(path)}</code>${
    secured ? ' <span class="lock" title="Requires Authorization: Bearer">bearer</span>' : ''
  }</h3>
  ${operation.summary ? `<p class="summary">${escapeHtml(String(operation.summary))}</p>` : ''}
  ${operation.description ? `<p>${escapeHtml(String(operation.description))}</p>` : ''}
  ${requestSchema?.schema ? `<h4>Request body</h4>${renderSchema(doc, requestSchema.schema)}` : ''}
  <h4>Responses</h4><ul class="responses">${responses.join('')}</ul>
</section>`;
}

export function renderApiDocs(doc: Json): string {
  const info = (doc.info as Json | undefined) ?? {};
  const paths = Object.entries((doc.paths as Json | undefined) ?? {});
  const byTag = new Map<string, string[]>();
  for (const [path, item] of paths) {
    for (const method of METHODS) {
      const operation = (item as Json)[method] as Json | undefined;
      if (!operation) continue;
      const tag = (operation.tags as string[] | undefined)?.[0] ?? 'other';
      byTag.set(tag, [...(byTag.get(tag) ?? []), renderOperation(doc, path, method, operation)]);
    }
  }
  const schemas = Object.entries(((doc.components as Json | undefined)?.schemas as Json | undefined) ?? {});
  const toc = [...byTag.keys()].map((tag) => `<li><a href="#tag-${escapeHtml(tag)}">${escapeHtml(tag)}</a></li>`).join('');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(String(info.title ?? 'API'))} — API reference</title>
<link rel="stylesheet" href="/api/docs/docs.css">
</head>
<body>
<header><h1>${escapeHtml(String(info.title ?? 'API'))} <small>v${escapeHtml(String(info.version ?? ''))}</small></h1>
<p>${escapeHtml(String(info.description ?? ''))}</p>
<p>Machine-readable: <a href="/api/openapi.json">/api/openapi.json</a> (OpenAPI ${escapeHtml(String(doc.openapi ?? ''))})</p>
<nav aria-label="Sections"><ul>${toc}<li><a href="#schemas">schemas</a></li></ul></nav></header>
<main>
${[...byTag.entries()].map(([tag, operations]) => `<h2 id="tag-${escapeHtml(tag)}">${escapeHtml(tag)}</h2>${operations.join('\n')}`).join('\n')}
<h2 id="schemas">Schemas</h2>
${schemas.map(([name, schema]) => `<section class="schema" id="schema-${escapeHtml(name)}"><h3>${escapeHtml(name)}</h3><pre><code>${escapeHtml(JSON.stringify(schema, null, 2))}</code></pre></section>`).join('\n')}
</main>
</body>
</html>`;
}

export const API_DOCS_CSS = `
:root { color-scheme: light dark; --bg: #fbfaf7; --fg: #1d1b22; --muted: #5d5a66; --card: #fff; --line: #e3e0ea; --accent: #6b3fd4; }
@media (prefers-color-scheme: dark) { :root { --bg: #141218; --fg: #ece9f2; --muted: #a9a4b5; --card: #1e1b24; --line: #2e2a36; --accent: #b59cff; } }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.5 system-ui, sans-serif; background: var(--bg); color: var(--fg); }
header, main { max-width: 960px; margin: 0 auto; padding: 1rem; }
h1 small { color: var(--muted); font-weight: 400; font-size: 0.6em; }
nav ul { display: flex; flex-wrap: wrap; gap: 0.75rem; padding: 0; list-style: none; }
a { color: var(--accent); }
.operation, .schema { background: var(--card); border: 1px solid var(--line); border-radius: 10px; padding: 0.75rem 1rem; margin: 0.75rem 0; }
.operation h3 { margin: 0; font-size: 1rem; display: flex; gap: 0.5rem; align-items: center; flex-wrap: wrap; }
.method { font: 700 0.75rem/1 ui-monospace, monospace; padding: 0.3rem 0.5rem; border-radius: 6px; color: #fff; background: #555; }
.method-get { background: #1f7a4d; } .method-post { background: #2456b3; } .method-put { background: #8a5a00; } .method-delete { background: #b3243b; }
.lock { font-size: 0.75rem; color: var(--muted); border: 1px solid var(--line); border-radius: 6px; padding: 0.1rem 0.4rem; }
.summary { font-weight: 600; }
pre { overflow: auto; background: var(--bg); border: 1px solid var(--line); border-radius: 8px; padding: 0.75rem; font-size: 0.85rem; }
.responses { padding-left: 1.2rem; }
.status { font-family: ui-monospace, monospace; font-weight: 700; }
.status-2 { color: #1f7a4d; } .status-4 { color: #b3243b; } .status-5 { color: #b3243b; }
`;
