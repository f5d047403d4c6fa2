// SVG, written as text: a view builds its whole figure as one string, here and in the kernel
// (the stored picture is the same markup). Pure: no page, no document.

// The palette of the series (Okabe and Ito's, safe for colour-blind readers), written once: every
// figure and the views' style sheet take their colours from here (the style sheet through CSS
// variables set on each view's root).
const COLOURS = {
  red: "#D55E00", blue: "#0072B2", sky: "#56B4E9", A: "#CC79A7", B: "#009E73",
  orange: "#E69F00", grey: "#555555", light: "#DDDDDD", ink: "#1A1A1A",
};
// The fonts the stored pictures are drawn with (shipped in ce_lib/views/fonts); a reader's own
// sans-serif otherwise. Chinese: the reader's own Chinese font, else the face the view hands the
// page (WIDE_FONT, loaded by the page code; the static edition's style sheet names it too).
const WIDE_FONT = "CE Noto Sans CJK SC";
const FONT = `DejaVu Sans, Noto Sans CJK SC, Noto Sans SC, PingFang SC, Microsoft YaHei, ${WIDE_FONT}, Verdana, Arial, sans-serif`;

// A template's {name} filled with values[name]; {{ and }} are braces (ce_lib.words.fill).
function fillWords(template, values) {
  return template.replace(/\{\{|\}\}|\{(\w+)\}/g, (match, name) => {
    if (match === "{{") return "{";
    if (match === "}}") return "}";
    if (!(name in values)) throw new Error(`{${name}} ∉ ${JSON.stringify(Object.keys(values))}: ${template}`);
    return String(values[name]);
  });
}

