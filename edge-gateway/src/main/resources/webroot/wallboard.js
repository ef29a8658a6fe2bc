// SeatLink wallboard: renders /api/floor, then applies the /api/stream events live.
// The page resyncs from /api/floor whenever the stream (re)connects, so a dropped
// connection can never leave a stale picture behind without the banner saying so.
"use strict";

const STATES = {
  READY: { letter: "R", label: "Ready" },
  BUSY: { letter: "B", label: "Busy" },
  WRAP_UP: { letter: "W", label: "Wrap-up" },
  NOT_READY: { letter: "N", label: "Not ready" },
  LOGGED_OUT: { letter: "L", label: "Logged out" },
  OFFLINE: { letter: "X", label: "Offline" },
};
const RECONNECT_MS = 2000;

const tiles = new Map(); // seat id -> { seat, el }
let source = null;

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function duration(ms) {
  const s = Math.max(0, Math.floor(ms / 1000));
  const hh = Math.floor(s / 3600), mm = Math.floor((s % 3600) / 60), ss = s % 60;
  const two = (n) => String(n).padStart(2, "0");
  return hh > 0 ? `${hh}:${two(mm)}:${two(ss)}` : `${two(mm)}:${two(ss)}`;
}

function renderSeat(tile) {
  const seat = tile.seat;
  const state = STATES[seat.state] || { letter: "?", label: seat.state };
  const node = tile.el;
  node.className = `seat s-${seat.state}` + (seat.help ? " help" : "");
  node.dataset.state = seat.state;
  node.setAttribute("aria-label",
    `${seat.seat} ${seat.agent || ""} ${state.label}${seat.reason ? " " + seat.reason : ""}${seat.help ? ", help raised" : ""}`);
  node.replaceChildren();
  const top = el("div", "top");
  top.append(el("span", "letter", state.letter), el("span", "id", seat.seat));
  node.append(top,
    el("div", "agent", seat.agent || "—"),
    el("div", "what", state.label + (seat.reason ? ` · ${seat.reason}` : "")),
    el("div", "time", seat.since ? duration(Date.now() - seat.since) : ""),
    el("div", "team", seat.team));
  if (seat.help) node.append(el("span", "hand", "HELP"));
}

function upsert(seat) {
  let tile = tiles.get(seat.seat);
  if (!tile) {
    tile = { seat, el: el("article") };
    tile.el.id = `seat-${seat.seat}`;
    tile.el.style.gridColumn = String(seat.x + 1);
    tile.el.style.gridRow = String(seat.y + 1);
    tiles.set(seat.seat, tile);
    document.getElementById("plan").append(tile.el);
  }
  tile.seat = seat;
  renderSeat(tile);
}

function renderCounts(kpis) {
  const list = document.getElementById("counts");
  list.replaceChildren();
  for (const [name, info] of Object.entries(STATES)) {
    const item = el("li", `count s-${name}`);
    item.id = `count-${name}`;
    item.title = info.label;
    item.append(el("span", "letter", info.letter), el("span", "label", info.label), el("span", "n", String(kpis.states[name] ?? 0)));
    list.append(item);
  }
  if (kpis.help > 0) {
    const help = el("li", "count help-count", `HELP ${kpis.help}`);
    help.id = "count-help";
    list.append(help);
  }
}

function renderLegend() {
  const legend = document.getElementById("legend");
  for (const [name, info] of Object.entries(STATES)) {
    const item = el("li", `count s-${name}`);
    item.append(el("span", "letter", info.letter), el("span", "", info.label));
    legend.append(item);
  }
}

function setLive(live) {
  const link = document.getElementById("link");
  link.textContent = live ? "live" : "reconnecting…";
  link.className = "link " + (live ? "live" : "down");
  document.getElementById("stale").hidden = live;
}

async function resync() {
  const response = await fetch("/api/floor", { cache: "no-store" });
  if (!response.ok) throw new Error(`/api/floor answered ${response.status}`);
  const floor = await response.json();
  document.getElementById("floor-name").textContent = `${floor.site} / ${floor.floor}`;
  document.title = `SeatLink ${floor.site}/${floor.floor}`;
  // Columns share the screen width, so a whole floor fits a wallboard TV without scrolling.
  const columns = Math.max(...floor.seats.map((s) => s.x)) + 1;
  document.getElementById("plan").style.gridTemplateColumns = `repeat(${columns}, minmax(0, 1fr))`;
  floor.seats.forEach(upsert);
  renderCounts(floor.kpis);
}

function connect() {
  if (source) source.close();
  source = new EventSource("/api/stream");
  source.onopen = () => resync().then(() => setLive(true)).catch(() => setLive(false));
  source.addEventListener("seat", (e) => upsert(JSON.parse(e.data)));
  source.addEventListener("kpis", (e) => renderCounts(JSON.parse(e.data)));
  source.onerror = () => {
    setLive(false);
    // EventSource retries by itself while CONNECTING; after an HTTP error it gives up (CLOSED).
    if (source.readyState === EventSource.CLOSED) setTimeout(connect, RECONNECT_MS);
  };
}

function tick() {
  for (const tile of tiles.values()) {
    const time = tile.el.querySelector(".time");
    if (time && tile.seat.since) time.textContent = duration(Date.now() - tile.seat.since);
  }
}

renderLegend();
connect();
setInterval(tick, 1000);
