// The offline basemap's names: countries, first-level divisions and towns, from the
// gazetteer behind /api/basemap, asked again at each view and zoom. A name that would
// overlap one drawn before it (the server sends them most important first) is left out,
// so the map stays readable at every zoom.

import L from "./leaflet-global.js";
import { api } from "./api.js";
import { h } from "./dom.js";

// Rough widths of a character, in pixels, by the kind's font size (style.css .map-label).
const CHAR_PX = { country: 7.4, admin1: 6.4, town: 6.2 };
const LINE_PX = { country: 15, admin1: 13, town: 13 };

// Which name wins where two would overlap: countries, then cities of 100,000 people or
// more, then divisions, then the other towns (the server sends each kind by rank, and
// the sort keeps that order within a kind).
function priority(label) {
  if (label.kind === "country") return 0;
  if (label.kind === "town" && label.rank >= 100000) return 1;
  return label.kind === "admin1" ? 2 : 3;
}

export class MapLabels {
  constructor(map) {
    this.map = map;
    // Above the borders (350), under the events (400) and the clusters (600).
    map.createPane("labels").style.zIndex = 375;
    this.layer = L.layerGroup().addTo(map);
    this.asked = 0;
    this.timer = null;
    map.on("moveend", () => this.refresh());
  }

  refresh() {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.load(), 120);
  }

  async load() {
    const mine = ++this.asked;
    const zoom = Math.round(this.map.getZoom());
    const b = this.map.getBounds();
    const clamp = (v, lo, hi) => Math.min(hi, Math.max(lo, v));
    const west = clamp(b.getWest(), -180, 180);
    const bbox = [west, clamp(b.getSouth(), -90, 90), Math.max(west, clamp(b.getEast(), -180, 180)),
      clamp(b.getNorth(), -90, 90)].map((v) => v.toFixed(3)).join(",");
    let body;
    try {
      body = await api("basemap", { bbox, zoom });
    } catch {
      return; // the names are a help, not the map: the borders and events stay
    }
    if (mine !== this.asked) return;
    this.draw(body.labels);
    document.body.dataset.labelsZoom = String(zoom);
  }

  draw(labels) {
    this.layer.clearLayers();
    const taken = [];
    const size = this.map.getSize();
    for (const label of [...labels].sort((a, b) => priority(a) - priority(b))) {
      const at = this.map.latLngToContainerPoint([label.lat, label.lon]);
      const w = label.name.length * CHAR_PX[label.kind] + (label.kind === "town" ? 10 : 4);
      const hgt = LINE_PX[label.kind];
      const box = label.kind === "town"
        ? { x0: at.x - 3, x1: at.x + w, y0: at.y - hgt / 2, y1: at.y + hgt / 2 }
        : { x0: at.x - w / 2, x1: at.x + w / 2, y0: at.y - hgt / 2, y1: at.y + hgt / 2 };
      if (box.x1 < 0 || box.y1 < 0 || box.x0 > size.x || box.y0 > size.y) continue;
      if (taken.some((t) => t.x0 < box.x1 && box.x0 < t.x1 && t.y0 < box.y1 && box.y0 < t.y1)) continue;
      taken.push(box);
      const el = h(
        "div",
        { class: `map-label k-${label.kind}`, "data-name": label.name, "data-kind": label.kind },
        label.kind === "town" ? h("span", { class: "town-dot" }) : null,
        h("span", { class: "name" }, label.name),
      );
      L.marker([label.lat, label.lon], {
        icon: L.divIcon({ html: el, className: "map-label-icon", iconSize: null }),
        interactive: false,
        keyboard: false,
        pane: "labels",
      }).addTo(this.layer);
    }
  }
}
