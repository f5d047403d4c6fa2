// Clipping (notebook 06): one point's cost against the probability p of its true class, on a
// log axis: exact in ce_lib (−ln p, ∞ at p = 0), capped by each library's rule. Each curve has
// its own colour, line style and marker; a table under the plot gives each rule, the cost at p
// and the cap, and its rows are the curves' key. Words: the catalogue's `views.clipping` section.

// Each curve's look, by the key of its cost (ce_lib.views.clipping.clipping_costs): colour,
// dashes, width, marker. The markers are hollow so that markers at one spot nest; the smallest solid.
const CURVES = {
  ce_lib: { colour: COLOURS.grey, dash: undefined, width: 5, shape: "circle", size: 13, filled: false },
  "scikit-learn": { colour: COLOURS.red, dash: "9 5", width: 2.6, shape: "square", size: 9, filled: false },
  PyTorch: { colour: COLOURS.blue, dash: "11 4 2.5 4", width: 2.6, shape: "triangle", size: 8, filled: false },
  Keras: { colour: COLOURS.B, dash: "2.5 4", width: 3, shape: "diamond", size: 5, filled: true },
};
// Where each cap's label goes, above its line: clear of every curve whatever p is.
const CAP_SIDE = { "scikit-learn": "left", PyTorch: "right", Keras: "left" };
// The top of the cost axis: above PyTorch's cap of 100 and the exact cost at the slider's lowest p.
const CEILING = 125;

// ce_lib.frameworks.clipped_cross_entropy for one point with label 1.
function clippedCost(rule, p) {
  if (rule.clip_probability !== null && rule.clip_probability !== undefined) {
    const eps = rule.clip_probability;
    return binaryTerm(1, Math.min(Math.max(p, eps), 1 - eps));
  }
  const logP = Math.max(Math.log(p), rule.log_floor);
  const logNotP = Math.max(Math.log1p(-p), rule.log_floor);
  return -(1 * logP + (1 - 1) * logNotP) + 0;
}

// The point's cost at p: exact (ce_lib.point_errors), then under each rule (Clipping.costs).
function costs(state, p) {
  const out = { ce_lib: pointError(p) };
  for (const rule of state.rules) out[rule.library] = clippedCost(rule, p);
  return out;
}

// Who a cost belongs to, in words: ce_lib's exact cost, or a library by its name.
function who(words, key) {
  return key === "ce_lib" ? words.exact : key;
}

function describe(state) {
  const words = state.words;
  const shown = Object.entries(costs(state, state.probability)).map(([key, cost]) => fillWords(words.cost, { name: who(words, key), cost: formatNumber(cost) }));
  return fillWords(words.readout, { p: formatNumber(state.probability, 2), costs: shown.join(words.separator) });
}

function shape({ shape: kind, size, colour }, x, y, { filled = false } = {}) {
  const style = { fill: filled ? colour : "none", stroke: colour, "stroke-width": 2.5 };
  if (kind === "circle") return tag("circle", { cx: x, cy: y, r: size, ...style });
  if (kind === "square") return tag("rect", { x: x - size, y: y - size, width: 2 * size, height: 2 * size, ...style });
  if (kind === "diamond") return diamond(x, y, 1.3 * size, style);
  const points = [[0, -1.25 * size], [1.1 * size, 0.75 * size], [-1.1 * size, 0.75 * size]];
  return tag("polygon", { points: points.map(([dx, dy]) => `${round2(x + dx)},${round2(y + dy)}`).join(" "), ...style });
}

function curveSwatch(style) {
  return line(-16, 0, 16, 0, { stroke: style.colour, "stroke-width": Math.min(style.width, 4), "stroke-dasharray": style.dash })
    + shape({ ...style, size: Math.min(style.size, 7) }, 0, 0, { filled: style.filled });
}

// The caps: a dotted line each, labelled "name cap" above it where no curve passes (on a phone,
// the cap alone: the table names it).
function caps(state, box, y, narrow) {
  const words = state.words, right = box.left + box.width;
  let out = "";
  for (const rule of state.rules) {
    const style = CURVES[rule.library], level = y(rule.cap) - 5, cap = fillWords(words.cap, { cap: formatNumber(rule.cap) });
    out += line(box.left, y(rule.cap), right, y(rule.cap), { stroke: style.colour, "stroke-dasharray": "1.5 4" });
    // The name ends where the cap starts (6 px apart, whatever the font): a text width is only
    // estimated here, so it sets where the pair stands, never the gap inside it. On the left the
    // pair starts clear of the markers at the slider's lowest p.
    const joint = CAP_SIDE[rule.library] === "left"
      ? box.left + 44 + (narrow ? 0 : textWidth(rule.library, 14))
      : right - 6 - textWidth(cap, 14, true) - 6;
    if (!narrow) out += text(joint, level, rule.library, { size: 14, fill: style.colour, anchor: "end" });
    out += text(joint + 6, level, cap, { size: 14, weight: "bold", fill: style.colour, label: true });
  }
  return out;
}

