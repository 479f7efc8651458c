// The source text with its evidence spans as <mark> elements, one per run of characters
// covered by the same fields: data-field (the field that names the colour), data-fields
// (all of them) and a title, so hovering says which fields the words support. A title
// needs a mouse: a tap (or the keyboard's focus) on a mark shows the same words in a
// label beside it, so a touch screen reads them too.

import { fieldGroup, fieldLabel, fieldRank, FIELD_GROUPS } from "./colors.js";
import { h } from "./dom.js";

// eventwire counts characters as Python does (code points); JavaScript strings count
// UTF-16 units, which differ after any character outside the BMP (an emoji, say).
function unitOffsets(text) {
  if (!/[\uD800-\uDFFF]/.test(text)) return null;
  const map = [0];
  let units = 0;
  for (const ch of text) {
    units += ch.length;
    map.push(units);
  }
  return map;
}

// [{start, end, fields}] covering the whole text, in order; ``fields`` is empty where
// no evidence lies. Spans outside the text are dropped, not trusted.
export function segments(text, evidence) {
  const map = unitOffsets(text);
  const limit = map ? map.length - 1 : text.length;
  const spans = [];
  for (const [field, list] of Object.entries(evidence || {})) {
    for (const s of list || []) {
      if (!Number.isInteger(s.start) || !Number.isInteger(s.end)) continue;
      if (s.start < 0 || s.end > limit || s.start >= s.end) continue;
      const start = map ? map[s.start] : s.start;
      const end = map ? map[s.end] : s.end;
      spans.push({ field, start, end });
    }
  }
  const cuts = [...new Set([0, text.length, ...spans.flatMap((s) => [s.start, s.end])])];
  cuts.sort((a, b) => a - b);
  const out = [];
  for (let i = 0; i + 1 < cuts.length; i++) {
    const [a, b] = [cuts[i], cuts[i + 1]];
    const fields = [...new Set(spans.filter((s) => s.start <= a && s.end >= b).map((s) => s.field))];
    fields.sort((x, y) => fieldRank(x) - fieldRank(y) || x.localeCompare(y));
    const last = out[out.length - 1];
    if (last && last.fields.join() === fields.join()) last.end = b;
    else out.push({ start: a, end: b, fields });
  }
  return out;
}

export function highlighted(text, evidence) {
  const box = h("div", { class: "article-text" });
  for (const seg of segments(text, evidence)) {
    const piece = text.slice(seg.start, seg.end);
    if (!seg.fields.length) {
      box.append(document.createTextNode(piece));
      continue;
    }
    const main = seg.fields[0];
    const groups = [...new Set(seg.fields.map((f) => `g-${fieldGroup(f).key}`))];
    const said = `Evidence for ${seg.fields.map(fieldLabel).join(", ")}`;
    box.append(
      h(
        "mark",
        {
          class: `ev f-${fieldGroup(main).key} ${groups.join(" ")}`,
          "data-field": main,
          "data-fields": seg.fields.join(" "),
          title: said,
          "aria-label": `${piece}: ${said.toLowerCase()}`,
          tabindex: 0,
          onclick: (e) => showTip(e.currentTarget, said),
          onfocus: (e) => showTip(e.currentTarget, said),
          onblur: hideTip,
        },
        piece,
      ),
    );
  }
  return box;
}

// One label for the whole page, placed under the mark tapped or focused.
let tip = null;

function showTip(mark, text) {
  if (!tip) {
    tip = h("div", { id: "mark-tip", role: "status" });
    document.body.append(tip);
    document.addEventListener("pointerdown", (e) => {
      if (!(e.target instanceof Element) || !e.target.closest("mark.ev")) hideTip();
    });
  }
  tip.textContent = text;
  tip.hidden = false;
  const r = mark.getBoundingClientRect();
  const left = Math.max(4, Math.min(window.innerWidth - tip.offsetWidth - 4, r.left + window.scrollX));
  tip.style.left = `${left}px`;
  tip.style.top = `${r.bottom + window.scrollY + 4}px`;
}

function hideTip() {
  if (tip) tip.hidden = true;
}

// The colour key; hovering a group (here or a field row) brings its marks forward.
export function legend(container) {
  return h(
    "ul",
    { class: "field-legend", "aria-label": "Evidence colours" },
    FIELD_GROUPS.map((g) =>
      h(
        "li",
        {
          class: `f-${g.key}`,
          onmouseenter: () => container.setAttribute("data-focus", g.key),
          onmouseleave: () => container.removeAttribute("data-focus"),
        },
        g.label,
      ),
    ),
  );
}
