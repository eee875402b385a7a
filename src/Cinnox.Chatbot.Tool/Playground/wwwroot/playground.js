// The cinnox-chatbot playground: a chat as CINNOX renders it, a wire inspector and transcripts.
// Everything the bot sends is written with textContent, never as HTML.
"use strict";

const $ = (id) => document.getElementById(id);
const log = $("log");
const turns = [];          // { query, reply } of this conversation, for transcripts
let loaded = null;         // a transcript loaded from a file
let busy = Promise.resolve();

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined && text !== null) node.textContent = text;
  return node;
}

function scroll() { log.scrollTop = log.scrollHeight; }

function pairs(text, separator) {
  const result = {};
  for (const line of text.split("\n")) {
    const at = line.indexOf(separator);
    if (at > 0) result[line.slice(0, at).trim()] = line.slice(at + 1).trim();
  }
  return result;
}

function settings() {
  return {
    externalChannel: $("channel").value === "external",
    legacy: $("format").value === "legacy",
    stream: $("stream").checked,
    inquiryId: $("inquiry").value,
    context: pairs($("context").value, "="),
    headers: pairs($("headers").value, ":"),
  };
}

function applySettings(s) {
  if (!s) return;
  $("channel").value = s.externalChannel ? "external" : "native";
  $("format").value = s.legacy ? "legacy" : "current";
  $("stream").checked = s.stream !== false;
  $("inquiry").value = s.inquiryId || "";
  $("context").value = Object.entries(s.context || {}).map(([k, v]) => `${k}=${v}`).join("\n");
}

function setEnquiry(state) {
  const badge = $("enquiry");
  badge.className = "enquiry " + state;
  badge.textContent = state === "waiting" ? "Enquiry: waiting for a live agent"
    : state === "closed" ? "Enquiry: closed" : "Enquiry: open";
}

function system(text) { log.append(el("div", "msg system", text)); scroll(); }

function applyAction(action) {
  if (action === "directTransfer" || action === "DIRECT_TRANSFER") {
    setEnquiry("waiting");
    system("The bot transferred the enquiry to a live agent (DIRECT_TRANSFER).");
    return true;
  }
  if (action === "closeEnquiry" || action === "CLOSE_ENQUIRY") {
    setEnquiry("closed");
    system("The bot closed the enquiry (CLOSE_ENQUIRY).");
    return true;
  }
  return false;
}

// ---- rendering advanced messages (docs/protocol.md#advanced-message) ----

function button(item) {
  const b = el("button", "bot-button", item.text || item.title || "(no text)");
  b.type = "button";
  const action = item.action || {};
  b.addEventListener("click", () => press(action));
  return b;
}

function press(action) {
  if (action.type === 1) {
    if (applyAction(action.text)) return;
    send(action.text || "");
  } else if (action.type === 2 && /^https?:\/\//i.test(action.url || "")) {
    window.open(action.url, "_blank", "noopener");
  }
}

function media(item) {
  if (item.type === 10) { const img = el("img"); img.src = item.fileUrl || ""; img.alt = "image"; return img; }
  if (item.type === 11) { const v = el("video"); v.src = item.fileUrl || ""; v.controls = true; v.setAttribute("aria-label", "video"); return v; }
  const a = el("audio"); a.src = item.fileUrl || ""; a.controls = true; a.setAttribute("aria-label", "audio"); return a;
}

function textItem(item) {
  const box = el("div", "text-item");
  if (item.title) box.append(el("div", "t-title", item.title));
  if (item.text) box.append(el("div", "t-text", item.text));
  if (item.footer) box.append(el("div", "t-footer", item.footer));
  return box;
}

function bubble(container) {
  const card = el("div", "card");
  card.setAttribute("role", "group");
  card.setAttribute("aria-label", "Bubble");
  const body = el("div", "body");
  const actions = el("div", "actions");
  for (const item of container.items || []) {
    if (!item) continue;
    if (item.type === 9) body.append(textItem(item));
    else if (item.type === 10 || item.type === 11 || item.type === 13) card.append(media(item));
    else if (item.type === 12) actions.append(button(item));
  }
  card.prepend(body);
  if (actions.childElementCount) card.append(actions);
  return card;
}

function list(container) {
  const box = el("div", "list");
  box.setAttribute("role", "group");
  box.setAttribute("aria-label", "List");
  const [header, ...entries] = container.items || [];
  if (header) { const h = textItem(header); h.className = "header"; box.append(h); }
  for (const entry of entries) {
    if (!entry) continue;
    const b = el("button", "entry");
    b.type = "button";
    const image = (entry.items || []).find((i) => i && i.type === 10);
    if (image) b.append(media(image));
    const words = el("div");
    words.append(el("strong", null, entry.title || ""));
    if (entry.text) words.append(el("span", null, entry.text));
    b.append(words);
    b.addEventListener("click", () => press(entry.action || {}));
    box.append(b);
  }
  return box;
}

