// The map: country borders drawn from Natural Earth (shipped with the page, no tile
// server) and named from the gazetteer (labels.js), an optional online tile layer under
// them, and the events as circles coloured by event type and sized by fatalities,
// clustered where dense; the chosen event is drawn above its cluster.

import L from "./leaflet-global.js";
import "leaflet.markercluster";
import { feature } from "topojson-client";
import { typeColor, TYPE_COLORS } from "./colors.js";
import { h } from "./dom.js";
import { MapLabels } from "./labels.js";
import { formatView } from "./urlstate.js";
import { place } from "./views.js";

export function radius(fatalities) {
  // Area grows with the toll; 1 killed is visibly larger than none, 100 is not huge.
  return Math.min(26, 5 + 2.2 * Math.sqrt(Math.max(0, fatalities || 0)));
}

export class EventMap {
  constructor(element, { basemap, onOpen, onMove, onType }) {
    this.onOpen = onOpen;
    this.map = L.map(element, { worldCopyJump: true, minZoom: 1, maxZoom: 14, zoomSnap: 0.5 });
    this.map.attributionControl.setPrefix(false);
    this.map.setView([20, 20], 2);
    if (basemap && basemap.tile_url) {
      // Leaflet writes the attribution as HTML (so it may hold a link): it comes from the
      // operator's --tile-attribution, never from articles.
      L.tileLayer(basemap.tile_url, { attribution: basemap.attribution || "" }).addTo(this.map);
      element.classList.add("with-tiles");
    }
    // Borders in a pane of their own under the events, whenever they finish loading.
    this.map.createPane("borders").style.zIndex = 350;
    this.borders = L.layerGroup().addTo(this.map);
    this.clusters = L.markerClusterGroup({
      maxClusterRadius: 36,
      disableClusteringAtZoom: 10,
      showCoverageOnHover: false,
      spiderfyOnMaxZoom: true,
      iconCreateFunction: clusterIcon,
    }).addTo(this.map);
    // The chosen event in a pane of its own above the clusters' (markers are at 600), so
    // that it shows even where its cluster would cover it.
    this.map.createPane("selected").style.zIndex = 650;
    this.selectedRenderer = L.svg({ pane: "selected" });
    this.selected = L.layerGroup().addTo(this.map);
    this.map.on("moveend", () => onMove && onMove());
    this.legend(onType);
    // Names of countries, divisions and towns, unless online tiles already carry them.
    this.labels = basemap && basemap.tile_url ? null : new MapLabels(this.map);
    if (this.labels) this.labels.refresh();
  }

  // The view as the address keeps it ("zoom/lat/lon"), and back.
  view() {
    return formatView(this.map.getZoom(), this.map.getCenter());
  }

  setView({ zoom, lat, lon }) {
    this.map.setView([lat, lon], zoom, { animate: false });
  }

  async loadBorders() {
    const res = await fetch("static/countries-50m.json");
    const topo = await res.json();
    L.geoJSON(feature(topo, topo.objects.countries), {
      interactive: false,
      pane: "borders",
      renderer: L.svg({ pane: "borders" }),
      style: { className: "country", weight: 0.7 },
    }).addTo(this.borders);
  }

  legend(onType) {
    const control = L.control({ position: "bottomleft" });
    control.onAdd = () => {
      // A <details>: open on a laptop, folded on a phone, where it would hide the map.
      const box = h(
        "details",
        { class: "map-legend", open: window.innerWidth > 760 },
        h("summary", {}, "Event types"),
        Object.entries(TYPE_COLORS).map(([type, color]) =>
          h(
            "button",
            { type: "button", "data-type": type, title: `Show only ${type}`, onclick: () => onType(type) },
            h("span", { class: "dot", "data-color": color }),
            type,
          ),
        ),
      );
      for (const dot of box.querySelectorAll(".dot")) dot.style.background = dot.dataset.color;
      L.DomEvent.disableClickPropagation(box);
      return box;
    };
    control.addTo(this.map);
  }

