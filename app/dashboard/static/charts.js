// Small SVG charts drawn by the dashboard itself: no library, no inline style (colours are
// CSS classes), each chart an image with a title and a text description. A chart is drawn at
// the width it is shown at (one SVG unit is one CSS pixel), so its labels keep their CSS size
// on a phone, and is drawn again when that width changes.

const SVG = "http://www.w3.org/2000/svg";
const WIDEST = 832; // figure.chart > svg's max-width (52rem)
const NARROW = 520; // below this a bar list puts each label above its bar
const LABEL_PX = 12; // text.tick and .axis text in dashboard.css
let serial = 0;

function svgNode(name, attributes = {}, text = null) {
  const node = document.createElementNS(SVG, name);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, String(value));
  if (text !== null) node.textContent = text;
  return node;
}

// A label's width as the page's font draws it at the labels' size (measured, not guessed).
const ruler = document.createElement("canvas").getContext("2d");
function textWidth(text) {
  ruler.font = `${LABEL_PX}px ${getComputedStyle(document.body).fontFamily}`;
  return Math.ceil(ruler.measureText(String(text)).width) + 2;
}

/** A value axis: a round step (1, 2 or 5 x 10^n, never under 1, so labels rounded to whole
 * numbers never repeat) and the ticks from 0 past the largest value. */
export function valueAxis(value) {
  const largest = value > 0 ? value : 1;
  const raw = largest / 4;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = Math.max(1, [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw));
  const ticks = [];
  for (let t = 0; t < largest + step; t += step) ticks.push(t);
  return { max: ticks[ticks.length - 1], ticks };
}

function legend(entries) {
  const list = document.createElement("ul");
  list.className = "legend";
  for (const entry of entries) {
    const item = document.createElement("li");
    const swatch = svgNode("svg", { viewBox: "0 0 24 14", "aria-hidden": "true", focusable: "false" });
    if (entry.kind === "line") {
      swatch.append(svgNode("line", { x1: 1, y1: 7, x2: 23, y2: 7, class: `line ${entry.cls}` }));
    } else if (entry.kind === "mark") {
      swatch.append(svgNode("line", { x1: 1, y1: 7, x2: 23, y2: 7, class: "mark" }));
    } else {
      swatch.append(svgNode("rect", { x: 2, y: 1, width: 20, height: 12, class: `swatch ${entry.cls}` }));
    }
    item.append(swatch, document.createTextNode(entry.name));
    list.append(item);
  }
  return list;
}

function frame(title, summary, width, height) {
  serial += 1;
  const titleId = `chart-title-${serial}`;
  const descId = `chart-desc-${serial}`;
  const svg = svgNode("svg", {
    viewBox: `0 0 ${width} ${height}`,
    width,
    height,
    role: "img",
    "aria-labelledby": `${titleId} ${descId}`,
    focusable: "false",
  });
  svg.append(svgNode("title", { id: titleId }, title), svgNode("desc", { id: descId }, summary));
  return svg;
}

function figure(svg, legendEntries, summary) {
  const wrapper = document.createElement("figure");
  wrapper.className = "chart";
  wrapper.append(svg);
  if (legendEntries.length) wrapper.append(legend(legendEntries));
  const caption = document.createElement("figcaption");
  caption.textContent = summary;
  wrapper.append(caption);
  return wrapper;
}

/** A chart drawn by `draw(width)` at the width of its place on the page (`width` at first,
 * the place's own width once shown), and drawn again whenever that width changes. */
export function fitted(draw, width) {
  const slot = document.createElement("div");
  slot.className = "chart-slot";
  let drawn = Math.min(WIDEST, Math.max(240, Math.floor(width)));
  slot.append(draw(drawn));
  new ResizeObserver(([entry]) => {
    const now = Math.min(WIDEST, Math.max(240, Math.floor(entry.contentRect.width)));
    if (entry.contentRect.width > 0 && now !== drawn) {
      drawn = now;
      slot.replaceChildren(draw(drawn));
    }
  }).observe(slot);
  return slot;
}

const finite = (v) => v !== null && v !== undefined && Number.isFinite(v);

/** Columns per category (grouped bars) with lines over them, on one value axis.
 * series: [{name, values, kind: "bar" | "line"}]; values may hold null (no figure). A series
 * with no figure at all is neither drawn nor listed in the legend. */
