// Cá nhân: people, searched by name without case or diacritics (?q=), optionally in one unit.
import { html, useEffect, useState } from '../vendor/htm-preact.js';
import { api, enc } from '../api.js';
import { genders, label } from '../i18n.js';
import { Loaded, PageTitle, useLoad } from '../ui.js';

export function PeoplePage({ query }) {
  const [q, setQ] = useState(query.q || '');
  const [debounced, setDebounced] = useState(q);
  useEffect(() => {
    const id = setTimeout(() => setDebounced(q.trim()), 250);
    return () => clearTimeout(id);
  }, [q]);
  const unit = query.unit || '';
  const state = useLoad(() => api.get('/people', { q: debounced, unit, limit: 200 }), [debounced, unit]);

  return html`<${PageTitle}>Cá nhân<//>
    <form class="search" role="search" onSubmit=${(e) => e.preventDefault()}>
      <label for="people-q">Tìm theo họ tên (không cần gõ dấu)</label>
      <input id="people-q" type="search" value=${q} onInput=${(e) => setQ(e.target.value)} data-testid="people-search" />
    </form>
    ${unit && html`<p>Chỉ trong đơn vị ${unit}. <a href="#/ca-nhan">Bỏ lọc</a></p>`}
    <${Loaded} state=${state}>${(people) => people.length ? html`
      <p class="muted" role="status">${people.length >= 200 ? 'Hơn 200 người, hãy tìm cụ thể hơn' : `${people.length} người`}</p>
      <div class="scroll"><table class="table" data-testid="people-table">
        <thead><tr><th scope="col">Họ và tên</th><th scope="col">Đơn vị</th><th scope="col">Chức vụ</th><th scope="col">Giới tính</th></tr></thead>
        <tbody>${people.map((p) => html`<tr key=${p.id} data-testid=${`person-${p.id}`}>
          <td>${p.name}</td>
          <td>${p.unit ? html`<a href=${`#/don-vi/${enc(p.unit)}`}>${p.unit_name || p.unit}</a>` : ''}</td>
          <td>${p.position || ''}</td><td>${label(genders, p.gender)}</td></tr>`)}</tbody>
      </table></div>` : html`<p class="muted" role="status">Không tìm thấy ai.</p>`}<//>`;
}
