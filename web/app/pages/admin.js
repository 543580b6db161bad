// Quản trị (quan-tri only): accounts (list, create, lock/unlock) and API tokens (create — shown
// once —, list, revoke).
import { html, useState } from '../vendor/htm-preact.js';
import { api, enc } from '../api.js';
import { formatDate, roles, label } from '../i18n.js';
import { ErrorBox, Loaded, PageTitle, useLoad } from '../ui.js';

function Users() {
  const users = useLoad(() => api.get('/users'), []);
  const empty = { username: '', display_name: '', password: '', role: 'noi-vu', unit_id: '', email: '' };
  const [form, setForm] = useState(empty);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState(null);
  const [created, setCreated] = useState(null);
  const set = (k) => (e) => setForm({ ...form, [k]: e.target.value });

  const create = async (e) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setCreated(null);
    try {
      const body = { ...form, unit_id: form.role === 'don-vi' ? form.unit_id.trim() : null };
      setCreated(await api.post('/users', body));
      setForm(empty);
      users.reload();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const toggle = async (u) => {
    try {
      await api.patch(`/users/${enc(u.id)}`, { disabled: !u.disabled });
      users.reload();
    } catch (err) {
      setError(err);
    }
  };

  return html`<section aria-labelledby="admin-users"><h2 id="admin-users">Tài khoản</h2>
    <${Loaded} state=${users}>${(list) => html`<div class="scroll"><table class="table" data-testid="users-table">
      <thead><tr><th scope="col">Tên đăng nhập</th><th scope="col">Họ tên</th><th scope="col">Thư điện tử</th><th scope="col">Vai trò</th><th scope="col">Đơn vị</th><th scope="col">Trạng thái</th><th scope="col"></th></tr></thead>
      <tbody>${list.map((u) => html`<tr key=${u.id} data-testid=${`user-${u.username}`}>
        <td>${u.username}</td><td>${u.display_name}</td><td>${u.email || ''}</td><td>${label(roles, u.role)}</td>
        <td>${u.unit_name || u.unit_id || ''}</td>
        <td>${u.disabled ? 'đã khóa' : u.must_change_password ? 'phải đổi mật khẩu' : 'đang dùng'}</td>
        <td><button type="button" onClick=${() => toggle(u)}>${u.disabled ? 'Mở khóa' : 'Khóa'}<span class="sr-only"> ${u.username}</span></button></td>
      </tr>`)}</tbody></table></div>`}<//>
    <form class="form card" onSubmit=${create} data-testid="user-form">
      <h3>Tạo tài khoản</h3>
      <label for="user-username">Tên đăng nhập</label>
      <input id="user-username" required autocomplete="off" value=${form.username} onInput=${set('username')} data-testid="user-username" />
      <label for="user-display">Họ tên</label>
      <input id="user-display" value=${form.display_name} onInput=${set('display_name')} data-testid="user-display" />
      <label for="user-email">Thư điện tử (nhận nhắc hạn; không bắt buộc)</label>
      <input id="user-email" type="email" autocomplete="off" value=${form.email} onInput=${set('email')} data-testid="user-email" />
      <label for="user-password">Mật khẩu ban đầu (người dùng sẽ phải đổi)</label>
      <input id="user-password" type="password" required autocomplete="new-password" value=${form.password} onInput=${set('password')} data-testid="user-password" />
      <label for="user-role">Vai trò</label>
      <select id="user-role" value=${form.role} onChange=${set('role')} data-testid="user-role">
        ${Object.entries(roles).map(([id, text]) => html`<option key=${id} value=${id}>${text}</option>`)}
      </select>
      ${form.role === 'don-vi' && html`<label for="user-unit">Mã đơn vị</label>
        <input id="user-unit" required value=${form.unit_id} onInput=${set('unit_id')} data-testid="user-unit" />`}
      <${ErrorBox} error=${error} />
      <button type="submit" class="primary" disabled=${busy} data-testid="user-submit">Tạo tài khoản</button>
      ${created && html`<p class="success" role="status" data-testid="user-created">Đã tạo tài khoản ${created.username}.</p>`}
    </form>
  </section>`;
}

function Tokens() {
  const tokens = useLoad(() => api.get('/tokens'), []);
  const [form, setForm] = useState({ username: '', name: '', days: '90' });
  const [error, setError] = useState(null);
  const [secret, setSecret] = useState(null);
  const set = (k) => (e) => setForm({ ...form, [k]: e.target.value });

  const create = async (e) => {
    e.preventDefault();
    setError(null);
    setSecret(null);
    try {
      setSecret(await api.post('/tokens', { ...form, days: Number(form.days) }));
      tokens.reload();
    } catch (err) {
      setError(err);
    }
  };
  const revoke = async (t) => {
    try {
      await api.del(`/tokens/${enc(t.id)}`);
      tokens.reload();
    } catch (err) {
      setError(err);
    }
  };

  return html`<section aria-labelledby="admin-tokens"><h2 id="admin-tokens">Mã truy cập API</h2>
    <${Loaded} state=${tokens}>${(list) => list.length ? html`<div class="scroll"><table class="table" data-testid="tokens-table">
      <thead><tr><th scope="col">Tên</th><th scope="col">Tài khoản</th><th scope="col">Tạo lúc</th><th scope="col">Hết hạn</th><th scope="col"></th></tr></thead>
      <tbody>${list.map((t) => html`<tr key=${t.id}>
        <td>${t.name}</td><td>${t.username}</td><td>${formatDate(t.created_at)}</td><td>${formatDate(t.expires_at)}</td>
        <td>${t.revoked ? 'đã thu hồi' : html`<button type="button" onClick=${() => revoke(t)}>Thu hồi<span class="sr-only"> ${t.name}</span></button>`}</td>
      </tr>`)}</tbody></table></div>` : html`<p class="muted">Chưa có mã nào.</p>`}<//>
    <form class="form card" onSubmit=${create} data-testid="token-form">
      <h3>Tạo mã mới</h3>
      <label for="token-user">Cho tài khoản</label>
      <input id="token-user" required autocomplete="off" value=${form.username} onInput=${set('username')} />
      <label for="token-name">Tên gợi nhớ</label>
      <input id="token-name" required value=${form.name} onInput=${set('name')} />
      <label for="token-days">Số ngày hiệu lực</label>
      <input id="token-days" type="number" min="1" max="3650" required value=${form.days} onInput=${set('days')} />
      <${ErrorBox} error=${error} />
      <button type="submit" class="primary">Tạo mã</button>
      ${secret && html`<div class="success" role="status"><p>Mã mới (chỉ hiện một lần, hãy lưu lại ngay):</p>
        <p><code class="token" data-testid="token-secret">${secret.token}</code></p></div>`}
    </form>
  </section>`;
}

function Audit() {
  const [open, setOpen] = useState(false);
  const [draft, setDraft] = useState({ actor: '', action: '', subject: '', from: '', to: '' });
  const [filter, setFilter] = useState(draft);
  const set = (k) => (e) => setDraft({ ...draft, [k]: e.target.value });
  const exportHref = `/api/v1/audit.xlsx?${new URLSearchParams(Object.entries(filter).filter(([, v]) => v))}`;
  return html`<section aria-labelledby="admin-audit"><h2 id="admin-audit">Nhật ký</h2>
    <button type="button" aria-expanded=${String(open)} aria-controls="audit-list" onClick=${() => setOpen(!open)}
      data-testid="audit-toggle">${open ? 'Ẩn nhật ký' : 'Xem nhật ký thay đổi'}</button>
    ${open && html`<div id="audit-list">
      <form class="inline-form" data-testid="audit-filter" onSubmit=${(e) => { e.preventDefault(); setFilter(draft); }}>
        <label>Người thực hiện <input value=${draft.actor} onInput=${set('actor')} data-testid="audit-actor" /></label>
        <label>Hành động <input value=${draft.action} onInput=${set('action')} placeholder="plan-save" /></label>
        <label>Đối tượng <input value=${draft.subject} onInput=${set('subject')} placeholder="kien-giang* (đầu mã)" /></label>
        <label>Từ ngày <input type="date" value=${draft.from} onInput=${set('from')} /></label>
        <label>Đến ngày <input type="date" value=${draft.to} onInput=${set('to')} /></label>
        <button type="submit">Lọc</button>
        <a href=${exportHref} download data-testid="audit-export">Tải về XLSX</a>
      </form>
      <${AuditList} filter=${filter} /></div>`}
  </section>`;
}

function AuditList({ filter }) {
  const state = useLoad(() => api.get('/audit', { limit: 100, ...filter }), [JSON.stringify(filter)]);
  return html`<${Loaded} state=${state}>${(rows) => rows.length ? html`<div class="scroll"><table class="table compact" data-testid="audit-rows">
    <thead><tr><th scope="col">Lúc</th><th scope="col">Ai</th><th scope="col">Việc</th><th scope="col">Đối tượng</th><th scope="col">Chi tiết</th></tr></thead>
    <tbody>${rows.map((r) => html`<tr key=${r.id}><td class="nowrap">${formatDate(r.at)}</td><td>${r.actor}</td><td>${r.action}</td><td>${r.subject}</td>
      <td>${typeof r.detail === 'string' ? r.detail : JSON.stringify(r.detail)}</td></tr>`)}</tbody></table></div>
    ${rows.length === 100 && html`<p class="muted">Hiện 100 dòng mới nhất; lọc hẹp hơn hoặc tải về XLSX để xem hết.</p>`}`
    : html`<p class="muted">Không có thay đổi nào khớp bộ lọc.</p>`}<//>`;
}

export function AdminPage() {
  return html`<${PageTitle}>Quản trị<//><${Users} /><${Tokens} /><${Audit} />`;
}