function escapeText(text) {
  const words = String(text);
  if (!/[&<>"]/.test(words)) return words; // most words need nothing: no new string
  return words.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

function round2(value) {
  return Math.round(value * 100) / 100;
}

function attributes(values) {
  let out = "";
  for (const name in values) {
    const value = values[name];
    if (value === undefined || value === null || value === false) continue;
    out += ` ${name}="${typeof value === "number" ? round2(value) : escapeText(value)}"`;
  }
  return out;
}

function tag(name, values, content) {
  return content === undefined ? `<${name}${attributes(values)}/>` : `<${name}${attributes(values)}>${content}</${name}>`;
}

// A text; `label: true` marks a number or name the figure states (compared with the static picture).
// `halo: true` outlines the text in white, so it stays readable over lines and shading: written as
// attributes, not a style sheet's class, so the stored picture has it too.
function text(x, y, content, { size = 15, anchor = "start", weight, fill = COLOURS.ink, halo = false, label = false, baseline, rotate } = {}) {
  const outline = halo ? { "paint-order": "stroke", stroke: "white", "stroke-width": 4, "stroke-linejoin": "round" } : {};
  return tag("text", {
    x, y, "font-size": size, "text-anchor": anchor, "font-weight": weight, fill, ...outline,
    "dominant-baseline": baseline, class: label ? "ce-label" : undefined,
    transform: rotate ? `rotate(${rotate} ${round2(x)} ${round2(y)})` : undefined,
  }, escapeText(content));
}

// A diamond marker of half-width `size` (shape as well as colour, beside circles and squares).
function diamond(x, y, size, style) {
  return tag("path", { d: `M${round2(x)},${round2(y - size)} L${round2(x + size)},${round2(y)} L${round2(x)},${round2(y + size)} L${round2(x - size)},${round2(y)} Z`, ...style });
}

function line(x1, y1, x2, y2, style = {}) {
  return tag("line", { x1, y1, x2, y2, stroke: COLOURS.ink, "stroke-width": 1, ...style });
}

// A point marker: a circle for red, a square for blue (shape as well as colour).
function marker(colour, x, y, { size = 9, hollow = false, dashed = false } = {}) {
  const style = {
    fill: hollow ? "white" : COLOURS[colour], stroke: hollow ? COLOURS[colour] : COLOURS.ink,
    "stroke-width": hollow ? 2.5 : 1.5, "stroke-dasharray": dashed ? "4 3" : undefined,
  };
  return colour === "red"
    ? tag("circle", { cx: x, cy: y, r: size, ...style })
    : tag("rect", { x: x - size * 0.9, y: y - size * 0.9, width: size * 1.8, height: size * 1.8, ...style });
}

// Characters drawn one em wide (Chinese, Japanese, Korean, full-width forms); anything else is
// taken as about 0.6 em. SVG text neither measures nor wraps itself: this is the measure.
const WIDE_CHARACTER = /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]/u;

// Parts of a figure that a slider does not change (a plane's shading, its axes; the panel of the
// model not being moved) are made once per set of inputs and reused at the next redraw. The key
// names every input (and which words object, by identity: a view's words never change).
const MADE = new Map(), WORDS_IDS = new WeakMap();
let wordsCount = 0;

function wordsId(words) {
  if (words === null || typeof words !== "object") return "-";
  if (!WORDS_IDS.has(words)) WORDS_IDS.set(words, (wordsCount += 1));
  return WORDS_IDS.get(words);
}

function madeOnce(inputs, words, make) {
  const key = JSON.stringify(inputs) + "|" + wordsId(words);
  let made = MADE.get(key);
  if (made === undefined) {
    if (MADE.size > 400) MADE.clear();
    made = make();
    MADE.set(key, made);
  }
  return made;
}

// A panel as one group: when a slider moves, the page swaps only what changed inside it.
function group(markup) {
  return `<g>${markup}</g>`;
}

// Every figure measures the same few words again at each redraw: each is counted once.
const WIDTHS_IN_EMS = new Map();

function textWidth(words, size, bold = false) {
  const key = (bold ? "b" : "r") + words;
  let ems = WIDTHS_IN_EMS.get(key);
  if (ems === undefined) {
    ems = 0;
    for (const character of String(words)) ems += WIDE_CHARACTER.test(character) ? 1 : bold ? 0.66 : 0.6;
    if (WIDTHS_IN_EMS.size > 20000) WIDTHS_IN_EMS.clear();
    WIDTHS_IN_EMS.set(key, ems);
  }
  return ems * size;
}

// The box [left, top, right, bottom] a text takes, for its anchor ("start", "middle", "end") and baseline y.
function textBox(anchor, x, y, words, size, bold = false) {
  const width = textWidth(words, size, bold) + 4;
  const left = anchor === "start" ? x - 2 : anchor === "end" ? x - width + 2 : x - width / 2;
  return [left, y - size * 0.95, left + width, y + size * 0.3];
}

function boxesOverlap([l1, t1, r1, b1], [l2, t2, r2, b2], slack = 0) {
  return l1 < r2 - slack && l2 < r1 - slack && t1 < b2 - slack && t2 < b1 - slack;
}

function overlapArea([l1, t1, r1, b1], [l2, t2, r2, b2]) {
  return Math.max(0, Math.min(r1, r2) - Math.max(l1, l2)) * Math.max(0, Math.min(b1, b2) - Math.max(t1, t2));
}

// Place labels one by one (the one label placer every figure uses): each at the first of its
// candidate spots that stays inside `bounds` and touches no label placed before it nor any of
// `obstacles` (boxes); where no spot is free, the least crowded one. A request is
// { words, size, bold, spots: [[anchor, x, y], ...], avoid: [boxes] } (avoid: what this label alone
// must not cover, such as the other labels' marks); returns each with its chosen anchor, x, y, box
// and the index of the spot it came from.
function placeLabels(requests, bounds, obstacles = []) {
  const taken = [...obstacles], placed = [];
  for (const request of requests) {
    const avoid = request.avoid ? [...taken, ...request.avoid] : taken;
    const candidates = request.spots.map(([anchor, spotX, y], spot) => {
      // A spot that would run off the side is moved along until the label fits, where it can.
      const first = textBox(anchor, spotX, y, request.words, request.size, request.bold);
      const shift = first[2] > bounds[2] ? Math.max(bounds[2] - first[2], bounds[0] - first[0]) : first[0] < bounds[0] ? Math.min(bounds[0] - first[0], bounds[2] - first[2]) : 0;
      const x = spotX + shift;
      const box = shift ? textBox(anchor, x, y, request.words, request.size, request.bold) : first;
      const outside = box[0] < bounds[0] || box[1] < bounds[1] || box[2] > bounds[2] || box[3] > bounds[3];
      return { anchor, x, y, box, outside, spot };
    });
    // The first free spot; only if none is free, the least crowded one (the costlier count).
    let chosen = candidates.find((c) => !c.outside && !avoid.some((other) => boxesOverlap(c.box, other)));
    if (!chosen) {
      for (const c of candidates) c.crowding = avoid.reduce((sum, other) => sum + overlapArea(c.box, other), 0) + (c.outside ? 1e6 : 0);
      chosen = candidates.reduce((a, b) => (b.crowding < a.crowding ? b : a));
    }
    taken.push(chosen.box);
    placed.push({ ...request, anchor: chosen.anchor, x: chosen.x, y: chosen.y, box: chosen.box, spot: chosen.spot });
  }
  return placed;
}

// Break words into lines no wider than `pixels`: between words, and between two wide characters
// (a Chinese sentence has no spaces to break at).
function wrapText(words, pixels, size) {
  const pieces = String(words).match(/[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]|[^\s\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]+|\s+/gu) ?? [];
  // A word too long for a line (a library call) may break after an underscore, a dot or a slash.
  const parts = pieces.flatMap((piece) => (textWidth(piece, size) > pixels ? piece.match(/[^_./]+[_./]*|[_./]+/g) : [piece]));
  const lines = [];
  let current = "";
  for (const piece of parts) {
    if (/^\s+$/.test(piece)) { if (current) current += " "; continue; }
    const joined = current + piece;
    if (current.trim() && textWidth(joined.trimEnd(), size) > pixels) { lines.push(current.trimEnd()); current = piece; }
    else current = joined;
  }
  if (current.trim()) lines.push(current.trimEnd());
  return lines;
}

// A title over `width` pixels: one line if it fits, else broken after a colon or where it must.
function titleLines(words, width, size = 17) {
  if (textWidth(words, size) <= width) return [words];
  const colon = words.search(/: |：/);
  if (colon > 0) {
    const first = words.slice(0, colon + 1), rest = words.slice(colon + 1).trim();
    if (textWidth(first, size) <= width && textWidth(rest, size) <= width) return [first, rest];
  }
  return wrapText(words, width, size);
}

function linearScale([d0, d1], [r0, r1]) {
  const slope = (r1 - r0) / (d1 - d0);
  return (value) => r0 + (value - d0) * slope;
}

// Evenly spaced "nice" ticks covering [low, high].
function niceTicks(low, high, count = 5) {
  const span = high - low, rough = span / count;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => span / s <= count) ?? 10 * power;
  const ticks = [];
  for (let value = Math.ceil(low / step - 1e-9) * step; value <= high + step * 1e-9; value += step) ticks.push(Number(value.toPrecision(12)) + 0);
  return ticks;
}

const AXIS_LABEL_LINE = 18;

// How far below an axis's frame its label reaches: 44 px for one line, more for a label that wraps.
function axisLabelDepth(xLabel, width) {
  return 44 + AXIS_LABEL_LINE * (wrapText(xLabel, width, 15).length - 1) + 6;
}

// A frame with ticks, tick labels, axis titles and a title. `box` is {left, top, width, height}.
function axes(box, { x, y, xTicks, yTicks, xLabel, yLabel, title, xFormat = formatNumber, yFormat = formatNumber, grid = true }) {
  const { left, top, width, height } = box, bottom = top + height, right = left + width;
  let out = "";
  if (grid) for (const t of yTicks) out += line(left, y(t), right, y(t), { stroke: "#E6E6E6" });
  out += tag("rect", { x: left, y: top, width, height, fill: "none", stroke: COLOURS.ink, "stroke-width": 1.2 });
  for (const t of xTicks) out += line(x(t), bottom, x(t), bottom + 5) + text(x(t), bottom + 20, xFormat(t), { size: 14, anchor: "middle" });
  for (const t of yTicks) out += line(left - 5, y(t), left, y(t)) + text(left - 8, y(t) + 5, yFormat(t), { size: 14, anchor: "end" });
  // A long axis label wraps to the axis's width: each further line is AXIS_LABEL_LINE lower.
  if (xLabel) wrapText(xLabel, width, 15).forEach((words, i) => { out += text(left + width / 2, bottom + 44 + AXIS_LABEL_LINE * i, words, { size: 15, anchor: "middle" }); });
  if (yLabel) out += text(left - 52, top + height / 2, yLabel, { size: 15, anchor: "middle", rotate: -90 });
  if (title) {
    const lines = titleLines(title, width);
    lines.forEach((l, i) => { out += text(left + width / 2, top - 12 - 21 * (lines.length - 1 - i), l, { size: 17, anchor: "middle", weight: "bold", label: true }); });
  }
  return out;
}

// A legend: rows of [swatch svg (drawn at 0,0), text], in a white box at (x, y).
function legend(x, y, rows, { width = 210, rowHeight = 24 } = {}) {
  let out = tag("rect", { x, y, width, height: rows.length * rowHeight + 10, fill: "white", "fill-opacity": 0.92, stroke: "#999999", rx: 4 });
  rows.forEach(([swatch, label], i) => {
    const cy = y + 5 + rowHeight * (i + 0.5);
    out += `<g transform="translate(${round2(x + 18)} ${round2(cy)})">${swatch}</g>`;
    out += text(x + 36, cy + 5, label, { size: 14 });
  });
  return out;
}

// A legend that flows in rows across `width`: per item [swatch drawn at (0, 0), words, and
// `true` if the words state a number or name the figure states]. An item too wide for a row
// wraps onto lines of its own.
function flowLegend(items, left, top, width, size = 14) {
  let out = "", x = left, y = top;
  for (const [swatch, words, label = false] of items) {
    const lines = wrapText(words, width - 40, size);
    const wide = 40 + Math.max(...lines.map((l) => textWidth(l, size)));
    if (x + wide > left + width && x > left) { x = left; y += 26; }
    out += `<g transform="translate(${round2(x + 14)} ${round2(y)})">${swatch}</g>`;
    lines.forEach((l, i) => { out += text(x + 34, y + 5 + 18 * i, l, { size, label }); });
    y += 18 * (lines.length - 1);
    x = lines.length > 1 ? left + width : x + wide + 14;
  }
  return { svg: out, bottom: y + 14 };
}

// How many pixels a panel's title takes above its frame (one 21-px row per line, and a margin).
function titleDepth(title, width) {
  return 21 * titleLines(title, width).length + 12;
}

// SVG patterns for hatching (model A's bars are hatched, model B's solid: shape as well as colour).
function hatchDefs(id, colour) {
  return `<pattern id="${id}" patternUnits="userSpaceOnUse" width="8" height="8" patternTransform="rotate(45)">`
    + `<rect width="8" height="8" fill="white"/><rect width="3.5" height="8" fill="${colour}"/></pattern>`;
}

function svgDocument(width, height, content, title) {
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${round2(width)} ${round2(height)}" width="${round2(width)}" height="${round2(height)}"`
    + ` font-family="${FONT}" role="img" aria-label="${escapeText(title)}"><title>${escapeText(title)}</title>`
    + `<rect width="100%" height="100%" fill="white"/>${content}</svg>`;
}

