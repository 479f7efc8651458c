// The timeline: events per day as a histogram (hand-written SVG), the dead per day as a
// line over it (its own scale, on the right), and a brush: drag across it to choose a
// period, which then filters the map and the table. A click without a drag clears the
// period. Pointer events, so it works with a mouse or a finger.

import { svg } from "./dom.js";

const DAY = 86400000;
const M = { left: 34, right: 56, top: 8, bottom: 20 };

export const toDay = (iso) => Math.floor(Date.parse(`${iso}T00:00:00Z`) / DAY);
export const toIso = (day) => new Date(day * DAY).toISOString().slice(0, 10);

export class Timeline {
  constructor(element, onBrush) {
    this.el = element;
    this.onBrush = onBrush;
    this.days = [];
    this.range = null; // [firstDay, lastDay], inclusive
    this.drag = null;
    element.addEventListener("pointerdown", (e) => this.down(e));
    element.addEventListener("pointermove", (e) => this.move(e));
    element.addEventListener("pointerup", (e) => this.up(e));
    element.addEventListener("pointercancel", () => {
      this.drag = null;
      this.draw();
    });
    new ResizeObserver(() => this.draw()).observe(element);
  }

  // ``byDay``: [{event_date, events, fatalities}] from /api/stats.
  setData(byDay) {
    this.days = byDay
      .filter((d) => d.event_date)
      .map((d) => ({ day: toDay(d.event_date), n: d.events, k: d.fatalities || 0 }));
    this.draw();
  }

  setRange(since, until) {
    this.range = since && until ? [toDay(since), toDay(until)] : null;
    this.draw();
  }

  scale() {
    const width = this.el.clientWidth || 600;
    const height = this.el.clientHeight || 90;
    let first = Math.min(...this.days.map((d) => d.day));
    let last = Math.max(...this.days.map((d) => d.day));
    if (this.range) {
      first = Math.min(first, this.range[0]);
      last = Math.max(last, this.range[1]);
    }
    const span = Math.max(1, last - first + 1);
    const inner = width - M.left - M.right;
    const x = (day) => M.left + ((day - first) / span) * inner;
    const dayAt = (px) => first + Math.floor(((px - M.left) / inner) * span);
    return { width, height, first, last, span, inner, x, dayAt };
  }

  draw() {
    const el = this.el;
    el.replaceChildren();
    if (!this.days.length) {
      const t = svg("text", { x: 12, y: 30, class: "empty" });
      t.textContent = "No dated events";
      el.append(t);
      return;
    }
    const s = this.scale();
    el.setAttribute("viewBox", `0 0 ${s.width} ${s.height}`);
    // Bins of whole days, at least 3 pixels wide, so years of data stay readable.
    const perBin = Math.max(1, Math.ceil(s.span / Math.max(1, Math.floor(s.inner / 3))));
    const bins = new Map();
    const killed = new Map();
    for (const d of this.days) {
      const b = s.first + Math.floor((d.day - s.first) / perBin) * perBin;
      bins.set(b, (bins.get(b) || 0) + d.n);
      killed.set(b, (killed.get(b) || 0) + d.k);
    }
    const top = Math.max(...bins.values());
    const base = s.height - M.bottom;
    const y = (n) => base - (n / top) * (base - M.top);
    for (const [b, n] of bins) {
      const inRange = !this.range || (b + perBin - 1 >= this.range[0] && b <= this.range[1]);
      const x0 = s.x(b);
      const w = Math.max(1, s.x(b + perBin) - x0 - 1);
      const bar = svg("rect", {
        x: x0, y: y(n), width: w, height: base - y(n),
        class: inRange ? "bar" : "bar out",
        "data-day": toIso(b),
        "data-count": n,
        "data-killed": killed.get(b),
      });
      const tip = svg("title");
      tip.textContent = `${toIso(b)}${perBin > 1 ? ` (+${perBin - 1} days)` : ""}: ${n} events, `
        + `${killed.get(b)} killed`;
      bar.append(tip);
      el.append(bar);
    }
    el.append(svg("line", { x1: M.left, x2: s.width - M.right, y1: base, y2: base, class: "axis" }));
    this.deaths(s, killed, perBin, base);
    this.labels(s, top, base);
    const sel = this.drag ? [this.drag.a, this.drag.b].sort((a, b) => a - b) : null;
    const r = sel || (this.range && [s.x(this.range[0]), s.x(this.range[1] + 1)]);
    if (r) {
      el.append(svg("rect", { x: r[0], y: M.top - 4, width: Math.max(1, r[1] - r[0]), height: base - M.top + 4, class: "brush" }));
    }
  }

  // The dead per bin: a line with a point per bin, scaled to the most in one bin (named
  // on the right), so a day of few events but many dead stands out.
  deaths(s, killed, perBin, base) {
    const most = Math.max(0, ...killed.values());
    if (!most) return;
    const y = (k) => base - (k / most) * (base - M.top);
    const mid = (b) => (s.x(b) + s.x(b + perBin)) / 2;
    const order = [...killed.keys()].sort((a, b) => a - b);
    const points = order.map((b) => `${mid(b).toFixed(1)},${y(killed.get(b)).toFixed(1)}`);
    this.el.append(svg("polyline", { points: points.join(" "), class: "killed-line" }));
    for (const b of order) {
      const dot = svg("circle", { cx: mid(b), cy: y(killed.get(b)), r: 2.5, class: "killed",
        "data-day": toIso(b), "data-killed": killed.get(b) });
      const tip = svg("title");
      tip.textContent = `${toIso(b)}: ${killed.get(b)} killed`;
      dot.append(tip);
      this.el.append(dot);
    }
    const t = svg("text", { x: s.width - M.right + 4, y: M.top + 8, class: "tick killed-scale" });
    t.textContent = `${most} killed`;
    this.el.append(t);
  }

  labels(s, top, base) {
    const ticks = Math.max(2, Math.min(6, Math.floor(s.inner / 110)));
    for (let i = 0; i <= ticks; i++) {
      const day = s.first + Math.round((i / ticks) * (s.span - 1));
      const t = svg("text", { x: s.x(day), y: base + 14, class: "tick", "text-anchor": i === 0 ? "start" : i === ticks ? "end" : "middle" });
      t.textContent = toIso(day);
      this.el.append(t);
    }
    const t = svg("text", { x: M.left - 4, y: M.top + 8, class: "tick", "text-anchor": "end" });
    t.textContent = String(top);
    this.el.append(t);
  }

  local(e) {
    const box = this.el.getBoundingClientRect();
    const s = this.scale();
    return ((e.clientX - box.left) / box.width) * s.width;
  }

  down(e) {
    if (!this.days.length || e.button > 0) return;
    this.el.setPointerCapture(e.pointerId);
    const x = this.local(e);
    this.drag = { a: x, b: x };
    this.draw();
  }

  move(e) {
    if (!this.drag) return;
    this.drag.b = this.local(e);
    this.draw();
  }

  up(e) {
    if (!this.drag) return;
    const { a, b } = this.drag;
    this.drag = null;
    if (Math.abs(b - a) < 4) {
      this.range = null;
      this.draw();
      this.onBrush(null, null);
      return;
    }
    const s = this.scale();
    const lo = Math.max(s.first, s.dayAt(Math.min(a, b)));
    const hi = Math.min(s.last, s.dayAt(Math.max(a, b)));
    this.range = [lo, Math.max(lo, hi)];
    this.draw();
    this.onBrush(toIso(this.range[0]), toIso(this.range[1]));
  }
}
