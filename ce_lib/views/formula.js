// One point's binary cross-entropy −[y ln p + (1 − y) ln(1 − p)] (notebook 05): what each label
// costs for every p, with markers at the chosen p and the larger one on the chosen label's cost.
// Words: the catalogue's `views.formula` section (state.words).

// The y axis: finite costs up to CLIP; ∞ is drawn at the top edge, EDGE.
const CLIP = 6, EDGE = 6.6;
// Per label: the curve's colour and dashes, and the key of its words in the legend.
const STYLE = {
  1: { colour: COLOURS.red, dash: undefined, words: "curve_1" },
  0: { colour: COLOURS.blue, dash: "8 5", words: "curve_0" },
  0.5: { colour: COLOURS.ink, dash: "2 4", words: "curve_half" },
};

function describe(state) {
  const { y, p, words } = state;
  return fillWords(words.readout, {
    y: formatShort(y), rest: formatShort(1 - y), p: formatFixed(p, 2), cost: formatNumber(binaryTerm(y, p)),
  });
}

// The labels whose cost is marked: always 1 and 0, and 0.5 when it is the chosen one (BinaryFormula.shown_labels).
const shownLabels = (y) => (y === 0.5 ? [1, 0, 0.5] : [1, 0]);

// The words beside each marker: each shown label's cost at p (BinaryFormula.marker_texts).
const markerText = (words, y, p) => fillWords(words.marker, { y: formatShort(y), cost: formatNumber(binaryTerm(y, p), 3) });

// Move positions apart to at least `gap`, inside [low, high], keeping their order: labels that
// would overlap join a group centred where they want to be on average.
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

// A label's marker: a circle for y = 1, a square for y = 0, a diamond for y = 0.5.
function labelMarker(y, x, at, size) {
  if (y === 0.5) return diamond(x, at, size * 1.25, { fill: COLOURS.grey, stroke: COLOURS.ink, "stroke-width": 1.5 });
  return marker(y === 1 ? "red" : "blue", x, at, { size });
}

// Each shown label's cost curve over 0 < p < 1, clipped to the frame (a cost of ∞ runs off its top).
function curves(labels, x, yScale, box, uid) {
  let paths = "";
  for (const label of labels) {
    const points = [];
    for (let i = 1; i < 800; i++) {
      const q = i / 800;
      points.push(`${round2(x(q))},${round2(yScale(Math.min(binaryTerm(label, q), EDGE + 1)))}`);
    }
    paths += tag("path", { d: "M" + points.join(" L"), fill: "none", stroke: STYLE[label].colour, "stroke-width": label === 0.5 ? 2.4 : 2.6, "stroke-dasharray": STYLE[label].dash });
  }
  const clip = `<defs><clipPath id="${uid}-clip">${tag("rect", { x: box.left, y: box.top, width: box.width, height: box.height })}</clipPath></defs>`;
  return `${clip}<g clip-path="url(#${uid}-clip)">${paths}</g>`;
}

// The markers at p (the chosen label's larger, drawn last) and their words, spread apart
// vertically, right of the markers where they fit (left when p is large), with a dotted leader
// where the words had to move away from their marker.
function markersAndWords(state, labels, x, yScale, box, width, size) {
  const { y: chosen, p, words } = state;
  const at = x(p), bottom = box.top + box.height;
  const heights = labels.map((label) => yScale(Math.min(binaryTerm(label, p), EDGE)));
  let marks = "";
  for (const k of [...labels.keys()].sort((a, b) => (labels[a] === chosen) - (labels[b] === chosen))) {
    marks += labelMarker(labels[k], at, heights[k], labels[k] === chosen ? 12 : 7);
  }
  const texts = labels.map((label) => markerText(words, label, p));
  const widest = Math.max(...texts.map((t, k) => textWidth(t, size, labels[k] === chosen)));
  const onRight = at + 20 + widest <= width - 4 && (p <= 0.62 || at - 20 - widest < 4);
  const spots = spread(heights, size * 1.45, box.top + size, bottom - size * 0.6);
  let out = "";
  labels.forEach((label, k) => {
    const tx = at + (onRight ? 20 : -20);
    if (Math.abs(spots[k] - heights[k]) > 4) out += line(at, heights[k], tx, spots[k], { stroke: COLOURS.grey, "stroke-dasharray": "2 3" });
    out += text(tx, spots[k] + size * 0.36, texts[k], {
      size, anchor: onRight ? "start" : "end", weight: label === chosen ? "bold" : undefined, label: true, halo: true,
    });
  });
  return marks + out;
}

function draw(state, width, uid) {
  const { y: chosen, p, words } = state;
  const narrow = width < 560;
  const titleSize = narrow ? 16 : 17;
  const title = titleLines(words.title, width - 40, titleSize);
  // The y axis's words, rotated, on as many lines as the plot's height needs.
  const height = narrow ? 280 : 330;
  const yWords = wrapText(words.y_axis, height, 15);
  const left = 48 + 18 * yWords.length, right = width - 20, top = 26 + 21 * title.length + 14;
  const bottom = top + height, box = { left, top, width: right - left, height };
  const x = linearScale([-0.03, 1.03], [left, right]);
  const yScale = linearScale([-0.25, EDGE], [bottom, top]);
  let out = "";
  title.forEach((row, i) => { out += text(width / 2, 22 + 21 * i, row, { size: titleSize, anchor: "middle", weight: "bold", label: true }); });
  out += axes(box, { x, y: yScale, xTicks: [0, 0.2, 0.4, 0.6, 0.8, 1], yTicks: [0, 1, 2, 3, 4, 5, CLIP], xLabel: words.x_axis });
  out += line(left - 5, top, left, top) + text(left - 8, top + 7, "∞", { size: 22, anchor: "end" }); // the top edge: ∞
  yWords.forEach((row, i) => {
    out += text(left - 44 - 18 * (yWords.length - 1 - i), top + height / 2, row, { size: 15, anchor: "middle", rotate: -90 });
  });
  const labels = shownLabels(chosen);
  out += curves(labels, x, yScale, box, uid);
  out += line(x(p), top, x(p), bottom, { stroke: COLOURS.grey, "stroke-dasharray": "2 3" });
  out += markersAndWords(state, labels, x, yScale, box, width, narrow ? 14 : 15);
  const items = labels.map((label) => [line(-12, 0, 12, 0, { stroke: STYLE[label].colour, "stroke-width": 2.6, "stroke-dasharray": STYLE[label].dash }), words[STYLE[label].words]]);
  items.push([labelMarker(chosen, 0, 0, 8), fillWords(words.your_label, { y: formatShort(chosen) })]);
  const key = flowLegend(items, 14, bottom + axisLabelDepth(words.x_axis, box.width) + 14, width - 28);
  out += key.svg;
  return svgDocument(width, key.bottom + 10, out, fillWords(words.figure_title, { title: words.title, readout: describe(state) }));
}

const FIGURE = { name: "formula", draw, describe };
