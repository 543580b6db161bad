// The single page: who is signed in, the header with what their role may use, and a router on
// location.hash ("#/ke-hoach/kien-giang-2021-2025"). Each page is one module in pages/.

import { html, render, useEffect, useState, useRef } from './vendor/htm-preact.js';
import { api, request, setCsrfToken, setUnauthorizedHandler } from './api.js';
import { t, roles, label } from './i18n.js';
import { Loading, ErrorBox, navigate } from './ui.js';
import { LoginPage } from './pages/login.js';
import { PasswordPage } from './pages/password.js';
import { DashboardPage } from './pages/dashboard.js';
import { PlansPage } from './pages/plans.js';
import { PlanPage } from './pages/plan.js';
import { EvaluationPage } from './pages/evaluation.js';
import { RegistrationsPage } from './pages/registrations.js';
import { DossiersPage, DossierPage } from './pages/dossiers.js';
import { UnitsPage } from './pages/units.js';
import { UnitPage } from './pages/unit.js';
import { PeoplePage } from './pages/people.js';
import { ImportPage } from './pages/import.js';
import { AdminPage } from './pages/admin.js';
import { CalendarPage } from './pages/calendar.js';

const editors = ['noi-vu', 'quan-tri'];
const everyone = null;

// pattern segments starting with ':' are parameters.
const routes = [
  { path: '/', page: DashboardPage, roles: everyone },
  { path: '/ke-hoach', page: PlansPage, roles: everyone },
  { path: '/ke-hoach/:plan', page: PlanPage, roles: everyone },
  { path: '/ket-qua/:plan/:period', page: EvaluationPage, roles: everyone },
  { path: '/dang-ky/:plan/:period', page: RegistrationsPage, roles: everyone },
  { path: '/ho-so/:plan/:period', page: DossiersPage, roles: everyone },
  { path: '/ho-so/:plan/:period/:award/:subject', page: DossierPage, roles: everyone },
  { path: '/don-vi', page: UnitsPage, roles: everyone },
  { path: '/don-vi/:unit', page: UnitPage, roles: everyone },
  { path: '/ca-nhan', page: PeoplePage, roles: everyone },
  { path: '/nhap-du-lieu', page: ImportPage, roles: editors },
  { path: '/quan-tri', page: AdminPage, roles: ['quan-tri'] },
  { path: '/doi-mat-khau', page: PasswordPage, roles: everyone },
  { path: '/lich', page: CalendarPage, roles: everyone },
];

const navItems = [
  { href: '#/', text: t.nav.dashboard, match: '/', roles: everyone },
  { href: '#/ke-hoach', text: t.nav.plans, match: '/ke-hoach', roles: everyone },
  { href: '#/lich', text: 'Lịch hạn', match: '/lich', roles: everyone },
  { href: '#/don-vi', text: t.nav.units, match: '/don-vi', roles: everyone },
  { href: '#/ca-nhan', text: t.nav.people, match: '/ca-nhan', roles: everyone },
  { href: '#/nhap-du-lieu', text: t.nav.import, match: '/nhap-du-lieu', roles: editors },
  { href: '#/quan-tri', text: t.nav.admin, match: '/quan-tri', roles: ['quan-tri'] },
];

export function allowed(user, list) {
  return !list || (user && list.includes(user.role));
}

