// Lịch (one calendar of deadlines): every stored plan's registration deadlines, dossier due
// dates and meetings, upcoming first with the days left, then the past ones; and the signed-in
// user's reminders (made each day by the server's reminder job), which they mark read here.
import { html, useState } from '../vendor/htm-preact.js';
import { api, enc } from '../api.js';
import { formatDate } from '../i18n.js';
import { ErrorBox, Loaded, PageTitle, useLoad } from '../ui.js';

const kinds = { registration: 'Đăng ký thi đua', dossier: 'Hồ sơ khen thưởng', meeting: 'Hội nghị, sơ kết' };

function left(days) {
  if (days == null) return '';
  if (days === 0) return 'hôm nay';
  return days > 0 ? `còn ${days} ngày` : `đã qua ${-days} ngày`;
}

function linkOf(e) {
  if (e.kind === 'registration') return `#/dang-ky/${enc(e.plan)}/${enc(e.period)}`;
  if (e.kind === 'dossier') return `#/ho-so/${enc(e.plan)}/${enc(e.period)}`;
  return `#/ke-hoach/${enc(e.plan)}`;
}

function Entries({ rows, testid }) {
  if (!rows.length) return html`<p class="muted">Không có.</p>`;
  return html`<div class="scroll"><table class="table compact" data-testid=${testid}>
    <thead><tr><th scope="col">Ngày</th><th scope="col">Việc</th><th scope="col">Kế hoạch</th><th scope="col">Kỳ</th><th scope="col">Còn lại</th></tr></thead>
    <tbody>${rows.map((e, i) => html`<tr key=${i} class=${e.days_left != null && e.days_left >= 0 && e.days_left <= 7 ? 'soon' : ''}>
      <td class="nowrap">${e.date ? formatDate(e.date) : '—'}</td>
      <td><a href=${linkOf(e)}>${e.title}</a> <small class="muted">(${kinds[e.kind] || e.kind})</small>${e.note ? html`<br /><small class="muted">${e.note}</small>` : ''}</td>
      <td>${e.plan_name || e.plan}</td><td>${e.period || ''}</td><td class="nowrap">${left(e.days_left)}</td>
    </tr>`)}</tbody></table></div>`;
}

function Reminders() {
  const state = useLoad(() => api.get('/notifications', { limit: 100 }), []);
  const [error, setError] = useState(null);
  const read = async (n) => {
    try {
      await api.post(`/notifications/${n.id}/read`, {});
      state.reload();
    } catch (err) {
      setError(err);
    }
  };
  return html`<section class="card" aria-labelledby="cal-reminders" data-testid="reminders"><h2 id="cal-reminders">Nhắc việc của tôi</h2>
    <${Loaded} state=${state}>${(r) => (r.items.length ? html`<ul class="plain">${r.items.map((n) => html`<li key=${n.id} data-testid=${`reminder-${n.id}`} class=${n.read ? 'muted' : ''}>
      <a href=${n.link}>${n.title}</a>${n.mailed ? html` <small class="muted">(đã gửi thư)</small>` : ''}
      ${!n.read && html` <button type="button" class="link" onClick=${() => read(n)} data-testid=${`reminder-read-${n.id}`}>Đánh dấu đã xem</button>`}
    </li>`)}</ul>` : html`<p class="muted">Chưa có nhắc việc nào.</p>`)}<//>
    <${ErrorBox} error=${error} /></section>`;
}

export function CalendarPage() {
  const state = useLoad(() => api.get('/calendar'), []);
  return html`<${PageTitle}>Lịch hạn<//>
    <${Reminders} />
    <${Loaded} state=${state}>${(c) => {
      const upcoming = c.entries.filter((e) => e.days_left != null && e.days_left >= 0);
      const undated = c.entries.filter((e) => e.days_left == null);
      const past = c.entries.filter((e) => e.days_left != null && e.days_left < 0).reverse();
      return html`<p class="muted">Hôm nay: ${formatDate(c.today)}. Hạn tính theo ngày làm việc đã trừ ngày nghỉ lễ, Tết.</p>
        <section aria-labelledby="cal-next"><h2 id="cal-next">Sắp đến</h2><${Entries} rows=${upcoming} testid="calendar-upcoming" /></section>
        <section aria-labelledby="cal-undated"><h2 id="cal-undated">Chưa có ngày</h2><${Entries} rows=${undated} testid="calendar-undated" /></section>
        <section aria-labelledby="cal-past"><h2 id="cal-past">Đã qua</h2><${Entries} rows=${past} testid="calendar-past" /></section>`;
    }}<//>`;
}
