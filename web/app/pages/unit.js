// Đơn vị (one unit): facts, yearly results, and two charts — the unit's index rate over the
// years against its group (same unit type: mean, min, max), and the spread of that group in one
// year (GET /api/v1/results?year=&type=), sorted, the unit's own bar marked. Its history in the
// reorganisations: the units it took over and those that took it over, a few levels both ways.
import { html, useState } from '../vendor/htm-preact.js';
import { api, enc } from '../api.js';
import { formatDate, formatNumber, parRatings, unitTypes, genders, label } from '../i18n.js';
import { ChartCanvas, ErrorBox, Loaded, PageTitle, useLoad } from '../ui.js';
import { ParTasks } from './tasks.js';

const colors = {
  unit: '#b71c1c',
  mean: '#1565c0',
  band: 'rgba(21, 101, 192, 0.15)',
  other: '#90a4ae',
};

function HistoryChart({ unit }) {
  const years = [...new Set([...(unit.years || []).map((y) => y.year), ...(unit.group_years || []).map((g) => g.year)])].sort();
  if (!years.length) return html`<p class="muted">Chưa có kết quả hằng năm để vẽ biểu đồ.</p>`;
  const byYear = Object.fromEntries((unit.years || []).map((y) => [y.year, y]));
  const group = Object.fromEntries((unit.group_years || []).filter((g) => !g.type || g.type === unit.type).map((g) => [g.year, g]));
  const value = (v) => (v === null || v === undefined ? null : v);
  const config = {
    type: 'line',
    data: {
      labels: years.map(String),
      datasets: [
        { label: 'Cao nhất của nhóm', data: years.map((y) => value(group[y]?.max)), borderColor: colors.other, backgroundColor: colors.band, borderDash: [4, 4], fill: '+1', pointRadius: 2 },
        { label: 'Thấp nhất của nhóm', data: years.map((y) => value(group[y]?.min)), borderColor: colors.other, borderDash: [4, 4], fill: false, pointRadius: 2 },
        { label: 'Trung bình của nhóm', data: years.map((y) => value(group[y]?.mean)), borderColor: colors.mean, backgroundColor: colors.mean, fill: false },
        { label: unit.name, data: years.map((y) => value(byYear[y]?.index_rate)), borderColor: colors.unit, backgroundColor: colors.unit, borderWidth: 3, fill: false },
      ],
    },
    options: {
      responsive: true, maintainAspectRatio: false, spanGaps: true, animation: false,
      scales: { y: { title: { display: true, text: 'Tỷ lệ điểm chỉ số CCHC (%)' }, suggestedMin: 50, suggestedMax: 100 } },
      plugins: { legend: { position: 'bottom' } },
    },
  };
  return html`<${ChartCanvas} config=${config} testid="chart-history"
    label=${`Tỷ lệ điểm chỉ số CCHC của ${unit.name} qua các năm so với trung bình, thấp nhất và cao nhất của các đơn vị cùng loại`} />`;
}

