// The edit mode: a person corrects an event's fields, or accepts or rejects it, with the
// evidence for each field beside its box, and says why. The token is asked once and kept
// for the tab (sessionStorage); each save is PATCH /api/events/{id}, one new version in
// the event's history, and the answer redraws the panel.

import { apiSend } from "./api.js";
import { fieldGroup } from "./colors.js";
import { h } from "./dom.js";

const TOKEN = "eventwire.token";
const WHO = "eventwire.who";

export const editor = {
  get token() {
    return sessionStorage.getItem(TOKEN) || "";
  },
  get who() {
    return sessionStorage.getItem(WHO) || "";
  },
  start(token, who) {
    sessionStorage.setItem(TOKEN, token);
    if (who) sessionStorage.setItem(WHO, who);
    else sessionStorage.removeItem(WHO);
  },
  stop() {
    sessionStorage.removeItem(TOKEN);
  },
  get on() {
    return Boolean(this.token);
  },
};

// The fields offered, in the panel's order: name, label, how it is entered.
const FIELDS = [
  ["event_date", "Date", "date"],
  ["sub_event_type", "Sub-event type", "subtype"],
  ["actor1", "Actor 1", "text"],
  ["assoc_actor_1", "With actor 1", "text"],
  ["actor2", "Actor 2", "text"],
  ["assoc_actor_2", "With actor 2", "text"],
  ["location", "Location", "text"],
  ["admin1", "Region", "text"],
  ["country", "Country", "text"],
  ["latitude", "Latitude", "number"],
  ["longitude", "Longitude", "number"],
  ["fatalities", "Fatalities", "int"],
  ["injuries", "Injuries", "int"],
  ["notes", "Notes", "textarea"],
];

// Evidence that also speaks for a field: the words that gave the type gave the sub-type.
const ALSO = { sub_event_type: ["event_type"] };

// The words of every source that support a field, each once, with its outlet.
function evidenceFor(field, sources) {
  const related = new Set([field, ...(ALSO[field] || [])]);
  const out = [];
  const seen = new Set();
  for (const src of sources) {
    for (const [name, spans] of Object.entries(src.evidence || {})) {
      if (!related.has(name)) continue;
      for (const s of spans) {
        const key = `${src.article_id}:${s.text.toLowerCase()}`;
        if (seen.has(key)) continue;
        seen.add(key);
        out.push(h("q", { title: src.outlet || src.source }, s.text));
      }
    }
  }
  return out.length
    ? h("div", { class: "evidence-beside" }, out)
    : h("div", { class: "evidence-beside none" }, "no words in the sources");
}

function input(name, kind, value, taxonomy) {
  const shown = value === null || value === undefined ? "" : String(value).trim();
  if (kind === "subtype") {
    return h(
      "select",
      { name, "data-was": shown },
      Object.entries(taxonomy).map(([type, subs]) =>
        h("optgroup", { label: type }, subs.map((sub) => h("option", { value: sub, selected: sub === shown }, sub))),
      ),
    );
  }
  if (kind === "textarea") return h("textarea", { name, rows: 3, "data-was": shown }, shown);
  const type = kind === "date" ? "date" : "text";
  return h("input", { name, type, value: shown, "data-was": shown, inputmode: kind === "int" ? "numeric" : null });
}

// A box's value as JSON: numbers as numbers where they read as such (anything else is
// sent as written, and the server names what is wrong with it), empty as null.
function value(el, kind) {
  const text = el.value.trim();
  if (text === "") return null;
  if (kind === "int" && /^-?\d+$/.test(text)) return Number(text);
  if (kind === "number" && Number.isFinite(Number(text))) return Number(text);
  return text;
}

export function editForm(body, meta, onSaved, onRefused) {
  const ev = body.event;
  const rows = FIELDS.map(([name, label, kind]) =>
    h(
      "div",
      { class: `edit-row f-${fieldGroup(name).key}`, "data-field": name },
      h("label", {}, h("span", { class: "label" }, label), input(name, kind, ev[name], meta.taxonomy)),
      evidenceFor(name, body.sources),
    ),
  );
  const message = h("p", { class: "edit-message", role: "status", "aria-live": "polite" });
  const why = h("input", { name: "why", type: "text", required: true, placeholder: "Why (kept in the history)" });
  const rejected = body.review === "rejected";
  const form = h(
    "form",
    { class: "edit-form", "data-event-id": ev.event_id, autocomplete: "off" },
    h("p", { class: "hint" }, `Editing as ${editor.who || "api"}. Change a box, say why, save; `
      + "or accept or reject the event. The sources' words for each field are beside it."),
    rows,
    why,
    h(
      "div",
      { class: "edit-buttons" },
      h("button", { type: "submit", value: "save" }, "Save corrections"),
      h("button", { type: "submit", value: "accepted", disabled: body.review === "accepted" }, "Accept"),
      h("button", { type: "submit", value: "rejected", class: "reject", disabled: rejected }, "Reject"),
    ),
    message,
  );
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    const action = e.submitter ? e.submitter.value : "save";
    const payload = { why: why.value.trim(), who: editor.who || undefined };
    if (action === "save") {
      const fields = {};
      for (const [name, , kind] of FIELDS) {
        const el = form.elements[name];
        if (el.value.trim() !== el.dataset.was) fields[name] = value(el, kind);
      }
      if (!Object.keys(fields).length) {
        message.textContent = "Nothing changed: edit a box first.";
        return;
      }
      payload.fields = fields;
    } else {
      payload.status = action;
    }
    message.textContent = "Saving…";
    try {
      const answer = await apiSend(`events/${encodeURIComponent(ev.event_id)}`, "PATCH", payload, editor.token);
      onSaved(answer);
    } catch (err) {
      message.textContent = err.message;
      message.classList.add("error");
      if (err.status === 401 || err.status === 403) onRefused(err.message);
    }
  });
  return form;
}
