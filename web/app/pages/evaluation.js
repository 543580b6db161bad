// Kết quả xét: one plan, one period. Per award and group: the quota and the seats filled, ties
// for the council, open seats; per candidate the rank, status, a mark per criterion (symbol and
// text, never colour alone) with the reason on hover and, expanded, every criterion's detail and
// the missing facts. Then the dossiers, and the workbook to download. Merged and closed units (the
// 2025 reorganisation) carry how their earlier years were read; the user may compare the plan's
// rule with the others (?history=), and a plan whose issuer was dissolved says so first.
// A province has tens of thousands of candidates: the API gives a page of each group (50), with
// the group's counts; "Xem thêm" appends the next page, and the search and the eligible-only box
// are the server's filters (?q=, ?status=eligible).
import { html, useEffect, useState } from '../vendor/htm-preact.js';
import { api, enc } from '../api.js';
import { awardKinds, formatDate, historyRules, label, results, statuses } from '../i18n.js';
import { ErrorBox, Loaded, PageTitle, useLoad } from '../ui.js';
import { PeriodDocuments, UnitDocuments, documentHref } from './documents.js';
import { ForwardBox, IncomingProposals } from './proposals.js';

// Candidates carry ids and names; the page's "names" names the selected, tied and dossier
// subjects outside it. A server without them: the rest are asked one by one while they are few
// (the candidate route), else from the unit and people lists (limited to what the user may see).
async function loadNames(doc, plan, query) {
  const names = { units: {}, people: {}, others: { ...(doc.names || {}) } };
  const candidates = (doc.awards || []).flatMap((a) => (a.groups || []).flatMap((g) => (g.candidates || []).map((c) => ({ kind: a.kind, c }))));
  for (const { kind, c } of candidates) if (c.name) names[kind === 'individual' ? 'people' : 'units'][c.id] = c.name;
  const known = (id) => id in names.units || id in names.people || id in names.others;
  const lacking = (kind) => candidates.some((x) => x.kind === kind && !x.c.name);
  const outside = [...new Set([
    ...(doc.dossiers || []).filter((d) => !d.name).map((d) => d.subject),
    ...(doc.awards || []).flatMap((a) => (a.groups || []).flatMap((g) => [...(g.selected || []), ...(g.tied || [])])),
  ])].filter((id) => !known(id));
  let gaps = outside.length > 0;
  if (gaps && outside.length <= 20) {
    const found = await Promise.all(outside.map((id) => api.get(`/plans/${enc(plan)}/evaluation/candidates/${enc(id)}`, query).catch(() => null)));
    for (const one of found) {
      if (!one?.name) continue;
      const kind = one.entries?.[0]?.kind;
      names[kind === 'individual' ? 'people' : 'units'][one.id] = one.name;
    }
    gaps = outside.some((id) => !known(id));
  }
  const [units, people] = await Promise.all([
    lacking('collective') || gaps ? api.get('/units', { limit: 100000 }).catch(() => []) : [],
    lacking('individual') || gaps ? api.get('/people', { limit: 100000 }).catch(() => []) : [],
  ]);
  for (const u of units) names.units[u.id] ??= u.name;
  for (const p of people) names.people[p.id] ??= p.unit_name ? `${p.name} (${p.unit_name})` : p.name;
  return names;
}

function Mark({ criterion, index, text }) {
  const r = results[criterion.result] || results.unknown;
  text = criterion.label || text;
  const why = criterion.reason || criterion.detail;
  const title = `${index + 1}. ${text || criterion.id}: ${r.text}${why ? ' — ' + why : ''}`;
  return html`<span class=${'mark ' + (criterion.result || 'unknown')} title=${title}>
    <span aria-hidden="true">${index + 1}${r.mark}</span><span class="sr-only">${title}</span></span>`;
}

