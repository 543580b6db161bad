// Tổng quan: the plans and their periods, the next deadlines, what needs doing.
import { html } from '../vendor/htm-preact.js';
import { api, enc } from '../api.js';
import { deadlineKinds, formatDate, label } from '../i18n.js';
import { Loaded, PageTitle, useLoad } from '../ui.js';
import { PeriodList, evaluationHref } from './common.js';

function actionHref(action) {
  if (action.link && String(action.link).startsWith('#/')) return action.link;
  if (action.plan && action.period) return evaluationHref(action.plan, action.period);
  if (action.plan) return `#/ke-hoach/${enc(action.plan)}`;
  return null;
}

export function DashboardPage() {
  const state = useLoad(() => api.get('/dashboard'), []);
  return html`<${PageTitle}>Tổng quan<//>
    <${Loaded} state=${state}>${(d) => html`
      ${d.today && html`<p class="muted">Hôm nay: ${formatDate(d.today)}</p>`}
      <div class="grid">
        <section class="card" aria-labelledby="dash-actions">
          <h2 id="dash-actions">Việc cần làm</h2>
          ${d.actions?.length ? html`<ul class="plain" data-testid="actions">
            ${d.actions.map((a, i) => {
              const href = actionHref(a);
              const text = html`${a.what}${a.count != null ? html` <span class="badge">${a.count}</span>` : ''}`;
              return html`<li key=${i}>${href ? html`<a href=${href}>${text}</a>` : text}
                ${a.period && html` <small class="muted">(${a.plan} — ${a.period})</small>`}</li>`;
            })}
          </ul>` : html`<p class="muted">Không có việc nào đang chờ.</p>`}
        </section>
        <section class="card" aria-labelledby="dash-deadlines">
          <h2 id="dash-deadlines">Hạn sắp tới</h2>
          ${d.deadlines?.length ? html`<table class="table" data-testid="deadlines">
            <thead><tr><th scope="col">Ngày</th><th scope="col">Việc</th><th scope="col">Kế hoạch</th></tr></thead>
            <tbody>${d.deadlines.map((x, i) => html`<tr key=${i}>
              <td class="nowrap">${formatDate(x.date)}</td>
              <td>${x.what} <small class="muted">(${label(deadlineKinds, x.kind)})</small></td>
              <td><a href=${`#/ke-hoach/${enc(x.plan)}`}>${x.plan_name || x.plan}</a></td>
            </tr>`)}</tbody>
          </table>` : html`<p class="muted">Không có hạn nào sắp tới.</p>`}
        </section>
      </div>
      <section aria-labelledby="dash-plans">
        <h2 id="dash-plans">Kế hoạch</h2>
        ${d.plans?.length ? d.plans.map((p) => html`<article class="card" key=${p.id} data-testid=${`plan-${p.id}`}>
          <h3><a href=${`#/ke-hoach/${enc(p.id)}`}>${p.name || p.id}</a></h3>
          ${p.issuer && html`<p class="muted">${p.issuer}</p>`}
          <${PeriodList} plan=${p.id} periods=${p.periods} />
        </article>`) : html`<p class="muted">Chưa có kế hoạch nào.</p>`}
      </section>`}<//>`;
}
