// Gradient descent from model A's line (notebook 07): a slider over the steps of the path ce_lib
// computed; the line at this step on the plane, the cross-entropy against the step (past model B's
// level) and each point's error.

const DESCENT_ERROR_TOP = 3;
const CURVE_TOP = 5.4;

function stepsText(step) {
  return step === 1 ? "1 step" : `${step} steps`;
}

function errorsAt(state) {
  return trueColourProbabilities(state.path_weights[state.step], state.points).map(pointError);
}

function describe(state) {
  const losses = state.path_cross_entropies;
  return `Step ${state.step}: cross-entropy ${formatNumber(losses[state.step])} · `
    + `model A (step 0): ${formatNumber(losses[0])} · model B: ${formatNumber(state.model_b_cross_entropy)} · `
    + `errors ${errorsAt(state).map((e) => formatNumber(e, 3)).join(", ")}`;
}

function curveTitle(state) {
  return `Cross-entropy at step ${state.step}: ${formatNumber(state.path_cross_entropies[state.step])}`;
}

// The cross-entropy against the step: model A's and B's levels, the first step below B, this step.
function curvePanel(box, state) {
  const losses = state.path_cross_entropies, steps = losses.length - 1, modelB = state.model_b_cross_entropy;
  const x = linearScale([-5, steps + 5], [box.left, box.left + box.width]);
  const y = linearScale([0, CURVE_TOP], [box.top + box.height, box.top]);
  const right = box.left + box.width;
  let out = axes(box, {
    x, y, xTicks: niceTicks(0, steps, 4), yTicks: niceTicks(0, CURVE_TOP, 6), xLabel: "step", yLabel: "cross-entropy", title: curveTitle(state),
  });
  out += line(box.left, y(losses[0]), right, y(losses[0]), MODEL_A_LINE);
  out += line(box.left, y(modelB), right, y(modelB), MODEL_B_LINE);
  out += tag("polyline", { points: losses.map((v, i) => `${round2(x(i))},${round2(y(v))}`).join(" "), fill: "none", stroke: COLOURS.blue, "stroke-width": 2.5 });
  out += text(right - 5, y(losses[0]) - 6, `model A: ${formatNumber(losses[0])}`, { size: 14, anchor: "end", label: true });
  out += text(right - 5, y(modelB) - 6, `model B: ${formatNumber(modelB)}`, { size: 14, anchor: "end", label: true });
  const first = x(state.first_below_model_b);
  out += line(first, y(0), first, y(modelB + 0.55), { stroke: COLOURS.B, "stroke-width": 1.5, "stroke-dasharray": "3 3" });
  out += text(first + 5, y(modelB) - 27, `below B from step ${state.first_below_model_b}`, { size: 13, label: true });
  out += tag("circle", { cx: x(state.step), cy: y(losses[state.step]), r: 7.5, fill: COLOURS.orange, stroke: COLOURS.ink, "stroke-width": 1.5 });
  return out;
}

function draw(state, width, uid) {
  const wide = width >= 760;
  const weights = state.path_weights[state.step];
  const shown = trueColourProbabilities(weights, state.points);
  const id = `${uid}-plane`;
  const plane = planeBox(wide, width, 52);
  const references = referenceLine(plane, state.limits, state.model_a_weights, MODEL_A_LINE);
  let out = planePanel(id, plane, { title: `The line after ${stepsText(state.step)}`, weights, points: state.points, shown, limits: state.limits, references });
  const extras = [[MODEL_A_LINE, "model A's line (step 0)"]];
  const planeBottom = plane.top + plane.height + 50;
  const barsTitle = `Each point's error −ln p after ${stepsText(state.step)}`;
  let next;
  if (wide) {
    const left = plane.left + plane.width + 44 + 72;
    out += curvePanel({ left, top: plane.top, width: width - left - 16, height: plane.height }, state);
    const key = learningLegend(20, planeBottom + 12, width - 40, extras);
    out += key.svg;
    next = key.bottom;
  } else {
    const key = learningLegend(16, planeBottom + 12, width - 32, extras);
    out += key.svg;
    const box = { left: 66, width: width - 66 - 16, height: 230 };
    box.top = key.bottom + 24 + 21 * titleRows(curveTitle(state), box.width);
    out += curvePanel(box, state);
    next = box.top + box.height + 50;
  }
  const box = { left: 72, width: width - 72 - 20, height: wide ? 210 : 220 };
  box.top = next + 24 + 21 * titleRows(barsTitle, box.width);
  const bars = errorBars(box, { points: state.points, errors: shown.map(pointError), top: DESCENT_ERROR_TOP, title: barsTitle });
  out += bars.svg;
  return svgDocument(width, bars.bottom + 8, out, `Gradient descent from model A's line. ${describe(state)}`);
}

export default {
  render({ model, el }) {
    return mountView({ model, el }, {
      name: "descent",
      keys: ["step"],
      fixed: ["points", "limits", "path_weights", "path_cross_entropies", "model_a_weights", "model_b_cross_entropy", "first_below_model_b"],
      draw, describe,
    });
  },
};
