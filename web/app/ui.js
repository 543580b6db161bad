// Small shared pieces: the template tag, the data-loading hook, loading/error boxes, a chart
// wrapper. Templates escape every value; no page sets innerHTML.

import { html, useEffect, useRef, useState, useCallback } from './vendor/htm-preact.js';
import { t } from './i18n.js';

export { html };

// Loads `fn()` on mount and whenever a key in `deps` changes. Returns {data, error, loading,
// reload}. Answers of an older call are dropped when a newer one was started.
export function useLoad(fn, deps) {
  const [state, setState] = useState({ data: null, error: null, loading: true });
  const generation = useRef(0);
  const load = useCallback(() => {
    const mine = ++generation.current;
    setState((s) => ({ data: s.data, error: null, loading: true }));
    Promise.resolve()
      .then(fn)
      .then(
        (data) => mine === generation.current && setState({ data, error: null, loading: false }),
        (error) => mine === generation.current && setState({ data: null, error, loading: false }),
      );
  }, deps);
  useEffect(load, [load]);
  return { ...state, reload: load };
}

export function Loading() {
  return html`<p class="loading" role="status" data-testid="loading">${t.loading}</p>`;
}

export function ErrorBox({ error, onRetry }) {
  if (!error) return null;
  return html`<div class="error" role="alert" data-testid="error">
    <strong>${t.errorTitle}: </strong>${error.message || String(error)}
    ${onRetry && html` <button type="button" class="link" onClick=${onRetry}>${t.retry}</button>`}
  </div>`;
}

// Shows loading, the error, or children(data).
export function Loaded({ state, children }) {
  if (state.error) return html`<${ErrorBox} error=${state.error} onRetry=${state.reload} />`;
  if (state.loading && !state.data) return html`<${Loading} />`;
  return children(state.data);
}

// Sets the page title and moves the focus to the main heading on page change, so screen readers
// announce the new page.
export function PageTitle({ children, testid }) {
  const ref = useRef(null);
  useEffect(() => {
    document.title = `${[].concat(children).join('')} — ${t.appName}`;
    ref.current?.focus({ preventScroll: true });
  }, [String(children)]);
  return html`<h1 tabindex="-1" ref=${ref} data-testid=${testid || 'page-title'}>${children}</h1>`;
}

// A Chart.js chart (chart.umd.js loads as a classic script and defines window.Chart). `config`
// is rebuilt from `deps`; the chart is destroyed when the component goes away.
export function ChartCanvas({ config, label, testid }) {
  const canvas = useRef(null);
  useEffect(() => {
    if (!window.Chart || !canvas.current) return undefined;
    const chart = new window.Chart(canvas.current, config);
    return () => chart.destroy();
  }, [JSON.stringify(config.data), config.type]);
  return html`<div class="chart">
    <canvas ref=${canvas} role="img" aria-label=${label} data-testid=${testid}>${label}</canvas>
  </div>`;
}

export function navigate(hash) {
  if (location.hash === hash) window.dispatchEvent(new HashChangeEvent('hashchange'));
  else location.hash = hash;
}
