// The page: filters, map, timeline and side panel, all fed by the REST API.
// Views are chosen by the address's hash: #/events, #/actors, #/actor/NAME,
// #/event/ID, #/article/ID, so each can be bookmarked and the back button works; the
// filters, dates, sort and map view are in its query (urlstate.js), so a reload or a
// shared address shows the same view. With a write token, the edit mode corrects events.

import "leaflet/dist/leaflet.css";
import "leaflet.markercluster/dist/MarkerCluster.css";
import "./style.css";
import { api, downloadUrl } from "./api.js";
import { h } from "./dom.js";
import { editor } from "./editing.js";
import { EventMap } from "./map.js";
import { Timeline } from "./timeline.js";
import { parseView, readUrl, writeUrl } from "./urlstate.js";
import { actorsList, actorView, articleView, eventsTable, eventView } from "./views.js";

const PAGE = 50;
const FILTERS = ["text", "event_type", "sub_event_type", "country", "actor", "status"];

const state = {
  meta: null,
  filters: {},
  since: null,
  until: null,
  sort: "-event_date",
  offset: 0,
  inView: false,
  fitNext: true,
  detailEvent: null,
};

const $ = (sel) => document.querySelector(sel);
const form = $("#filters");
let map;
let timeline;

function query(withDates = true) {
  const q = { ...state.filters };
  if (withDates) Object.assign(q, { since: state.since, until: state.until });
  return q;
}

function showError(err) {
  const el = $("#error");
  el.textContent = err ? String(err.message || err) : "";
  el.hidden = !err;
}

// Reloads are numbered: an answer to an older request never overwrites a newer one.
let generation = 0;

async function reload({ stats = true, mapPoints = true } = {}) {
  const mine = ++generation;
  document.body.classList.add("loading");
  try {
    const tableQuery = { ...query(), sort: state.sort, limit: PAGE, offset: state.offset };
    if (state.inView) tableQuery.bbox = map.bbox();
    document.body.dataset.bbox = tableQuery.bbox || "";
    const [page, points, counts] = await Promise.all([
      api("events", tableQuery),
      mapPoints ? api("events", { ...query(), sort: "-fatalities", limit: state.meta.max_limit }) : null,
      stats ? api("stats", query(false)) : null,
    ]);
    if (mine !== generation) return;
    showError(null);
    const table = $("#tab-events");
    table.replaceChildren(
      ...eventsTable(page, {
        sort: state.sort,
        onSort: (s) => {
          state.sort = s;
          state.offset = 0;
          reload({ stats: false, mapPoints: false });
        },
        onPage: (o) => {
          state.offset = o;
          reload({ stats: false, mapPoints: false });
        },
      }),
    );
    if (counts) timeline.setData(counts.by_day);
    if (points) {
      const shown = map.show(points.events, state.fitNext);
      state.fitNext = false;
      const missing = points.events.length - shown;
      const capped = points.total > points.events.length ? ` (map: the ${points.events.length} deadliest)` : "";
      $("#summary").textContent =
        `${points.total} events${capped}` + (missing ? ` · ${missing} without coordinates` : "");
      document.body.dataset.mapEvents = String(shown);
    }
    if (!$("#tab-actors").hidden) await showActors();
    saveState(tableQuery.bbox);
  } catch (err) {
    if (mine === generation) showError(err);
  } finally {
    if (mine === generation) document.body.classList.remove("loading");
  }
}

// The address and the download links follow what the page shows.
function saveState(bbox) {
  writeUrl({ ...state.filters, since: state.since, until: state.until,
    sort: state.sort === "-event_date" ? "" : state.sort,
    in_view: state.inView ? "1" : "", view: map.view() });
  const view = { ...query(), sort: state.sort, bbox: state.inView ? bbox : undefined };
  for (const a of document.querySelectorAll("#downloads a[data-format]")) {
    a.href = downloadUrl({ ...view, format: a.dataset.format });
  }
}

async function showActors() {
  const body = await api("actors", { ...query(), limit: 200 });
  $("#tab-actors").replaceChildren(...actorsList(body));
  $("#actor-names").replaceChildren(...body.actors.map((a) => h("option", { value: a.actor })));
}

