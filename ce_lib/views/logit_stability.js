// Logit stability (notebook 06): one point with label y = 0 and logit z. Above, its cross-entropy
// against z, computed naively (sigmoid first, then −ln(1 − p): ∞ once σ(z) rounds to 1) and
// stably (softplus(z)); below, how many digits of the naive value are right. The slider's z is
// marked on both. Words: the catalogue's `views.logit_stability` section.

// ce_lib.cross_entropy_from_logits([0], [z]): y·softplus(−z) + (1 − y)·softplus(z) with y = 0,
// softplus(z) = max(z, 0) + log1p(e^−|z|) (ce_lib.logits.softplus_pair).
function stableCost(z) {
  const shared = Math.log1p(Math.exp(-Math.abs(z)));
  return 0 * (Math.max(-z, 0) + shared) + (1 - 0) * (Math.max(z, 0) + shared) + 0;
}

// ce_lib.frameworks.naive_cross_entropy_from_logits([0], [z]): p = 1 / (1 + e^−z), then the cross-entropy.
function naiveCost(z) {
  return binaryTerm(0, 1 / (1 + Math.exp(-z)));
}

// ce_lib.views.logit_stability.correct_digits: the largest k ≤ most with |naive − stable| / stable ≤ 10⁻ᵏ.
function correctDigits(naive, stable, most) {
  if (!Number.isFinite(naive)) return null;
  if (naive === stable) return most;
  const error = Math.abs(naive - stable) / stable;
  let digits = 0;
  while (digits < most && error <= Number(`1e-${digits + 1}`)) digits += 1;
  return digits;
}

// Every logit the slider can set (ce_lib.views.logit_stability.logit_grid), with both costs and the digits.
function samples(state) {
  const [lowest, highest, step] = state.logit_range;
  const out = [];
  for (let i = 0; i <= Math.round((highest - lowest) / step); i++) {
    const z = lowest + step * i, stable = stableCost(z), naive = naiveCost(z);
    out.push({ z, stable, naive, digits: correctDigits(naive, stable, state.float_digits) });
  }
  return out;
}

function describe(state) {
  const words = state.words, z = state.logit, stable = stableCost(z), naive = naiveCost(z);
  const digits = correctDigits(naive, stable, state.float_digits);
  const verdict = digits === null ? words.verdict_infinite : fillWords(words.verdict_digits, { digits, most: state.float_digits });
  return fillWords(words.readout, {
    z: formatNumber(z), stable: formatNumber(stable, state.shown_digits), naive: formatNumber(naive, state.shown_digits), verdict,
  });
}

// The looks: the stable cost a wide translucent blue line with squares, the naive one a dashed
// vermillion line with hollow circles (shape as well as colour); where it is ∞, grey hatching.
const STABLE = { stroke: COLOURS.blue, "stroke-width": 6, "stroke-opacity": 0.55 };
const NAIVE = { stroke: COLOURS.red, "stroke-width": 2, "stroke-dasharray": "6 3" };

function squareMark(x, y, size = 6) {
  return tag("rect", { x: x - size, y: y - size, width: 2 * size, height: 2 * size, fill: COLOURS.blue, stroke: COLOURS.ink, "stroke-width": 1.2 });
}

function circleMark(x, y, size = 6) {
  return tag("circle", { cx: x, cy: y, r: size, fill: "white", stroke: COLOURS.red, "stroke-width": 2 });
}

function infinityMark(x, y) { // a triangle pointing up: "off the top of the axis"
  return tag("polygon", { points: `${round2(x)},${round2(y)} ${round2(x + 8)},${round2(y + 14)} ${round2(x - 8)},${round2(y + 14)}`, fill: COLOURS.red, stroke: COLOURS.ink, "stroke-width": 1.2 });
}

function polyline(points, style) {
  return points.length < 2 ? "" : tag("polyline", { points: points.map(([x, y]) => `${round2(x)},${round2(y)}`).join(" "), fill: "none", ...style });
}

