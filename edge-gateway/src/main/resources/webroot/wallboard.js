// SeatLink wallboard: renders /api/floor, then applies the /api/stream events live.
// The page resyncs from /api/floor whenever the stream (re)connects, so a dropped connection can
// never leave a stale picture behind without the banner saying so. At /team/{team} the same page
// shows one team, with its agents' time in state this shift.
"use strict";

const STATES = {
  READY: { letter: "R", label: "Ready" },
  BUSY: { letter: "B", label: "Busy" },
  WRAP_UP: { letter: "W", label: "Wrap-up" },
  NOT_READY: { letter: "N", label: "Not ready" },
  LOGGED_OUT: { letter: "L", label: "Logged out" },
  OFFLINE: { letter: "X", label: "Offline" },
};
const GROUPINGS = { team: "Teams", businessLine: "Business lines", customerTier: "Customer tiers", skillTier: "Skill tiers" };
const RECONNECT_MS = 2000;
// A plan whose columns are narrower than this (many seats across, or a small window) is drawn dense: thin borders
// and gaps, lower rows, so the tiles keep room for their letter and time (wallboard.css, .dense).
const DENSE_COLUMN_PX = 96;
// The gateway sends the floor's figures every second (event: kpis). A stream silent longer than this is broken even
// when its connection still looks open (a frozen gateway, a half-open connection): shown stale and made again.
const SILENT_MS = 5000;
const AGENTS_REFRESH_MS = 5000;
const COMMAND_POLL_MS = 500;
const COMMAND_PATIENCE_MS = 15000;

const teamMatch = location.pathname.match(/^\/team\/([a-z0-9][a-z0-9-]{0,31})\/?$/);
const view = { team: teamMatch ? teamMatch[1] : null };
const tiles = new Map(); // seat id -> { seat, el, parts }
let floor = null;        // the last /api/floor: teams and their settings
let live = null;         // the last kpis event
let clockOffset = 0;     // gateway clock - this screen's clock, so times are right on a TV with a wrong clock
// The grouping keys of the kpis event (Grouping.java); the pivot buttons in index.html carry the same keys.
const BY_TEAM = "team";
let grouping = BY_TEAM;
let source = null;
let heardAt = 0; // when the stream last said anything, or was made
let me = null;           // { user, role, teams, auth } once signed in
let dialogSeat = null;   // the seat the seat dialog was last opened on

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function now() {
  return Date.now() + clockOffset;
}

function duration(ms) {
  const s = Math.max(0, Math.floor(ms / 1000));
  const hh = Math.floor(s / 3600), mm = Math.floor((s % 3600) / 60), ss = s % 60;
  const two = (n) => String(n).padStart(2, "0");
  return hh > 0 ? `${hh}:${two(mm)}:${two(ss)}` : `${two(mm)}:${two(ss)}`;
}

// A tile's time in state; an hour or more is longer text, drawn smaller to fit the tile (wallboard.css, .hours).
function showTime(node, ms) {
  node.textContent = ms === null ? "" : duration(ms);
  node.classList.toggle("hours", ms !== null && ms >= 3600 * 1000);
  return node;
}

function percent(fraction) {
  return fraction === null || fraction === undefined ? "—" : `${Math.round(fraction * 100)}%`;
}

function teamName(id) {
  const team = floor && floor.teams.find((t) => t.id === id);
  return team ? team.name : id;
}

function inView(seat) {
  return !view.team || seat.team === view.team;
}

// ---- seats ---------------------------------------------------------------------------------

// The agent as people know them: the name from the agent directory, else the id.
function agentOf(seat) {
  return seat.agentName || seat.agent || "";
}

// Agent id → name for every agent the page has seen at a seat (the help queue and the team's figures list ids; who
// may take a hand may sit in another team, whose tiles a team's view does not draw: the floor's first load has them).
function agentNames() {
  const names = new Map();
  for (const seat of [...floor.seats, ...[...tiles.values()].map((tile) => tile.seat)]) {
    if (seat.agent && seat.agentName) names.set(seat.agent, seat.agentName);
  }
  return names;
}

// A seat as a line about it names it: by its agent's name when the directory has one, else by the seat's id.
function whoSits(seatId) {
  const tile = tiles.get(seatId);
  return (tile && tile.seat.agentName) || seatId;
}

// What a seat on a contact will do when it ends: "Next: break", "Next: sign out".
function nextText(seat) {
  if (!seat.pending) return "";
  return "Next: " + (seat.pending.state === "LOGGED_OUT" ? "sign out" : seat.pending.reason);
}

