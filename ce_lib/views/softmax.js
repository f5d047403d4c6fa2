// Softmax (notebook 06): three logits on sliders become q = softmax(z); the true class's bar is
// hatched and green, the others solid sky blue; the loss is −ln q(true class).

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

// ce_lib.cross_entropy_from_class_logits, for the true class k (1 to 3).
function classLoss(k, z) {
  return -logSoftmax(z)[k - 1] + 0;
}

function title(state) {
  const k = state.true_class;
  return `True class ${k}: loss −ln q${k} = ${formatNumber(classLoss(k, state.logits))}`;
}

function describe(state) {
  const q = softmax(state.logits), k = state.true_class;
  return `q = softmax(z) = [${q.map((v) => formatNumber(v, 3)).join(", ")}] · true class ${k}: `
    + `cross-entropy = −ln q${k} = ${formatNumber(classLoss(k, state.logits))}`;
}

function draw(state, width, uid) {
  const q = softmax(state.logits), k = state.true_class;
  const words = title(state);
  const left = 72, right = 16, plotWidth = width - left - right;
  const rows = titleLines(words, plotWidth + 60).length;
  const box = { left, top: 36 + 21 * (rows - 1), width: plotWidth, height: width < 560 ? 230 : 280 };
  const y = linearScale([0, 1.1], [box.top + box.height, box.top]);
  let out = `<defs>${hatchDefs(`${uid}-true`, COLOURS.B)}</defs>`;
  out += axes(box, { x: (v) => v, y, xTicks: [], yTicks: niceTicks(0, 1, 5), yLabel: "probability q", title: words });
  const group = box.width / q.length, barWidth = Math.min(130, group * 0.56), bottom = box.top + box.height;
  q.forEach((value, i) => {
    const centre = box.left + group * (i + 0.5), isTrue = i + 1 === k;
    out += tag("rect", {
      x: centre - barWidth / 2, y: y(value), width: barWidth, height: bottom - y(value),
      fill: isTrue ? `url(#${uid}-true)` : COLOURS.sky, stroke: COLOURS.ink, "stroke-width": 1.2,
    });
    out += text(centre, y(value) - 7, formatNumber(value, 3), { size: group < 100 ? 14 : 15, anchor: "middle", label: true });
    out += text(centre, bottom + 21, `class ${i + 1}`, { size: 14, anchor: "middle", weight: isTrue ? "bold" : undefined });
    if (isTrue) out += text(centre, bottom + 39, "(true)", { size: 14, anchor: "middle", weight: "bold" });
  });
  const key = flowLegend([
    [tag("rect", { x: -10, y: -9, width: 20, height: 18, fill: `url(#${uid}-true)`, stroke: COLOURS.ink }), "true class"],
    [tag("rect", { x: -10, y: -9, width: 20, height: 18, fill: COLOURS.sky, stroke: COLOURS.ink }), "other classes"],
  ], box.left, bottom + 62, box.width);
  out += key.svg;
  return svgDocument(width, key.bottom + 8, out, `Softmax of three logits. ${describe(state)}`);
}

export default {
  render({ model, el }) {
    return mountView({ model, el }, { name: "softmax", keys: ["logits", "true_class"], fixed: [], draw, describe });
  },
};
