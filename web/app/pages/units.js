// Đơn vị: the unit tree (expand / collapse) and a search box; the server matches without case
// or diacritics (?q=).
import { html, useState, useEffect } from '../vendor/htm-preact.js';
import { api, enc } from '../api.js';
import { unitTypes, label } from '../i18n.js';
import { Loaded, PageTitle, useLoad } from '../ui.js';

function useDebounced(value, ms) {
  const [v, setV] = useState(value);
  useEffect(() => {
    const id = setTimeout(() => setV(value), ms);
    return () => clearTimeout(id);
  }, [value]);
  return v;
}

function UnitLink({ unit }) {
  return html`<a href=${`#/don-vi/${enc(unit.id)}`}>${unit.name || unit.id}</a>
    <small class="muted"> · ${label(unitTypes, unit.type)}</small>`;
}

function TreeNode({ node, depth, expanded, toggle }) {
  const kids = node.children || [];
  const open = expanded.has(node.id);
  return html`<li
      data-testid=${`unit-${node.id}`}>
    <div class="tree-row">
      ${kids.length ? html`<button type="button" class="expander" aria-expanded=${String(open)}
          aria-label=${`${open ? 'Thu gọn' : 'Mở'} ${node.name}`} onClick=${() => toggle(node.id)}
          data-testid=${`unit-toggle-${node.id}`}>${open ? '−' : '+'}</button>`
        : html`<span class="expander-space" aria-hidden="true"></span>`}
      <${UnitLink} unit=${node} />
      ${kids.length ? html`<small class="muted"> (${kids.length})</small>` : ''}
    </div>
    ${open && kids.length ? html`<ul>${kids.map((k) => html`<${TreeNode} key=${k.id} node=${k}
      depth=${depth + 1} expanded=${expanded} toggle=${toggle} />`)}</ul>` : ''}
  </li>`;
}

function Tree() {
  const state = useLoad(() => api.get('/units/tree'), []);
  const [expanded, setExpanded] = useState(() => new Set());
  const toggle = (id) => {
    const next = new Set(expanded);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setExpanded(next);
  };
  const all = (roots) => {
    const ids = new Set();
    const walk = (n) => {
      if (n.children?.length) ids.add(n.id);
      (n.children || []).forEach(walk);
    };
    roots.forEach(walk);
    return ids;
  };
  return html`<${Loaded} state=${state}>${(roots) => html`
    <div class="toolbar">
      <button type="button" onClick=${() => setExpanded(all(roots))}>Mở tất cả</button>
      <button type="button" onClick=${() => setExpanded(new Set())}>Thu gọn tất cả</button>
    </div>
    ${roots.length ? html`<ul class="tree" aria-label="Cây đơn vị" data-testid="unit-tree">
      ${roots.map((r) => html`<${TreeNode} key=${r.id} node=${r} depth=${1} expanded=${expanded} toggle=${toggle} />`)}
    </ul>` : html`<p class="muted">Chưa có đơn vị nào.</p>`}`}<//>`;
}

function Results({ q }) {
  const state = useLoad(() => api.get('/units', { q, limit: 200 }), [q]);
  return html`<${Loaded} state=${state}>${(units) => units.length ? html`
    <p class="muted" role="status">${units.length} đơn vị</p>
    <table class="table" data-testid="unit-results">
      <thead><tr><th scope="col">Đơn vị</th><th scope="col">Loại</th><th scope="col">Trực thuộc</th></tr></thead>
      <tbody>${units.map((u) => html`<tr key=${u.id} data-testid=${`unit-${u.id}`}>
        <td><a href=${`#/don-vi/${enc(u.id)}`}>${u.name}</a></td>
        <td>${label(unitTypes, u.type)}</td>
        <td>${u.parent ? html`<a href=${`#/don-vi/${enc(u.parent)}`}>${u.parent_name || u.parent}</a>` : ''}</td>
      </tr>`)}</tbody>
    </table>` : html`<p class="muted" role="status">Không tìm thấy đơn vị nào.</p>`}<//>`;
}

export function UnitsPage() {
  const [q, setQ] = useState('');
  const query = useDebounced(q.trim(), 250);
  return html`<${PageTitle}>Đơn vị<//>
    <form class="search" role="search" onSubmit=${(e) => e.preventDefault()}>
      <label for="unit-q">Tìm đơn vị (không cần gõ dấu)</label>
      <input id="unit-q" type="search" value=${q} onInput=${(e) => setQ(e.target.value)}
        placeholder="ví dụ: so noi vu" data-testid="unit-search" />
    </form>
    ${query ? html`<${Results} q=${query} />` : html`<${Tree} />`}`;
}
