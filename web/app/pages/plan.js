// Kế hoạch (one plan): PlanDetail in words, its versions, a diff between two of them, and for
// Nội vụ / Quản trị the upload of a new version (PUT /api/v1/plans/{id}).
import { html, useState } from '../vendor/htm-preact.js';
import { api, enc, request } from '../api.js';
import { awardKinds, formatDate, label } from '../i18n.js';
import { ErrorBox, Loaded, PageTitle, useLoad } from '../ui.js';
import { PeriodList } from './common.js';
import { PlanTemplates } from './documents.js';

const list = (v) => (Array.isArray(v) ? v.join(', ') : v == null ? '' : String(v));
const words = (v) => (typeof v === 'string' ? v : Array.isArray(v) ? v.join('; ') : v == null ? '' : JSON.stringify(v));

function Groups({ groups }) {
  if (!groups?.length) return null;
  return html`<section aria-labelledby="plan-groups"><h2 id="plan-groups">Khối thi đua</h2>
    <table class="table" data-testid="plan-groups">
      <thead><tr><th scope="col">Khối</th><th scope="col">Thành viên</th></tr></thead>
      <tbody>${groups.map((g) => html`<tr key=${g.id}><th scope="row">${g.name || g.id}</th><td>${words(g.members)}</td></tr>`)}</tbody>
    </table></section>`;
}

function Award({ award, groupNames }) {
  return html`<article class="card award" data-testid=${`plan-award-${award.id}`}>
    <h3>${award.name || award.id} <small class="muted">(${label(awardKinds, award.kind)})</small></h3>
    ${award.periods && html`<p>Xét cho: ${list(award.periods)}</p>`}
    ${award.precedence != null && html`<p>Thứ tự xét: ${list(award.precedence)}</p>`}
    ${award.groups?.length ? html`<table class="table compact">
      <caption>Chỉ tiêu theo khối</caption>
      <thead><tr><th scope="col">Khối</th><th scope="col" class="num">Chỉ tiêu</th></tr></thead>
      <tbody>${award.groups.map((g) => html`<tr key=${g.group}>
        <th scope="row">${groupNames[g.group] || g.group}</th>
        <td class="num">${g.quota == null ? 'không giới hạn' : g.quota}</td></tr>`)}</tbody>
      ${award.total != null && html`<tfoot><tr><th scope="row">Tổng</th><td class="num">${award.total}</td></tr></tfoot>`}
    </table>` : award.total != null && html`<p>Tổng chỉ tiêu: ${award.total}</p>`}
    ${award.criteria?.length ? html`<h4>Tiêu chuẩn</h4><ol class="criteria">
      ${award.criteria.map((c) => html`<li key=${c.id}>
        <span>${c.text || c.id}</span>
        ${c.words && c.words !== c.text && html`<br /><small class="muted">${words(c.words)}</small>`}
      </li>`)}</ol>` : ''}
  </article>`;
}

function Dossier({ dossier, awardNames }) {
  if (!dossier?.length) return null;
  return html`<section aria-labelledby="plan-dossier"><h2 id="plan-dossier">Hồ sơ khen thưởng</h2>
    ${dossier.map((d, i) => html`<article class="card" key=${i}>
      <h3>${awardNames[d.award] || d.award || 'Mọi danh hiệu'}</h3>
      <p>Hạn nộp: ${d.due ? formatDate(words(d.due)) : 'kế hoạch không định'}</p>
      <ul>${(d.documents || []).map((doc) => html`<li key=${doc.document}>
        ${doc.name || doc.document}${doc.copies != null && ` — ${doc.copies} bản`}</li>`)}</ul>
    </article>`)}</section>`;
}

function Versions({ planId, versions, current }) {
  const [from, setFrom] = useState(versions.length > 1 ? String(versions[1].version) : '');
  const [to, setTo] = useState(versions.length ? String(versions[0].version) : '');
  const [diff, setDiff] = useState(null);
  const [error, setError] = useState(null);
  const [busy, setBusy] = useState(false);

  const show = async (e) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      setDiff(await api.get(`/plans/${enc(planId)}/diff`, { from, to }));
    } catch (err) {
      setError(err);
      setDiff(null);
    } finally {
      setBusy(false);
    }
  };
  const options = versions.map((v) => html`<option key=${v.version} value=${String(v.version)}>${v.version}</option>`);

  return html`<section aria-labelledby="plan-versions"><h2 id="plan-versions">Các phiên bản</h2>
    <table class="table" data-testid="plan-versions">
      <thead><tr><th scope="col">Phiên bản</th><th scope="col">Người lưu</th><th scope="col">Lúc lưu</th><th scope="col"></th></tr></thead>
      <tbody>${versions.map((v) => html`<tr key=${v.version}>
        <td>${v.version}</td><td>${v.saved_by}</td><td>${formatDate(v.saved_at)}</td>
        <td>${String(v.version) === String(current) ? html`<span class="muted">đang xem</span>`
          : html`<a href=${`#/ke-hoach/${enc(planId)}?version=${enc(v.version)}`}>Xem</a>`}</td>
      </tr>`)}</tbody>
    </table>
    ${versions.length > 1 && html`<form class="inline-form" onSubmit=${show} data-testid="diff-form">
      <label for="diff-from">So sánh phiên bản</label>
      <select id="diff-from" value=${from} onChange=${(e) => setFrom(e.target.value)}>${options}</select>
      <label for="diff-to">với</label>
      <select id="diff-to" value=${to} onChange=${(e) => setTo(e.target.value)}>${options}</select>
      <button type="submit" disabled=${busy}>Xem khác biệt</button>
    </form>`}
    <${ErrorBox} error=${error} />
    ${diff && html`<div class="diff" role="region" aria-label=${`Khác biệt giữa phiên bản ${diff.from} và ${diff.to}`} data-testid="diff">
      <p class="muted">Dòng <span class="diff-del">− bỏ đi</span>, dòng <span class="diff-add">+ thêm vào</span>.</p>
      <pre>${(diff.lines || []).map((l, i) => html`<span key=${i}
        class=${l.op === '+' ? 'diff-add' : l.op === '-' ? 'diff-del' : 'diff-same'}>${l.op === '-' ? '−' : l.op} ${l.text}</span>`)}</pre>
    </div>`}
  </section>`;
}

