// Hồ sơ khen thưởng: the dossiers of a plan's period, one per selected candidate. The board
// (#/ho-so/PLAN/PERIOD) shows status, completeness and lateness with filters; a dossier's page
// (#/ho-so/PLAN/PERIOD/AWARD/SUBJECT) lists the plan's required documents with their files, an
// upload per document, the history with authors and reasons, and the steps the user's role may
// take. What is allowed is decided by the server; the page only shows what it answers.
import { html, useState } from '../vendor/htm-preact.js';
import { api, enc, request } from '../api.js';
import { ErrorBox, Loaded, PageTitle, useLoad } from '../ui.js';
import { formatDate } from '../i18n.js';
import { evaluationHref } from './common.js';
import { PeriodDocuments } from './documents.js';

const statusClass = {
  draft: 'incomplete',
  submitted: 'eligible',
  returned: 'ineligible',
  accepted: 'eligible',
  proposed: 'eligible',
  decided: 'eligible',
};

const stepText = {
  submitted: 'Nộp hồ sơ',
  returned: 'Trả lại',
  accepted: 'Tiếp nhận',
  proposed: 'Trình Hội đồng',
  decided: 'Ghi quyết định khen thưởng',
};

export function dossiersHref(plan, period) {
  return `#/ho-so/${enc(plan)}/${enc(period)}`;
}

function dossierHref(plan, period, row) {
  return `${dossiersHref(plan, period)}/${enc(row.award)}/${enc(row.subject_id)}`;
}

function dossierPath(plan, award, subject) {
  return `/plans/${enc(plan)}/dossiers/${enc(award)}/${enc(subject)}`;
}

function StatusBadge({ row }) {
  return html`<span class=${'status ' + (statusClass[row.status] || '')} data-testid="dossier-status">${row.status_label}</span>`;
}

function Badges({ row }) {
  return html`${row.complete
      ? html`<span class="badge dossier-ok" data-testid="dossier-complete">Đủ giấy tờ</span>`
      : html`<span class="badge dossier-bad" data-testid="dossier-incomplete">Thiếu ${row.missing.length} giấy tờ</span>`}
    ${row.late && html` <span class="badge dossier-bad" data-testid="dossier-late">Trễ hạn</span>`}`;
}

export function DossiersPage({ params }) {
  const { plan, period } = params;
  const [status, setStatus] = useState('');
  const [only, setOnly] = useState('');
  const state = useLoad(() => api.get(`/plans/${enc(plan)}/dossiers`, { period }), [plan, period]);
  const keep = (r) => (!status || r.status === status) && (!only || (only === 'late' ? r.late : only === 'incomplete' ? !r.complete : r.complete));
  return html`<${PageTitle}>Hồ sơ khen thưởng — ${period}<//>
    <p><a href=${`#/ke-hoach/${enc(plan)}`}>← ${plan}</a>${' · '}<a href=${evaluationHref(plan, period)}>Kết quả xét</a>${' · '}
      <a href=${`#/dang-ky/${enc(plan)}/${enc(period)}`}>Đăng ký thi đua</a></p>
    <${Loaded} state=${state}>${(b) => html`
      <p data-testid="dossier-totals">${b.totals.dossiers} hồ sơ: ${b.totals.complete} đủ giấy tờ, ${b.totals.late} trễ hạn.
        ${b.statuses.filter((s) => b.totals.by_status[s.id]).map((s) => html` ${s.label}: ${b.totals.by_status[s.id]}.`)}</p>
      <${PeriodDocuments} plan=${plan} period=${period} only=${['bang-ho-so']} />
      <section class="card" aria-labelledby="dossier-list"><h2 id="dossier-list">Danh sách hồ sơ</h2>
        ${b.rows.length === 0 && html`<p class="muted" role="note">Kỳ này chưa có ứng viên được chọn, nên chưa có hồ sơ.</p>`}
        ${b.rows.length > 0 && html`<div class="doc-options">
          <label>Trạng thái <select value=${status} onChange=${(e) => setStatus(e.target.value)} data-testid="dossier-filter-status">
            <option value="">tất cả</option>${b.statuses.map((s) => html`<option key=${s.id} value=${s.id}>${s.label}</option>`)}
          </select></label>
          <label>Giấy tờ, hạn nộp <select value=${only} onChange=${(e) => setOnly(e.target.value)} data-testid="dossier-filter-state">
            <option value="">tất cả</option><option value="complete">đủ giấy tờ</option><option value="incomplete">còn thiếu</option><option value="late">trễ hạn</option>
          </select></label></div>
        <div class="scroll"><table class="table" data-testid="dossiers">
          <thead><tr><th scope="col">Đơn vị / cá nhân</th><th scope="col">Hình thức</th><th scope="col">Hạn nộp</th><th scope="col">Trạng thái</th><th scope="col">Giấy tờ</th><th scope="col">Tệp</th></tr></thead>
          <tbody>${b.rows.filter(keep).map((r) => html`<tr key=${r.award + '/' + r.subject_id} data-testid=${`dossier-${r.award}-${r.subject_id}`}>
            <th scope="row"><a href=${dossierHref(plan, period, r)} data-testid=${`dossier-link-${r.award}-${r.subject_id}`}>${r.name}</a>
              ${r.subject_kind === 'person' && r.unit_name ? html` <small class="muted">(${r.unit_name})</small>` : ''}</th>
            <td>${r.award_name}</td>
            <td class="nowrap">${r.due ? formatDate(r.due) : html`<small class="muted">${r.due_note || '—'}</small>`}</td>
            <td><${StatusBadge} row=${r} />${r.decision_number && html`<br /><small>QĐ ${r.decision_number}, ${formatDate(r.decision_date)}</small>`}</td>
            <td><${Badges} row=${r} />${r.missing.length > 0 && html`<br /><small class="muted">${r.missing.map((m) => m.name).join('; ')}</small>`}</td>
            <td>${r.uploads}</td></tr>`)}</tbody>
        </table></div>`}
      </section>`}<//>`;
}