// The region where the naive value is ∞: hatched, from the first such z to the axis's end.
function infiniteBand(box, x, start, uid) {
  if (start === null) return "";
  const left = x(start), right = box.left + box.width;
  return tag("rect", { x: left, y: box.top, width: right - left, height: box.height, fill: `url(#${uid}-band)` })
    + line(left, box.top, left, box.top + box.height, { stroke: COLOURS.red, "stroke-width": 1.5, "stroke-dasharray": "4 2" });
}

function bandDefs(uid) {
  return `<defs><pattern id="${uid}-band" patternUnits="userSpaceOnUse" width="8" height="8" patternTransform="rotate(-45)">`
    + `<rect width="8" height="8" fill="#EEEEEE"/><rect width="1.5" height="8" fill="#BBBBBB"/></pattern></defs>`;
}

// A few rows of words at a fixed corner of a panel, each after its marker, wrapped to `width`:
// from `y` down, or (`upwards`) with the last line at `y`.
function cornerNote(x, y, width, rows, { size = 14, upwards = false } = {}) {
  const blocks = rows.map(([mark, words, fill]) => ({ mark, fill, lines: wrapText(words, width - (mark ? 22 : 0), size) }));
  const step = size + 6, count = blocks.reduce((sum, block) => sum + block.lines.length, 0);
  let at = upwards ? y - step * (count - 1) : y, out = "";
  for (const { mark, fill, lines } of blocks) {
    if (mark) out += `<g transform="translate(${round2(x + 8)} ${round2(at - size * 0.35)})">${mark}</g>`;
    for (const words of lines) {
      out += text(x + (mark ? 22 : 0), at, words, { size, fill, weight: "bold", halo: true, label: true });
      at += step;
    }
  }
  return out;
}

// How far apart, in samples, the markers on a curve stand: about 30 pixels.
function markerStride(box, rows) {
  return Math.max(1, Math.ceil(30 / (box.width / rows.length)));
}

// The costs against z: both curves and the band; the slider's z marked on each, its values in
// the top left corner (where the curves never go: they are near 0 for z < 0).
function costPanel(box, state, rows, start, uid) {
  const words = state.words, [lowest, highest] = state.logit_range, stride = markerStride(box, rows);
  const x = linearScale([lowest - 2, highest + 2], [box.left, box.left + box.width]);
  const y = linearScale([-2, 58], [box.top + box.height, box.top]);
  let out = infiniteBand(box, x, start, uid);
  out += axes(box, { x, y, xTicks: niceTicks(lowest, highest, 4), yTicks: niceTicks(0, 50, 5), yLabel: words.cost_axis, title: words.cost_title });
  out += polyline(rows.map((r) => [x(r.z), y(r.stable)]), STABLE);
  const finite = rows.filter((r) => Number.isFinite(r.naive));
  out += polyline(finite.map((r) => [x(r.z), y(r.naive)]), NAIVE);
  finite.forEach((r, i) => { if (i % stride === 0) out += circleMark(x(r.z), y(r.naive), 4.5); });
  rows.forEach((r, i) => { if (i % stride === Math.floor(stride / 2)) out += squareMark(x(r.z), y(r.stable), 4); });
  // The band says what it is, low down (the curve runs high there), where it is wide enough.
  if (start !== null) {
    const middle = (x(start) + box.left + box.width) / 2, bandWidth = box.left + box.width - x(start);
    if (textWidth(words.band, 16, true) + 12 <= bandWidth) {
      out += text(middle, box.top + box.height * 0.8, words.band, { size: 16, anchor: "middle", fill: COLOURS.red, weight: "bold", halo: true, label: true });
    }
  }
  const z = state.logit, stable = stableCost(z), naive = naiveCost(z), mx = x(z);
  out += line(mx, box.top, mx, box.top + box.height, { stroke: COLOURS.grey, "stroke-dasharray": "2 3" });
  out += squareMark(mx, y(stable), 7) + (Number.isFinite(naive) ? circleMark(mx, y(naive), 7) : infinityMark(mx, box.top + 2));
  // The note ends before the curve climbs into the corner (it reaches 38 at z = 38).
  return out + cornerNote(box.left + 10, box.top + 22, x(38) - box.left - 16, [
    [null, fillWords(words.at_z, { z: formatNumber(z) }), COLOURS.ink],
    [squareMark(0, 0, 5), fillWords(words.stable_value, { value: formatNumber(stable, state.shown_digits) }), COLOURS.blue],
    [Number.isFinite(naive) ? circleMark(0, 0, 5) : infinityMark(0, -7), fillWords(words.naive_value, { value: formatNumber(naive, state.shown_digits) }), COLOURS.red],
  ]);
}

