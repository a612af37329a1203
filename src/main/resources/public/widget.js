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
  // light | dark | auto; by default what the page says it is drawn in (its color-scheme).
  const pageScheme = getComputedStyle(document.documentElement).colorScheme || '';
  const THEME = /^(light|dark|auto)$/.test(attr('theme')) ? attr('theme')
    : /^\s*dark\s*$/.test(pageScheme) ? 'dark' : /^\s*light\s*$/.test(pageScheme) ? 'light' : 'auto';
  const storageKind = /^(session|local|none)$/.test(attr('storage')) ? attr('storage') : 'session';
  let origin = location.origin;
  try { if (script && script.src) origin = new URL(script.src, location.href).origin; } catch (e) { /* keep page origin */ }
  const API = (attr('api') || origin).replace(/\/+$/, '');
  const KEY = 'faqbot:v1';
  const MAX_KEPT = 80; // messages kept in storage

  // ---------- Texts (Norwegian bokmål first) ----------
  const I18N = {
    nb: {
      title: 'Spør oss', open: 'Åpne chat', close: 'Lukk chat', newChat: 'Ny samtale',
      log: 'Samtale', inputLabel: 'Skriv spørsmålet ditt', placeholder: 'Skriv spørsmålet ditt …', send: 'Send',
      typing: 'Svarer …', suggest: 'Forslag',
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
      badType: '«{name}» er ikke et PNG-, JPEG-, GIF- eller WebP-bilde.', previewTitle: 'Forhåndsvisning', to: 'Til', subject: 'Emne', body: 'Tekst',
      attachments: 'Vedlegg', redacted: 'Vi fjernet hemmeligheter (f.eks. passord) fra e-posten.',
      download: 'Last ned e-posten (.eml)', mailto: 'Åpne i e-postprogram', sendMail: 'Send til support',
      wait: 'Et øyeblikk …', downloaded: 'E-posten er lastet ned (saksnummer {ref}). Åpne filen og trykk Send i e-postprogrammet.',
      askSent: 'Fikk du sendt den?', yesSent: 'Ja, den er sendt', notSent: 'Nei', closeCase: 'Lukk',
      notSentHelp: 'Last ned e-posten (.eml) og åpne den, så er skjermbildene med. Saken ligger uansett hos support med saksnummer {ref}.',
      sentThanks: 'Takk! Saksnummer: {ref}. Support svarer deg på e-post til {to}. Oppgi saksnummeret hvis du skriver til oss igjen.',
      closedNext: 'Saksnummer: {ref}. Saken ligger hos support, som svarer deg på e-post til {to}. Oppgi saksnummeret hvis du skriver til oss igjen.',
      phoneNote: 'Saken er registrert hos support med saksnummer {ref}, også om e-posten ikke blir sendt. Skriver du selv, lim inn teksten under.',
      pasteText: 'Tekst å lime inn', copy: 'Kopier teksten', copied: 'Kopiert.',
      queuedNext: 'Saksnummer: {ref}. Vi har tatt imot saken, men fikk ikke levert den til support ennå; vi prøver igjen til den er levert. Support svarer deg på e-post til {to}.',
      pasteRef: 'Saksnummer', pasteStore: 'Butikk-ID', pasteError: 'Feilkode',
      bot: 'Assistenten:', you: 'Du:', contact: 'Kontakt support', none: 'Ingen av disse',
      rephrase: 'Prøv å spørre med andre ord, gjerne med en feilmelding eller et stikkord. Eller skriv til support, så svarer et menneske.',
      sorry: 'Beklager at det ikke hjalp. Prøv å spørre med andre ord, eller skriv til support.',
      intro: 'Jeg er en automatisk assistent og svarer på spørsmål om oppgraderingen. Trenger du et menneske, velg «Kontakt support».',
      topics: 'Vanlige spørsmål', retry: 'Prøv igjen', restart: 'Start veiledningen på nytt',
      network: 'Får ikke kontakt med oss akkurat nå. Sjekk nettforbindelsen og prøv igjen.',
      stale: 'Veiledningen er blitt oppdatert siden du startet, så den må starte på nytt. Svarene dine er ikke sendt noe sted.',
      long: 'Meldingen er for lang for chatten. Kort den ned, eller skriv til support med hele teksten.',
      busyErr: 'Du har sendt mange meldinger på kort tid. Vent litt og prøv igjen.',
      badReq: 'Det forsto jeg ikke. Prøv å skrive spørsmålet på en annen måte.',
      step: 'Steg {n} av ~{m}', back: 'Tilbake', exit: 'Avslutt', exited: 'Ok, jeg har avsluttet veiledningen. Spør gjerne om noe annet.',
      stuck: 'Kommer du ikke videre?', edit: 'Endre', yourInfo: 'Dette sender vi til support',
      contactPrompt: 'Skriv til support, så svarer et menneske deg på e-post. Samtalen så langt blir med (uten passord og andre hemmeligheter).',
      touchHint: 'Høyst {n} bilder (PNG, JPEG, GIF, WebP), {size} hver.',
      openNote: 'Skjermbildene blir ikke med når e-postprogrammet åpnes: legg dem ved selv. Eller last ned e-posten (.eml), den har dem med.',
      showMail: 'Vis e-posten', sentNext: 'Saksnummer: {ref}. Support svarer deg på e-post til {to}. Oppgi saksnummeret hvis du skriver til oss igjen.',
      opened: 'Saksnummer: {ref}. E-posten skal nå åpnes i e-postprogrammet ditt: trykk Send der, og legg ved skjermbildene selv.',
      fileBig: 'Et av bildene er for stort. Fjern det eller bruk et mindre bilde.',
      fileType: 'Et av vedleggene er ikke et bilde (PNG, JPEG, GIF eller WebP).',
      noSmtp: 'Vi kunne ikke sende e-posten herfra. Last ned e-posten (.eml) og send den selv.',
      formBad: 'Noe i skjemaet ser ikke riktig ut. Sjekk e-postadressen og feltene, og prøv igjen.',
      fieldErr: {
        'store-id': 'Butikk-ID-en ser ikke riktig ut. Den står i velkomst-e-posten, f.eks. K123456 eller bare sifre.',
        email: 'Skriv e-postadressen din, f.eks. navn@butikk.no.',
        'error-code': 'Skriv feilkoden slik den står i feilmeldingen, f.eks. BAD_VALUE.',
        'http-status': 'HTTP-statusen er tre sifre, f.eks. 401.',
        'correlation-id': 'Correlation ID består av bokstaver, sifre og bindestreker, minst 6 tegn.',
        long: 'Teksten er for lang. Kort den ned.', other: 'Sjekk dette feltet.'
      }
    },
    en: {
      title: 'Ask us', open: 'Open chat', close: 'Close chat', newChat: 'New conversation',
      log: 'Conversation', inputLabel: 'Type your question', placeholder: 'Type your question …', send: 'Send',
      typing: 'Replying …', suggest: 'Suggestions',
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
      badType: '"{name}" is not a PNG, JPEG, GIF or WebP image.', previewTitle: 'Preview', to: 'To', subject: 'Subject', body: 'Text',
      attachments: 'Attachments', redacted: 'We removed secrets (e.g. passwords) from the e-mail.',
      download: 'Download the e-mail (.eml)', mailto: 'Open in e-mail app', sendMail: 'Send to support',
      wait: 'One moment …', downloaded: 'The e-mail has been downloaded (case number {ref}). Open the file and press Send in your e-mail app.',
      askSent: 'Did you manage to send it?', yesSent: 'Yes, it is sent', notSent: 'No', closeCase: 'Close',
      notSentHelp: 'Download the e-mail (.eml) and open it: the screenshots are included. Support has the case anyway, as case number {ref}.',
      sentThanks: 'Thank you! Case number: {ref}. Support will answer you by e-mail at {to}. Give the case number if you write to us again.',
      closedNext: 'Case number: {ref}. Support has the case and will answer you by e-mail at {to}. Give the case number if you write to us again.',
      phoneNote: 'Support has the case as case number {ref}, even if the e-mail is not sent. If you write yourself, paste the text below.',
      pasteText: 'Text to paste', copy: 'Copy the text', copied: 'Copied.',
      queuedNext: 'Case number: {ref}. We have received the case but could not hand it to support yet; we keep trying until it is delivered. Support will answer you by e-mail at {to}.',
      pasteRef: 'Case number', pasteStore: 'Store ID', pasteError: 'Error code',
      bot: 'Assistant:', you: 'You:', contact: 'Contact support', none: 'None of these',
      rephrase: 'Try asking in other words, ideally with an error message or a keyword. Or write to support and a person will answer.',
      sorry: "Sorry that didn't help. Try asking in other words, or write to support.",
      intro: 'I am an automatic assistant and answer questions about the upgrade. If you need a person, choose "Contact support".',
      topics: 'Common questions', retry: 'Try again', restart: 'Restart the guide',
      network: "We can't be reached right now. Check your connection and try again.",
      stale: 'The guide has been updated since you started, so it has to start again. Your answers were not sent anywhere.',
      long: 'The message is too long for the chat. Shorten it, or write to support with the full text.',
      busyErr: 'You have sent many messages in a short time. Wait a little and try again.',
      badReq: "I didn't understand that. Try writing the question another way.",
      step: 'Step {n} of ~{m}', back: 'Back', exit: 'Exit', exited: 'OK, I have closed the guide. Feel free to ask something else.',
      stuck: 'Stuck?', edit: 'Change', yourInfo: 'This is what we send to support',
      contactPrompt: 'Write to support and a person will answer you by e-mail. The conversation so far is included (without passwords and other secrets).',
      touchHint: 'At most {n} images (PNG, JPEG, GIF, WebP), {size} each.',
      openNote: "Screenshots are not included when your e-mail app opens: attach them yourself. Or download the e-mail (.eml), which includes them.",
      showMail: 'Show the e-mail', sentNext: 'Case number: {ref}. Support will answer you by e-mail at {to}. Give the case number if you write to us again.',
      opened: 'Case number: {ref}. Your e-mail app should now open with the e-mail: press Send there, and attach the screenshots yourself.',
      fileBig: 'One of the images is too large. Remove it or use a smaller image.',
      fileType: 'One of the attachments is not an image (PNG, JPEG, GIF or WebP).',
      noSmtp: "We couldn't send the e-mail from here. Download the e-mail (.eml) and send it yourself.",
      formBad: "Something in the form doesn't look right. Check the e-mail address and the fields, and try again.",
      fieldErr: {
        'store-id': "The store ID doesn't look right. It is in the welcome e-mail, e.g. K123456 or digits only.",
        email: 'Enter your e-mail address, e.g. name@shop.com.',
        'error-code': 'Enter the error code as it appears in the error message, e.g. BAD_VALUE.',
        'http-status': 'The HTTP status is three digits, e.g. 401.',
        'correlation-id': 'The correlation ID is letters, digits and hyphens, at least 6 characters.',
        long: 'The text is too long. Shorten it.', other: 'Check this field.'
      }
    }
  };
  const T = I18N[lang];
  const tr = (key, vars) => T[key].replace(/\{(\w+)\}/g, (m, k) => (vars && k in vars ? vars[k] : m));
  const TITLE = attr('title') || T.title;

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
  const CHAT_ICON = 'M4 3h16a2 2 0 0 1 2 2v11a2 2 0 0 1-2 2H9l-5 4v-4a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2z';
  const X_ICON = 'M5 5l14 14M19 5L5 19';
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
  const inline = (s) => s.split(/\*\*(.+?)\*\*/).map((part, i) => (i % 2 ? h('strong', null, part) : links(part)));
  // E-mail addresses and web addresses become links; only mailto: and http(s): ever reach href.
  const LINK = /([\w.+-]+@[\w-]+(?:\.[\w-]+)+|https?:\/\/[^\s<>"]+[^\s<>".,;:!?)])/;
  const links = (s) => s.split(LINK).map((part, i) => (i % 2 ? h('a', {
    href: /^http/.test(part) ? part : 'mailto:' + part,
    target: /^http/.test(part) ? '_blank' : null, rel: 'noopener noreferrer'
  }, part) : part));

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
    if (saved && Array.isArray(saved.messages)) {
      conv = { messages: saved.messages, state: saved.state || null, open: !!saved.open, flowQ: saved.flowQ, lang: saved.lang };
    }
  } catch (e) { /* ignore broken data */ }
  // A random id for this tab's conversation, so staff insights can tell conversations apart. Kept in
  // sessionStorage (never a cookie) and gone when the tab closes; with storage="none" a new id per page.
  const conversationId = (() => {
    const fresh = () => Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
    try {
      let id = storageKind === 'none' ? null : window.sessionStorage.getItem('faqbot-conversation');
      if (!/^[0-9a-f]{32}$/.test(id || '')) {
        id = fresh();
        if (storageKind !== 'none') window.sessionStorage.setItem('faqbot-conversation', id);
      }
      return id;
    } catch (e) { return fresh(); } // storage blocked by privacy settings
  })();
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
    // 429: the server's text is in both languages; show ours, in the widget's language.
    const msg = res.status < 500 && body && typeof body.error === 'string' ? body.error : T.serverError;
    throw Object.assign(new Error(msg), { status: res.status, body: body });
  }

  // The support e-mail's fields, image types and limits: the server defines them, the widget asks once.
  let config = null;
  function supportConfig() {
    if (!config) {
      config = call('/api/support-email/config').then((c) => ({
        canSend: c.canSend === true,
        maxFiles: c.maxFiles > 0 ? c.maxFiles : 0,
        maxFileBytes: c.maxFileBytes > 0 ? c.maxFileBytes : 0,
        types: Array.isArray(c.types) ? c.types : [],
        fields: Array.isArray(c.fields) ? c.fields : []
      }));
      config.catch(() => { config = null; }); // asked again by the next form
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
    }, icon(CHAT_ICON));

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
      button('fb-ghost fb-new', T.contact, () => contact(false), { 'data-faqbot': 'contact' }),
      button('fb-ghost fb-new', T.newChat, () => reset(true), { 'data-faqbot': 'new' }),
      button('fb-ghost fb-close', icon(X_ICON), close, { 'aria-label': T.close, 'data-faqbot': 'close' })),
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

    root = h('div', { class: 'fb-root' + (left ? ' fb-left' : ''), lang: lang, 'data-theme': THEME }, launcher, panel);
    const osDark = window.matchMedia ? matchMedia('(prefers-color-scheme: dark)') : { matches: false };
    const theme = () => root.classList.toggle('fb-dark', THEME === 'dark' || (THEME === 'auto' && osDark.matches));
    theme();
    if (osDark.addEventListener) osDark.addEventListener('change', theme);
    shadow.append(root);
    document.body.append(host);
    loadCss().then(() => {
      host.style.removeProperty('display');
      bodyEl.scrollTop = bodyEl.scrollHeight;
    });

    if (!conv.messages.length) conv.messages.push({ r: 'b', t: 'intro' });
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
    launcher.replaceChildren(icon(X_ICON));
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
    launcher.replaceChildren(icon(CHAT_ICON));
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
    add({ r: 'b', t: 'intro' });
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

  // A message kind this widget does not know (a newer server) is drawn as text with a way to support.
  function render(m) {
    const user = m.r === 'u';
    const el = h('div', { class: 'fb-msg ' + (user ? 'fb-user' : 'fb-bot') + (m.t === 'err' ? ' fb-error' : ''),
      'data-faqbot': user ? 'message-user' : 'message-bot' }, h('span', { class: 'fb-sr' }, user ? T.you : T.bot), ' ');
    if (user) el.append(m.text || '');
    else if (m.t === 'answer') renderAnswer(m, el);
    else if (m.t === 'sugg') {
      el.append(md(m.text), options((m.items || []).map((s) => [s.question, () => showEntry(s.id, s.question)])
        .concat([[T.none, () => none(T.none, T.rephrase), 'none']])));
    } else if (m.t === 'flow') renderFlow(m, el, m.live !== false);
    else if (m.t === 'intro') renderIntro(el);
    else {
      el.append(md(m.text));
      const act = m.act === 'retry' && m.p ? [T.retry, () => chat(m.p, null)]
        : m.act === 'restart' && m.q ? [T.restart, () => chat({ message: m.q }, m.q)]
        : m.act && m.act.flow ? [m.act.label || m.act.flow, () => chat({ flow: m.act.flow }, m.act.label)] : null;
      if (m.t === 'err' || m.t === 'fallback' || m.act) {
        el.append(h('div', { class: 'fb-options' },
          act ? button('fb-primary', act[0], act[1], { 'data-faqbot': 'action' }) : null, contactBtn()));
      }
    }
    return el;
  }

  const contactBtn = (withState) => button('fb-opt', T.contact, () => contact(withState), { 'data-faqbot': 'contact' });

  // "Ingen av disse" and a "No" vote: the merchant's words, then a way on.
  function none(echo, text) {
    if (busy) return;
    if (echo) add({ r: 'u', t: 'text', text: echo });
    focusIn(add({ r: 'b', t: 'text', text: text, act: 'contact' }));
  }

  // Moves focus to the first control of a new message (new options after a choice), else to the text box.
  function focusIn(el) {
    const c = el.querySelector('button:not(:disabled),input:not([type=file]),textarea');
    (c || input).focus();
  }

  // The empty chat: who answers and what about, topics from the content, and a way to a person.
  function renderIntro(el) {
    const text = h('p', null, T.intro);
    const chips = h('div', { class: 'fb-options', role: 'group', 'aria-label': T.topics });
    el.append(text, chips, h('div', { class: 'fb-options' }, contactBtn()));
    call('/api/intro?lang=' + lang).then((r) => {
      if (r.text) text.replaceChildren(links(r.text));
      (r.topics || []).forEach((t) => chips.append(
        button('fb-opt', t, () => chat({ message: t }, t), { 'data-faqbot': 'topic' })));
    }, () => { /* the built-in sentence stays */ });
  }

  function options(list) {
    return h('div', { class: 'fb-options' },
      list.map((o) => button('fb-opt', o[0], o[1], { 'data-faqbot': o[2] || 'option' })));
  }

  function showReply(r, query) {
    if (r.type === 'answer' && r.answer) {
      const act = r.action && r.action.type === 'start_flow' ? { flow: r.action.flow, label: r.action.label } : undefined;
      add({ r: 'b', t: 'answer', q: query, a: slim(r.answer), act: act });
    } else if (r.type === 'suggestions' || r.type === 'no_figure') {
      add({ r: 'b', t: 'sugg', text: r.text, items: r.suggestions || [] });
    } else if (r.type === 'flow' && r.flow) {
      add({ r: 'b', t: 'flow', flow: r.flow });
    } else if (r.type === 'flow_changed') {
      // The flow changed since it started and this server no longer has that version: say so, offer it again.
      const act = r.action && r.action.type === 'start_flow' ? { flow: r.action.flow, label: r.action.label } : undefined;
      add({ r: 'b', t: 'fallback', text: r.text || '', act: act });
    } else {
      add({ r: 'b', t: r.type === 'smalltalk' ? 'text' : 'fallback', text: r.text || '' });
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
      // A typed message goes with the page's language and the server answers in the message's; a
      // flow step or a flow button goes in the language of the reply it belongs to.
      const sendLang = payload.message ? lang : replyLang();
      const r = await call('/api/chat', { method: 'POST', json: Object.assign({ lang: sendLang, state: sentState, conversation: conversationId }, payload) });
      if (g !== gen) return;
      conv.state = r.state == null ? null : r.state;
      conv.lang = /^(nb|en)$/.test(r.lang) ? r.lang : lang;
      const wasFlow = activeFlow;
      retire();
      if (echo && late) add({ r: 'u', t: 'text', text: echo });
      if (r.type === 'flow' && !sentState) conv.flowQ = payload.message || echo;
      showReply(r, payload.message || echo);
      if (wasFlow || !payload.message) focusIn(log.lastChild);
    } catch (e) {
      if (g !== gen) return;
      const fieldErrors = e.body && e.body.fieldErrors;
      if (e.status === 400 && payload.fields && fieldErrors && activeFlow && Object.keys(fieldErrors).length) {
        activeFlow.showErrors(fieldErrors);
      } else {
        const kind = errorKind(e, !!sentState);
        // A stale or changed state would fail forever: leave the flow, offer to start it again.
        if (kind === 'stale') { conv.state = null; retire(); }
        if (kind === 'long' && payload.message && !input.value) input.value = payload.message;
        const act = kind === 'stale' ? 'restart' : /^(network|serverError|busyErr)$/.test(kind) ? 'retry' : '';
        add({ r: 'b', t: 'err', text: T[kind], act: act, p: payload, q: conv.flowQ });
      }
    } finally {
      if (g === gen) setBusy(false);
    }
  }

  // What went wrong, from the error's stable code, else from the status: a key of the texts.
  function errorKind(e, inFlow) {
    const c = (e.body && e.body.code) || '';
    const st = e.status;
    if (c === 'state_invalid' || (!c && st === 400 && inFlow)) return 'stale';
    if (c === 'rate_limited' || st === 429) return 'busyErr';
    if (c === 'payload_too_large' || st === 413) return 'long';
    if (c === 'file_too_large') return 'fileBig';
    if (c === 'not_an_image' || c === 'too_many_files' || st === 415) return 'fileType';
    if (st === 0) return 'network';
    return st >= 500 || st === 408 ? 'serverError' : 'badReq';
  }

  // The language of the last reply: the page's unless the merchant wrote in the other one.
  function replyLang() { return conv.lang || lang; }

  // Shows one entry (a picked suggestion or related question) as an answer.
  async function showEntry(id, question) {
    if (busy) return;
    add({ r: 'u', t: 'text', text: question });
    setBusy(true);
    const g = gen;
    try {
      const a = await call('/api/entries/' + encodeURIComponent(id) + '?lang=' + replyLang() + '&conversation=' + conversationId);
      if (g !== gen) return;
      add({ r: 'b', t: 'answer', q: question, a: slim(a) });
    } catch (e) {
      if (g === gen) add({ r: 'b', t: 'err', text: T[errorKind(e, false)] });
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
      if (helpful) fb.firstChild.focus();
      else none(null, T.sorry);
      call('/api/feedback', { method: 'POST', json: { entryId: a.id, helpful: helpful, query: m.q || a.question, lang: replyLang(), conversation: conversationId } })
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
    const going = f.kind !== 'end' && f.stepsEstimate > 1;
    const progress = going ? ' · ' + tr('step', { n: f.stepNumber, m: Math.max(f.stepNumber, f.stepsEstimate) }) : '';
    if (f.title) el.append(h('span', { class: 'fb-label' }, f.title, progress));
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
    // Back, exit and (after a few steps) a shortcut to a person: the flow's way out at every step.
    if (f.kind !== 'end') {
      el.append(h('div', { class: 'fb-nav' },
        f.canGoBack && !f.local
          ? button('fb-ghost', T.back, () => chat({ choice: '_back' }, T.back), { 'data-faqbot': 'back' }) : null,
        button('fb-ghost', T.exit, () => { conv.state = null; retire(); none(T.exit, T.exited); },
          { 'data-faqbot': 'exit' }),
        f.kind !== 'email' && f.stepNumber >= 3 ? [h('span', { class: 'fb-hint' }, T.stuck), contactBtn(true)] : null));
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
    // The server's texts are for developers; the merchant gets the widget's own words for the field's type.
    const plain = (k, msg) => (!msg ? '' : /required/.test(msg) ? T.required : /longer/.test(msg) ? T.fieldErr.long
      : T.fieldErr[fields[k].type] || T.fieldErr.other);
    ctx.showErrors = (errs) => {
      let first = null;
      for (const k in fields) {
        fields[k].setError(plain(k, errs[k]));
        if (errs[k] && !first) first = fields[k].input;
      }
      const other = Object.keys(errs).some((k) => !fields[k]) ? T.fieldErr.other : '';
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
  // "Kontakt support" at any time: a flow-less e-mail step with the chat so far as context (the
  // server redacts it). From inside a flow (withState) the flow's own trail goes along instead.
  function contact(withState) {
    if (busy) return;
    const ctx = conv.messages.filter((m) => m.t === 'text' || m.t === 'answer' || m.t === 'fallback').slice(-12)
      .map((m) => (m.r === 'u' ? T.you : T.bot) + ' ' + (m.t === 'answer' ? (m.a || {}).question : m.text));
    const st = withState ? conv.state : null;
    retire();
    open(false);
    const flow = { kind: 'email', local: true, title: T.contact, prompt: T.contactPrompt, ctx: ctx, st: st };
    focusIn(add({ r: 'b', t: 'flow', flow: flow }));
  }

  function emailForm(f, el, live) {
    const collected = f.collected || {};
    const fields = {};
    const form = h('form', { class: 'fb-form', noValidate: true });
    // Values from the flow's form are a summary with "Endre"; only what is still missing is asked for
    // (the fields themselves come from the server's config, below).
    const filled = Object.keys(collected).some((k) => collected[k]);
    const summary = h('dl', { class: 'fb-summary' });
    if (filled) {
      const edit = button('fb-opt', T.edit, () => {
        summary.remove();
        edit.remove();
        for (const k in fields) fields[k].wrap.hidden = false;
        if (fields.storeId) fields.storeId.input.focus();
      }, { 'data-faqbot': 'edit' });
      form.prepend(h('p', { class: 'fb-sub' }, T.yourInfo), summary, edit);
    }

    // Screenshots (the fields go before them once the server has said which)
    let conf = { canSend: false, maxFiles: 0, maxFileBytes: 0, types: [], fields: [] };
    const files = []; // {file, url}
    const fileId = nextId('file');
    const fileInput = h('input', {
      type: 'file', id: fileId, class: 'fb-file', multiple: true, 'data-faqbot': 'file',
      on: { change: () => { addFiles(fileInput.files); fileInput.value = ''; } }
    });
    const hint = h('p', { class: 'fb-hint' });
    const fileErr = h('p', { class: 'fb-err', role: 'alert', hidden: true });
    const thumbs = h('ul', { class: 'fb-thumbs', 'aria-label': T.screenshots });
    const touch = window.matchMedia && matchMedia('(pointer: coarse)').matches;
    const showHint = () => {
      hint.textContent = tr(touch ? 'touchHint' : 'dropHint', { n: conf.maxFiles, size: size(conf.maxFileBytes) });
    };
    const filesSet = h('fieldset', { class: 'fb-files' },
      h('legend', null, T.screenshots),
      fileInput, h('label', { for: fileId, class: 'fb-btn fb-opt' }, T.addFiles), hint, fileErr, thumbs);
    form.append(filesSet);

    // One primary action: "Send til support" when the server delivers, else "Åpne i e-postprogram";
    // the .eml keeps the screenshots. The chat's own "Send" is the only other Send.
    const formErr = h('p', { class: 'fb-err', role: 'alert', hidden: true });
    const primary = h('button', { type: 'submit', class: 'fb-btn fb-primary', 'data-faqbot': 'send-email' }, T.mailto);
    const note = h('p', { class: 'fb-hint' }, T.openNote);
    const status = h('p', { class: 'fb-status', role: 'status' });
    const say = (text) => { status.textContent = text; };
    const preview = h('div', { class: 'fb-preview', hidden: true });
    // After the mail program or the download: the case number, "Fikk du sendt den?", and on phones a
    // short text to paste; the step stays open (download still there) until the merchant answers.
    const after = h('div', { class: 'fb-after', hidden: true, 'data-faqbot': 'after' });
    form.append(formErr, primary, note, h('div', { class: 'fb-actions' },
      button('fb-opt', T.download, () => { if (check(fields)) download(); }, { 'data-faqbot': 'eml' }),
      button('fb-ghost', T.showMail, () => { if (check(fields)) showPreview(); })), status, after);
    el.append(form, preview);
    const phone = touch || (window.matchMedia && matchMedia('(max-width: 600px)').matches);
    let caseRef = ''; // made by the server at the first preview, download or send; kept after
    const keepRef = (ref) => { if (/^FQ-[A-Z0-9]{6}$/.test(ref || '')) caseRef = ref; return caseRef; };

    function askSent(intro) {
      const to = fields.merchantEmail.input.value.trim();
      const help = h('p', { class: 'fb-hint', hidden: true }, tr('notSentHelp', { ref: caseRef }));
      clear(after).append(h('p', { class: 'fb-note', 'data-faqbot': 'case-ref' }, intro));
      if (phone) {
        const paste = [T.pasteRef + ': ' + caseRef,
          fields.storeId && fields.storeId.input.value.trim() ? T.pasteStore + ': ' + fields.storeId.input.value.trim() : '',
          fields.errorCode && fields.errorCode.input.value.trim() ? T.pasteError + ': ' + fields.errorCode.input.value.trim() : '',
          fields.description ? fields.description.input.value.trim() : ''].filter(Boolean).join('\n');
        const pasteId = nextId('paste');
        const area = h('textarea', { id: pasteId, class: 'fb-input fb-paste', readOnly: true, rows: 4, value: paste, 'data-faqbot': 'paste' });
        const copied = h('span', { class: 'fb-hint', role: 'status' });
        after.append(h('p', { class: 'fb-hint' }, tr('phoneNote', { ref: caseRef })),
          h('label', { for: pasteId, class: 'fb-sub' }, T.pasteText), area,
          button('fb-opt', T.copy, async () => {
            area.select();
            try { await navigator.clipboard.writeText(paste); } catch (e) { document.execCommand && document.execCommand('copy'); }
            copied.textContent = T.copied;
          }, { 'data-faqbot': 'copy' }), copied);
      }
      after.append(h('p', { class: 'fb-sub' }, T.askSent), h('div', { class: 'fb-actions' },
        button('fb-primary', T.yesSent, () => done(tr('sentThanks', { ref: caseRef, to: to })), { 'data-faqbot': 'was-sent' }),
        button('fb-opt', T.notSent, () => { help.hidden = false; }, { 'data-faqbot': 'not-sent' }),
        button('fb-ghost', T.closeCase, () => done(tr('closedNext', { ref: caseRef, to: to })), { 'data-faqbot': 'close-case' })), help);
      after.hidden = false;
      bodyEl.scrollTop = Math.max(0, after.offsetTop - 8);
    }

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
      const st = f.local ? f.st : conv.state;
      if (st) fd.append('state', JSON.stringify(st));
      (f.ctx || []).forEach((line) => fd.append('context', line));
      const vals = values(fields);
      for (const k in vals) fd.append(k, vals[k]);
      fd.append('lang', lang);
      fd.append('conversation', conversationId);
      if (caseRef) fd.append('caseRef', caseRef);
      files.forEach((x) => fd.append('screenshots', x.file, x.file.name || 'screenshot'));
      return fd;
    }

    // Any change makes the shown preview outdated.
    function stale() {
      if (!preview.hidden) { preview.hidden = true; clear(preview); }
    }
    form.addEventListener('input', (e) => { if (e.target !== fileInput) stale(); });

    const fail = (e) => {
      if (e.status === 404) caseRef = ''; // the case is gone (deleted, another conversation): a new one next time
      const k = errorKind(e, false);
      formErr.textContent = e.status === 409 || e.status === 502 ? T.noSmtp : k === 'badReq' ? T.formBad : T[k];
      formErr.hidden = false;
    };

    // Done: the case number and what happens next, as a message of its own; the step is over.
    function done(text) {
      if (!activeFlow || activeFlow.el !== el) return;
      retire();
      conv.state = null;
      focusIn(add({ r: 'b', t: 'text', text: text }));
    }

    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      if (primary.disabled || !check(fields)) return;
      formErr.hidden = true;
      primary.disabled = true;
      say(T.wait);
      try {
        const to = fields.merchantEmail.input.value.trim();
        if (conf.canSend) {
          const r = await call('/api/support-email/send', { method: 'POST', body: formData() });
          keepRef(r.caseRef);
          done(tr(r.sent ? 'sentNext' : 'queuedNext', { ref: caseRef, to: to }));
        } else {
          const p = await call('/api/support-email?format=json', { method: 'POST', body: formData() });
          keepRef(p.caseRef);
          if (/^mailto:/i.test(p.mailto || '')) h('a', { href: p.mailto }).click();
          askSent(tr('opened', { ref: caseRef }));
        }
      } catch (err) {
        fail(err);
      } finally {
        say('');
        primary.disabled = false;
      }
    });

    async function download() {
      say(T.wait);
      try {
        const res = await call('/api/support-email', { method: 'POST', body: formData(), raw: true });
        const cd = /filename="?([^";]+)"?/.exec(res.headers.get('Content-Disposition') || '');
        keepRef(cd && (/FQ-[A-Z0-9]{6}/.exec(cd[1]) || [])[0]);
        const url = URL.createObjectURL(await res.blob());
        const a = h('a', { href: url, download: cd ? cd[1] : 'support.eml', hidden: true });
        shadow.append(a);
        a.click();
        a.remove();
        setTimeout(() => URL.revokeObjectURL(url), 60000);
        say('');
        if (!caseRef) say(tr('downloaded', { ref: '' }));
        else askSent(tr('downloaded', { ref: caseRef }));
      } catch (err) { say(''); fail(err); }
    }

    async function showPreview() {
      say(T.wait);
      let p;
      try {
        p = await call('/api/support-email?format=json', { method: 'POST', body: formData() });
      } catch (err) { say(''); fail(err); return; }
      say('');
      keepRef(p.caseRef);
      const names = (p.attachments || []).map((x) => x.name).filter(Boolean);
      clear(preview).append(
        h('h3', { class: 'fb-sub' }, T.previewTitle),
        h('dl', null, h('dt', null, T.to), h('dd', null, p.to || ''), h('dt', null, T.subject), h('dd', null, p.subject || ''),
          names.length ? [h('dt', null, T.attachments), h('dd', null, names.join(', '))] : null),
        h('pre', { class: 'fb-pre', tabIndex: 0, 'aria-label': T.body }, p.body || ''),
        // DOM append writes null as the text "null": an empty string adds nothing.
        p.redacted ? h('p', { class: 'fb-note' }, T.redacted) : '');
      preview.hidden = false;
      bodyEl.scrollTop = Math.max(0, preview.offsetTop - 8);
    }

    if (live) {
      emailCtx = { add: addFiles };
    }
    supportConfig().then((c) => {
      conf = c;
      c.fields.forEach((d) => {
        const label = T.fields[d.name] || d.name;
        const x = fields[d.name] = field(d.name, label, d.type, d.required, d.maxLength, collected[d.name]);
        x.wrap.hidden = filled ? !(d.required && !collected[d.name])
          : !/^(merchantEmail|storeId|description)$/.test(d.name);
        if (collected[d.name]) summary.append(h('dt', null, label), h('dd', null, collected[d.name]));
        form.insertBefore(x.wrap, filesSet);
        if (!live || el.classList.contains('fb-done')) {
          x.wrap.querySelectorAll('input,textarea').forEach((i) => { i.disabled = true; });
        }
      });
      fileInput.accept = c.types.join(',');
      showHint();
      primary.textContent = c.canSend ? T.sendMail : T.mailto;
      note.hidden = c.canSend;
    }, () => fail(Object.assign(new Error(T.network), { status: 0 })));
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
      const r = await call('/api/suggest?q=' + encodeURIComponent(q) + '&lang=' + lang + '&conversation=' + conversationId);
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
