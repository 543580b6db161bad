// Đăng ký thi đua: for one plan and period, every unit and person that competes, registered on
// time, late or not at all against the plan's deadline; the board as a workbook, and each unit's
// registration form.
import { html, useState } from '../vendor/htm-preact.js';
import { api, enc } from '../api.js';
import { ErrorBox } from '../ui.js';
import { formatDate } from '../i18n.js';
import { Loaded, PageTitle, useLoad } from '../ui.js';
import { evaluationHref } from './common.js';
import { PeriodDocuments, UnitDocuments } from './documents.js';

const statusText = {
  on_time: { text: 'Đúng hạn', mark: '✓', cls: 'eligible' },
  late: { text: 'Trễ hạn', mark: '!', cls: 'incomplete' },
  missing: { text: 'Chưa đăng ký', mark: '✗', cls: 'ineligible' },
  registered: { text: 'Đã đăng ký', mark: '✓', cls: 'eligible' },
  late_accepted: { text: 'Trễ hạn, được chấp nhận', mark: '✓', cls: 'eligible' },
};

const editors = ['noi-vu', 'quan-tri'];

// "Đăng ký" for a subject not yet registered (a unit officer for their own rows, Home Affairs for
// any), and for a late one Home Affairs' decision with its reason.
function RowActions({ plan, period, row, user, onChanged }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState(null);
  const [reason, setReason] = useState('');
  const target = { period, subject_kind: row.kind, subject_id: row.id };
  const run = async (fn) => {
    setBusy(true);
    setError(null);
    try {
      await fn();
      onChanged();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const canRegister = user.role === 'don-vi' || editors.includes(user.role);
  const decide = (accept) => run(() => api.post(`/plans/${enc(plan)}/registrations/decision`, { ...target, accept, reason }));
  return html`<div class="row-actions">
    ${row.status === 'missing' && canRegister && html`<button type="button" disabled=${busy} data-testid=${`register-${row.id}`}
      onClick=${() => run(() => api.post(`/plans/${enc(plan)}/registrations`, target))}>Đăng ký<span class="sr-only"> — ${row.name}</span></button>`}
    ${(row.entry?.late || row.status === 'late') && editors.includes(user.role) && html`<div class="decision" data-testid=${`decide-${row.id}`}>
      <label>Lý do <input value=${reason} onInput=${(e) => setReason(e.target.value)} data-testid=${`reason-${row.id}`} /></label>
      <button type="button" disabled=${busy || !reason.trim()} onClick=${() => decide(true)} data-testid=${`accept-${row.id}`}>Chấp nhận</button>
      <button type="button" disabled=${busy || !reason.trim()} onClick=${() => decide(false)}>Không chấp nhận</button></div>`}
    ${row.entry?.decision && html`<small class="muted">${row.entry.decision === 'accepted' ? 'Đã chấp nhận' : 'Không chấp nhận'} (${row.entry.decided_by}): ${row.entry.reason}</small>`}
    <${ErrorBox} error=${error} />
  </div>`;
}

function Counts({ counts }) {
  return Object.entries(statusText).filter(([s]) => counts[s]).map(([s, v]) => `${counts[s]} ${v.text.toLowerCase()}`).join(', ');
}

export function RegistrationsPage({ params, user }) {
  const { plan, period } = params;
  const [filter, setFilter] = useState('');
  const state = useLoad(() => api.get(`/plans/${enc(plan)}/registrations`, { period }), [plan, period]);
  return html`<${PageTitle}>Đăng ký thi đua — ${period}<//>
    <p><a href=${`#/ke-hoach/${enc(plan)}`}>← ${plan}</a>${' · '}<a href=${evaluationHref(plan, period)}>Kết quả xét</a>${' · '}<a href=${`#/ho-so/${enc(plan)}/${enc(period)}`} data-testid="dossiers-link">Hồ sơ khen thưởng</a></p>
    <${Loaded} state=${state}>${(b) => html`
      ${!b.plan_has_registration && html`<p class="muted" role="note">Kế hoạch này không yêu cầu đăng ký thi đua.</p>`}
      ${b.plan_has_registration && !b.data_has_registrations && html`<p class="muted" role="note">Dữ liệu chưa có danh sách đăng ký (registrations).</p>`}
      ${b.deadline && html`<p>Hạn đăng ký: <strong>${formatDate(b.deadline)}</strong>. <${Counts} counts=${b.totals} />.</p>`}
      ${b.deadline && b.today > b.deadline && html`<p class="muted" role="note">Đã quá hạn: đăng ký bây giờ được ghi là trễ hạn và chỉ được tính khi Sở Nội vụ chấp nhận (có lý do).</p>`}
      <${PeriodDocuments} plan=${plan} period=${period} only=${['bang-dang-ky']} />
      ${b.rows.length > 0 && html`<section class="card" aria-labelledby="reg-list"><h2 id="reg-list">Danh sách</h2>
        <label>Lọc theo tình trạng <select value=${filter} onChange=${(e) => setFilter(e.target.value)} data-testid="reg-filter">
          <option value="">tất cả</option>${Object.entries(statusText).map(([s, v]) => html`<option key=${s} value=${s}>${v.text}</option>`)}
        </select></label>
        <div class="scroll"><table class="table" data-testid="registrations">
          <thead><tr><th scope="col">Đơn vị / cá nhân</th><th scope="col">Ngày đăng ký</th><th scope="col">Tình trạng</th><th scope="col">Thao tác</th><th scope="col">Văn bản</th></tr></thead>
          <tbody>${b.rows.filter((r) => !filter || r.status === filter).map((r) => {
            const s = statusText[r.status] || statusText.missing;
            return html`<tr key=${r.kind + r.id} data-testid=${`reg-${r.id}`}>
              <th scope="row">${r.name}${r.kind === 'person' && r.unit_name ? html` <small class="muted">(${r.unit_name})</small>` : ''}</th>
              <td class="nowrap">${r.registered_on ? formatDate(r.registered_on) : '—'}</td>
              <td><span class=${'status ' + s.cls}>${s.mark} ${s.text}</span>
                ${r.entry && html`<br /><small class="muted">qua ứng dụng, ${r.entry.registered_by}</small>`}</td>
              <td><${RowActions} plan=${plan} period=${period} row=${r} user=${user} onChanged=${state.reload} /></td>
              <td>${r.kind === 'unit' ? html`<${UnitDocuments} plan=${plan} period=${period} unit=${r.id} />` : ''}</td>
            </tr>`;
          })}</tbody>
        </table></div></section>`}`}<//>`;
}
