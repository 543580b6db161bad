// Plans that implement plans, on the evaluation page. Of a sub-plan (Ngã Năm, the Phú Quốc
// board): forward this period's selections as proposals into the parent plan's period. Of a parent
// plan: the proposals forwarded into this period, each with where it came from and what this
// plan's own evaluation makes of the candidate; Home Affairs may withdraw one, with a reason.
import { html, useState } from '../vendor/htm-preact.js';
import { api, enc } from '../api.js';
import { label, statuses } from '../i18n.js';
import { ErrorBox, Loaded, useLoad } from '../ui.js';

const editors = ['noi-vu', 'quan-tri'];

export function ForwardBox({ plan, period, detail, user }) {
  const parentId = detail?.parent_plan;
  const state = useLoad(() => (parentId ? api.get(`/plans/${enc(parentId)}`).catch(() => null) : null), [parentId]);
  const [form, setForm] = useState({ parent_period: period, award: '' });
  const [done, setDone] = useState(null);
  const [error, setError] = useState(null);
  const [confirming, setConfirming] = useState(false);
  if (!parentId || !editors.includes(user?.role)) return null;
  // The sub-plan's issuer was dissolved: the proposals go up in its name only once confirmed.
  const issuer = detail?.issuer_status;
  const submit = async (e) => {
    e?.preventDefault();
    setError(null);
    setDone(null);
    if (issuer?.dissolved && !confirming) {
      setConfirming(true);
      return;
    }
    setConfirming(false);
    try {
      setDone(await api.post(`/plans/${enc(plan)}/forward`, { period, parent_period: form.parent_period, award: form.award }));
    } catch (err) {
      setError(err);
    }
  };
  return html`<section class="card" aria-labelledby="forward-title" data-testid="forward-box"><h2 id="forward-title">Đề nghị lên kế hoạch cấp trên</h2>
    <${Loaded} state=${state}>${(parent) => (parent ? html`
      <p>Kế hoạch này thực hiện <a href=${`#/ke-hoach/${enc(parentId)}`}>${parent.name || parentId}</a>. Chuyển những ứng viên đã được chọn của kỳ ${period} thành đề nghị ở kỳ của kế hoạch cấp trên.</p>
      <form class="inline-form" onSubmit=${submit}>
        <label>Kỳ của kế hoạch cấp trên <select value=${form.parent_period} onChange=${(e) => setForm({ ...form, parent_period: e.target.value })} data-testid="forward-period">
          ${(parent.periods || []).map((p) => html`<option key=${p.id} value=${p.id}>${p.id}</option>`)}</select></label>
        <label>Hình thức khen thưởng <select value=${form.award} onChange=${(e) => setForm({ ...form, award: e.target.value })} required data-testid="forward-award">
          <option value="">— chọn —</option>
          ${(parent.awards || []).map((a) => html`<option key=${a.id + a.periods} value=${a.id}>${a.name} (${a.periods})</option>`)}</select></label>
        <button type="submit" data-testid="forward-submit">Chuyển đề nghị</button>
      </form>
      ${confirming && html`<div class="notice" role="alert" data-testid="forward-confirm">
        <p><strong>Cơ quan ban hành kế hoạch đã giải thể.</strong> ${issuer.warning}</p>
        <button type="button" class="primary" onClick=${() => submit()} data-testid="forward-confirm-submit">Vẫn chuyển đề nghị</button>
        ${' '}<button type="button" onClick=${() => setConfirming(false)}>Hủy</button></div>`}
      ${done && html`<p class="ok" role="status" data-testid="forward-done">Đã chuyển ${done.forwarded.length} đề nghị lên kỳ ${done.period} của ${done.plan}.
        <a href=${`#/ket-qua/${enc(done.plan)}/${enc(done.period)}`}>Xem ở kế hoạch cấp trên</a></p>`}
      <${ErrorBox} error=${error} />` : html`<p class="muted">Kế hoạch cấp trên ${parentId} chưa được lưu trong hệ thống.</p>`)}<//>
  </section>`;
}

function WithdrawButton({ plan, period, p, onDone }) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState(null);
  const submit = async (e) => {
    e.preventDefault();
    setError(null);
    try {
      await api.post(`/plans/${enc(plan)}/proposals/withdraw`, { period, award: p.award, subject_kind: p.subject_kind, subject_id: p.subject_id, reason });
      onDone();
    } catch (err) {
      setError(err);
    }
  };
  return html`<form class="inline-form" onSubmit=${submit}>
    <input aria-label="Lý do rút đề nghị" placeholder="Lý do rút" value=${reason} onInput=${(e) => setReason(e.target.value)} required />
    <button type="submit" class="secondary">Rút</button><${ErrorBox} error=${error} /></form>`;
}

function outcomeText(o) {
  if (!o) return 'không thuộc đối tượng xét của kế hoạch này';
  const status = label(statuses, o.status);
  return `${status}${o.selected ? ' — được chọn' : o.tied ? ' — đồng hạng' : ''}${o.rank ? ` (hạng ${o.rank}, nhóm ${o.group})` : ''}`;
}

export function IncomingProposals({ plan, period, user, nameOf, awardNames }) {
  const state = useLoad(() => api.get(`/plans/${enc(plan)}/proposals`, { period }), [plan, period]);
  return html`<${Loaded} state=${state}>${(r) => (r.proposals.length ? html`<section class="card" aria-labelledby="incoming-title" data-testid="incoming-proposals">
    <h2 id="incoming-title">Đề nghị từ kế hoạch cấp dưới</h2>
    <div class="scroll"><table class="table compact">
      <thead><tr><th scope="col">Đề nghị</th><th scope="col">Hình thức</th><th scope="col">Nguồn</th><th scope="col">Kết quả xét ở kế hoạch này</th><th scope="col">Người chuyển</th>
        ${editors.includes(user?.role) && html`<th scope="col"><span class="sr-only">Rút</span></th>`}</tr></thead>
      <tbody>${r.proposals.map((p) => html`<tr key=${p.award + p.subject_id} data-testid=${`proposal-${p.subject_id}`}>
        <th scope="row">${nameOf(p.subject_id, p.outcome?.name)}</th><td>${awardNames[p.award] || p.award}</td>
        <td><a href=${`#/ket-qua/${enc(p.origin.plan)}/${enc(p.origin.period)}`}>${p.origin.plan} · ${p.origin.period}</a><br /><small class="muted">${p.origin.award}, nhóm ${p.origin.group}${p.origin.rank ? `, hạng ${p.origin.rank}` : ''}</small></td>
        <td>${outcomeText(p.outcome)}</td><td>${p.forwarded_by}</td>
        ${editors.includes(user?.role) && html`<td><${WithdrawButton} plan=${plan} period=${period} p=${p} onDone=${state.reload} /></td>`}
      </tr>`)}</tbody>
    </table></div></section>` : null)}<//>`;
}
