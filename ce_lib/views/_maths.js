// The maths a view redraws with, mirrored from ce_lib (same operations, in the same order).
// Pure: no page, no document.


// -ln p, exactly 0 at p = 1 and inf at p = 0 (ce_lib.point_errors).
function pointError(p) {
  return p === 0 ? Infinity : -Math.log(p) + 0;
}

// The float64 sum, left to right, as NumPy adds fewer than eight numbers.
function sumOf(values) {
  let total = 0;
  for (const value of values) total += value;
  return total;
}

// The float64 product, left to right (ce_lib.product_of_probabilities).
function productOf(values) {
  let total = 1;
  for (const value of values) total *= value;
  return total;
}

// 1 / (1 + e^-z) without overflow (ce_lib.sigmoid).
function sigmoid(z) {
  const decay = Math.exp(-Math.abs(z));
  return z >= 0 ? 1 / (1 + decay) : decay / (1 + decay);
}

// ln(p / (1 - p)), -inf at 0 and inf at 1 (ce_lib.logit).
function logit(p) {
  return Math.log(p) - Math.log1p(-p) + 0;
}

// One point's binary cross-entropy, -[y ln p + (1 - y) ln(1 - p)], exact at the edges.
function binaryTerm(y, p) {
  const positive = y !== 0 ? y * Math.log(p) : 0;
  const negative = y !== 1 ? (1 - y) * Math.log1p(-p) : 0;
  return -(positive + negative) + 0;
}

// The weights (a, b, c) of a line from its angle (degrees), offset and sharpness (ce_lib.lines.line_weights).
// The unit normal is exact at whole quarter turns (ce_lib.lines.unit_normal).
const QUARTER_TURNS = new Map([[0, [1, 0]], [90, [0, 1]], [180, [-1, 0]], [270, [0, -1]]]);
function lineWeights(angle, offset, sharpness) {
  const radians = angle * (Math.PI / 180);
  const [cos, sin] = QUARTER_TURNS.get(((angle % 360) + 360) % 360) ?? [Math.cos(radians), Math.sin(radians)];
  return [sharpness * cos + 0, sharpness * sin + 0, -sharpness * offset + 0];
}

// A point's logit of red under the line (a, b, c): a*x + b*y + c.
function lineLogit([a, b, c], [x, y]) {
  return x * a + y * b + c;
}

