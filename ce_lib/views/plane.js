// Model A against model B on the plane (notebooks 00-03): one slider per point per model; each
// model's plane and, below, each point's probability, log or error and the models' totals.
// Words: the catalogue's `views.plane` and `views.field` sections (state.words).

// How each step of the argument scores a model: per point, in total, the axis, which way is better.
const STEPS = {
  product: { perPoint: (p) => p, total: productOf, limits: [0, 1.15], higherIsBetter: true },
  log: { perPoint: (p) => -pointError(p) + 0, total: (ps) => sumOf(ps.map((p) => Math.log(p))) + 0, limits: [-5.6, 0], higherIsBetter: true },
  error: { perPoint: pointError, total: (ps) => sumOf(ps.map(pointError)) + 0, limits: [0, 5.6], higherIsBetter: false },
};

const MODELS = ["A", "B"];
const shownOf = (state, name) => state[`probabilities_${name.toLowerCase()}`];
const totalsOf = (state) => Object.fromEntries(MODELS.map((m) => [m, STEPS[state.step].total(shownOf(state, m))]));

// Which model is ahead; level when both totals print the same (ModelComparison.verdict).
function verdict(words, totals, higherIsBetter) {
  if (formatNumber(totals.A) === formatNumber(totals.B)) return words.verdict_level;
  return (totals.A > totals.B) === higherIsBetter ? words.verdict_a : words.verdict_b;
}

function describe(state) {
  const words = state.words;
  if (state.step === "points") {
    const right = (m) => fillWords(words.of, { count: shownOf(state, m).filter((p) => p >= 0.5).length, total: state.points.length });
    return fillWords(words.readout_points, { a: right("A"), b: right("B") });
  }
  const step = STEPS[state.step], totals = totalsOf(state);
  return fillWords(words.readout, {
    step: words[`step_${state.step}`], a: formatNumber(totals.A), b: formatNumber(totals.B),
    verdict: verdict(words, totals, step.higherIsBetter), better: step.higherIsBetter ? words.higher_better : words.lower_better,
  });
}

