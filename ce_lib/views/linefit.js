// Fit the line by hand (notebook 07): angle, offset and sharpness make every point's probability;
// the plane for the line, each point's error, and the cross-entropy beside models A and B and the
// best line gradient descent finds.

const LINE_FIT_ERROR_TOP = 6;

function weightsOf(state) {
  return lineWeights(state.angle, state.offset, state.sharpness);
}

function describe(state) {
  const ce = lineCrossEntropy(weightsOf(state), state.points);
  const b = state.model_b_settings, references = state.references;
  return `Your line (${describeSettings(state.angle, state.offset, state.sharpness)}): cross-entropy ${formatNumber(ce)} · `
    + `model A: ${formatNumber(references.A)} · `
    + `model B (${describeSettings(b.angle, b.offset, b.sharpness)}): ${formatNumber(references.B)} · `
    + `best line after ${state.steps} steps: ${formatNumber(references.best)}`;
}

function draw(state, width, uid) {
  const weights = weightsOf(state);
  const shown = trueColourProbabilities(weights, state.points);
  const errors = shown.map(pointError);
  const ce = lineCrossEntropy(weights, state.points);
  const wide = width >= 760;
  const id = `${uid}-plane`;
  const plane = planeBox(wide, width, 52);
  const extras = [];
  let lines = "";
  if (state.show_model_b) {
    lines += referenceLine(plane, state.limits, state.model_b_weights, MODEL_B_LINE);
    extras.push([MODEL_B_LINE, "model B's line"]);
  }
  if (state.show_best) {
    lines += referenceLine(plane, state.limits, state.best_weights, BEST_LINE);
    extras.push([BEST_LINE, "best line (gradient descent)"]);
  }
  let out = planePanel(id, plane, { title: "Your line", weights, points: state.points, shown, limits: state.limits, references: lines });
  const title = `Cross-entropy of your line: ${formatNumber(ce)}`;
  const planeBottom = plane.top + plane.height + 50;
  let height;
  if (wide) {
    const left = plane.left + plane.width + 44 + 76;
    const bars = errorBars({ left, top: plane.top, width: width - left - 16, height: plane.height - 16 }, { points: state.points, errors, top: LINE_FIT_ERROR_TOP, title });
    const key = learningLegend(20, Math.max(planeBottom, bars.bottom) + 14, width - 40, extras);
    out += bars.svg + key.svg;
    height = key.bottom + 10;
  } else {
    const key = learningLegend(16, planeBottom + 12, width - 32, extras);
    const box = { left: 72, width: width - 72 - 16, height: 230 };
    box.top = key.bottom + 24 + 21 * titleRows(title, box.width);
    const bars = errorBars(box, { points: state.points, errors, top: LINE_FIT_ERROR_TOP, title });
    out += key.svg + bars.svg;
    height = bars.bottom + 8;
  }
  return svgDocument(width, height, out, `Your line on the plane and each point's error. ${describe(state)}`);
}

export default {
  render({ model, el }) {
    return mountView({ model, el }, {
      name: "linefit",
      keys: ["angle", "offset", "sharpness", "show_model_b", "show_best"],
      fixed: ["points", "limits", "model_b_settings", "model_b_weights", "best_weights", "steps", "references"],
      draw, describe,
    });
  },
};
