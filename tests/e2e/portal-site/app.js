// The fake portal's single-page app. Plain DOM, text through textContent only.
(() => {
  const cfg = window.__PORTAL__;
  // `?rows=N` lists the first N customers only (the benchmarks open lists of several lengths on one site).
  const rowsWanted = Number(new URLSearchParams(location.search).get('rows'));
  if (rowsWanted > 0) cfg.customers = cfg.customers.slice(0, rowsWanted);
  const app = document.getElementById('app');
  const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
  let timers = [];
  const later = (fn, ms) => timers.push(setTimeout(fn, ms));

  const el = (tag, attrs = {}, ...children) => {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
    for (const c of children) e.append(c);
    return e;
  };

  // `?theme=dark`: the portal's dark theme, switched on late (a class on the body, its colours from the page's own
  // stylesheet), whatever the system's scheme: nothing in the markup names the theme for the extension.
  if (new URLSearchParams(location.search).get('theme') === 'dark') {
    document.head.append(el('style', {}, 'body.theme-dark { background: #1b1a19; color: #f3f2f1; } body.theme-dark a { color: #9ccbf7; }'));
    setTimeout(() => document.body.classList.add('theme-dark'), cfg.renderDelayMs);
  }

  // Marks for the benchmarks: when the app navigated and when real rows went in (performance.now()).
  window.__marks = {};
  function navigate(path) {
    window.__marks.navigatedAt = performance.now();
    performance.mark('portal:navigate');
    history.pushState({}, '', path);
    render();
  }
  document.addEventListener('click', (e) => {
    const a = e.composedPath().find((n) => n instanceof HTMLAnchorElement && n.hasAttribute('data-spa'));
    if (a && !e.ctrlKey && !e.metaKey && !e.shiftKey) {
      e.preventDefault();
      navigate(a.getAttribute('href'));
    }
  });
  window.addEventListener('popstate', () => render());

  function parse() {
    const seg = location.pathname.split('/').filter(Boolean);
    let prefix = '';
    if (seg[0] && /^[a-z]{2}-[a-z]{2}$/i.test(seg[0])) prefix = '/' + seg.shift();
    const [d, family, c, id, ...rest] = seg;
    if (d !== 'dashboard' || c !== 'customers') return { kind: 'home', prefix, family: 'commerce2' };
    if (id === 'list' || (id === 'granularadminaccess' && rest[0] === 'list')) return { kind: 'list', prefix, family };
    if (id && GUID.test(id)) return { kind: 'customer', prefix, family, tenantId: id, tab: rest.join('/') || 'account' };
    return { kind: 'home', prefix, family };
  }

  const customerPath = (r, id, tab = 'account') => `${r.prefix}/dashboard/${r.family}/customers/${id}/${tab}`;

  // The grid: <customersvcadmin_he-data-grid> → shadow → <he-grid-body> → shadow → <table>.
  function grid(r) {
    const host = document.createElement('customersvcadmin_he-data-grid');
    const outer = host.attachShadow({ mode: 'open' });
    const inner = document.createElement('he-grid-body');
    outer.append(el('div', { class: 'grid-frame' }, inner));
    const root = inner.attachShadow({ mode: 'open' });
    const table = el('table', { role: 'grid' });
    const head = el('tr', { id: 'column-header', role: 'row' }, el('th', {}, 'Customer name'), el('th', {}, 'Microsoft ID'));
    table.append(el('thead', {}, head));
    const body = el('tbody');
    table.append(body);
    root.append(table);
    // Placeholders first, then the real rows in place.
    cfg.customers.forEach((_, i) => body.append(el('tr', { role: 'row', id: i === 0 ? 'row-he-row-0' : `row-${i}` }, el('td', {}, '…'), el('td', {}, '…'))));
    later(() => {
      body.replaceChildren();
      for (const cu of cfg.customers) {
        const btn = document.createElement('customersvcadmin_he-button');
        btn.setAttribute('appearance', 'link');
        btn.textContent = cu.name;
        btn.addEventListener('click', () => navigate(customerPath(r, cu.tenantId)));
        const row = el('tr', { role: 'row', id: `row-${cu.tenantId}` },
          el('td', { id: `cell-displayName-${cu.tenantId}` }, btn),
          el('td', { id: `cell-tenantId-${cu.tenantId}` }, cu.tenantId));
        body.append(row);
      }
      window.__marks.rowsAt = performance.now();
      // Shown: the frame that paints the rows has run (its rendering follows this task's script).
      requestAnimationFrame(() => {
        // For the tests: badge hosts already in the rows when the frame that first shows them starts.
        window.__marks.badgesInFirstFrame = body.querySelectorAll('prl-badge').length;
        setTimeout(() => { window.__marks.rowsShownAt = performance.now(); }, 0);
      });
    }, cfg.rowSwapMs);
    // Paging in place: the first row becomes the last customer's row (same element, new id and cells).
    host.swapFirstRow = () => {
      const row = body.querySelector('tr');
      const cu = cfg.customers[cfg.customers.length - 1];
      row.id = `row-${cu.tenantId}`;
      const btn = row.querySelector('customersvcadmin_he-button');
      btn.textContent = cu.name;
      row.children[0].id = `cell-displayName-${cu.tenantId}`;
      row.children[1].id = `cell-tenantId-${cu.tenantId}`;
      row.children[1].textContent = cu.tenantId;
    };
    return host;
  }

  function render() {
    timers.forEach(clearTimeout);
    timers = [];
    // Like the portal, the page being left stays on screen until the next one renders (first load: a loader).
    if (!app.firstElementChild) app.replaceChildren(el('p', { class: 'loading' }, 'Loading…'));
    const r = parse();
    later(() => {
      if (r.kind === 'list') {
        const links = el('ul', { id: 'recent' });
        for (const cu of cfg.customers.slice(0, 2)) {
          links.append(el('li', {}, el('a', { href: customerPath(r, cu.tenantId), 'data-spa': '' }, cu.name)));
        }
        const g = grid(r);
        const swap = el('button', { id: 'swap-rows', type: 'button' }, 'Next page');
        swap.addEventListener('click', () => g.swapFirstRow());
        app.replaceChildren(el('h1', {}, 'Customers'), el('h2', {}, 'Recently viewed'), links, swap, g);
      } else if (r.kind === 'customer') {
        const cu = cfg.customers.find((c) => c.tenantId.toLowerCase() === r.tenantId.toLowerCase());
        const tabs = el('nav', { id: 'tabs' });
        for (const tab of ['account', 'servicemanagementpage', 'subscriptions', 'users']) {
          tabs.append(el('a', { href: customerPath(r, r.tenantId, tab), 'data-spa': '' }, tab));
        }
        const other = cfg.customers.find((c) => c.tenantId.toLowerCase() !== r.tenantId.toLowerCase());
        app.replaceChildren(
          el('nav', { id: 'breadcrumb' }, el('a', { href: `${r.prefix}/dashboard/${r.family}/customers/list`, 'data-spa': '' }, 'Customers')),
          el('h1', {}, cu ? cu.name : 'Unknown customer'),
          tabs,
          // The portal's command bar: its last button sits at the page's right edge, where an overlay would hide it.
          el('div', { id: 'command-bar', style: 'display: flex; justify-content: flex-end' }, el('button', { id: 'edge-button', type: 'button' }, 'Add subscription')),
          el('section', { id: 'tab-content' }, el('p', {}, 'Microsoft ID: ', el('span', { id: 'microsoft-id' }, r.tenantId))),
          other ? el('p', { id: 'related-line' }, 'Related: ', el('a', { id: 'related', href: customerPath(r, other.tenantId), 'data-spa': '' }, other.name)) : '',
        );
      } else {
        app.replaceChildren(el('h1', {}, 'Home'));
      }
    }, cfg.renderDelayMs);
  }
  render();
})();
