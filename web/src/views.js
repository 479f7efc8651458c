// The side panel's views: the events table, the actors, one event with its sources and
// their highlighted evidence, and one article. Each is built from API JSON with dom.h.

import { api } from "./api.js";
import { fieldGroup, typeColor } from "./colors.js";
import { append, h, safeUrl } from "./dom.js";
import { editForm } from "./editing.js";
import { highlighted, legend } from "./evidence.js";

function dot(type) {
  const el = h("span", { class: "dot", title: type || "" });
  el.style.background = typeColor(type);
  return el;
}

const link = (hash, ...children) => h("a", { href: hash }, ...children);
const eventHash = (id) => `#/event/${encodeURIComponent(id)}`;
const articleHash = (id) => `#/article/${encodeURIComponent(id)}`;
const actorHash = (name) => `#/actor/${encodeURIComponent(name)}`;

// "Kharkiv, Kharkiv, Ukraine" reads as a stutter: each name once.
export function place(ev, parts = ["location", "country"]) {
  const names = parts.map((p) => ev[p]).filter(Boolean);
  return names.filter((n, i) => names.indexOf(n) === i).join(", ");
}

function killed(ev) {
  let s = String(ev.fatalities ?? 0);
  if (ev.fatalities_high != null && ev.fatalities_high !== ev.fatalities) {
    s += ` (${ev.fatalities_low ?? ev.fatalities}–${ev.fatalities_high})`;
  }
  return s;
}

// Who published a source, as a reader names it: the site, else the file's name.
const outletOf = (src) => src.outlet || src.url || src.source;

// -- the table ----------------------------------------------------------------------------

const COLUMNS = [
  { key: "event_date", label: "Date" },
  { key: "country", label: "Event and place" },
  { key: null, label: "Actors", cls: "actors" },
  { key: "fatalities", label: "Killed" },
  { key: "n_sources", label: "Src" },
];

export function eventsTable(page, { sort, onSort, onPage }) {
  const { events, total, offset, limit } = page;
  const head = h(
    "tr",
    {},
    COLUMNS.map((c) => {
      if (!c.key) return h("th", { scope: "col", class: c.cls }, c.label);
      const active = sort.replace(/^-/, "") === c.key;
      const next = active && !sort.startsWith("-") ? `-${c.key}` : c.key;
      const arrow = active ? (sort.startsWith("-") ? " ▼" : " ▲") : "";
      return h(
        "th",
        { scope: "col", "aria-sort": active ? (sort.startsWith("-") ? "descending" : "ascending") : null },
        h("button", { type: "button", class: "sort", onclick: () => onSort(next) }, c.label + arrow),
      );
    }),
  );
  const rows = events.map((ev) =>
    h(
      "tr",
      { "data-event-id": ev.event_id, tabindex: 0, onclick: () => (location.hash = eventHash(ev.event_id)),
        class: [ev.review === "rejected" && "rejected", ev.flags && ev.flags.length && "flagged"]
          .filter(Boolean).join(" ") || null,
        onkeydown: (e) => e.key === "Enter" && (location.hash = eventHash(ev.event_id)) },
      h("td", { class: "nowrap" }, ev.event_date || "?"),
      h("td", { class: "type", "data-event-type": ev.event_type }, dot(ev.event_type),
        ev.sub_event_type, h("br"), h("span", { class: "place" }, place(ev))),
      h("td", { class: "actors" }, [ev.actor1, ev.actor2].filter(Boolean).join(" · ")),
      h("td", { class: "num" }, killed(ev),
        ev.flags && ev.flags.length ? h("span", { class: "flag", title: ev.flags.join("\n") }, " ⚑") : null),
      h("td", { class: "num" }, ev.sources.length),
    ),
  );
  const last = Math.min(total, offset + events.length);
  const pager = h(
    "div",
    { class: "pager" },
    h("button", { type: "button", disabled: offset === 0, onclick: () => onPage(Math.max(0, offset - limit)) }, "‹ Prev"),
    h("span", { class: "count" }, total ? `${offset + 1}–${last} of ${total}` : "No events match"),
    h("button", { type: "button", disabled: last >= total, onclick: () => onPage(offset + limit) }, "Next ›"),
  );
  const table = h("table", { class: "events" }, h("thead", {}, head), h("tbody", {}, rows));
  return [h("div", { class: "table-box" }, table), pager];
}

// -- actors -------------------------------------------------------------------------------

