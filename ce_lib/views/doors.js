// Three doors, a gift behind each independently (notebook 04): the eight outcomes in a table,
// then each outcome's cross-entropy against its probability, on the curve −ln(probability).

const TITLE = "Likely outcomes have small cross-entropy";
const MOST = "★ most likely", LEAST = "✗ least likely";

// itertools.product([1, 0], repeat=n): 111, 110, 101, 100, 011, ...
function labelRows(n) {
  let rows = [[]];
  for (let i = 0; i < n; i++) rows = rows.flatMap((row) => [[...row, 1], [...row, 0]]);
  return rows;
}

// ce_lib.outcome_table: each outcome's probability (the factors multiplied left to right) and
// its cross-entropy (the terms y ln p + (1 − y) ln(1 − p) added left to right, negated).
function outcomeTable(p) {
  return labelRows(p.length).map((labels) => {
    const factors = labels.map((y, i) => (y === 1 ? p[i] : 1 - p[i]));
    return {
      labels, factors, probability: productOf(factors),
      crossEntropy: sumOf(labels.map((y, i) => binaryTerm(y, p[i]))) + 0,
    };
  });
}

// The first row with the highest (lowest) probability, as Python's max (min) picks it.
function mostLikely(rows) {
  return rows.reduce((best, row) => (row.probability > best.probability ? row : best));
}
function leastLikely(rows) {
  return rows.reduce((worst, row) => (row.probability < worst.probability ? row : worst));
}

const outcomeCode = (labels) => labels.join("");
const outcomeWords = (labels) => labels.map((y) => (y ? "gift" : "no gift")).join(", ");

// Python's math.fsum: the correctly rounded sum (Shewchuk's exact partials, then half-even rounding).
function fsum(values) {
  const partials = [];
  for (let x of values) {
    let i = 0;
    for (let y of partials) {
      if (Math.abs(x) < Math.abs(y)) [x, y] = [y, x];
      const hi = x + y, lo = y - (hi - x);
      if (lo !== 0) partials[i++] = lo;
      x = hi;
    }
    partials.length = i;
    partials.push(x);
  }
  let n = partials.length, hi = 0;
  if (n > 0) {
    hi = partials[--n];
    let lo = 0;
    while (n > 0) {
      const x = hi, y = partials[--n];
      hi = x + y;
      lo = y - (hi - x);
      if (lo !== 0) break;
    }
    if (n > 0 && ((lo < 0 && partials[n - 1] < 0) || (lo > 0 && partials[n - 1] > 0))) {
      const y = lo * 2, x = hi + y;
      if (y === x - hi) hi = x;
    }
  }
  return hi;
}

// The table's cells, one array per outcome (Doors.table_rows).
function tableRows(p) {
  const rows = outcomeTable(p), best = mostLikely(rows), worst = leastLikely(rows);
  return rows.map((row) => [
    outcomeCode(row.labels), outcomeWords(row.labels), row.factors.map((f) => formatFixed(f, 2)).join(" × "),
    formatFixed(row.probability, 3), formatFixed(row.crossEntropy, 3),
    [...(row === best ? [MOST] : []), ...(row === worst ? [LEAST] : [])].join(" · "),
  ]);
}

function sumText(p) {
  const rows = outcomeTable(p);
  return `The ${rows.length} probabilities sum to ${formatFixed(fsum(rows.map((r) => r.probability)), 6)}`;
}

function describe(state) {
  const rows = outcomeTable(state.probabilities);
  const said = (row) => `${outcomeWords(row.labels)} (probability ${formatFixed(row.probability, 3)}, cross-entropy ${formatFixed(row.crossEntropy, 3)})`;
  return `Most likely: ${said(mostLikely(rows))} · least likely: ${said(leastLikely(rows))}`;
}

// The scatter's highest finite tick and its top edge, where ∞ is drawn (doors.axis_top).
function axisTop(rows) {
  const finite = rows.map((r) => r.crossEntropy).filter(Number.isFinite);
  const top = Math.max(6, Math.ceil(Math.max(0, ...finite)) + 1);
  return [top, top * 1.12];
}

function star(x, y, size, style) {
  let d = "";
  for (let i = 0; i < 10; i++) {
    const r = i % 2 === 0 ? size : size * 0.45, angle = -Math.PI / 2 + (i * Math.PI) / 5;
    d += `${i === 0 ? "M" : "L"}${round2(x + r * Math.cos(angle))},${round2(y + r * Math.sin(angle))} `;
  }
  return tag("path", { d: d + "Z", ...style });
}

function cross(x, y, size, style) {
  const a = size, b = size * 0.36;
  const points = [[-a, -a + b], [-a + b, -a], [0, -b], [a - b, -a], [a, -a + b], [b, 0], [a, a - b], [a - b, a], [0, b], [-a + b, a], [-a, a - b], [-b, 0]];
  return tag("path", { d: "M" + points.map(([px, py]) => `${round2(x + px)},${round2(y + py)}`).join(" L") + " Z", ...style });
}