function renderAdvanced(message) {
  const box = el("div", "advanced");
  for (const container of message.advancedItems || []) {
    if (!container) continue;
    switch (container.type) {
      case 1: box.append(bubble(container)); break;
      case 2: {
        const row = el("div", "carousel");
        row.setAttribute("role", "group");
        row.setAttribute("aria-label", "Carousel");
        for (const b of container.items || []) if (b) row.append(bubble(b));
        box.append(row);
        break;
      }
      case 3: {
        const row = el("div", "quick-replies");
        row.setAttribute("role", "group");
        row.setAttribute("aria-label", "Quick replies");
        for (const item of container.items || []) if (item && item.type === 12) row.append(button(item));
        box.append(row);
        break;
      }
      case 4: box.append(list(container)); break;
      case 9: {
        const card = el("div", "card");
        const body = el("div", "body");
        for (const item of container.items || []) if (item) body.append(textItem(item));
        card.append(body);
        box.append(card);
        break;
      }
      default: box.append(el("div", "unknown", `[container of unknown type ${container.type}] ` + JSON.stringify(container)));
    }
  }
  log.append(box);
}

// ---- the wire inspector ----

function section(parent, title) { parent.append(el("h3", null, title)); }

function table(parent, rows) {
  const t = el("table");
  for (const cells of rows) {
    const tr = el("tr");
    for (const c of cells) tr.append(el("td", null, String(c)));
    t.append(tr);
  }
  parent.append(t);
}

function inspect(done) {
  const box = $("inspector");
  box.textContent = "";
  const reply = done.reply, wire = done.wire || {};
  section(box, "Outcome");
  const outcome = el("p", reply.outcome === "completed" ? "ok" : "sev-error",
    `${reply.outcome}${reply.statusCode ? " (HTTP " + reply.statusCode + ")" : ""}${reply.streamed ? ", streamed" : ""}${reply.reason ? ": " + reply.reason : ""}`);
  outcome.id = "outcome";
  box.append(outcome);
  if (wire.request) {
    section(box, "Request");
    box.append(el("p", null, `${wire.request.method} ${wire.request.url}`));
    table(box, wire.request.headers);
    const body = el("pre", null, pretty(wire.request.body));
    body.setAttribute("aria-label", "Request body");
    box.append(body);
  }
  if (wire.response) {
    section(box, "Response");
    const head = el("div");
    head.setAttribute("aria-label", "Response headers");
    table(head, [["status", wire.response.status ?? "-"], ...(wire.response.headers || [])]);
    box.append(head);
    if (wire.response.events) {
      section(box, `Events (${wire.response.events.length})`);
      table(box, [["at", "bytes", "event", "data"], ...wire.response.events.map((e) => [`${e.atMs} ms`, e.bytes, e.event, e.data])]);
    } else if (wire.response.body !== undefined) {
      box.append(el("pre", null, pretty(wire.response.body)));
    }
  }
  if (wire.limits) {
    section(box, "Limits used");
    for (const [name, l] of Object.entries(wire.limits)) {
      const percent = l.limit ? Math.min(100, (100 * l.used) / l.limit) : 0;
      box.append(el("div", null, `${name}: ${l.used.toLocaleString()} of ${l.limit.toLocaleString()}${name === "time" ? " ms" : " bytes"} (${percent.toFixed(1)}%)`));
      const bar = el("div", "bar"); const fill = el("div"); fill.style.width = percent + "%"; bar.append(fill); box.append(bar);
    }
  }
  section(box, "Warnings");
  if (!reply.warnings.length) box.append(el("p", "ok", "none"));
  for (const w of reply.warnings) box.append(el("p", "sev-warning", `${w.code}: ${w.message}`));
  section(box, "Checker's verdict");
  const verdict = el("div");
  verdict.setAttribute("aria-label", "Verdict");
  if (!(wire.verdict || []).length) verdict.append(el("p", "ok", "The reply keeps every rule the checker judges."));
  for (const f of wire.verdict || []) verdict.append(el("p", "sev-" + f.severity, `${f.severity === "error" ? "FAIL" : "WARN"} ${f.rule}: ${f.message}${f.path ? " at " + f.path : ""}`));
  box.append(verdict);
}

function pretty(text) {
  try { return JSON.stringify(JSON.parse(text), null, 2); } catch { return text; }
}

// ---- sending ----

async function relay(query, onEvent) {
  const response = await fetch("/api/send", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ query, ...settings() }),
  });
  if (!response.ok) {
    const problem = await response.json().catch(() => ({}));
    throw new Error(problem.detail || `The playground answered ${response.status}.`);
  }
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let buffer = "", done = null;
  for (;;) {
    const { value, done: end } = await reader.read();
    if (end) break;
    buffer += decoder.decode(value, { stream: true });
    let at;
    while ((at = buffer.indexOf("\n\n")) >= 0) {
      const block = buffer.slice(0, at);
      buffer = buffer.slice(at + 2);
      const name = (block.match(/^event: (.*)$/m) || [])[1];
      const data = (block.match(/^data: (.*)$/m) || [])[1];
      if (!name || data === undefined) continue;
      const payload = JSON.parse(data);
      if (name === "done") done = payload; else onEvent(name, payload);
    }
  }
  if (!done) throw new Error("The relay ended without a reply.");
  return done;
}

