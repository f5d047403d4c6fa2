// Model A against model B on the plane (notebooks 00-03): one slider per point per model; each
// model's plane and, below, each point's probability, log or error and the models' totals.

const STEPS = {
  product: {
    name: "Product of probabilities", axis: "probability of the true colour", limits: [0, 1.15],
    perPoint: (p) => p, total: productOf, higherIsBetter: true,
  },
  log: {
    name: "Sum of ln(probabilities)", axis: "ln(probability)", limits: [-5.6, 0],
    perPoint: (p) => -pointError(p) + 0, total: (ps) => sumOf(ps.map((p) => Math.log(p))) + 0, higherIsBetter: true,
  },
  error: {
    name: "Cross-entropy (sum of errors)", axis: "error −ln(probability)", limits: [0, 5.6],
    perPoint: pointError, total: (ps) => sumOf(ps.map(pointError)) + 0, higherIsBetter: false,
  },
};

const MODELS = ["A", "B"];
const shownOf = (state, name) => state[`probabilities_${name.toLowerCase()}`];

function verdict(totals, higherIsBetter) {
  if (formatNumber(totals.A) === formatNumber(totals.B)) return "A and B are level";
  return (totals.A > totals.B) === higherIsBetter ? "A is ahead" : "B is ahead";
}

function describe(state) {
  if (state.step === "points") {
    const right = Object.fromEntries(MODELS.map((m) => [m, shownOf(state, m).filter((p) => p >= 0.5).length]));
    return `Points given at least 0.5 for their true colour — model A: ${right.A} of 4 · model B: ${right.B} of 4`;
  }
  const step = STEPS[state.step];
  const totals = Object.fromEntries(MODELS.map((m) => [m, step.total(shownOf(state, m))]));
  return `${step.name} — model A: ${formatNumber(totals.A)} · model B: ${formatNumber(totals.B)} → `
    + `${verdict(totals, step.higherIsBetter)} (${step.higherIsBetter ? "higher" : "lower"} is better)`;
}

// One bar per point per model (A hatched, B solid); ∞ fills the axis and is labelled ∞.
function barsPanel(box, state, uid) {
  const step = STEPS[state.step];
  const [low, high] = step.limits, span = high - low;
  const y = linearScale([low, high], [box.top + box.height, box.top]);
  const groups = shownOf(state, "A").length, groupWidth = box.width / groups, barWidth = Math.min(46, groupWidth * 0.3);
  const totals = Object.fromEntries(MODELS.map((m) => [m, step.total(shownOf(state, m))]));
  const title = `${step.name}:  A = ${formatNumber(totals.A)}  ·  B = ${formatNumber(totals.B)}  (${verdict(totals, step.higherIsBetter)})`;
  let out = `<defs>${hatchDefs(`${uid}-hatch`, COLOURS.A)}</defs>`;
  out += axes(box, {
    x: (v) => v, y, xTicks: [], yTicks: niceTicks(low, high, 5), yLabel: step.axis, title,
  });
  out += line(box.left, y(0), box.left + box.width, y(0), { "stroke-width": 1.2 });
  const narrow = groupWidth < 120, valueSize = narrow ? 12 : 14;
  state.points.forEach((point, i) => {
    const centre = box.left + groupWidth * (i + 0.5);
    if (narrow) {
      out += text(centre, box.top + box.height + 20, `point ${point.number}`, { size: 14, anchor: "middle" });
      out += text(centre, box.top + box.height + 37, `(${point.colour})`, { size: 14, anchor: "middle" });
    } else out += text(centre, box.top + box.height + 22, `point ${point.number} (${point.colour})`, { size: 14, anchor: "middle" });
    const labelTops = [];
    MODELS.forEach((name, j) => {
      const value = step.perPoint(shownOf(state, name)[i]);
      const shown = Number.isFinite(value) ? Math.min(Math.max(value, low), high) : value > 0 ? high - 0.1 * span : low + 0.1 * span;
      const x = centre + (j === 0 ? -barWidth - 3 : 3);
      const top = Math.min(y(shown), y(0)), height = Math.abs(y(shown) - y(0));
      out += tag("rect", { x, y: top, width: barWidth, height, fill: j === 0 ? `url(#${uid}-hatch)` : COLOURS.B, stroke: COLOURS.ink, "stroke-width": 1.2 });
      let labelY = shown >= 0 ? y(shown) - 6 : y(shown) + 17;
      const words = formatNumber(value, 3), half = (words.length * valueSize * 0.62) / 2;
      // Where the label would run into its neighbour's, lift (or, below the axis, lower) it clear.
      const cx = x + barWidth / 2;
      const clash = labelTops.find((other) => Math.abs(other.cx - cx) < half + other.half && Math.abs(other.cy - labelY) < valueSize + 2);
      if (clash) labelY = shown >= 0 ? clash.cy - valueSize - 3 : clash.cy + valueSize + 3;
      labelTops.push({ cx, cy: labelY, half });
      out += text(x + barWidth / 2, labelY, words, { size: valueSize, anchor: "middle", label: true });
    });
  });
  const key = [
    [tag("rect", { x: -9, y: -8, width: 18, height: 16, fill: `url(#${uid}-hatch)`, stroke: COLOURS.ink }), "model A"],
    [tag("rect", { x: -9, y: -8, width: 18, height: 16, fill: COLOURS.B, stroke: COLOURS.ink }), "model B"],
  ];
  out += legend(box.left + box.width - 130, step.higherIsBetter && state.step === "log" ? box.top + box.height - 68 : box.top + 8, key, { width: 122 });
  return out;
}

function draw(state, width, uid) {
  const wide = width >= 760;
  const panelWidth = wide ? width / 2 : width;
  const panelHeight = Math.round(Math.min(panelWidth - 100, 400) * 0.92) + 96;
  let out = "";
  MODELS.forEach((name, i) => {
    const left = wide ? i * panelWidth : 0, top = wide ? 0 : i * panelHeight;
    out += planePanel(`${uid}-${name}`, { left: left + 62, top: top + 52, width: panelWidth - 62 - 44, height: panelHeight - 52 - 54 }, {
      title: `Model ${name}`, weights: state.lines[name], points: state.points, shown: shownOf(state, name), limits: state.limits,
    });
  });
  const planesBottom = wide ? panelHeight : 2 * panelHeight;
  const key = planeLegend(20, planesBottom + 6, width - 40);
  out += key.svg;
  let height = key.bottom + 8;
  if (state.step !== "points") {
    const titleRows = titleLines(STEPS[state.step].name + ": A = 0.0000 · B = 0.0000 (B is ahead)", width - 32).length;
    const box = { left: 72, top: height + 20 + 21 * titleRows, width: width - 72 - 20, height: 260 };
    out += barsPanel(box, state, uid);
    height = box.top + box.height + (box.width / 4 < 120 ? 48 : 34);
  }
  const words = describe(state);
  return svgDocument(width, height, out, `Models A and B on the plane. ${words}`);
}

export default {
  render({ model, el }) {
    return mountView({ model, el }, { name: "plane", keys: ["probabilities_a", "probabilities_b"], fixed: ["step", "points", "lines", "limits"], draw, describe });
  },
};
