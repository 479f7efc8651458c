// The page's state in its address: filters, dates, sort, the in-view switch and the map's
// view as a query (?event_type=Protests&since=2024-03-05&view=6/2.05/45.32), the chosen
// event or article as the hash (#/event/SOM1). A reload keeps them; a copied address
// opens the same view for someone else.

export const URL_KEYS = [
  "text", "event_type", "sub_event_type", "country", "actor", "status",
  "since", "until", "sort", "in_view", "view",
];

export function readUrl() {
  const query = new URLSearchParams(location.search);
  const out = {};
  for (const key of URL_KEYS) {
    const value = query.get(key);
    if (value) out[key] = value;
  }
  return out;
}

// Replaces the address (no new history entry: filtering is not navigation).
export function writeUrl(values) {
  const query = new URLSearchParams();
  for (const key of URL_KEYS) if (values[key]) query.set(key, values[key]);
  const qs = query.toString();
  const next = `${location.pathname}${qs ? `?${qs}` : ""}${location.hash}`;
  if (next !== `${location.pathname}${location.search}${location.hash}`) {
    history.replaceState(history.state, "", next);
  }
}

// "zoom/lat/lon" <-> {zoom, lat, lon}; null for anything else.
export function parseView(text) {
  const parts = String(text || "").split("/").map(Number);
  if (parts.length !== 3 || parts.some((n) => !Number.isFinite(n))) return null;
  const [zoom, lat, lon] = parts;
  if (Math.abs(lat) > 90 || Math.abs(lon) > 540 || zoom < 0 || zoom > 20) return null;
  return { zoom, lat, lon };
}

export function formatView(zoom, center) {
  return `${Math.round(zoom * 2) / 2}/${center.lat.toFixed(4)}/${center.lng.toFixed(4)}`;
}