function UploadForm({ plan, period, award, subject, document, limit, onDone }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState(null);
  const submit = async (e) => {
    e.preventDefault();
    const input = e.target.elements.file;
    const file = input.files?.[0];
    if (!file) return;
    if (file.size > limit) {
      setError(new Error(`Tệp lớn quá: mỗi tệp tối đa ${Math.floor(limit / 1048576)} MB`));
      return;
    }
    const data = new FormData();
    data.append('file', file, file.name);
    setBusy(true);
    setError(null);
    try {
      await request('POST', `${dossierPath(plan, award, subject)}/uploads`, { body: data, query: { period, document } });
      input.value = '';
      onDone();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return html`<form class="upload" onSubmit=${submit} data-testid=${`upload-form-${document}`}>
    <label>Tệp (PDF, DOCX, ảnh) <input type="file" name="file" accept=".pdf,.docx,.png,.jpg,.jpeg,.gif,.webp" data-testid=${`upload-input-${document}`} /></label>
    <button type="submit" disabled=${busy} data-testid=${`upload-button-${document}`}>Tải lên</button>
    <${ErrorBox} error=${error} /></form>`;
}

function Uploads({ plan, period, d, doc, onChanged }) {
  const [error, setError] = useState(null);
  const withdraw = async (u) => {
    const reason = window.prompt('Lý do rút tệp (không bắt buộc):', '');
    if (reason === null) return;
    setError(null);
    try {
      await api.post(`${dossierPath(plan, d.award, d.subject_id)}/uploads/${u.id}/withdraw?period=${enc(period)}`, { reason });
      onChanged();
    } catch (err) {
      setError(err);
    }
  };
  if (doc.uploads.length === 0) return html`<p class="muted">Chưa có tệp.</p>`;
  return html`<ul class="uploads">${doc.uploads.map((u) => html`<li key=${u.id} data-testid=${`upload-${u.id}`} class=${u.withdrawn ? 'withdrawn' : ''}>
      <a href=${u.file.href} download=${u.file.name} data-testid=${`download-${u.id}`}>${u.file.name}</a>
      <small class="muted"> ${Math.ceil(u.file.size / 1024)} KB, ${u.uploaded_by}, ${formatDate(u.uploaded_at.slice(0, 10))}</small>
      ${u.withdrawn
        ? html` <span class="badge dossier-bad" data-testid=${`withdrawn-${u.id}`}>Đã rút (${u.withdrawn_by}${u.withdraw_reason ? ': ' + u.withdraw_reason : ''})</span>`
        : d.can_upload && html` <button type="button" class="link" onClick=${() => withdraw(u)} data-testid=${`withdraw-${u.id}`}>Rút tệp</button>`}
    </li>`)}</ul><${ErrorBox} error=${error} />`;
}

function Steps({ plan, period, d, onChanged }) {
  const [step, setStep] = useState(null);
  const [reason, setReason] = useState('');
  const [number, setNumber] = useState('');
  const [date, setDate] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState(null);
  // A dissolved issuer: proposing in its name is confirmed against the plan's warning first.
  const planState = useLoad(() => api.get(`/plans/${enc(plan)}`).catch(() => null), [plan]);
  const issuer = planState.data?.issuer_status;
  if (d.next.length === 0) return null;
  const run = async (to) => {
    setBusy(true);
    setError(null);
    try {
      await api.post(`${dossierPath(plan, d.award, d.subject_id)}/status?period=${enc(period)}`, { to, reason, decision_number: number, decision_date: date });
      setStep(null);
      setReason('');
      onChanged();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  // A return asks for its reason and a decision for its number and date before it is sent; a
  // proposal in the name of a dissolved issuer, for a confirmation.
  const asks = (to) => to === 'returned' || to === 'decided' || (to === 'proposed' && issuer?.dissolved);
  const click = (to) => (asks(to) ? setStep(to) : run(to));
  return html`<section class="card" aria-labelledby="dossier-steps" data-testid="dossier-steps"><h2 id="dossier-steps">Chuyển trạng thái</h2>
    <div class="row-actions">${d.next.map((s) => html`<button type="button" key=${s.id} disabled=${busy} onClick=${() => click(s.id)} data-testid=${`step-${s.id}`}>${stepText[s.id] || s.label}</button>`)}</div>
    ${step === 'returned' && html`<div class="decision"><label>Lý do trả lại <input value=${reason} onInput=${(e) => setReason(e.target.value)} data-testid="return-reason" /></label>
      <button type="button" disabled=${busy || !reason.trim()} onClick=${() => run('returned')} data-testid="confirm-returned">Trả lại hồ sơ</button></div>`}
    ${step === 'proposed' && html`<div class="decision notice" role="alert" data-testid="confirm-issuer">
      <p><strong>Cơ quan ban hành kế hoạch đã giải thể.</strong> ${issuer?.warning}</p>
      <button type="button" class="primary" disabled=${busy} onClick=${() => run('proposed')} data-testid="confirm-proposed">Vẫn trình Hội đồng</button>
      ${' '}<button type="button" disabled=${busy} onClick=${() => setStep(null)} data-testid="cancel-proposed">Hủy</button></div>`}
    ${step === 'decided' && html`<div class="decision"><label>Số quyết định <input value=${number} onInput=${(e) => setNumber(e.target.value)} data-testid="decision-number" /></label>
      <label>Ngày quyết định <input type="date" value=${date} onInput=${(e) => setDate(e.target.value)} data-testid="decision-date" /></label>
      <button type="button" disabled=${busy || !number.trim() || !date} onClick=${() => run('decided')} data-testid="confirm-decided">Ghi quyết định</button></div>`}
    <${ErrorBox} error=${error} /></section>`;
}

export function DossierPage({ params }) {
  const { plan, period, award, subject } = params;
  const state = useLoad(() => api.get(dossierPath(plan, award, subject), { period }), [plan, period, award, subject]);
  return html`<${PageTitle}>Hồ sơ khen thưởng — ${subject}<//>
    <p><a href=${dossiersHref(plan, period)} data-testid="dossiers-back">← Hồ sơ kỳ ${period}</a></p>
    <${Loaded} state=${state}>${(d) => html`
      <section class="card" data-testid="dossier-summary">
        <p><strong>${d.name}</strong>${d.unit_name && d.subject_kind === 'person' ? ` (${d.unit_name})` : ''} — ${d.award_name}</p>
        <p>Trạng thái: <${StatusBadge} row=${d} /> <${Badges} row=${d} /></p>
        <p>Hạn nộp: ${d.due ? formatDate(d.due) : d.due_note || '—'}${d.submitted_on ? html`; nộp lần đầu ${formatDate(d.submitted_on)}` : ''}</p>
        ${d.decision_number && html`<p data-testid="dossier-decision">Quyết định khen thưởng số ${d.decision_number}, ngày ${formatDate(d.decision_date)}</p>`}
      </section>
      <${Steps} plan=${plan} period=${period} d=${d} onChanged=${state.reload} />
      <section class="card" aria-labelledby="dossier-docs"><h2 id="dossier-docs">Giấy tờ kế hoạch yêu cầu</h2>
        ${d.documents.length === 0 && html`<p class="muted">Kế hoạch không quy định giấy tờ cho hồ sơ này.</p>`}
        ${d.documents.map((doc) => html`<div class="dossier-doc" key=${doc.document} data-testid=${`doc-${doc.document}`}>
          <h3>${doc.name} <small class="muted">(${doc.copies} bản)</small>
            ${doc.present ? html` <span class="badge dossier-ok" data-testid=${`doc-present-${doc.document}`}>Đã có</span>` : html` <span class="badge dossier-bad" data-testid=${`doc-missing-${doc.document}`}>Còn thiếu</span>`}</h3>
          ${doc.note && html`<p class="muted">${doc.note}</p>`}
          ${doc.imported > 0 && html`<p class="muted">Theo dữ liệu nhập: đã nộp ${doc.imported}/${doc.copies} bản${doc.imported_late ? ' (trễ hạn)' : ''}.</p>`}
          <${Uploads} plan=${plan} period=${period} d=${d} doc=${doc} onChanged=${state.reload} />
          ${d.can_upload && html`<${UploadForm} plan=${plan} period=${period} award=${d.award} subject=${d.subject_id} document=${doc.document} limit=${d.upload_limit} onDone=${state.reload} />`}
        </div>`)}
      </section>
      <section class="card" aria-labelledby="dossier-history"><h2 id="dossier-history">Lịch sử</h2>
        ${d.history.length === 0 ? html`<p class="muted">Hồ sơ chưa nộp.</p>` : html`<ol data-testid="dossier-history">${d.history.map((h) => html`<li key=${h.id}>
          ${h.from_label} → <strong>${h.to_label}</strong>, ${h.by}, ${formatDate(h.on)}${h.reason ? html`: <em>${h.reason}</em>` : ''}
          ${h.decision_number ? ` (QĐ ${h.decision_number}, ${formatDate(h.decision_date)})` : ''}</li>`)}</ol>`}
      </section>`}<//>`;
}
