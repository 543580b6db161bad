// Turns the raw measurements bench/run.sh left in one folder into bench/RESULTS.md (stdout):
// the machine, every comparison with its ratio and the issue's target, peak memory, the
// DuckDB cross-check and the linear-growth table.
//
//   node bench/report.mjs RAW_DIR > bench/RESULTS.md
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const raw = process.argv[2];
if (!raw) {
  console.error('usage: node report.mjs RAW_DIR');
  process.exit(2);
}
const path = (name) => join(raw, name);
const text = (name) => readFileSync(path(name), 'utf8');
const json = (name) => JSON.parse(text(name));

const machine = Object.fromEntries(
  text('machine.txt').trim().split('\n').map((line) => {
    const at = line.indexOf('=');
    return [line.slice(0, at), line.slice(at + 1)];
  }));

// /usr/bin/time -v: wall clock ("1:02.35" or "1:02:03"), CPU time and peak resident memory (kB).
function timeReport(name) {
  if (!existsSync(path(name))) return null;
  const t = text(name);
  const wall = t.match(/Elapsed \(wall clock\) time.*: ([\d:.]+)/)[1].split(':').map(Number);
  const seconds = wall.reduce((sum, part) => sum * 60 + part, 0);
  const peakKb = Number(t.match(/Maximum resident set size \(kbytes\): (\d+)/)[1]);
  const cpu = Number(t.match(/User time \(seconds\): ([\d.]+)/)[1]) +
              Number(t.match(/System time \(seconds\): ([\d.]+)/)[1]);
  const exit = Number((t.match(/Exit status: (\d+)/) ?? [0, 0])[1]);
  const signal = t.match(/Command terminated by signal (\d+)/);
  return { seconds, cpu, peakMb: peakKb / 1024, exit, signal: signal ? Number(signal[1]) : null };
}

// Google Benchmark JSON: the median repetition in milliseconds, and the counters.
// `prefix`: evaluate/ (the dataset's lookups kept, as the server keeps them) or evaluate-cold/
// (built again by each evaluation, as one `thidua evaluate` run does).
function benchMedian(name, prefix = 'evaluate/') {
  const doc = json(name);
  const mine = doc.benchmarks.filter((b) => b.name.startsWith(prefix));
  const median = mine.find((b) => b.aggregate_name === 'median') ?? mine[0];
  const scale = { ns: 1e-6, us: 1e-3, ms: 1, s: 1e3 }[median.time_unit];
  return { ms: median.real_time * scale, eligible: median.eligible_individual,
           personYears: median.person_years, people: median.people };
}

// The JSON line award.mjs prints last.
const duckdbRun = (name) => JSON.parse(text(name).trim().split('\n').pop());

// The rounds of a measurement that run.sh repeats, alternating the sides: NAME, NAME-2, NAME-3…
// (a raw folder from before rounds has NAME alone).
function roundNames(name) {
  const names = [];
  for (let k = 1; existsSync(path(`${name}${k === 1 ? '' : `-${k}`}.time`)); ++k)
    names.push(`${name}${k === 1 ? '' : `-${k}`}`);
  return names;
}
const medianOf = (values) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)];
// The median round by wall clock, with the highest peak memory of all rounds.
function medianRound(name) {
  const runs = roundNames(name).map((n) => timeReport(`${n}.time`));
  const median = runs.find((r) => r.seconds === medianOf(runs.map((x) => x.seconds)));
  return { ...median, peakMb: Math.max(...runs.map((r) => r.peakMb)), rounds: runs };
}

function wrkRun(name) {
  const line = text(name).split('\n').find((l) => l.startsWith('WRK_JSON '));
  return JSON.parse(line.slice('WRK_JSON '.length));
}