// A tile's lines, made once: each update sets their text, and a click pressed on one is never lost (redraw.js).
function tileParts(node) {
  const parts = {
    letter: el("span", "letter"), id: el("span", "id"), agent: el("div", "agent"), what: el("div", "what"),
    clock: el("div", "clock"), time: el("div", "time"), hand: el("span", "hand", "HELP"), team: el("div", "team"),
    next: el("div", "next"), calls: el("div", "calls"),
  };
  const top = el("div", "top");
  top.append(parts.letter, parts.id);
  parts.clock.append(parts.time);
  node.append(top, parts.agent, parts.what, parts.clock, parts.team);
  return parts;
}

function renderSeat(tile) {
  const seat = tile.seat;
  const state = STATES[seat.state] || { letter: "?", label: seat.state };
  const node = tile.el;
  const alerted = live && live.alerts.some((a) => a.seat === seat.seat);
  node.className = `seat s-${seat.state}` + (seat.help ? " help" : "") + (alerted ? " alerted" : "");
  node.dataset.state = seat.state;
  node.setAttribute("aria-label",
    `${seat.seat} ${agentOf(seat)} ${state.label}${seat.reason ? " " + seat.reason : ""}`
      + `${seat.pending ? ", " + nextText(seat) : ""}${seat.help ? ", help raised" : ""}`);
  const parts = tile.parts;
  parts.letter.textContent = state.letter;
  parts.id.textContent = seat.seat;
  parts.agent.textContent = agentOf(seat) || "—";
  parts.what.textContent = state.label + (seat.reason ? ` · ${seat.reason}` : "");
  showTime(parts.time, seat.since ? now() - seat.since : null);
  // a raised hand beside the time, where it covers nothing (in a corner it hid the calls line)
  showPart(parts.clock, parts.hand, seat.help);
  parts.team.textContent = teamName(seat.team);
  parts.next.textContent = nextText(seat);
  showPart(node, parts.next, Boolean(seat.pending), parts.calls);
  const calls = live && live.calls && live.calls.seats[seat.seat];
  // a seat's calls: those handled, else (none yet) those that rang out
  parts.calls.textContent = calls ? handledText(calls) || rungOutText(calls) : "";
  showPart(node, parts.calls, parts.calls.textContent !== "");
  if (seat.seat === dialogSeat && document.getElementById("seat-dialog").open) describeDialogSeat(seat);
}

function upsert(seat) {
  if (!inView(seat)) return;
  let tile = tiles.get(seat.seat);
  if (!tile) {
    tile = { seat, el: el("article") };
    tile.el.id = `seat-${seat.seat}`;
    tile.el.tabIndex = 0;
    tile.parts = tileParts(tile.el);
    tile.el.addEventListener("click", () => openSeat(tile.seat.seat));
    tile.el.addEventListener("keydown", (e) => { if (e.key === "Enter") openSeat(tile.seat.seat); });
    tiles.set(seat.seat, tile);
    document.getElementById("plan").append(tile.el);
  }
  tile.seat = seat;
  renderSeat(tile);
}

function fitPlan() {
  const plan = document.getElementById("plan");
  const columns = Number(plan.dataset.columns || 1);
  plan.classList.toggle("dense", plan.clientWidth / columns < DENSE_COLUMN_PX);
}

function layoutPlan(seats) {
  // Columns share the screen width, so a whole floor fits a wallboard TV without scrolling.
  const shown = seats.filter(inView);
  const minX = Math.min(...shown.map((s) => s.x)), minY = Math.min(...shown.map((s) => s.y));
  const columns = Math.max(...shown.map((s) => s.x)) - minX + 1;
  const plan = document.getElementById("plan");
  plan.style.gridTemplateColumns = `repeat(${columns}, minmax(0, 1fr))`;
  plan.dataset.columns = String(columns);
  fitPlan();
  const wanted = new Set(shown.map((s) => s.seat));
  for (const [id, tile] of tiles) {
    if (!wanted.has(id)) { tile.el.remove(); tiles.delete(id); }
  }
  shown.forEach((seat) => {
    upsert(seat);
    const tile = tiles.get(seat.seat);
    tile.el.style.gridColumn = String(seat.x - minX + 1);
    tile.el.style.gridRow = String(seat.y - minY + 1);
  });
}