export function actorsList(body) {
  return [
    h("p", { class: "hint" }, `${body.total} actors in the events shown; click one for its events.`),
    h(
      "ul",
      { class: "actors" },
      body.actors.map((a) =>
        h("li", {}, link(actorHash(a.actor), a.actor), h("span", { class: "num" }, a.events)),
      ),
    ),
  ];
}

export async function actorView(name, onFilter) {
  const body = await api("events", { actor: name, sort: "-event_date", limit: 200 });
  return [
    h("p", {}, link("#/actors", "‹ All actors")),
    h("h2", {}, name),
    h("p", { class: "hint" }, `${body.total} events name this actor (as actor 1 or 2).`),
    h("button", { type: "button", onclick: () => onFilter(name) }, "Show only these on the map"),
    h(
      "ul",
      { class: "actor-events" },
      body.events.map((ev) =>
        h(
          "li",
          { "data-event-id": ev.event_id },
          dot(ev.event_type),
          link(eventHash(ev.event_id), `${ev.event_date || "?"} ${ev.sub_event_type}`),
          ` — ${place(ev)}, ${killed(ev)} killed`,
        ),
      ),
    ),
  ];
}

// -- one event ----------------------------------------------------------------------------

// The merged toll, and beside it each source's own ("23 — by source: 23 herald, 1 courier").
function tolls(ev, sources) {
  if (sources.length < 2) return killed(ev);
  const each = sources.map((s) => `${s.event.fatalities ?? 0} ${outletOf(s)}`);
  return `${killed(ev)} — by source: ${each.join(", ")}`;
}

function fieldRows(ev, meta) {
  const coords = ev.latitude == null ? "no coordinates"
    : `${ev.latitude}, ${ev.longitude}, precision ${ev.geo_precision}`;
  const rows = [
    ["Date", "event_date", `${ev.event_date || "unknown"} (${ev.date_status})`],
    ["Type", "sub_event_type", `${ev.event_type} › ${ev.sub_event_type}`],
    // What decided the sub-event type: a rule card ("rule:attack"), later a model.
    ["Coded by", null, ev.classified_by || "not recorded"],
    ["Actor 1", "actor1", [ev.actor1, ev.assoc_actor_1 && `with ${ev.assoc_actor_1}`].filter(Boolean).join(" ")],
    ["Actor 2", "actor2", [ev.actor2, ev.assoc_actor_2 && `with ${ev.assoc_actor_2}`].filter(Boolean).join(" ")],
    ["Location", "location", `${place(ev, ["location", "admin1", "country"])} (${coords})`],
    ["Fatalities", "fatalities", tolls(ev, meta.sources)],
    ["Injuries", "injuries", ev.injuries ?? "not stated"],
    ["Record", null, `${meta.status}, version ${meta.version}, confidence ${ev.confidence}`
      + (ev.corrected && ev.corrected.length ? `; corrected by hand: ${ev.corrected.join(", ")}` : "")],
  ];
  return h(
    "dl",
    { class: "fields" },
    rows.map(([label, field, value]) => {
      const group = field ? fieldGroup(field).key : null;
      return h(
        "div",
        { class: group ? `row f-${group}` : "row", "data-group": group },
        h("dt", {}, label),
        h("dd", {}, value === "" || value == null ? "—" : String(value)),
      );
    }),
  );
}

function mergeNote(merge) {
  if (!merge || merge.event_id == null) return "started this event";
  return `joined with score ${Number(merge.score).toFixed(2)}`;
}

async function sourceBlock(src) {
  const url = safeUrl(src.url);
  const own = src.event || {};
  const box = h(
    "article",
    { class: "source", "data-article-id": src.article_id },
    h("h4", {}, src.title || outletOf(src)),
    h(
      "p",
      { class: "meta" },
      h("span", { class: "outlet" }, outletOf(src)),
      " · ",
      src.published ? `Published ${src.published} · ` : "",
      h("span", { class: "own-toll" }, `says ${own.fatalities ?? 0} killed`),
      " · ",
      url ? h("a", { href: url, rel: "noopener noreferrer", target: "_blank" }, "original") : null,
      url ? " · " : "",
      mergeNote(src.merge),
      " · ",
      link(articleHash(src.article_id), "whole article"),
    ),
  );
  try {
    const { article } = await api(`articles/${encodeURIComponent(src.article_id)}`);
    box.append(highlighted(article.text, src.evidence));
  } catch (err) {
    box.append(h("p", { class: "error" }, `Could not load the article: ${err.message}`));
  }
  return box;
}