const fmt = (x, digits = 2) => (x == null || Number.isNaN(x) ? 'n/a' : x.toFixed(digits));
const fmtInt = (x) => Math.round(x).toLocaleString('en-US');
const seconds = (s) => (s < 1 ? `${fmt(s * 1000, 0)} ms` : `${fmt(s, 2)} s`);
const mb = (m) => (m >= 1024 ? `${fmt(m / 1024, 2)} GB` : `${fmt(m, 0)} MB`);
const met = (ok) => (ok ? 'yes' : '**NO**');
// "3.2× faster" when thidua wins, "0.40× (2.5× slower)" when it loses.
function faster(ratio) {
  if (!Number.isFinite(ratio)) return 'n/a';
  return ratio >= 1 ? `${fmt(ratio)}× faster` : `${fmt(ratio)}× (${fmt(1 / ratio)}× slower)`;
}

const out = [];
const emit = (line = '') => out.push(line);

// --- measurements --------------------------------------------------------------------------------

const summary = json('e2e-thidua.out');
const individual = summary.awards.find((a) => a.award === 'bang-khen-ca-nhan').groups[0];
const e2eThidua = medianRound('e2e-thidua');
const e2eDuck = medianRound('e2e-duckdb');
// The first round's answer is cross-checked; the query's time is the median of the rounds'.
const e2eDuckRun = {
  ...duckdbRun('e2e-duckdb.out'),
  query_ms: medianOf(roundNames('e2e-duckdb').map((n) => duckdbRun(`${n}.out`).query_ms)),
};
const memThidua = benchMedian('mem-thidua.out');
const memThiduaCold = benchMedian('mem-thidua.out', 'evaluate-cold/');
const memThiduaTime = timeReport('mem-thidua.time');
const memDuck = duckdbRun('mem-duckdb.out');
const memDuckTime = timeReport('mem-duckdb.time');
const importRows = Number(text('import-rows.txt'));
const importThidua = timeReport('import-thidua.time');
const importSqlite = timeReport('import-sqlite3.time');
const httpSingle = json('http-single.json');
const httpSingleAll = existsSync(path('http-single-all.json')) ? json('http-single-all.json') : null;
const healthz = wrkRun('http-healthz.out');
const evaluation = wrkRun('http-evaluation.out');
const evaluationGzip = existsSync(path('http-evaluation-gzip.out')) ? wrkRun('http-evaluation-gzip.out') : null;
const evaluation304 = existsSync(path('http-evaluation-304.out')) ? wrkRun('http-evaluation-304.out') : null;
// The whole document (?limit=all); absent from runs made before the API paged its candidates.
const evaluationAll = existsSync(path('http-evaluation-all.out')) ? wrkRun('http-evaluation-all.out') : null;
const evaluationAllGzip = existsSync(path('http-evaluation-all-gzip.out')) ? wrkRun('http-evaluation-all-gzip.out') : null;
// Before paging, the default answer was the whole document: say which one the headline measured.
const paged = httpSingleAll != null;
const evaluationWhat = paged ? 'evaluation, default page (50 per group)' : 'evaluation';
const server = timeReport('http-server.time');
const httpPeople = Number(text('http-people.txt'));

// --- header ---------------------------------------------------------------------------------------

emit('# Benchmark results');
emit();
emit('Written by `bench/run.sh` (see `bench/README.md` for what each figure measures); the next');
emit('change is compared with these. Times are wall clock.');
emit();
emit('| | |');
emit('|---|---|');
emit(`| machine | ${machine.cpu}, ${machine.cores} cores, ${machine.ram} RAM, ${machine.kernel} |`);
emit(`| date | ${machine.date} |`);
emit(`| git revision | ${machine.revision} |`);
emit(`| mode | ${machine.mode} — dataset \`${machine.big.split('/').pop()}\`, ` +
     `${fmtInt(memThidua.people)} people × ${machine.year_count} years |`);
emit(`| DuckDB | ${e2eDuckRun.duckdb} (\`@duckdb/node-api\`), ${e2eDuckRun.threads} threads |`);
const load = [machine.load_start, machine.load_end ?? machine.load].filter(Boolean);
emit(`| load average (1, 5, 15 min) | ${machine.load_start ? `${machine.load_start} at the start, ` : ''}` +
     `${machine.load_end ?? machine.load} at the end |`);