function SpreadChart({ unit }) {
  const years = (unit.group_years?.length ? unit.group_years : unit.years || []).map((y) => y.year);
  const choices = [...new Set(years)].sort();
  const [year, setYear] = useState(choices.length ? choices[choices.length - 1] : null);
  const state = useLoad(() => (year == null ? null : api.get('/results', { year, type: unit.type })), [year, unit.type]);
  if (!choices.length) return null;
  return html`<div>
    <label for="spread-year">Năm</label>${' '}
    <select id="spread-year" value=${String(year)} onChange=${(e) => setYear(Number(e.target.value))} data-testid="spread-year">
      ${choices.map((y) => html`<option key=${y} value=${String(y)}>${y}</option>`)}
    </select>
    <${Loaded} state=${state}>${(r) => {
      const rows = (r?.units || []).filter((u) => u.index_rate != null).sort((a, b) => b.index_rate - a.index_rate);
      if (!rows.length) return html`<p class="muted">Năm ${year} chưa có kết quả của nhóm.</p>`;
      const rank = rows.findIndex((u) => u.id === unit.id);
      const config = {
        type: 'bar',
        data: {
          labels: rows.map((u) => u.name),
          datasets: [{
            label: `Tỷ lệ điểm năm ${year} (%)`,
            data: rows.map((u) => u.index_rate),
            backgroundColor: rows.map((u) => (u.id === unit.id ? colors.unit : colors.other)),
          }],
        },
        options: {
          responsive: true, maintainAspectRatio: false, animation: false,
          plugins: { legend: { display: false } },
          scales: { x: { ticks: { display: rows.length <= 20 } }, y: { title: { display: true, text: '%' } } },
        },
      };
      return html`<p>${rank >= 0 ? `${unit.name} đứng thứ ${rank + 1}/${rows.length} (cột màu đỏ).` : `${rows.length} đơn vị cùng loại.`}</p>
        <${ChartCanvas} config=${config} testid="chart-spread"
          label=${`Tỷ lệ điểm chỉ số CCHC năm ${year} của ${rows.length} đơn vị cùng loại, xếp từ cao xuống thấp`} />`;
    }}<//>
  </div>`;
}

function formatWeight(w) {
  return w == null ? null : formatNumber(w);
}

// One related unit: its link (when the user may open it), dates, weight in the merger, whether it
// is the main predecessor, whether it closed; then the units one step further the same way.
function LineageNode({ node, way }) {
  const further = node[way] || [];
  const weight = formatWeight(node.weight);
  return html`<li data-testid=${`lineage-${node.id}`}>
    <div class="lineage-unit">
      ${node.readable ? html`<a href=${`#/don-vi/${enc(node.id)}`}>${node.name}</a>` : html`<span>${node.name}</span>`}
      ${' '}<small class="muted mono">${node.id}</small>
      ${node.active_from && html` <span class="lineage-date">từ ${formatDate(node.active_from)}</span>`}
      ${weight && html` <span class="badge" data-testid="lineage-weight">trọng số ${weight}</span>`}
      ${node.main && html` <span class="badge lineage-main">${way === 'predecessors' ? 'tiền thân chính' : 'đơn vị này là tiền thân chính'}</span>`}
      ${node.closed && html` <span class="badge lineage-closed" data-testid="lineage-closed">đã giải thể từ ${formatDate(node.closed_from)}</span>`}
    </div>
    ${further.length ? html`<ul>${further.map((n) => html`<${LineageNode} key=${n.id} node=${n} way=${way} />`)}</ul>` : ''}
  </li>`;
}

// Lịch sử sáp nhập, hợp nhất: predecessors → this unit → successors, left to right in time.
function Lineage({ unit }) {
  const l = unit.lineage;
  if (!l || (!l.predecessors?.length && !l.successors?.length && !l.active_from && !l.active_to)) return null;
  return html`<section aria-labelledby="unit-lineage" data-testid="unit-lineage"><h2 id="unit-lineage">Lịch sử sáp nhập, hợp nhất</h2>
    <div class="lineage">
      ${l.predecessors?.length ? html`<div class="lineage-col" data-testid="lineage-predecessors"><h3>Đơn vị tiền thân</h3>
        <ul class="lineage-tree">${l.predecessors.map((n) => html`<${LineageNode} key=${n.id} node=${n} way="predecessors" />`)}</ul></div>
        <div class="lineage-arrow" aria-hidden="true">→</div>` : ''}
      <div class="lineage-col lineage-self" data-testid="lineage-self"><h3>${unit.name}</h3>
        <p>${l.active_from ? `Thành lập từ ${formatDate(l.active_from)}` : 'Hoạt động từ trước'}${l.active_to ? `; hoạt động đến ${formatDate(l.active_to)}` : ''}</p>
        ${l.closed && html`<p><span class="badge lineage-closed">đã giải thể từ ${formatDate(l.closed_from)}</span></p>`}
      </div>
      ${l.successors?.length ? html`<div class="lineage-arrow" aria-hidden="true">→</div>
        <div class="lineage-col" data-testid="lineage-successors"><h3>Đơn vị kế thừa</h3>
        <ul class="lineage-tree">${l.successors.map((n) => html`<${LineageNode} key=${n.id} node=${n} way="successors" />`)}</ul></div>` : ''}
    </div>
  </section>`;
}

