// What every view of Cross-Entropy, Step by Step shares: numbers printed exactly as ce_lib
// prints them, the few operations a view redraws with (mirrored from ce_lib), SVG helpers,
// and `mountView`, which builds the controls, the figure and the readout and keeps them in
// step with the model. Python prepends this file to each view's module (ce_lib/views/_base.py).

// ---------------------------------------------------------------------------------------------
// Numbers, printed exactly as Python prints them (ce_lib.formatting).

const MINUS = "\u2212";

// The exact decimal expansion of a finite double x > 0: the digits, and the position of the
// decimal point (how many digits stand before it; may be negative or beyond the digits).
function exactDecimal(x) {
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

// ---------------------------------------------------------------------------------------------
// The maths a view redraws with, mirrored from ce_lib (same operations, in the same order).

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

// ---------------------------------------------------------------------------------------------
// SVG, written as text: a view builds its whole figure as one string per redraw.

const COLOURS = {
  red: "#D55E00", blue: "#0072B2", sky: "#56B4E9", A: "#CC79A7", B: "#009E73",
  orange: "#E69F00", grey: "#555555", light: "#DDDDDD", ink: "#1A1A1A",
};
const FONT = "DejaVu Sans, Verdana, Arial, sans-serif";

function escapeText(text) {
  return String(text).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

function round2(value) {
  return Math.round(value * 100) / 100;
}

function attributes(values) {
  let out = "";
  for (const [name, value] of Object.entries(values)) {
    if (value === undefined || value === null || value === false) continue;
    out += ` ${name}="${typeof value === "number" ? round2(value) : escapeText(value)}"`;
  }
  return out;
}

function tag(name, values, content) {
  return content === undefined ? `<${name}${attributes(values)}/>` : `<${name}${attributes(values)}>${content}</${name}>`;
}

// A text; `label: true` marks a number or name the figure states (compared with the static picture).
function text(x, y, content, { size = 15, anchor = "start", weight, fill = COLOURS.ink, halo = false, label = false, baseline, rotate } = {}) {
  return tag("text", {
    x, y, "font-size": size, "text-anchor": anchor, "font-weight": weight, fill,
    "dominant-baseline": baseline, class: [label ? "ce-label" : "", halo ? "ce-halo" : ""].join(" ").trim() || undefined,
    transform: rotate ? `rotate(${rotate} ${round2(x)} ${round2(y)})` : undefined,
  }, escapeText(content));
}

function line(x1, y1, x2, y2, style = {}) {
  return tag("line", { x1, y1, x2, y2, stroke: COLOURS.ink, "stroke-width": 1, ...style });
}

// A point marker: a circle for red, a square for blue (shape as well as colour).
function marker(colour, x, y, { size = 9, hollow = false, dashed = false } = {}) {
  const style = {
    fill: hollow ? "white" : COLOURS[colour], stroke: hollow ? COLOURS[colour] : COLOURS.ink,
    "stroke-width": hollow ? 2.5 : 1.5, "stroke-dasharray": dashed ? "4 3" : undefined,
  };
  return colour === "red"
    ? tag("circle", { cx: x, cy: y, r: size, ...style })
    : tag("rect", { x: x - size * 0.9, y: y - size * 0.9, width: size * 1.8, height: size * 1.8, ...style });
}

// Split words into lines of at most `width` characters (a rough measure: SVG text does not wrap).
function wrapWords(words, width) {
  const lines = [];
  for (const word of String(words).split(" ")) {
    const last = lines.length ? lines[lines.length - 1] : null;
    if (last !== null && (last + " " + word).length <= width) lines[lines.length - 1] = last + " " + word;
    else lines.push(word);
  }
  return lines;
}

// A title over `width` pixels: one line if it fits, else broken at ": " or between words.
function titleLines(words, width, size = 17) {
  const fits = Math.floor(width / (size * 0.6));
  if (words.length <= fits) return [words];
  const colon = words.indexOf(": ");
  if (colon > 0 && colon < fits && words.length - colon - 2 <= fits) return [words.slice(0, colon + 1), words.slice(colon + 2).trim()];
  return wrapWords(words, fits);
}

function linearScale([d0, d1], [r0, r1]) {
  const slope = (r1 - r0) / (d1 - d0);
  return (value) => r0 + (value - d0) * slope;
}

// Evenly spaced "nice" ticks covering [low, high].
function niceTicks(low, high, count = 5) {
  const span = high - low, rough = span / count;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => span / s <= count) ?? 10 * power;
  const ticks = [];
  for (let value = Math.ceil(low / step - 1e-9) * step; value <= high + step * 1e-9; value += step) ticks.push(Number(value.toPrecision(12)) + 0);
  return ticks;
}

// A frame with ticks, tick labels, axis titles and a title. `box` is {left, top, width, height}.
function axes(box, { x, y, xTicks, yTicks, xLabel, yLabel, title, xFormat = formatNumber, yFormat = formatNumber, grid = true }) {
  const { left, top, width, height } = box, bottom = top + height, right = left + width;
  let out = "";
  if (grid) for (const t of yTicks) out += line(left, y(t), right, y(t), { stroke: "#E6E6E6" });
  out += tag("rect", { x: left, y: top, width, height, fill: "none", stroke: COLOURS.ink, "stroke-width": 1.2 });
  for (const t of xTicks) out += line(x(t), bottom, x(t), bottom + 5) + text(x(t), bottom + 20, xFormat(t), { size: 14, anchor: "middle" });
  for (const t of yTicks) out += line(left - 5, y(t), left, y(t)) + text(left - 8, y(t) + 5, yFormat(t), { size: 14, anchor: "end" });
  if (xLabel) out += text(left + width / 2, bottom + 44, xLabel, { size: 15, anchor: "middle" });
  if (yLabel) out += text(left - 52, top + height / 2, yLabel, { size: 15, anchor: "middle", rotate: -90 });
  if (title) {
    const lines = titleLines(title, width);
    lines.forEach((l, i) => { out += text(left + width / 2, top - 12 - 21 * (lines.length - 1 - i), l, { size: 17, anchor: "middle", weight: "bold", label: true }); });
  }
  return out;
}

// A legend: rows of [swatch svg (drawn at 0,0), text], in a white box at (x, y).
function legend(x, y, rows, { width = 210, rowHeight = 24 } = {}) {
  let out = tag("rect", { x, y, width, height: rows.length * rowHeight + 10, fill: "white", "fill-opacity": 0.92, stroke: "#999999", rx: 4 });
  rows.forEach(([swatch, label], i) => {
    const cy = y + 5 + rowHeight * (i + 0.5);
    out += `<g transform="translate(${round2(x + 18)} ${round2(cy)})">${swatch}</g>`;
    out += text(x + 36, cy + 5, label, { size: 14 });
  });
  return out;
}

// A legend that flows in rows across `width`: per item [swatch drawn at (0, 0), words, and
// `true` if the words state a number or name the static picture states too].
function flowLegend(items, left, top, width, size = 14) {
  let out = "", x = left, y = top;
  for (const [swatch, words, label = false] of items) {
    const wide = 40 + words.length * size * 0.6;
    if (x + wide > left + width && x > left) { x = left; y += 26; }
    out += `<g transform="translate(${round2(x + 14)} ${round2(y)})">${swatch}</g>`;
    out += text(x + 34, y + 5, words, { size, label });
    x += wide + 14;
  }
  return { svg: out, bottom: y + 14 };
}

// SVG patterns for hatching (model A's bars are hatched, model B's solid: shape as well as colour).
function hatchDefs(id, colour) {
  return `<pattern id="${id}" patternUnits="userSpaceOnUse" width="8" height="8" patternTransform="rotate(45)">`
    + `<rect width="8" height="8" fill="white"/><rect width="3.5" height="8" fill="${colour}"/></pattern>`;
}

function svgDocument(width, height, content, title) {
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${round2(width)} ${round2(height)}" width="${round2(width)}" height="${round2(height)}"`
    + ` font-family="${FONT}" role="img" aria-label="${escapeText(title)}"><title>${escapeText(title)}</title>`
    + `<rect width="100%" height="100%" fill="white"/>${content}</svg>`;
}

// ---------------------------------------------------------------------------------------------
// Redrawing: a figure is markup the view writes itself (well formed, every text escaped), so it
// can be cut into its top-level elements cheaply. Only the elements whose markup changed are
// parsed and swapped in (a few labels, markers and bars when a slider moves): the browser
// re-lays out little, and the figure follows the slider at once.

// Split markup into its top-level elements (and text between them).
function topLevel(markup) {
  const parts = [];
  let depth = 0, start = 0, i = 0;
  while (i < markup.length) {
    const open = markup.indexOf("<", i);
    if (open < 0) break;
    if (depth === 0 && open > start) { parts.push(markup.slice(start, open)); start = open; }
    const close = markup.indexOf(">", open);
    const closing = markup[open + 1] === "/", selfClosing = markup[close - 1] === "/";
    if (closing) depth -= 1; else if (!selfClosing) depth += 1;
    i = close + 1;
    if (depth === 0) { parts.push(markup.slice(start, i)); start = i; }
  }
  if (start < markup.length) parts.push(markup.slice(start));
  return parts;
}

const parser = document.createElement("template");

// Parse one element's markup as a child of `parent` would be (SVG elements inside an <svg>).
function parseLike(parent, markup) {
  if (parent instanceof SVGElement) {
    parser.innerHTML = `<svg xmlns="http://www.w3.org/2000/svg">${markup}</svg>`;
    return [...parser.content.firstChild.childNodes];
  }
  parser.innerHTML = markup;
  return [...parser.content.childNodes];
}

// Make `element`'s children match `parts` (markup per child), given the markup they had.
function patch(element, parts, previous) {
  if (!previous || previous.length !== parts.length || element.childNodes.length !== parts.length) {
    element.replaceChildren(...parseLike(element, parts.join("")));
    return;
  }
  for (let i = 0; i < parts.length; i++) {
    if (parts[i] === previous[i]) continue;
    const old = element.childNodes[i];
    const name = /^<(svg|g)\b/.exec(parts[i]);
    if (name && old.nodeType === 1 && old.nodeName.toLowerCase() === name[1] && /^<(svg|g)\b/.test(previous[i])) {
      // An <svg> or a group keeps its node: its attributes are updated and only its changed
      // children are swapped in.
      const head = (markup) => markup.slice(0, markup.indexOf(">") + 1);
      const inner = (markup) => markup.slice(markup.indexOf(">") + 1, markup.lastIndexOf("<"));
      if (head(parts[i]) !== head(previous[i])) {
        const [shell] = parseLike(element, `${head(parts[i])}</${name[1]}>`);
        for (const { name: key, value } of shell.attributes) if (old.getAttribute(key) !== value) old.setAttribute(key, value);
        for (const { name: key } of [...old.attributes]) if (!shell.hasAttribute(key)) old.removeAttribute(key);
      }
      patch(old, topLevel(inner(parts[i])), topLevel(inner(previous[i])));
    } else {
      const [fresh] = parseLike(element, parts[i]);
      if (fresh) element.replaceChild(fresh, old);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Controls: one way to make each kind, from the specs the Python class sends (ce_lib.views._base).

function controlValue(state, spec) {
  const value = state[spec.key];
  return spec.index === null || spec.index === undefined ? value : value[spec.index];
}

function setControlValue(state, spec, value) {
  if (spec.index === null || spec.index === undefined) state[spec.key] = value;
  else { state[spec.key] = state[spec.key].slice(); state[spec.key][spec.index] = value; }
}

function showValue(spec, value) {
  if (spec.kind === "log-range") return formatNumber(value, 2);
  if (spec.kind === "range") return formatFixed(value, spec.decimals);
  return String(value);
}

// The slider position of a value, and the value of a slider position, for log sliders too.
function toPosition(spec, value) {
  return spec.kind === "log-range" ? Math.log10(value) : value;
}

function fromPosition(spec, position) {
  const number = Number(position);
  return spec.kind === "log-range" ? 10 ** number : number;
}

// Why a state value cannot be drawn, or null: the rule of ce_lib.views._state.check_state_value.
// A value must be one its control could set: a finite number in the slider's range, one of a
// choice's options, true/false for a toggle; a list has one entry per control that sets it.
function entryRefusal(spec, value, where) {
  if (spec.kind === "toggle") return typeof value === "boolean" ? null : `${where} must be true or false`;
  if (spec.kind === "choice") {
    return spec.options.some(([, option]) => JSON.stringify(option) === JSON.stringify(value)) ? null : `${where} is not one of its options`;
  }
  if (typeof value !== "number" || Number.isNaN(value)) return `${where} must be a number`;
  const [low, high] = spec.kind === "log-range" ? [10 ** spec.min_exponent, 10 ** spec.max_exponent] : [spec.min, spec.max];
  return low <= value && value <= high ? null : `${where} must be from ${formatShort(low)} to ${formatShort(high)}`;
}

function stateRefusal(specs, key, value) {
  const mine = specs.filter((spec) => spec.key === key);
  const indexed = mine.filter((spec) => spec.index !== null && spec.index !== undefined);
  if (!indexed.length) {
    for (const spec of mine) { const why = entryRefusal(spec, value, key); if (why) return why; }
    return null;
  }
  const length = 1 + Math.max(...indexed.map((spec) => spec.index));
  if (!Array.isArray(value) || value.length !== length) return `${key} must be a list of ${length} values`;
  for (const spec of indexed) { const why = entryRefusal(spec, value[spec.index], `${key}[${spec.index}]`); if (why) return why; }
  return null;
}

const CONTROL_KEYS = new Set(["ArrowLeft", "ArrowRight", "ArrowUp", "ArrowDown", "Home", "End", "PageUp", "PageDown", " "]);

// Jupyter Notebook 7 handles shortcuts before the view sees the key, and its command-mode arrow
// keys match a focused control itself: the attribute must be on each control, not only on the root.
// (Lumino then lets no shortcut act on a key pressed on a control, in JupyterLab too.)
function suppressShortcuts(input) {
  input.setAttribute("data-lm-suppress-shortcuts", "true");
  return input;
}

function buildControl(spec, state, onChange) {
  const wrapper = document.createElement("div");
  wrapper.className = "ce-control";
  const id = `ce-${Math.random().toString(36).slice(2, 10)}`;
  if (spec.kind === "choice") {
    const group = document.createElement("fieldset");
    group.className = "ce-choice";
    group.innerHTML = `<legend>${escapeText(spec.label)}</legend>`;
    for (const [text, value] of spec.options) {
      const option = document.createElement("label");
      const input = suppressShortcuts(document.createElement("input"));
      input.type = "radio";
      input.name = id;
      input.value = JSON.stringify(value);
      input.checked = JSON.stringify(controlValue(state, spec)) === input.value;
      input.addEventListener("change", () => input.checked && onChange(spec, JSON.parse(input.value)));
      option.append(input, document.createTextNode(" " + text));
      group.append(option);
    }
    wrapper.append(group);
    return { element: wrapper, update: (s) => group.querySelectorAll("input").forEach((i) => { i.checked = JSON.stringify(controlValue(s, spec)) === i.value; }) };
  }
  if (spec.kind === "toggle") {
    const label = document.createElement("label");
    const input = suppressShortcuts(document.createElement("input"));
    input.type = "checkbox";
    input.checked = Boolean(controlValue(state, spec));
    input.addEventListener("change", () => onChange(spec, input.checked));
    label.append(input, document.createTextNode(" " + spec.label));
    wrapper.append(label);
    return { element: wrapper, update: (s) => { input.checked = Boolean(controlValue(s, spec)); } };
  }
  const label = document.createElement("label");
  label.htmlFor = id;
  label.textContent = spec.label;
  const input = suppressShortcuts(document.createElement("input"));
  input.type = "range";
  input.id = id;
  input.className = "ce-slider";
  input.min = String(spec.kind === "log-range" ? spec.min_exponent : spec.min);
  input.max = String(spec.kind === "log-range" ? spec.max_exponent : spec.max);
  input.step = String(spec.step);
  const output = document.createElement("output");
  output.htmlFor = id;
  const show = (value) => {
    input.value = String(toPosition(spec, value));
    output.textContent = showValue(spec, value);
    input.setAttribute("aria-valuetext", `${spec.label}: ${showValue(spec, value)}`);
  };
  show(controlValue(state, spec));
  input.addEventListener("input", () => {
    const value = fromPosition(spec, input.value);
    output.textContent = showValue(spec, value);
    input.setAttribute("aria-valuetext", `${spec.label}: ${showValue(spec, value)}`);
    onChange(spec, value);
  });
  wrapper.append(label, input, output);
  return { element: wrapper, update: (s) => show(controlValue(s, spec)) };
}

// ---------------------------------------------------------------------------------------------
// A view: controls, the figure and a readout, kept in step with the model.
//
// `view.keys` are the model's state keys (what the controls change), `view.fixed` the data no
// control changes (geometry, a precomputed path); `view.draw(state, width, uid)` returns the figure as SVG
// text (ids prefixed with `uid`); `view.describe(state)` returns the readout, the same words and digits as the Python
// class's `describe()` (a browser test compares them). The figure and the readout follow a
// control at once, in the browser; the kernel, when it is free, sends its own readout computed
// by ce_lib for the same revision, and the view shows that it agrees.
function mountView({ model, el }, view) {
  const state = {};
  for (const key of [...view.keys, ...(view.fixed ?? [])]) state[key] = model.get(key);
  let revision = model.get("revision") ?? 0;

  const root = document.createElement("div");
  root.className = `ce-view ce-view-${view.name}`;
  root.setAttribute("role", "group");
  root.setAttribute("aria-label", model.get("label"));
  // JupyterLab's keyboard shortcuts must leave the view's controls alone: in command mode the
  // notebook binds the arrow keys to ":focus" (which matches a focused slider) and would swallow
  // them. Keys that move a control stop here, before the document-level shortcut handler.
  root.setAttribute("data-lm-suppress-shortcuts", "true");
  root.addEventListener("keydown", (event) => {
    if (event.target instanceof HTMLInputElement && CONTROL_KEYS.has(event.key)) event.stopPropagation();
  });
  const controlArea = document.createElement("div");
  controlArea.className = "ce-controls";
  const figure = document.createElement("div");
  figure.className = "ce-figure";
  const readoutRow = document.createElement("div");
  readoutRow.className = "ce-readout-row";
  const readout = document.createElement("p");
  readout.className = "ce-readout";
  readout.setAttribute("aria-live", "polite");
  const status = document.createElement("span");
  status.className = "ce-status";
  status.setAttribute("aria-hidden", "true");
  readoutRow.append(readout, status);

  const controls = [];
  const groups = new Map();
  for (const spec of model.get("controls")) {
    const control = buildControl(spec, state, onControl);
    controls.push(control);
    if (spec.group) {
      if (!groups.has(spec.group)) {
        const box = document.createElement("fieldset");
        box.className = "ce-group";
        box.innerHTML = `<legend>${escapeText(spec.group)}</legend>`;
        groups.set(spec.group, box);
        controlArea.append(box);
      }
      groups.get(spec.group).append(control.element);
    } else controlArea.append(control.element);
  }
  root.append(controlArea, readoutRow, figure);
  el.append(root);

  const uid = `ce${Math.random().toString(36).slice(2, 9)}`; // ids inside this view's SVG
  let width = 0, drawn = null;
  function redraw() {
    const markup = topLevel(view.draw(state, width || 960, uid));
    if (!drawn || markup.join("") !== drawn.join("")) { patch(figure, markup, drawn); drawn = markup; }
    const words = view.describe(state);
    if (readout.textContent !== words) readout.textContent = words;
    readout.dataset.source = "view";
    showKernel();
  }
  // The kernel's readout for this revision replaces the view's own (they agree, digit for digit).
  function showKernel() {
    const confirmed = model.get("readout");
    readout.dataset.revision = String(revision);
    if (!model.isStatic && confirmed && confirmed.revision === revision && typeof confirmed.text === "string") {
      if (readout.textContent !== confirmed.text) readout.textContent = confirmed.text;
      readout.dataset.source = "kernel";
      status.textContent = " ✓ ce_lib";
      status.title = "confirmed by ce_lib in the kernel";
    } else {
      status.textContent = model.isStatic ? "" : " …";
      status.title = model.isStatic ? "" : "computed in the browser; waiting for the kernel to confirm";
    }
  }
  // The kernel hears of a change after the figure is on screen (after the next frame), once per
  // frame however fast the slider moves: sending costs a few milliseconds the figure need not wait for.
  let sending = false; // our own model.set calls fire change events too: ignore those
  let unsent = null;
  function send() {
    if (!unsent) return;
    sending = true;
    try {
      model.set("revision", revision);
      for (const key of unsent) model.set(key, state[key]);
    } finally {
      sending = false;
    }
    unsent = null;
    model.save_changes();
  }
  function onControl(spec, value) {
    setControlValue(state, spec, value);
    revision += 1;
    redraw();
    if (!unsent) {
      unsent = new Set();
      if (document.hidden || typeof requestAnimationFrame === "undefined") setTimeout(send, 0);
      else requestAnimationFrame(() => setTimeout(send, 0));
    }
    unsent.add(spec.key);
  }
  const specs = model.get("controls");
  const fromModel = () => {
    // Our own sets, and echoes that arrive while newer moves wait to be sent, are not news.
    if (sending || unsent) return;
    // A value the view cannot draw is refused: the model is put back, the figure stays as it was.
    for (const key of view.keys) {
      const why = stateRefusal(specs, key, model.get(key));
      if (!why) continue;
      console.warn(`${view.name} view refused a state: ${why}`);
      sending = true;
      try { model.set(key, state[key]); } finally { sending = false; }
      model.save_changes();
    }
    for (const key of view.keys) state[key] = model.get(key);
    revision = model.get("revision") ?? revision;
    for (const control of controls) control.update(state);
    redraw();
  };
  for (const key of view.keys) model.on(`change:${key}`, fromModel);
  model.on("change:readout", showKernel);

  // Lay the figure out for the width it has: one SVG unit is one CSS pixel.
  const resize = () => {
    const next = Math.max(320, Math.min(1000, Math.floor(figure.clientWidth || el.clientWidth || 960)));
    if (next !== width) { width = next; redraw(); }
  };
  const observer = typeof ResizeObserver === "undefined" ? null : new ResizeObserver(resize);
  observer?.observe(figure);
  resize();
  redraw();
  return () => {
    observer?.disconnect();
    for (const key of view.keys) model.off(`change:${key}`, fromModel);
    model.off("change:readout", showKernel);
  };
}