function showReply(bubble, done) {
  const reply = done.reply;
  bubble.classList.remove("streaming");
  if (reply.message && reply.message.type === 5) {
    if (!bubble.textContent) bubble.remove();
    renderAdvanced(reply.message);
  } else if (reply.message && reply.message.type !== 1) {
    bubble.textContent = `[message of unknown type ${reply.message.type}]`;
  } else if (!reply.text && reply.outcome !== "completed") {
    bubble.remove();
  } else if (reply.action !== "none") {
    bubble.remove();
  } else {
    bubble.textContent = reply.text;
  }
  if (reply.outcome !== "completed") {
    system(`The reply did not complete: ${reply.outcome}${reply.reason ? " (" + reply.reason + ")" : ""}${reply.text ? "; the text so far is kept" : ""}.`);
  }
  applyAction(reply.action);
  inspect(done);
  scroll();
}

async function converse(query) {
  log.append(el("div", "msg visitor", query));
  const bubble = el("div", "msg bot streaming");
  log.append(bubble);
  scroll();
  try {
    const done = await relay(query, (name, payload) => {
      if (name === "delta") bubble.textContent += payload.text;
      else if (name === "replace") bubble.textContent = payload.text;
      scroll();
    });
    showReply(bubble, done);
    return done.reply;
  } catch (error) {
    bubble.remove();
    system("Could not reach the playground: " + error.message);
    return null;
  }
}

function send(query) {
  busy = busy.then(async () => {
    const reply = await converse(query);
    if (reply) turns.push({ query, reply: { outcome: reply.outcome, text: reply.text, action: reply.action, message: reply.message } });
  });
  return busy;
}

// ---- transcripts ----

function save() {
  const transcript = { format: "cinnox-chatbot-transcript", version: 1, bot: $("bot-url").textContent, settings: settings(), turns };
  delete transcript.settings.headers; // headers may hold secrets
  const blob = new Blob([JSON.stringify(transcript, null, 2)], { type: "application/json" });
  const link = el("a");
  link.href = URL.createObjectURL(blob);
  link.download = "transcript.json";
  document.body.append(link);
  link.click();
  link.remove();
}

async function load(file) {
  const results = $("replay-results");
  results.textContent = "";
  try {
    const transcript = JSON.parse(await file.text());
    if (transcript.format !== "cinnox-chatbot-transcript" || !Array.isArray(transcript.turns)) throw new Error("not a cinnox-chatbot transcript");
    loaded = transcript;
    applySettings(transcript.settings);
    $("replay").disabled = false;
    results.append(el("p", null, `Loaded ${transcript.turns.length} turns. Replay sends them again and shows what changed.`));
  } catch (error) {
    loaded = null;
    $("replay").disabled = true;
    results.append(el("p", "sev-error", "Cannot load the transcript: " + error.message));
  }
}

function same(a, b) { return JSON.stringify(a ?? null) === JSON.stringify(b ?? null); }

async function replay() {
  if (!loaded) return;
  const results = $("replay-results");
  results.textContent = "";
  let changed = 0;
  for (const [index, turn] of loaded.turns.entries()) {
    const reply = await converse(turn.query);
    if (reply) turns.push({ query: turn.query, reply: { outcome: reply.outcome, text: reply.text, action: reply.action, message: reply.message } });
    const before = turn.reply || {};
    const differences = [];
    if (!reply) differences.push("no reply");
    else {
      if (before.outcome !== reply.outcome) differences.push(`outcome ${before.outcome} → ${reply.outcome}`);
      if (before.text !== reply.text) differences.push(`text "${before.text}" → "${reply.text}"`);
      if (!same(before.message, reply.message) && before.text === reply.text) differences.push("message changed");
    }
    if (differences.length) changed++;
    results.append(el("div", "replay-row" + (differences.length ? " changed" : ""),
      `Turn ${index + 1} "${turn.query}": ${differences.length ? "changed: " + differences.join("; ") : "same"}`));
  }
  results.prepend(el("p", changed ? "sev-warning" : "ok", `Replayed ${loaded.turns.length} turns: ${changed} changed.`));
}

// ---- start ----

$("composer").addEventListener("submit", (event) => {
  event.preventDefault();
  const query = $("message").value;
  if (!query.trim()) return;
  $("message").value = "";
  send(query);
});
$("save").addEventListener("click", save);
$("load").addEventListener("change", (event) => { if (event.target.files[0]) load(event.target.files[0]); });
// Replay runs in the same queue as typed messages, so turns never interleave.
$("replay").addEventListener("click", () => { busy = busy.then(replay); });

fetch("/api/settings").then((r) => r.json()).then((s) => {
  $("bot-url").textContent = s.botUrl;
  $("format").value = s.legacy ? "legacy" : "current";
  if (s.headers.length) $("fixed-headers").textContent = "Sent with every message: " + s.headers.map(([n, v]) => `${n}: ${v}`).join(", ");
  $("context").value = Object.entries(s.context).map(([k, v]) => `${k}=${v}`).join("\n");
});