const facts = {
  unit: { head_leads: 'Người đứng đầu trực tiếp chỉ đạo CCHC', compliance: 'Chấp hành tốt chủ trương, pháp luật; nội bộ đoàn kết', excellent_achievement: 'Có thành tích xuất sắc' },
  person: { excellent_par: 'Thành tích xuất sắc trong CCHC', ethics_ok: 'Phẩm chất đạo đức tốt' },
};

// Xác nhận của Hội đồng: the council-judged facts of the unit and its people, year by year, with
// the minutes; the council or Home Affairs enters them (the evaluation reads the latest).
function Attestations({ unit, user }) {
  const subjects = [{ kind: 'unit', id: unit.id, name: unit.name }, ...(unit.people || []).map((p) => ({ kind: 'person', id: p.id, name: p.name }))];
  const state = useLoad(async () => (await Promise.all(subjects.map((s) =>
    api.get('/attestations', { subject_kind: s.kind, subject_id: s.id }).then((rows) => rows.map((r) => ({ ...r, name: s.name })))))).flat(), [unit.id]);
  const canEnter = ['hoi-dong', 'noi-vu', 'quan-tri'].includes(user?.role);
  const [form, setForm] = useState({ subject: `unit:${unit.id}`, year: new Date().getFullYear() - 1, fact: 'head_leads', value: 'true', minutes: '', note: '' });
  const [error, setError] = useState(null);
  const kind = form.subject.split(':')[0];
  const set = (k) => (e) => setForm({ ...form, [k]: e.target.value, ...(k === 'subject' ? { fact: Object.keys(facts[e.target.value.split(':')[0]])[0] } : {}) });
  const submit = async (e) => {
    e.preventDefault();
    setError(null);
    const [subject_kind, ...rest] = form.subject.split(':');
    try {
      await api.post('/attestations', { subject_kind, subject_id: rest.join(':'), year: Number(form.year), fact: form.fact, value: form.value === 'true', minutes: form.minutes, note: form.note });
      state.reload();
    } catch (err) {
      setError(err);
    }
  };
  return html`<section aria-labelledby="unit-attest" data-testid="attestations"><h2 id="unit-attest">Xác nhận của Hội đồng</h2>
    <${Loaded} state=${state}>${(rows) => rows.length ? html`<div class="scroll"><table class="table compact">
      <thead><tr><th scope="col">Năm</th><th scope="col">Đối tượng</th><th scope="col">Nội dung</th><th scope="col">Kết quả</th><th scope="col">Căn cứ</th><th scope="col">Người nhập</th></tr></thead>
      <tbody>${rows.map((r) => html`<tr key=${r.subject_id + r.year + r.fact}><th scope="row">${r.year}</th><td>${r.name}</td>
        <td>${facts[r.subject_kind]?.[r.fact] || r.fact}</td><td>${r.value ? '✓ Có' : '✗ Không'}</td><td>${r.minutes}${r.note ? ` — ${r.note}` : ''}</td><td>${r.entered_by}</td></tr>`)}</tbody>
    </table></div>` : html`<p class="muted">Chưa có xác nhận nào; kết quả xét dùng dữ liệu đã nhập.</p>`}<//>
    ${canEnter && html`<form class="inline-form" onSubmit=${submit} data-testid="attest-form">
      <label>Đối tượng <select value=${form.subject} onChange=${set('subject')}>${subjects.map((s) => html`<option key=${s.kind + s.id} value=${`${s.kind}:${s.id}`}>${s.name}</option>`)}</select></label>
      <label>Năm <input type="number" min="2000" max="2100" value=${form.year} onInput=${set('year')} /></label>
      <label>Nội dung <select value=${form.fact} onChange=${set('fact')}>${Object.entries(facts[kind]).map(([k, v]) => html`<option key=${k} value=${k}>${v}</option>`)}</select></label>
      <label>Kết quả <select value=${form.value} onChange=${set('value')}><option value="true">Có</option><option value="false">Không</option></select></label>
      <label>Biên bản <input value=${form.minutes} onInput=${set('minutes')} required data-testid="attest-minutes" /></label>
      <label>Ghi chú <input value=${form.note} onInput=${set('note')} /></label>
      <button type="submit" data-testid="attest-submit">Lưu xác nhận</button>
      <${ErrorBox} error=${error} />
    </form>`}
  </section>`;
}

