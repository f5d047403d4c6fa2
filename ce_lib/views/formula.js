// One point's binary cross-entropy −[y ln p + (1 − y) ln(1 − p)] (notebook 05): what each label
// costs for every p, with markers at the chosen p and the larger one on the chosen label's cost.

const TITLE = "One point's cross-entropy: −[y ln p + (1 − y) ln(1 − p)]";
const CLIP = 6, EDGE = 6.6;
// Per label: colour, the curve's dashes, the curve's words (formula.STYLE).
const STYLE = {
  1: { colour: COLOURS.red, dash: undefined, words: "y = 1: −ln(p)" },
  0: { colour: COLOURS.blue, dash: "8 5", words: "y = 0: −ln(1 − p)" },
  0.5: { colour: COLOURS.ink, dash: "2 4", words: "y = 0.5: their average" },
};

function describe(state) {
  const { y, p } = state;
  const cost = binaryTerm(y, p), pp = formatFixed(p, 2);
  return `y = ${formatShort(y)}, p = ${pp}: −[${formatShort(y)} · ln(${pp}) + ${formatShort(1 - y)} · ln(1 − ${pp})] = ${formatNumber(cost)}`;
}

const shownLabels = (y) => (y === 0.5 ? [1, 0, 0.5] : [1, 0]);

// The words beside each marker: each shown label's cost at p (BinaryFormula.marker_texts).
const markerText = (y, p) => `y = ${formatShort(y)}: ${formatNumber(binaryTerm(y, p), 3)}`;

// Move positions apart to at least `gap`, inside [low, high], keeping their order: labels that
// would overlap join a group centred where they want to be on average (formula.spread).
function spread(wanted, gap, low, high) {
  const order = wanted.map((_, i) => i).sort((a, b) => wanted[a] - wanted[b] || a - b);
  let groups = order.map((i) => [i]);
  const first = (group) => {
    const centre = group.reduce((s, i) => s + wanted[i], 0) / group.length;
    return Math.min(Math.max(centre - (gap * (group.length - 1)) / 2, low), high - gap * (group.length - 1));
  };
  for (let merged = true; merged;) {
    merged = false;
    for (let k = 1; k < groups.length; k++) {
      if (first(groups[k - 1]) + gap * groups[k - 1].length > first(groups[k]) + 1e-9) {
        groups = [...groups.slice(0, k - 1), [...groups[k - 1], ...groups[k]], ...groups.slice(k + 1)];
        merged = true;
        break;
      }
    }
  }
  const result = new Array(wanted.length).fill(0);
  for (const group of groups) group.forEach((i, j) => { result[i] = first(group) + gap * j; });
  return result;
}

function diamond(x, y, size, style) {
  return tag("path", { d: `M${round2(x)},${round2(y - size)} L${round2(x + size)},${round2(y)} L${round2(x)},${round2(y + size)} L${round2(x - size)},${round2(y)} Z`, ...style });
}

// A label's marker: a circle for y = 1, a square for y = 0, a diamond for y = 0.5.
function labelMarker(y, x, at, size) {
  if (y === 0.5) return diamond(x, at, size * 1.25, { fill: COLOURS.grey, stroke: COLOURS.ink, "stroke-width": 1.5 });
  return marker(y === 1 ? "red" : "blue", x, at, { size });
}

