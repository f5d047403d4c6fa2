// Surprise (notebook 03): each point of models A and B dropped onto the curve −ln p, so its
// error is read off one curve (in nats, and in bits on the right), and beside it each model's
// errors stacked into its sum, the cross-entropy. One slider per point per model.
// Words: the catalogue's `views.surprise` section (state.words).

const SURPRISE_TOP = 5.5; // nats: a surprise beyond it (or ∞) is drawn at the top, and says so
const SUMS_TOP = 8; // nats: a sum beyond it (or ∞) fills its bar, labelled inside
const SURPRISE_MODELS = ["A", "B"];
const surpriseShown = (state, name) => state[`probabilities_${name.toLowerCase()}`];

// Model A's marks are triangles, model B's circles (shape as well as colour).
function modelMark(name, x, y, size = 8) {
  const style = { fill: COLOURS[name], stroke: COLOURS.ink, "stroke-width": 1.3 };
  if (name === "B") return tag("circle", { cx: x, cy: y, r: size * 0.85, ...style });
  const h = size * 1.1;
  return tag("path", { d: `M${round2(x)},${round2(y - h)} L${round2(x + h)},${round2(y + h * 0.75)} L${round2(x - h)},${round2(y + h * 0.75)} Z`, ...style });
}

function surpriseTerms(state, name) {
  const errors = surpriseShown(state, name).map(pointError);
  return { errors, total: sumOf(errors) + 0 };
}

function describe(state) {
  const words = state.words, parts = {};
  for (const name of SURPRISE_MODELS) {
    const { errors, total } = surpriseTerms(state, name);
    parts[name.toLowerCase()] = formatNumber(total);
    parts[`${name.toLowerCase()}_terms`] = errors.map((e) => formatNumber(e, 3)).join(" + ");
  }
  return fillWords(words.readout, parts);
}

// The curve −ln p over (0, 1], with each model's points on it, labelled by point.
function curvePanel(box, state) {
  const words = state.words;
  const x = linearScale([0, 1], [box.left, box.left + box.width]);
  const y = linearScale([0, SURPRISE_TOP], [box.top + box.height, box.top]);
  const right = box.left + box.width;
  // The axes and the curve: the same at every redraw, made once.
  let out = madeOnce(["surprise-curve", box], words, () => {
    let ground = axes(box, { x, y, xTicks: niceTicks(0, 1, 5), yTicks: niceTicks(0, SURPRISE_TOP, 5), xLabel: words.x_axis, yLabel: words.y_axis, title: words.curve_title });
    // The same heights in bits, on the right: −log₂ p = −ln p / ln 2.
    for (let bits = 0; bits * Math.LN2 <= SURPRISE_TOP + 1e-9; bits += 1) {
      ground += line(right, y(bits * Math.LN2), right + 5, y(bits * Math.LN2)) + text(right + 8, y(bits * Math.LN2) + 5, formatNumber(bits), { size: 13 });
    }
    ground += text(right + 44, box.top + box.height / 2, words.bits_axis, { size: 14, anchor: "middle", rotate: 90 });
    const lowest = Math.exp(-SURPRISE_TOP);
    let path = "";
    for (let i = 0; i <= 240; i++) {
      const p = lowest + ((1 - lowest) * i) / 240;
      path += `${i ? "L" : "M"}${round2(x(p))},${round2(y(pointError(p)))}`;
    }
    ground += tag("path", { d: path, fill: "none", stroke: COLOURS.ink, "stroke-width": 2.5, class: "ce-data" });
    return ground;
  });
  // Marks at the same place (two points given the same p) share one label: "B4 A1".
  const marks = [], groups = new Map();
  SURPRISE_MODELS.forEach((name) => {
    surpriseShown(state, name).forEach((p, i) => {
      const error = pointError(p), over = !(error <= SURPRISE_TOP);
      const px = x(p), py = y(over ? SURPRISE_TOP : error);
      marks.push(modelMark(name, px, py));
      const key = `${Math.round(px)},${Math.round(py)}`;
      if (!groups.has(key)) groups.set(key, { px, py, names: [], over: over ? formatNumber(error, 3) : null });
      groups.get(key).names.push(`${name}${state.points[i].number}`);
    });
  });
  const markBox = ({ px, py }) => [px - 14, py - 14, px + 14, py + 14];
  const requests = [...groups.values()].map((group) => {
    const { px, py, names, over } = group;
    const avoid = [...groups.values()].filter((other) => other !== group).map(markBox); // never beside another's mark
    // Beside the mark first, then further above or below it (the curve is low on the right: room above).
    const spots = [-6, 17, -28, 38, -50, 58, -72, -94].flatMap((dy) => [["start", px + 11, py + dy], ["end", px - 11, py + dy]]);
    spots.splice(4, 0, ["middle", px, py - 14], ["middle", px, py + 25]);
    return { words: names.join(" ") + (over ? `: ${over}` : ""), size: 14, bold: true, spots, avoid };
  });
  out += marks.join("");
  for (const placed of placeLabels(requests, [box.left + 2, box.top - 2, right - 2, box.top + box.height - 2])) {
    out += text(placed.x, placed.y, placed.words, { size: 14, weight: "bold", anchor: placed.anchor, halo: true, label: true });
  }
  return out;
}

