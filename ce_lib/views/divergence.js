// Divergence (notebook 06): a prediction q against the fixed truth p. Left, the bars of q with
// the truth as black marks; right, one stacked bar H(p) (solid) + KL(p‖q) (hatched) = H(p, q).

// q = weights / their sum (ce_lib.views.classes.prediction_from_weights); all 0 gives the uniform q.
function prediction(weights) {
  const total = sumOf(weights);
  return total > 0 ? weights.map((w) => w / total) : weights.map(() => 1 / weights.length);
}

// ce_lib.entropy: −Σ p ln p, with 0 ln 0 = 0.
function entropyOf(p) {
  return -sumOf(p.map((v) => v * (v > 0 ? Math.log(v) : 0))) + 0;
}

// ce_lib.general_cross_entropy: −Σ p ln q over the classes where p > 0.
function crossEntropyOf(p, q) {
  return -sumOf(p.map((v, i) => v * (v > 0 ? Math.log(q[i]) : 0))) + 0;
}

// ce_lib.kl_divergence: Σ p ln(p / q); where p / q overflows, ln p − ln q; never below 0.
function klDivergence(p, q) {
  const terms = p.map((v, i) => {
    const counted = v > 0;
    const ratio = counted ? v / q[i] : 1;
    const log = Number.isFinite(ratio) || q[i] === 0 ? Math.log(ratio) : (counted ? Math.log(v) : 0) - (counted ? Math.log(q[i]) : 0);
    return v * log;
  });
  return Math.max(sumOf(terms), 0) + 0;
}

function parts(state) {
  const q = prediction(state.weights), p = state.truth;
  return { q, entropy: entropyOf(p), kl: klDivergence(p, q), crossEntropy: crossEntropyOf(p, q) };
}

function describe(state) {
  const { q, entropy, kl, crossEntropy } = parts(state);
  return `q = [${q.map((v) => formatNumber(v, 3)).join(", ")}] · H(p) = ${formatNumber(entropy)} + KL(p‖q) = ${formatNumber(kl)} → `
    + `H(p, q) = ${formatNumber(crossEntropy)}`;
}

// The height a bar's value label stands on: the bar's top, or the truth mark just above it
// (ce_lib.views.classes.value_label_base).
function labelBase(q, p) {
  return q < p && p < q + 0.1 ? p : q;
}

const CLASSES_TITLE = "Prediction q (bars), truth p (black marks)";
const STACK_TITLE = "H(p, q) = H(p) + KL(p‖q)";

function classesPanel(box, state, q) {
  const y = linearScale([0, 1.1], [box.top + box.height, box.top]);
  let out = axes(box, { x: (v) => v, y, xTicks: [], yTicks: niceTicks(0, 1, 5), yLabel: "probability", title: CLASSES_TITLE });
  const group = box.width / q.length, barWidth = Math.min(110, group * 0.56), bottom = box.top + box.height;
  q.forEach((value, i) => {
    const centre = box.left + group * (i + 0.5), truth = state.truth[i];
    out += tag("rect", { x: centre - barWidth / 2, y: y(value), width: barWidth, height: bottom - y(value), fill: COLOURS.sky, stroke: COLOURS.ink, "stroke-width": 1.2 });
    const reach = barWidth / 2 + 8;
    out += line(centre - reach, y(truth), centre + reach, y(truth), { stroke: "black", "stroke-width": 4.5 });
    out += text(centre, y(labelBase(value, truth)) - 8, formatNumber(value, 3), { size: group < 100 ? 14 : 15, anchor: "middle", label: true, halo: true });
    out += text(centre, bottom + 21, `class ${i + 1}`, { size: 14, anchor: "middle" });
  });
  const key = flowLegend([
    [tag("rect", { x: -10, y: -9, width: 20, height: 18, fill: COLOURS.sky, stroke: COLOURS.ink }), "prediction q"],
    [line(-11, 0, 11, 0, { stroke: "black", "stroke-width": 4.5 }), "truth p"],
  ], box.left, bottom + 44, box.width);
  return { svg: out + key.svg, bottom: key.bottom };
}

