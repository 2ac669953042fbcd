// Live updates of the inbox by server-sent events. No framework; text is set with textContent,
// the queue rows arrive as HTML that the server escaped (Jinja autoescape).
"use strict";

(function () {
  function listen(url, handlers) {
    if (!window.EventSource) return null;
    const source = new EventSource(url);
    Object.keys(handlers).forEach(function (name) {
      source.addEventListener(name, function (event) {
        handlers[name](JSON.parse(event.data));
      });
    });
    source.addEventListener("signed-out", function (event) {
      source.close();
      window.location.assign(JSON.parse(event.data).login);
    });
    return source;
  }

  function setupQueue() {
    const table = document.getElementById("queue");
    if (!table) return;
    const rows = document.getElementById("queue-rows");
    const status = document.getElementById("live-status");
    let waiting = rows.querySelectorAll("tr.is-waiting").length;
    listen(table.dataset.stream, {
      queue: function (data) {
        rows.innerHTML = data.html;
        table.dataset.live = "on";
        if (data.waiting > waiting) {
          status.textContent = "Nieuw in de wachtrij: " + data.waiting + " wachtend.";
        }
        waiting = data.waiting;
      },
    });
  }

  function messageItem(data) {
    const item = document.createElement("li");
    item.className = "msg msg--" + (["jobseeker", "bot", "consultant"].includes(data.sender) ? data.sender : "bot");
    item.dataset.messageId = String(data.id);
    const who = document.createElement("span");
    who.className = "msg__who";
    who.textContent = data.sender_label + " · " + data.at;
    const text = document.createElement("span");
    text.className = "msg__text";
    text.textContent = data.text;
    item.append(who, text);
    return item;
  }

  function setupConversation() {
    const root = document.getElementById("conversation");
    if (!root) return;
    const list = document.getElementById("messages");
    const scroller = document.getElementById("transcript");
    const status = document.getElementById("live-status");
    const reply = document.getElementById("reply-text");
    let edited = false; // a form on the page is being filled in: do not reload under the consultant's hands
    root.addEventListener("input", function () {
      edited = true;
    });
    listen(root.dataset.stream, {
      message: function (data) {
        if (list.querySelector('[data-message-id="' + data.id + '"]')) return;
        list.append(messageItem(data));
        scroller.scrollTop = scroller.scrollHeight;
        if (data.sender === "jobseeker") status.textContent = "Nieuw bericht van de werkzoekende.";
      },
      state: function (data) {
        if (data.key === root.dataset.stateKey) return;
        if (edited || (reply && reply.value.trim())) {
          status.textContent = "De status van dit gesprek veranderde. Laad de pagina opnieuw.";
        } else {
          window.location.reload();
        }
      },
    });
    scroller.scrollTop = scroller.scrollHeight;
  }

  document.addEventListener("DOMContentLoaded", function () {
    setupQueue();
    setupConversation();
  });
})();
