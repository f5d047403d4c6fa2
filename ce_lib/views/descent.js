// Gradient descent from model A's line (notebook 07), lowering cross-entropy or squared error: a
// slider over the steps of the path ce_lib computed; the line at this step on the plane, the loss
// against the step (with model A's and B's levels of it) and each point's error. Words: the catalogue's `views.descent`, `views.learning` and
// `views.field` sections (state.words).

const DESCENT_ERROR_TOP = 3;
// The top of the loss axis, per loss: model A starts at 4.78 nats, or at a squared error of 0.85.
const CURVE_TOP = { "cross-entropy": 5.4, "squared error": 1 };
const lossKey = (loss) => `loss_${loss.replace(/[ -]/g, "_")}`;
const pathOf = (state) => state.paths[state.loss];

// "1 step", "76 steps": the count in its plural form's words (a language with one form writes both alike).
function stepsWords(words, count) {
  return fillWords(count === 1 ? words.steps_one : words.steps_other, { count });
}

function errorsAt(state) {
  return trueColourProbabilities(pathOf(state).weights[state.step], state.points).map(pointError);
}

function describe(state) {
  const words = state.words, path = pathOf(state);
  const verdict = path.first_below_b === null
    ? fillWords(words.verdict_never, { steps: path.losses.length - 1 }) : fillWords(words.verdict_from, { step: path.first_below_b });
  return fillWords(words.readout, {
    loss: words[lossKey(state.loss)], step: state.step, value: formatNumber(path.losses[state.step]), a: formatNumber(path.losses[0]),
    b: formatNumber(path.levels.B), verdict, errors: errorsAt(state).map((e) => formatNumber(e, 3)).join(words.list_separator),
  });
}

function curveTitle(state) {
  const words = state.words, losses = pathOf(state).losses;
  const loss = words[lossKey(state.loss)];
  return fillWords(words.curve_title, { loss: loss[0].toUpperCase() + loss.slice(1), step: state.step, value: formatNumber(losses[state.step]) });
}

// The loss against the step: model A's and B's levels of it, the first step below B, this step.
function curvePanel(box, state) {
  const words = state.words, path = pathOf(state);
  const losses = path.losses, steps = losses.length - 1, modelB = path.levels.B, top = CURVE_TOP[state.loss];
  const x = linearScale([-5, steps + 5], [box.left, box.left + box.width]);
  const y = linearScale([0, top], [box.top + box.height, box.top]);
  const right = box.left + box.width;
  let out = axes(box, {
    x, y, xTicks: niceTicks(0, steps, 4), yTicks: niceTicks(0, top, 5), xLabel: words.curve_x, yLabel: words[lossKey(state.loss)], title: curveTitle(state),
  });
  out += line(box.left, y(losses[0]), right, y(losses[0]), MODEL_A_LINE);
  out += line(box.left, y(modelB), right, y(modelB), MODEL_B_LINE);
  out += tag("polyline", { points: losses.map((v, i) => `${round2(x(i))},${round2(y(v))}`).join(" "), fill: "none", stroke: COLOURS.blue, "stroke-width": 2.5, class: "ce-data" });
  // The levels' names over their lines at the right; the first step below B beside its mark (or,
  // if the path never gets there, said at the path's end), on its right where there is room.
  const level = (name, value) => fillWords(words.level, { model: fillWords(words.model, { name }), value: formatNumber(value) });
  const requests = [
    { words: level("A", losses[0]), size: 14, spots: [["end", right - 5, y(losses[0]) - 6], ["end", right - 5, y(losses[0]) + 18]] },
    { words: level("B", modelB), size: 14, spots: [["end", right - 5, y(modelB) - 6], ["end", right - 5, y(modelB) + 18], ["start", box.left + 5, y(modelB) - 6]] },
  ];
  if (path.first_below_b !== null) {
    const first = x(path.first_below_b);
    out += line(first, y(0), first, Math.max(box.top, y(modelB) - 0.1 * box.height), { stroke: COLOURS.B, "stroke-width": 1.5, "stroke-dasharray": "3 3" });
    requests.push({ words: fillWords(words.below_b, { step: path.first_below_b }), size: 13,
      spots: [["start", first + 5, y(modelB) - 27], ["end", first - 5, y(modelB) - 27], ["start", first + 5, y(modelB) - 45], ["end", first - 5, y(modelB) - 45]] });
  } else {
    const end = y(losses[steps]);
    requests.push({ words: fillWords(words.never_below_b, { steps }), size: 13,
      spots: [["end", right - 5, end - 12], ["end", right - 5, end + 22], ["end", right - 5, end - 30], ["end", right - 5, end + 40]] });
  }
  const labels = placeLabels(requests, [box.left, box.top, right, box.top + box.height]);
  for (const p of labels) out += text(p.x, p.y, p.words, { size: p.size, anchor: p.anchor, halo: true, label: true });
  out += tag("circle", { cx: x(state.step), cy: y(losses[state.step]), r: 7.5, fill: COLOURS.orange, stroke: COLOURS.ink, "stroke-width": 1.5, class: "ce-data" });
  return out;
}

function draw(state, width, uid) {
  const words = state.words;
  const wide = width >= 900; // the plane keeps its scale; the bars beside it need room for four columns
  const weights = pathOf(state).weights[state.step];
  const shown = trueColourProbabilities(weights, state.points);
  const plane = planeBox(wide, width, 52);
  const references = referenceLine(plane, state.limits, state.model_a_weights, MODEL_A_LINE);
  const after = stepsWords(words, state.step);
  let out = group(planePanel(`${uid}-plane`, plane, {
    title: fillWords(words.plane_title, { steps: after }), weights, points: state.points, shown, limits: state.limits, words, references,
  }));
  const extras = [[MODEL_A_LINE, words.legend_model_a]];
  const planeBottom = plane.top + plane.height + 50;
  const barsTitle = fillWords(words.errors_title, { steps: after });
  let next;
  if (wide) {
    const left = plane.left + plane.width + 44 + 72;
    out += group(curvePanel({ left, top: plane.top, width: width - left - 16, height: plane.height }, state));
    const key = learningLegend(20, planeBottom + 12, width - 40, words, extras);
    out += key.svg;
    next = key.bottom;
  } else {
    const key = learningLegend(16, planeBottom + 12, width - 32, words, extras);
    out += key.svg;
    const box = { left: 66, width: width - 66 - 16, height: 230 };
    box.top = key.bottom + 24 + 21 * titleRows(curveTitle(state), box.width);
    out += group(curvePanel(box, state));
    next = box.top + box.height + 50;
  }
  const box = { left: 72, width: width - 72 - 20, height: wide ? 210 : 220 };
  box.top = next + 24 + 21 * titleRows(barsTitle, box.width);
  const bars = errorBars(box, { points: state.points, errors: shown.map(pointError), top: DESCENT_ERROR_TOP, title: barsTitle, words });
  out += bars.svg;
  return svgDocument(width, bars.bottom + 8, out, fillWords(words.figure_title, { readout: describe(state) }));
}

const FIGURE = { name: "descent", draw, describe };
