// The product of n probabilities of 0.5 as n grows (notebooks 01 and 02): the float64 product
// falls to exactly 0.0 at n = 1075; on the ln scale the sum of logs carries on where it stops.

const HALF = 0.5;
const LIMITS = { "powers of ten": [-360, 40], ln: [-900, 160] };
const SUPERSCRIPT = { 0: "⁰", 1: "¹", 2: "²", 3: "³", 4: "⁴", 5: "⁵", 6: "⁶", 7: "⁷", 8: "⁸", 9: "⁹", "-": "⁻" };

// 10 to a whole exponent as a learner writes it: "1", "10⁻¹⁰⁰" (underflow.power_of_ten).
function powerOfTen(exponent) {
  return exponent === 0 ? "1" : "10" + [...String(exponent)].map((c) => SUPERSCRIPT[c]).join("");
}

function noteText() {
  return `each gridline down is ${powerOfTen(100)} times smaller`;
}

// The float64 product of n halves, multiplied one at a time (ce_lib.product_of_probabilities).
function productOfHalves(n) {
  let total = 1;
  for (let i = 0; i < n; i++) total *= HALF;
  return total;
}

// NumPy's pairwise sum of n copies of `term`, operation for operation: fewer than 8 numbers
// left to right; up to 128 in 8 running sums added as a tree, the rest left to right; more
// split in two (the first part a multiple of 8). Equal to ce_lib.sum_of_logs bit for bit.
function pairwiseSumOfCopies(term, n) {
  if (n < 8) {
    let total = 0;
    for (let i = 0; i < n; i++) total += term;
    return total;
  }
  if (n <= 128) {
    const r = new Array(8).fill(term);
    let i = 8;
    for (; i < n - (n % 8); i += 8) for (let j = 0; j < 8; j++) r[j] += term;
    let total = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
    for (; i < n; i++) total += term;
    return total;
  }
  let half = Math.floor(n / 2);
  half -= half % 8;
  return pairwiseSumOfCopies(term, half) + pairwiseSumOfCopies(term, n - half);
}

// ce_lib.sum_of_logs([0.5] * n): the sum of the logs, divided by the base's divisor (1 for ln).
function logSumOfHalves(n) {
  return pairwiseSumOfCopies(Math.log(HALF), n) / 1 + 0;
}

function describe(state) {
  const n = state.n, product = productOfHalves(n);
  let words = `0.5 multiplied ${n} times = ${formatNumber(product)}`;
  if (product === 0) words += " (underflow: exactly 0.0)";
  if (state.scale === "ln") words += ` · sum of ln(0.5), ${n} times = ${formatNumber(logSumOfHalves(n), 6)} (never underflows)`;
  return words;
}

// The words beside the marker(s) at n (Underflow.marker_labels).
function markerLabels(state) {
  const product = productOfHalves(state.n);
  if (state.scale === "ln") {
    const lnProduct = product > 0 ? Math.log(product) : -Infinity;
    return [`sum of logs = ${formatNumber(logSumOfHalves(state.n), 6)}`, `ln(product) = ${formatNumber(lnProduct)}`];
  }
  return [`n = ${state.n}: ${formatNumber(product)}` + (product === 0 ? " (underflow)" : "")];
}

function titleOf(state) {
  return state.scale === "ln" ? "ln of the product of n halves" : "The product of n probabilities of 0.5";
}

// What the dotted line is, in two parts (one line where it fits, else two).
function floorWords(ln) {
  return ["smallest positive float64", ln ? `(ln = ${formatNumber(Math.log(Number.MIN_VALUE))})` : `≈ ${formatNumber(Number.MIN_VALUE, 2)}`];
}

// The exact sums of logs for n = 1 ... max (drawn as a curve; the same for every redraw).
const exactSums = new Map();
function exactCurve(max) {
  if (!exactSums.has(max)) exactSums.set(max, Array.from({ length: max }, (_, i) => logSumOfHalves(i + 1)));
  return exactSums.get(max);
}

