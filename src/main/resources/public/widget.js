/*
 * faqbot chat widget. Embed with:
 *   <script src="https://HOST/widget.js" defer></script>
 * Options: data-lang, data-position, data-title, data-api, data-storage (see docs/widget.md).
 * Plain ES2019, no dependencies. Everything lives in a Shadow DOM; the only global is window.FaqBot.
 */
(function () {
  'use strict';
  if (window.FaqBot) return;

  // ---------- Configuration (read from the <script> tag) ----------
  const script = document.currentScript;
  const attr = (name) => (script && script.getAttribute('data-' + name)) || '';
  const pageLang = (document.documentElement.getAttribute('lang') || '').toLowerCase().slice(0, 2);
  const lang = /^(nb|en)$/.test(attr('lang')) ? attr('lang') : pageLang === 'en' ? 'en' : 'nb';
  const left = attr('position') === 'left';
  const storageKind = /^(session|local|none)$/.test(attr('storage')) ? attr('storage') : 'session';
  let origin = location.origin;
  try { if (script && script.src) origin = new URL(script.src, location.href).origin; } catch (e) { /* keep page origin */ }
  const API = (attr('api') || origin).replace(/\/+$/, '');
  const KEY = 'faqbot:v1';
  const MAX_KEPT = 80; // messages kept in storage
  const IMAGE_TYPES = ['image/png', 'image/jpeg', 'image/gif', 'image/webp'];

  // ---------- Texts (Norwegian bokmål first) ----------
  const I18N = {
    nb: {
      title: 'Spør oss', open: 'Åpne chat', close: 'Lukk chat', newChat: 'Ny samtale',
      log: 'Samtale', inputLabel: 'Skriv spørsmålet ditt', placeholder: 'Skriv spørsmålet ditt …', send: 'Send',
      typing: 'Svarer …', greeting: 'Hei! Hva kan jeg hjelpe deg med?', suggest: 'Forslag',
      network: 'Får ikke kontakt med serveren. Prøv igjen om litt.',
      serverError: 'Noe gikk galt hos oss. Prøv igjen om litt.',
      helpful: 'Var dette nyttig?', yes: 'Ja', no: 'Nei', thanks: 'Takk for tilbakemeldingen!',
      related: 'Relaterte spørsmål', readMore: 'Les mer', submit: 'Fortsett',
      required: 'Må fylles ut.', tooLong: 'Høyst {n} tegn.', badEmail: 'Skriv en gyldig e-postadresse, f.eks. navn@butikk.no.',
      fields: {
        storeId: 'Butikk-ID (MID eller EID)', merchantEmail: 'Din e-postadresse', errorCode: 'Feilkode',
        httpStatus: 'HTTP-status', correlationId: 'Correlation ID', platform: 'Plattform og plugin',
        description: 'Beskriv problemet'
      },
      screenshots: 'Skjermbilder', addFiles: 'Legg ved skjermbilder',
      dropHint: 'Du kan også dra bilder hit eller lime dem inn med Ctrl+V. Høyst {n} bilder (PNG, JPEG, GIF, WebP), {size} hver.',
      remove: 'Fjern {name}', tooMany: 'Du kan legge ved høyst {n} bilder.', tooBig: '«{name}» er større enn {size}.',
      badType: '«{name}» er ikke et PNG-, JPEG-, GIF- eller WebP-bilde.',
      preview: 'Forhåndsvis e-post', previewTitle: 'Forhåndsvisning', to: 'Til', subject: 'Emne', body: 'Tekst',
      attachments: 'Vedlegg', redacted: 'Vi fjernet hemmeligheter (f.eks. passord) fra e-posten.',
      download: 'Last ned e-post (.eml)', mailto: 'Åpne i e-postprogram',
      mailtoNote: 'Vedleggene må du legge til for hånd i e-postprogrammet.', copy: 'Kopier tekst', copied: 'Teksten er kopiert.',
      copyFailed: 'Kunne ikke kopiere. Merk teksten og kopier den selv.', sendMail: 'Send', sent: 'Sendt! Saksnummer: {ref}',
      wait: 'Et øyeblikk …', downloaded: 'E-posten er lastet ned.'
    },
    en: {
      title: 'Ask us', open: 'Open chat', close: 'Close chat', newChat: 'New conversation',
      log: 'Conversation', inputLabel: 'Type your question', placeholder: 'Type your question …', send: 'Send',
      typing: 'Replying …', greeting: 'Hi! How can I help you?', suggest: 'Suggestions',
      network: "Can't reach the server. Please try again shortly.",
      serverError: 'Something went wrong on our side. Please try again shortly.',
      helpful: 'Was this helpful?', yes: 'Yes', no: 'No', thanks: 'Thanks for the feedback!',
      related: 'Related questions', readMore: 'Read more', submit: 'Continue',
      required: 'Required.', tooLong: 'At most {n} characters.', badEmail: 'Enter a valid e-mail address, e.g. name@shop.com.',
      fields: {
        storeId: 'Store ID (MID or EID)', merchantEmail: 'Your e-mail address', errorCode: 'Error code',
        httpStatus: 'HTTP status', correlationId: 'Correlation ID', platform: 'Platform and plugin',
        description: 'Describe the problem'
      },
      screenshots: 'Screenshots', addFiles: 'Attach screenshots',
      dropHint: 'You can also drag images here or paste them with Ctrl+V. At most {n} images (PNG, JPEG, GIF, WebP), {size} each.',
      remove: 'Remove {name}', tooMany: 'You can attach at most {n} images.', tooBig: '"{name}" is larger than {size}.',
      badType: '"{name}" is not a PNG, JPEG, GIF or WebP image.',
      preview: 'Preview e-mail', previewTitle: 'Preview', to: 'To', subject: 'Subject', body: 'Text',
      attachments: 'Attachments', redacted: 'We removed secrets (e.g. passwords) from the e-mail.',
      download: 'Download e-mail (.eml)', mailto: 'Open in e-mail app',
      mailtoNote: 'You need to add the attachments by hand in your e-mail app.', copy: 'Copy text', copied: 'Text copied.',
      copyFailed: "Couldn't copy. Select the text and copy it yourself.", sendMail: 'Send', sent: 'Sent! Case number: {ref}',
      wait: 'One moment …', downloaded: 'The e-mail has been downloaded.'
    }
  };
  const T = I18N[lang];
  const tr = (key, vars) => T[key].replace(/\{(\w+)\}/g, (m, k) => (vars && k in vars ? vars[k] : m));
  const TITLE = attr('title') || T.title;

  // The support e-mail form: [field, input type, required, max length]
  const EMAIL_FIELDS = [
    ['storeId', 'text', false, 300], ['merchantEmail', 'email', true, 300], ['errorCode', 'text', false, 300],
    ['httpStatus', 'text', false, 300], ['correlationId', 'text', false, 300], ['platform', 'text', false, 300],
    ['description', 'textarea', false, 4000]
  ];

  // ---------- Small DOM helpers (text is always inserted as text) ----------
  function h(tag, props) {
    const el = document.createElement(tag);
    for (const k in props || {}) {
      const v = props[k];
      if (v == null || v === false) continue;
      if (k === 'class') el.className = v;
      else if (k === 'on') for (const ev in v) el.addEventListener(ev, v[ev]);
      else if (/^(aria-|data-|role$|for$)/.test(k)) el.setAttribute(k, v === true ? 'true' : String(v));
      else el[k] = v;
    }
    const kids = Array.prototype.slice.call(arguments, 2).flat(9);
    for (const c of kids) if (c != null && c !== false) el.append(c); // strings become text nodes
    return el;
  }
  const clear = (el) => { while (el.firstChild) el.removeChild(el.firstChild); return el; };
  const button = (cls, text, onClick, props) =>
    h('button', Object.assign({ type: 'button', class: 'fb-btn ' + cls, on: { click: onClick } }, props), text);

  // Thumbs-up (Material Icons, Apache 2.0); rotated by CSS for thumbs-down.
  const THUMB = 'M1 21h4V9H1v12zm22-11c0-1.1-.9-2-2-2h-6.31l.95-4.57.03-.32c0-.41-.17-.79-.44-1.06L14.17 1 7.59 7.59C7.22 7.95 7 8.45 7 9v10c0 1.1.9 2 2 2h9c.83 0 1.54-.5 1.84-1.22l3.02-7.05c.09-.23.14-.47.14-.73v-2z';
  function icon(d) {
    const NS = 'http://www.w3.org/2000/svg';
    const s = document.createElementNS(NS, 'svg');
    s.setAttribute('viewBox', '0 0 24 24');
    s.setAttribute('aria-hidden', 'true');
    s.setAttribute('focusable', 'false');
    const p = document.createElementNS(NS, 'path');
    p.setAttribute('d', d);
    s.append(p);
    return s;
  }

  // Simple Markdown for flow prompts and bot texts: **bold** and "- " bullets, built from DOM nodes.
  function md(text) {
    const frag = document.createDocumentFragment();
    let ul = null;
    for (const line of String(text || '').split(/\r?\n/)) {
      const m = /^\s*[-*]\s+(.*)$/.exec(line);
      if (m) {
        if (!ul) frag.append(ul = h('ul'));
        ul.append(h('li', null, inline(m[1])));
        continue;
      }
      ul = null;
      if (line.trim()) frag.append(h('p', null, inline(line)));
    }
    return frag;
  }
  const inline = (s) => s.split(/\*\*(.+?)\*\*/).map((part, i) => (i % 2 ? h('strong', null, part) : part));

  // The server sanitises answerHtml; we clean it again (defence in depth) before inserting it.
  function safeHtml(html) {
    const tpl = document.createElement('template');
    tpl.innerHTML = String(html || '');
    const frag = tpl.content;
    frag.querySelectorAll('script,style,iframe,frame,frameset,object,embed,link,meta,base,form,svg,math,template,noscript')
      .forEach((n) => n.remove());
    frag.querySelectorAll('*').forEach((el) => {
      for (const a of Array.from(el.attributes)) {
        const n = a.name.toLowerCase();
        const v = a.value.replace(/[\u0000-\u0020]/g, '').toLowerCase();
        if (n.startsWith('on') || n === 'style' || n === 'srcdoc' || n === 'formaction' ||
            (/^(href|src|action|xlink:href|srcset|poster|background)$/.test(n) && /^(javascript|vbscript|data:text)/.test(v))) {
          el.removeAttribute(a.name);
        }
      }
      if (el.tagName === 'A') { el.target = '_blank'; el.rel = 'noopener noreferrer'; }
    });
    return frag;
  }

  // ---------- Storage ----------
  function storage() {
    try { return storageKind === 'local' ? window.localStorage : storageKind === 'session' ? window.sessionStorage : null; }
    catch (e) { return null; } // blocked by privacy settings
  }
  let conv = { messages: [], state: null, open: false };
  try {
    const saved = JSON.parse((storage() && storage().getItem(KEY)) || 'null');
    if (saved && Array.isArray(saved.messages)) conv = { messages: saved.messages, state: saved.state || null, open: !!saved.open };
  } catch (e) { /* ignore broken data */ }
  function save() {
    const s = storage();
    if (!s) return;
    conv.messages = conv.messages.slice(-MAX_KEPT);
    try { s.setItem(KEY, JSON.stringify(conv)); } catch (e) { /* quota: keep going without */ }
  }

  // ---------- Server calls ----------
  // Resolves with the parsed JSON (or the Response when raw); rejects with an Error whose message
  // is fit to show: the server's `error` for 4xx, a generic text otherwise.
  async function call(path, opts) {
    opts = opts || {};
    let res;
    try {
      res = await fetch(API + path, {
        method: opts.method || 'GET',
        headers: opts.json ? { 'Content-Type': 'application/json' } : undefined,
        body: opts.json ? JSON.stringify(opts.json) : opts.body,
        credentials: 'omit',
        signal: opts.signal
      });
    } catch (e) {
      throw Object.assign(new Error(T.network), { status: 0 });
    }
    if (res.ok) {
      if (opts.raw) return res;
      try { return await res.json(); } catch (e) { throw Object.assign(new Error(T.serverError), { status: res.status }); }
    }
    let body = null;
    try { body = await res.json(); } catch (e) { /* not JSON */ }
    const msg = res.status < 500 && body && typeof body.error === 'string' ? body.error : T.serverError;
    throw Object.assign(new Error(msg), { status: res.status, body: body });
  }

  let config = null; // support e-mail limits, from the server when it answers
  function supportConfig() {
    if (!config) {
      config = call('/api/support-email/config').catch(() => ({})).then((c) => ({
        canSend: c.canSend === true,
        maxFiles: c.maxFiles > 0 ? c.maxFiles : 5,
        maxFileBytes: c.maxFileBytes > 0 ? c.maxFileBytes : 5 * 1024 * 1024,
        types: Array.isArray(c.types) && c.types.length ? c.types : IMAGE_TYPES
      }));
    }
    return config;
  }

  // ---------- UI ----------
  let host, shadow, root, launcher, panel, bodyEl, log, typing, input, sugList;
  let busy = false;
  let gen = 0; // bumped by reset(): late replies to the old conversation are dropped
  let activeFlow = null; // {el, m, showErrors} of the flow step the server's state points at
  let emailCtx = null; // {add(files)} while a support e-mail form is live
  const blobUrls = new Set();
  let uid = 0;
  const nextId = (p) => 'fb-' + p + (++uid);

  function build() {
    host = document.createElement('faqbot-widget');
    host.style.display = 'none'; // until the stylesheet is in
    shadow = host.attachShadow({ mode: 'open' });

    launcher = h('button', {
      type: 'button', class: 'fb-launcher', 'data-faqbot': 'launcher', 'aria-label': T.open,
      'aria-expanded': 'false', 'aria-controls': 'fb-panel', on: { click: () => (panel.hidden ? open(true) : close()) }
    }, icon('M4 3h16a2 2 0 0 1 2 2v11a2 2 0 0 1-2 2H9l-5 4v-4a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2z'));

    log = h('div', { class: 'fb-log', role: 'log', 'aria-live': 'polite', 'aria-label': T.log });
    typing = h('div', { class: 'fb-typing', role: 'status', hidden: true },
      h('span', { class: 'fb-dots', 'aria-hidden': 'true' }, h('span'), h('span'), h('span')),
      h('span', { class: 'fb-sr' }, T.typing));
    bodyEl = h('div', { class: 'fb-body' }, log, typing);

    input = h('input', {
      type: 'text', id: 'fb-input', class: 'fb-input', 'data-faqbot': 'input', maxLength: 2000,
      placeholder: T.placeholder, autocomplete: 'off', role: 'combobox', 'aria-autocomplete': 'list',
      'aria-expanded': 'false', 'aria-controls': 'fb-sug',
      on: { input: onType, keydown: onInputKey, blur: () => setTimeout(hideSuggest, 150) }
    });
    sugList = h('ul', { id: 'fb-sug', class: 'fb-sug', role: 'listbox', 'aria-label': T.suggest, hidden: true });
    // Not a <form>: the only forms in the widget are the flows' (Enter is handled in onInputKey).
    const compose = h('div', { class: 'fb-compose' },
      h('label', { for: 'fb-input', class: 'fb-sr' }, T.inputLabel),
      h('div', { class: 'fb-row' }, input, button('fb-primary fb-send', T.send, onSend, { 'data-faqbot': 'send' })),
      sugList);

    panel = h('div', {
      id: 'fb-panel', class: 'fb-panel', role: 'dialog', 'aria-modal': 'true', 'aria-labelledby': 'fb-title',
      'data-faqbot': 'panel', hidden: true, on: { keydown: onPanelKey }
    },
    h('div', { class: 'fb-head' },
      h('h2', { id: 'fb-title', class: 'fb-title' }, TITLE),
      button('fb-ghost fb-new', T.newChat, () => reset(true), { 'data-faqbot': 'new' }),
      button('fb-ghost fb-close', icon('M5 5l14 14M19 5L5 19'), close, { 'aria-label': T.close, 'data-faqbot': 'close' })),
    bodyEl, compose);

    // Screenshots for a live support e-mail form: drag-and-drop onto the panel, or paste.
    let depth = 0;
    const hasFiles = (e) => e.dataTransfer && Array.from(e.dataTransfer.types || []).indexOf('Files') >= 0;
    panel.addEventListener('dragenter', (e) => { if (emailCtx && hasFiles(e)) { depth++; panel.classList.add('fb-drop'); } });
    panel.addEventListener('dragleave', () => { if (depth > 0 && --depth === 0) panel.classList.remove('fb-drop'); });
    panel.addEventListener('dragover', (e) => { if (emailCtx && hasFiles(e)) e.preventDefault(); });
    panel.addEventListener('drop', (e) => {
      depth = 0;
      panel.classList.remove('fb-drop');
      if (emailCtx && e.dataTransfer && e.dataTransfer.files.length) { e.preventDefault(); emailCtx.add(e.dataTransfer.files); }
    });
    panel.addEventListener('paste', (e) => {
      const cd = e.clipboardData;
      if (!emailCtx || !cd) return;
      const images = Array.from(cd.files || []).filter((f) => /^image\//.test(f.type));
      if (!images.length) return;
      if (Array.from(cd.types || []).indexOf('text/plain') < 0) e.preventDefault();
      emailCtx.add(images);
    });

    root = h('div', { class: 'fb-root' + (left ? ' fb-left' : ''), lang: lang }, launcher, panel);
    shadow.append(root);
    document.body.append(host);
    loadCss().then(() => {
      host.style.removeProperty('display');
      bodyEl.scrollTop = bodyEl.scrollHeight;
    });

    if (!conv.messages.length) conv.messages.push({ r: 'b', t: 'text', text: T.greeting });
    conv.messages.forEach((m) => log.append(render(m)));
    if (conv.open) open(false);
  }

  // Constructable stylesheet from fetched text (works under style-src 'self' on another origin's page),
  // else a <link> inside the shadow root.
  async function loadCss() {
    const href = API + '/widget.css';
    if (window.CSSStyleSheet && 'adoptedStyleSheets' in ShadowRoot.prototype && 'replaceSync' in CSSStyleSheet.prototype) {
      try {
        const res = await fetch(href, { credentials: 'omit' });
        if (res.ok) {
          const sheet = new CSSStyleSheet();
          sheet.replaceSync(await res.text());
          shadow.adoptedStyleSheets = [sheet];
          return;
        }
      } catch (e) { /* fall back to <link> */ }
    }
    await new Promise((done) => {
      const link = h('link', { rel: 'stylesheet', href: href, on: { load: done, error: done } });
      shadow.prepend(link);
    });
  }

  // ---------- Open / close / reset ----------
  function open(focus) {
    panel.hidden = false;
    root.classList.add('fb-open');
    launcher.setAttribute('aria-expanded', 'true');
    launcher.setAttribute('aria-label', T.close);
    conv.open = true;
    save();
    bodyEl.scrollTop = bodyEl.scrollHeight;
    if (focus) input.focus();
  }

  function close() {
    const hadFocus = !!shadow.activeElement;
    hideSuggest();
    panel.hidden = true;
    root.classList.remove('fb-open');
    launcher.setAttribute('aria-expanded', 'false');
    launcher.setAttribute('aria-label', T.open);
    conv.open = false;
    save();
    if (hadFocus) launcher.focus();
  }

  function reset(focus) {
    gen++;
    setBusy(false);
    retire();
    blobUrls.forEach((u) => URL.revokeObjectURL(u));
    blobUrls.clear();
    conv = { messages: [], state: null, open: conv.open };
    const s = storage();
    if (s) try { s.removeItem(KEY); } catch (e) { /* ignore */ }
    clear(log);
    add({ r: 'b', t: 'text', text: T.greeting });
    if (focus) input.focus();
  }

  // Focus trap and Esc.
  function onPanelKey(e) {
    if (e.key === 'Escape') { e.preventDefault(); close(); return; }
    if (e.key !== 'Tab') return;
    const items = Array.from(panel.querySelectorAll('button,input,textarea,select,a[href],summary,[tabindex]'))
      .filter((el) => !el.disabled && el.tabIndex >= 0 && el.getClientRects().length);
    if (!items.length) return;
    const first = items[0], last = items[items.length - 1], cur = shadow.activeElement;
    if (e.shiftKey && (cur === first || !panel.contains(cur))) { e.preventDefault(); last.focus(); }
    else if (!e.shiftKey && (cur === last || !panel.contains(cur))) { e.preventDefault(); first.focus(); }
  }

  // ---------- Messages ----------
  // A message is plain data: {r: 'u'|'b', t: 'text'|'err'|'answer'|'sugg'|'flow', ...}.
  function add(m) {
    conv.messages.push(m);
    save();
    const el = render(m);
    log.append(el);
    // Show the start of the new message (long answers), or the bottom when it fits.
    bodyEl.scrollTop = Math.max(0, el.offsetTop - 8);
    return el;
  }

  function render(m) {
    const user = m.r === 'u';
    const el = h('div', { class: 'fb-msg ' + (user ? 'fb-user' : 'fb-bot') + (m.t === 'err' ? ' fb-error' : ''),
      'data-faqbot': user ? 'message-user' : 'message-bot' });
    if (user) el.textContent = m.text || '';
    else if (m.t === 'answer') renderAnswer(m, el);
    else if (m.t === 'sugg') {
      el.append(md(m.text), options((m.items || []).map((s) => [s.question, () => showEntry(s.id, s.question)])));
    } else if (m.t === 'flow') renderFlow(m, el, m.live !== false);
    else el.append(md(m.text));
    return el;
  }

  function options(list) {
    return h('div', { class: 'fb-options' },
      list.map((o) => button('fb-opt', o[0], o[1], { 'data-faqbot': 'option' })));
  }

  function showReply(r, query) {
    if (r.type === 'answer' && r.answer) {
      const act = r.action && r.action.type === 'start_flow' ? { flow: r.action.flow, label: r.action.label } : undefined;
      add({ r: 'b', t: 'answer', q: query, a: slim(r.answer), act: act });
    } else if (r.type === 'suggestions' || r.type === 'no_figure') {
      add({ r: 'b', t: 'sugg', text: r.text, items: r.suggestions || [] });
    } else if (r.type === 'flow' && r.flow) {
      add({ r: 'b', t: 'flow', flow: r.flow });
    } else {
      add({ r: 'b', t: 'text', text: r.text || '' });
    }
  }

  // What is kept of an answer (plain data, stored as is).
  const slim = (a) => ({ id: a.id, question: a.question, answer: a.answer, answerHtml: a.answerHtml, section: a.section, related: a.related });

  function setBusy(on) {
    busy = on;
    typing.hidden = !on;
    root.classList.toggle('fb-busy', on);
    if (on) bodyEl.scrollTop = bodyEl.scrollHeight;
  }

  // POST /api/chat with the kept state; `echo` is what the user's bubble shows (for a form: once accepted).
  async function chat(payload, echo) {
    if (busy) return;
    const late = !!payload.fields;
    if (echo && !late) add({ r: 'u', t: 'text', text: echo });
    setBusy(true);
    const sentState = conv.state, g = gen;
    try {
      const r = await call('/api/chat', { method: 'POST', json: Object.assign({ lang: lang, state: sentState }, payload) });
      if (g !== gen) return;
      conv.state = r.state == null ? null : r.state;
      retire();
      if (echo && late) add({ r: 'u', t: 'text', text: echo });
      showReply(r, payload.message || echo);
    } catch (e) {
      if (g !== gen) return;
      const fieldErrors = e.body && e.body.fieldErrors;
      if (e.status === 400 && payload.fields && fieldErrors && activeFlow && Object.keys(fieldErrors).length) {
        activeFlow.showErrors(fieldErrors);
      } else {
        // A 400 for a stale or changed state would repeat forever: leave the flow.
        if (e.status === 400 && sentState) { conv.state = null; retire(); }
        add({ r: 'b', t: 'err', text: e.message });
      }
    } finally {
      if (g === gen) setBusy(false);
    }
  }

  // Shows one entry (a picked suggestion or related question) as an answer.
  async function showEntry(id, question) {
    if (busy) return;
    add({ r: 'u', t: 'text', text: question });
    setBusy(true);
    const g = gen;
    try {
      const a = await call('/api/entries/' + encodeURIComponent(id) + '?lang=' + lang);
      if (g !== gen) return;
      add({ r: 'b', t: 'answer', q: question, a: slim(a) });
    } catch (e) {
      if (g === gen) add({ r: 'b', t: 'err', text: e.message });
    } finally {
      if (g === gen) setBusy(false);
    }
  }

  function renderAnswer(m, el) {
    const a = m.a || {};
    if (a.section) el.append(h('span', { class: 'fb-label' }, a.section));
    el.append(h('p', { class: 'fb-q' }, h('strong', null, a.question || '')));
    el.append(h('div', { class: 'fb-answer' }, a.answerHtml ? safeHtml(a.answerHtml) : md(a.answer)));
    if (a.related && a.related.length) {
      el.append(h('p', { class: 'fb-sub' }, T.related),
        options(a.related.map((r) => [r.question, () => showEntry(r.id, r.question)])));
    }
    // The entry belongs to a guided flow: offer to start it.
    if (m.act && m.act.flow) {
      el.append(options([[m.act.label || m.act.flow, () => chat({ flow: m.act.flow }, m.act.label)]]));
    }
    if (!a.id) return;
    const fb = h('div', { class: 'fb-feedback', role: 'group', 'aria-label': T.helpful });
    const thanks = () => fb.append(h('span', { class: 'fb-thanks', tabIndex: -1 }, T.thanks));
    const vote = (helpful) => {
      m.fb = true;
      save();
      clear(fb);
      thanks();
      fb.firstChild.focus();
      call('/api/feedback', { method: 'POST', json: { entryId: a.id, helpful: helpful, query: m.q || a.question, lang: lang } })
        .catch(() => { /* a lost vote is not worth an error */ });
    };
    if (m.fb) thanks();
    else {
      fb.append(h('span', { class: 'fb-sub' }, T.helpful),
        button('fb-thumb', [icon(THUMB), T.yes], () => vote(true), { 'data-faqbot': 'helpful-yes' }),
        button('fb-thumb fb-down', [icon(THUMB), T.no], () => vote(false), { 'data-faqbot': 'helpful-no' }));
    }
    el.append(fb);
  }

  // The flow step the state points at is live; older steps get their controls disabled.
  function retire() {
    if (!activeFlow) return;
    const a = activeFlow;
    activeFlow = null;
    emailCtx = null;
    a.m.live = false;
    save();
    const hadFocus = a.el.contains(shadow.activeElement);
    a.el.querySelectorAll('button,input,textarea,select').forEach((c) => { c.disabled = true; });
    a.el.classList.add('fb-done');
    if (hadFocus) input.focus();
  }

  function renderFlow(m, el, live) {
    const f = m.flow || {};
    if (f.title) el.append(h('span', { class: 'fb-label' }, f.title));
    el.append(md(f.prompt));
    const ctx = { el: el, m: m, showErrors: () => {} };
    if ((f.kind === 'choice' || f.kind === 'info') && f.options && f.options.length) {
      el.append(options(f.options.map((o) => [o.label, () => chat({ choice: o.id }, o.label)])));
    } else if (f.kind === 'form') {
      flowForm(f, el, ctx);
    } else if (f.kind === 'email') {
      emailForm(f, el, live);
    } else if (f.kind === 'end') {
      el.append(h('div', { class: 'fb-options' }, button('fb-primary', T.newChat, () => reset(true), { 'data-faqbot': 'new' })));
    }
    if (f.entries && f.entries.length) { // the flow's FAQ entries, folded away
      el.append(h('details', { class: 'fb-more' }, h('summary', null, T.readMore + ' (' + f.entries.length + ')'),
        options(f.entries.map((r) => [r.question, () => showEntry(r.id, r.question)]))));
    }
    if (live) activeFlow = ctx;
    else {
      el.querySelectorAll('button,input,textarea,select').forEach((c) => { c.disabled = true; });
      el.classList.add('fb-done');
    }
  }

  // ---------- Form fields ----------
  function field(name, label, type, required, max, value) {
    const id = nextId('f');
    const inp = type === 'textarea' ? h('textarea', { rows: 4 }) : h('input', { type: type === 'email' ? 'email' : 'text' });
    inp.id = id;
    inp.name = name;
    inp.required = !!required;
    if (max > 0) inp.maxLength = max;
    if (type === 'email') inp.autocomplete = 'email';
    inp.value = value || '';
    const err = h('p', { class: 'fb-err', id: id + '-e', hidden: true });
    const wrap = h('div', { class: 'fb-field' },
      h('label', { for: id }, label, required ? h('span', { class: 'fb-req', 'aria-hidden': 'true' }, ' *') : null), inp, err);
    const setError = (msg) => {
      err.textContent = msg || '';
      err.hidden = !msg;
      if (msg) { inp.setAttribute('aria-invalid', 'true'); inp.setAttribute('aria-describedby', err.id); }
      else { inp.removeAttribute('aria-invalid'); inp.removeAttribute('aria-describedby'); }
    };
    return { wrap: wrap, input: inp, setError: setError, type: type, required: required, max: max, label: label };
  }

  // Client-side checks; focuses the first bad field. True when all are fine.
  function check(fields) {
    let firstBad = null;
    for (const k in fields) {
      const f = fields[k];
      const v = f.input.value.trim();
      const msg = f.required && !v ? T.required
        : f.max > 0 && v.length > f.max ? tr('tooLong', { n: f.max })
          : f.type === 'email' && v && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(v) ? T.badEmail : '';
      f.setError(msg);
      if (msg && !firstBad) firstBad = f.input;
    }
    if (firstBad) firstBad.focus();
    return !firstBad;
  }

  function values(fields) {
    const out = {};
    for (const k in fields) out[k] = fields[k].input.value.trim();
    return out;
  }

  function flowForm(f, el, ctx) {
    const fields = {};
    const form = h('form', { class: 'fb-form', noValidate: true });
    (f.fields || []).forEach((d) => {
      fields[d.id] = field(d.id, d.label || d.id, d.type, d.required, d.maxLength);
      form.append(fields[d.id].wrap);
    });
    const formErr = h('p', { class: 'fb-err', role: 'alert', hidden: true });
    form.append(formErr, h('button', { type: 'submit', class: 'fb-btn fb-primary' }, T.submit));
    ctx.showErrors = (errs) => {
      let first = null;
      for (const k in fields) {
        fields[k].setError(errs[k] || '');
        if (errs[k] && !first) first = fields[k].input;
      }
      const other = Object.keys(errs).filter((k) => !fields[k]).map((k) => errs[k]).join(' ');
      formErr.textContent = other;
      formErr.hidden = !other;
      if (first) first.focus();
    };
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      if (busy || !check(fields)) return;
      const vals = values(fields);
      const echo = Object.keys(fields).filter((k) => vals[k]).map((k) => fields[k].label + ': ' + vals[k]).join('\n');
      chat({ fields: vals }, echo || T.submit);
    });
    el.append(form);
  }

  // ---------- The support e-mail step ----------
  function emailForm(f, el, live) {
    const collected = f.collected || {};
    const fields = {};
    const form = h('form', { class: 'fb-form', noValidate: true });
    EMAIL_FIELDS.forEach((d) => {
      fields[d[0]] = field(d[0], T.fields[d[0]], d[1], d[2], d[3], collected[d[0]]);
      form.append(fields[d[0]].wrap);
    });

    // Screenshots
    let conf = { canSend: false, maxFiles: 5, maxFileBytes: 5 * 1024 * 1024, types: IMAGE_TYPES };
    const files = []; // {file, url}
    const fileId = nextId('file');
    const fileInput = h('input', {
      type: 'file', id: fileId, class: 'fb-file', multiple: true, accept: IMAGE_TYPES.join(','), 'data-faqbot': 'file',
      on: { change: () => { addFiles(fileInput.files); fileInput.value = ''; } }
    });
    const hint = h('p', { class: 'fb-hint' });
    const fileErr = h('p', { class: 'fb-err', role: 'alert', hidden: true });
    const thumbs = h('ul', { class: 'fb-thumbs', 'aria-label': T.screenshots });
    const showHint = () => { hint.textContent = tr('dropHint', { n: conf.maxFiles, size: size(conf.maxFileBytes) }); };
    showHint();
    form.append(h('fieldset', { class: 'fb-files' },
      h('legend', null, T.screenshots),
      fileInput, h('label', { for: fileId, class: 'fb-btn fb-opt' }, T.addFiles), hint, fileErr, thumbs));

    const formErr = h('p', { class: 'fb-err', role: 'alert', hidden: true });
    const previewBtn = h('button', { type: 'submit', class: 'fb-btn fb-primary' }, T.preview);
    const preview = h('div', { class: 'fb-preview', hidden: true });
    form.append(formErr, previewBtn);
    el.append(form, preview);

    function addFiles(list) {
      let msg = '';
      for (const file of Array.from(list || [])) {
        if (files.length >= conf.maxFiles) { msg = tr('tooMany', { n: conf.maxFiles }); break; }
        if (conf.types.indexOf(file.type) < 0) { msg = tr('badType', { name: file.name }); continue; }
        if (file.size > conf.maxFileBytes) { msg = tr('tooBig', { name: file.name, size: size(conf.maxFileBytes) }); continue; }
        const url = URL.createObjectURL(file);
        blobUrls.add(url);
        files.push({ file: file, url: url });
      }
      fileErr.textContent = msg;
      fileErr.hidden = !msg;
      drawThumbs();
      stale();
    }

    function drawThumbs() {
      clear(thumbs);
      files.forEach((x, i) => thumbs.append(h('li', { class: 'fb-thumb-item' },
        h('img', { src: x.url, alt: '' }),
        h('span', { class: 'fb-fname' }, x.file.name || 'image'),
        button('fb-ghost fb-remove', '×', () => {
          URL.revokeObjectURL(x.url);
          blobUrls.delete(x.url);
          files.splice(i, 1);
          drawThumbs();
          stale();
          fileInput.focus();
        }, { 'aria-label': tr('remove', { name: x.file.name || 'image' }) }))));
    }

    function formData() {
      const fd = new FormData();
      if (conv.state) fd.append('state', JSON.stringify(conv.state));
      const vals = values(fields);
      for (const k in vals) fd.append(k, vals[k]);
      fd.append('lang', lang);
      files.forEach((x) => fd.append('screenshots', x.file, x.file.name || 'screenshot'));
      return fd;
    }

    // Any change makes the shown preview outdated.
    function stale() {
      if (!preview.hidden) { preview.hidden = true; clear(preview); }
    }
    form.addEventListener('input', (e) => { if (e.target !== fileInput) stale(); });

    function showError(e) {
      formErr.textContent = e.message;
      formErr.hidden = false;
    }

    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      if (previewBtn.disabled || !check(fields)) return;
      formErr.hidden = true;
      previewBtn.disabled = true;
      previewBtn.textContent = T.wait;
      try {
        const p = await call('/api/support-email?format=json', { method: 'POST', body: formData() });
        showPreview(p);
      } catch (err) {
        showError(err);
      } finally {
        previewBtn.disabled = !activeFlow || activeFlow.el !== el;
        previewBtn.textContent = T.preview;
      }
    });

    function showPreview(p) {
      const status = h('p', { class: 'fb-status', role: 'status' });
      const say = (text) => { status.textContent = text; };
      const actions = h('div', { class: 'fb-actions' });
      actions.append(button('fb-primary', T.download, async () => {
        say(T.wait);
        try {
          const res = await call('/api/support-email', { method: 'POST', body: formData(), raw: true });
          const cd = /filename="?([^";]+)"?/.exec(res.headers.get('Content-Disposition') || '');
          const url = URL.createObjectURL(await res.blob());
          const a = h('a', { href: url, download: cd ? cd[1] : 'support.eml', hidden: true });
          shadow.append(a);
          a.click();
          a.remove();
          setTimeout(() => URL.revokeObjectURL(url), 60000);
          say(T.downloaded);
        } catch (err) { say(err.message); }
      }));
      if (/^mailto:/i.test(p.mailto || '')) {
        actions.append(h('a', { class: 'fb-btn fb-opt', href: p.mailto }, T.mailto));
      }
      actions.append(button('fb-opt', T.copy, () => {
        const done = navigator.clipboard && navigator.clipboard.writeText(p.body || '');
        if (!done) { say(T.copyFailed); return; }
        done.then(() => say(T.copied), () => say(T.copyFailed));
      }));
      if (conf.canSend) {
        const sendBtn = button('fb-primary', T.sendMail, async () => {
          sendBtn.disabled = true;
          say(T.wait);
          try {
            const r = await call('/api/support-email/send', { method: 'POST', body: formData() });
            say('');
            add({ r: 'b', t: 'text', text: tr('sent', { ref: r.caseRef || '' }) });
          } catch (err) { say(err.message); sendBtn.disabled = false; }
        });
        actions.append(sendBtn);
      }
      const names = (p.attachments || []).map((x) => x.name).filter(Boolean);
      clear(preview).append(
        h('h3', { class: 'fb-sub' }, T.previewTitle),
        h('dl', null, h('dt', null, T.to), h('dd', null, p.to || ''), h('dt', null, T.subject), h('dd', null, p.subject || ''),
          names.length ? [h('dt', null, T.attachments), h('dd', null, names.join(', '))] : null),
        h('pre', { class: 'fb-pre', tabIndex: 0, 'aria-label': T.body }, p.body || ''),
        p.redacted ? h('p', { class: 'fb-note' }, T.redacted) : null,
        actions,
        names.length && /^mailto:/i.test(p.mailto || '') ? h('p', { class: 'fb-hint' }, T.mailtoNote) : null,
        status);
      preview.hidden = false;
      bodyEl.scrollTop = Math.max(0, preview.offsetTop - 8);
    }

    if (live) {
      emailCtx = { add: addFiles };
      supportConfig().then((c) => { conf = c; showHint(); });
    }
  }
  const size = (bytes) => (bytes >= 1048576 ? Math.round(bytes / 104857.6) / 10 + ' MB' : Math.ceil(bytes / 1024) + ' KB');

  // ---------- Sending and suggest-as-you-type ----------
  function onSend() {
    const text = input.value.trim();
    if (!text || busy) return;
    input.value = '';
    hideSuggest();
    chat({ message: text }, text);
  }

  let sugTimer = 0, sugSeq = 0, sugItems = [], sugActive = -1;
  function onType() {
    clearTimeout(sugTimer);
    const q = input.value.trim();
    if (q.length < 3) { sugSeq++; hideSuggest(); return; }
    sugTimer = setTimeout(() => suggest(q), 200);
  }

  async function suggest(q) {
    const seq = ++sugSeq;
    try {
      const r = await call('/api/suggest?q=' + encodeURIComponent(q) + '&lang=' + lang);
      if (seq !== sugSeq || input.value.trim() !== q || shadow.activeElement !== input) return;
      showSuggest((r.suggestions || []).slice(0, 3));
    } catch (e) {
      if (seq === sugSeq) hideSuggest(); // silently nothing
    }
  }

  function showSuggest(items) {
    sugItems = items;
    sugActive = -1;
    clear(sugList);
    if (!items.length) { hideSuggest(); return; }
    items.forEach((s, i) => sugList.append(h('li', {
      id: 'fb-sug-' + i, class: 'fb-sug-item', role: 'option', 'aria-selected': 'false', 'data-faqbot': 'suggest',
      on: { mousedown: (e) => e.preventDefault(), click: () => pick(i) }
    }, s.question)));
    sugList.hidden = false;
    input.setAttribute('aria-expanded', 'true');
  }

  function hideSuggest() {
    if (!sugList) return;
    sugList.hidden = true;
    sugItems = [];
    sugActive = -1;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
  }

  function highlight(i) {
    sugActive = i;
    Array.from(sugList.children).forEach((li, j) => li.setAttribute('aria-selected', String(i === j)));
    if (i >= 0) input.setAttribute('aria-activedescendant', 'fb-sug-' + i);
    else input.removeAttribute('aria-activedescendant');
  }

  function pick(i) {
    const s = sugItems[i];
    if (!s || busy) return;
    sugSeq++;
    input.value = '';
    hideSuggest();
    showEntry(s.id, s.question);
  }

  function onInputKey(e) {
    if (e.key === 'Enter' && !e.isComposing && (sugList.hidden || sugActive < 0)) { e.preventDefault(); onSend(); return; }
    if (sugList.hidden || !sugItems.length) return;
    const n = sugItems.length;
    if (e.key === 'ArrowDown') { e.preventDefault(); highlight((sugActive + 1) % n); }
    else if (e.key === 'ArrowUp') { e.preventDefault(); highlight(sugActive <= 0 ? n - 1 : sugActive - 1); }
    else if (e.key === 'Enter' && sugActive >= 0) { e.preventDefault(); pick(sugActive); }
    else if (e.key === 'Escape') { e.preventDefault(); e.stopPropagation(); sugSeq++; hideSuggest(); }
  }

  // ---------- Start ----------
  const queue = [];
  const whenReady = (fn) => (panel ? fn() : queue.push(fn));
  function start() {
    if (panel || !document.body) return;
    build();
    queue.splice(0).forEach((fn) => fn());
  }

  window.FaqBot = Object.freeze({
    open: () => whenReady(() => open(true)),
    close: () => whenReady(close),
    reset: () => whenReady(() => reset(false))
  });

  if (document.body) start();
  else document.addEventListener('DOMContentLoaded', start);
})();