// ---- header counts ---------------------------------------------------------------------------

function renderCounts() {
  const list = document.getElementById("counts");
  list.replaceChildren();
  const figures = view.team ? teamFigures() : null;
  for (const [name, info] of Object.entries(STATES)) {
    const n = figures ? stateCount(figures, name) : live.states[name] ?? 0;
    const item = el("li", `count s-${name}`);
    item.id = `count-${name}`;
    item.title = info.label;
    item.append(el("span", "letter", info.letter), el("span", "label", info.label), el("span", "n", String(n)));
    list.append(item);
  }
  const help = figures ? figures.help : live.help;
  if (help > 0) {
    const item = el("li", "count help-count", `HELP ${help}`);
    item.id = "count-help";
    list.append(item);
  }
  const occupancy = figures ? figures.occupancy : live.floorKpis.occupancy;
  document.querySelector("#occupancy .n").textContent = percent(occupancy);
  renderCalls();
}

// The phone system's calls this shift, for the floor or the team in view; hidden on a floor without them.
function renderCalls() {
  const calls = live.calls && (view.team ? live.calls.teams[view.team] : live.calls.floor);
  const box = document.getElementById("calls");
  box.hidden = !calls || (calls.handled === 0 && calls.missed === 0);
  if (box.hidden) return;
  box.querySelector(".n").textContent = [handledText(calls),
    calls.averageSpeedOfAnswerMs != null ? `ASA ${duration(calls.averageSpeedOfAnswerMs)}` : "",
    rungOutText(calls)].filter((part) => part).join(" · ");
}

// "12 calls · AHT 03:05"; nothing before the first handled call (an average of nothing would read "AHT 00:00").
function handledText(calls) {
  if (calls.handled === 0) return "";
  return `${calls.handled} call${calls.handled === 1 ? "" : "s"} · AHT ${duration(calls.averageHandleMs)}`;
}

function rungOutText(calls) {
  return calls.missed ? `${calls.missed} rung out` : "";
}

function teamFigures() {
  return live.groups[BY_TEAM].find((g) => g.key === view.team);
}

function stateCount(g, state) {
  switch (state) {
    case "READY": return g.ready;
    case "BUSY": return g.busy;
    case "WRAP_UP": return g.wrapUp;
    case "NOT_READY": return g.notReady;
    case "OFFLINE": return g.offline;
    default: return g.seats - g.offline - g.staffed;
  }
}

// ---- group tiles -----------------------------------------------------------------------------

function renderGroups() {
  const box = document.getElementById("group-tiles");
  const groups = (live.groups[grouping] || []).filter((g) => !view.team || g.key === view.team);
  document.getElementById("groups-title").textContent = view.team ? "Team" : GROUPINGS[grouping];
  // a team's title links to its view; the tile's figures, which no one clicks, are drawn anew
  drawKeyed(box, groups, (g) => `${grouping}-${g.key}`, (g) => {
    const tile = el("div", "group");
    tile.id = `group-${grouping}-${g.key}`;
    tile.append(el("h3"));
    return tile;
  }, (tile, g) => {
    const team = grouping === BY_TEAM && floor.teams.find((t) => t.id === g.key);
    const below = team && team.minReady > 0 && g.staffed > 0 && g.ready < team.minReady;
    tile.classList.toggle("below", Boolean(below));
    const linked = team && !view.team ? team : null;
    drawTitle(tile.querySelector("h3"), linked, team ? team.name : g.key, percent(g.occupancy));
    const mini = el("ul", "mini");
    for (const [name, info] of Object.entries(STATES)) {
      if (name === "LOGGED_OUT") continue;
      const li = el("li", `s-${name}`, `${info.letter} ${stateCount(g, name)}`);
      li.title = info.label;
      mini.append(li);
    }
    const reasons = Object.entries(g.notReadyByReason).map(([r, n]) => `${r} ${n}`).join(", ");
    const facts = el("div", "facts");
    facts.append(
      el("span", "", "Staffed "), el("b", "", String(g.staffed)),
      el("span", "", team && live.scheduled && live.scheduled[team.id] !== undefined
        ? ` of ${live.scheduled[team.id]} rostered · ready ${g.ready}` : ""),
      el("span", "", team && team.minReady ? ` · min ready ${team.minReady}` : ""),
      el("br"),
      el("span", "", "Longest help wait "), el("b", "", g.help > 0 ? duration(g.longestHelpWaitMs) : "—"),
      el("br"),
      el("span", "", "Longest in state "), el("b", "", g.longestInStateSeat ? `${duration(g.longestInStateMs)} (${whoSits(g.longestInStateSeat)})` : "—"));
    if (reasons) facts.append(el("br"), el("span", "", `Not ready: ${reasons}`));
    [...tile.children].slice(1).forEach((figures) => figures.remove());
    tile.append(mini, facts);
  });
}

