// Nhiệm vụ CCHC (a unit's yearly PAR tasks) on the unit's page: the year's tasks by area with
// their due dates and status, the completion rate they give (done on time / all but the
// cancelled) beside the imported value and Home Affairs' override, and which one the evaluation
// uses. The unit's officers and Home Affairs keep the tasks; only Home Affairs overrides the rate.
import { html, useState } from '../vendor/htm-preact.js';
import { api, enc, request } from '../api.js';
import { formatDate, formatNumber } from '../i18n.js';
import { ErrorBox, Loaded, useLoad } from '../ui.js';

const statusLabels = { planned: 'Chưa thực hiện', 'in-progress': 'Đang thực hiện', done: 'Đã hoàn thành', cancelled: 'Đã hủy' };
const sources = {
  override: 'điều chỉnh của Sở Nội vụ',
  tasks: 'tính từ nhiệm vụ',
  imported: 'số liệu đã nhập',
  none: 'chưa có',
};

function Completion({ c }) {
  const effective = c.effective == null ? (c.pending ? 'chưa xác định (còn nhiệm vụ chưa đến hạn)' : 'chưa có') : `${formatNumber(c.effective)}%`;
  return html`<dl class="facts" data-testid="task-completion">
    <dt>Tỷ lệ dùng khi xét</dt><dd data-testid="task-effective">${effective} — ${sources[c.source] || c.source}</dd>
    <dt>Tính từ nhiệm vụ</dt><dd>${c.total ? `${c.on_time}/${c.total} đúng hạn (${formatNumber(c.computed)}%); ${c.late} trễ hạn, ${c.open} chưa xong${c.overdue ? `, ${c.overdue} quá hạn` : ''}` : 'chưa có nhiệm vụ'}</dd>
    <dt>Số liệu đã nhập</dt><dd>${c.imported == null ? 'không có' : `${formatNumber(c.imported)}%`}</dd>
    ${c.override && html`<dt>Điều chỉnh</dt><dd>${c.override.value == null ? 'đã bỏ' : `${formatNumber(c.override.value)}%`} — ${c.override.reason} (${c.override.entered_by})</dd>`}
  </dl>`;
}

