// The product of n probabilities of 0.5 as n grows (notebooks 01 and 02): the float64 product
// falls to exactly 0.0 at n = 1075; on the ln scale the sum of logs carries on where it stops.
// Words: the catalogue's `views.underflow` section (state.words); the powers-of-ten scale has
// no word that says "log" (notebook 01 comes before logs are taught).

const HALF = 0.5;
// The y axis of each scale: [bottom edge, where 0.0 or −∞ is drawn; top], in powers of ten or in ln.
const LIMITS = { "powers of ten": [-360, 40], ln: [-900, 160] };
const Y_TICKS = { "powers of ten": [0, -100, -200, -300], ln: [0, -200, -400, -600, -800] };

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

// ce_lib.sum_of_logs([0.5] * n): the sum of the logs (natural logs: divided by 1).
function logSumOfHalves(n) {
  return pairwiseSumOfCopies(Math.log(HALF), n) / 1 + 0;
}

// The readout (Underflow.describe): the product and, on the ln scale, the sum of logs.
function describe(state) {
  const words = state.words, n = state.n, product = productOfHalves(n);
  const said = fillWords(product === 0 ? words.readout_underflow : words.readout_product, { n, product: formatNumber(product) });
  if (state.scale !== "ln") return said;
  return fillWords(words.readout_ln, { product: said, n, sum: formatNumber(logSumOfHalves(n), 6) });
}

// The words beside the marker(s) at n (Underflow.marker_labels).
function markerLabels(state) {
  const words = state.words, product = productOfHalves(state.n);
  if (state.scale === "ln") {
    const lnProduct = product > 0 ? Math.log(product) : -Infinity;
    return [fillWords(words.marker_sum, { sum: formatNumber(logSumOfHalves(state.n), 6) }),
      fillWords(words.marker_ln_product, { value: formatNumber(lnProduct) })];
  }
  return [fillWords(product === 0 ? words.marker_underflow : words.marker_product, { n: state.n, product: formatNumber(product) })];
}

const titleOf = (state) => (state.scale === "ln" ? state.words.title_ln : state.words.title_tens);

// The exact sums of logs for n = 1 ... max (drawn as a curve; the same for every redraw).
const exactSums = new Map();
function exactCurve(max) {
  if (!exactSums.has(max)) exactSums.set(max, Array.from({ length: max }, (_, i) => logSumOfHalves(i + 1)));
  return exactSums.get(max);
}

const PRODUCT_MARK = { fill: COLOURS.red, stroke: COLOURS.ink, "stroke-width": 1.5 };
const PRODUCT_LINE = { stroke: COLOURS.orange, "stroke-width": 4 };
const SUM_LINE = { stroke: COLOURS.blue, "stroke-width": 2.5, "stroke-dasharray": "8 5" };
const FLOOR_LINE = { stroke: COLOURS.grey, "stroke-width": 2, "stroke-dasharray": "2 4" };

// Place a block of lines (one under another) at the first of `blocks` (one spot per line) where
// no line touches an obstacle or leaves the bounds; else at the last block.
function placeBlock(lines, size, blocks, bounds, obstacles) {
  let placed;
  for (const spots of blocks) {
    placed = placeLabels(lines.map((words, i) => ({ words, size, bold: true, spots: [spots[i]] })), bounds, obstacles);
    if (placed.every((p) => p.crowding === 0)) return { placed, free: true };
  }
  return { placed, free: false };
}