function draw(state, width, uid) {
  const { y: chosen, p } = state;
  const narrow = width < 560;
  // The title on one line where it fits, else the words over the formula.
  const titleSize = narrow ? 16 : 17;
  const title = TITLE.length * titleSize * 0.6 <= width - 40 ? [TITLE] : [TITLE.slice(0, TITLE.indexOf(": ") + 1), TITLE.slice(TITLE.indexOf(": ") + 2)];
  const left = 66, right = width - 20, top = 26 + 21 * title.length + 14;
  const height = narrow ? 280 : 330, bottom = top + height;
  const x = linearScale([-0.03, 1.03], [left, right]);
  const yScale = linearScale([-0.25, EDGE], [bottom, top]);
  let out = "";
  title.forEach((words, i) => { out += text(width / 2, 22 + 21 * i, words, { size: titleSize, anchor: "middle", weight: "bold", label: true }); });
  const yTicks = [0, 1, 2, 3, 4, 5, 6];
  out += axes({ left, top, width: right - left, height }, {
    x, y: yScale, xTicks: [0, 0.2, 0.4, 0.6, 0.8, 1], yTicks, xLabel: "predicted probability p of label 1",
  });
  out += line(left - 5, top, left, top) + text(left - 8, top + 7, "∞", { size: 22, anchor: "end" }); // the top edge: ∞
  out += text(left - 44, top + height / 2, "the point's cross-entropy", { size: 15, anchor: "middle", rotate: -90 });

  // The curves, clipped to the frame; a dotted line at the chosen p.
  out += `<defs><clipPath id="${uid}-clip"><rect x="${left}" y="${top}" width="${round2(right - left)}" height="${height}"/></clipPath></defs>`;
  let curves = "";
  for (const label of shownLabels(chosen)) {
    const points = [];
    for (let i = 1; i < 800; i++) {
      const q = i / 800;
      points.push(`${round2(x(q))},${round2(yScale(Math.min(binaryTerm(label, q), EDGE + 1)))}`);
    }
    curves += tag("path", { d: "M" + points.join(" L"), fill: "none", stroke: STYLE[label].colour, "stroke-width": label === 0.5 ? 2.4 : 2.6, "stroke-dasharray": STYLE[label].dash });
  }
  out += `<g clip-path="url(#${uid}-clip)">${curves}</g>`;
  out += line(x(p), top, x(p), bottom, { stroke: COLOURS.grey, "stroke-dasharray": "2 3" });

  // The markers at p (the chosen label's larger, drawn last) and their words, spread apart vertically.
  const labels = shownLabels(chosen);
  const heights = labels.map((label) => yScale(Math.min(binaryTerm(label, p), EDGE)));
  let marks = "";
  for (const k of [...labels.keys()].sort((a, b) => (labels[a] === chosen) - (labels[b] === chosen))) {
    marks += labelMarker(labels[k], x(p), heights[k], labels[k] === chosen ? 12 : 7);
  }
  const size = narrow ? 14 : 15;
  const widest = Math.max(...labels.map((label) => markerText(label, p).length)) * size * 0.64;
  const onRight = x(p) + 20 + widest <= width - 4 && (p <= 0.62 || x(p) - 20 - widest < 4); // right of the markers where it fits
  const spots = spread(heights, size * 1.45, top + size, bottom - size * 0.6);
  let words = "";
  labels.forEach((label, k) => {
    const tx = x(p) + (onRight ? 20 : -20);
    if (Math.abs(spots[k] - heights[k]) > 4) words += line(x(p), heights[k], tx, spots[k], { stroke: COLOURS.grey, "stroke-dasharray": "2 3" });
    words += text(tx, spots[k] + size * 0.36, markerText(label, p), {
      size, anchor: onRight ? "start" : "end", weight: label === chosen ? "bold" : undefined, halo: true, label: true,
    });
  });
  out += marks + words;

  const items = labels.map((label) => [line(-12, 0, 12, 0, { stroke: STYLE[label].colour, "stroke-width": 2.6, "stroke-dasharray": STYLE[label].dash }), STYLE[label].words]);
  items.push([labelMarker(chosen, 0, 0, 8), `your label y = ${formatShort(chosen)} at p`]);
  const key = flowLegend(items, 14, bottom + 64, width - 28);
  out += key.svg;
  return svgDocument(width, key.bottom + 10, out, `${TITLE}. ${describe(state)}`);
}

export default {
  render({ model, el }) {
    return mountView({ model, el }, { name: "formula", keys: ["y", "p"], draw, describe });
  },
};