// Each model's errors stacked: the bar's height is the sum, the cross-entropy.
function sumsPanel(box, state, uid) {
  const words = state.words;
  const scaleTop = SUMS_TOP;
  const y = linearScale([0, scaleTop], [box.top + box.height, box.top]);
  let out = `<defs>${hatchDefs(`${uid}-hatch`, COLOURS.A)}</defs>`;
  out += axes(box, { x: (v) => v, y, xTicks: [], yTicks: niceTicks(0, scaleTop, 5), title: words.sums_title });
  const slot = box.width / 2, barWidth = Math.min(70, slot * 0.55);
  SURPRISE_MODELS.forEach((name, j) => {
    const centre = box.left + slot * (j + 0.5);
    const { errors, total } = surpriseTerms(state, name);
    let base = 0;
    errors.forEach((error, i) => {
      const upto = Math.min(base + error, scaleTop);
      if (upto > base) {
        out += tag("rect", { x: centre - barWidth / 2, y: y(upto), width: barWidth, height: y(base) - y(upto),
          fill: j === 0 ? `url(#${uid}-hatch)` : COLOURS.B, stroke: COLOURS.ink, "stroke-width": 1.2, class: "ce-data" });
        if (y(base) - y(upto) >= 17) out += text(centre, (y(base) + y(upto)) / 2 + 5, String(state.points[i].number), { size: 13, anchor: "middle", weight: "bold", halo: true });
      }
      base = upto;
    });
    const full = !(total <= scaleTop);
    out += text(centre, full ? y(scaleTop) + 22 : y(total) - 8, formatNumber(total), { size: 15, anchor: "middle", weight: "bold", halo: full, label: true });
    out += text(centre, box.top + box.height + 22, fillWords(words.model, { name }), { size: 14, anchor: "middle" });
  });
  return out;
}

function draw(state, width, uid) {
  const words = state.words;
  const wide = width >= 760;
  const curveWidth = (wide ? width * 0.64 : width) - 70 - 70;
  const sumsWidth = wide ? width * 0.36 - 48 - 16 : width - 70 - 20;
  const top = Math.max(titleDepth(words.curve_title, curveWidth), wide ? titleDepth(words.sums_title, sumsWidth) : 0) + 6;
  const curveBox = { left: 70, top, width: curveWidth, height: 330 };
  const sumsBox = wide
    ? { left: width * 0.64 + 48, top, width: sumsWidth, height: 330 }
    : { left: 70, top: top + curveBox.height + axisLabelDepth(words.x_axis, curveWidth) + titleDepth(words.sums_title, sumsWidth), width: sumsWidth, height: 300 };
  let out = group(curvePanel(curveBox, state)) + group(sumsPanel(sumsBox, state, uid));
  const key = flowLegend([
    [modelMark("A", 0, 0, 7), fillWords(words.model, { name: "A" })],
    [modelMark("B", 0, 0, 7), fillWords(words.model, { name: "B" })],
  ], 20, Math.max(curveBox.top + curveBox.height + axisLabelDepth(words.x_axis, curveBox.width), sumsBox.top + sumsBox.height + 40) + 18, width - 40);
  out += key.svg;
  return svgDocument(width, key.bottom + 10, out, fillWords(words.figure_title, { readout: describe(state) }));
}

const FIGURE = { name: "surprise", draw, describe };