function parseHash() {
  const raw = location.hash.replace(/^#/, '') || '/';
  const [path, queryString] = raw.split('?');
  const query = Object.fromEntries(new URLSearchParams(queryString || ''));
  const parts = path.split('/').filter(Boolean).map((p) => {
    try {
      return decodeURIComponent(p);
    } catch {
      return p;
    }
  });
  for (const route of routes) {
    const pattern = route.path.split('/').filter(Boolean);
    if (pattern.length !== parts.length) continue;
    const params = {};
    const ok = pattern.every((seg, i) => {
      if (seg.startsWith(':')) {
        params[seg.slice(1)] = parts[i];
        return true;
      }
      return seg === parts[i];
    });
    if (ok) return { route, params, query, path: '/' + parts.join('/') };
  }
  return { route: null, params: {}, query, path: '/' + parts.join('/') };
}

function useHashRoute() {
  const [location_, setLocation] = useState(parseHash);
  useEffect(() => {
    const onChange = () => setLocation(parseHash());
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return location_;
}

// The number of unread reminders, refreshed on each page change; a link to the calendar page.
function Bell({ current }) {
  const [unread, setUnread] = useState(0);
  useEffect(() => {
    api.get('/notifications', { unread: 1, limit: 1 }).then((r) => setUnread(r.unread), () => {});
  }, [current]);
  return html`<a href="#/lich" class="bell" data-testid="bell" aria-label=${`Nhắc việc: ${unread} chưa xem`}>🔔${unread ? html` <span class="badge">${unread}</span>` : ''}</a>`;
}

function Header({ user, current, onLogout }) {
  const [open, setOpen] = useState(false);
  useEffect(() => setOpen(false), [current]);
  const items = navItems.filter((item) => allowed(user, item.roles));
  const isCurrent = (item) =>
    item.match === '/' ? current === '/' : current === item.match || current.startsWith(item.match + '/');
  const focusMain = (e) => {
    e.preventDefault();
    document.querySelector('main h1')?.focus();
  };
  return html`<header class="site-header">
    <a class="skip-link" href="#/" onClick=${focusMain}>${t.skip}</a>
    <div class="bar">
      <a class="brand" href="#/">${t.appName}</a>
      <button type="button" class="menu-button" aria-expanded=${open ? 'true' : 'false'}
        aria-controls="main-nav" onClick=${() => setOpen(!open)}>${t.nav.menu}</button>
    </div>
    <nav id="main-nav" class=${open ? 'open' : ''} aria-label="Chính" data-testid="nav">
      <ul>
        ${items.map((item) => html`<li key=${item.href}>
          <a href=${item.href} aria-current=${isCurrent(item) ? 'page' : undefined}
            data-testid=${'nav-' + (item.match.slice(1) || 'tong-quan')}>${item.text}</a>
        </li>`)}
      </ul>
      <div class="user">
        <${Bell} current=${current} />
        <span data-testid="current-user">${user.display_name || user.username}
          <small> (${label(roles, user.role)}${user.unit_name ? ' — ' + user.unit_name : ''})</small></span>
        <a href="#/doi-mat-khau">${t.nav.password}</a>
        <button type="button" class="link" onClick=${onLogout} data-testid="logout">${t.nav.logout}</button>
      </div>
    </nav>
  </header>`;
}

function App() {
  const [session, setSession] = useState({ state: 'loading', user: null, error: null });
  const here = useHashRoute();
  const loginReturn = useRef('#/');

  const signedIn = (answer) => {
    setCsrfToken(answer.csrf_token);
    setSession({ state: 'in', user: answer.user, error: null });
  };
  const signedOut = () => {
    setCsrfToken(null);
    setSession({ state: 'out', user: null, error: null });
  };

  useEffect(() => {
    setUnauthorizedHandler(() => {
      if (!location.hash.startsWith('#/dang-nhap')) loginReturn.current = location.hash || '#/';
      signedOut();
    });
    request('GET', '/me', { noRedirect: true }).then(signedIn, (error) => {
      if (error.status === 401) signedOut();
      else setSession({ state: 'error', user: null, error });
    });
  }, []);

  const logout = async () => {
    try {
      await api.post('/logout', {});
    } catch {
      // The session is gone either way for this page.
    }
    signedOut();
    navigate('#/');
  };

  if (session.state === 'loading') return html`<main id="noi-dung"><${Loading} /></main>`;
  if (session.state === 'error') return html`<main id="noi-dung"><${ErrorBox} error=${session.error} /></main>`;
  if (session.state === 'out') {
    return html`<main id="noi-dung" class="narrow">
      <${LoginPage} onSignedIn=${(answer) => {
        signedIn(answer);
        const back = loginReturn.current;
        loginReturn.current = '#/';
        navigate(back.startsWith('#/dang-nhap') ? '#/' : back);
      }} />
    </main>`;
  }

  const user = session.user;
  let content;
  if (user.must_change_password) {
    content = html`<${PasswordPage} user=${user} forced=${true}
      onChanged=${() => setSession({ ...session, user: { ...user, must_change_password: false } })} />`;
  } else if (!here.route) {
    content = html`<h1 tabindex="-1">${t.notFound}</h1><p><a href="#/">${t.nav.dashboard}</a></p>`;
  } else if (!allowed(user, here.route.roles)) {
    content = html`<h1 tabindex="-1">Không có quyền</h1>
      <p class="error" role="alert">Vai trò ${label(roles, user.role)} không dùng được trang này.</p>`;
  } else {
    const Page = here.route.page;
    content = html`<${Page} key=${here.path} user=${user} params=${here.params} query=${here.query}
      onChanged=${() => {}} />`;
  }
  return html`<${Header} user=${user} current=${here.path} onLogout=${logout} />
    <main id="noi-dung" data-testid="main">${content}</main>`;
}

const root = document.getElementById('app');
root.textContent = '';
render(html`<${App} />`, root);