function Upload({ planId, text, onSaved }) {
  const [body, setBody] = useState(text || '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState(null);
  const [saved, setSaved] = useState(null);

  const pick = async (e) => {
    const file = e.target.files?.[0];
    if (file) setBody(await file.text());
  };
  const submit = async (e) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setSaved(null);
    try {
      const answer = await request('PUT', `/plans/${enc(planId)}`, { body, contentType: 'application/yaml; charset=utf-8' });
      setSaved(answer);
      onSaved?.(answer);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return html`<section aria-labelledby="plan-upload" class="card"><h2 id="plan-upload">Lưu phiên bản mới</h2>
    <form class="form" onSubmit=${submit} data-testid="plan-upload-form">
      <label for="plan-file">Chọn tệp kế hoạch (.yaml)</label>
      <input id="plan-file" type="file" accept=".yaml,.yml,.json,text/yaml,application/yaml" onChange=${pick} />
      <label for="plan-text">hoặc sửa trực tiếp nội dung</label>
      <textarea id="plan-text" rows="16" spellcheck="false" value=${body} onInput=${(e) => setBody(e.target.value)}
        data-testid="plan-text"></textarea>
      <button type="submit" class="primary" disabled=${busy || !body.trim()}>Lưu phiên bản mới</button>
    </form>
    ${saved && html`<p class="success" role="status">Đã lưu phiên bản ${saved.version}${saved.created === false ? ' (không có gì thay đổi)' : ''}.</p>`}
    <${ErrorBox} error=${error} />
    ${error?.details?.length ? html`<ul class="problems mono" data-testid="plan-problems">
      ${error.details.map((d, i) => html`<li key=${i}>${d.file}:${d.line}:${d.column}: ${d.message}</li>`)}
    </ul>` : ''}
  </section>`;
}

export function PlanPage({ params, query, user }) {
  const planId = params.plan;
  const version = query.version;
  const state = useLoad(async () => {
    const [plan, versions] = await Promise.all([
      api.get(`/plans/${enc(planId)}`, { version }),
      api.get(`/plans/${enc(planId)}/versions`).catch(() => []),
    ]);
    return { plan, versions };
  }, [planId, version]);
  const canEdit = ['noi-vu', 'quan-tri'].includes(user.role);

  return html`<${Loaded} state=${state}>${({ plan, versions }) => {
    const groupNames = Object.fromEntries((plan.groups || []).map((g) => [g.id, g.name || g.id]));
    const awardNames = Object.fromEntries((plan.awards || []).map((a) => [a.id, a.name || a.id]));
    return html`<${PageTitle}>${plan.name || plan.id}<//>
      <p class="muted">${plan.issuer}${plan.version != null && ` · phiên bản ${plan.version}`}${plan.saved_at && ` · lưu ${formatDate(plan.saved_at)}`}${plan.saved_by && ` bởi ${plan.saved_by}`}</p>
      <section aria-labelledby="plan-periods"><h2 id="plan-periods">Giai đoạn và năm — kết quả xét</h2>
        <${PeriodList} plan=${plan.id} periods=${plan.periods} /></section>
      ${plan.contents?.length ? html`<section aria-labelledby="plan-contents"><h2 id="plan-contents">Nội dung thi đua</h2>
        <ol>${plan.contents.map((c, i) => html`<li key=${i}>${words(c)}</li>`)}</ol></section>` : ''}
      <${Groups} groups=${plan.groups} />
      ${plan.awards?.length ? html`<section aria-labelledby="plan-awards"><h2 id="plan-awards">Danh hiệu, hình thức khen thưởng</h2>
        ${plan.awards.map((a) => html`<${Award} key=${a.id} award=${a} groupNames=${groupNames} />`)}</section>` : ''}
      <${Dossier} dossier=${plan.dossier} awardNames=${awardNames} />
      ${plan.events?.length ? html`<section aria-labelledby="plan-events"><h2 id="plan-events">Mốc thời gian</h2>
        <ul>${plan.events.map((ev, i) => html`<li key=${i}>${typeof ev === 'string' ? ev
          : [ev.date && formatDate(ev.date), ev.name || ev.what || ev.event || ev.id, ev.year].filter(Boolean).join(' — ')}</li>`)}</ul></section>` : ''}
      <${PlanTemplates} plan=${plan.id} canEdit=${canEdit} />
      <${Versions} planId=${plan.id} versions=${versions} current=${plan.version} />
      ${plan.text && html`<details class="source"><summary>Xem tệp kế hoạch</summary><pre class="mono">${plan.text}</pre></details>`}
      ${canEdit && html`<${Upload} planId=${plan.id} text=${plan.text} onSaved=${state.reload} />`}`;
  }}<//>`;
}
