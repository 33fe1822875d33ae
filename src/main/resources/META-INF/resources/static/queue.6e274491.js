// The desk's live queue: progressive enhancement only. Without it the page works as loaded, with its refresh link.
// Told by Server-Sent Events that this office's queues changed (on whichever replica), it re-reads their counts and
// says so in a polite live region; when the stream is refused or closed, it polls every 30 s instead.
const live = document.getElementById('live');
if (live) {
  const message = document.getElementById('live-message');
  const counts = () => [...document.querySelectorAll('.count[data-tab]')];
  const shown = Object.fromEntries(counts().map(c => [c.dataset.tab, c.textContent.trim()]));
  let timer = 0;
  let polling = 0;
  const refresh = async () => {
    try {
      const r = await fetch(live.dataset.counts, { headers: { Accept: 'application/json' }, cache: 'no-store' });
      if (!r.ok) return;
      const now = await r.json();
      for (const c of counts()) {
        const n = now[c.dataset.tab];
        if (n === undefined) continue;
        c.textContent = String(n);
        const a = c.closest('a');
        if (a && ['online', 'soon', 'late'].includes(c.dataset.tab)) a.classList.toggle('attention', n > 0);
      }
      const tab = live.dataset.tab;
      if (String(now[tab]) !== shown[tab] || String(now.online) !== shown.online) {
        message.textContent = live.dataset.changed;
        document.title = document.title.startsWith('• ') ? document.title : '• ' + document.title;
      }
    } catch (e) {
      // Offline for a moment: the next signal or poll tries again.
    }
  };
  // A burst of signals (a batch assigned, many submissions at once) costs one re-read, a quarter of a second later.
  const soon = () => { if (!timer) { timer = setTimeout(() => { timer = 0; refresh(); }, 250); } };
  const poll = () => {
    if (!polling) {
      polling = setInterval(refresh, 30000);
      message.textContent = live.dataset.offline;
    }
  };
  if ('EventSource' in window) {
    const events = new EventSource(live.dataset.events);
    events.onmessage = e => { if (e.data !== 'ping') soon(); };
    events.onerror = () => { if (events.readyState === EventSource.CLOSED) poll(); };
  } else {
    poll();
  }
}