export function UnitPage({ params, user }) {
  const state = useLoad(() => api.get(`/units/${enc(params.unit)}`), [params.unit]);
  return html`<${Loaded} state=${state}>${(u) => html`
    <${PageTitle} testid="unit-name">${u.name}<//>
    <dl class="facts">
      <dt>Mã</dt><dd>${u.id}</dd>
      <dt>Loại</dt><dd>${label(unitTypes, u.type)}</dd>
      ${u.parent && html`<dt>Trực thuộc</dt><dd><a href=${`#/don-vi/${enc(u.parent)}`}>${u.parent_name || u.parent}</a></dd>`}
      ${u.lineage?.active_to ? html`<dt>Hoạt động đến</dt><dd>${formatDate(u.lineage.active_to)}</dd>` : ''}
    </dl>
    <${Lineage} unit=${u} />
    <section aria-labelledby="unit-years"><h2 id="unit-years">Kết quả hằng năm</h2>
      ${u.years?.length ? html`<div class="scroll"><table class="table" data-testid="unit-years-table">
        <thead><tr><th scope="col">Năm</th><th scope="col" class="num">Tỷ lệ điểm CCHC (%)</th><th scope="col">Xếp loại</th>
          <th scope="col" class="num">Hài lòng (%)</th><th scope="col" class="num">Hoàn thành nhiệm vụ (%)</th></tr></thead>
        <tbody>${u.years.map((y) => html`<tr key=${y.year}><th scope="row">${y.year}</th>
          <td class="num">${formatNumber(y.index_rate)}</td><td>${label(parRatings, y.rating)}</td>
          <td class="num">${formatNumber(y.satisfaction)}</td><td class="num">${formatNumber(y.task_completion)}</td></tr>`)}</tbody>
      </table></div>` : html`<p class="muted">Chưa có kết quả.</p>`}
    </section>
    <${ParTasks} unit=${u} />
    <${Attestations} unit=${u} user=${user} />
    <section aria-labelledby="unit-chart1"><h2 id="unit-chart1">So với các đơn vị cùng loại qua các năm</h2>
      <${HistoryChart} unit=${u} /></section>
    <section aria-labelledby="unit-chart2"><h2 id="unit-chart2">Phân bố trong nhóm theo năm</h2>
      <${SpreadChart} unit=${u} /></section>
    ${u.children?.length ? html`<section aria-labelledby="unit-children"><h2 id="unit-children">Đơn vị trực thuộc</h2>
      <ul>${u.children.map((c) => html`<li key=${c.id} data-testid=${`unit-${c.id}`}><a href=${`#/don-vi/${enc(c.id)}`}>${c.name}</a></li>`)}</ul></section>` : ''}
    ${u.people?.length ? html`<section aria-labelledby="unit-people"><h2 id="unit-people">Cá nhân</h2>
      <table class="table"><thead><tr><th scope="col">Họ và tên</th><th scope="col">Chức vụ</th><th scope="col">Giới tính</th></tr></thead>
      <tbody>${u.people.map((p) => html`<tr key=${p.id}><td>${p.name}</td><td>${p.position || ''}</td><td>${label(genders, p.gender)}</td></tr>`)}</tbody></table>
    </section>` : ''}`}<//>`;
}