// A merged or closed unit: the note, what each history rule would make of it, and for a closed
// unit whether it competes and who receives its award.
function LineageDetail({ lineage, nameOf }) {
  if (!lineage) return null;
  const byRule = Object.entries(lineage.by_rule || {});
  return html`<div class="lineage-detail" data-testid="lineage-detail">
    ${lineage.note && html`<p class="lineage-note" data-testid="lineage-note">${lineage.note}</p>`}
    ${byRule.length ? html`<p>Theo từng cách xét lịch sử:</p><ul data-testid="lineage-by-rule">${byRule.map(([rule, status]) => html`<li key=${rule}>
      ${historyRules[rule] || rule}: <span class=${'status ' + status}>${label(statuses, status)}</span></li>`)}</ul>` : ''}
    ${lineage.closed && html`<p data-testid="lineage-closed-award">${lineage.closed_on ? `Hoạt động đến ${formatDate(lineage.closed_on)}. ` : ''}${lineage.competes
      ? 'Vẫn được xét khen riêng'
      : 'Không xét khen riêng'}${lineage.award_to ? `; khen thưởng trao cho ${nameOf(lineage.award_to)}` : ''}.</p>`}
  </div>`;
}

function Reasons({ id, candidate, criteriaText, unitDocs, nameOf }) {
  return html`<div id=${id} class="reasons" data-testid=${`reasons-${candidate.id}`}>
    ${unitDocs && html`<p class="unit-doc-row">${unitDocs}</p>`}
    <${LineageDetail} lineage=${candidate.lineage} nameOf=${nameOf} />
    <ol>${(candidate.criteria || []).map((c) => {
      const r = results[c.result] || results.unknown;
      const text = c.label || criteriaText[c.id];
      return html`<li key=${c.id} class=${'reason ' + (c.result || 'unknown')}>
        <strong>${r.mark} ${r.text}</strong> — ${text || c.id}
        ${text && html` <small class="muted mono">(${c.id})</small>`}
        ${(c.reason || c.detail) && html`<br /><span class="detail">${c.reason || c.detail}</span>`}
      </li>`;
    })}</ol>
    ${candidate.needs?.length
      ? html`<div class="missing"><strong>Còn cần dữ liệu:</strong><ul>${candidate.needs.map((n) => html`<li key=${n}>${n}</li>`)}</ul></div>`
      : candidate.missing?.length ? html`<p class="missing">còn thiếu: ${candidate.missing.join(', ')}</p>` : ''}
  </div>`;
}

function LineageBadges({ lineage, nameOf }) {
  if (!lineage) return null;
  return html`${lineage.merged && html`<br /><span class="badge" data-testid="badge-merged">Sáp nhập từ ${(lineage.predecessors || []).length} đơn vị</span>`}
    ${lineage.depends_on_rule && html` <span class="badge lineage-depends" data-testid="badge-depends">Phụ thuộc cách xét lịch sử</span>`}
    ${lineage.closed && html`<br /><span class="badge lineage-closed" data-testid="badge-closed">Đã giải thể${lineage.closed_on ? ` (hoạt động đến ${formatDate(lineage.closed_on)})` : ''}</span>
      ${' '}<small>${lineage.competes ? 'vẫn xét khen riêng' : 'không xét khen riêng'}${lineage.award_to ? `; khen thưởng trao cho ${nameOf(lineage.award_to)}` : ''}</small>`}`;
}

