// Divergence (notebooks 04 and 06): a prediction q against the fixed truth p. Left, the bars of q
// with the truth as black marks; right, one stacked bar H(p) (solid) + KL(p‖q) (hatched) = H(p, q).
// The truth is one distribution over classes (06), or independent doors, each a distribution over
// (gift, no gift), whose entropies, cross-entropies and divergences add up (04).
// Words: the catalogue's `views.divergence` section (state.words).

// q = weights / their sum (ce_lib.views.divergence.prediction_from_weights); all 0 gives the uniform q.
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

// The prediction the sliders set: the classes' weights over their sum, or each door's q(gift).
const predictionOf = (state) => (state.kind === "classes" ? prediction(state.weights) : state.weights);

// (p, q) as rows of distributions: one row for the classes, or (gift, no gift) per door (Divergence.distributions).
function distributions(state) {
  const q = predictionOf(state);
  if (state.kind === "classes") return [[state.truth], [q]];
  return [state.truth.map((v) => [v, 1 - v]), q.map((v) => [v, 1 - v])];
}

// H(p), KL(p‖q) and H(p, q), summed over the rows (Divergence.decomposition).
function decomposition(state) {
  const [ps, qs] = distributions(state);
  const total = (measure) => sumOf(ps.map((p, i) => measure(p, qs[i]))) + 0;
  return { entropy: total(entropyOf), kl: total(klDivergence), crossEntropy: total(crossEntropyOf) };
}

function describe(state) {
  const words = state.words, q = predictionOf(state);
  const { entropy, kl, crossEntropy } = decomposition(state);
  return fillWords(state.kind === "classes" ? words.readout : words.readout_doors, {
    q: q.map((v) => formatNumber(v, 3)).join(words.separator),
    entropy: formatNumber(entropy), kl: formatNumber(kl), cross_entropy: formatNumber(crossEntropy),
  });
}

// ---------------------------------------------------------------------------------------------
// The classes: a bar of q per class, the truth p as a black mark across it.

// The height a bar's value label stands on: the bar's top, or the truth mark where it sits just
// above the bar (closer than a label's height).
function labelBase(q, p) {
  return q < p && p <= q + 0.12 ? p : q;
}

const BAR_TOP = 1.1; // the probability axis runs to here: room for a label over a bar of 1

function classesPanel(box, words, { names, q, p, title }) {
  const y = linearScale([0, BAR_TOP], [box.top + box.height, box.top]);
  let out = axes(box, { x: (v) => v, y, xTicks: [], yTicks: niceTicks(0, 1, 5), yLabel: words.classes_axis, title });
  const group = box.width / q.length, barWidth = Math.min(110, group * 0.56), bottom = box.top + box.height;
  const nameLines = names.map((name) => wrapText(name, group - 8, 14));
  q.forEach((value, i) => {
    const centre = box.left + group * (i + 0.5);
    out += tag("rect", { x: centre - barWidth / 2, y: y(value), width: barWidth, height: bottom - y(value), fill: COLOURS.sky, stroke: COLOURS.ink, "stroke-width": 1.2 });
    const reach = barWidth / 2 + 8;
    out += line(centre - reach, y(p[i]), centre + reach, y(p[i]), { stroke: "black", "stroke-width": 4.5 });
    out += text(centre, y(labelBase(value, p[i])) - 8, formatNumber(value, 3), { size: group < 100 ? 14 : 15, anchor: "middle", label: true, halo: true });
    nameLines[i].forEach((row, j) => { out += text(centre, bottom + 21 + 18 * j, row, { size: 14, anchor: "middle" }); });
  });
  const rows = Math.max(...nameLines.map((lines) => lines.length));
  const key = flowLegend([
    [tag("rect", { x: -10, y: -9, width: 20, height: 18, fill: COLOURS.sky, stroke: COLOURS.ink }), words.legend_prediction],
    [line(-11, 0, 11, 0, { stroke: "black", "stroke-width": 4.5 }), words.legend_truth],
  ], box.left, bottom + 26 + 18 * rows, box.width);
  return { svg: out + key.svg, bottom: key.bottom };
}

// ---------------------------------------------------------------------------------------------
// The stack: H(p) and, on top of it, KL(p‖q); together H(p, q).

// The top of the nats axis: 5 nats, or more where the truth's own entropy needs it (it stays put
// while q moves). A KL that would run past the axis (∞ among them) fills it to 92 % of its top.
const natsTop = (entropy) => Math.max(5, Math.ceil(entropy) + 3);
const FULL = 0.92;

