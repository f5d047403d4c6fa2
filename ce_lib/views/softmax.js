// Softmax (notebook 06): logits on sliders become q = softmax(z); the true class's bar is
// hatched and green, the others solid sky blue; the loss is −ln q(true class).
// Words: the catalogue's `views.softmax` section (state.words).

// ce_lib.softmax: subtract the largest logit, exponentiate, divide by the sum (left to right).
function softmax(z) {
  const largest = Math.max(...z);
  const exponentials = z.map((v) => Math.exp(v - largest));
  const total = sumOf(exponentials);
  return exponentials.map((v) => v / total);
}

// ce_lib.log_softmax: the shifted logits minus the log of the sum of their exponentials.
function logSoftmax(z) {
  const largest = Math.max(...z);
  const shifted = z.map((v) => v - largest);
  const logTotal = Math.log(sumOf(shifted.map((v) => Math.exp(v))));
  return shifted.map((v) => v - logTotal);
}

// ce_lib.cross_entropy_from_class_logits, for the true class k (counted from 1).
function classLoss(k, z) {
  return -logSoftmax(z)[k - 1] + 0;
}

// The figure's title: the true class and its loss (Softmax.title).
function title(state) {
  const k = state.true_class;
  return fillWords(state.words.title, { k, loss: formatNumber(classLoss(k, state.logits)) });
}

function describe(state) {
  const words = state.words, q = softmax(state.logits), k = state.true_class;
  return fillWords(words.readout, {
    q: q.map((v) => formatNumber(v, 3)).join(words.separator), k, loss: formatNumber(classLoss(k, state.logits)),
  });
}

const swatch = (fill) => tag("rect", { x: -10, y: -9, width: 20, height: 18, fill, stroke: COLOURS.ink });

function draw(state, width, uid) {
  const words = state.words, q = softmax(state.logits), k = state.true_class;
  const heading = title(state);
  const left = 72, right = 16, plotWidth = width - left - right;
  const rows = titleLines(heading, plotWidth).length;
  const box = { left, top: 36 + 21 * (rows - 1), width: plotWidth, height: width < 560 ? 230 : 280 };
  const y = linearScale([0, 1.1], [box.top + box.height, box.top]);
  let out = `<defs>${hatchDefs(`${uid}-true`, COLOURS.B)}</defs>`;
  out += axes(box, { x: (v) => v, y, xTicks: [], yTicks: niceTicks(0, 1, 5), yLabel: words.y_axis, title: heading });
  const group = box.width / q.length, barWidth = Math.min(130, group * 0.56), bottom = box.top + box.height;
  // Each class's name under its bar, on as many lines as its share of the width needs; "(true)" under the true one's.
  const names = q.map((_, i) => wrapText(fillWords(words.class_name, { k: i + 1 }), group - 8, 14));
  const nameRows = Math.max(...names.map((lines, i) => lines.length + (i + 1 === k ? 1 : 0)), 2);
  q.forEach((value, i) => {
    const centre = box.left + group * (i + 0.5), isTrue = i + 1 === k;
    out += tag("rect", {
      x: centre - barWidth / 2, y: y(value), width: barWidth, height: bottom - y(value),
      fill: isTrue ? `url(#${uid}-true)` : COLOURS.sky, stroke: COLOURS.ink, "stroke-width": 1.2,
    });
    out += text(centre, y(value) - 7, formatNumber(value, 3), { size: group < 100 ? 14 : 15, anchor: "middle", label: true });
    const lines = isTrue ? [...names[i], words.true_mark] : names[i];
    lines.forEach((row, j) => {
      out += text(centre, bottom + 21 + 18 * j, row, { size: 14, anchor: "middle", weight: isTrue ? "bold" : undefined });
    });
  });
  const key = flowLegend([
    [swatch(`url(#${uid}-true)`), words.legend_true],
    [swatch(COLOURS.sky), words.legend_other],
  ], box.left, bottom + 26 + 18 * nameRows, box.width);
  out += key.svg;
  return svgDocument(width, key.bottom + 8, out, fillWords(words.figure_title, { readout: describe(state) }));
}

const FIGURE = { name: "softmax", draw, describe };