const MARKS = {
  most: (x, y, s = 15) => star(x, y, s, { fill: COLOURS.B, stroke: COLOURS.ink, "stroke-width": 1.3 }),
  least: (x, y, s = 10) => cross(x, y, s, { fill: COLOURS.red, stroke: COLOURS.ink, "stroke-width": 1.2 }),
  other: (x, y, s = 7.5) => tag("circle", { cx: x, cy: y, r: s, fill: COLOURS.sky, stroke: COLOURS.ink, "stroke-width": 1.3 }),
};

// Where each label may go around its marker (doors.SPOTS): label-sized cells (i across, j down),
// nearer rings first, then straight before diagonal, then in the order of DIRECTIONS. The first
// spot that overlaps no label, no marker and stays inside wins.
const DIRECTIONS = [[1, 0], [-1, 0], [0, -1], [0, 1], [1, -1], [1, 1], [-1, -1], [-1, 1]];
const overlaps = ([l, t, r, b], [l2, t2, r2, b2]) => l < r2 && l2 < r && t < b2 && t2 < b;
const SPOTS = (() => {
  const spots = [];
  for (let i = -4; i <= 4; i++) for (let j = -4; j <= 4; j++) if (i || j) spots.push([i, j]);
  const key = ([i, j]) => [Math.max(Math.abs(i), Math.abs(j)), Math.abs(i) + Math.abs(j),
    DIRECTIONS.findIndex(([a, b]) => a === Math.sign(i) && b === Math.sign(j))];
  return spots.sort((s, t) => { const a = key(s), b = key(t); return a[0] - b[0] || a[1] - b[1] || a[2] - b[2]; });
})();

// The offset of the centre of a label k cells away from its marker along one axis.
const cell = (k, near, size) => (k === 0 ? 0 : Math.sign(k) * (near + size / 2 + (Math.abs(k) - 1) * (size + 4)));

function placeLabels(anchors, radii, sizes, [left, top, right, bottom], obstacles = []) {
  const markers = anchors.map(([x, y], k) => [x - radii[k], y - radii[k], x + radii[k], y + radii[k]]);
  const placed = [], chosen = [];
  anchors.forEach(([x, y], k) => {
    const [width, height] = sizes[k];
    let best = null;
    for (const [i, j] of SPOTS) {
      const cx = x + cell(i, radii[k] + 3, width), cy = y + cell(j, radii[k] + 3, height);
      const box = [cx - width / 2, cy - height / 2, cx + width / 2, cy + height / 2];
      const inside = box[0] >= left && box[2] <= right && box[1] >= top && box[3] <= bottom;
      if (inside && ![...placed, ...markers, ...obstacles].some((other) => overlaps(box, other))) {
        best = { cx, cy, ring: Math.max(Math.abs(i), Math.abs(j)), box };
        break;
      }
    }
    if (!best) {
      const cx = x + cell(1, radii[k] + 3, width);
      best = { cx, cy: y, ring: 1, box: [cx - width / 2, y - height / 2, cx + width / 2, y + height / 2] };
    }
    placed.push(best.box);
    chosen.push(best);
  });
  return chosen;
}

// The table: numbers right-aligned in their own columns. On a narrow figure the words and the
// marks columns are hidden (their cells stay, for screen readers and the tests); the outcome
// shows its mark's symbol (★, ✗) after its code instead, and a key under the table says what
// y₁y₂y₃ and the symbols mean.
function tableHtml(p, narrow, uid) {
  const rows = tableRows(p);
  const pad = narrow ? "padding:2px 4px" : "padding:3px 10px";
  const kinds = ["ce-outcome", "ce-words", "ce-number", "ce-number", "ce-number", "ce-mark"];
  const hidden = narrow ? [1, 5] : [];
  const cell = (words, i, cells) => {
    const style = [pad, i === 0 ? "font-weight:bold;white-space:nowrap" : "", hidden.includes(i) ? "display:none" : "",
      i === 2 || i === 5 ? "white-space:nowrap" : ""];
    const symbol = i === 0 && narrow && cells[5] ? ` data-mark="${[...cells[5].matchAll(/[★✗]/g)].join("")}"` : "";
    return `<td class="${kinds[i]}"${symbol} style="${style.filter(Boolean).join(";")}">${escapeText(words)}</td>`;
  };
  const head = (words, right, span = 1) => `<th${span > 1 ? ` colspan="${span}"` : ""} style="${pad};text-align:${right ? "right" : "left"}">${words}</th>`;
  let html = narrow ? `<style>.${uid}-table td[data-mark]::after { content: " " attr(data-mark); }</style>` : "";
  html += `<table class="ce-table ${uid}-table"${narrow ? ' style="font-size:13px"' : ""}><thead><tr>`
    + (narrow ? head("y₁y₂y₃", false) : head("outcome y₁y₂y₃", false, 2))
    + head("factors", true) + head(narrow ? "proba\u00ADbility" : "probability", true)
    + head(narrow ? "cross-\u200Bentropy" : "cross-entropy", true) + (narrow ? "" : head("", false))
    + "</tr></thead><tbody>";
  for (const cells of rows) {
    const mark = cells[5];
    const kind = [mark.includes(MOST) ? "ce-best" : "", mark.includes(LEAST) ? "ce-worst" : ""].filter(Boolean).join(" ");
    html += `<tr${kind ? ` class="${kind}"` : ""}>${cells.map((words, i) => cell(words, i, cells)).join("")}</tr>`;
  }
  html += "</tbody></table>";
  const key = narrow ? `<p class="ce-key" style="margin:0 0 2px;font-size:13px">y₁y₂y₃: 1 = gift, 0 = no gift · ${MOST} · ${LEAST}</p>` : "";
  return html + key + `<p class="ce-sum" style="margin:2px 0 10px;font-size:15px">${escapeText(sumText(p))}</p>`;
}

