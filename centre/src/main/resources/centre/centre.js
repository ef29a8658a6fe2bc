// The duty manager's page: every update on /api/stream is the whole centre view, drawn again (floors and queue rows
// in place, redraw.js).
// Text only goes in through textContent: floor, team and agent names come from the floors' configs.
"use strict";

const GROUP_TITLES = { businessLine: "Business line", customerTier: "Customer tier", skillTier: "Skill tier" };

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  Object.entries(attrs || {}).forEach(([k, v]) => {
    if (k === "class") { node.className = v; } else { node.setAttribute(k, v); }
  });
  // elements go in as elements, anything else as text
  children.forEach(child => node.append(child instanceof Node ? child
    : child === null || child === undefined ? "" : String(child)));
  return node;
}

function pct(value) { return value === null || value === undefined ? "–" : value + " %"; }

function waited(ms) {
  const s = Math.max(0, Math.floor(ms / 1000));
  return s < 60 ? s + " s" : Math.floor(s / 60) + " min " + (s % 60) + " s";
}

// A link made once and kept (redraw.js: one drawn again under the pointer would lose its click); its address is set
// with each update.
function keptLink(text) {
  return el("a", { target: "_blank", rel: "noopener" }, text);
}

function makeTile() {
  const box = el("article", {}, el("h3", {}, el("span", { class: "name" }), el("span", { class: "badge" })), el("dl"));
  box.link = keptLink("Open the floor's wallboard");
  return box;
}

function updateTile(box, floor) {
  box.className = "tile " + floor.state;
  box.dataset.floor = floor.key;
  box.querySelector(".name").textContent = floor.name;
  const badge = box.querySelector(".badge");
  badge.className = "badge " + floor.state;
  badge.textContent = floor.state;
  const figures = el("dl");
  const rows = [["Staffed", floor.staffed + " / " + floor.seats], ["Ready", floor.ready],
    ["Occupancy", pct(floor.occupancy)], ["Help waiting", floor.help], ["Alerts", floor.alerts],
    ["Primary", floor.primary || "none"],
    ["Heard", floor.heardMsAgo < 0 ? "never" : waited(floor.heardMsAgo) + " ago"]];
  rows.forEach(([name, value]) => {
    const dd = el("dd", {}, value);
    if (name === "Help waiting" && floor.help > 0) { dd.className = "help"; }
    figures.append(el("dt", {}, name), dd);
  });
  box.querySelector("dl").replaceWith(figures);
  if (floor.wallboard) { box.link.href = floor.wallboard; }
  showPart(box, box.link, Boolean(floor.wallboard));
}

function makeRow() {
  const row = el("tr", {}, el("td"), el("td"), el("td", {}, el("span")), el("td"), el("td"), el("td"));
  row.link = keptLink("");
  return row;
}

function updateRow(row, item, now) {
  row.className = item.kind;
  row.dataset.floor = item.floorKey;
  const cells = row.cells;
  cells[0].textContent = waited(now - item.since);
  cells[1].textContent = item.kind === "help" ? "Raised hand" : item.text;
  // the floor's name, a link to its wallboard where the floor has one
  const plain = cells[2].querySelector("span");
  plain.textContent = item.wallboard ? "" : item.floorName;
  row.link.textContent = item.floorName;
  if (item.wallboard) { row.link.href = item.wallboard; }
  showPart(cells[2], row.link, Boolean(item.wallboard));
  cells[3].textContent = item.seat || "";
  cells[4].textContent = item.team || "";
  cells[5].textContent = item.agent || "";
}

function draw(view) {
  document.getElementById("centre").textContent = view.centre;
  const link = document.getElementById("link");
  link.textContent = "cluster " + view.link + (view.staleFloors ? " · " + view.staleFloors + " floor(s) stale" : "");
  link.className = "badge " + (view.link === "UP" && !view.staleFloors ? "up" : "down");
  const t = view.totals;
  document.getElementById("totals").replaceChildren(
    el("span", {}, "Staffed " + t.staffed + " / " + t.seats), el("span", {}, "Ready " + t.ready),
    el("span", {}, "Occupancy " + pct(t.occupancy)), el("span", {}, "Help " + t.help), el("span", {}, "Alerts " + t.alerts));
  drawKeyed(document.getElementById("floors"), view.floors, floor => floor.key, makeTile, updateTile);
  drawKeyed(document.querySelector("#queue tbody"), view.queue,
    item => [item.kind, item.floorKey, item.seat || "", item.since, item.text].join("|"), makeRow,
    (row, item) => updateRow(row, item, view.now));
  document.getElementById("queue-count").textContent =
    view.queueTotal > view.queue.length ? "(" + view.queue.length + " of " + view.queueTotal + ")" : "(" + view.queueTotal + ")";
  document.getElementById("groups").replaceChildren(...Object.entries(view.groups).map(([grouping, rows]) => {
    const table = el("table", {}, el("caption", {}, GROUP_TITLES[grouping] || grouping));
    table.append(el("thead", {}, ""));
    table.tHead.append(el("tr"));
    ["", "Floors", "Staffed", "Ready", "Busy", "Wrap-up", "Not ready", "Help", "Occupancy"]
      .forEach(h => table.tHead.rows[0].append(el("th", {}, h)));
    const body = el("tbody");
    rows.forEach(r => body.append(el("tr", {}, ...[r.key, r.floors, r.staffed + " / " + r.seats, r.ready, r.busy,
      r.wrapUp, r.notReady, r.help, pct(r.occupancy)].map(v => el("td", {}, v)))));
    if (!rows.length) { body.append(el("tr", {}, el("td", { class: "none", colspan: 9 }, "none on any floor"))); }
    table.append(body);
    return table;
  }));
}

// The view sends the whole picture at least every second (CentreRoutes.REFRESH_MS). A stream silent longer than
// this is broken even when its connection still looks open (a frozen process, a half-open connection, a proxy
// holding it) or was given up after an HTTP error (a proxy's 502, a full view's 503), which EventSource never
// retries: the page says since when its figures are, and connects again, rather than show them as live.
const SILENT_MS = 5000;
let source = null;
let connectedAt = 0;
let lastUpdate = 0;

function update(view) {
  lastUpdate = Date.now();
  document.body.classList.remove("stale");
  draw(view);
}

function unreachable() {
  const link = document.getElementById("link");
  link.textContent = lastUpdate
    ? "no update since " + new Date(lastUpdate).toLocaleTimeString() + ": reconnecting…"
    : "centre view unreachable: reconnecting…";
  link.className = "badge down";
  document.body.classList.add("stale");
}

function connect() {
  if (source) { source.close(); }
  connectedAt = Date.now();
  source = new EventSource("api/stream");
  source.addEventListener("centre", event => update(JSON.parse(event.data)));
  source.onerror = unreachable;
}

function watch() {
  const now = Date.now();
  if (now - Math.max(lastUpdate, connectedAt) > SILENT_MS) {
    unreachable();
    connect();
  }
}

fetch("api/centre").then(r => r.json()).then(update).catch(unreachable).finally(() => {
  connect();
  setInterval(watch, 1000);
});