emit();
// A load above the core count means other processes took CPU from both sides during the run.
const busiest = Math.max(...load.map((l) => Number(l.split(' ')[0])));
if (busiest > Number(machine.cores))
  emit(`> The CPU was shared with other work during this run (1-minute load up to ${busiest} on ` +
       `${machine.cores} cores): times are slower than on an idle machine, and not evenly so for ` +
       'both sides of a ratio; the CPU column of "Time and peak memory" shows what each process ' +
       'got.\n');

// --- comparisons ---------------------------------------------------------------------------------

const e2eRatio = e2eDuck.seconds / e2eThidua.seconds;
const e2eQueryRatio = e2eDuckRun.query_ms / 1000 / e2eThidua.seconds;
const memRatio = memDuck.query_ms / memThidua.ms;
const memColdRatio = memDuck.query_ms / memThiduaCold.ms;
const importThiduaRate = importRows / importThidua.seconds;
const importSqliteRate = importRows / importSqlite.seconds;
const importRatio = importThiduaRate / importSqliteRate;
const httpRatio = evaluation.rps / healthz.rps;
const httpP99 = evaluation.requests > 0 ? evaluation.p99_ms : null;

emit('## Comparisons');
emit();
emit('| comparison | thidua | baseline | ratio | target | met |');
emit('|---|---|---|---|---|---|');
emit(`| end-to-end from CSV, whole process: \`thidua evaluate --format summary\` vs DuckDB ` +
     `(node process), medians of ${e2eThidua.rounds.length} | ${seconds(e2eThidua.seconds)} | ${seconds(e2eDuck.seconds)} | ` +
     `${faster(e2eRatio)} | ≥ 3× faster | ${met(e2eRatio >= 3)} |`);
emit(`| end-to-end from CSV: thidua process vs DuckDB query alone (timed inside node) | ` +
     `${seconds(e2eThidua.seconds)} | ${seconds(e2eDuckRun.query_ms / 1000)} | ` +
     `${faster(e2eQueryRatio)} | ≥ 3× faster | ${met(e2eQueryRatio >= 3)} |`);
emit(`| end-to-end peak memory (thidua) | ${mb(e2eThidua.peakMb)} | DuckDB ${mb(e2eDuck.peakMb)} | ` +
     `— | < 1.5 GB | ${met(e2eThidua.peakMb < 1536)} |`);
emit(`| in memory: \`thidua::evaluate\` (whole period, trace off) vs DuckDB query on loaded ` +
     `tables, medians | ${fmt(memThidua.ms, 1)} ms | ${fmt(memDuck.query_ms, 1)} ms | ` +
     `${faster(memRatio)} | ≥ 15× faster | ${met(memRatio >= 15)} |`);
emit(`| same, the dataset's lookups (people by unit and year, registrations) built again by each ` +
     `evaluation | ${fmt(memThiduaCold.ms, 1)} ms | ${fmt(memDuck.query_ms, 1)} ms | ` +
     `${faster(memColdRatio)} | — | — |`);
emit(`| import into a fresh SQLite database, ${fmtInt(importRows)} rows: \`thidua import\` vs ` +
     `\`sqlite3 .import\` | ${fmtInt(importThiduaRate)} rows/s (${seconds(importThidua.seconds)}) | ` +
     `${fmtInt(importSqliteRate)} rows/s (${seconds(importSqlite.seconds)}) | ${fmt(importRatio)}× | ` +
     `≥ 1× | ${met(importRatio >= 1)} |`);
emit(`| HTTP requests/s: ${evaluationWhat} vs \`/healthz\` (province, ${fmtInt(httpPeople)} people) | ` +
     `${fmt(evaluation.rps, 1)} req/s | ${fmt(healthz.rps, 1)} req/s | ${fmt(httpRatio, 3)}× | ` +
     `≥ 0.5× | ${met(httpRatio >= 0.5)} |`);
emit(`| HTTP ${evaluationWhat} p99 latency | ${httpP99 == null ? 'no request completed' : `${fmt(httpP99, 1)} ms`} ` +
     `| /healthz ${fmt(healthz.p99_ms, 1)} ms | — | < 50 ms | ${met(httpP99 != null && httpP99 < 50)} |`);