function draw(state, width, uid) {
  const p = state.probabilities;
  const narrow = width < 560;
  const rows = outcomeTable(p), best = mostLikely(rows), worst = leastLikely(rows);
  const [topTick, edge] = axisTop(rows);
  const title = titleLines(TITLE, width - 40);
  const left = 64, right = width - 18, top = 24 + 21 * title.length + 12;
  const height = narrow ? 300 : 360, bottom = top + height;
  const box = { left, top, width: right - left, height };
  const x = linearScale([-0.05, 1.05], [left, right]);
  const y = linearScale([-0.04 * edge, edge], [bottom, top]);
  let out = "";
  title.forEach((words, i) => { out += text((left + right) / 2, 22 + 21 * i, words, { size: 17, anchor: "middle", weight: "bold", label: true }); });
  const yTicks = [];
  for (let t = 0; t <= topTick; t += topTick <= 10 ? 2 : 4) yTicks.push(t);
  out += axes(box, {
    x, y, xTicks: [0, 0.2, 0.4, 0.6, 0.8, 1], yTicks, xLabel: "probability of the outcome",
  });
  out += line(left - 5, top, left, top) + text(left - 8, top + 7, "∞", { size: 22, anchor: "end" }); // the top edge: ∞
  out += text(left - 44, top + height / 2, "cross-entropy = −ln(probability)", { size: 15, anchor: "middle", rotate: -90 });

  // The curve cross-entropy = −ln(probability), clipped to the frame.
  const points = [];
  for (let i = 0; i <= 240; i++) {
    const q = Math.exp(-edge * (1 - i / 240));
    points.push(`${round2(x(q))},${round2(y(-Math.log(q)))}`);
  }
  out += `<defs><clipPath id="${uid}-clip"><rect x="${left}" y="${top}" width="${round2(right - left)}" height="${height}"/></clipPath></defs>`;
  out += `<g clip-path="url(#${uid}-clip)">${tag("path", { d: "M" + points.join(" L"), fill: "none", stroke: COLOURS.grey, "stroke-width": 2 })}</g>`;

  // The outcomes: a star for the most likely, an X for the least likely, circles for the rest; ∞ on the top edge.
  const anchors = rows.map((row) => [x(row.probability), Number.isFinite(row.crossEntropy) ? y(row.crossEntropy) : top]);
  let marks = ""; // the circles first: the star and the X stay on top
  rows.forEach((row, k) => { if (row !== best && row !== worst) marks += MARKS.other(...anchors[k]); });
  marks += MARKS.most(...anchors[rows.indexOf(best)]);
  marks += MARKS.least(...anchors[rows.indexOf(worst)], best === worst ? 7 : 10);
  const legendItems = [
    [line(-12, 0, 12, 0, { stroke: COLOURS.grey, "stroke-width": 2 }), "cross-entropy = −ln(probability)"],
    [MARKS.other(0, 0, 6), "an outcome"], [MARKS.most(0, 0, 11), "most likely"], [MARKS.least(0, 0, 8), "least likely"],
  ];

  // Every outcome's code beside its marker, none on another label or marker.
  const size = 15;
  const radii = rows.map((row) => (row === best ? 15 : row === worst ? 10 : 7.5) + 1);
  const sizes = rows.map((row) => [outcomeCode(row.labels).length * size * 0.66 + 6, size + 5]);
  const spots = placeLabels(anchors, radii, sizes, [left + 2, top + 2, right - 2, bottom - 2]);
  let labels = "", leaders = "";
  rows.forEach((row, k) => {
    const { cx, cy, ring } = spots[k];
    if (ring > 1) leaders += line(anchors[k][0], anchors[k][1], cx, cy, { stroke: COLOURS.grey, "stroke-dasharray": "2 3" });
    labels += text(cx, cy + 5, outcomeCode(row.labels), { size, anchor: "middle", weight: "bold", halo: true, label: true });
  });
  out += leaders + marks + labels;
  const key = flowLegend(legendItems, 14, bottom + 64, width - 28);
  out += key.svg;
  const svg = svgDocument(width, key.bottom + 10, out, `${TITLE}. ${describe(state)}`);
  return tableHtml(p, narrow, uid) + svg;
}

export default {
  render({ model, el }) {
    return mountView({ model, el }, { name: "doors", keys: ["probabilities"], draw, describe });
  },
};
