// The kiosk's page (kiosk/serve.py). The terminal starts once its local font is loaded, and the page
// comes back by itself: when it lost its app (textual.js gives the body the class -closed) or its
// network (the server stopped answering), it reloads as soon as the server answers again.
(() => {
  const POLL_MS = 2000; // how often the page asks the server whether it answers
  const MISSES_OFFLINE = 2; // unanswered asks in a row before the page counts itself offline
  const SETTLED_MS = 10000; // an app that drew this long started well: the next loss reloads at once
  const MAX_WAIT_MS = 30000; // an app that keeps ending early is started again at most this rarely
  const RELOADS = "kiosk-quick-reloads";
  const body = document.body;
  let misses = 0;
  let lostAt = null;

  const start = window.onload; // textual.js's: it measures the font and connects
  window.onload = async (event) => {
    try {
      await document.fonts.load(`${body.dataset.fontSize}px "Roboto Mono"`);
    } catch (error) {
      // a fallback monospace font will do
    }
    if (start) start(event);
  };

  function quickReloads() {
    try {
      return Number(sessionStorage.getItem(RELOADS) || 0);
    } catch (error) {
      return 0;
    }
  }

  function remember(count) {
    try {
      sessionStorage.setItem(RELOADS, String(count));
    } catch (error) {
      // without storage, every reload waits the shortest time
    }
  }

  function waitBeforeReload() {
    const quick = quickReloads();
    return quick ? Math.min(POLL_MS * 2 ** quick, MAX_WAIT_MS) : 0;
  }

  async function serverAnswers() {
    try {
      const reply = await fetch(body.dataset.aliveUrl, {cache: "no-store", signal: AbortSignal.timeout(POLL_MS)});
      return reply.ok;
    } catch (error) {
      return false;
    }
  }

  function lost() {
    if (lostAt === null) lostAt = Date.now();
  }

  async function watch() {
    if (await serverAnswers()) {
      misses = 0;
      if (lostAt !== null && Date.now() - lostAt >= waitBeforeReload()) {
        remember(quickReloads() + 1);
        window.location.reload();
        return;
      }
    } else if (++misses >= MISSES_OFFLINE) {
      body.classList.add("-offline");
      lost();
    }
    setTimeout(watch, POLL_MS);
  }

  new MutationObserver(() => {
    if (body.classList.contains("-closed")) lost();
  }).observe(body, {attributes: true, attributeFilter: ["class"]});
  new MutationObserver((changes, observer) => {
    if (!body.classList.contains("-first-byte")) return;
    observer.disconnect();
    setTimeout(() => remember(0), SETTLED_MS);
  }).observe(body, {attributes: true, attributeFilter: ["class"]});
  setTimeout(watch, POLL_MS);
})();
