// Honest probabilities (notebook 05): a group of look-alike points, a share f of them red; the
// model gives each the same q = p(red). Its expected cross-entropy per point against q is lowest
// exactly at q = f (a proper scoring rule), while accuracy is the same for every q above 0.5.
// Words: the catalogue's `views.calibration` section (state.words).

const CALIBRATION_TOP = 3.5; // nats per point: beyond it (q near 0 or 1), the curve leaves the plot

// −[f ln q + (1 − f) ln(1 − q)] (ce_lib.cross_entropy with the soft label f).
const expectedCost = (f, q) => binaryTerm(f, q);
// The share called right: the model calls every point red when q ≥ 0.5 (ce_lib.accuracy).
const accuracyOf = (f, q) => (q >= 0.5 ? f : 1 - f);

function describe(state) {
  const { share: f, q, words } = state;
  return fillWords(words.readout, {
    q: formatFixed(q, 2), cost: formatNumber(expectedCost(f, q)), f: formatFixed(f, 2),
    best: formatNumber(expectedCost(f, f), 3), accuracy: formatNumber(accuracyOf(f, q) * 100, 3),
  });
}

function costPanel(box, state) {
  const { share: f, q, words } = state;
  const x = linearScale([0, 1], [box.left, box.left + box.width]);
  const y = linearScale([0, CALIBRATION_TOP], [box.top + box.height, box.top]);
  let out = axes(box, { x, y, xTicks: niceTicks(0, 1, 5), yTicks: niceTicks(0, CALIBRATION_TOP, 5), yLabel: words.cost_axis, title: words.cost_title });
  // Evenly spaced in the middle, ever closer to 0 and 1 at the ends, where the cost climbs to ∞.
  const qs = [];
  for (let i = 1; i < 200; i++) qs.push(i / 200);
  for (let k = 3; k <= 8; k++) qs.push(10 ** -k, 1 - 10 ** -k);
  qs.sort((a, b) => a - b);
  let path = "";
  for (const value of qs) path += `${path ? "L" : "M"}${round2(x(value))},${round2(y(Math.min(expectedCost(f, value), CALIBRATION_TOP + 0.3)))}`;
  out += `<clipPath id="cal-clip"><rect x="${round2(box.left)}" y="${round2(box.top)}" width="${round2(box.width)}" height="${round2(box.height)}"/></clipPath>`;
  out += tag("path", { d: path, fill: "none", stroke: COLOURS.blue, "stroke-width": 2.5, "clip-path": "url(#cal-clip)", class: "ce-data" });
  // The lowest point: q = f, where the cost is the entropy of f.
  const best = expectedCost(f, f);
  out += line(x(f), y(best), x(f), box.top + box.height, { stroke: COLOURS.B, "stroke-width": 1.5, "stroke-dasharray": "4 3" });
  out += tag("rect", { x: x(f) - 6, y: y(best) - 6, width: 12, height: 12, fill: COLOURS.B, stroke: COLOURS.ink, transform: `rotate(45 ${round2(x(f))} ${round2(y(best))})`, class: "ce-data" });
  const cost = expectedCost(f, q), over = !(cost <= CALIBRATION_TOP);
  const qy = y(over ? CALIBRATION_TOP : cost);
  out += tag("circle", { cx: x(q), cy: qy, r: 8, fill: COLOURS.orange, stroke: COLOURS.ink, "stroke-width": 1.5, class: "ce-data" });
  const requests = [
    { words: fillWords(words.best_label, { f: formatFixed(f, 2), best: formatNumber(best, 3) }), size: 14, bold: false,
      spots: [["middle", x(f), y(best) - 16], ["middle", x(f), y(best) - 36], ["start", x(f) - 6, y(best) - 16], ["end", x(f) + 6, y(best) - 16],
        ["start", x(f) - 6, y(best) - 36], ["end", x(f) + 6, y(best) - 36], ["start", x(f) + 14, y(best) + 22], ["end", x(f) - 14, y(best) + 22]] },
    { words: fillWords(words.q_label, { q: formatFixed(q, 2), cost: formatNumber(cost) }), size: 14, bold: true,
      spots: [["start", x(q) + 13, qy - 8], ["end", x(q) - 13, qy - 8], ["start", x(q) + 13, qy + 20], ["end", x(q) - 13, qy + 20], ["middle", x(q), qy - 16], ["middle", x(q), qy + 30]] },
  ];
  for (const placed of placeLabels(requests, [box.left + 2, box.top + 2, box.left + box.width - 2, box.top + box.height - 2])) {
    out += text(placed.x, placed.y, placed.words, { size: 14, weight: placed.bold ? "bold" : undefined, anchor: placed.anchor, halo: true, label: true });
  }
  return out;
}

function accuracyPanel(box, state) {
  const { share: f, q, words } = state;
  const x = linearScale([0, 1], [box.left, box.left + box.width]);
  const y = linearScale([0, 100], [box.top + box.height, box.top]);
  let out = axes(box, { x, y, xTicks: niceTicks(0, 1, 5), yTicks: [0, 50, 100], xLabel: words.q_axis, yLabel: words.accuracy_axis, title: words.accuracy_title });
  const low = (1 - f) * 100, high = f * 100;
  out += tag("path", { d: `M${round2(x(0))},${round2(y(low))} L${round2(x(0.5))},${round2(y(low))} M${round2(x(0.5))},${round2(y(high))} L${round2(x(1))},${round2(y(high))}`,
    fill: "none", stroke: COLOURS.red, "stroke-width": 2.5, "stroke-dasharray": "8 4", class: "ce-data" });
  const qy = y(accuracyOf(f, q) * 100);
  out += tag("rect", { x: x(q) - 7, y: qy - 7, width: 14, height: 14, fill: COLOURS.orange, stroke: COLOURS.ink, "stroke-width": 1.5, class: "ce-data" });
  return out;
}

function draw(state, width) {
  const words = state.words;
  const plotWidth = width - 84 - 24;
  const box = { left: 84, top: titleDepth(words.cost_title, plotWidth) + 6, width: plotWidth, height: 300 };
  let out = group(costPanel(box, state));
  const lower = { left: 84, top: box.top + box.height + 30 + titleDepth(words.accuracy_title, plotWidth), width: plotWidth, height: 120 };
  out += group(accuracyPanel(lower, state));
  const key = flowLegend([
    [tag("path", { d: "M-12,0 L12,0", stroke: COLOURS.blue, "stroke-width": 2.5 }), words.legend_cost],
    [tag("rect", { x: -6, y: -6, width: 12, height: 12, fill: COLOURS.B, stroke: COLOURS.ink, transform: "rotate(45)" }), words.legend_best],
    [tag("circle", { r: 7, fill: COLOURS.orange, stroke: COLOURS.ink }), words.legend_q],
    [tag("path", { d: "M-12,0 L12,0", stroke: COLOURS.red, "stroke-width": 2.5, "stroke-dasharray": "8 4" }), words.legend_accuracy],
  ], 20, lower.top + lower.height + axisLabelDepth(words.q_axis, lower.width) + 18, width - 40);
  out += key.svg;
  return svgDocument(width, key.bottom + 10, out, fillWords(words.figure_title, { readout: describe(state) }));
}

const FIGURE = { name: "calibration", draw, describe };