for (const [what, w] of [['gzip (Accept-Encoding: gzip)', evaluationGzip],
                         ['revalidated (If-None-Match: the ETag, answered 304)', evaluation304]]) {
  if (!w) continue;
  const ratio = w.rps / healthz.rps;
  const p99 = w.requests > 0 ? w.p99_ms : null;
  emit(`| HTTP evaluation, ${what}: req/s vs \`/healthz\`, p99 | ${fmt(w.rps, 1)} req/s, p99 ` +
       `${p99 == null ? '—' : `${fmt(p99, 1)} ms`} | ${fmt(healthz.rps, 1)} req/s | ${fmt(ratio, 3)}× | ` +
       `≥ 0.5×, p99 < 50 ms | ${met(ratio >= 0.5 && p99 != null && p99 < 50)} |`);
}
// The whole document is shown, not held to the target: it is what a client asking limit=all pays.
for (const [what, w] of [['whole document (limit=all)', evaluationAll],
                         ['whole document (limit=all), gzip', evaluationAllGzip]]) {
  if (!w) continue;
  const ratio = w.rps / healthz.rps;
  const p99 = w.requests > 0 ? w.p99_ms : null;
  emit(`| HTTP evaluation, ${what}: req/s vs \`/healthz\`, p99 | ${fmt(w.rps, 1)} req/s, p99 ` +
       `${p99 == null ? '—' : `${fmt(p99, 1)} ms`} | ${fmt(healthz.rps, 1)} req/s | ${fmt(ratio, 3)}× | ` +
       'shown, no target | — |');
}
emit();
if (e2eThidua.rounds.length > 1) {
  const pairs = e2eThidua.rounds.map((t, k) => {
    const d = e2eDuck.rounds[k];
    return `${seconds(t.seconds)} / ${d ? seconds(d.seconds) : 'n/a'}`;
  });
  emit(`End-to-end rounds, alternating the sides (thidua / DuckDB, wall clock): ${pairs.join(', ')}. ` +
       'The table shows each side\'s median round and the highest peak memory of any round.');
  emit();
}

// --- cross-check ---------------------------------------------------------------------------------

const sameList = (a, b) => JSON.stringify([...a].sort()) === JSON.stringify([...b].sort());
const checks = [
  ['eligible, DuckDB from CSV', e2eDuckRun.eligible === individual.candidates.eligible, e2eDuckRun.eligible],
  ['eligible, DuckDB on loaded tables', memDuck.eligible === individual.candidates.eligible, memDuck.eligible],
  ['eligible, thidua_bench (in memory)', memThidua.eligible === individual.candidates.eligible, memThidua.eligible],
  ['selected ids, DuckDB', sameList(e2eDuckRun.selected, individual.selected), `${e2eDuckRun.selected.length} ids`],
  ['tied ids, DuckDB', sameList(e2eDuckRun.tied, individual.tied), `${e2eDuckRun.tied.length} ids`],
];
const mismatches = checks.filter(([, ok]) => !ok);
emit('## Cross-check: the same award');
emit();
emit(`thidua's summary for \`bang-khen-ca-nhan\`: **${individual.candidates.eligible}** eligible, ` +
     `${individual.selected.length} selected, ${individual.tied.length} tied, ` +
     `${individual.open_seats} open seats; DuckDB was given the ${e2eDuckRun.selected_units} units ` +
     'thidua selected for the collective awards.');
emit();
if (mismatches.length) {
  emit(`> **MISMATCH**: ${mismatches.map(([what]) => what).join('; ')} — DuckDB and thidua ` +
       'do not compute the same award, so the ratios above compare different work.');
  emit();
}
emit('| what | value | equals thidua |');
emit('|---|---|---|');
for (const [what, ok, value] of checks) emit(`| ${what} | ${value} | ${ok ? 'yes' : '**NO**'} |`);
emit();

// --- peak memory ---------------------------------------------------------------------------------