function CandidateRows({ award, group, candidate, name, criteriaText, tied, docs, nameOf }) {
  const [open, setOpen] = useState(false);
  const reasonsId = `reasons-${award.award}-${group.group}-${candidate.id}`;
  const isTied = candidate.tied === true || tied.has(candidate.id);
  const outcome = candidate.selected ? 'được chọn' : isTied ? 'đồng hạng — chờ Hội đồng quyết định' : '';
  const rowClass = ['candidate', 'status-' + candidate.status, candidate.selected && 'selected', isTied && 'tied'].filter(Boolean).join(' ');
  return html`<tr class=${rowClass} data-testid=${`candidate-${candidate.id}`} data-award=${award.award}>
      <td class="num rank" data-label="Hạng">${candidate.rank ?? '—'}</td>
      <th scope="row" class="name">${name}<${LineageBadges} lineage=${candidate.lineage} nameOf=${nameOf} /></th>
      <td data-label="Tình trạng"><span class=${'status ' + candidate.status}>${label(statuses, candidate.status)}</span>
        ${outcome && html`<br /><strong class=${isTied ? 'tie-label' : 'selected-label'}>${outcome}</strong>`}</td>
      <td class="marks" data-label="Tiêu chuẩn">${(candidate.criteria || []).map((c, i) => html`<${Mark} key=${c.id} criterion=${c} index=${i} text=${criteriaText[c.id]} />`)}</td>
      <td><button type="button" class="expander-text" aria-expanded=${String(open)} aria-controls=${reasonsId}
          onClick=${() => setOpen(!open)} data-testid=${`expand-${candidate.id}`}>
        ${open ? 'Ẩn lý do' : 'Xem lý do'}<span class="sr-only"> — ${name}</span></button></td>
    </tr>
    ${open && html`<tr class="reasons-row"><td colspan="5"><${Reasons} id=${reasonsId} candidate=${candidate} criteriaText=${criteriaText} nameOf=${nameOf}
      unitDocs=${award.kind === 'collective' && docs && html`<${UnitDocuments} plan=${docs.plan} period=${docs.period} unit=${candidate.id} />`} /></td></tr>`}`;
}

// The council's decision: shown beside the ranking; a hoi-dong user records one where seats are
// tied or open (or, with a reason, any other choice among the eligible).
// The council chooses among every eligible candidate of the group: the loaded candidates when they
// hold them all (eligible come first in rank order), else the server's whole eligible list.
function CouncilBox({ award, group, candidates, nameOf, docs, user, onDecided }) {
  const council = group.council;
  const loaded = candidates.filter((c) => c.status === 'eligible');
  const allLoaded = (group.counts?.eligible ?? loaded.length) <= loaded.length;
  const [fetched, setFetched] = useState({ of: null, list: null, error: null });
  const [chosen, setChosen] = useState(new Set(group.selected || []));
  const [form, setForm] = useState({ votes: '', minutes_number: '', minutes_date: '', reason: '' });
  const [error, setError] = useState(null);
  const [busy, setBusy] = useState(false);
  const canDecide = user && ['hoi-dong', 'quan-tri'].includes(user.role);
  const needsDecision = (group.tied || []).length > 0;
  const shown = council || (canDecide && needsDecision);
  const mustFetch = shown && canDecide && !allLoaded;
  useEffect(() => {
    if (!mustFetch) return;
    let live = true;
    api.get(`/plans/${enc(docs.plan)}/evaluation`, { period: docs.period, history: docs.history, award: award.award, group: group.group, status: 'eligible', limit: 'all' })
      .then((doc) => {
        const g = (doc.awards || []).flatMap((a) => a.groups || []).find((x) => x.group === group.group);
        if (live) setFetched({ of: group, list: g?.candidates || [], error: null });
      }, (err) => live && setFetched({ of: group, list: null, error: err }));
    return () => { live = false; };
  }, [group, mustFetch]);
  if (!shown) return null;
  const eligible = !mustFetch ? loaded : fetched.of === group ? fetched.list : null;
  const toggle = (id) => {
    const next = new Set(chosen);
    next.has(id) ? next.delete(id) : next.add(id);
    setChosen(next);
  };
  const submit = async (e) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await api.post(`/plans/${enc(docs.plan)}/decisions`, { period: docs.period, award: award.award, group: group.group, chosen: [...chosen], ...form });
      onDecided();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const set = (k) => (e) => setForm({ ...form, [k]: e.target.value });
  return html`<div class="council-box" data-testid=${`council-${award.award}-${group.group}`}>
    ${council && html`<p><strong>Hội đồng đã quyết định</strong> (biên bản ${council.minutes_number}${council.minutes_date ? `, ${formatDate(council.minutes_date)}` : ''}; ${council.votes}):
      chọn ${(group.selected || []).map((id) => nameOf(id)).join(', ') || 'không ai'}.
      Theo xếp hạng: ${(council.computed_selected || []).map((id) => nameOf(id)).join(', ') || 'không ai'}${council.computed_tied?.length ? `; đồng hạng: ${council.computed_tied.map((id) => nameOf(id)).join(', ')}` : ''}.
      ${council.departs && html`<br /><strong class="tie-label">Khác thứ tự xếp hạng</strong> — lý do: ${council.reason}`}</p>`}
    ${canDecide && html`<details open=${!council}><summary>${council ? 'Sửa quyết định của Hội đồng' : 'Ghi quyết định của Hội đồng'}</summary>
      <form class="form" onSubmit=${submit} data-testid=${`council-form-${group.group}`}>
        <fieldset><legend>Được chọn (${group.quota == null ? 'không giới hạn' : `tối đa ${group.quota}`})</legend>
          ${fetched.error && fetched.of === group ? html`<${ErrorBox} error=${fetched.error} />` : ''}
          ${eligible == null && !(fetched.error && fetched.of === group) ? html`<p class="loading" role="status" data-testid="council-loading">Đang tải danh sách ứng viên đủ điều kiện…</p>` : ''}
          ${(eligible || []).map((c) => html`<label class="check" key=${c.id}><input type="checkbox" checked=${chosen.has(c.id)} onChange=${() => toggle(c.id)}
            data-testid=${`choose-${c.id}`} /> ${nameOf(c.id, c.name)}${c.tied ? ' (đồng hạng)' : ''}</label>`)}
        </fieldset>
        <label>Kết quả biểu quyết <input value=${form.votes} onInput=${set('votes')} placeholder="7/9 đồng ý" required data-testid="council-votes" /></label>
        <label>Số biên bản <input value=${form.minutes_number} onInput=${set('minutes_number')} required data-testid="council-minutes" /></label>
        <label>Ngày biên bản <input type="date" value=${form.minutes_date} onInput=${set('minutes_date')} /></label>
        <label>Lý do (bắt buộc nếu khác thứ tự xếp hạng) <input value=${form.reason} onInput=${set('reason')} /></label>
        <button type="submit" class="primary" disabled=${busy} data-testid="council-submit">Lưu quyết định</button>
        <${ErrorBox} error=${error} />
      </form></details>`}
  </div>`;
}

