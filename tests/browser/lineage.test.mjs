// The 2025 reorganisation in the browser, on the Ngã Năm plan's 2021–2025 phase with the
// nga-nam-merger data (its own server and database, tests/browser/run.sh): the town of Ngã Năm
// closed on 30/6/2025 and its wards and communes merged into three new ones.
//   - a new ward's page shows its predecessors with their weights, the main one and the date they
//     closed; a predecessor's page leads back to it;
//   - the evaluation page warns that the plan's issuer was dissolved, names the history rule in
//     force (the plan's: every predecessor must qualify), marks the merged ward whose result
//     depends on that rule with its note, and switching to the main predecessor's history changes
//     its status;
//   - forwarding the selections to the province's plan asks for a confirmation with the warning.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { makeZip } from './zip.mjs';
import {
  ADMIN, ADMIN_PASSWORD, BASE, apiCall, assertNoProblems, close, launch, login, page, root, step,
} from './harness.mjs';

const PLAN = 'nga-nam-2021-2030';
const PARENT = 'soc-trang-2021-2030';
const PERIOD = '2021-2025';
const DATA = path.join(root, 'tests/scenarios', PLAN, 'nga-nam-merger', 'data');
const WARD = 'CTH-P-NN'; // Ủy ban nhân dân phường Ngã Năm, from NN-P1 (main), NN-P2, NN-X-VQ

async function savePlan(id) {
  const text = fs.readFileSync(path.join(root, 'plans', `${id}.yaml`), 'utf8');
  const saved = await apiCall('PUT', `/plans/${id}`, { data: text, headers: { 'Content-Type': 'application/yaml' } });
  assert.ok(saved.ok(), `lưu kế hoạch ${id}: ${saved.status()} ${await saved.text()}`);
}

function candidateRow(id) {
  return page.getByTestId(`candidate-${id}`).first();
}

