// The session timeout warning (GOV.UK's "timeout warning" pattern) as a native modal <dialog>: it opens
// `data-warning-seconds` before the session would end, says how long is left (visibly every second, to screen
// readers now and then through a live region), and "Stay signed in" renews the session by POSTing
// /session/keep-alive with the form's CSRF token. When the time runs out the page goes to the signed-out page.
// Loaded only for a signed-in person; without JavaScript nothing is lost, because every page saves as it goes.
// Every word comes from the page (data attributes rendered from the message files).

const ANNOUNCE_EVERY_SECONDS = 15;

function plural(dialog, count, unit) {
  const template = count === 1 ? dialog.dataset[`text${unit}One`] : dialog.dataset[`text${unit}Other`];
  return (template ?? '').replace('%N', String(count));
}

function timeLeft(dialog, seconds) {
  const minutes = Math.floor(seconds / 60);
  const rest = seconds % 60;
  if (minutes === 0) return plural(dialog, rest, 'Second');
  if (rest === 0) return plural(dialog, minutes, 'Minute');
  return `${plural(dialog, minutes, 'Minute')} ${plural(dialog, rest, 'Second')}`;
}

export function startSessionTimeout(dialog, { now = () => Date.now(), location = window.location } = {}) {
  const idleMs = Number(dialog.dataset.idleSeconds) * 1000;
  const warningMs = Math.min(Number(dialog.dataset.warningSeconds) * 1000, idleMs);
  const countdown = dialog.querySelector('[data-countdown]');
  const announcer = dialog.querySelector('[data-announcement]');
  const heading = dialog.querySelector('h2');
  const stay = dialog.querySelector('[data-stay]');
  let deadline = 0;
  let warnTimer;
  let tick;
  let returnFocusTo = null;

  function secondsLeft() {
    return Math.max(0, Math.ceil((deadline - now()) / 1000));
  }

  function announce(seconds) {
    announcer.textContent = (dialog.dataset.textAnnounce ?? '').replace('%T', timeLeft(dialog, seconds));
  }

  function update() {
    const seconds = secondsLeft();
    if (seconds <= 0) {
      clearInterval(tick);
      location.assign(dialog.dataset.timedOutUrl);
      return;
    }
    countdown.textContent = timeLeft(dialog, seconds);
    if (seconds % ANNOUNCE_EVERY_SECONDS === 0) announce(seconds);
  }

  function open() {
    returnFocusTo = document.activeElement;
    update();
    dialog.showModal();
    heading.focus();
    announce(secondsLeft());
    tick = setInterval(update, 1000);
  }

  function restart() {
    clearTimeout(warnTimer);
    clearInterval(tick);
    deadline = now() + idleMs;
    warnTimer = setTimeout(open, idleMs - warningMs);
  }

  async function keepAlive() {
    stay.disabled = true;
    try {
      const response = await fetch(dialog.dataset.keepAliveUrl, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ _csrf: dialog.dataset.csrfToken ?? '' }),
      });
      if (!response.ok) {
        location.assign(dialog.dataset.timedOutUrl);
        return;
      }
      dialog.close();
      announcer.textContent = '';
      restart();
      if (returnFocusTo && typeof returnFocusTo.focus === 'function') returnFocusTo.focus();
    } finally {
      stay.disabled = false;
    }
  }

  stay.addEventListener('click', () => void keepAlive());
  // Escape closes a modal dialog: here it means "stay signed in", so closing never leaves the session to run out.
  dialog.addEventListener('cancel', (event) => {
    event.preventDefault();
    void keepAlive();
  });
  restart();
  return { restart };
}

const dialog = document.querySelector('dialog[data-module="redress-session-timeout"]');
if (dialog && typeof dialog.showModal === 'function') startSessionTimeout(dialog);
