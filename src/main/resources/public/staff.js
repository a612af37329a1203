// Staff pages: "/" focuses the search box, results update as you type, "copy answer" copies plain text.
(function () {
  'use strict';
  const q = document.getElementById('q');
  document.addEventListener('keydown', (e) => {
    if (e.key === '/' && q && document.activeElement !== q && !/^(INPUT|TEXTAREA|SELECT)$/.test(document.activeElement.tagName)) {
      e.preventDefault();
      q.focus();
    }
  });
  if (q && q.form) {
    let timer = null;
    q.addEventListener('input', () => {
      clearTimeout(timer);
      timer = setTimeout(async () => {
        const url = '/staff/search?' + new URLSearchParams(new FormData(q.form)).toString();
        try {
          const res = await fetch(url, { credentials: 'same-origin', headers: { Accept: 'text/html' } });
          if (!res.ok) return;
          const doc = new DOMParser().parseFromString(await res.text(), 'text/html');
          for (const sel of ['.count', '.results']) {
            const fresh = doc.querySelector(sel);
            const old = document.querySelector(sel);
            if (old && fresh) old.replaceWith(document.importNode(fresh, true));
            else if (old && !fresh) old.replaceChildren();
            else if (!old && fresh) document.querySelector('main').append(document.importNode(fresh, true));
          }
          history.replaceState(null, '', url);
        } catch (err) { /* offline: Enter still submits the form */ }
      }, 250);
    });
  }
  // Delegated: results drawn by search-as-you-type have copy buttons too.
  document.addEventListener('click', async (e) => {
    const button = e.target.closest && e.target.closest('[data-copy]');
    if (!button) return;
    {
      const source = document.getElementById(button.dataset.copy);
      const status = button.parentElement.querySelector('.copied');
      try {
        await navigator.clipboard.writeText(source.value);
        if (status) status.textContent = 'Kopiert.';
      } catch (err) {
        source.select();
        if (status) status.textContent = 'Merk teksten og kopier den selv (Ctrl+C).';
      }
    }
  });
}());

// Entry preview: the answer as the widget shows it, drawn with the widget's own stylesheet inside a
// shadow root (so it looks exactly like the chat, and the staff page's styles don't leak in).
(function () {
  'use strict';
  const host = document.getElementById('widget-preview');
  const answer = document.getElementById('widget-preview-answer');
  if (!host || !answer) return;
  const root = host.attachShadow({ mode: 'open' });
  fetch('/widget.css').then((r) => r.text()).then((css) => {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    root.adoptedStyleSheets = [sheet];
  }).catch(() => { /* plain rendering still shows the content */ });
  // The same structure as the widget's answer message (widget.js renderAnswer), inside .fb-root
  // where the widget's font and colours are defined.
  const wrap = document.createElement('div');
  wrap.className = 'fb-root';
  wrap.lang = document.documentElement.lang || 'nb';
  wrap.dataset.theme = 'light';
  const msg = document.createElement('div');
  msg.className = 'fb-msg fb-bot';
  const label = document.createElement('span');
  label.className = 'fb-label';
  label.textContent = host.dataset.section || '';
  const q = document.createElement('p');
  q.className = 'fb-q';
  const strong = document.createElement('strong');
  strong.textContent = host.dataset.question || '';
  q.append(strong);
  const body = document.createElement('div');
  body.className = 'fb-answer';
  // The server sanitised this HTML; it sat inert in a <template> until now.
  body.append(answer.content.cloneNode(true));
  msg.append(label, q, body);
  wrap.append(msg);
  root.append(wrap);
}());