  // Replace the points; ``fit`` moves the view to them.
  show(events, fit) {
    this.clusters.clearLayers();
    const markers = [];
    for (const ev of events) {
      if (ev.latitude == null || ev.longitude == null) continue;
      const marker = L.circleMarker([ev.latitude, ev.longitude], {
        radius: radius(ev.fatalities),
        fillColor: typeColor(ev.event_type),
        fillOpacity: 0.85,
        color: "#ffffff",
        weight: 1.2,
        className: "ev-marker",
      });
      marker.event = ev;
      marker.bindTooltip(tooltip(ev), { direction: "top", offset: [0, -4] });
      marker.on("click", () => this.onOpen(ev.event_id));
      // For tests and for assistive tools: which event a circle is.
      marker.on("add", () => {
        const el = marker.getElement();
        if (el) {
          el.setAttribute("data-event-id", ev.event_id);
          el.setAttribute("data-event-type", ev.event_type);
        }
      });
      markers.push(marker);
    }
    this.clusters.addLayers(markers);
    if (fit && markers.length) {
      const bounds = L.latLngBounds(markers.map((m) => m.getLatLng()));
      this.map.fitBounds(bounds.pad(0.25), { maxZoom: 6, animate: false });
    }
    return markers.length;
  }

  select(ev) {
    this.selected.clearLayers();
    if (!ev || ev.latitude == null || ev.longitude == null) return;
    const at = [ev.latitude, ev.longitude];
    const drawn = { pane: "selected", renderer: this.selectedRenderer, interactive: false };
    // The dot takes the pointer (it lies on top of its cluster, which a click would
    // otherwise open); the ring around it does not.
    L.circleMarker(at, {
      ...drawn,
      interactive: true,
      bubblingMouseEvents: false,
      radius: radius(ev.fatalities),
      fillColor: typeColor(ev.event_type),
      fillOpacity: 1,
      color: "#ffffff",
      weight: 1.5,
      className: "ev-selected-dot",
    }).addTo(this.selected);
    L.circleMarker(at, { ...drawn, radius: radius(ev.fatalities) + 6, className: "ev-selected",
      fill: false, weight: 3 }).addTo(this.selected);
    const dot = this.selected.getLayers()[0].getElement();
    if (dot) dot.setAttribute("data-event-id", ev.event_id);
    if (!this.map.getBounds().contains([ev.latitude, ev.longitude])) {
      this.map.panTo([ev.latitude, ev.longitude], { animate: false });
    }
  }

  // The view as west,south,east,north, clamped to what the API accepts.
  bbox() {
    const b = this.map.getBounds();
    const clamp = (v, lo, hi) => Math.min(hi, Math.max(lo, v));
    const west = clamp(b.getWest(), -180, 180);
    const east = clamp(b.getEast(), -180, 180);
    return [west, clamp(b.getSouth(), -90, 90), Math.max(west, east), clamp(b.getNorth(), -90, 90)]
      .map((v) => v.toFixed(4))
      .join(",");
  }

  invalidate() {
    this.map.invalidateSize();
  }
}

function tooltip(ev) {
  return h(
    "div",
    { class: "ev-tip" },
    h("strong", {}, ev.sub_event_type || ev.event_type),
    h("br"),
    place(ev),
    h("br"),
    `${ev.event_date || "date unknown"} · ${ev.fatalities} killed`,
  );
}

function clusterIcon(cluster) {
  const children = cluster.getAllChildMarkers();
  const killed = children.reduce((n, m) => n + (m.event.fatalities || 0), 0);
  const counts = {};
  for (const m of children) counts[m.event.event_type] = (counts[m.event.event_type] || 0) + 1;
  const main = Object.entries(counts).sort((a, b) => b[1] - a[1])[0][0];
  const size = Math.round(Math.min(54, 26 + 6 * Math.log10(children.length)));
  const el = h(
    "div",
    { title: `${children.length} events, ${killed} killed`, "data-count": children.length },
    String(children.length),
  );
  el.style.borderColor = typeColor(main);
  return L.divIcon({ html: el, className: "ev-cluster", iconSize: L.point(size, size) });
}
