// Clipping (notebook 06): one point's cost against the probability p of its true class, on a
// log axis: exact in ce_lib (−ln p, ∞ at p = 0), capped by each library's rule. Each curve has
// its own colour, line style and marker; a table gives the rules, the costs at p and the caps.

// Each curve's look, as CURVE_STYLE in ce_lib/views/classes.py: colour, dashes, width, marker.
const CURVES = {
  "ce_lib (exact)": { colour: COLOURS.grey, dash: undefined, width: 5, shape: "circle", size: 13 },
  "scikit-learn": { colour: COLOURS.red, dash: "9 5", width: 2.6, shape: "square", size: 9 },
  PyTorch: { colour: COLOURS.blue, dash: "11 4 2.5 4", width: 2.6, shape: "triangle", size: 8 },
  Keras: { colour: COLOURS.B, dash: "2.5 4", width: 3, shape: "diamond", size: 5 },
};
// Where each cap's label goes, above its line (CAP_LABEL_SIDE in ce_lib/views/classes.py).
const CAP_SIDE = { "scikit-learn": "left", PyTorch: "right", Keras: "left" };
const LOWEST = -50;

// ce_lib.frameworks.clipped_cross_entropy for one point with label 1.
function clippedCost(rule, p) {
  if (rule.clip_probability !== null && rule.clip_probability !== undefined) {
    const eps = rule.clip_probability;
    return -Math.log(Math.min(Math.max(p, eps), 1 - eps)) + 0;
  }
  const logP = Math.max(Math.log(p), rule.log_floor);
  const logNotP = Math.max(Math.log1p(-p), rule.log_floor);
  return -(1 * logP + (1 - 1) * logNotP) + 0;
}

// The point's cost at p: exact (ce_lib.point_errors), then under each rule.
function costs(state, p) {
  const out = { "ce_lib (exact)": pointError(p) };
  for (const rule of state.rules) out[rule.library] = clippedCost(rule, p);
  return out;
}

function describe(state) {
  const shown = Object.entries(costs(state, state.probability)).map(([name, cost]) => `${name} ${formatNumber(cost)}`);
  return `At p = ${formatNumber(state.probability, 2)}: ${shown.join(" · ")}`;
}

function title(state) {
  return `Cost of one point given p = ${formatNumber(state.probability, 2)} for its true class`;
}

// "10⁻⁵⁰": a power of ten with superscript digits (power_of_ten in ce_lib/views/classes.py).
function powerOfTen(exponent) {
  const digits = { "-": "⁻", 0: "⁰", 1: "¹", 2: "²", 3: "³", 4: "⁴", 5: "⁵", 6: "⁶", 7: "⁷", 8: "⁸", 9: "⁹" };
  return exponent === 0 ? "1" : "10" + [...String(exponent)].map((c) => digits[c]).join("");
}

function shape({ shape: kind, size, colour }, x, y, { filled = false } = {}) {
  const style = { fill: filled ? colour : "none", stroke: colour, "stroke-width": 2.5 };
  if (kind === "circle") return tag("circle", { cx: x, cy: y, r: size, ...style });
  if (kind === "square") return tag("rect", { x: x - size, y: y - size, width: 2 * size, height: 2 * size, ...style });
  const points = kind === "triangle"
    ? [[0, -1.25 * size], [1.1 * size, 0.75 * size], [-1.1 * size, 0.75 * size]]
    : [[0, -1.3 * size], [size, 0], [0, 1.3 * size], [-size, 0]];
  return tag("polygon", { points: points.map(([dx, dy]) => `${round2(x + dx)},${round2(y + dy)}`).join(" "), ...style });
}

function curveSwatch(style) {
  return line(-16, 0, 16, 0, { stroke: style.colour, "stroke-width": Math.min(style.width, 4), "stroke-dasharray": style.dash })
    + shape({ ...style, size: Math.min(style.size, 7) }, 0, 0, { filled: false });
}

