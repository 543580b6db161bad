// Pieces several pages share: period badges and links to evaluations.
import { html } from '../vendor/htm-preact.js';
import { periodStates, periodKinds, label } from '../i18n.js';
import { enc } from '../api.js';

export function evaluationHref(plan, period) {
  return `#/ket-qua/${enc(plan)}/${enc(period)}`;
}

export function PeriodList({ plan, periods }) {
  if (!periods?.length) return html`<p class="muted">Kế hoạch chưa có giai đoạn hay năm nào.</p>`;
  return html`<ul class="periods">
    ${periods.map((p) => html`<li key=${p.id}>
      <a href=${evaluationHref(plan, p.id)} data-testid=${`period-${plan}-${p.id}`}>
        ${label(periodKinds, p.kind)} ${p.id}</a>
      ${' '}<span class=${'badge state-' + p.state}>${label(periodStates, p.state)}</span>
      ${' '}<a href=${`#/dang-ky/${enc(plan)}/${enc(p.id)}`} class="small">đăng ký</a>
      ${' '}<a href=${`#/ho-so/${enc(plan)}/${enc(p.id)}`} class="small">hồ sơ</a>
    </li>`)}
  </ul>`;
}