// The stacked layout (style.css): a chosen event's panel lies below the map there.
const onPhone = () => window.matchMedia("(max-width: 760px)").matches;

function setTab(name) {
  for (const b of document.querySelectorAll(".tabs button")) {
    b.setAttribute("aria-selected", String(b.dataset.tab === name));
  }
  for (const t of ["events", "actors", "detail"]) $(`#tab-${t}`).hidden = t !== name;
  document.body.dataset.view = name;
}

async function route() {
  const [, kind, raw] = location.hash.match(/^#\/([a-z]+)\/?(.*)$/) || [];
  const arg = raw ? decodeURIComponent(raw) : "";
  const detail = $("#tab-detail");
  try {
    if (kind === "event" && arg) {
      $('.tabs [data-tab="detail"]').disabled = false;
      setTab("detail");
      detail.replaceChildren(h("p", { class: "hint" }, "Loading…"));
      const { view, event } = await eventView(arg, editing());
      detail.replaceChildren(view);
      map.select(event);
      detail.scrollTop = 0;
      onPhone() && $("#side").scrollIntoView();
    } else if (kind === "article" && arg) {
      $('.tabs [data-tab="detail"]').disabled = false;
      setTab("detail");
      detail.replaceChildren(await articleView(arg));
      map.select(null);
      onPhone() && $("#side").scrollIntoView();
    } else if (kind === "actor" && arg) {
      setTab("actors");
      $("#tab-actors").replaceChildren(...(await actorView(arg, (name) => setFilter("actor", name))));
    } else if (kind === "actors") {
      setTab("actors");
      await showActors();
    } else {
      setTab("events");
      map.select(null);
    }
    showError(null);
  } catch (err) {
    showError(err);
    detail.replaceChildren(h("p", { class: "error" }, err.message));
  }
}

// What the event panel needs for the edit mode, or null when it is off.
function editing() {
  if (!editor.on) return null;
  return {
    meta: state.meta,
    onSaved: () => {
      reload();
      route();
    },
    onRefused: (message) => {
      editor.stop();
      setEditMode();
      showError(`Edit mode stopped: ${message}`);
    },
  };
}

function setEditMode() {
  const on = editor.on;
  document.body.classList.toggle("editing", on);
  const button = $("#edit-toggle");
  button.textContent = on ? "Stop editing" : "Edit";
  button.setAttribute("aria-pressed", String(on));
  $("#edit-login").hidden = true;
}

function wireEditing() {
  const button = $("#edit-toggle");
  const login = $("#edit-login");
  if (!state.meta.writable) {
    button.disabled = true;
    button.title = "This server is read-only: start it with a token (EVENTWIRE_TOKEN) to edit";
  }
  button.addEventListener("click", () => {
    if (editor.on) {
      editor.stop();
      setEditMode();
      route();
    } else {
      login.hidden = !login.hidden;
      if (!login.hidden) login.elements.token.focus();
    }
  });
  login.addEventListener("submit", (e) => {
    e.preventDefault();
    editor.start(login.elements.token.value.trim(), login.elements.who.value.trim());
    login.reset();
    setEditMode();
    route();
  });
  setEditMode();
}

function setFilter(name, value) {
  form.elements[name].value = value;
  form.dispatchEvent(new Event("change"));
}

function readFilters() {
  const f = {};
  for (const name of FILTERS) {
    const v = form.elements[name].value.trim();
    if (v) f[name] = v;
  }
  return f;
}

function fillSubTypes() {
  const type = form.elements.event_type.value;
  const select = form.elements.sub_event_type;
  const current = select.value;
  const types = type ? [type] : Object.keys(state.meta.taxonomy);
  select.replaceChildren(
    h("option", { value: "" }, "All sub-types"),
    ...types.flatMap((t) => state.meta.taxonomy[t].map((s) => h("option", { value: s }, s))),
  );
  select.value = [...select.options].some((o) => o.value === current) ? current : "";
}

function onFiltersChanged() {
  state.filters = readFilters();
  state.inView = form.elements.in_view.checked;
  state.offset = 0;
  state.fitNext = true;
  if (location.hash.startsWith("#/event/") || location.hash.startsWith("#/article/")) {
    location.hash = "#/events";
  }
  reload();
}

let typing;

function wireFilters() {
  form.addEventListener("change", (e) => {
    if (e.target && e.target.name === "event_type") fillSubTypes();
    if (e.target && e.target.name === "in_view") {
      state.inView = form.elements.in_view.checked;
      state.offset = 0;
      reload({ stats: false, mapPoints: false });
      return;
    }
    onFiltersChanged();
  });
  form.addEventListener("input", (e) => {
    if (e.target.type !== "search") return;
    clearTimeout(typing);
    typing = setTimeout(onFiltersChanged, 350);
  });
  form.addEventListener("submit", (e) => e.preventDefault());
  form.addEventListener("reset", () =>
    setTimeout(() => {
      fillSubTypes();
      timeline.setRange(null, null);
      setRange(null, null, false);
      onFiltersChanged();
    }),
  );
  $("#filters-toggle").addEventListener("click", () => {
    const open = document.body.classList.toggle("filters-open");
    $("#filters-toggle").setAttribute("aria-expanded", String(open));
    setTimeout(() => map.invalidate());
  });
  for (const b of document.querySelectorAll(".tabs button")) {
    b.addEventListener("click", () => {
      if (b.dataset.tab === "events") location.hash = "#/events";
      else if (b.dataset.tab === "actors") location.hash = "#/actors";
    });
  }
  $("#range-clear").addEventListener("click", () => {
    timeline.setRange(null, null);
    setRange(null, null);
  });
}

function setRange(since, until, load = true) {
  state.since = since;
  state.until = until;
  state.offset = 0;
  $("#range-label").textContent = since ? `${since} to ${until}` : "All dates";
  $("#range-clear").hidden = !since;
  document.body.dataset.since = since || "";
  document.body.dataset.until = until || "";
  if (load) reload({ stats: false });
}

// The state a shared or reloaded address carries, put back in the form and the map.
function fromUrl(given) {
  const country = form.elements.country;
  if (given.country && ![...country.options].some((o) => o.value === given.country)) {
    country.append(h("option", { value: given.country }, given.country));
  }
  for (const name of FILTERS) if (given[name]) form.elements[name].value = given[name];
  fillSubTypes();
  if (given.sub_event_type) form.elements.sub_event_type.value = given.sub_event_type;
  state.filters = readFilters();
  if (given.sort) state.sort = given.sort;
  if (given.since && given.until) {
    timeline.setRange(given.since, given.until);
    setRange(given.since, given.until, false);
  }
  form.elements.in_view.checked = given.in_view === "1";
  state.inView = form.elements.in_view.checked;
  const view = parseView(given.view);
  if (view) {
    map.setView(view);
    state.fitNext = false;
  }
}

async function start() {
  state.meta = await api("meta");
  const types = Object.keys(state.meta.taxonomy);
  form.elements.event_type.append(...types.map((t) => h("option", { value: t }, t)));
  fillSubTypes();
  map = new EventMap($("#map"), {
    basemap: state.meta.basemap,
    onOpen: (id) => (location.hash = `#/event/${encodeURIComponent(id)}`),
    onMove: () => (state.inView ? reload({ stats: false, mapPoints: false }) : saveState()),
    onType: (type) => setFilter("event_type", type),
  });
  const borders = map.loadBorders().catch((err) => showError(`Borders not loaded: ${err.message}`));
  timeline = new Timeline($("#timeline"), (since, until) => setRange(since, until));
  wireFilters();
  wireEditing();
  const all = await api("stats");
  form.elements.country.append(...all.by_country.filter((c) => c.country).map((c) => h("option", { value: c.country }, c.country)));
  fromUrl(readUrl());
  window.addEventListener("hashchange", route);
  await reload();
  await route();
  await borders;
  document.body.dataset.ready = "1";
}

start().catch(showError);
