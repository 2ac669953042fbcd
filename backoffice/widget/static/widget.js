/*
 * Wegwijs chat widget.
 *
 * Talks to Rasa's socket.io channel: "session_request" / "session_confirm" to get a
 * conversation id, "user_uttered" to send, "bot_uttered" to receive. Every piece of text
 * goes into the page through textContent / createElement, never through innerHTML.
 *
 * Storage:
 *   localStorage   wegwijs.session_id     the conversation id (kept across reloads)
 *                  wegwijs.session_owner  jobseeker id the conversation belongs to ("" = anonymous)
 *   sessionStorage wegwijs.transcript     what the transcript shows, re-rendered on load
 *                  wegwijs.identity       {identity_token, jobseeker_id, first_name} after demo login
 */
(function () {
  "use strict";

  var KEY_SESSION = "wegwijs.session_id";
  var KEY_OWNER = "wegwijs.session_owner";
  var KEY_TRANSCRIPT = "wegwijs.transcript";
  var KEY_IDENTITY = "wegwijs.identity";
  var MAX_STORED_MESSAGES = 200;
  var TYPING_TIMEOUT_MS = 30000;

  var TEXT = {
    connecting: "Even geduld, ik maak verbinding…",
    reconnecting: "De verbinding is weg. Even geduld, ik maak opnieuw verbinding…",
    failed: "Er is nu geen verbinding met Wegwijs. Ik probeer het opnieuw. " +
      "Liever iemand aan de lijn? Bel gratis 0800 30 700.",
    noScript: "De chat kan niet starten. Laad de pagina opnieuw of bel gratis 0800 30 700.",
    botSays: "Wegwijs zegt: ",
    userSays: "Jij zegt: ",
    choices: "Keuzes",
    humanLabel: "Praten met een medewerker",
    listLoading: "Even geduld, de lijst laadt…",
    listChoose: "Kies een persoon",
    listFailed: "De lijst met demo-personen kon niet laden. Probeer het later opnieuw.",
    chooseFirst: "Kies eerst een persoon uit de lijst.",
    loginFailed: "Aanmelden is niet gelukt. Probeer het opnieuw."
  };

  var root = document.getElementById("wegwijs");
  if (!root) {
    return;
  }
  var config = {
    rasaUrl: root.getAttribute("data-rasa-url") || "",
    socketioPath: root.getAttribute("data-socketio-path") || "/socket.io",
    demoLogin: root.getAttribute("data-demo-login") === "true"
  };

  var el = {
    status: document.getElementById("connection-status"),
    transcript: document.getElementById("transcript"),
    typing: document.getElementById("typing"),
    form: document.getElementById("chat-form"),
    input: document.getElementById("chat-input"),
    human: document.getElementById("human-button"),
    loginForm: document.getElementById("demo-login-form"),
    select: document.getElementById("demo-jobseeker"),
    signedIn: document.getElementById("demo-signed-in"),
    userName: document.getElementById("demo-user-name"),
    logout: document.getElementById("demo-logout-button"),
    demoError: document.getElementById("demo-error")
  };

  /* ---------- storage (never let a blocked storage break the chat) ---------- */

  function storageGet(storage, key) {
    try {
      return window[storage].getItem(key);
    } catch (e) {
      return null;
    }
  }
  function storageSet(storage, key, value) {
    try {
      if (value === null || value === undefined) {
        window[storage].removeItem(key);
      } else {
        window[storage].setItem(key, value);
      }
    } catch (e) {
      /* storage full or blocked: the chat still works, it just will not survive a reload */
    }
  }
  function readJson(storage, key) {
    var raw = storageGet(storage, key);
    if (!raw) {
      return null;
    }
    try {
      return JSON.parse(raw);
    } catch (e) {
      return null;
    }
  }

  function getIdentity() {
    var identity = readJson("sessionStorage", KEY_IDENTITY);
    if (identity && typeof identity.identity_token === "string" && identity.identity_token) {
      return identity;
    }
    return null;
  }
  function ownerOf(identity) {
    return identity ? String(identity.jobseeker_id) : "";
  }

  /* ---------- state ---------- */

  var state = {
    sessionId: storageGet("localStorage", KEY_SESSION),
    identity: config.demoLogin ? getIdentity() : null,
    messages: [], // {from: "bot"|"user", text, buttons?: [{title, payload}], used?: bool}
    ready: false, // true once the server confirmed the session on the current connection
    pending: [], // utterances typed before the session was confirmed
    socket: null,
    restarting: false,
    typingTimer: null
  };

  if (!config.demoLogin) {
    // Demo login is off: a token left over from it must not be used.
    storageSet("sessionStorage", KEY_IDENTITY, null);
  }

  // A conversation belongs to whoever started it. Someone who is not (or no longer)
  // signed in as that person must not continue it.
  if (state.sessionId && storageGet("localStorage", KEY_OWNER) !== ownerOf(state.identity)) {
    state.sessionId = null;
    storageSet("localStorage", KEY_SESSION, null);
  }
  var stored = readJson("sessionStorage", KEY_TRANSCRIPT);
  if (stored && state.sessionId && stored.session_id === state.sessionId &&
      Array.isArray(stored.messages)) {
    state.messages = stored.messages.filter(function (m) {
      return m && (m.from === "bot" || m.from === "user") && typeof m.text === "string";
    });
  }

  function saveTranscript() {
    if (state.messages.length > MAX_STORED_MESSAGES) {
      state.messages = state.messages.slice(-MAX_STORED_MESSAGES);
    }
    storageSet("sessionStorage", KEY_TRANSCRIPT, JSON.stringify({
      session_id: state.sessionId,
      messages: state.messages
    }));
  }

  /* ---------- status line ---------- */

  function setConnection(kind, text) {
    root.setAttribute("data-connection", kind);
    el.status.textContent = text || "";
    el.status.classList.toggle("status--problem", kind === "failed" || kind === "reconnecting");
  }

  function showTyping(on) {
    if (state.typingTimer) {
      clearTimeout(state.typingTimer);
      state.typingTimer = null;
    }
    el.typing.hidden = !on;
    if (on) {
      state.typingTimer = setTimeout(function () { el.typing.hidden = true; }, TYPING_TIMEOUT_MS);
    }
  }

  /* ---------- rendering ---------- */

  var URL_PATTERN = /https?:\/\/[^\s<>"']+[^\s<>"'.,;:!?)]/g;

  // Appends text to parent, turning http(s) addresses into links. Text nodes only.
  function appendTextWithLinks(parent, text) {
    var last = 0;
    var match;
    URL_PATTERN.lastIndex = 0;
    while ((match = URL_PATTERN.exec(text)) !== null) {
      if (match.index > last) {
        parent.appendChild(document.createTextNode(text.slice(last, match.index)));
      }
      var link = document.createElement("a");
      link.href = match[0];
      link.textContent = match[0];
      link.rel = "noopener noreferrer";
      link.target = "_blank";
      parent.appendChild(link);
      last = match.index + match[0].length;
    }
    if (last < text.length) {
      parent.appendChild(document.createTextNode(text.slice(last)));
    }
  }

  function renderMessage(message, index) {
    var item = document.createElement("div");
    item.className = "msg msg--" + message.from;
    item.setAttribute("data-from", message.from);

    var who = document.createElement("span");
    who.className = "visually-hidden";
    who.textContent = message.from === "bot" ? TEXT.botSays : TEXT.userSays;
    item.appendChild(who);

    var body = document.createElement("p");
    body.className = "msg__text";
    if (message.from === "bot") {
      appendTextWithLinks(body, message.text);
    } else {
      body.textContent = message.text;
    }
    item.appendChild(body);

    if (message.buttons && message.buttons.length) {
      var group = document.createElement("div");
      group.className = "quick-replies";
      group.setAttribute("role", "group");
      group.setAttribute("aria-label", TEXT.choices);
      message.buttons.forEach(function (choice) {
        var button = document.createElement("button");
        button.type = "button";
        button.className = "button button--choice";
        button.textContent = choice.title;
        button.disabled = Boolean(message.used);
        button.addEventListener("click", function () {
          sendUtterance(choice.title, choice.payload);
        });
        group.appendChild(button);
      });
      item.appendChild(group);
    }
    item.setAttribute("data-index", String(index));
    return item;
  }

  function scrollToEnd() {
    el.transcript.scrollTop = el.transcript.scrollHeight;
  }

  function renderAll() {
    el.transcript.replaceChildren();
    state.messages.forEach(function (message, index) {
      el.transcript.appendChild(renderMessage(message, index));
    });
    scrollToEnd();
  }

  function addMessage(message) {
    state.messages.push(message);
    saveTranscript();
    el.transcript.appendChild(renderMessage(message, state.messages.length - 1));
    scrollToEnd();
  }

  // Choices of earlier bot messages stop working once the person answers.
  function retireChoices() {
    var hadFocus = el.transcript.contains(document.activeElement) &&
      document.activeElement.tagName === "BUTTON";
    state.messages.forEach(function (message) {
      if (message.buttons && message.buttons.length) {
        message.used = true;
      }
    });
    var buttons = el.transcript.querySelectorAll("button");
    for (var i = 0; i < buttons.length; i += 1) {
      buttons[i].disabled = true;
    }
    if (hadFocus) {
      el.input.focus();
    }
  }

  /* ---------- bot messages ---------- */

  function cleanButtons(quickReplies) {
    if (!Array.isArray(quickReplies)) {
      return [];
    }
    return quickReplies.filter(function (q) {
      return q && typeof q.title === "string" && q.title &&
        (typeof q.payload === "string" || q.payload === undefined);
    }).map(function (q) {
      return { title: q.title, payload: typeof q.payload === "string" ? q.payload : q.title };
    });
  }

  function onBotUttered(data) {
    showTyping(false);
    if (!data || typeof data !== "object") {
      return;
    }
    var text = typeof data.text === "string" ? data.text : "";
    var buttons = cleanButtons(data.quick_replies);
    if (!text && buttons.length === 0) {
      // Attachments, carousels and custom payloads are not shown in this widget.
      return;
    }
    var message = { from: "bot", text: text };
    if (buttons.length) {
      message.buttons = buttons;
    }
    addMessage(message);
  }

  /* ---------- sending ---------- */

  function emitUtterance(payload) {
    var metadata = {};
    if (state.identity) {
      metadata.identity_token = state.identity.identity_token;
    }
    state.socket.emit("user_uttered", {
      message: payload,
      session_id: state.sessionId,
      metadata: metadata
    });
    showTyping(true);
  }

  function flushPending() {
    while (state.ready && state.pending.length) {
      emitUtterance(state.pending.shift());
    }
  }

  // shown: what the transcript shows as the person's words; payload: what the bot receives.
  function sendUtterance(shown, payload) {
    shown = String(shown).trim();
    if (!shown) {
      return;
    }
    retireChoices();
    addMessage({ from: "user", text: shown });
    state.pending.push(payload === undefined ? shown : payload);
    flushPending();
  }

  /* ---------- socket.io ---------- */

  function connect() {
    if (typeof window.io !== "function") {
      setConnection("failed", TEXT.noScript);
      return;
    }
    setConnection("connecting", TEXT.connecting);
    var socket = window.io(config.rasaUrl, {
      path: config.socketioPath,
      transports: ["websocket", "polling"],
      tryAllTransports: true // fall back to long-polling where websockets are blocked
    });
    state.socket = socket;

    socket.on("connect", function () {
      state.ready = false;
      socket.emit("session_request", { session_id: state.sessionId || null });
    });

    socket.on("session_confirm", function (data) {
      var id = typeof data === "string" ? data : (data && data.session_id);
      if (typeof id !== "string" || !id) {
        return;
      }
      if (id !== state.sessionId) {
        if (state.sessionId) {
          // The server started another conversation: the transcript belonged to the old one.
          state.messages = [];
          renderAll();
        }
        state.sessionId = id;
        storageSet("localStorage", KEY_SESSION, id);
        saveTranscript();
      }
      storageSet("localStorage", KEY_OWNER, ownerOf(state.identity));
      state.ready = true;
      setConnection("ready", "");
      flushPending();
    });

    socket.on("bot_uttered", onBotUttered);

    socket.on("connect_error", function () {
      state.ready = false;
      setConnection("failed", TEXT.failed);
    });

    socket.on("disconnect", function (reason) {
      state.ready = false;
      if (state.restarting || reason === "io client disconnect") {
        return;
      }
      showTyping(false);
      setConnection("reconnecting", TEXT.reconnecting);
    });
  }

  // A fresh conversation: forget the id and the transcript, reconnect with a new socket id.
  function restartConversation() {
    state.sessionId = null;
    state.messages = [];
    state.pending = [];
    storageSet("localStorage", KEY_SESSION, null);
    storageSet("sessionStorage", KEY_TRANSCRIPT, null);
    storageSet("localStorage", KEY_OWNER, ownerOf(state.identity));
    renderAll();
    showTyping(false);
    if (!state.socket) {
      return;
    }
    state.restarting = true;
    state.ready = false;
    state.socket.disconnect();
    state.restarting = false;
    setConnection("connecting", TEXT.connecting);
    state.socket.connect();
  }

  /* ---------- demo login ---------- */

  function showDemoError(text) {
    if (el.demoError) {
      el.demoError.textContent = text || "";
    }
  }

  function renderIdentity() {
    if (!el.loginForm) {
      return;
    }
    var signedIn = Boolean(state.identity);
    el.signedIn.hidden = !signedIn;
    el.loginForm.hidden = signedIn;
    el.userName.textContent = signedIn ? String(state.identity.first_name || "") : "";
  }

  function fillJobseekers(list) {
    el.select.replaceChildren();
    var placeholder = document.createElement("option");
    placeholder.value = "";
    placeholder.textContent = TEXT.listChoose;
    el.select.appendChild(placeholder);
    list.forEach(function (person) {
      if (!person || person.id === undefined || person.id === null) {
        return;
      }
      var option = document.createElement("option");
      option.value = String(person.id);
      var name = [person.first_name, person.last_name].filter(Boolean).join(" ");
      option.textContent = person.municipality ? name + " – " + person.municipality : name;
      el.select.appendChild(option);
    });
  }

  function loadJobseekers() {
    fetch("/api/v1/widget/demo-jobseekers", {
      headers: { Accept: "application/json" },
      credentials: "same-origin"
    }).then(function (response) {
      if (!response.ok) {
        throw new Error("HTTP " + response.status);
      }
      return response.json();
    }).then(function (list) {
      if (!Array.isArray(list)) {
        throw new Error("not a list");
      }
      fillJobseekers(list);
    }).catch(function () {
      el.select.replaceChildren();
      var option = document.createElement("option");
      option.value = "";
      option.textContent = TEXT.listFailed;
      el.select.appendChild(option);
      showDemoError(TEXT.listFailed);
    });
  }

  function onLogin(event) {
    event.preventDefault();
    showDemoError("");
    var id = parseInt(el.select.value, 10);
    if (!id && id !== 0) {
      showDemoError(TEXT.chooseFirst);
      el.select.focus();
      return;
    }
    var button = document.getElementById("demo-login-button");
    button.disabled = true;
    fetch("/api/v1/widget/demo-login", {
      method: "POST",
      headers: { "Content-Type": "application/json", Accept: "application/json" },
      credentials: "same-origin",
      body: JSON.stringify({ jobseeker_id: id })
    }).then(function (response) {
      if (!response.ok) {
        throw new Error("HTTP " + response.status);
      }
      return response.json();
    }).then(function (data) {
      if (!data || typeof data.identity_token !== "string" || !data.identity_token) {
        throw new Error("no token");
      }
      state.identity = {
        identity_token: data.identity_token,
        jobseeker_id: data.jobseeker_id,
        first_name: typeof data.first_name === "string" ? data.first_name : ""
      };
      storageSet("sessionStorage", KEY_IDENTITY, JSON.stringify(state.identity));
      renderIdentity();
      restartConversation();
      el.input.focus();
    }).catch(function () {
      showDemoError(TEXT.loginFailed);
    }).then(function () {
      button.disabled = false;
    });
  }

  function onLogout() {
    state.identity = null;
    storageSet("sessionStorage", KEY_IDENTITY, null);
    renderIdentity();
    restartConversation();
    if (el.select) {
      el.select.focus();
    }
  }

  /* ---------- wiring ---------- */

  el.form.addEventListener("submit", function (event) {
    event.preventDefault();
    var text = el.input.value;
    if (!text.trim()) {
      el.input.focus();
      return;
    }
    el.input.value = "";
    sendUtterance(text);
    el.input.focus();
  });

  el.human.addEventListener("click", function () {
    sendUtterance(TEXT.humanLabel, "/request_human");
  });

  if (config.demoLogin && el.loginForm) {
    el.loginForm.addEventListener("submit", onLogin);
    el.logout.addEventListener("click", onLogout);
    renderIdentity();
    loadJobseekers();
  }

  renderAll();
  connect();
})();
