// Gradient descent from model A's line (notebook 07): a slider over the steps of the path ce_lib
// computed; the line at this step on the plane, the cross-entropy against the step (past model B's
// level) and each point's error. Words: the catalogue's `views.descent`, `views.learning` and
// `views.field` sections (state.words).

const DESCENT_ERROR_TOP = 3;
const CURVE_TOP = 5.4;

// "1 step", "76 steps": the count in its plural form's words (a language with one form writes both alike).
function stepsWords(words, count) {
  return fillWords(count === 1 ? words.steps_one : words.steps_other, { count });
}

function errorsAt(state) {
  return trueColourProbabilities(state.path_weights[state.step], state.points).map(pointError);
}

function describe(state) {
  const words = state.words, losses = state.path_cross_entropies;
  return fillWords(words.readout, {
    step: state.step,
    cross_entropy: formatNumber(losses[state.step]),
    a: formatNumber(losses[0]),
    b: formatNumber(state.model_b_cross_entropy),
    errors: errorsAt(state).map((e) => formatNumber(e, 3)).join(words.list_separator),
  });
}

function curveTitle(state) {
  return fillWords(state.words.curve_title, { step: state.step, cross_entropy: formatNumber(state.path_cross_entropies[state.step]) });
}

// The cross-entropy against the step: model A's and B's levels, the first step below B, this step.
function curvePanel(box, state) {
  const words = state.words;
  const losses = state.path_cross_entropies, steps = losses.length - 1, modelB = state.model_b_cross_entropy;
  const x = linearScale([-5, steps + 5], [box.left, box.left + box.width]);
  const y = linearScale([0, CURVE_TOP], [box.top + box.height, box.top]);
  const right = box.left + box.width;
  let out = axes(box, {
    x, y, xTicks: niceTicks(0, steps, 4), yTicks: niceTicks(0, CURVE_TOP, 6), xLabel: words.curve_x, yLabel: words.curve_y, title: curveTitle(state),
  });
  out += line(box.left, y(losses[0]), right, y(losses[0]), MODEL_A_LINE);
  out += line(box.left, y(modelB), right, y(modelB), MODEL_B_LINE);
  out += tag("polyline", { points: losses.map((v, i) => `${round2(x(i))},${round2(y(v))}`).join(" "), fill: "none", stroke: COLOURS.blue, "stroke-width": 2.5 });
  const first = x(state.first_below_model_b);
  out += line(first, y(0), first, y(modelB + 0.55), { stroke: COLOURS.B, "stroke-width": 1.5, "stroke-dasharray": "3 3" });
  // The levels' names over their lines at the right; the first step below B beside its mark, on
  // the right of it if there is room, else on its left.
  const level = (name, value) => fillWords(words.level, { model: fillWords(words.model, { name }), value: formatNumber(value) });
  const labels = placeLabels([
    { words: level("A", losses[0]), size: 14, spots: [["end", right - 5, y(losses[0]) - 6], ["end", right - 5, y(losses[0]) + 18]] },
    { words: level("B", modelB), size: 14, spots: [["end", right - 5, y(modelB) - 6], ["end", right - 5, y(modelB) + 18]] },
    {
      words: fillWords(words.below_b, { step: state.first_below_model_b }), size: 13,
      spots: [["start", first + 5, y(modelB) - 27], ["end", first - 5, y(modelB) - 27], ["start", first + 5, y(modelB) - 45], ["end", first - 5, y(modelB) - 45]],
    },
  ], [box.left, box.top, right, box.top + box.height]);
  for (const p of labels) out += text(p.x, p.y, p.words, { size: p.size, anchor: p.anchor, label: true });
  out += tag("circle", { cx: x(state.step), cy: y(losses[state.step]), r: 7.5, fill: COLOURS.orange, stroke: COLOURS.ink, "stroke-width": 1.5 });
  return out;
}

function draw(state, width, uid) {
  const words = state.words;
  const wide = width >= 760;
  const weights = state.path_weights[state.step];
  const shown = trueColourProbabilities(weights, state.points);
  const plane = planeBox(wide, width, 52);
  const references = referenceLine(plane, state.limits, state.model_a_weights, MODEL_A_LINE);
  const after = stepsWords(words, state.step);
  let out = planePanel(`${uid}-plane`, plane, {
    title: fillWords(words.plane_title, { steps: after }), weights, points: state.points, shown, limits: state.limits, words, references,
  });
  const extras = [[MODEL_A_LINE, words.legend_model_a]];
  const planeBottom = plane.top + plane.height + 50;
  const barsTitle = fillWords(words.errors_title, { steps: after });
  let next;
  if (wide) {
    const left = plane.left + plane.width + 44 + 72;
    out += curvePanel({ left, top: plane.top, width: width - left - 16, height: plane.height }, state);
    const key = learningLegend(20, planeBottom + 12, width - 40, words, extras);
    out += key.svg;
    next = key.bottom;
  } else {
    const key = learningLegend(16, planeBottom + 12, width - 32, words, extras);
    out += key.svg;
    const box = { left: 66, width: width - 66 - 16, height: 230 };
    box.top = key.bottom + 24 + 21 * titleRows(curveTitle(state), box.width);
    out += curvePanel(box, state);
    next = box.top + box.height + 50;
  }
  const box = { left: 72, width: width - 72 - 20, height: wide ? 210 : 220 };
  box.top = next + 24 + 21 * titleRows(barsTitle, box.width);
  const bars = errorBars(box, { points: state.points, errors: shown.map(pointError), top: DESCENT_ERROR_TOP, title: barsTitle, words });
  out += bars.svg;
  return svgDocument(width, bars.bottom + 8, out, fillWords(words.figure_title, { readout: describe(state) }));
}

const FIGURE = { name: "descent", draw, describe };