// The flags the merge raised, with each source named by its outlet, not its id.
function flagsBox(ev, sources) {
  if (!ev.flags || !ev.flags.length) return null;
  const named = (text) => sources.reduce((t, s) => t.replace(s.article_id, outletOf(s)), text);
  return h("div", { class: "flags", role: "note" }, h("strong", {}, "⚑ For review: "),
    ev.flags.map((f) => h("p", {}, named(f))));
}

// ``edit``: {meta, onSaved, onRefused} when the edit mode is on (editing.js).
export async function eventView(id, edit = null) {
  const body = await api(`events/${encodeURIComponent(id)}`);
  const ev = body.event;
  const view = h("div", { class: "detail", "data-event-id": ev.event_id });
  // The generated notes repeat the fields below: kept as the heading's hover text.
  const title = h("h2", { title: ev.notes }, dot(ev.event_type), `${ev.sub_event_type} — ${place(ev)}`);
  const fields = fieldRows(ev, body);
  // Hovering a field row brings that field's marks forward in every source below.
  for (const row of fields.querySelectorAll(".row[data-group]")) {
    row.addEventListener("mouseenter", () => view.setAttribute("data-focus", row.dataset.group));
    row.addEventListener("mouseleave", () => view.removeAttribute("data-focus"));
  }
  // dom.append, not the DOM's own: it leaves out the parts that are null.
  append(view, [
    h("p", {}, link("#/events", "‹ Events"), h("span", { class: "id" }, ev.event_id)),
    title,
    body.status === "rejected" ? h("p", { class: "rejected-note" }, "Rejected by a person: "
      + "left out of the default answers and the exports.") : null,
    flagsBox(ev, body.sources),
    edit ? editForm(body, edit.meta, edit.onSaved, edit.onRefused) : fields,
    h("h3", {}, `Sources (${body.sources.length})`),
    h("p", { class: "hint" }, "Marked words are the evidence for the fields; hover or tap one to see which."),
    legend(view),
  ]);
  const blocks = await Promise.all(body.sources.map(sourceBlock));
  view.append(...blocks);
  return { view, event: ev };
}

// -- one article --------------------------------------------------------------------------

function extrasList(article) {
  const out = [];
  if (article.claims.length) {
    out.push(h("h3", {}, "Claims"), h("ul", { class: "extras claims" }, article.claims.map((c) =>
      h("li", {}, `${c.qualifier !== "exact" ? `${c.qualifier} ` : ""}${c.value} ${c.counted}`,
        c.period ? ` (${c.period})` : "", c.claimant ? ` — ${c.claimant}` : ""))));
  }
  if (article.quotes.length) {
    out.push(h("h3", {}, "Quotes"), h("ul", { class: "extras quotes" }, article.quotes.map((q) =>
      h("li", {}, h("q", {}, q.text), q.speaker ? ` — ${q.speaker}${q.role ? `, ${q.role}` : ""}` : ""))));
  }
  if (article.relations.length) {
    out.push(h("h3", {}, "Relations"), h("ul", { class: "extras relations" }, article.relations.map((r) =>
      h("li", {}, `${r.source} — ${r.relation.replace(/_/g, " ")} — ${r.target}`))));
  }
  return out;
}

export async function articleView(id) {
  const { article } = await api(`articles/${encodeURIComponent(id)}`);
  const view = h("div", { class: "detail article", "data-article-id": article.id });
  const url = safeUrl(article.url);
  const textBox = h("div", {});
  const events = article.events;
  const show = (i) => textBox.replaceChildren(highlighted(article.text, events[i] ? events[i].evidence : {}));
  const picker = h(
    "fieldset",
    { class: "picker" },
    h("legend", {}, "Evidence of"),
    events.map((e, i) =>
      h("label", {}, h("input", { type: "radio", name: "ev", checked: i === 0, onchange: () => show(i) }),
        ` event ${e.event_index + 1} `, link(eventHash(e.event_id), e.event_id)),
    ),
  );
  show(0);
  view.append(
    h("p", {}, link("#/events", "‹ Events")),
    h("h2", {}, article.title || outletOf(article)),
    h("p", { class: "meta" }, article.published ? `Published ${article.published} · ` : "",
      url ? [h("a", { href: url, rel: "noopener noreferrer", target: "_blank" }, "original"), " · "] : "",
      h("span", { class: "outlet" }, outletOf(article)), " · ",
      `coded by eventwire ${article.extractor_version}`),
    events.length ? picker : h("p", { class: "hint" }, "No events were coded from this article."),
    legend(view),
    textBox,
    // Spread: DOM's own append writes an array as "[object HTMLHeadingElement],...".
    ...extrasList(article),
  );
  return view;
}
