// Numbers, printed exactly as Python prints them (ce_lib.formatting): a view's digits are ce_lib's.
// Pure: no page, no document. Runs in the browser and, for the stored picture, in the kernel.


const MINUS = "\u2212";

// The exact decimal expansion of a finite double x > 0: the digits, and the position of the
// decimal point (how many digits stand before it; may be negative or beyond the digits).
// Ticks and values repeat at every redraw: each number is expanded once (the expansion is never changed).
const EXPANSIONS = new Map();

function exactDecimal(x) {
  let known = EXPANSIONS.get(x);
  if (known === undefined) {
    if (EXPANSIONS.size > 20000) EXPANSIONS.clear();
    known = expand(x);
    EXPANSIONS.set(x, known);
  }
  return known;
}

function expand(x) {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const high = view.getUint32(0), low = view.getUint32(4);
  let exponent = (high >>> 20) & 0x7ff;
  let mantissa = (BigInt(high & 0xfffff) << 32n) | BigInt(low);
  if (exponent === 0) exponent = 1; else mantissa |= 1n << 52n;
  const power = exponent - 1075; // x = mantissa * 2^power
  if (power >= 0) {
    const digits = (mantissa << BigInt(power)).toString();
    return { digits, point: digits.length };
  }
  const digits = (mantissa * 5n ** BigInt(-power)).toString(); // x = digits * 10^power
  return { digits, point: digits.length + power };
}

// Keep the first `keep` digits of an exact expansion, rounding half to even as Python does.
function roundDigits({ digits, point }, keep) {
  if (keep < 0) return { digits: "0", point: point - keep + 1, zero: true };
  if (keep >= digits.length) return { digits: digits.padEnd(keep, "0"), point };
  const head = digits.slice(0, keep), rest = digits.slice(keep);
  const first = rest.charCodeAt(0) - 48;
  const exactlyHalf = first === 5 && /^0*$/.test(rest.slice(1));
  const lastOdd = keep > 0 && (head.charCodeAt(keep - 1) - 48) % 2 === 1;
  const up = first > 5 || (first === 5 && !exactlyHalf) || (exactlyHalf && lastOdd);
  if (!up) return { digits: head || "0", point, zero: !/[1-9]/.test(head) };
  const bumped = (BigInt(head || "0") + 1n).toString();
  if (bumped.length > keep) return { digits: bumped.slice(0, Math.max(keep, 1)), point: point + 1 };
  return { digits: bumped.padStart(keep, "0"), point };
}

// Python's f"{x:.{precision}g}" for finite x != 0.
function formatGeneral(x, precision) {
  const sign = x < 0 ? "-" : "";
  const rounded = roundDigits(exactDecimal(Math.abs(x)), precision);
  const exponent = rounded.point - 1;
  let body;
  if (exponent >= -4 && exponent < precision) {
    const digits = rounded.digits;
    if (rounded.point <= 0) body = "0." + "0".repeat(-rounded.point) + digits;
    else body = digits.slice(0, rounded.point) + (digits.length > rounded.point ? "." + digits.slice(rounded.point) : "");
    if (body.includes(".")) body = body.replace(/0+$/, "").replace(/\.$/, "");
  } else {
    let mantissa = rounded.digits[0] + (rounded.digits.length > 1 ? "." + rounded.digits.slice(1) : "");
    if (mantissa.includes(".")) mantissa = mantissa.replace(/0+$/, "").replace(/\.$/, "");
    const size = Math.abs(exponent);
    body = `${mantissa}e${exponent < 0 ? "-" : "+"}${size < 10 ? "0" : ""}${size}`;
  }
  return sign + body;
}

// Python's f"{x:.{decimals}f}" for finite x.
function formatFixedDigits(x, decimals) {
  const sign = x < 0 || Object.is(x, -0) ? "-" : "";
  if (x === 0) return sign + (decimals > 0 ? "0." + "0".repeat(decimals) : "0");
  const exact = exactDecimal(Math.abs(x));
  const rounded = roundDigits(exact, exact.point + decimals);
  let digits = rounded.zero ? "0".repeat(decimals + 1) : rounded.digits;
  let point = rounded.zero ? 1 : rounded.point;
  if (point <= 0) { digits = "0".repeat(1 - point) + digits; point = 1; }
  digits = digits.padEnd(point + decimals, "0");
  const whole = digits.slice(0, point), fraction = digits.slice(point, point + decimals);
  return sign + whole + (decimals > 0 ? "." + fraction : "");
}

// ce_lib.formatting.format_number: "∞" for inf, "0" for exact zero, significant digits otherwise.
function formatNumber(value, digits = 4) {
  if (Number.isNaN(value)) return "nan";
  if (value === Infinity) return "∞";
  if (value === -Infinity) return MINUS + "∞";
  if (value === 0) return "0";
  return formatGeneral(value, digits).replaceAll("-", MINUS);
}

// ce_lib.formatting.format_fixed: a fixed number of decimals, for a column of a table.
function formatFixed(value, decimals) {
  if (Number.isNaN(value)) return "nan";
  if (value === Infinity) return "∞";
  if (value === -Infinity) return MINUS + "∞";
  return formatFixedDigits(value + 0, decimals).replaceAll("-", MINUS);
}

// Python's f"{x:g}" (six significant digits), as used for slider settings in readouts.
function formatShort(value) {
  if (value === 0) return Object.is(value, -0) ? MINUS + "0" : "0";
  return formatGeneral(value, 6).replaceAll("-", MINUS);
}


// 10 to a whole exponent as a learner writes it, with superscript digits: "1", "10⁻¹⁰⁰" (a log axis's tick).
const SUPERSCRIPT_DIGITS = { 0: "⁰", 1: "¹", 2: "²", 3: "³", 4: "⁴", 5: "⁵", 6: "⁶", 7: "⁷", 8: "⁸", 9: "⁹", "-": "⁻" };
function powerOfTen(exponent) {
  return exponent === 0 ? "1" : "10" + [...String(exponent)].map((c) => SUPERSCRIPT_DIGITS[c]).join("");
}