describe('sáp nhập, hợp nhất đơn vị năm 2025', { concurrency: false }, () => {
  before(launch);
  after(close);

  test('chuẩn bị: kế hoạch Ngã Năm, Sóc Trăng và dữ liệu sáp nhập', () => step('lineage-setup', async () => {
    await login(ADMIN, ADMIN_PASSWORD);
    await savePlan(PLAN);
    await savePlan(PARENT);
    const files = fs.readdirSync(DATA).filter((f) => f.endsWith('.csv')).sort()
      .map((name) => ({ name, data: fs.readFileSync(path.join(DATA, name)) }));
    const imported = await apiCall('POST', `/plans/${PLAN}/data`, { data: makeZip(files), headers: { 'Content-Type': 'application/zip' } });
    assert.ok(imported.ok(), `nhập dữ liệu: ${imported.status()} ${await imported.text()}`);
  }));

  test('trang đơn vị mới: các đơn vị tiền thân, trọng số, ngày giải thể', () => step('lineage-unit', async () => {
    await page.goto(`${BASE}/#/don-vi/${WARD}`);
    const section = page.getByTestId('unit-lineage');
    await section.waitFor({ timeout: 30_000 });
    assert.match(await section.getByRole('heading', { level: 2 }).innerText(), /Lịch sử sáp nhập, hợp nhất/);
    const preds = page.getByTestId('lineage-predecessors');
    for (const id of ['NN-P1', 'NN-P2', 'NN-X-VQ']) await preds.getByTestId(`lineage-${id}`).waitFor();
    const main = await preds.getByTestId('lineage-NN-P1').innerText();
    assert.match(main, /Ủy ban nhân dân Phường 1/);
    assert.match(main, /tiền thân chính/);
    assert.match(main, /trọng số 3/);
    assert.match(main, /đã giải thể từ 01\/07\/2025/);
    assert.match(await page.getByTestId('lineage-self').innerText(), /Thành lập từ 01\/07\/2025/);

    // The predecessor's page leads forward to the ward.
    await preds.getByTestId('lineage-NN-P1').getByRole('link', { name: 'Ủy ban nhân dân Phường 1' }).click();
    await page.getByTestId('unit-name').filter({ hasText: 'Ủy ban nhân dân Phường 1' }).waitFor();
    const next = page.getByTestId('lineage-successors');
    await next.getByTestId(`lineage-${WARD}`).waitFor();
    assert.match(await next.innerText(), /Ủy ban nhân dân phường Ngã Năm/);
    assert.match(await page.getByTestId('lineage-self').innerText(), /đã giải thể từ 01\/07\/2025/);
    assertNoProblems('trang đơn vị');
  }));

  test('kết quả xét: cảnh báo cơ quan ban hành đã giải thể, cách xét lịch sử', () => step('lineage-evaluation', async () => {
    await page.goto(`${BASE}/#/ket-qua/${PLAN}/${PERIOD}`);
    await candidateRow(WARD).waitFor({ timeout: 60_000 });
    const banner = page.getByTestId('issuer-dissolved');
    await banner.waitFor();
    const warning = await banner.innerText();
    assert.match(warning, /Ủy ban nhân dân thị xã Ngã Năm/);
    assert.match(warning, /01\/07\/2025/);

    assert.equal(await page.getByTestId('history-in-force').innerText(), 'mọi đơn vị tiền thân đều phải đạt');
    const row = candidateRow(WARD);
    await row.getByTestId('badge-depends').waitFor();
    assert.match(await row.getByTestId('badge-depends').innerText(), /Phụ thuộc cách xét lịch sử/);
    assert.equal(await row.locator('span.status').innerText(), 'không đủ điều kiện');

    await page.getByTestId(`expand-${WARD}`).first().click();
    const detail = page.getByTestId(`reasons-${WARD}`).first();
    const note = detail.getByTestId('lineage-note');
    await note.waitFor();
    assert.match(await note.innerText(), /Thành lập ngày 01\/07\/2025/);
    const byRule = await detail.getByTestId('lineage-by-rule').innerText();
    assert.match(byRule, /theo đơn vị tiền thân chính: đủ điều kiện/);
    assert.match(byRule, /chỉ các năm của chính đơn vị: chưa đủ dữ liệu/);

    // A closed ward competes no more: its award goes to the new ward.
    assert.match(await candidateRow('NN-P1').getByTestId('badge-closed').innerText(), /Đã giải thể/);

    // The main predecessor's history makes the ward eligible.
    await page.getByTestId('history-select').selectOption('main');
    await page.getByTestId('history-in-force').filter({ hasText: 'theo đơn vị tiền thân chính' }).waitFor({ timeout: 60_000 });
    await candidateRow(WARD).locator('span.status', { hasText: /^đủ điều kiện$/ }).waitFor();
    assert.match(await page.getByTestId('history-rule').innerText(), /đang so sánh/);
    assert.match(await page.getByTestId('history-rule').innerText(), /kế hoạch quy định: mọi đơn vị tiền thân đều phải đạt/);

    // Back to the plan's rule.
    await page.getByTestId('history-select').selectOption('');
    await candidateRow(WARD).locator('span.status', { hasText: /^không đủ điều kiện$/ }).waitFor({ timeout: 60_000 });
    assertNoProblems('kết quả xét');
  }));

  test('chuyển đề nghị lên kế hoạch tỉnh: hỏi xác nhận vì cơ quan ban hành đã giải thể', () => step('lineage-forward', async () => {
    const box = page.getByTestId('forward-box');
    await box.waitFor();
    await page.getByTestId('forward-award').selectOption({ index: 1 });
    await page.getByTestId('forward-submit').click();
    const confirm = page.getByTestId('forward-confirm');
    await confirm.waitFor();
    assert.match(await confirm.innerText(), /Ủy ban nhân dân thị xã Ngã Năm/);
    // Nothing was forwarded before the confirmation.
    const listed = await apiCall('GET', `/plans/${PARENT}/proposals?period=${PERIOD}`);
    assert.ok(listed.ok(), `đề nghị: ${listed.status()}`);
    assert.deepEqual((await listed.json()).proposals, []);
    await confirm.getByRole('button', { name: 'Hủy' }).click();
    await confirm.waitFor({ state: 'detached' });
    assertNoProblems('chuyển đề nghị');
  }));
});