// The editor: problems while typing (debounced), the draft's impact, publishing. Everything the
// server sends is put in as text, never as HTML.
(function () {
  'use strict';
  const form = document.getElementById('draft');
  const text = document.getElementById('draft-text');
  if (!form || !text) return;
  const csrf = form.querySelector('input[name=_csrf]').value;
  const base = { lang: form.dataset.lang, id: form.dataset.id, base: Number(form.dataset.base), fileHash: form.dataset.fileHash };
  const el = (tag, cls, content) => {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (content !== undefined) e.textContent = content;
    return e;
  };
  async function post(path, extra) {
    const res = await fetch(path, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': csrf, Accept: 'application/json' },
      body: JSON.stringify(Object.assign({}, base, { text: text.value }, extra || {})),
    });
    let body = {};
    try { body = await res.json(); } catch (e) { /* not JSON */ }
    return { status: res.status, body };
  }
  const problems = document.getElementById('draft-problems');
  const lintState = document.getElementById('draft-lint-state');
  function showProblems(list) {
    problems.replaceChildren();
    for (const p of list || []) {
      problems.append(el('li', null, 'linje ' + p.line + ': ' + p.message));
    }
    lintState.textContent = (list && list.length) ? (list.length + ' problem(er) – rett dem før du publiserer.') : 'Ingen problemer.';
  }
  let timer = null;
  async function lint() {
    try {
      const r = await post('/staff/api/editor/lint');
      if (r.status === 200) showProblems(r.body.problems);
      else lintState.textContent = r.body.error || ('HTTP ' + r.status);
    } catch (e) { lintState.textContent = 'Kunne ikke sjekke utkastet (nettverk).'; }
  }
  text.addEventListener('input', () => {
    clearTimeout(timer);
    lintState.textContent = 'Sjekker …';
    timer = setTimeout(lint, 400);
  });
  lint();
  const pct = (x) => (Math.round(x * 1000) / 10).toFixed(1) + ' %';
  const impact = document.getElementById('draft-impact');
  const previewState = document.getElementById('draft-preview-state');
  document.getElementById('draft-preview').addEventListener('click', async (ev) => {
    const button = ev.currentTarget;
    button.disabled = true;
    impact.replaceChildren();
    const started = Date.now();
    previewState.textContent = 'Beregner … (inntil 30 sekunder)';
    const tick = setInterval(() => {
      previewState.textContent = 'Beregner … ' + Math.round((Date.now() - started) / 1000) + ' s (inntil 30 sekunder)';
    }, 1000);
    try {
      const r = await post('/staff/api/editor/preview');
      if (r.status !== 200) {
        previewState.textContent = r.body.error || ('HTTP ' + r.status);
        if (r.body.problems) showProblems(r.body.problems);
        return;
      }
      const b = r.body;
      previewState.textContent = b.changes.length + ' svar endres av ' + b.asked + ' spørsmål'
        + (b.complete ? '.' : ' (tiden gikk ut etter ' + b.asked + ' av ' + b.total + ').');
      if (b.figures.length) {
        const table = el('table', 'impact-table');
        const head = el('tr');
        for (const h of ['Eval-sett', 'Spørsmål', 'Riktig nå → utkast (gulv)', 'Feil nå → utkast (tak)', 'Utenfor tema ærlig nå → utkast (gulv)']) head.append(el('th', null, h));
        table.append(head);
        for (const f of b.figures) {
          const row = el('tr');
          row.append(el('td', null, f.group), el('td', null, String(f.items)),
            el('td', null, pct(f.liveRight) + ' → ' + pct(f.draftRight) + ' (' + pct(f.rightFloor) + ')'),
            el('td', null, pct(f.liveWrong) + ' → ' + pct(f.draftWrong) + ' (' + pct(f.wrongCeiling) + ')'),
            el('td', null, pct(f.liveOffTopicHonest) + ' → ' + pct(f.draftOffTopicHonest) + ' (' + pct(f.offTopicFloor) + ')'));
          table.append(row);
        }
        impact.append(table);
      }
      const list = el('ul', 'changes');
      for (const c of b.changes) {
        const li = el('li', 'change');
        li.append(el('q', null, c.q), document.createTextNode(' (' + c.lang + ', ' + c.source + '): '),
          el('span', 'before', c.before), document.createTextNode(' → '), el('span', 'after', c.after));
        list.append(li);
      }
      impact.append(list);
    } catch (e) {
      previewState.textContent = 'Forhåndsvisningen feilet (nettverk).';
    } finally {
      clearInterval(tick);
      button.disabled = false;
    }
  });
  const publishState = document.getElementById('draft-publish-state');
  document.getElementById('draft-publish').addEventListener('click', async () => {
    publishState.textContent = 'Publiserer …';
    try {
      const r = await post('/staff/api/editor/publish', { message: document.getElementById('draft-message').value });
      if (r.status === 200) {
        publishState.textContent = 'Publisert. Chatten svarer slik nå.';
      } else if (r.status === 409) {
        publishState.textContent = 'Ikke publisert: ' + (r.body.error || 'noen publiserte i mellomtiden') + ' (last siden på nytt og prøv igjen)';
      } else {
        publishState.textContent = 'Ikke publisert: ' + (r.body.error || ('HTTP ' + r.status));
        if (r.body.problems) showProblems(r.body.problems.map((p) => (typeof p === 'string' ? { line: (p.split(':')[1] || '?'), message: p } : p)));
      }
    } catch (e) { publishState.textContent = 'Publisering feilet (nettverk).'; }
  });
  document.getElementById('draft-discard').addEventListener('click', async () => {
    const r = await post('/staff/api/editor/discard');
    if (r.status === 200) location.reload();
  });
}());
