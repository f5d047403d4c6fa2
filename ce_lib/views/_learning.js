// What the two line-learning views of notebook 07 share (linefit.js, descent.js): a line's
// cross-entropy and each point's probability exactly as ce_lib.lines computes them, the
// reference lines drawn over the plane, the legend, and each point's error as a bar.

// The plane's pixels per unit when the view is wide: the level labels of `planePanel` are thinned
// within 30 px, as `draw_plane` thins its own within 0.35 units, so both keep the same labels.
const WIDE_UNIT = 30 / 0.35;
// How the reference lines look on the plane (ce_lib/views/learning.py draws them the same way).
const MODEL_A_LINE = { stroke: COLOURS.A, "stroke-width": 2.5, "stroke-dasharray": "10 6" };
const MODEL_B_LINE = { stroke: COLOURS.B, "stroke-width": 2.5, "stroke-dasharray": "10 6" };
const BEST_LINE = { stroke: COLOURS.grey, "stroke-width": 3.5, "stroke-dasharray": "0.5 7", "stroke-linecap": "round" };

// A line's settings as the learner reads them: story.Line.describe(), with true minus signs.
function describeSettings(angle, offset, sharpness) {
  return `angle ${formatShort(angle)}°, offset ${formatShort(offset)}, sharpness ${formatShort(sharpness)}`;
}

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
  const planeWidth = wide ? 5 * WIDE_UNIT : width - 62 - 44;
  return { left: 62, top, width: planeWidth, height: (planeWidth * 4.6) / 5 };
}

// A line (p(red) = 0.5) on a plane `planePanel` drew, as SVG (unclipped), or "" when it misses the plane.
function referenceLine(box, limits, weights, style) {
  const frame = planeFrame(box, limits);
  const segment = levelSegment(weights, 0, limits);
  if (!segment) return "";
  const [[x1, y1], [x2, y2]] = segment;
  return line(frame.sx(x1), frame.sy(y1), frame.sx(x2), frame.sy(y2), style);
}

// The planes' legend (no what-if marker), then the reference lines shown, on a row of their own.
function learningLegend(left, top, width, extras) {
  const key = planeLegend(left, top, width, { whatIf: false });
  let out = key.svg, bottom = key.bottom, x = left, y = key.bottom + 10;
  for (const [style, words] of extras) {
    const wide = 44 + words.length * 7.4;
    if (x + wide > left + width && x > left) { x = left; y += 24; }
    out += line(x, y, x + 30, y, style);
    out += text(x + 38, y + 5, words, { size: 14 });
    bottom = y + 14;
    x += wide + 12;
  }
  return { svg: out, bottom };
}

// Each point's error −ln p as a bar in the point's colour (its marker below: circle red, square blue),
// valued; a bar past `top` (or ∞) fills the axis and carries its value inside.
function errorBars(box, { points, errors, top, title }) {
  const y = linearScale([0, top], [box.top + box.height, box.top]);
  const groupWidth = box.width / points.length, barWidth = Math.min(64, groupWidth * 0.55);
  let out = axes(box, { x: (v) => v, y, xTicks: [], yTicks: niceTicks(0, top, 3), yLabel: "error −ln p(true colour)", title });
  const bottom = box.top + box.height, narrow = groupWidth < 150;
  points.forEach((point, i) => {
    const centre = box.left + groupWidth * (i + 0.5), error = errors[i];
    const full = !Number.isFinite(error) || error > top;
    const height = y(0) - y(full ? top : error);
    out += tag("rect", { x: centre - barWidth / 2, y: y(0) - height, width: barWidth, height, fill: COLOURS[point.colour], stroke: COLOURS.ink, "stroke-width": 1.2 });
    const words = formatNumber(error, 3);
    if (full || error > 0.88 * top) out += text(centre, box.top + 19, words, { size: 14, anchor: "middle", weight: "bold", halo: true, label: true });
    else out += text(centre, y(error) - 6, words, { size: 14, anchor: "middle", label: true });
    out += marker(point.colour, centre, bottom + 15, { size: 7 });
    if (narrow) {
      out += text(centre, bottom + 42, `point ${point.number}`, { size: 14, anchor: "middle" });
      out += text(centre, bottom + 59, `(${point.colour})`, { size: 14, anchor: "middle" });
    } else out += text(centre, bottom + 42, `point ${point.number} (${point.colour})`, { size: 14, anchor: "middle" });
  });
  return { svg: out, bottom: bottom + (narrow ? 66 : 50) };
}

// How many rows a panel title takes over `width` pixels (axes() wraps it the same way).
function titleRows(title, width) {
  return titleLines(title, width).length;
}