// A group tile's title: a link to the team's view for `linked`, else the name; made again only when that changes.
function drawTitle(title, linked, name, occupancy) {
  const shown = linked ? `${linked.id}|${name}` : `|${name}`;
  if (title.dataset.shown !== shown) {
    title.dataset.shown = shown;
    const link = linked ? el("a", "", name) : el("span", "", name);
    if (linked) link.href = `/team/${linked.id}`;
    title.replaceChildren(link, el("span", "occ"));
  }
  title.querySelector(".occ").textContent = occupancy;
}

// ---- help queue and alerts -------------------------------------------------------------------

// Whether the signed-in user holds a permission (GET /api/me's "may") for a team: the page shows no button
// the user may not use; the gateway checks again.
function may(permission, team) {
  const reach = me && me.may[permission];
  return reach === "floor" || (reach === "own-teams" && me.teams.includes(team));
}

function renderHelp() {
  const list = document.getElementById("help-queue");
  const queue = live.helpQueue.filter((h) => !view.team || h.team === view.team || h.routedTo === view.team);
  document.getElementById("help-n").textContent = queue.length ? String(queue.length) : "";
  const limitMs = floor.thresholds.helpWaitSeconds * 1000;
  const names = agentNames();
  drawKeyed(list, queue, (h) => h.seat, (h) => {
    const item = el("li");
    item.id = `help-${h.seat}`;
    item.append(el("span", "who"), el("span", "waited"), el("span", "route"));
    const take = el("button", "", "Take");
    take.type = "button";
    take.addEventListener("click", () => openSeat(h.seat));
    item.take = take;
    return item;
  }, (item, h) => {
    const waited = now() - h.since;
    item.classList.toggle("overdue", waited > limitMs);
    item.dataset.since = String(h.since);
    item.querySelector(".who").textContent = `${h.seat} ${names.get(h.agent) || h.agent || ""}`;
    item.querySelector(".waited").textContent = duration(waited);
    const to = h.model === "specialist" ? `→ ${teamName(h.routedTo)} queue` : `→ ${teamName(h.routedTo)}`;
    item.querySelector(".route").textContent =
      `${teamName(h.team)} ${to}: ${h.takers.map((id) => names.get(id) || id).join(", ") || "nobody named"}`;
    showPart(item, item.take, may("take-help", h.team) || may("take-help", h.routedTo));
  });
  if (!queue.length) list.append(el("li", "empty", "No raised hands"));
  const taken = document.getElementById("help-taken");
  taken.replaceChildren();
  live.helpTaken.filter((t) => !view.team || tiles.has(t.seat)).slice(0, 3).forEach((t) =>
    taken.append(el("li", "", `${t.seat} ${names.get(t.agent) || t.agent || ""} taken by ${t.by} after ${duration(t.takenAt - t.raisedAt)}`)));
}

function renderAlerts() {
  const list = document.getElementById("alerts");
  list.replaceChildren();
  const alerts = live.alerts.filter((a) => !view.team || a.team === view.team);
  document.getElementById("alert-n").textContent = alerts.length ? String(alerts.length) : "";
  if (!alerts.length) list.append(el("li", "empty", "No alerts"));
  for (const a of alerts) {
    const item = el("li", `alert ${a.type}`);
    item.id = `alert-${a.id.replace(/[^a-z0-9-]/g, "_")}`;
    item.append(el("span", "", a.text), el("span", "age", duration(now() - a.since)));
    list.append(item);
  }
}

function applyLive(data) {
  live = data;
  clockOffset = data.now - Date.now();
  renderRole(data.gateway);
  if (!floor) return; // the stream can speak before the first /api/floor is in: resync renders it then
  renderCounts();
  renderGroups();
  renderHelp();
  renderAlerts();
  for (const tile of tiles.values()) renderSeat(tile);
}

// ---- team view: agents this shift ------------------------------------------------------------