// The naive value's correct digits against z; the slider's z marked, its digits in the bottom
// left corner (where the curve never goes: every digit is right for z < 0).
function digitsPanel(box, state, rows, start, uid) {
  const words = state.words, most = state.float_digits, [lowest, highest] = state.logit_range, stride = markerStride(box, rows);
  const x = linearScale([lowest - 2, highest + 2], [box.left, box.left + box.width]);
  const y = linearScale([-1, most + 1], [box.top + box.height, box.top]);
  let out = infiniteBand(box, x, start, uid);
  out += axes(box, {
    x, y, xTicks: niceTicks(lowest, highest, 4), yTicks: niceTicks(0, most, 3), xLabel: words.z_axis, yLabel: words.digits_axis,
    title: fillWords(words.digits_title, { most }),
  });
  const finite = rows.filter((r) => r.digits !== null);
  out += polyline(finite.map((r) => [x(r.z), y(r.digits)]), { stroke: COLOURS.red, "stroke-width": 2 });
  finite.forEach((r, i) => { if (i % stride === 0) out += circleMark(x(r.z), y(r.digits), 4.5); });
  const z = state.logit, digits = correctDigits(naiveCost(z), stableCost(z), most), mx = x(z);
  out += line(mx, box.top, mx, box.top + box.height, { stroke: COLOURS.grey, "stroke-dasharray": "2 3" });
  out += digits === null ? infinityMark(mx, box.top + 2) : circleMark(mx, y(digits), 7);
  const note = fillWords(digits === null ? words.digits_none : words.digits_value, { z: formatNumber(z), digits, most });
  const mark = digits === null ? infinityMark(0, -7) : circleMark(0, 0, 5);
  // The note ends before the curve falls into the corner (below 8 digits only beyond z = 20).
  return out + cornerNote(box.left + 10, box.top + box.height - 12, x(20) - box.left - 16, [[mark, note, COLOURS.red]], { upwards: true });
}

function draw(state, width, uid) {
  const words = state.words, narrow = width < 560, rows = samples(state);
  const start = rows.find((r) => !Number.isFinite(r.naive))?.z ?? null;
  const left = 72, plotWidth = width - left - 20;
  const costTop = 36 + 21 * (titleLines(words.cost_title, plotWidth).length - 1);
  const costBox = { left, top: costTop, width: plotWidth, height: narrow ? 230 : 250 };
  let out = bandDefs(uid) + group(costPanel(costBox, state, rows, start, uid));
  const legend = flowLegend([
    [line(-12, 0, 12, 0, STABLE) + squareMark(0, 0, 4), words.legend_stable],
    [line(-12, 0, 12, 0, NAIVE) + circleMark(0, 0, 4.5), words.legend_naive],
    [tag("rect", { x: -12, y: -8, width: 24, height: 16, fill: `url(#${uid}-band)`, stroke: COLOURS.red, "stroke-dasharray": "4 2" }),
      fillWords(words.legend_infinite, { z: start === null ? "∞" : formatNumber(start) }), true],
  ], narrow ? 8 : left, costBox.top + costBox.height + 44, narrow ? width - 16 : plotWidth, narrow ? 13 : 14);
  out += legend.svg;
  const digitsTitle = fillWords(words.digits_title, { most: state.float_digits });
  const digitsTop = legend.bottom + 40 + 21 * (titleLines(digitsTitle, plotWidth).length - 1);
  const digitsBox = { left, top: digitsTop, width: plotWidth, height: narrow ? 150 : 170 };
  out += group(digitsPanel(digitsBox, state, rows, start, uid));
  const height = digitsBox.top + digitsBox.height + axisLabelDepth(words.z_axis, plotWidth) + 6;
  return svgDocument(width, height, out, fillWords(words.figure_title, { readout: describe(state) }));
}

const FIGURE = { name: "logit_stability", draw, describe };