// One bar per point per model (A hatched, B solid); ∞ fills the axis and is labelled ∞.
// One bar per point per model (A hatched, B solid), and after them each model's total (the
// product, the sum of logs, the cross-entropy) as a pair of its own; ∞ fills the axis and is labelled ∞.
function barsPanel(box, state, uid) {
  const words = state.words, step = STEPS[state.step];
  const [low, high] = step.limits, span = high - low;
  const y = linearScale([low, high], [box.top + box.height, box.top]);
  const groups = shownOf(state, "A").length + 1, groupWidth = box.width / groups, barWidth = Math.min(46, groupWidth * 0.3);
  const totals = totalsOf(state);
  const title = fillWords(words.bars_title, {
    step: words[`step_${state.step}`], a: formatNumber(totals.A), b: formatNumber(totals.B), verdict: verdict(words, totals, step.higherIsBetter),
  });
  let out = `<defs>${hatchDefs(`${uid}-hatch`, COLOURS.A)}</defs>`;
  out += axes(box, { x: (v) => v, y, xTicks: [], yTicks: niceTicks(low, high, 5), yLabel: words[`axis_${state.step}`], title });
  out += line(box.left, y(0), box.left + box.width, y(0), { "stroke-width": 1.2 });
  const narrow = groupWidth < 120, valueSize = narrow ? 12 : 14;
  // A pair of bars, A's and B's, centred at `centre`, each labelled with its value.
  const labelTops = []; // every value label so far: a neighbour's, in this pair or the one before
  const pair = (centre, values) => {
    MODELS.forEach((name, j) => {
      const value = values[j];
      const shown = Number.isFinite(value) ? Math.min(Math.max(value, low), high) : value > 0 ? high - 0.1 * span : low + 0.1 * span;
      const x = centre + (j === 0 ? -barWidth - 3 : 3);
      const top = Math.min(y(shown), y(0)), height = Math.abs(y(shown) - y(0));
      out += tag("rect", { x, y: top, width: barWidth, height, fill: j === 0 ? `url(#${uid}-hatch)` : COLOURS.B, stroke: COLOURS.ink, "stroke-width": 1.2, class: "ce-data" });
      // A label goes beyond the bar's end, away from the axis's zero (below, on the all-negative ln axis).
      const beyond = high > 0;
      let labelY = beyond ? y(shown) - 6 : y(shown) + 17;
      const label = formatNumber(value, 3), half = textWidth(label, valueSize) / 2 + 3; // an estimate: room to spare
      // Where the label would run into its neighbour's, lift (or, below the axis, lower) it clear.
      const cx = x + barWidth / 2;
      const clash = labelTops.find((other) => Math.abs(other.cx - cx) < half + other.half && Math.abs(other.cy - labelY) < valueSize + 2);
      if (clash) labelY = beyond ? clash.cy - valueSize - 3 : clash.cy + valueSize + 3;
      labelTops.push({ cx, cy: labelY, half });
      out += text(cx, labelY, label, { size: valueSize, anchor: "middle", label: true });
    });
  };
  // A group's name: on one line if it fits, else on two, a size smaller where a line is still too wide.
  const fitting = (words) => (textWidth(words, 14) <= groupWidth - 4 ? 14 : 12);
  const nameBelow = (centre, first, second) => {
    if (narrow && second) {
      out += text(centre, box.top + box.height + 20, first, { size: fitting(first), anchor: "middle" });
      out += text(centre, box.top + box.height + 37, second, { size: fitting(second), anchor: "middle" });
    } else out += text(centre, box.top + box.height + 22, second ? `${first} ${second}` : first, { size: fitting(first), anchor: "middle" });
  };
  state.points.forEach((point, i) => {
    const centre = box.left + groupWidth * (i + 0.5);
    const colour = words[`colour_${point.colour}`];
    nameBelow(centre, fillWords(words.point, { number: point.number }), fillWords(words.in_brackets, { words: colour }));
    pair(centre, MODELS.map((name) => step.perPoint(shownOf(state, name)[i])));
  });
  // The totals, apart from the points by a thin line: what the title says, drawn.
  const divider = box.left + groupWidth * (groups - 1);
  out += line(divider, box.top, divider, box.top + box.height, { stroke: "#999999", "stroke-dasharray": "4 4" });
  const totalCentre = box.left + groupWidth * (groups - 0.5);
  nameBelow(totalCentre, words[`total_${state.step}`]);
  pair(totalCentre, MODELS.map((name) => totals[name]));
  // The key sits under the axis, where no bar or label can reach it.
  const key = flowLegend([
    [tag("rect", { x: -9, y: -8, width: 18, height: 16, fill: `url(#${uid}-hatch)`, stroke: COLOURS.ink }), fillWords(words.model, { name: "A" })],
    [tag("rect", { x: -9, y: -8, width: 18, height: 16, fill: COLOURS.B, stroke: COLOURS.ink }), fillWords(words.model, { name: "B" })],
  ], box.left, box.top + box.height + (narrow ? 62 : 48), box.width);
  return { svg: out + key.svg, bottom: key.bottom };
}

function draw(state, width, uid) {
  const words = state.words;
  const wide = width >= 760;
  const panelWidth = wide ? width / 2 : width;
  const panelHeight = Math.round(Math.min(panelWidth - 100, 400) * 0.92) + 96;
  let out = "";
  MODELS.forEach((name, i) => { // each panel a group: a redraw swaps only what changed inside it
    const left = wide ? i * panelWidth : 0, top = wide ? 0 : i * panelHeight;
    out += "<g>" + planePanel(`${uid}-${name}`, { left: left + 68, top: top + 52, width: panelWidth - 68 - 44, height: panelHeight - 52 - 54 }, {
      title: fillWords(words.model_title, { name }), weights: state.lines[name], points: state.points, shown: shownOf(state, name),
      limits: state.limits, words,
    }) + "</g>";
  });
  const planesBottom = wide ? panelHeight : 2 * panelHeight;
  const key = planeLegend(20, planesBottom + 6, width - 40, words);
  out += key.svg;
  let height = key.bottom + 8;
  if (state.step !== "points") {
    const widest = fillWords(words.bars_title, { step: words[`step_${state.step}`], a: "0.0000", b: "0.0000", verdict: words.verdict_level });
    const titleRows = titleLines(widest, width - 92).length;
    const box = { left: 72, top: height + 20 + 21 * titleRows, width: width - 72 - 20, height: 260 };
    const bars = barsPanel(box, state, uid);
    out += `<g>${bars.svg}</g>`;
    height = bars.bottom + 10;
  }
  return svgDocument(width, height, out, fillWords(words.figure_title, { readout: describe(state) }));
}

const FIGURE = { name: "plane", draw, describe };
