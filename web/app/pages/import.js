// Nhập dữ liệu: a workbook (.xlsx), a zip of CSV files, or a folder export of CSV files, for one
// plan or none, sent as multipart fields `file` (the API also takes a file as the raw body). The
// answer: counts per table, or every problem.
import { html, useState } from '../vendor/htm-preact.js';
import { api, enc, request } from '../api.js';
import { tables, label } from '../i18n.js';
import { ErrorBox, Loaded, PageTitle, useLoad } from '../ui.js';

function Counts({ answer }) {
  return html`<section class="card" aria-labelledby="import-done" data-testid="import-result">
    <h2 id="import-done">Đã nhập dữ liệu</h2>
    <div class="scroll"><table class="table">
      <thead><tr><th scope="col">Bảng</th><th scope="col" class="num">Thêm</th><th scope="col" class="num">Cập nhật</th>
        <th scope="col" class="num">Không đổi</th><th scope="col" class="num">Bỏ đi</th></tr></thead>
      <tbody>${(answer.tables || []).map((r) => html`<tr key=${r.table} data-testid=${`import-table-${r.table}`}>
        <th scope="row">${label(tables, r.table)} <small class="muted">(${r.table})</small></th>
        <td class="num">${r.inserted ?? 0}</td><td class="num">${r.updated ?? 0}</td>
        <td class="num">${r.unchanged ?? 0}</td><td class="num">${r.removed ?? 0}</td></tr>`)}</tbody>
    </table></div>
    ${answer.warnings?.length ? html`<h3>Lưu ý</h3><ul>${answer.warnings.map((w, i) => html`<li key=${i}>${typeof w === 'string' ? w : w.message || JSON.stringify(w)}</li>`)}</ul>` : ''}
  </section>`;
}

function Problems({ error }) {
  const details = error.details || [];
  return html`<section class="card problems-box" aria-labelledby="import-problems" data-testid="import-problems">
    <h2 id="import-problems">Dữ liệu chưa nhập được</h2>
    <p role="alert">${error.message}${error.total != null && error.total > details.length ? ` (hiện ${details.length} trên ${error.total} lỗi)` : ''}. Không có gì được lưu.</p>
    <div class="scroll"><table class="table">
      <thead><tr><th scope="col">Tệp/Trang tính</th><th scope="col">Dòng</th><th scope="col">Cột</th><th scope="col">Giá trị</th><th scope="col">Lỗi</th></tr></thead>
      <tbody>${details.map((p, i) => html`<tr key=${i}>
        <td>${p.file}</td><td class="num">${p.row ?? ''}</td><td>${p.column ?? ''}</td><td class="mono">${p.value ?? ''}</td><td>${p.message}</td></tr>`)}</tbody>
    </table></div>
  </section>`;
}

// A lineage table alone (docs/LINEAGE.md): which units replaced which, from what date, with what
// weight, merged into the units already stored.
function LineageForm() {
  const [file, setFile] = useState(null);
  const [busy, setBusy] = useState(false);
  const [answer, setAnswer] = useState(null);
  const [error, setError] = useState(null);
  const submit = async (e) => {
    e.preventDefault();
    if (!file) return;
    setBusy(true);
    setAnswer(null);
    setError(null);
    try {
      const form = new FormData();
      form.append('file', file, file.name);
      setAnswer(await request('POST', '/lineage', { body: form }));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return html`<section class="card" aria-labelledby="lineage-title">
    <h2 id="lineage-title">Bảng sáp nhập, hợp nhất đơn vị</h2>
    <p>Tệp <code>lineage.csv</code> với các cột <code>old_id, new_id, date, weight, main</code>:
      đơn vị cũ, đơn vị mới, ngày sáp nhập, trọng số (dân số hoặc biên chế) và đơn vị tiền thân
      chính (1). Các đơn vị phải đã có trong cơ sở dữ liệu.</p>
    <form class="form" onSubmit=${submit} data-testid="lineage-form">
      <label for="lineage-file">Tệp lineage.csv</label>
      <input id="lineage-file" type="file" accept=".csv" data-testid="lineage-file"
        onChange=${(e) => setFile(e.target.files?.[0] || null)} />
      <button type="submit" class="primary" disabled=${busy || !file} data-testid="lineage-submit">
        ${busy ? 'Đang nhập…' : 'Nhập bảng sáp nhập'}</button>
    </form>
    ${answer && html`<${Counts} answer=${answer} />`}
    ${error && (error.details?.length ? html`<${Problems} error=${error} />` : html`<${ErrorBox} error=${error} />`)}
  </section>`;
}

export function ImportPage() {
  const plans = useLoad(() => api.get('/plans'), []);
  const [plan, setPlan] = useState('');
  const [file, setFile] = useState(null);
  const [folder, setFolder] = useState([]);
  const [busy, setBusy] = useState(false);
  const [answer, setAnswer] = useState(null);
  const [error, setError] = useState(null);

  const submit = async (e) => {
    e.preventDefault();
    if (!file && !folder.length) return;
    setBusy(true);
    setAnswer(null);
    setError(null);
    try {
      const path = plan ? `/plans/${enc(plan)}/data` : '/data';
      // Multipart, so that the server can name the user's file in its messages.
      const form = new FormData();
      for (const f of folder.length ? folder : [file]) form.append('file', f, f.name);
      setAnswer(await request('POST', path, { body: form }));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return html`<${PageTitle}>Nhập dữ liệu<//>
    <p>Chọn một tệp Excel (.xlsx, mỗi trang tính là một bảng) hoặc tệp .zip chứa các tệp CSV
      (units.csv, people.csv, unit_years.csv…). Một dòng sai thì cả tệp không được nhập.</p>
    <form class="form card" onSubmit=${submit} data-testid="import-form">
      <label for="import-plan">Kế hoạch</label>
      <${Loaded} state=${plans}>${(list) => html`<select id="import-plan" value=${plan}
          onChange=${(e) => setPlan(e.target.value)} data-testid="import-plan">
        <option value="">(không theo kế hoạch nào)</option>
        ${list.map((p) => html`<option key=${p.id} value=${p.id}>${p.name || p.id}</option>`)}
      </select>`}<//>
      <label for="import-file">Tệp dữ liệu (.xlsx hoặc .zip)</label>
      <input id="import-file" type="file" accept=".xlsx,.zip" data-testid="import-file"
        onChange=${(e) => { setFile(e.target.files?.[0] || null); setFolder([]); }} />
      <label for="import-folder">hoặc một thư mục CSV đã xuất (thidua export --out THƯ_MỤC)</label>
      <input id="import-folder" type="file" webkitdirectory multiple data-testid="import-folder"
        onChange=${(e) => { setFolder([...(e.target.files || [])].filter((f) => f.name.endsWith('.csv'))); setFile(null); }} />
      ${folder.length ? html`<p class="muted">${folder.length} tệp CSV: ${folder.map((f) => f.name).join(', ')}</p>` : ''}
      <button type="submit" class="primary" disabled=${busy || (!file && !folder.length)} data-testid="import-submit">
        ${busy ? 'Đang nhập…' : 'Nhập dữ liệu'}</button>
    </form>
    ${answer && html`<${Counts} answer=${answer} />`}
    ${error && (error.details?.length ? html`<${Problems} error=${error} />` : html`<${ErrorBox} error=${error} />`)}
    <${LineageForm} />`;
}