// Where the labels of H(p), KL and H(p, q) go, in nats (ce_lib.views.classes.stack_label_heights).
function labelHeights(h, shownKl, [limit, , gap]) {
  let a = h / 2, b = h + shownKl / 2, c = h + shownKl;
  b = Math.max(b, a + gap);
  c = Math.max(c, b + gap);
  const top = limit - 0.2;
  if (c > top) {
    c = top;
    b = Math.min(b, c - gap);
    a = Math.min(a, b - gap);
  }
  return [a, b, c];
}

function stackPanel(box, state, uid, { entropy, kl, crossEntropy }) {
  const [limit, infinite] = state.limits;
  const y = linearScale([0, limit], [box.top + box.height, box.top]);
  let out = `<defs>${hatchDefs(`${uid}-kl`, COLOURS.orange)}</defs>`;
  out += axes(box, { x: (v) => v, y, xTicks: [], yTicks: niceTicks(0, limit, 5), yLabel: "nats", title: STACK_TITLE });
  const barWidth = Math.min(70, box.width * 0.24), barLeft = box.left + 22, barRight = barLeft + barWidth;
  const shownKl = Math.min(kl, infinite - entropy);
  out += tag("rect", { x: barLeft, y: y(entropy), width: barWidth, height: y(0) - y(entropy), fill: COLOURS.blue, stroke: COLOURS.ink, "stroke-width": 1.2 });
  out += tag("rect", { x: barLeft, y: y(entropy + shownKl), width: barWidth, height: y(entropy) - y(entropy + shownKl), fill: `url(#${uid}-kl)`, stroke: COLOURS.ink, "stroke-width": 1.2 });
  out += text(barLeft + barWidth / 2, box.top + box.height + 21, "H(p, q)", { size: 14, anchor: "middle" });
  const words = [`H(p) = ${formatNumber(entropy, 3)}`, `KL(p‖q) = ${formatNumber(kl, 3)}`, `H(p, q) = ${formatNumber(crossEntropy, 3)}`];
  const ends = [entropy / 2, entropy + shownKl / 2, entropy + shownKl];
  labelHeights(entropy, shownKl, state.limits).forEach((height, i) => {
    out += line(barRight, y(ends[i]), barRight + 14, y(height), { "stroke-width": 1 });
    out += text(barRight + 18, y(height) + 5, words[i], { size: 15, weight: i === 2 ? "bold" : undefined, label: true });
  });
  return out;
}

function draw(state, width, uid) {
  const values = parts(state);
  const wide = width >= 760;
  const leftWidth = wide ? Math.round(width * 0.56) : width, rightWidth = wide ? width - leftWidth : width;
  const height = wide ? 270 : 230;
  const titleTop = (words, panelWidth) => 36 + 21 * (titleLines(words, panelWidth - 88 + 60).length - 1);
  const top = Math.max(titleTop(CLASSES_TITLE, leftWidth), wide ? titleTop(STACK_TITLE, rightWidth) : 0);
  const classes = classesPanel({ left: 72, top, width: leftWidth - 72 - 16, height }, state, values.q);
  const stackTop = wide ? top : classes.bottom + 20 + titleTop(STACK_TITLE, rightWidth);
  const stackBox = { left: (wide ? leftWidth : 0) + 72, top: stackTop, width: rightWidth - 72 - 16, height };
  const out = classes.svg + stackPanel(stackBox, state, uid, values);
  const bottom = Math.max(wide ? classes.bottom : 0, stackBox.top + stackBox.height + 30);
  return svgDocument(width, bottom + 6, out, `A prediction q against the truth p. ${describe(state)}`);
}

export default {
  render({ model, el }) {
    return mountView({ model, el }, { name: "divergence", keys: ["weights"], fixed: ["truth", "limits"], draw, describe });
  },
};