async function refreshAgents() {
  if (!view.team) return;
  const note = document.getElementById("agents-note");
  const figures = document.getElementById("team-figures");
  // Each agent's figures and the roster's counts are for those who may view the team (GET /api/me's "view-teams"),
  // not the floor network: signed out, they are dropped from the page, not just hidden.
  const withhold = (why) => {
    note.textContent = why;
    figures.hidden = true;
    figures.querySelectorAll("tbody").forEach((body) => body.replaceChildren());
  };
  if (!me) {
    withhold("Sign in as this team's leader, a manager or quality to see each agent's figures.");
    return;
  }
  const response = await fetch(`/api/teams/${view.team}`, { headers: authHeaders(me.auth), cache: "no-store" });
  if (!response.ok) {
    const body = await response.json().catch(() => ({}));
    withhold(body.error || `agents' figures unavailable (${response.status})`);
    return;
  }
  note.textContent = "";
  figures.hidden = false;
  const team = await response.json();
  document.getElementById("shift-start").textContent = new Date(team.shiftStart).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
  const body = document.querySelector("#agents tbody");
  body.replaceChildren();
  // the shift's quarter hours, newest first: the roster's count against what the floor had
  document.querySelector("#staffing tbody").replaceChildren(...team.staffing.slice().reverse().map((i) => {
    const row = el("tr");
    row.append(el("td", "", new Date(i.start).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" })),
      el("td", "", i.scheduled ?? "—"), el("td", "", i.staffed ?? "—"), el("td", "", i.ready ?? "—"));
    return row;
  }));
  const stateOf = new Map(team.seats.map((s) => [s.seat, s]));
  const names = agentNames();
  for (const a of team.agents) {
    const row = el("tr");
    row.id = `agent-${a.agent}`;
    const seat = stateOf.get(a.seat);
    const t = a.msInState;
    [names.get(a.agent) || a.agent, a.seat, seat ? (STATES[seat.state] || {}).label || seat.state : "",
      duration(t.READY), duration(t.BUSY), duration(t.WRAP_UP), duration(t.NOT_READY), String(a.contacts),
      a.contacts ? duration(a.averageHandleMs) : "—", a.contacts ? duration(a.averageWrapUpMs) : "—",
      a.helpRequests ? `${a.helpRequests} (${duration(a.helpWaitMs)})` : "0"]
      .forEach((text) => row.append(el("td", "", text)));
    body.append(row);
  }
}

// ---- sync and stream -------------------------------------------------------------------------

// On a floor's pair of gateways, which one this page is on: the standby shows the floor as well, but supervisors'
// actions go to the primary, so the standby says where that is.
function renderRole(gateway) {
  const badge = document.getElementById("gateway-role");
  badge.hidden = !gateway || !gateway.paired;
  if (badge.hidden) return;
  // drawn again only when it changes: a link replaced under the pointer with every update can lose its click
  const shown = [gateway.role, gateway.claiming, gateway.primaryUrl, gateway.primary].join("|");
  if (badge.dataset.shown === shown) return;
  badge.dataset.shown = shown;
  const standby = gateway.role !== "primary";
  badge.className = "gateway-role " + (standby ? "standby" : "primary");
  if (!standby) {
    badge.replaceChildren("primary gateway");
  } else if (gateway.claiming) {
    badge.replaceChildren("standby gateway · taking over");
  } else if (gateway.primaryUrl) {
    const link = el("a", "", "go to the primary");
    link.href = gateway.primaryUrl;
    badge.replaceChildren("standby gateway · ", link);
  } else {
    badge.replaceChildren(gateway.primary ? `standby gateway · primary ${gateway.primary}` : "standby gateway · no primary yet");
  }
}

function setLive(up) {
  const link = document.getElementById("link");
  link.textContent = up ? "live" : "reconnecting…";
  link.className = "link " + (up ? "live" : "down");
  document.getElementById("stale").hidden = up;
}

async function resync() {
  const response = await fetch("/api/floor", { cache: "no-store" });
  if (!response.ok) throw new Error(`/api/floor answered ${response.status}`);
  floor = await response.json();
  document.getElementById("floor-name").textContent = `${floor.site} / ${floor.floor}`;
  document.getElementById("view-name").textContent = view.team ? `· ${teamName(view.team)}` : "";
  document.title = `SeatLink ${floor.site}/${floor.floor}` + (view.team ? ` ${teamName(view.team)}` : "");
  const problem = document.getElementById("site-problem");
  problem.hidden = !floor.siteProblem;
  problem.textContent = floor.siteProblem ? `Site config edit refused, the previous one still runs: ${floor.siteProblem}` : "";
  layoutPlan(floor.seats);
  applyLive(floor.kpis);
  await refreshAgents();
}

function connect() {
  if (source) source.close();
  source = new EventSource("/api/stream");
  heardAt = Date.now();
  source.onopen = () => resync().then(() => setLive(true)).catch(() => setLive(false));
  source.addEventListener("seat", (e) => { if (floor) upsert(JSON.parse(e.data)); });
  source.addEventListener("kpis", (e) => {
    heardAt = Date.now();
    applyLive(JSON.parse(e.data));
  });
  // site: the site config was edited; resync: this page fell behind and missed updates.
  source.addEventListener("site", () => resync().catch(() => setLive(false)));
  source.addEventListener("resync", () => resync().catch(() => setLive(false)));
  source.onerror = () => {
    setLive(false);
    // EventSource retries by itself while CONNECTING; after an HTTP error it gives up (CLOSED).
    if (source.readyState === EventSource.CLOSED) setTimeout(connect, RECONNECT_MS);
  };
}

function tick() {
  for (const tile of tiles.values()) {
    if (tile.seat.since) showTime(tile.parts.time, now() - tile.seat.since);
  }
  document.querySelectorAll("#help-queue li[data-since]").forEach((item) => {
    item.querySelector(".waited").textContent = duration(now() - Number(item.dataset.since));
  });
  document.getElementById("clock").textContent = new Date(now()).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
}

// ---- signing in and acting on a seat ---------------------------------------------------------

function authHeaders(auth) {
  return { Authorization: `Basic ${auth}`, "X-Requested-With": "wallboard" };
}

async function signIn(user, password) {
  const auth = btoa(unescape(encodeURIComponent(`${user}:${password}`)));
  const response = await fetch("/api/me", { headers: authHeaders(auth), cache: "no-store" });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(body.error || `sign-in failed (${response.status})`);
  me = { ...body, auth };
  sessionStorage.setItem("seatlink-auth", auth);
  showSignedIn();
}

function showSignedIn() {
  const button = document.getElementById("sign-in");
  button.textContent = me ? `${me.user} (${me.roles.join(", ") || "no role"}) · sign out` : "Sign in";
  document.getElementById("shift-open").hidden = !(me && me.may["keep-duty-log"]);
  if (live) renderHelp();
  refreshAgents().catch(() => {});
}

function setupSignIn() {
  const dialog = document.getElementById("signin-dialog");
  document.getElementById("sign-in").addEventListener("click", () => {
    if (me) { me = null; sessionStorage.removeItem("seatlink-auth"); showSignedIn(); return; }
    document.getElementById("signin-error").textContent = "";
    dialog.showModal();
  });
  document.getElementById("signin-cancel").addEventListener("click", () => dialog.close());
  document.getElementById("signin-form").addEventListener("submit", (e) => {
    e.preventDefault();
    signIn(document.getElementById("signin-user").value, document.getElementById("signin-password").value)
      .then(() => dialog.close())
      .catch((err) => { document.getElementById("signin-error").textContent = err.message; });
  });
  const saved = sessionStorage.getItem("seatlink-auth");
  if (saved) {
    fetch("/api/me", { headers: authHeaders(saved), cache: "no-store" })
      .then((r) => (r.ok ? r.json() : null))
      .then((body) => { if (body) { me = { ...body, auth: saved }; showSignedIn(); } })
      .catch(() => {});
  }
}

function openSeat(seatId) {
  if (!me) {
    document.getElementById("sign-in").click();
    return;
  }
  const tile = tiles.get(seatId);
  const seat = tile ? tile.seat : (floor.seats.find((s) => s.seat === seatId) || { seat: seatId });
  dialogSeat = seatId;
  const helpRoutedTo = describeDialogSeat(seat);
  const acts = may("act-on-seats", seat.team);
  document.getElementById("act-not-ready").hidden = !acts;
  document.getElementById("act-logout").hidden = !acts;
  document.getElementById("message-form").hidden = !acts;
  const moves = may("move", seat.team);
  document.getElementById("move-form").hidden = !moves;
  if (moves) {
    document.getElementById("move-team").replaceChildren(...floor.teams.filter((t) => t.id !== seat.team).map((t) => {
      const option = el("option", "", t.name);
      option.value = t.id;
      return option;
    }));
  }
  status(acts || moves || may("take-help", helpRoutedTo) ? "" : "You may look, not act, on this seat.", "");
  document.getElementById("seat-dialog").showModal();
}

// The open dialog's seat as it is now (drawn again with each of the seat's changes while the dialog is open, so a
// hand raised meanwhile can be taken); returns the team its raised hand is routed to, if any.
function describeDialogSeat(seat) {
  document.getElementById("seat-title").textContent = `${seat.seat} ${agentOf(seat)}`;
  const state = STATES[seat.state] || { label: seat.state || "" };
  document.getElementById("seat-summary").textContent =
    `${teamName(seat.team)} · ${state.label}${seat.reason ? " · " + seat.reason : ""}`
    + `${seat.pending ? " · " + nextText(seat) : ""}${seat.help ? " · help raised" : ""}`;
  const helpRoutedTo = (live.helpQueue.find((h) => h.seat === seat.seat) || {}).routedTo;
  const take = document.getElementById("act-ack-help");
  take.disabled = !seat.help;
  take.hidden = !(may("take-help", seat.team) || may("take-help", helpRoutedTo));
  return helpRoutedTo;
}

function status(text, kind) {
  const line = document.getElementById("action-status");
  line.textContent = text;
  line.className = `action-status ${kind}`;
}

const OUTCOMES = {
  ok: "Done: the seat carried it out.",
  refused: "Refused by the seat",
  timeout: "No answer from the seat",
};

async function act(body, label) {
  const seat = dialogSeat;
  status(`${label}: sending…`, "");
  try {
    const response = await fetch(`/api/seats/${seat}/commands`, {
      method: "POST", headers: { ...authHeaders(me.auth), "Content-Type": "application/json" }, body: JSON.stringify(body),
    });
    const sent = await response.json().catch(() => ({}));
    if (response.status !== 202) throw new Error(sent.error || `the gateway answered ${response.status}`);
    status(`${label}: sent, waiting for seat ${seat} to confirm…`, "");
    const deadline = Date.now() + COMMAND_PATIENCE_MS;
    while (Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, COMMAND_POLL_MS));
      const result = await (await fetch(`/api/commands/${sent.id}`, { cache: "no-store" })).json();
      if (result.status !== "pending") {
        const ok = result.status === "ok";
        status(`${label}: ${OUTCOMES[result.status] || result.status}${result.error ? ": " + result.error : ""}`, ok ? "done" : "failed");
        return;
      }
    }
    throw new Error("the gateway did not report an outcome in time");
  } catch (err) {
    status(`${label} failed: ${err.message}`, "failed");
  }
}

