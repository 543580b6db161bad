// Browser tests of the web UI against a running `thidua serve` (tests/browser/run.sh starts one).
// Env: BASE_URL, THIDUA_ADMIN_PASSWORD, THIDUA_SOURCE_DIR, ARTIFACTS_DIR (screenshots on failure),
// CHROMIUM (default /usr/bin/chromium). Steps run in order and share one browser.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { makeZip } from './zip.mjs';
import {
  ADMIN, ADMIN_PASSWORD, BASE, VIETNAMESE, apiCall, assertNoProblems, close, forgetProblems, launch, login, logout, page, root, step,
} from './harness.mjs';

const PLAN = 'kien-giang-2021-2025';
const PERIOD = '2021-2025';
const UNIT = process.env.THIDUA_TEST_UNIT || 'KG-STP'; // Sở Tư pháp
// Scratch files (zips to upload) go in one folder, removed when the tests end.
const SCRATCH = fs.mkdtempSync(path.join(os.tmpdir(), 'thidua-zip-'));
const OTHER_UNIT = 'KG-SNV';
const OTHER_UNIT_NAME = 'Sở Nội vụ';

describe('giao diện web', { concurrency: false }, () => {
  before(launch);

  after(async () => {
    await close();
    fs.rmSync(SCRATCH, { recursive: true, force: true });
  });

  test('trang chính: CSP và tài nguyên nhúng', () => step('assets', async () => {
    const response = await page.request.get(`${BASE}/`);
    assert.equal(response.status(), 200);
    const csp = response.headers()['content-security-policy'] || '';
    assert.match(csp, /script-src 'self'/);
    assert.match(csp, /frame-ancestors 'none'/);
    assert.equal(response.headers()['cache-control'], 'no-cache');
    const etag = response.headers().etag;
    assert.ok(etag, 'thiếu ETag');
    const again = await page.request.get(`${BASE}/`, { headers: { 'If-None-Match': etag } });
    assert.equal(again.status(), 304);
    const chart = await page.request.get(`${BASE}/assets/vendor/chart.umd.js`);
    assert.equal(chart.status(), 200);
    assert.match(chart.headers()['content-type'], /javascript/);
  }));

  test('đăng nhập quản trị', () => step('login-admin', async () => {
    await login(ADMIN, ADMIN_PASSWORD);
    if (await page.getByTestId('password-form').isVisible()) {
      throw new Error('tài khoản quản trị bị buộc đổi mật khẩu: chưa xử lý trong bài kiểm tra');
    }
    await page.getByRole('heading', { level: 1, name: 'Tổng quan' }).waitFor();
    await page.getByTestId('nav-quan-tri').waitFor();
    assertNoProblems('tổng quan');
  }));

  test('nhập mẫu Kiên Giang qua trang Nhập dữ liệu', () => step('import', async () => {
    // The plan must be in the store; save it through the API when it is not.
    const existing = await apiCall('GET', `/plans/${PLAN}`);
    if (existing.status() === 404) {
      const text = fs.readFileSync(path.join(root, 'plans', `${PLAN}.yaml`), 'utf8');
      const saved = await apiCall('PUT', `/plans/${PLAN}`, { data: text, headers: { 'Content-Type': 'application/yaml' } });
      assert.ok(saved.ok(), `lưu kế hoạch: ${saved.status()} ${await saved.text()}`);
    }
    const dir = path.join(root, 'samples', PLAN);
    const files = fs.readdirSync(dir).filter((f) => f.endsWith('.csv')).sort()
      .map((name) => ({ name, data: fs.readFileSync(path.join(dir, name)) }));
    const zipPath = path.join(SCRATCH, `${PLAN}.zip`);
    fs.writeFileSync(zipPath, makeZip(files));

    await page.getByTestId('nav-nhap-du-lieu').click();
    await page.getByTestId('import-form').waitFor();
    await page.getByTestId('import-plan').selectOption(PLAN);
    await page.getByTestId('import-file').setInputFiles(zipPath);
    await page.getByTestId('import-submit').click();
    await page.getByTestId('import-result').or(page.getByTestId('import-problems')).or(page.getByTestId('error')).first().waitFor({ timeout: 60_000 });
    assert.ok(await page.getByTestId('import-result').isVisible(), `nhập lỗi: ${await page.locator('main').innerText()}`);
    await page.getByTestId('import-table-units').waitFor();
    assertNoProblems('nhập dữ liệu');
  }));

  test('tệp có ô sai: lỗi theo tệp, dòng, cột; không lưu gì', () => step('import-bad', async () => {
    const bad = [
      { name: 'units.csv', data: Buffer.from('id,name,type,parent_id\nX1,Đơn vị thử,department,\n') },
      { name: 'unit_years.csv', data: Buffer.from('unit_id,year,par_score,par_max\nX1,2023,abc,100\n') },
    ];
    const zipPath = path.join(SCRATCH, 'sai.zip');
    fs.writeFileSync(zipPath, makeZip(bad));
    await page.goto(`${BASE}/#/nhap-du-lieu`);
    await page.getByTestId('import-form').waitFor();
    await page.getByTestId('import-file').setInputFiles(zipPath);
    await page.getByTestId('import-submit').click();
    const box = page.getByTestId('import-problems');
    await box.waitFor({ timeout: 60_000 });
    const text = await box.innerText();
    assert.match(text, /sai\.zip\/unit_years\.csv/);
    assert.match(text, /par_score/);
    assert.match(text, /abc/);
    const units = await apiCall('GET', '/units?q=don%20vi%20thu');
    assert.deepEqual(await units.json(), [], 'không lưu gì');
    // The refused upload is logged by the browser as a failed (400) request: expected here.
    forgetProblems(/status of 400/);
    assertNoProblems('nhập tệp sai');
  }));

  test('kết quả xét: lý do, tải XLSX', () => step('evaluation', async () => {
    await page.goto(`${BASE}/#/ket-qua/${PLAN}/${PERIOD}`);
    const rows = page.locator('[data-testid^="candidate-"]');
    await rows.first().waitFor({ timeout: 60_000 });
    assert.ok((await rows.count()) > 0);

    // Expand the first candidate that has criteria and read its reasons.
    const button = page.locator('[data-testid^="expand-"]').first();
    assert.equal(await button.getAttribute('aria-expanded'), 'false');
    await button.click();
    assert.equal(await button.getAttribute('aria-expanded'), 'true');
    const id = (await button.getAttribute('data-testid')).slice('expand-'.length);
    const reasons = page.getByTestId(`reasons-${id}`).first();
    await reasons.waitFor();
    const text = await reasons.innerText();
    assert.match(text, /đạt|không đạt|chưa rõ/);
    assert.match(text, VIETNAMESE, `lý do không có chữ tiếng Việt: ${text}`);
    // The same reason is on hover (title) of the marks.
    const title = await page.locator(`[data-testid="candidate-${id}"] .mark`).first().getAttribute('title');
    assert.ok(title && title.length > 3);

    const link = page.getByTestId('xlsx-link');
    assert.equal(await link.getAttribute('href'), `/api/v1/plans/${PLAN}/evaluation.xlsx?period=${PERIOD}`);
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    const file = await download.path();
    const head = fs.readFileSync(file).subarray(0, 2).toString('latin1');
    assert.equal(head, 'PK', 'tệp tải về không phải XLSX');
    assertNoProblems('kết quả xét');
  }));

  test('kết quả xét: xem thêm, tìm ứng viên, chỉ đủ điều kiện', () => step('evaluation-paging', async () => {
    await page.goto(`${BASE}/#/ket-qua/${PLAN}/${PERIOD}`);
    // A group longer than one page (50) offers "Xem thêm"; the server says how many there are.
    const more = page.locator('[data-testid^="more-"]').first();
    await more.waitFor({ timeout: 60_000 });
    const key = (await more.getAttribute('data-testid')).slice('more-'.length);
    const section = page.getByTestId(`group-${key}`);
    const rows = section.locator('tr[data-testid^="candidate-"]');
    const ids = () => rows.evaluateAll((trs) => trs.map((r) => r.dataset.testid.slice('candidate-'.length)));
    const award = await section.locator('tr[data-testid^="candidate-"]').first().getAttribute('data-award');
    const group = key.slice(award.length + 1);
    const whole = await (await apiCall('GET', `/plans/${PLAN}/evaluation?period=${PERIOD}&award=${award}&group=${group}&limit=all`)).json();
    const all = whole.awards[0].groups[0].candidates;
    assert.ok(all.length > 50, `nhóm ${key} chỉ có ${all.length} ứng viên`);
    assert.equal(await rows.count(), 50);
    assert.deepEqual(await ids(), all.slice(0, 50).map((c) => c.id));
    assert.match(await section.getByTestId(`shown-${key}`).innerText(), new RegExp(`50/${all.length}`));
    // The counts are the whole group's, not the page's.
    const eligible = all.filter((c) => c.status === 'eligible').length;
    if (eligible) assert.match(await section.getByTestId(`counts-${key}`).innerText(), new RegExp(`${eligible} đủ điều kiện`));
    await more.click();
    await page.waitForFunction(([k, n]) => document.querySelectorAll(`[data-testid="group-${k}"] tr[data-testid^="candidate-"]`).length > n, [key, 50]);
    const after = Math.min(all.length, 100);
    assert.equal(await rows.count(), after);
    assert.deepEqual(await ids(), all.slice(0, after).map((c) => c.id), 'trang sau nối tiếp đúng thứ hạng');
    assert.equal(await page.getByTestId(`more-${key}`).count(), all.length > 100 ? 1 : 0);

    // The search ignores diacritics and asks the server: a name from beyond the first page,
    // typed without its accents, is found and the rest of the group is gone.
    const fold = (t) => t.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd').toLowerCase();
    const target = all.slice(50).find((c) => fold(c.name) !== c.name.toLowerCase()) || all[all.length - 1];
    const query = fold(target.name);
    const matching = all.filter((c) => fold(c.name).includes(query) || fold(c.id).includes(query));
    const searched = page.waitForResponse((r) => r.url().includes('/evaluation?') && new URL(r.url()).searchParams.get('q') === query);
    await page.getByTestId('eval-search').fill(query);
    assert.equal((await searched).status(), 200);
    await section.getByTestId(`candidate-${target.id}`).waitFor({ timeout: 30_000 });
    await page.waitForFunction(([k, n]) => document.querySelectorAll(`[data-testid="group-${k}"] tr[data-testid^="candidate-"]`).length === n, [key, matching.length]);
    assert.deepEqual(await ids(), matching.map((c) => c.id));
    // Nothing matches: every group says so.
    await page.getByTestId('eval-search').fill('khong co ai ten nhu vay');
    await page.getByTestId(`no-candidates-${key}`).waitFor({ timeout: 30_000 });
    assert.match(await page.getByTestId(`no-candidates-${key}`).innerText(), /khong co ai ten nhu vay/);
    await page.getByTestId('eval-search').fill('');
    await page.waitForFunction(([k]) => document.querySelectorAll(`[data-testid="group-${k}"] tr[data-testid^="candidate-"]`).length === 50, [key]);

    // Eligible only: the server's filter, for every group on the page.
    const asked = page.waitForResponse((r) => r.url().includes('/evaluation?') && r.url().includes('status=eligible'));
    await page.getByTestId('eligible-only').check();
    assert.equal((await asked).status(), 200);
    await page.waitForFunction(() => !document.querySelector('tr.candidate.status-ineligible, tr.candidate.status-incomplete'));
    await page.waitForFunction(([k, n]) => document.querySelectorAll(`[data-testid="group-${k}"] tr[data-testid^="candidate-"]`).length === n, [key, Math.min(eligible, 50)]);
    assert.deepEqual(await ids(), all.filter((c) => c.status === 'eligible').slice(0, 50).map((c) => c.id));
    await page.getByTestId('eligible-only').uncheck();
    await page.waitForFunction(() => !!document.querySelector('tr.candidate.status-ineligible, tr.candidate.status-incomplete'));
    assertNoProblems('xem thêm, tìm ứng viên');

    // Pages of 2: the council's form still offers every eligible commune of the tied group (the
    // tied ones rank past the page), asked from the server whole.
    const wholeList = page.waitForResponse((r) => r.url().includes('/evaluation?') && r.url().includes('group=ubnd-xa') && r.url().includes('limit=all'));
    await page.goto(`${BASE}/#/ket-qua/${PLAN}/${PERIOD}?limit=2`);
    const communes = page.getByTestId('group-co-thi-dua-ubnd-xa');
    await communes.getByTestId('more-co-thi-dua-ubnd-xa').waitFor({ timeout: 60_000 });
    assert.equal(await communes.locator('tr[data-testid^="candidate-"]').count(), 2);
    assert.equal((await wholeList).status(), 200);
    const form = page.getByTestId('council-form-ubnd-xa').first();
    await form.getByTestId('choose-KG-X-SS').waitFor();
    const offered = await form.locator('[data-testid^="choose-"]').count();
    const ubndXa = await (await apiCall('GET', `/plans/${PLAN}/evaluation?period=${PERIOD}&award=co-thi-dua&group=ubnd-xa&limit=1`)).json();
    assert.equal(offered, ubndXa.awards[0].groups[0].counts.eligible);
    assert.ok(offered > 2);
    assertNoProblems('hội đồng, trang nhỏ');
  }));

  test('Hội đồng quyết định suất đồng hạng', () => step('council', async () => {
    await page.goto(`${BASE}/#/ket-qua/${PLAN}/${PERIOD}`);
    // Co-thi-dua, communes: 3 seats. Phú Quốc's wards and communes closed on 2025-06-30 and the đặc
    // khu that stands for them fails "at least 3 years xuat-sac" (every predecessor must hold, and
    // Gành Dầu, Bãi Thơm were tot until 2023). Ranked by xuat-sac years, mean rate, rate 2025:
    // Vĩnh Thanh Vân 5 / (91.8+92.7+93.9+94.5+95.0)/5 = 93.58, Tô Châu 5 / 92.4 selected; then
    // Vĩnh Bảo (88.8 tot, 92.4, 93.3, 93.1, 94.8) and Sóc Sơn (88.1 tot, 92.3, 93.2, 94.0, 94.8):
    // 4 / 462.4/5 = 92.48 / 94.8 each, tied for the last seat (one man and one woman at Vĩnh Bảo,
    // two men at Sóc Sơn: neither reaches 70% women, so the preference does not decide). The
    // council takes KG-X-SS.
    const form = page.getByTestId('council-form-ubnd-xa').first();
    await form.waitFor({ timeout: 60_000 });
    await form.getByTestId('choose-KG-X-SS').check();
    await form.getByTestId('council-votes').fill('7/9 đồng ý');
    await form.getByTestId('council-minutes').fill('12/BB-HĐTĐKT');
    await form.getByTestId('council-submit').click();
    const box = page.getByTestId('council-co-thi-dua-ubnd-xa');
    await box.getByText('Hội đồng đã quyết định').waitFor();
    assert.match(await box.innerText(), /12\/BB-HĐTĐKT/);
    if (process.env.SHOTS_DIR) await page.screenshot({ path: `${process.env.SHOTS_DIR}/council.png`, fullPage: false });
    assertNoProblems('hội đồng');
  }));

  test('Hội đồng xác nhận một tiêu chuẩn có biên bản', () => step('attestation', async () => {
    await page.goto(`${BASE}/#/don-vi/${UNIT}`);
    const form = page.getByTestId('attest-form');
    await form.waitFor({ timeout: 60_000 });
    await form.getByTestId('attest-minutes').fill('Biên bản số 05/BB-HĐTĐKT');
    await form.getByTestId('attest-submit').click();
    await page.getByTestId('attestations').getByText('Biên bản số 05/BB-HĐTĐKT').waitFor();
    assertNoProblems('xác nhận');
  }));

  test('văn bản: tờ trình, bảng đăng ký, mẫu của kế hoạch', () => step('documents', async () => {
    await page.goto(`${BASE}/#/ket-qua/${PLAN}/${PERIOD}`);
    const docLink = page.getByTestId('doc-to-trinh-docx');
    await docLink.waitFor({ timeout: 60_000 });
    const [download] = await Promise.all([page.waitForEvent('download'), docLink.click()]);
    const bytes = fs.readFileSync(await download.path());
    assert.equal(bytes.subarray(0, 2).toString('latin1'), 'PK', 'tờ trình tải về không phải DOCX');
    assert.match(download.suggestedFilename(), /^to-trinh-.*\.docx$/);
    assertNoProblems('văn bản');

    await page.goto(`${BASE}/#/dang-ky/${PLAN}/${PERIOD}`);
    await page.getByTestId('registrations').waitFor({ timeout: 60_000 });
    await page.getByTestId(`reg-${UNIT}`).waitFor();
    assert.match(await page.getByTestId(`reg-${UNIT}`).innerText(), /Đúng hạn|Trễ hạn|Chưa đăng ký|Đã đăng ký/);
    await page.getByTestId('doc-bang-dang-ky-xlsx').waitFor();
    // Register a unit that has not (the deadline is past: late), then accept it with a reason.
    const registerButton = page.locator('[data-testid^="register-"]').first();
    const missing = (await registerButton.getAttribute('data-testid')).slice('register-'.length);
    await registerButton.click();
    await page.getByTestId(`reason-${missing}`).waitFor();
    assert.match(await page.getByTestId(`reg-${missing}`).innerText(), /Trễ hạn/);
    await page.getByTestId(`reason-${missing}`).fill('Công văn đến đúng hạn nhưng thất lạc');
    await page.getByTestId(`accept-${missing}`).click();
    await page.getByTestId(`reg-${missing}`).getByText('Trễ hạn, được chấp nhận').waitFor();
    if (process.env.SHOTS_DIR) await page.screenshot({ path: `${process.env.SHOTS_DIR}/registrations.png`, fullPage: false });
    assertNoProblems('đăng ký');

    await page.goto(`${BASE}/#/ke-hoach/${PLAN}`);
    await page.getByTestId('template-to-trinh').waitFor({ timeout: 60_000 });
    assert.equal(await page.locator('tr[data-testid^="template-"]').count(), 6);
    // A file that is not a Word document is refused with the reason, and nothing changes.
    await page.getByTestId('template-file-to-trinh').setInputFiles({ name: 'sai.docx', mimeType: 'application/octet-stream', buffer: Buffer.from('không phải docx') });
    await page.getByTestId('template-to-trinh').getByTestId('error').waitFor();
    assert.match(await page.getByTestId('template-to-trinh').innerText(), /mẫu mặc định/);
    forgetProblems(/status of 422/);
    assertNoProblems('mẫu văn bản');
  }));

  test('các trang khác hiện không lỗi', () => step('pages', async () => {
    for (const [hash, heading] of [
      ['#/ke-hoach', 'Kế hoạch'],
      [`#/ke-hoach/${PLAN}`, null],
      ['#/don-vi', 'Đơn vị'],
      [`#/don-vi/${UNIT}`, null],
      ['#/ca-nhan', 'Cá nhân'],
      ['#/quan-tri', 'Quản trị'],
      ['#/doi-mat-khau', 'Đổi mật khẩu'],
      ['#/lich', 'Lịch hạn'],
    ]) {
      await page.goto(`${BASE}/${hash}`);
      await page.locator('main h1').first().waitFor();
      if (heading) assert.equal((await page.locator('main h1').first().innerText()).trim(), heading);
      await page.waitForLoadState('networkidle');
      assert.equal(await page.getByTestId('error').count(), 0, `${hash}: ${await page.locator('main').innerText()}`);
      assertNoProblems(hash);
    }
    // The calendar lists the plan's deadlines (all past in the sample's years); the bell is there.
    await page.goto(`${BASE}/#/lich`);
    await page.getByTestId('calendar-past').getByText('Hạn đăng ký thi đua năm 2025').first().waitFor();
    await page.getByTestId('bell').waitFor();
    // The unit page draws both charts.
    await page.goto(`${BASE}/#/don-vi/${UNIT}`);
    await page.getByTestId('chart-history').waitFor();
    await page.getByTestId('chart-spread').waitFor();
    // Diacritic-insensitive search: "so tu phap" finds Sở Tư pháp.
    await page.goto(`${BASE}/#/don-vi`);
    await page.getByTestId('unit-search').fill('so tu phap');
    await page.getByTestId(`unit-${UNIT}`).waitFor();
    assertNoProblems('đơn vị');
  }));

  const unitUser = `donvi-${Date.now().toString(36)}`;
  const unitPassword = 'Mat-khau-ban-dau-2026!';
  const unitNewPassword = 'Mat-khau-moi-cua-don-vi-2026!';

  test('tạo tài khoản đơn vị qua trang Quản trị', () => step('create-user', async () => {
    await page.goto(`${BASE}/#/quan-tri`);
    await page.getByTestId('user-form').waitFor();
    await page.getByTestId('user-username').fill(unitUser);
    await page.getByTestId('user-display').fill('Cán bộ Sở Tư pháp');
    await page.getByTestId('user-password').fill(unitPassword);
    await page.getByTestId('user-role').selectOption('don-vi');
    await page.getByTestId('user-unit').fill(UNIT);
    await page.getByTestId('user-submit').click();
    await page.getByTestId('user-created').or(page.getByTestId('error')).first().waitFor();
    assert.ok(await page.getByTestId('user-created').isVisible(), await page.locator('main').innerText());
    await page.getByTestId(`user-${unitUser}`).waitFor();
    // The audit log, filtered by who did it, with the same filter for the export.
    await page.getByTestId('audit-toggle').click();
    await page.getByTestId('audit-actor').fill('admin');
    await page.getByTestId('audit-filter').locator('button[type=submit]').click();
    await page.getByTestId('audit-rows').waitFor();
    assert.match(await page.getByTestId('audit-rows').innerText(), /user-create|plan-save|import/);
    assert.match(await page.getByTestId('audit-export').getAttribute('href'), /^\/api\/v1\/audit\.xlsx\?actor=admin$/);
    assertNoProblems('quản trị');
    await logout();
  }));

  test('tài khoản đơn vị chỉ thấy đơn vị mình', () => step('unit-scope', async () => {
    await login(unitUser, unitPassword);
    if (await page.getByTestId('password-form').isVisible()) {
      await page.getByTestId('password-current').fill(unitPassword);
      await page.getByTestId('password-new').fill(unitNewPassword);
      await page.getByTestId('password-confirm').fill(unitNewPassword);
      await page.getByTestId('password-submit').click();
      await page.getByRole('heading', { level: 1, name: 'Tổng quan' }).waitFor();
    }
    // No admin or import entries for this role.
    assert.equal(await page.getByTestId('nav-quan-tri').count(), 0);
    assert.equal(await page.getByTestId('nav-nhap-du-lieu').count(), 0);

    await page.goto(`${BASE}/#/don-vi`);
    await page.getByTestId('unit-tree').waitFor();
    await page.getByTestId(`unit-${UNIT}`).waitFor();
    assert.equal(await page.getByTestId(`unit-${OTHER_UNIT}`).count(), 0);
    assert.ok(!(await page.locator('main').innerText()).includes(OTHER_UNIT_NAME), 'thấy đơn vị khác trong cây');

    const tree = await (await apiCall('GET', '/units/tree')).json();
    const scope = new Set();
    const walk = (n) => { scope.add(n.id); (n.children || []).forEach(walk); };
    tree.forEach(walk);
    assert.ok(scope.has(UNIT) && !scope.has(OTHER_UNIT));

    await page.goto(`${BASE}/#/ket-qua/${PLAN}/${PERIOD}`);
    await page.getByTestId('xlsx-link').waitFor();
    await page.locator('[data-testid^="award-"]').first().or(page.getByTestId('error')).first().waitFor({ timeout: 60_000 });
    assert.equal(await page.getByTestId('error').count(), 0, await page.locator('main').innerText());
    const candidates = await page.locator('tr[data-testid^="candidate-"]').evaluateAll((rows) => rows.map((r) => r.dataset.testid.slice('candidate-'.length)));
    const people = await (await apiCall('GET', '/people', {})).json();
    const mine = new Set([...scope, ...people.filter((p) => scope.has(p.unit)).map((p) => p.id)]);
    for (const id of candidates) assert.ok(mine.has(id), `thấy ứng viên ngoài phạm vi: ${id}`);
    assert.ok(!(await page.locator('main').innerText()).includes(OTHER_UNIT_NAME), 'thấy tên đơn vị khác trong kết quả xét');

    const refused = await apiCall('GET', `/units/${OTHER_UNIT}`);
    assert.ok([403, 404].includes(refused.status()), `API trả ${refused.status()} cho đơn vị khác`);
    assertNoProblems('tài khoản đơn vị');
  }));
});