// Where the labels of the stack's parts go (pixels, listed bottom to top): each where it wants
// to be, pushed up to at least `gap` above the one below, and kept between `lowest` and
// `highest` (labels pushed past the top come back down, in order).
function stackLabelSpots(wanted, gap, highest, lowest) {
  const spots = wanted.map((v) => Math.min(v, lowest));
  for (let i = 1; i < spots.length; i++) spots[i] = Math.min(spots[i], spots[i - 1] - gap);
  const last = spots.length - 1;
  if (spots[last] < highest) {
    spots[last] = highest;
    for (let i = last - 1; i >= 0; i--) spots[i] = Math.max(spots[i], spots[i + 1] + gap);
  }
  return spots;
}

function stackPanel(box, words, uid, { entropy, kl, crossEntropy }) {
  // (04's doors have H(p) = 1.436 nats: the axis to 5 still has room for a KL of 3.)
  const top = natsTop(entropy);
  const y = linearScale([0, top], [box.top + box.height, box.top]);
  let out = `<defs>${hatchDefs(`${uid}-kl`, COLOURS.orange)}</defs>`;
  out += axes(box, { x: (v) => v, y, xTicks: [], yTicks: niceTicks(0, top, 5), yLabel: words.stack_axis, title: words.stack_title });
  const barWidth = Math.min(70, box.width * 0.24), barLeft = box.left + 22, barRight = barLeft + barWidth;
  const shownEntropy = Math.min(entropy, FULL * top), shownKl = Math.min(kl, FULL * top - shownEntropy);
  out += tag("rect", { x: barLeft, y: y(shownEntropy), width: barWidth, height: y(0) - y(shownEntropy), fill: COLOURS.blue, stroke: COLOURS.ink, "stroke-width": 1.2 });
  out += tag("rect", { x: barLeft, y: y(shownEntropy + shownKl), width: barWidth, height: y(shownEntropy) - y(shownEntropy + shownKl), fill: `url(#${uid}-kl)`, stroke: COLOURS.ink, "stroke-width": 1.2 });
  out += text(barLeft + barWidth / 2, box.top + box.height + 21, words.stack_bar, { size: 14, anchor: "middle" });
  const labels = [
    fillWords(words.entropy_label, { value: formatNumber(entropy, 3) }),
    fillWords(words.kl_label, { value: formatNumber(kl, 3) }),
    fillWords(words.cross_entropy_label, { value: formatNumber(crossEntropy, 3) }),
  ];
  const ends = [shownEntropy / 2, shownEntropy + shownKl / 2, shownEntropy + shownKl].map(y);
  const spots = stackLabelSpots(ends, 24, box.top + 14, box.top + box.height - 6);
  spots.forEach((spot, i) => {
    out += line(barRight, ends[i], barRight + 14, spot, { "stroke-width": 1 });
    out += text(barRight + 18, spot + 5, labels[i], { size: 15, weight: i === 2 ? "bold" : undefined, label: true });
  });
  return out;
}

// ---------------------------------------------------------------------------------------------

function draw(state, width, uid) {
  const words = state.words, q = predictionOf(state), p = state.truth, doors = state.kind === "doors";
  const names = q.map((_, i) => fillWords(doors ? words.door_name : words.class_name, { k: i + 1 }));
  const leftTitle = doors ? words.doors_title : words.classes_title;
  const wide = width >= 760;
  const leftWidth = wide ? Math.round(width * 0.56) : width, rightWidth = wide ? width - leftWidth : width;
  const height = wide ? 270 : 230;
  const plotWidth = (panelWidth) => panelWidth - 72 - 16;
  const titleTop = (heading, panelWidth) => 36 + 21 * (titleLines(heading, plotWidth(panelWidth)).length - 1);
  const top = Math.max(titleTop(leftTitle, leftWidth), wide ? titleTop(words.stack_title, rightWidth) : 0);
  const classes = classesPanel({ left: 72, top, width: plotWidth(leftWidth), height }, words, { names, q, p, title: leftTitle });
  const stackTop = wide ? top : classes.bottom + 20 + titleTop(words.stack_title, rightWidth);
  const stackBox = { left: (wide ? leftWidth : 0) + 72, top: stackTop, width: plotWidth(rightWidth), height };
  const out = group(classes.svg) + group(stackPanel(stackBox, words, uid, decomposition(state)));
  const bottom = Math.max(wide ? classes.bottom : 0, stackBox.top + stackBox.height + 30);
  return svgDocument(width, bottom + 6, out, fillWords(words.figure_title, { readout: describe(state) }));
}

const FIGURE = { name: "divergence", draw, describe };