// The next page of one group, with the filters of the page shown: its candidates and next offset.
async function nextPage(docs, award, group, offset) {
  const doc = await api.get(`/plans/${enc(docs.plan)}/evaluation`, {
    period: docs.period, history: docs.history, status: docs.status, q: docs.q,
    award: award.award, group: group.group, offset, limit: group.limit ?? undefined,
  });
  const g = (doc.awards || []).flatMap((a) => a.groups || []).find((x) => x.group === group.group);
  return { candidates: g?.candidates || [], next: g?.next_offset ?? null };
}

function Group({ award, group, groupName, nameOf, criteriaText, eligibleOnly, docs, user, onDecided }) {
  const selected = group.selected || [];
  const tied = new Set(group.tied || []);
  const open = group.quota == null ? 0 : Math.max(0, group.quota - selected.length);
  // Pages loaded with "Xem thêm" belong to this load of the group; a new load starts over.
  const [more, setMore] = useState({ of: null, candidates: [], next: null });
  const [loading, setLoading] = useState(false);
  const [moreError, setMoreError] = useState(null);
  const mine = more.of === group ? more : { of: group, candidates: [], next: group.next_offset ?? null };
  const shown = [...(group.candidates || []), ...mine.candidates].filter((c) => !eligibleOnly || c.status === 'eligible');
  // The whole group's counts come from the server, not from the page.
  const counts = group.counts || {};
  const total = group.total ?? shown.length;
  const showMore = async () => {
    setLoading(true);
    setMoreError(null);
    try {
      const page = await nextPage(docs, award, group, mine.next);
      setMore({ of: group, candidates: [...mine.candidates, ...page.candidates], next: page.next });
    } catch (err) {
      setMoreError(err);
    } finally {
      setLoading(false);
    }
  };
  return html`<section class="group" data-testid=${`group-${award.award}-${group.group}`}>
    <h3>${groupName}</h3>
    <p class="quota">
      Chỉ tiêu: <strong>${group.quota == null ? 'không giới hạn' : group.quota}</strong>;
      đã chọn <strong>${selected.length}</strong>.
      ${' '}<span data-testid=${`counts-${award.award}-${group.group}`}>${Object.entries(counts).filter(([, n]) => n > 0).map(([s, n]) => `${n} ${label(statuses, s)}`).join(', ') || 'không có ứng viên'}</span>.
    </p>
    ${tied.size > 0 && html`<p class="tie-box" role="note" data-testid="tie-note">
      <strong>Đồng hạng — chờ Hội đồng quyết định:</strong> ${[...tied].map((id) => nameOf(id)).join(', ')}</p>`}
    ${open > 0 && html`<p class="open-box" role="note" data-testid="open-seats">
      <strong>Còn ${open} chỉ tiêu chưa xét được</strong>${tied.size ? ' (đồng hạng)' : ' (chưa đủ ứng viên đủ điều kiện hoặc còn thiếu dữ liệu)'}.</p>`}
    <${CouncilBox} award=${award} group=${group} candidates=${[...(group.candidates || []), ...mine.candidates]} nameOf=${nameOf} docs=${docs} user=${user} onDecided=${onDecided} />
    ${shown.length ? html`<div><table class="table candidates">
      <thead><tr><th scope="col" class="num">Hạng</th><th scope="col">${award.kind === 'individual' ? 'Cá nhân' : 'Đơn vị'}</th>
        <th scope="col">Tình trạng</th><th scope="col">Tiêu chuẩn</th><th scope="col"><span class="sr-only">Lý do</span></th></tr></thead>
      <tbody>${shown.map((c) => html`<${CandidateRows} key=${c.id} award=${award} group=${group} candidate=${c}
        name=${nameOf(c.id, c.name)} criteriaText=${criteriaText} tied=${tied} docs=${docs} nameOf=${nameOf} />`)}</tbody>
    </table></div>` : html`<p class="muted" data-testid=${`no-candidates-${award.award}-${group.group}`}>Không có ứng viên${eligibleOnly ? ' đủ điều kiện' : ''}${docs.q ? ` khớp với “${docs.q}”` : ''}.</p>`}
    ${shown.length > 0 && (shown.length < total || mine.next != null) ? html`<p class="page-more">
      <span class="muted" data-testid=${`shown-${award.award}-${group.group}`}>Đang hiện ${shown.length}/${total} ứng viên${docs.status || docs.q ? ' phù hợp' : ''}.</span>
      ${mine.next != null && html` <button type="button" onClick=${showMore} disabled=${loading} data-testid=${`more-${award.award}-${group.group}`}>
        ${loading ? 'Đang tải…' : 'Xem thêm'}<span class="sr-only"> — ${groupName}</span></button>`}</p>` : ''}
    <${ErrorBox} error=${moreError} />
  </section>`;
}