emit('## Time and peak memory of each run (`/usr/bin/time -v`)');
emit();
emit('| run | wall | CPU (user + system) | peak resident memory |');
emit('|---|---|---|---|');
const memoryRows = [
  ['thidua evaluate, from CSV', e2eThidua],
  ['DuckDB over CSV (node process)', e2eDuck],
  ['thidua_bench (read once, 3 evaluations)', memThiduaTime],
  [`DuckDB load + ${memDuck.query_ms_all.length} queries (node process; load ${fmt(memDuck.load_ms / 1000)} s)`, memDuckTime],
  ['thidua import', importThidua],
  ['sqlite3 .import', importSqlite],
  ['thidua serve (province; through every wrk run)', server],
];
for (const [what, t] of memoryRows)
  emit(`| ${what} | ${t ? seconds(t.seconds) : 'n/a'} | ${t ? seconds(t.cpu) : 'n/a'} | ` +
       `${t ? mb(t.peakMb) : 'n/a'} |`);
emit();

// --- HTTP detail ---------------------------------------------------------------------------------

emit('## HTTP detail (wrk -t2 -c64 -d10s --latency --timeout 10s, loopback)');
emit();
emit('| route | requests | req/s | p50 | p90 | p99 | errors (timeout/status/read) |');
emit('|---|---|---|---|---|---|---|');
for (const [route, w] of [['/healthz', healthz], [evaluationWhat, evaluation],
                          ['evaluation, gzip', evaluationGzip], ['evaluation, 304', evaluation304],
                          ['evaluation, whole (limit=all)', evaluationAll],
                          ['evaluation, whole (limit=all), gzip', evaluationAllGzip]]) {
  if (!w) continue;
  const ok = w.requests > 0;
  emit(`| ${route} | ${fmtInt(w.requests)} | ${fmt(w.rps, 1)} | ${ok ? `${fmt(w.p50_ms, 1)} ms` : '—'} | ` +
       `${ok ? `${fmt(w.p90_ms, 1)} ms` : '—'} | ${ok ? `${fmt(w.p99_ms, 1)} ms` : '—'} | ` +
       `${w.errors.timeout}/${w.errors.status}/${w.errors.read} |`);
}
emit();
if (evaluation.requests === 0)
  emit('No evaluation request finished within the 10 s run: with 64 asked at once, each answer ' +
       'took longer than the run lasted (wrk counts a request only when it completes).\n');
emit(`One evaluation request alone (curl, before wrk)${paged ? ', the default page' : ''}: ` +
     `HTTP ${httpSingle.status}, ${seconds(httpSingle.seconds)}, ${fmt(httpSingle.bytes / 1e6, 2)} MB of JSON` +
     (httpSingleAll ? `; the whole document (limit=all): HTTP ${httpSingleAll.status}, ` +
       `${seconds(httpSingleAll.seconds)}, ${fmt(httpSingleAll.bytes / 1e6, 1)} MB.` : '.'));
emit();

// --- linear growth -------------------------------------------------------------------------------

emit('## Linear growth (plan period 2021-2025, summary)');
emit();
emit('| dataset | people | person-years | from CSV | s per million person-years | in memory | ms per million person-years |');
emit('|---|---|---|---|---|---|---|');
for (let n = 1; existsSync(path(`linear-${n}.people`)); ++n) {
  const people = Number(text(`linear-${n}.people`));
  const personYears = people * Number(machine.year_count);
  const csv = timeReport(`linear-${n}-csv.time`);
  const mem = benchMedian(`linear-${n}-mem.out`);
  const millions = personYears / 1e6;
  emit(`| \`${text(`linear-${n}.dir`).trim().split('/').pop()}\` | ${fmtInt(people)} | ` +
       `${fmtInt(personYears)} | ${seconds(csv.seconds)} | ${fmt(csv.seconds / millions)} | ` +
       `${fmt(mem.ms, 1)} ms | ${fmt(mem.ms / millions, 1)} |`);
}
emit();

console.log(out.join('\n'));