function setupActions() {
  document.getElementById("seat-close").addEventListener("click", () => document.getElementById("seat-dialog").close());
  document.getElementById("act-ack-help").addEventListener("click", () => act({ cmd: "ack-help" }, "Take the raised hand"));
  document.getElementById("act-not-ready").addEventListener("click", () =>
    act({ cmd: "set-state", state: "NOT_READY", reason: "supervisor" }, "Force not ready"));
  document.getElementById("act-logout").addEventListener("click", () => act({ cmd: "set-state", state: "LOGGED_OUT" }, "Log out"));
  document.getElementById("message-form").addEventListener("submit", (e) => {
    e.preventDefault();
    act({ cmd: "message", text: document.getElementById("message-text").value }, "Message");
  });
  document.getElementById("move-form").addEventListener("submit", (e) => {
    e.preventDefault();
    moveSeat(dialogSeat, document.getElementById("move-team").value, document.getElementById("move-for").value);
  });
}

// A duty manager's move: the gateway answers once it is saved; the wallboards reload the floor with it.
async function moveSeat(seat, team, span) {
  status(`Moving ${seat}…`, "");
  try {
    const response = await fetch("/api/moves", {
      method: "POST", headers: { ...authHeaders(me.auth), "Content-Type": "application/json" },
      body: JSON.stringify({ seat, team, for: span }),
    });
    const body = await response.json().catch(() => ({}));
    if (!response.ok) throw new Error(body.error || `the gateway answered ${response.status}`);
    status(`Moved ${seat} to ${teamName(team)} ${span === "good" ? "for good" : "for the rest of the shift"}.`, "done");
  } catch (err) {
    status(`Move failed: ${err.message}`, "failed");
  }
}