function diamond(x, y, size, style) {
  return tag("path", { d: `M${round2(x)},${round2(y - size)} L${round2(x + size)},${round2(y)} L${round2(x)},${round2(y + size)} L${round2(x - size)},${round2(y)} Z`, ...style });
}

const PRODUCT_MARK = { fill: COLOURS.red, stroke: COLOURS.ink, "stroke-width": 1.5 };

const overlaps = ([l, t, r, b], [l2, t2, r2, b2]) => l < r2 && l2 < r && t < b2 && t2 < b;

function draw(state, width, uid) {
  const ln = state.scale === "ln";
  const narrow = width < 560;
  const [low, high] = LIMITS[state.scale];
  const left = ln ? 76 : narrow ? 92 : 132, right = 24; // room for the y ticks ("0 (underflow)")
  const plotWidth = width - left - right;
  const title = titleLines(titleOf(state), plotWidth + 60);
  const notes = ln ? [] : wrapWords(noteText(), Math.floor((plotWidth + 40) / (14 * 0.6)));
  const top = 16 + 21 * title.length + 20 * notes.length;
  const height = narrow ? 260 : 320;
  const box = { left, top, width: plotWidth, height };
  const bottom = top + height, end = left + plotWidth;
  const x = linearScale([0, state.max_points], [left + 14, end]); // n = 0 a little inside: the marker at n = 1 stays clear of the y ticks
  const y = linearScale([low, high], [bottom, top]);
  const toAxis = ln ? Math.log : Math.log10;

  let out = "";
  title.forEach((words, i) => { out += text(left + plotWidth / 2, 20 + 21 * i, words, { size: 17, anchor: "middle", weight: "bold", label: true }); });
  notes.forEach((words, i) => { out += text(left + plotWidth / 2, 16 + 21 * title.length + 20 * i, words, { size: 14, anchor: "middle", label: true }); });
  const yTicks = ln ? [0, -200, -400, -600, -800, low] : [0, -100, -200, -300, low];
  const zero = narrow ? "0" : "0 (underflow)"; // on a phone the left margin only has room for "0"
  const yFormat = (v) => (v === low ? (ln ? MINUS + "∞" : zero) : ln ? formatNumber(v) : powerOfTen(v));
  // The y ticks are drawn here, a little larger than axes() draws them: superscripts must stay readable.
  out += axes(box, { x, y, xTicks: niceTicks(0, state.max_points, narrow ? 4 : 6), yTicks: [], xLabel: "number of points n" });
  for (const t of yTicks) {
    if (t !== low) out += line(left + 1, y(t), end - 1, y(t), { stroke: "#E6E6E6" });
    out += line(left - 5, y(t), left, y(t)) + text(left - 8, y(t) + 5, yFormat(t), { size: ln ? 14 : 16, anchor: "end" });
  }
  const yLabel = ln ? "ln of the product" : "the product (powers of ten)";
  out += text(left - (ln ? 58 : 70), top + height / 2, yLabel, { size: 15, anchor: "middle", rotate: -90 });

  // The curves: the float64 product (it stops where it underflows) and, on the ln scale, the sum of logs.
  const productPoints = [];
  let product = 1;
  for (let n = 1; n <= state.max_points; n++) {
    product *= HALF;
    if (product === 0) break;
    productPoints.push([x(n), y(toAxis(product))]);
  }
  const path = (points) => "M" + points.map(([px, py]) => `${round2(px)},${round2(py)}`).join(" L");
  const curves = [productPoints];
  out += tag("path", { d: path(productPoints), fill: "none", stroke: COLOURS.orange, "stroke-width": 4, "stroke-linejoin": "round" });
  if (ln) {
    const exactPoints = exactCurve(state.max_points).map((v, i) => [x(i + 1), y(v)]);
    curves.push(exactPoints);
    out += tag("path", { d: path(exactPoints), fill: "none", stroke: COLOURS.blue, "stroke-width": 2.5, "stroke-dasharray": "8 5" });
  }
  const floorY = y(toAxis(Number.MIN_VALUE));
  const hitsCurve = ([l, t, r, b]) => curves.some((points) => points.some(([px, py]) => px > l - 3 && px < r + 3 && py > t - 3 && py < b + 3));
  out += line(left, floorY, end, floorY, { stroke: COLOURS.grey, "stroke-width": 2, "stroke-dasharray": "2 4" });

  // The floor's words sit above its line at the left, under the curves; where they would touch a
  // curve (a narrow figure), the legend says them instead.
  const labelSize = 14;
  const floorText = floorWords(ln).join(" ");
  const floorBox = [left + 4, floorY - 7 - labelSize, left + 12 + floorText.length * labelSize * 0.6, floorY - 3];
  const floorInside = floorBox[2] < end - 4 && !hitsCurve(floorBox);
  const taken = [];
  if (floorInside) {
    out += text(left + 8, floorY - 7, floorText, { size: labelSize, label: true, halo: true });
    taken.push(floorBox);
  }

  // The marker(s) at n: the product (a diamond; at the bottom edge once it is 0.0) and the sum of logs.
  const n = state.n, value = productOfHalves(n);
  const mx = x(n), productY = value > 0 ? y(toAxis(value)) : bottom;
  const anchorY = ln ? y(logSumOfHalves(n)) : productY;
  let marks = "";
  if (ln) marks += marker("blue", mx, anchorY, { size: 9, hollow: true });
  marks += diamond(mx, productY, ln ? 8 : 10, PRODUCT_MARK);

  // Their words: right of the marker, just above it, where that is free of the curves (they fall away to
  // the right), else in the empty top-right corner.
  const words = markerLabels(state);
  const size = narrow ? 13 : 15, rowHeight = size + 5;
  const wide = Math.max(...words.map((w) => w.length)) * size * 0.62;
  const fits = (b) => b[0] >= left + 2 && b[2] <= end - 2 && b[1] >= top + 2 && b[3] <= bottom - 2 && !hitsCurve(b) && !taken.some((t) => overlaps(t, b));
  const near = [mx + 12, anchorY - 7 - size - rowHeight * (words.length - 1), mx + 14 + wide, anchorY - 2];
  const corner = [end - 10 - wide, top + 6, end - 8, top + 10 + rowHeight * words.length];
  const useNear = fits(near);
  let labels = "";
  words.forEach((w, i) => {
    const baseline = useNear ? anchorY - 6 - rowHeight * (words.length - 1 - i) : top + 8 + size + rowHeight * i;
    labels += text(useNear ? mx + 14 : end - 10, baseline, w, { size, weight: "bold", anchor: useNear ? "start" : "end", label: true, halo: true });
  });
  if (!useNear) {
    const toX = Math.min(Math.max(mx, corner[0] + 10), corner[2] - 10);
    out += line(mx, Math.min(productY, anchorY) - 10, toX, corner[3] + 2, { stroke: COLOURS.grey, "stroke-width": 1.3, "stroke-dasharray": "2 3" });
  }
  out += marks + labels;

  const items = [
    [line(-12, 0, 12, 0, { stroke: COLOURS.orange, "stroke-width": 4 }), ln ? "ln of the float64 product" : "the float64 product"],
    [line(-12, 0, 12, 0, { stroke: COLOURS.grey, "stroke-width": 2, "stroke-dasharray": "2 4" }), floorInside ? "smallest positive float64" : floorText, !floorInside],
    [diamond(0, 0, 7, PRODUCT_MARK), "your n"],
  ];
  if (ln) {
    items.splice(1, 0, [line(-12, 0, 12, 0, { stroke: COLOURS.blue, "stroke-width": 2.5, "stroke-dasharray": "8 5" }), "sum of ln(0.5), n times (exact)"]);
    items.push([marker("blue", 0, 0, { size: 7, hollow: true }), "sum at n"]);
  }
  const key = flowLegend(items, 12, bottom + 66, width - 24);
  out += key.svg;
  return svgDocument(width, key.bottom + 10, out, `${titleOf(state)}. ${describe(state)}`);
}

export default {
  render({ model, el }) {
    return mountView({ model, el }, { name: "underflow", keys: ["n"], fixed: ["scale", "max_points"], draw, describe });
  },
};
