// Đăng ký thi đua: for one plan and period, every unit and person that competes, registered on
// time, late or not at all against the plan's deadline; the board as a workbook, and each unit's
// registration form.
import { html, useState } from '../vendor/htm-preact.js';
import { api, enc } from '../api.js';
import { formatDate } from '../i18n.js';
import { Loaded, PageTitle, useLoad } from '../ui.js';
import { evaluationHref } from './common.js';
import { PeriodDocuments, UnitDocuments } from './documents.js';

const statusText = {
  on_time: { text: 'Đúng hạn', mark: '✓', cls: 'eligible' },
  late: { text: 'Trễ hạn', mark: '!', cls: 'incomplete' },
  missing: { text: 'Chưa đăng ký', mark: '✗', cls: 'ineligible' },
  registered: { text: 'Đã đăng ký', mark: '✓', cls: 'eligible' },
};

function Counts({ counts }) {
  return Object.entries(statusText).filter(([s]) => counts[s]).map(([s, v]) => `${counts[s]} ${v.text.toLowerCase()}`).join(', ');
}

export function RegistrationsPage({ params }) {
  const { plan, period } = params;
  const [filter, setFilter] = useState('');
  const state = useLoad(() => api.get(`/plans/${enc(plan)}/registrations`, { period }), [plan, period]);
  return html`<${PageTitle}>Đăng ký thi đua — ${period}<//>
    <p><a href=${`#/ke-hoach/${enc(plan)}`}>← ${plan}</a>${' · '}<a href=${evaluationHref(plan, period)}>Kết quả xét</a></p>
    <${Loaded} state=${state}>${(b) => html`
      ${!b.plan_has_registration && html`<p class="muted" role="note">Kế hoạch này không yêu cầu đăng ký thi đua.</p>`}
      ${b.plan_has_registration && !b.data_has_registrations && html`<p class="muted" role="note">Dữ liệu chưa có danh sách đăng ký (registrations).</p>`}
      ${b.deadline && html`<p>Hạn đăng ký: <strong>${formatDate(b.deadline)}</strong>. <${Counts} counts=${b.totals} />.</p>`}
      <${PeriodDocuments} plan=${plan} period=${period} only=${['bang-dang-ky']} />
      ${b.rows.length > 0 && html`<section class="card" aria-labelledby="reg-list"><h2 id="reg-list">Danh sách</h2>
        <label>Lọc theo tình trạng <select value=${filter} onChange=${(e) => setFilter(e.target.value)} data-testid="reg-filter">
          <option value="">tất cả</option>${Object.entries(statusText).map(([s, v]) => html`<option key=${s} value=${s}>${v.text}</option>`)}
        </select></label>
        <div class="scroll"><table class="table" data-testid="registrations">
          <thead><tr><th scope="col">Đơn vị / cá nhân</th><th scope="col">Ngày đăng ký</th><th scope="col">Tình trạng</th><th scope="col">Văn bản</th></tr></thead>
          <tbody>${b.rows.filter((r) => !filter || r.status === filter).map((r) => {
            const s = statusText[r.status] || statusText.missing;
            return html`<tr key=${r.kind + r.id} data-testid=${`reg-${r.id}`}>
              <th scope="row">${r.name}${r.kind === 'person' && r.unit_name ? html` <small class="muted">(${r.unit_name})</small>` : ''}</th>
              <td class="nowrap">${r.registered_on ? formatDate(r.registered_on) : '—'}</td>
              <td><span class=${'status ' + s.cls}>${s.mark} ${s.text}</span></td>
              <td>${r.kind === 'unit' ? html`<${UnitDocuments} plan=${plan} period=${period} unit=${r.id} />` : ''}</td>
            </tr>`;
          })}</tbody>
        </table></div></section>`}`}<//>`;
}