function draw(state, width, uid) {
  const words = state.words;
  const ln = state.scale === "ln";
  const narrow = width < 560;
  const [low, high] = LIMITS[state.scale];
  const tickSize = ln ? 14 : 16; // the superscripts must stay readable
  const yFormat = (v) => (v === low ? (ln ? MINUS + "∞" : narrow ? "0" : words.tick_underflow) : ln ? formatNumber(v) : powerOfTen(v));
  const yTicks = [...Y_TICKS[state.scale], low];
  // Room on the left for the widest tick label and, beside it, the y axis's title.
  const tickRoom = Math.max(...yTicks.map((t) => textWidth(yFormat(t), tickSize)));
  const left = Math.ceil(tickRoom + 48), right = 24;
  const plotWidth = width - left - right, end = left + plotWidth, middle = left + plotWidth / 2;
  const titleRoom = plotWidth + 2 * right - 8;
  const title = titleLines(titleOf(state), titleRoom);
  const notes = ln ? [] : wrapText(fillWords(words.note_tens, { power: powerOfTen(100) }), titleRoom, 14);
  const top = 16 + 21 * title.length + 20 * notes.length;
  const height = narrow ? 260 : 320, bottom = top + height;
  const box = { left, top, width: plotWidth, height };
  const x = linearScale([0, state.max_points], [left + 14, end]); // n = 0 a little inside: the marker at n = 1 stays clear of the y ticks
  const y = linearScale([low, high], [bottom, top]);
  const toAxis = ln ? Math.log : Math.log10;

  let out = "";
  title.forEach((line, i) => { out += text(middle, 20 + 21 * i, line, { size: 17, anchor: "middle", weight: "bold", label: true }); });
  notes.forEach((line, i) => { out += text(middle, 16 + 21 * title.length + 20 * i, line, { size: 14, anchor: "middle", label: true }); });
  // The y ticks are drawn here, larger than axes() draws them.
  out += axes(box, { x, y, xTicks: niceTicks(0, state.max_points, narrow ? 4 : 6), yTicks: [], xLabel: words.x_axis });
  for (const t of yTicks) {
    if (t !== low) out += line(left + 1, y(t), end - 1, y(t), { stroke: "#E6E6E6" });
    out += line(left - 5, y(t), left, y(t)) + text(left - 8, y(t) + 5, yFormat(t), { size: tickSize, anchor: "end" });
  }
  out += text(left - tickRoom - 22, top + height / 2, ln ? words.y_axis_ln : words.y_axis_tens, { size: 15, anchor: "middle", rotate: -90 });

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
  out += tag("path", { d: path(productPoints), fill: "none", "stroke-linejoin": "round", class: "ce-product-curve", ...PRODUCT_LINE });
  if (ln) {
    const exactPoints = exactCurve(state.max_points).map((v, i) => [x(i + 1), y(v)]);
    curves.push(exactPoints);
    out += tag("path", { d: path(exactPoints), fill: "none", class: "ce-sum-curve", ...SUM_LINE });
  }
  const floorY = y(toAxis(Number.MIN_VALUE));
  out += line(left, floorY, end, floorY, FLOOR_LINE);
  // Every vertex of a curve is an obstacle no words may cover.
  const obstacles = curves.flatMap((points) => points.map(([px, py]) => [px - 3, py - 3, px + 3, py + 3]));
  const bounds = [left + 2, top + 2, end - 2, bottom - 2];

  // The floor's words sit above its line at the left, under the curves; where they would touch a
  // curve or not fit (a narrow figure), the legend says them instead.
  const floorWords = fillWords(ln ? words.floor_ln : words.floor_tens, { value: ln ? formatNumber(Math.log(Number.MIN_VALUE)) : formatNumber(Number.MIN_VALUE, 2) });
  const floor = placeBlock([floorWords], 14, [[["start", left + 8, floorY - 7]]], bounds, obstacles);
  if (floor.free) {
    out += text(left + 8, floorY - 7, floorWords, { size: 14, label: true, halo: true });
    obstacles.push(floor.placed[0].box);
  }

  // The marker(s) at n: the product (a diamond; at the bottom edge once it is 0.0) and the sum of logs.
  const n = state.n, value = productOfHalves(n);
  const mx = x(n), productY = value > 0 ? y(toAxis(value)) : bottom;
  const anchorY = ln ? y(logSumOfHalves(n)) : productY;
  let marks = "";
  if (ln) marks += marker("blue", mx, anchorY, { size: 9, hollow: true });
  marks += diamond(mx, productY, ln ? 8 : 10, PRODUCT_MARK);
  obstacles.push([mx - 12, Math.min(productY, anchorY) - 12, mx + 12, Math.max(productY, anchorY) + 12]);

  // Their words: right of the marker, just above it, where that is free of the curves (they fall
  // away to the right), else in the empty top-right corner with a dotted leader to the marker.
  const lines = markerLabels(state);
  const size = narrow ? 13 : 15, rowHeight = size + 5;
  const near = lines.map((_, i) => ["start", mx + 14, anchorY - 6 - rowHeight * (lines.length - 1 - i)]);
  const corner = lines.map((_, i) => ["end", end - 10, top + 8 + size + rowHeight * i]);
  const said = placeBlock(lines, size, [near, corner], bounds, obstacles);
  if (said.placed[0].anchor === "end") {
    const cornerBottom = said.placed[said.placed.length - 1].box[3];
    const cornerLeft = Math.min(...said.placed.map((p) => p.box[0]));
    const toX = Math.min(Math.max(mx, cornerLeft + 10), end - 20);
    out += line(mx, Math.min(productY, anchorY) - 10, toX, cornerBottom + 2, { stroke: COLOURS.grey, "stroke-width": 1.3, "stroke-dasharray": "2 3" });
  }
  out += marks;
  for (const p of said.placed) out += text(p.x, p.y, p.words, { size, weight: "bold", anchor: p.anchor, label: true, halo: true });

  const items = [
    [line(-12, 0, 12, 0, PRODUCT_LINE), ln ? words.legend_ln_product : words.legend_product],
    [line(-12, 0, 12, 0, FLOOR_LINE), floor.free ? words.floor : floorWords, !floor.free],
    [diamond(0, 0, 7, PRODUCT_MARK), words.legend_your_n],
  ];
  if (ln) {
    items.splice(1, 0, [line(-12, 0, 12, 0, SUM_LINE), words.legend_sum]);
    items.push([marker("blue", 0, 0, { size: 7, hollow: true }), words.legend_sum_at_n]);
  }
  const key = flowLegend(items, 12, bottom + 66, width - 24);
  out += key.svg;
  return svgDocument(width, key.bottom + 10, out, fillWords(words.figure_title, { title: titleOf(state), readout: describe(state) }));
}

const FIGURE = { name: "underflow", draw, describe };
