/* The warning before an idle sign-out, on signed-in staff pages (templates/admin/_session_timeout.html).

   The server ends a staff session after data-idle-seconds without a request. Only requests
   count: typing or clicking on the page does not reach the server, so the timer here follows
   the last request the server saw: this page's own load, a "Stay signed in", or a page loaded
   in another tab (told through a BroadcastChannel; nothing is stored in the browser).
   data-warn-seconds before the end the dialog opens; after the end it says so. */
(function () {
  "use strict";

  var dialog = document.getElementById("session-timeout");
  if (!dialog || typeof dialog.showModal !== "function") {
    return;
  }
  var idleMs = Number(dialog.dataset.idleSeconds) * 1000;
  var warnMs = Math.min(Number(dialog.dataset.warnSeconds) * 1000, idleMs / 2);
  var warning = dialog.querySelector("[data-state=warning]");
  var ended = dialog.querySelector("[data-state=ended]");
  var problem = dialog.querySelector("[data-problem]");
  var channel = typeof BroadcastChannel === "function"
    ? new BroadcastChannel("reengage-staff-session")
    : null;
  var deadline = 0;
  var timer = null;
  var returnFocus = null;
  var busy = false;
  var endedShown = false;

  function show(state) {
    var active = state === "ended" ? ended : warning;
    warning.hidden = active !== warning;
    ended.hidden = active !== ended;
    dialog.setAttribute("aria-labelledby", active.querySelector("h2").id);
    dialog.setAttribute("aria-describedby", active.querySelector("p").id);
    if (!dialog.open) {
      returnFocus = document.activeElement;
      dialog.showModal();
    }
    active.querySelector("[data-first]").focus();
  }

  function hide() {
    problem.textContent = "";
    if (!dialog.open) {
      return;
    }
    dialog.close();
    if (returnFocus && document.contains(returnFocus) && returnFocus.focus) {
      returnFocus.focus();
    }
    returnFocus = null;
  }

  function check() {
    clearTimeout(timer);
    var left = deadline - Date.now();
    if (left <= 0) {
      if (!endedShown) {
        endedShown = true;
        show("ended");
      }
      return;
    }
    if (left <= warnMs) {
      if (!dialog.open || warning.hidden) {
        show("warning");
      }
      timer = setTimeout(check, left);
      return;
    }
    hide();
    timer = setTimeout(check, left - warnMs);
  }

  // The server saw a request at `at` (ms): the session lasts idleMs from then.
  function seen(at, tell) {
    if (at + idleMs <= deadline) {
      return;
    }
    deadline = at + idleMs;
    endedShown = false;
    if (tell && channel) {
      channel.postMessage({ seen: at });
    }
    check();
  }

  function stay() {
    if (busy) {
      return;
    }
    busy = true;
    problem.textContent = "";
    var sent = Date.now();
    var token = dialog.querySelector("input[name=csrfmiddlewaretoken]").value;
    fetch(dialog.dataset.keepAliveUrl, {
      method: "POST",
      credentials: "same-origin",
      redirect: "manual", // a signed-out session answers with the sign-in page
      headers: { "X-CSRFToken": token, Accept: "application/json" }
    })
      .then(function (response) {
        if (response.type === "opaqueredirect") {
          deadline = Date.now();
          return null;
        }
        if (!response.ok) {
          throw new Error("keep-alive refused: " + response.status);
        }
        return response.json();
      })
      .then(function (body) {
        busy = false;
        if (body === null) {
          check();
          return;
        }
        idleMs = Number(body.idle_seconds) * 1000 || idleMs;
        hide();
        seen(sent, true);
      })
      .catch(function () {
        busy = false;
        if (deadline <= Date.now()) {
          check();
          return;
        }
        show("warning");
        problem.textContent = problem.dataset.text;
      });
  }

  dialog.querySelector("[data-stay]").addEventListener("click", stay);
  dialog.querySelector("[data-close]").addEventListener("click", hide);
  // Escape: in the warning, a key pressed is the person saying they are here.
  dialog.addEventListener("cancel", function (event) {
    event.preventDefault();
    if (ended.hidden) {
      stay();
    } else {
      hide();
    }
  });
  if (channel) {
    channel.addEventListener("message", function (event) {
      if (event.data && typeof event.data.seen === "number") {
        seen(event.data.seen, false);
      }
    });
  }
  // Timers in a hidden tab may run late: look again when it is shown.
  document.addEventListener("visibilitychange", function () {
    if (!document.hidden) {
      check();
    }
  });
  seen(Date.now(), true);
})();