// The curves, sampled every 0.1 in the exponent, exact first (widest, underneath); the markers at p.
function curves(state, x, y, lowest) {
  const points = Object.fromEntries(Object.keys(CURVES).map((key) => [key, []]));
  for (let i = 0; i <= -10 * lowest; i++) {
    const exponent = lowest + i / 10, values = costs(state, 10 ** exponent);
    for (const key of Object.keys(CURVES)) points[key].push(`${round2(x(exponent))},${round2(y(Math.min(values[key], CEILING)))}`);
  }
  let out = "";
  for (const [key, style] of Object.entries(CURVES)) {
    out += tag("polyline", { points: points[key].join(" "), fill: "none", stroke: style.colour, "stroke-width": style.width, "stroke-dasharray": style.dash });
  }
  const here = costs(state, state.probability), at = x(Math.log10(state.probability));
  for (const [key, style] of Object.entries(CURVES)) out += shape(style, at, y(Math.min(here[key], CEILING)), { filled: style.filled });
  return out;
}

// The table under the plot: each curve's key, who, the rule, the cost at p and the most a point
// can cost. On a phone the rule goes under the name, so the table fits.
function table(state, left, top, width, narrow) {
  const words = state.words, p = state.probability, values = costs(state, p);
  const size = narrow ? 13 : 14, small = narrow ? 12 : 14, lineHeight = size + 5, swatch = 42;
  const rows = [{ key: "ce_lib", rule: words.rule_exact, cap: Infinity },
    ...state.rules.map((rule) => ({ key: rule.library, rule: words[`rule_${rule.key}`], cap: rule.cap }))];
  // A rule beside its library's name where the table is wide enough for it; else under the name.
  const besideWho = Math.max(...rows.map((row) => textWidth(who(words, row.key), size, true))) + 16;
  const stacked = narrow || width - swatch - besideWho - 2 * 150 < 240;
  const numberWidth = stacked ? 78 : 150, headWidth = numberWidth - 10;
  const heads = [wrapText(fillWords(words.column_cost, { p: formatNumber(p, 2) }), headWidth, size), wrapText(words.column_most, headWidth, size)];
  const whoWidth = stacked ? width - swatch - 2 * numberWidth : besideWho;
  const ruleWidth = stacked ? whoWidth : width - swatch - whoWidth - 2 * numberWidth;
  const ruleLeft = stacked ? left + swatch : left + swatch + whoWidth;
  const numberRight = [left + width - numberWidth - 6, left + width - 6];
  let out = "";
  // The header: bold, each column's words wrapped to its width.
  const headLines = Math.max(1, ...heads.map((lines) => lines.length));
  const headY = (i, count) => top + size + lineHeight * (headLines - count + i);
  out += text(left + swatch, headY(0, 1), words.column_who, { size, weight: "bold" });
  if (!stacked) out += text(ruleLeft, headY(0, 1), words.column_rule, { size, weight: "bold" });
  heads.forEach((lines, column) => lines.forEach((words_, i) => { out += text(numberRight[column], headY(i, lines.length), words_, { size, weight: "bold", anchor: "end" }); }));
  let y = top + lineHeight * headLines + 6;
  out += line(left, y, left + width, y, { stroke: "#999999" });
  for (const row of rows) {
    const rule = wrapText(row.rule, ruleWidth - 10, small);
    const first = y + size + 4;
    out += `<g transform="translate(${round2(left + 20)} ${round2(first - size * 0.35)})">${curveSwatch(CURVES[row.key])}</g>`;
    out += text(left + swatch, first, who(words, row.key), { size, weight: "bold", fill: CURVES[row.key].colour === COLOURS.grey ? COLOURS.ink : CURVES[row.key].colour });
    const ruleTop = stacked ? first + lineHeight : first;
    rule.forEach((words_, i) => { out += text(ruleLeft, ruleTop + (small + 5) * i, words_, { size: small }); });
    out += text(numberRight[0], first, formatNumber(values[row.key]), { size, anchor: "end", label: true });
    out += text(numberRight[1], first, formatNumber(row.cap), { size, anchor: "end", label: true });
    y = Math.max(first, ruleTop + (small + 5) * (rule.length - 1)) + 9;
    out += line(left, y, left + width, y, { stroke: COLOURS.light });
  }
  return { svg: out, bottom: y };
}

function draw(state, width) {
  const words = state.words, narrow = width < 560;
  const lowest = state.lowest_exponent; // the slider's lowest p: the axis starts there
  const title = fillWords(words.title, { p: formatNumber(state.probability, 2) });
  const box = { left: 72, width: width - 72 - 18, height: narrow ? 250 : 310 };
  box.top = 36 + 21 * (titleLines(title, box.width).length - 1);
  const x = linearScale([lowest - 1.5, 1.5], [box.left, box.left + box.width]);
  const y = linearScale([0, CEILING], [box.top + box.height, box.top]);
  const xTicks = [];
  for (let exponent = 0; exponent >= lowest; exponent -= narrow ? 20 : 10) xTicks.unshift(exponent);
  let out = axes(box, {
    x, y, xTicks, yTicks: niceTicks(0, CEILING, 5), xFormat: powerOfTen, title, xLabel: words.x_axis, yLabel: words.y_axis,
  });
  out += caps(state, box, y, narrow) + curves(state, x, y, lowest);
  const tableTop = box.top + box.height + axisLabelDepth(words.x_axis, box.width) + 12;
  const rows = table(state, narrow ? 8 : box.left, tableTop, narrow ? width - 16 : box.width, narrow);
  out += rows.svg;
  return svgDocument(width, rows.bottom + 10, out, fillWords(words.figure_title, { readout: describe(state) }));
}

const FIGURE = { name: "clipping", draw, describe };