// ---- the duty manager's shift: log and handover ---------------------------------------------

let handoverShift = null; // the kept report on show, which "Acknowledge it" acknowledges

function shiftStatus(text, kind) {
  const line = document.getElementById("shift-status");
  line.textContent = text;
  line.className = `action-status ${kind}`;
}

async function signedFetch(path, options = {}) {
  const response = await fetch(path, { ...options, headers: { ...authHeaders(me.auth), ...(options.headers || {}) },
    cache: "no-store" });
  if (!response.ok) {
    const body = await response.json().catch(() => ({}));
    throw new Error(body.error || `the gateway answered ${response.status}`);
  }
  return response;
}

async function refreshLog() {
  const lines = await (await signedFetch("/api/duty-log")).json();
  document.getElementById("log-lines").replaceChildren(...lines.map((l) => {
    const item = el("li", "", `${new Date(l.at).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" })} `
      + `${l.author} · ${l.kind}${l.open ? " (open)" : ""}: ${l.text}`);
    item.id = `log-${l.id}`;
    return item;
  }));
}

async function showHandover(shift) {
  shiftStatus("Putting the report together…", "");
  try {
    const html = await (await signedFetch(`/api/handover?shift=${shift}&format=html`)).text();
    const frame = document.getElementById("handover-frame");
    frame.srcdoc = html;
    frame.hidden = false;
    document.getElementById("handover-print").hidden = false;
    handoverShift = null;
    if (shift === "previous") {
      const report = await (await signedFetch("/api/handover?shift=previous")).json();
      handoverShift = report.acknowledgedBy ? null : report.shiftStart;
    }
    document.getElementById("handover-ack").hidden = handoverShift === null;
    shiftStatus("", "");
  } catch (err) {
    shiftStatus(err.message, "failed");
  }
}

