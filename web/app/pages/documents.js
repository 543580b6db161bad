// Văn bản: download links for a plan's period (DOCX, PDF when the server has LibreOffice, XLSX
// workbooks), the unit documents of one unit, and the plan's templates (download, replace,
// return to the default). The server makes every file; these are plain links.
import { html, useState } from '../vendor/htm-preact.js';
import { api, enc, request } from '../api.js';
import { formatDate } from '../i18n.js';
import { ErrorBox, Loaded, useLoad } from '../ui.js';

let kindsPromise = null;
// The kinds and whether PDF is available: asked once per page load.
export function loadDocumentKinds() {
  kindsPromise ??= api.get('/document-kinds').catch((e) => {
    kindsPromise = null;
    throw e;
  });
  return kindsPromise;
}

export function documentHref(plan, period, kind, format, extra = {}) {
  const q = new URLSearchParams({ period, format, ...Object.fromEntries(Object.entries(extra).filter(([, v]) => v)) });
  return `/api/v1/plans/${enc(plan)}/documents/${enc(kind)}?${q}`;
}

function Links({ plan, period, kind, pdf, extra }) {
  return html`<span class="doc-links">${kind.formats.filter((f) => f !== 'pdf' || pdf).map((f) => html`
    <a key=${f} href=${documentHref(plan, period, kind.id, f, extra)} download
       data-testid=${`doc-${kind.id}-${f}`}>${f.toUpperCase()}<span class="sr-only"> — ${kind.name}</span></a>`)}</span>`;
}

// The plan-level documents and workbooks of a period, with the date and number they carry.
export function PeriodDocuments({ plan, period, only }) {
  const state = useLoad(loadDocumentKinds, []);
  const [date, setDate] = useState('');
  const [number, setNumber] = useState('');
  return html`<section class="card" aria-labelledby="period-docs" data-testid="period-documents">
    <h2 id="period-docs">Văn bản và bảng tính</h2>
    <${Loaded} state=${state}>${({ kinds, pdf_available }) => html`
      <div class="doc-options">
        <label>Ngày văn bản <input type="date" value=${date} onInput=${(e) => setDate(e.target.value)} data-testid="doc-date" /></label>
        <label>Số văn bản <input type="text" inputmode="numeric" size="6" value=${number} onInput=${(e) => setNumber(e.target.value)} /></label>
      </div>
      <ul class="doc-list">${kinds.filter((k) => !k.unit && (!only || only.includes(k.id))).map((k) => html`<li key=${k.id}>
        <span>${k.name}</span> <${Links} plan=${plan} period=${period} kind=${k} pdf=${pdf_available} extra=${{ date, number }} /></li>`)}</ul>
      ${!pdf_available && html`<p class="muted">Máy chủ chưa cài LibreOffice nên chưa xuất được PDF; bản DOCX mở được bằng Word hoặc LibreOffice.</p>`}`}<//>
  </section>`;
}

// The registration form and the achievement report of one unit.
export function UnitDocuments({ plan, period, unit }) {
  const state = useLoad(loadDocumentKinds, []);
  return html`<${Loaded} state=${state}>${({ kinds, pdf_available }) => html`<span class="unit-docs">
    ${kinds.filter((k) => k.unit).map((k) => html`<span key=${k.id}>${k.name}: <${Links} plan=${plan} period=${period}
      kind=${k} pdf=${pdf_available} extra=${{ unit }} /></span>`)}</span>`}<//>`;
}

function TemplateRow({ plan, item, canEdit, onChanged }) {
  const [error, setError] = useState(null);
  const [busy, setBusy] = useState(false);
  const upload = async (e) => {
    const file = e.target.files?.[0];
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      await request('PUT', `/plans/${enc(plan)}/templates/${enc(item.kind)}`, {
        body: await file.arrayBuffer(),
        contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        query: { name: file.name },
      });
      onChanged();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
      e.target.value = '';
    }
  };
  const reset = async () => {
    setBusy(true);
    setError(null);
    try {
      await api.del(`/plans/${enc(plan)}/templates/${enc(item.kind)}`);
      onChanged();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const id = `tpl-${item.kind}`;
  return html`<tr data-testid=${`template-${item.kind}`}>
    <th scope="row">${item.name}</th>
    <td>${item.source === 'plan' ? html`mẫu riêng: ${item.file_name} <small class="muted">(${item.saved_by}, ${formatDate(item.saved_at)})</small>` : 'mẫu mặc định'}</td>
    <td><a href=${`/api/v1/plans/${enc(plan)}/templates/${enc(item.kind)}`} download>Tải mẫu</a></td>
    ${canEdit && html`<td>
      <label for=${id}>Thay mẫu (.docx)</label>
      <input id=${id} type="file" accept=".docx" disabled=${busy} onChange=${upload} data-testid=${`template-file-${item.kind}`} />
      ${item.source === 'plan' && html` <button type="button" class="link" disabled=${busy} onClick=${reset}>Dùng lại mẫu mặc định</button>`}
      <${ErrorBox} error=${error} />
      ${error?.details?.length ? html`<ul class="problems" data-testid="template-problems">${error.details.map((d, i) => html`<li key=${i}>${d.value ? d.value + ': ' : ''}${d.message}</li>`)}</ul>` : ''}
    </td>`}
  </tr>`;
}

// The plan's templates: which one each document uses, to download and edit, or replace.
export function PlanTemplates({ plan, canEdit }) {
  const state = useLoad(() => api.get(`/plans/${enc(plan)}/templates`), [plan]);
  return html`<section class="card" aria-labelledby="plan-templates" data-testid="plan-templates">
    <h2 id="plan-templates">Mẫu văn bản</h2>
    <p class="muted">Tải mẫu về, sửa trong Word hoặc LibreOffice (giữ nguyên các trường {{...}}), rồi tải lên để kế hoạch này dùng.</p>
    <${Loaded} state=${state}>${(items) => html`<div class="scroll"><table class="table">
      <thead><tr><th scope="col">Văn bản</th><th scope="col">Mẫu đang dùng</th><th scope="col">Tải</th>${canEdit && html`<th scope="col">Thay</th>`}</tr></thead>
      <tbody>${items.map((item) => html`<${TemplateRow} key=${item.kind} plan=${plan} item=${item} canEdit=${canEdit} onChanged=${state.reload} />`)}</tbody>
    </table></div>`}<//>
  </section>`;
}