function Dossiers({ dossiers, nameOf, awardNames }) {
  if (!dossiers?.length) return html`<p class="muted">Chưa có hồ sơ nào phải nộp.</p>`;
  return html`<div class="scroll"><table class="table" data-testid="dossiers">
    <thead><tr><th scope="col">Đề nghị</th><th scope="col">Danh hiệu</th><th scope="col">Hạn nộp</th><th scope="col">Giấy tờ (đã nộp/cần)</th><th scope="col">Tình trạng</th></tr></thead>
    <tbody>${dossiers.map((d, i) => html`<tr key=${i}>
      <th scope="row">${nameOf(d.subject, d.name)}</th><td>${awardNames[d.award] || d.award}</td>
      <td class="nowrap">${d.due ? formatDate(d.due) : 'không định'}</td>
      <td><ul class="plain">${(d.documents || []).map((doc) => html`<li key=${doc.document}>${doc.name || doc.document}: ${doc.submitted ?? 0}/${doc.required ?? 0}</li>`)}</ul></td>
      <td>${d.complete ? html`<span class="status eligible">✓ đủ</span>` : html`<span class="status ineligible">✗ còn thiếu</span>`}</td>
    </tr>`)}</tbody>
  </table></div>`;
}

// The plan's issuer closed in a reorganisation: said before anything else on the page.
export function IssuerWarning({ detail }) {
  const st = detail?.issuer_status;
  if (!st?.dissolved) return null;
  return html`<div class="notice" role="alert" data-testid="issuer-dissolved"><strong>Cơ quan ban hành kế hoạch đã giải thể.</strong> ${st.warning}</div>`;
}

