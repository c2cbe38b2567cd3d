// Bolig Nu: the first page's requests, started while the app's JavaScript still loads and runs.
// A classic script in <head> (not a module, so it runs as soon as it arrives, not after the app's
// modules have been evaluated). The app takes these answers instead of asking again (api.ts, getEarly).
// Same origin only, no personal data: the answers stay in memory until the app reads them.
(function () {
  var early = {};
  function get(path) {
    early[path] = fetch(path, { credentials: 'same-origin' });
    early[path].catch(function () {});
  }
  get('/api/auth/me');
  if (window.location.pathname === '/') get('/api/board');
  window.__bolignuEarly = early;
})();
