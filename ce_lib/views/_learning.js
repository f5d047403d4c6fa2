// What the two line-learning views of notebook 07 share (linefit.js, descent.js): a line's
// cross-entropy and each point's probability exactly as ce_lib.lines computes them, the
// reference lines drawn over the plane, the legend, and each point's error as a bar.
// Its words are the catalogue's `views.learning` section. Pure: no page, no document.

// The plane's pixels per unit when the view is wide: its 5 units take 430 px.
const WIDE_UNIT = 86;
// How the reference lines look on the plane: dashed in the model's colour, dotted grey for the best line.
const MODEL_A_LINE = { stroke: COLOURS.A, "stroke-width": 2.5, "stroke-dasharray": "10 6" };
const MODEL_B_LINE = { stroke: COLOURS.B, "stroke-width": 2.5, "stroke-dasharray": "10 6" };
const BEST_LINE = { stroke: COLOURS.grey, "stroke-width": 3.5, "stroke-dasharray": "0.5 7", "stroke-linecap": "round" };

// (softplus(z), softplus(-z)), stably: ce_lib.logits.softplus_pair.
function softplusPair(z) {
  const shared = Math.log1p(Math.exp(-Math.abs(z)));
  return [Math.max(z, 0) + shared, Math.max(-z, 0) + shared];
}

// ce_lib.lines.line_cross_entropy: cross_entropy_from_logits(labels, line_logits(weights, points)),
// each term y * softplus(-z) + (1 - y) * softplus(z), summed left to right.
function lineCrossEntropy(weights, points) {
  const terms = points.map((point) => {
    const y = point.colour === "red" ? 1 : 0;
    const [softplusZ, softplusMinusZ] = softplusPair(lineLogit(weights, [point.x, point.y]));
    return y * softplusMinusZ + (1 - y) * softplusZ;
  });
  return sumOf(terms) / 1 + 0;
}

// ce_lib.lines.true_colour_probabilities: sigmoid(z) for a red point, sigmoid(-z) for a blue one.
function trueColourProbabilities(weights, points) {
  return points.map((point) => {
    const z = lineLogit(weights, [point.x, point.y]);
    return point.colour === "red" ? sigmoid(z) : sigmoid(-z);
  });
}

// Where the plane goes: a fixed scale when wide, the width it has when narrow.
function planeBox(wide, width, top) {
  const planeWidth = wide ? 5 * WIDE_UNIT : width - 68 - 44;
  return { left: 68, top, width: planeWidth, height: (planeWidth * 4.6) / 5 };
}

// A line (p(red) = 0.5) on a plane `planePanel` drew, as SVG (unclipped), or "" when it misses the plane.
function referenceLine(box, limits, weights, style) {
  const frame = planeFrame(box, limits);
  const segment = levelSegment(weights, 0, limits);
  if (!segment) return "";
  const [[x1, y1], [x2, y2]] = segment;
  return line(frame.sx(x1), frame.sy(y1), frame.sx(x2), frame.sy(y2), style);
}

// The planes' legend (no what-if marker), then the reference lines shown, `extras` as
// [line style, words], flowing on rows of their own.
function learningLegend(left, top, width, words, extras) {
  const key = planeLegend(left, top, width, words, { whatIf: false });
  if (!extras.length) return key;
  const rows = flowLegend(extras.map(([style, item]) => [line(-12, 0, 12, 0, style), item]), left - 4, key.bottom + 10, width + 4);
  return { svg: key.svg + rows.svg, bottom: rows.bottom };
}

// Each point's error −ln p as a bar in the point's colour (its marker below: circle red, square blue),
// valued; a bar past `top` (or ∞) fills the axis and carries its value inside.
function errorBars(box, { points, errors, top, title, words }) {
  const y = linearScale([0, top], [box.top + box.height, box.top]);
  const groupWidth = box.width / points.length, barWidth = Math.min(64, groupWidth * 0.55);
  let out = axes(box, { x: (v) => v, y, xTicks: [], yTicks: niceTicks(0, top, 3), yLabel: words.errors_axis, title });
  const bottom = box.top + box.height;
  // A point's name on one line if every name fits its column, else the colour on a line of its own.
  const names = points.map((point) => fillWords(words.point_colour, { number: point.number, colour: words[`colour_${point.colour}`] }));
  const narrow = names.some((name) => textWidth(name, 14) > groupWidth - 8);
  const nameSize = (words) => (textWidth(words, 14) <= groupWidth - 6 ? 14 : textWidth(words, 12) <= groupWidth - 4 ? 12 : 11);
  // The values a size smaller where one would crowd its neighbour's column.
  const values = errors.map((error) => formatNumber(error, 3));
  const valueSize = values.some((value) => textWidth(value, 14, true) > groupWidth - 10) ? 12 : 14;
  // ln 2: a point whose error is below it gets more than 0.5 for its own colour, so it is on its side.
  const onItsSide = { stroke: COLOURS.grey, "stroke-width": 1.5, "stroke-dasharray": "7 4" };
  out += line(box.left, y(Math.LN2), box.left + box.width, y(Math.LN2), onItsSide);
  points.forEach((point, i) => {
    const centre = box.left + groupWidth * (i + 0.5), error = errors[i];
    const full = !Number.isFinite(error) || error > top;
    const height = y(0) - y(full ? top : error);
    out += tag("rect", { x: centre - barWidth / 2, y: y(0) - height, width: barWidth, height, fill: COLOURS[point.colour], stroke: COLOURS.ink, "stroke-width": 1.2 });
    if (full || error > 0.88 * top) out += text(centre, box.top + 19, values[i], { size: valueSize, anchor: "middle", weight: "bold", halo: true, label: true });
    else out += text(centre, y(error) - 6, values[i], { size: valueSize, anchor: "middle", halo: true, label: true }); // clear of the ln 2 line
    out += marker(point.colour, centre, bottom + 15, { size: 7 });
    if (narrow) { // on two lines, each a size smaller where it is still too wide for its column
      const first = fillWords(words.point, { number: point.number });
      const second = fillWords(words.in_brackets, { words: words[`colour_${point.colour}`] });
      out += text(centre, bottom + 42, first, { size: nameSize(first), anchor: "middle" });
      out += text(centre, bottom + 59, second, { size: nameSize(second), anchor: "middle" });
    } else out += text(centre, bottom + 42, names[i], { size: 14, anchor: "middle" });
  });
  const key = flowLegend([[line(-12, 0, 12, 0, onItsSide), words.ln2_line]], box.left - 40, bottom + (narrow ? 84 : 68), box.width + 40);
  return { svg: out + key.svg, bottom: key.bottom };
}

// How many rows a panel title takes over `width` pixels (axes() wraps it the same way).
function titleRows(title, width) {
  return titleLines(title, width).length;
}