// Which reading of merged units' earlier years is in force, the plan's, and the others to compare.
function HistoryRuleBox({ lineage, anyLineage, history, onChange }) {
  if (!lineage || (!lineage.stated && !lineage.chosen && !anyLineage)) return null;
  const planRule = lineage.plan_history;
  return html`<section class="card" aria-labelledby="eval-history" data-testid="history-rule"><h2 id="eval-history">Cách xét lịch sử đơn vị sáp nhập, hợp nhất</h2>
    <p>Đang áp dụng: <strong data-testid="history-in-force">${lineage.history_name || historyRules[lineage.history] || lineage.history}</strong>
      ${lineage.chosen
        ? html` — <span class="badge lineage-depends">đang so sánh</span>; kế hoạch quy định: ${historyRules[planRule] || planRule}`
        : html` (${lineage.stated ? 'theo kế hoạch' : 'kế hoạch không quy định, mặc định'})`}.</p>
    ${lineage.note && html`<p class="muted" data-testid="history-plan-note">${lineage.note}</p>`}
    <label for="history-select">So sánh với cách xét khác</label>${' '}
    <select id="history-select" value=${history || ''} onChange=${(e) => onChange(e.target.value || null)} data-testid="history-select">
      <option value="">Theo kế hoạch (${historyRules[planRule] || planRule})</option>
      ${Object.entries(historyRules).filter(([id]) => id !== planRule).map(([id, text]) => html`<option key=${id} value=${id}>${text}</option>`)}
    </select>
  </section>`;
}