// Who, the rule, the cost at p, and the most a point can cost; on a narrow screen the rule goes
// under the name, so the table fits a phone.
function table(state, narrow) {
  const p = state.probability, values = costs(state, p);
  const rows = [["ce_lib (exact)", "no clipping: −ln p", values["ce_lib (exact)"], Infinity]];
  for (const rule of state.rules) rows.push([rule.library, rule.description, values[rule.library], rule.cap]);
  const pad = narrow ? ' style="padding:3px 5px"' : "";
  const body = rows.map(([who, rule, cost, cap]) => {
    const name = narrow ? `<td${pad}><b>${escapeText(who)}</b><br><small>${escapeText(rule)}</small></td>`
      : `<td>${escapeText(who)}</td><td>${escapeText(rule)}</td>`;
    return `<tr>${name}<td class="ce-number"${pad}>${formatNumber(cost)}</td><td class="ce-number"${pad}>${formatNumber(cap)}</td></tr>`;
  }).join("");
  const head = narrow ? `<th${pad}>who: rule</th>` : "<th>who</th><th>rule</th>";
  return `<table class="ce-table" style="width:100%">`
    + `<thead><tr>${head}<th${pad}>cost at p = ${formatNumber(p, 2)}</th><th${pad}>most a point can cost</th></tr></thead>`
    + `<tbody>${body}</tbody></table>`;
}

function draw(state, width) {
  const words = title(state), narrow = width < 560;
  const box = { left: 72, width: width - 72 - 18, height: narrow ? 250 : 310 };
  box.top = 36 + 21 * (titleLines(words, box.width + 60).length - 1);
  const x = linearScale([LOWEST - 1.5, 1.5], [box.left, box.left + box.width]);
  const y = linearScale([0, state.ceiling], [box.top + box.height, box.top]);
  const xTicks = narrow ? [-40, -20, 0] : [-50, -40, -30, -20, -10, 0];
  let out = axes(box, {
    x, y, xTicks, yTicks: niceTicks(0, state.ceiling, 5), xFormat: powerOfTen, title: words,
    xLabel: "p given to the true class (log scale)", yLabel: "cost of the point",
  });
  // The caps: a dotted line each, labelled "name cap" above it where no curve passes.
  const right = box.left + box.width;
  for (const rule of state.rules) {
    const style = CURVES[rule.library], level = y(rule.cap) - 5, cap = `cap ${formatNumber(rule.cap)}`;
    out += line(box.left, y(rule.cap), right, y(rule.cap), { stroke: style.colour, "stroke-dasharray": "1.5 4" });
    // The name ends where the cap's number starts (6 px apart, whatever the font): a text width
    // is only estimated here, so it sets where the pair stands, never the gap inside it.
    const capWidth = cap.length * 14 * 0.64, nameWidth = rule.library.length * 14 * 0.56;
    const joint = CAP_SIDE[rule.library] === "left" ? box.left + 44 + (narrow ? 0 : nameWidth) : right - 6 - capWidth - 6;
    if (!narrow) out += text(joint, level, rule.library, { size: 14, fill: style.colour, anchor: "end" });
    out += text(joint + 6, level, cap, { size: 14, weight: "bold", fill: style.colour, label: true });
  }
  // The curves, sampled every 0.1 in the exponent, drawn exact first (widest, underneath).
  const exponents = Array.from({ length: 10 * -LOWEST + 1 }, (_, i) => LOWEST + i / 10);
  const curves = Object.fromEntries(Object.keys(CURVES).map((name) => [name, []]));
  for (const e of exponents) {
    const values = costs(state, 10 ** e);
    for (const name of Object.keys(CURVES)) curves[name].push(`${round2(x(e))},${round2(y(values[name]))}`);
  }
  for (const [name, style] of Object.entries(CURVES)) {
    out += tag("polyline", { points: curves[name].join(" "), fill: "none", stroke: style.colour, "stroke-width": style.width, "stroke-dasharray": style.dash });
  }
  const p = state.probability, here = costs(state, p);
  for (const [name, style] of Object.entries(CURVES)) out += shape(style, x(Math.log10(p)), y(here[name]), { filled: name === "Keras" });
  // The legend under the plot: each curve's colour, line style and marker.
  let lx = box.left, ly = box.top + box.height + 70;
  for (const [name, style] of Object.entries(CURVES)) {
    const wide = 44 + name.length * 8.2;
    if (lx + wide > box.left + box.width && lx > box.left) { lx = box.left; ly += 28; }
    out += `<g transform="translate(${round2(lx + 16)} ${round2(ly)})">${curveSwatch(style)}</g>` + text(lx + 38, ly + 5, name, { size: 14 });
    lx += wide + 14;
  }
  return svgDocument(width, ly + 18, out, `One point's cost against p, exact and clipped. ${describe(state)}`) + table(state, narrow);
}

export default {
  render({ model, el }) {
    return mountView({ model, el }, { name: "clipping", keys: ["probability"], fixed: ["rules", "ceiling"], draw, describe });
  },
};
