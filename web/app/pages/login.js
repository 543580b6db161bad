// Đăng nhập: POST /api/v1/login; the answer's CSRF token stays in memory (api.js).
import { html, useState } from '../vendor/htm-preact.js';
import { request } from '../api.js';
import { t } from '../i18n.js';
import { ErrorBox, PageTitle } from '../ui.js';

export function LoginPage({ onSignedIn }) {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState(null);

  const submit = async (e) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const answer = await request('POST', '/login', { json: { username, password }, noRedirect: true });
      onSignedIn(answer);
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  };

  return html`<section class="card">
    <${PageTitle}>${t.login.title}<//>
    <form onSubmit=${submit} data-testid="login-form" class="form">
      <label for="login-username">${t.login.username}</label>
      <input id="login-username" name="username" autocomplete="username" required
        value=${username} onInput=${(e) => setUsername(e.target.value)} data-testid="login-username" />
      <label for="login-password">${t.login.password}</label>
      <input id="login-password" name="password" type="password" autocomplete="current-password" required
        value=${password} onInput=${(e) => setPassword(e.target.value)} data-testid="login-password" />
      <${ErrorBox} error=${error} />
      <button type="submit" class="primary" disabled=${busy} data-testid="login-submit">
        ${busy ? t.saving : t.login.submit}</button>
    </form>
  </section>`;
}
