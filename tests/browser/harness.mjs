// What every browser test file shares: one headless chromium (Debian's) driven by playwright-core,
// the page's console and CSP errors collected, a screenshot when a step fails, logging in and
// out, and calls to the API with the page's cookie and CSRF token.
// Env: BASE_URL, THIDUA_ADMIN_PASSWORD, THIDUA_SOURCE_DIR, ARTIFACTS_DIR, CHROMIUM.
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = process.env.THIDUA_SOURCE_DIR || path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
// ES modules ignore NODE_PATH: resolve playwright-core from web/node_modules explicitly.
const require = createRequire(path.join(root, 'web', 'package.json'));
const { chromium } = require('playwright-core');

export const BASE = process.env.BASE_URL || 'http://127.0.0.1:8080';
export const ADMIN = process.env.THIDUA_ADMIN_USER || 'admin';
export const ADMIN_PASSWORD = process.env.THIDUA_ADMIN_PASSWORD;
const ARTIFACTS = process.env.ARTIFACTS_DIR || fs.mkdtempSync(path.join(os.tmpdir(), 'thidua-shots-'));
export const VIETNAMESE = /[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]/i;

let browser;
let context;
export let page;
const problems = []; // console errors, page errors, CSP violations

async function watch(p) {
  // CSP violations are reported as console errors too; the event catches any the console misses.
  await p.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      console.error(`CSP: ${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`);
    });
  });
  p.on('console', (msg) => {
    if (msg.type() !== 'error') return;
    const text = msg.text();
    // The browser logs every non-2xx fetch; 401 before logging in and the deliberate 403/404
    // probes are expected. CSP violations and script errors are not.
    if (/^Failed to load resource: the server responded with a status of (401|403|404)/.test(text)) return;
    problems.push(`console: ${text} (${p.url()})`);
  });
  p.on('pageerror', (error) => problems.push(`pageerror: ${error.message} (${p.url()})`));
}

export async function step(name, fn) {
  try {
    await fn();
  } catch (error) {
    const file = path.join(ARTIFACTS, `${name.replace(/[^\w-]+/g, '_')}.png`);
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    await page?.screenshot({ path: file, fullPage: true }).catch(() => {});
    error.message += `\n  ảnh chụp màn hình: ${file}`;
    throw error;
  }
}

// Drops the browser's log lines a step caused on purpose (a refused request it then checks).
export function forgetProblems(pattern) {
  for (let i = problems.length - 1; i >= 0; i--) if (pattern.test(problems[i])) problems.splice(i, 1);
}

export function assertNoProblems(where) {
  const found = problems.splice(0);
  assert.deepEqual(found, [], `lỗi trong trình duyệt (${where})`);
}

export async function login(username, password) {
  await page.goto(`${BASE}/#/`);
  await page.getByTestId('login-form').waitFor();
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('current-user').or(page.getByTestId('password-form')).first().waitFor({ state: 'attached' });
}

export async function logout() {
  await page.getByTestId('logout').click();
  await page.getByTestId('login-form').waitFor();
}

// The API, with the page's cookie (and CSRF token for writes).
export async function apiCall(method, url, options = {}) {
  const csrf = await page.evaluate(async () => {
    const r = await fetch('/api/v1/me');
    return r.ok ? (await r.json()).csrf_token : null;
  });
  return page.request.fetch(`${BASE}/api/v1${url}`, {
    method,
    headers: { ...(csrf ? { 'X-CSRF-Token': csrf } : {}), ...(options.headers || {}) },
    data: options.data,
  });
}

export async function launch() {
  assert.ok(ADMIN_PASSWORD, 'THIDUA_ADMIN_PASSWORD chưa đặt');
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  context = await browser.newContext({ acceptDownloads: true, locale: 'vi-VN', viewport: { width: 1280, height: 900 } });
  page = await context.newPage();
  await watch(page);
}

export async function close() {
  await browser?.close();
}
