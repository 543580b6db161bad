// Kế hoạch: the list of plans.
import { html } from '../vendor/htm-preact.js';
import { api, enc } from '../api.js';
import { formatDate } from '../i18n.js';
import { Loaded, PageTitle, useLoad } from '../ui.js';
import { PeriodList } from './common.js';

export function PlansPage() {
  const state = useLoad(() => api.get('/plans'), []);
  return html`<${PageTitle}>Kế hoạch<//>
    <${Loaded} state=${state}>${(plans) => plans.length ? html`<div class="stack">
      ${plans.map((p) => html`<article class="card" key=${p.id} data-testid=${`plan-${p.id}`}>
        <h2><a href=${`#/ke-hoach/${enc(p.id)}`}>${p.name || p.id}</a></h2>
        <p class="muted">${p.issuer}${p.version != null && ` · phiên bản ${p.version}`}${p.saved_at && ` · lưu ${formatDate(p.saved_at)}`}${p.saved_by && ` bởi ${p.saved_by}`}</p>
        <${PeriodList} plan=${p.id} periods=${p.periods} />
      </article>`)}
    </div>` : html`<p class="muted">Chưa có kế hoạch nào.</p>`}<//>`;
}
