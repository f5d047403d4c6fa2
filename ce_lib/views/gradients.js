// Why not squared error (notebook 07): how hard each loss pushes one point's logit z, as z moves.
// Cross-entropy's gradient is p − y; squared error's, after a sigmoid, (p − y)·p(1 − p): it all
// but vanishes for a confidently wrong point, where cross-entropy pushes hardest.
// Words: the catalogue's `views.gradients` section (state.words).

const Z_LIMIT = 8, PUSH_TOP = 1.15;
const crossEntropyPush = (y, z) => sigmoid(z) - y; // ce_lib.lines.cross_entropy_gradient_logits
const squaredErrorPush = (y, z) => { const p = sigmoid(z); return (p - y) * p * sigmoid(-z); }; // squared_error_gradient_logits

function describe(state) {
  const { z, y: label, words } = state;
  return fillWords(words.readout, {
    z: formatFixed(z, 1), p: formatNumber(sigmoid(z), 3), colour: words[`colour_${label === 1 ? "red" : "blue"}`], y: String(label),
    cross: formatNumber(crossEntropyPush(label, z), 3), squared: formatNumber(squaredErrorPush(label, z), 3),
  });
}

function draw(state, width) {
  const { z, y: label, words } = state;
  const plotWidth = width - 84 - 24;
  const box = { left: 84, top: titleDepth(words.title, plotWidth) + 6, width: plotWidth, height: 330 };
  const x = linearScale([-Z_LIMIT, Z_LIMIT], [box.left, box.left + box.width]);
  const y = linearScale([0, PUSH_TOP], [box.top + box.height, box.top]);
  let out = axes(box, { x, y, xTicks: niceTicks(-Z_LIMIT, Z_LIMIT, 8), yTicks: niceTicks(0, 1, 5), xLabel: words.z_axis, yLabel: words.push_axis, title: words.title });
  // Where the point is called right (its true colour gets p > 0.5), shaded lightly, and named.
  const rightFrom = label === 1 ? 0 : -Z_LIMIT, rightTo = label === 1 ? Z_LIMIT : 0;
  out += tag("rect", { x: x(rightFrom), y: box.top, width: x(rightTo) - x(rightFrom), height: box.height, fill: "#EEF6EC" });
  // Halfway up each side, where neither curve runs (they hug the top and the bottom there).
  out += text((x(rightFrom) + x(rightTo)) / 2, y(0.55), words.right_side, { size: 15, anchor: "middle", fill: "#2d6a2d" });
  const wrongCentre = label === 1 ? x(-Z_LIMIT / 2) : x(Z_LIMIT / 2);
  out += text(wrongCentre, y(0.55), words.wrong_side, { size: 15, anchor: "middle", fill: "#8a3b00" });
  let cross = "", squared = "";
  for (let i = 0; i <= 320; i++) {
    const at = -Z_LIMIT + (2 * Z_LIMIT * i) / 320;
    cross += `${i ? "L" : "M"}${round2(x(at))},${round2(y(Math.abs(crossEntropyPush(label, at))))}`;
    squared += `${i ? "L" : "M"}${round2(x(at))},${round2(y(Math.abs(squaredErrorPush(label, at))))}`;
  }
  out += tag("path", { d: cross, fill: "none", stroke: COLOURS.blue, "stroke-width": 3, class: "ce-data" });
  out += tag("path", { d: squared, fill: "none", stroke: COLOURS.orange, "stroke-width": 3, "stroke-dasharray": "9 5", class: "ce-data" });
  out += line(x(z), box.top, x(z), box.top + box.height, { stroke: COLOURS.grey, "stroke-width": 1.2, "stroke-dasharray": "3 3" });
  const crossAt = Math.abs(crossEntropyPush(label, z)), squaredAt = Math.abs(squaredErrorPush(label, z));
  out += tag("circle", { cx: x(z), cy: y(crossAt), r: 8, fill: COLOURS.blue, stroke: COLOURS.ink, "stroke-width": 1.5, class: "ce-data" });
  out += tag("rect", { x: x(z) - 7, y: y(squaredAt) - 7, width: 14, height: 14, fill: COLOURS.orange, stroke: COLOURS.ink, "stroke-width": 1.5, class: "ce-data" });
  const spots = (cy) => [["start", x(z) + 13, cy - 8], ["end", x(z) - 13, cy - 8], ["start", x(z) + 13, cy + 20], ["end", x(z) - 13, cy + 20],
    ["start", x(z) + 13, cy - 28], ["end", x(z) - 13, cy - 28], ["start", x(z) + 13, cy + 40], ["end", x(z) - 13, cy + 40]];
  const placed = placeLabels([
    { words: formatNumber(crossAt, 3), size: 15, bold: true, spots: spots(y(crossAt)) },
    { words: formatNumber(squaredAt, 3), size: 15, bold: true, spots: spots(y(squaredAt)) },
  ], [box.left + 2, box.top + 2, box.left + box.width - 2, box.top + box.height - 2], [
    textBox("middle", (x(rightFrom) + x(rightTo)) / 2, y(0.55), words.right_side, 15), textBox("middle", wrongCentre, y(0.55), words.wrong_side, 15),
  ]);
  for (const p of placed) out += text(p.x, p.y, p.words, { size: 15, weight: "bold", anchor: p.anchor, halo: true, label: true });
  const key = flowLegend([
    [tag("path", { d: "M-12,0 L12,0", stroke: COLOURS.blue, "stroke-width": 3 }) + tag("circle", { r: 6, fill: COLOURS.blue, stroke: COLOURS.ink }), words.legend_cross],
    [tag("path", { d: "M-12,0 L12,0", stroke: COLOURS.orange, "stroke-width": 3, "stroke-dasharray": "9 5" }) + tag("rect", { x: -6, y: -6, width: 12, height: 12, fill: COLOURS.orange, stroke: COLOURS.ink }), words.legend_squared],
  ], 20, box.top + box.height + axisLabelDepth(words.z_axis, box.width) + 18, width - 40);
  out += key.svg;
  return svgDocument(width, key.bottom + 10, out, fillWords(words.figure_title, { readout: describe(state) }));
}

const FIGURE = { name: "gradients", draw, describe };
