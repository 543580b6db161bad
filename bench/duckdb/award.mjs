// Runs award.sql on DuckDB over a dataset folder and prints one JSON line: the query's wall time
// and what it found (eligible count, selected and tied ids), for bench/report.mjs to compare with
// thidua's summary.
//
//   node award.mjs csv    DATA_DIR SUMMARY_JSON          # views over read_csv: the query reads the CSV
//   node award.mjs memory DATA_DIR SUMMARY_JSON [REPS]   # tables loaded first; median of REPS queries
//
// SUMMARY_JSON is thidua's `evaluate --format summary` of the same period: the units it selected
// for the collective awards become the VALUES table selected_units.
import { DuckDBInstance } from '@duckdb/node-api';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const [mode, dataDir, summaryPath, repsArg] = process.argv.slice(2);
if (!['csv', 'memory'].includes(mode) || !dataDir || !summaryPath) {
  console.error('usage: node award.mjs csv|memory DATA_DIR SUMMARY_JSON [REPS]');
  process.exit(2);
}
const reps = Number(repsArg ?? 5);
const sql = readFileSync(join(dirname(fileURLToPath(import.meta.url)), 'award.sql'), 'utf8');

const summary = JSON.parse(readFileSync(summaryPath, 'utf8'));
const collective = ['co-thi-dua', 'bang-khen-tap-the'];
const selectedUnits = summary.awards
  .filter((a) => collective.includes(a.award))
  .flatMap((a) => a.groups.flatMap((g) => g.selected));
// Ids are [A-Za-z0-9._-]+ (DATA.md), so they need no escaping beyond the check.
for (const id of selectedUnits) if (!/^[A-Za-z0-9._-]+$/.test(id)) throw new Error(`bad id ${id}`);

// Column types the query relies on are fixed rather than sniffed: a sample without `review`
// would make `disciplined` an integer column and fail further down the file.
const csv = (file, types) =>
  `read_csv('${join(dataDir, file).replaceAll("'", "''")}', header = true, types = ${types})`;
const sources = {
  people: csv('people.csv', "{'id': 'VARCHAR', 'unit_id': 'VARCHAR', 'gender': 'VARCHAR', 'par_role': 'VARCHAR'}"),
  person_years: csv('person_years.csv',
    "{'person_id': 'VARCHAR', 'year': 'INTEGER', 'unit_id': 'VARCHAR', 'rating': 'VARCHAR', " +
    "'excellent_par': 'VARCHAR', 'disciplined': 'VARCHAR'}"),
  registrations: csv('registrations.csv', "{'subject_id': 'VARCHAR', 'period': 'VARCHAR', 'registered_on': 'DATE'}"),
};

const instance = await DuckDBInstance.create(':memory:', { threads: '2' });
const db = await instance.connect();
await db.run('SET threads = 2');
const values = selectedUnits.length
  ? selectedUnits.map((id) => `('${id}')`).join(', ')
  : "(NULL)";
await db.run(`CREATE TABLE selected_units(unit_id VARCHAR)`);
await db.run(`INSERT INTO selected_units VALUES ${values}`);

let loadMs = null;
if (mode === 'csv') {
  for (const [name, source] of Object.entries(sources))
    await db.run(`CREATE VIEW ${name} AS SELECT * FROM ${source}`);
} else {
  const t0 = performance.now();
  for (const [name, source] of Object.entries(sources))
    await db.run(`CREATE TABLE ${name} AS SELECT * FROM ${source}`);
  loadMs = performance.now() - t0;
}

const times = [];
let found = null;
for (let i = 0; i < (mode === 'csv' ? 1 : reps); ++i) {
  const t0 = performance.now();
  const reader = await db.runAndReadAll(sql);
  times.push(performance.now() - t0);
  found = reader.getRowObjectsJson()[0];
}
const sorted = [...times].sort((a, b) => a - b);
console.log(JSON.stringify({
  mode,
  threads: 2,
  duckdb: (await (await db.runAndReadAll('SELECT version() AS v')).getRowObjectsJson())[0].v,
  selected_units: selectedUnits.length,
  load_ms: loadMs,
  query_ms: sorted[Math.floor(sorted.length / 2)],
  query_ms_all: times,
  eligible: Number(found.eligible),
  selected: found.selected ?? [],
  tied: found.tied ?? [],
}));