// Evidence of one task: the files with links, withdrawn ones struck through, and an upload.
function Evidence({ t, canEdit, onChange }) {
  const [error, setError] = useState(null);
  const [busy, setBusy] = useState(false);
  const upload = async (e) => {
    e.preventDefault();
    const input = e.target.elements.file;
    if (!input.files.length) return;
    setError(null);
    setBusy(true);
    const data = new FormData();
    data.append('file', input.files[0]);
    try {
      await request('POST', `/tasks/${t.id}/evidence`, { body: data });
      input.value = '';
      onChange();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return html`<div data-testid=${`task-evidence-${t.id}`}>
    ${(t.evidence || []).length ? html`<ul class="plain">${t.evidence.map((e) => html`<li key=${e.id}>
      ${e.withdrawn ? html`<s title=${`Đã rút: ${e.withdraw_reason || ''}`}>${e.file.name}</s>` : html`<a href=${e.file.href} download>${e.file.name}</a>`}</li>`)}</ul>` : ''}
    ${canEdit && html`<form class="inline-form" onSubmit=${upload}>
      <input type="file" name="file" aria-label="Tệp minh chứng" accept=".pdf,.docx,.png,.jpg,.jpeg,.gif,.webp" data-testid=${`task-evidence-input-${t.id}`} />
      <button type="submit" class="secondary" disabled=${busy} data-testid=${`task-evidence-upload-${t.id}`}>Đính kèm</button>
      <${ErrorBox} error=${error} /></form>`}
  </div>`;
}

function TaskRow({ t, areaName, canEdit, onChange }) {
  const [error, setError] = useState(null);
  const [doneOn, setDoneOn] = useState(t.done_on || '');
  const change = async (body) => {
    setError(null);
    try {
      await api.post(`/tasks/${t.id}`, body);
      onChange();
    } catch (err) {
      setError(err);
    }
  };
  return html`<tr data-testid=${`task-${t.id}`} class=${t.overdue ? 'late' : ''}>
    <td>${areaName(t)}</td><td>${t.title}${t.note ? html`<br /><small class="muted">${t.note}</small>` : ''}</td>
    <td>${formatDate(t.due_on)}</td>
    <td>${statusLabels[t.status] || t.status}${t.overdue ? ' — quá hạn' : ''}${t.status === 'done' ? (t.on_time ? ' — đúng hạn' : ' — trễ hạn') : ''}</td>
    <td>${t.done_on ? formatDate(t.done_on) : ''}</td>
    <td><${Evidence} t=${t} canEdit=${canEdit} onChange=${onChange} /></td>
    <td>${canEdit && html`<div class="inline-form">
      <select aria-label="Trạng thái" value=${t.status} data-testid="task-status" onChange=${(e) => change({ status: e.target.value, done_on: e.target.value === 'done' ? doneOn || undefined : undefined })}>
        ${Object.entries(statusLabels).map(([k, v]) => html`<option key=${k} value=${k}>${v}</option>`)}
      </select>
      <input type="date" aria-label="Ngày hoàn thành" value=${doneOn} data-testid="task-done-on" onChange=${(e) => { setDoneOn(e.target.value); if (t.status === 'done') change({ status: 'done', done_on: e.target.value }); }} />
      <${ErrorBox} error=${error} />
    </div>`}</td>
  </tr>`;
}

function AddTask({ unit, year, areas, onAdded }) {
  const [form, setForm] = useState({ area: areas[0] ? `${areas[0].plan_id}:${areas[0].id}` : '', title: '', due_on: `${year}-12-31`, note: '' });
  const [error, setError] = useState(null);
  const set = (k) => (e) => setForm({ ...form, [k]: e.target.value });
  const submit = async (e) => {
    e.preventDefault();
    setError(null);
    const [plan_id, ...area] = form.area.split(':');
    try {
      await api.post(`/units/${enc(unit.id)}/tasks`, { year, plan_id, area: area.join(':'), title: form.title, due_on: form.due_on, note: form.note });
      setForm({ ...form, title: '', note: '' });
      onAdded();
    } catch (err) {
      setError(err);
    }
  };
  return html`<form class="inline-form" onSubmit=${submit} data-testid="task-form">
    <label>Lĩnh vực <select value=${form.area} onChange=${set('area')} data-testid="task-area">
      <option value="">(không theo lĩnh vực)</option>
      ${areas.map((a) => html`<option key=${a.plan_id + a.id} value=${`${a.plan_id}:${a.id}`}>${a.name} (${a.plan_id})</option>`)}
    </select></label>
    <label>Nhiệm vụ <input value=${form.title} onInput=${set('title')} required data-testid="task-title" /></label>
    <label>Hạn hoàn thành <input type="date" value=${form.due_on} onInput=${set('due_on')} required data-testid="task-due" /></label>
    <label>Ghi chú <input value=${form.note} onInput=${set('note')} /></label>
    <button type="submit" data-testid="task-add">Thêm nhiệm vụ</button>
    <${ErrorBox} error=${error} />
  </form>`;
}

function OverrideForm({ unit, year, onSaved }) {
  const [value, setValue] = useState('');
  const [reason, setReason] = useState('');
  const [error, setError] = useState(null);
  const submit = async (e) => {
    e.preventDefault();
    setError(null);
    try {
      await api.post(`/units/${enc(unit.id)}/task-completion`, { year, value: value === '' ? null : Number(value), reason });
      setReason('');
      onSaved();
    } catch (err) {
      setError(err);
    }
  };
  return html`<form class="inline-form" onSubmit=${submit} data-testid="task-override-form">
    <label>Tỷ lệ điều chỉnh (%) <input type="number" min="0" max="100" step="0.1" value=${value} onInput=${(e) => setValue(e.target.value)} placeholder="để trống: bỏ điều chỉnh" data-testid="task-override-value" /></label>
    <label>Lý do <input value=${reason} onInput=${(e) => setReason(e.target.value)} required data-testid="task-override-reason" /></label>
    <button type="submit" data-testid="task-override-submit">Lưu điều chỉnh</button>
    <${ErrorBox} error=${error} />
  </form>`;
}

export function ParTasks({ unit }) {
  const [year, setYear] = useState(new Date().getFullYear() - 1);
  const state = useLoad(() => api.get(`/units/${enc(unit.id)}/tasks`, { year }), [unit.id, year]);
  return html`<section aria-labelledby="unit-tasks" data-testid="tasks"><h2 id="unit-tasks">Nhiệm vụ cải cách hành chính</h2>
    <label>Năm <input type="number" min="2000" max="2100" value=${year} data-testid="task-year"
      onChange=${(e) => { const y = Number(e.target.value); if (y >= 2000 && y <= 2100) setYear(y); }} /></label>
    <${Loaded} state=${state}>${(r) => {
      const areaName = (t) => r.areas.find((a) => a.plan_id === t.plan_id && a.id === t.area)?.name || t.area || '—';
      return html`<${Completion} c=${r.completion} />
        ${r.tasks.length ? html`<div class="scroll"><table class="table compact" data-testid="task-table">
          <thead><tr><th scope="col">Lĩnh vực</th><th scope="col">Nhiệm vụ</th><th scope="col">Hạn</th><th scope="col">Trạng thái</th><th scope="col">Ngày xong</th><th scope="col">Minh chứng</th><th scope="col"><span class="sr-only">Cập nhật</span></th></tr></thead>
          <tbody>${r.tasks.map((t) => html`<${TaskRow} key=${t.id} t=${t} areaName=${areaName} canEdit=${r.can_edit} onChange=${state.reload} />`)}</tbody>
        </table></div>` : html`<p class="muted">Năm ${year} chưa có nhiệm vụ nào.</p>`}
        ${r.can_edit && html`<${AddTask} unit=${unit} year=${year} areas=${r.areas} onAdded=${state.reload} />`}
        ${r.can_override && html`<${OverrideForm} unit=${unit} year=${year} onSaved=${state.reload} />`}`;
    }}<//>
  </section>`;
}