function setupShift() {
  const dialog = document.getElementById("shift-dialog");
  document.getElementById("shift-open").addEventListener("click", () => {
    shiftStatus("", "");
    dialog.showModal();
    refreshLog().catch((err) => shiftStatus(err.message, "failed"));
  });
  document.getElementById("shift-close").addEventListener("click", () => dialog.close());
  document.getElementById("log-form").addEventListener("submit", async (e) => {
    e.preventDefault();
    try {
      await signedFetch("/api/duty-log", { method: "POST", headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ kind: document.getElementById("log-kind").value,
          text: document.getElementById("log-text").value, open: document.getElementById("log-open").checked }) });
      document.getElementById("log-text").value = "";
      document.getElementById("log-open").checked = false;
      shiftStatus("Written.", "done");
      await refreshLog();
    } catch (err) {
      shiftStatus(`Not written: ${err.message}`, "failed");
    }
  });
  document.getElementById("handover-current").addEventListener("click", () => showHandover("current"));
  document.getElementById("handover-previous").addEventListener("click", () => showHandover("previous"));
  document.getElementById("handover-print").addEventListener("click", () =>
    document.getElementById("handover-frame").contentWindow.print());
  document.getElementById("handover-ack").addEventListener("click", async () => {
    try {
      await signedFetch("/api/handover/ack", { method: "POST", headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ shift: handoverShift }) });
      shiftStatus("Acknowledged.", "done");
      await showHandover("previous");
    } catch (err) {
      shiftStatus(`Not acknowledged: ${err.message}`, "failed");
    }
  });
}

function setupPivot() {
  const pivot = document.getElementById("pivot");
  if (view.team) { pivot.hidden = true; return; }
  pivot.addEventListener("click", (e) => {
    const button = e.target.closest("button[data-grouping]");
    if (!button) return;
    grouping = button.dataset.grouping;
    pivot.querySelectorAll("button").forEach((b) => b.setAttribute("aria-pressed", String(b === button)));
    if (live) renderGroups();
  });
}

function renderLegend() {
  const legend = document.getElementById("legend");
  for (const [name, info] of Object.entries(STATES)) {
    const item = el("li", `count s-${name}`);
    item.append(el("span", "letter", info.letter), el("span", "", info.label));
    legend.append(item);
  }
}

renderLegend();
setupPivot();
setupSignIn();
setupShift();
setupActions();
document.getElementById("agents-panel").hidden = !view.team;
new ResizeObserver(fitPlan).observe(document.getElementById("plan")); // a window resized, a TV's other mode
connect();
setInterval(tick, 1000);
setInterval(() => {
  if (Date.now() - heardAt > SILENT_MS) {
    setLive(false);
    connect();
  }
}, 1000);
setInterval(() => refreshAgents().catch(() => {}), AGENTS_REFRESH_MS);
