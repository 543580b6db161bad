// Đổi mật khẩu: POST /api/v1/me/password. Forced (the only page shown) while the account's
// must_change_password is set.
import { html, useState } from '../vendor/htm-preact.js';
import { api } from '../api.js';
import { t } from '../i18n.js';
import { ErrorBox, PageTitle } from '../ui.js';

export function PasswordPage({ user, forced, onChanged }) {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState(null);
  const [done, setDone] = useState(false);

  const submit = async (e) => {
    e.preventDefault();
    setError(null);
    if (next !== confirm) {
      setError(new Error(t.password.mismatch));
      return;
    }
    setBusy(true);
    try {
      await api.post('/me/password', { current_password: current, new_password: next });
      setDone(true);
      setCurrent('');
      setNext('');
      setConfirm('');
      onChanged?.();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const field = (id, text, value, set, autocomplete) => html`
    <label for=${id}>${text}</label>
    <input id=${id} type="password" required autocomplete=${autocomplete} value=${value}
      onInput=${(e) => set(e.target.value)} data-testid=${id} />`;

  return html`<section class="card narrow">
    <${PageTitle}>${t.password.title}<//>
    ${forced && html`<p class="notice" role="status">${t.password.forced}</p>`}
    ${done && html`<p class="success" role="status" data-testid="password-done">${t.password.done}</p>`}
    <form onSubmit=${submit} class="form" data-testid="password-form">
      <input type="text" name="username" autocomplete="username" value=${user?.username || ''} hidden readonly />
      ${field('password-current', t.password.current, current, setCurrent, 'current-password')}
      ${field('password-new', t.password.next, next, setNext, 'new-password')}
      ${field('password-confirm', t.password.confirm, confirm, setConfirm, 'new-password')}
      <${ErrorBox} error=${error} />
      <button type="submit" class="primary" disabled=${busy} data-testid="password-submit">
        ${busy ? t.saving : t.password.submit}</button>
    </form>
  </section>`;
}
