// Fit the line by hand (notebook 07): angle, offset and sharpness make every point's probability;
// the plane for the line, each point's error, and the cross-entropy beside models A and B and the
// best line gradient descent finds. Words: the catalogue's `views.linefit`, `views.learning` and
// `views.field` sections (state.words).

const LINE_FIT_ERROR_TOP = 6;

function weightsOf(state) {
  return lineWeights(state.angle, state.offset, state.sharpness);
}

// A line's settings as the readout says them (LineFit.settings_text).
function settingsText(words, angle, offset, sharpness) {
  return fillWords(words.settings, { angle: formatShort(angle), offset: formatShort(offset), sharpness: formatShort(sharpness) });
}

function describe(state) {
  const words = state.words, b = state.model_b_settings, references = state.references;
  return fillWords(words.readout, {
    settings: settingsText(words, state.angle, state.offset, state.sharpness),
    cross_entropy: formatNumber(lineCrossEntropy(weightsOf(state), state.points)),
    a: formatNumber(references.A),
    b_settings: settingsText(words, b.angle, b.offset, b.sharpness),
    b: formatNumber(references.B),
    steps: state.steps,
    best: formatNumber(references.best),
  });
}

function draw(state, width, uid) {
  const words = state.words;
  const weights = weightsOf(state);
  const shown = trueColourProbabilities(weights, state.points);
  const errors = shown.map(pointError);
  const wide = width >= 900; // the plane keeps its scale; the bars beside it need room for four columns
  const plane = planeBox(wide, width, 52);
  const extras = [];
  let lines = "";
  if (state.show_model_b) {
    lines += referenceLine(plane, state.limits, state.model_b_weights, MODEL_B_LINE);
    extras.push([MODEL_B_LINE, words.legend_model_b]);
  }
  if (state.show_best) {
    lines += referenceLine(plane, state.limits, state.best_weights, BEST_LINE);
    extras.push([BEST_LINE, words.legend_best]);
  }
  let out = group(planePanel(`${uid}-plane`, plane, {
    title: words.plane_title, weights, points: state.points, shown, limits: state.limits, words, references: lines,
  }));
  const title = fillWords(words.errors_title, { cross_entropy: formatNumber(lineCrossEntropy(weights, state.points)) });
  const bars = { points: state.points, errors, top: LINE_FIT_ERROR_TOP, title, words };
  const planeBottom = plane.top + plane.height + 50;
  let height;
  if (wide) {
    const left = plane.left + plane.width + 44 + 76;
    const panel = errorBars({ left, top: plane.top, width: width - left - 16, height: plane.height - 16 }, bars);
    const key = learningLegend(20, Math.max(planeBottom, panel.bottom) + 14, width - 40, words, extras);
    out += group(panel.svg) + key.svg;
    height = key.bottom + 10;
  } else {
    const key = learningLegend(16, planeBottom + 12, width - 32, words, extras);
    const box = { left: 72, width: width - 72 - 16, height: 230 };
    box.top = key.bottom + 24 + 21 * titleRows(title, box.width);
    const panel = errorBars(box, bars);
    out += key.svg + group(panel.svg);
    height = panel.bottom + 8;
  }
  return svgDocument(width, height, out, fillWords(words.figure_title, { readout: describe(state) }));
}

const FIGURE = { name: "linefit", draw, describe };
