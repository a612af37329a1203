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