export function columnChart({ title, summary, categories, series, format = String, width = 720 }) {
  const height = width < NARROW ? 260 : 320;
  const shown = series.filter((s) => s.values.some(finite));
  const values = shown.flatMap((s) => s.values).filter(finite);
  const { max, ticks } = valueAxis(Math.max(0, ...values));
  const left = 10 + Math.max(...ticks.map((t) => textWidth(format(t))));
  const right = 12;
  const top = 15;
  const bottom = 40;
  const svg = frame(title, summary, width, height);
  const plotW = width - left - right;
  const plotH = height - top - bottom;
  const y = (v) => top + plotH - (v / max) * plotH;
  const band = plotW / Math.max(1, categories.length);

  const grid = svgNode("g", { class: "grid axis", "aria-hidden": "true" });
  for (const v of ticks) {
    grid.append(svgNode("line", { x1: left, x2: width - right, y1: y(v), y2: y(v) }));
    grid.append(svgNode("text", { x: left - 6, y: y(v) + 4, "text-anchor": "end" }, format(v)));
  }
  // As many category labels as fit side by side; the others are skipped evenly.
  const labelW = Math.max(...categories.map((c) => textWidth(c))) + 10;
  const fit = Math.max(1, Math.floor(plotW / labelW));
  const every = Math.ceil(categories.length / fit);
  categories.forEach((category, i) => {
    if (i % every) return;
    grid.append(
      svgNode("text", { x: left + band * (i + 0.5), y: height - bottom + 18, "text-anchor": "middle" }, category),
    );
  });
  svg.append(grid);

  const bars = shown.filter((s) => s.kind === "bar");
  const lines = shown.filter((s) => s.kind === "line");
  const entries = [];
  const inner = band * 0.8;
  const barW = bars.length ? inner / bars.length : 0;
  const marks = svgNode("g", { "aria-hidden": "true" });
  bars.forEach((s, b) => {
    const cls = `s${series.indexOf(s)}`;
    entries.push({ name: s.name, kind: "bar", cls });
    s.values.forEach((v, i) => {
      if (!finite(v)) return;
      const x = left + band * i + band * 0.1 + barW * b;
      marks.append(
        svgNode("rect", { class: `bar ${cls}`, x, y: y(v), width: Math.max(1, barW - 2), height: y(0) - y(v) }),
      );
    });
  });
  lines.forEach((s) => {
    const cls = `s${series.indexOf(s)}`;
    entries.push({ name: s.name, kind: "line", cls });
    const points = s.values
      .map((v, i) => (finite(v) ? [left + band * (i + 0.5), y(v)] : null))
      .filter((p) => p !== null);
    if (points.length > 1) {
      marks.append(svgNode("polyline", { class: `line ${cls}`, points: points.map((p) => p.join(",")).join(" ") }));
    }
    for (const [px, py] of points) marks.append(svgNode("circle", { class: `dot ${cls}`, cx: px, cy: py, r: 4 }));
  });
  svg.append(marks);
  svg.append(svgNode("line", { class: "axis", x1: left, x2: width - right, y1: y(0), y2: y(0), stroke: "#4a4a4a", "aria-hidden": "true" }));
  return figure(svg, entries, summary);
}

/** One horizontal bar per item: {label, value (a percentage or null: no bar), text (what the
 * bar says), cls}, with a mark at `mark` (e.g. 100 %). Labels get the room they need; on a
 * narrow chart each label stands above its bar. */
export function barList({ title, summary, items, mark = 100, markName = "", width = 720 }) {
  const narrow = width < NARROW;
  const labelW = Math.max(...items.map((i) => textWidth(i.label)));
  const rowH = narrow ? 46 : 28;
  const left = narrow ? 4 : Math.min(width / 2, labelW + 16);
  const right = 8 + Math.max(...items.map((i) => textWidth(i.text)));
  const height = 20 + rowH * Math.max(1, items.length);
  const svg = frame(title, summary, width, height);
  const { max } = valueAxis(Math.max(mark, ...items.map((i) => i.value ?? 0)));
  const x = (v) => left + (Math.max(0, v) / max) * (width - left - right);
  const marks = svgNode("g", { "aria-hidden": "true" });
  items.forEach((item, i) => {
    const top = 10 + rowH * i;
    const barTop = narrow ? top + 20 : top + 4;
    if (narrow) {
      marks.append(svgNode("text", { class: "tick", x: left, y: top + 13 }, item.label));
    } else {
      marks.append(svgNode("text", { class: "tick", x: left - 8, y: top + 17, "text-anchor": "end" }, item.label));
    }
    if (item.value !== null) {
      marks.append(svgNode("rect", { class: `bar ${item.cls}`, x: left, y: barTop, width: Math.max(1, x(item.value) - left), height: 18 }));
    }
    marks.append(svgNode("text", { class: "tick", x: x(item.value ?? 0) + 6, y: barTop + 13 }, item.text));
  });
  marks.append(svgNode("line", { class: "mark", x1: x(mark), x2: x(mark), y1: 4, y2: height - 4 }));
  svg.append(marks);
  const entries = [...new Set(items.filter((i) => i.value !== null).map((i) => i.cls))].map((cls) => ({
    name: cls.replace("_", " "),
    kind: "bar",
    cls,
  }));
  if (markName) entries.push({ name: markName, kind: "mark" });
  return figure(svg, entries, summary);
}