// #/ket-qua/PLAN/PERIOD?limit=N asks pages of N candidates instead of the server's 50 (the browser
// tests use a small one).
export function EvaluationPage({ params, query, user }) {
  const { plan, period } = params;
  const limit = query?.limit || null;
  const [eligibleOnly, setEligibleOnly] = useState(false);
  const [history, setHistory] = useState(null);
  // What is typed, and what is searched: typing pauses before asking, Enter asks at once.
  const [typed, setTyped] = useState('');
  const [q, setQ] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setQ(typed.trim()), 400);
    return () => clearTimeout(timer);
  }, [typed]);
  const status = eligibleOnly ? 'eligible' : null;
  const state = useLoad(async () => {
    const [doc, detail] = await Promise.all([
      api.get(`/plans/${enc(plan)}/evaluation`, { period, history, status, q, limit }),
      api.get(`/plans/${enc(plan)}`).catch(() => null),
    ]);
    // The filters go with the document they made: "Xem thêm" asks with them, even while a newer
    // search is loading.
    return { doc, detail, names: await loadNames(doc, plan, { period, history }), docs: { plan, period, history, status, q } };
  }, [plan, period, history, status, q, limit]);
  const xlsx = `/api/v1/plans/${enc(plan)}/evaluation.xlsx?period=${enc(period)}${history ? `&history=${enc(history)}` : ''}`;

  return html`<${PageTitle}>Kết quả xét — ${period}<//>
    <p><a href=${`#/ke-hoach/${enc(plan)}`}>← ${plan}</a>${' · '}
      <a href=${xlsx} download=${`${plan}-${period}.xlsx`} data-testid="xlsx-link">Tải về XLSX</a>${' · '}
      <a href=${`#/dang-ky/${enc(plan)}/${enc(period)}`} data-testid="registrations-link">Đăng ký thi đua</a>${' · '}
      <a href=${`#/ho-so/${enc(plan)}/${enc(period)}`} data-testid="dossiers-link">Hồ sơ khen thưởng</a></p>
    <${Loaded} state=${state}>${({ doc, detail, names, docs }) => {
      const groupNames = Object.fromEntries((detail?.groups || []).map((g) => [g.id, g.name]));
      groupNames['ca-nhan'] = groupNames['ca-nhan'] || 'Cá nhân';
      const criteriaText = {};
      for (const a of detail?.awards || []) for (const c of a.criteria || []) criteriaText[c.id] = c.text || (typeof c.words === 'string' ? c.words : null);
      const awardNames = Object.fromEntries((doc.awards || []).map((a) => [a.award, a.name || a.award]));
      const nameFor = (kind) => (id, given) => given || (kind === 'individual' ? names.people[id] : names.units[id]) || names.units[id] || names.people[id] || names.others[id] || id;
      const anyName = nameFor(null);
      // Counted by the server over each whole group, not only the page.
      const anyLineage = (doc.awards || []).some((a) => (a.groups || []).some((g) => g.with_lineage > 0 || (g.candidates || []).some((c) => c.lineage)));
      return html`
        ${detail?.name && html`<p class="muted">${detail.name}</p>`}
        <${IssuerWarning} detail=${detail} />
        <${HistoryRuleBox} lineage=${doc.lineage} anyLineage=${anyLineage} history=${history} onChange=${setHistory} />
        <p class="legend">Ký hiệu tiêu chuẩn (số thứ tự và kết quả): <span class="mark pass">✓</span> đạt,${' '}
          <span class="mark fail">✗</span> không đạt,${' '}<span class="mark unknown">?</span> chưa rõ (thiếu dữ liệu).
          Di chuột lên ký hiệu hoặc bấm “Xem lý do” để đọc lý do.</p>
        <div class="candidate-filters">
          <form role="search" class="inline-form" onSubmit=${(e) => { e.preventDefault(); setQ(typed.trim()); }} data-testid="eval-search-form">
            <label for="candidate-search">Tìm ứng viên</label>${' '}
            <input id="candidate-search" type="search" value=${typed} onInput=${(e) => setTyped(e.target.value)}
              placeholder="Tên hoặc mã, không cần dấu" data-testid="eval-search" />${' '}
            <button type="submit" data-testid="eval-search-submit">Tìm</button>
            ${state.loading && html` <span class="muted" role="status">Đang tải…</span>`}
          </form>
          <label class="check"><input type="checkbox" checked=${eligibleOnly} onChange=${(e) => setEligibleOnly(e.target.checked)} data-testid="eligible-only" />
            Chỉ hiện ứng viên đủ điều kiện</label>
        </div>
        ${(doc.awards || []).map((a) => html`<section class="card award" key=${a.award} data-testid=${`award-${a.award}`}>
          <h2>${a.name || a.award} <small class="muted">(${label(awardKinds, a.kind)})</small></h2>
          ${(a.groups || []).map((g) => html`<${Group} key=${g.group} award=${a} group=${g} groupName=${groupNames[g.group] || g.group}
            nameOf=${nameFor(a.kind)} criteriaText=${criteriaText} eligibleOnly=${eligibleOnly} docs=${docs}
            user=${user} onDecided=${state.reload} />`)}
        </section>`)}
        ${!doc.awards?.length && html`<p class="muted">Không có danh hiệu nào xét cho ${period}.</p>`}
        <${IncomingProposals} plan=${plan} period=${period} user=${user} nameOf=${anyName} awardNames=${awardNames} />
        <${ForwardBox} plan=${plan} period=${period} detail=${detail} user=${user} />
        <section class="card" aria-labelledby="eval-dossiers"><h2 id="eval-dossiers">Hồ sơ đề nghị khen thưởng</h2>
          <${Dossiers} dossiers=${doc.dossiers} nameOf=${anyName} awardNames=${awardNames} />
          ${user?.role !== 'don-vi' && doc.dossiers?.length ? html`<p><a href=${documentHref(plan, period, 'bang-ho-so', 'xlsx')} download
            data-testid="dossier-board-link">Tải bảng theo dõi hồ sơ (XLSX)</a></p>` : ''}</section>
        ${user?.role !== 'don-vi' && html`<${PeriodDocuments} plan=${plan} period=${period} />`}`;
    }}<//>`;
}
