// Three doors, a gift behind each independently (notebook 04): the eight outcomes in a table,
// then each outcome's cross-entropy against its probability, on the curve −ln(probability).
// Words: the catalogue's `views.doors` section (state.words). The table is drawn in the SVG too
// (the stored picture shows it), with ARIA roles, so that a screen reader reads it as a table.

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
// An outcome in words (Doors.outcome_words): "gift, gift, no gift".
const outcomeWords = (words, labels) => labels.map((y) => (y ? words.gift : words.no_gift)).join(words.list_separator);

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

// Each row's mark (Doors.marks): most likely, least likely, both (all equally likely) or "".
function marksOf(words, rows) {
  const best = mostLikely(rows), worst = leastLikely(rows);
  const most = fillWords(words.marked, { symbol: words.symbol_most, words: words.most_likely });
  const least = fillWords(words.marked, { symbol: words.symbol_least, words: words.least_likely });
  const both = fillWords(words.marked_both, { most, least });
  return rows.map((row) => (row === best && row === worst ? both : row === best ? most : row === worst ? least : ""));
}

// The table's cells, one array per outcome (Doors.table_rows).
function tableRows(words, p) {
  const rows = outcomeTable(p), marks = marksOf(words, rows);
  return rows.map((row, k) => [
    outcomeCode(row.labels), outcomeWords(words, row.labels), row.factors.map((f) => formatFixed(f, 2)).join(" × "),
    formatFixed(row.probability, 3), formatFixed(row.crossEntropy, 3), marks[k],
  ]);
}

// The line under the table (Doors.sum_text).
function sumText(words, p) {
  const rows = outcomeTable(p);
  return fillWords(words.sum, { count: rows.length, total: formatFixed(fsum(rows.map((r) => r.probability)), 6) });
}

function describe(state) {
  const words = state.words, rows = outcomeTable(state.probabilities);
  const said = (row) => fillWords(words.outcome_said, {
    outcome: outcomeWords(words, row.labels), probability: formatFixed(row.probability, 3), cross_entropy: formatFixed(row.crossEntropy, 3),
  });
  return fillWords(words.readout, { most: said(mostLikely(rows)), least: said(leastLikely(rows)) });
}

// ---------------------------------------------------------------------------------------------
// The table, drawn as SVG a screen reader reads as a table (ARIA roles on its groups and texts).

// A text with ARIA attributes (a table's cell or header); `lines` stack under one another.
function cellText(x, y, lines, { size, anchor = "start", bold = false, role, label, colspan, className }) {
  const tspans = lines.length === 1 ? escapeText(lines[0])
    : lines.map((l, i) => `<tspan x="${round2(x)}" dy="${i === 0 ? 0 : round2(size * 1.2)}">${escapeText(l)}</tspan>`).join("");
  return `<text${attributes({
    x, y, "font-size": size, "text-anchor": anchor, "font-weight": bold ? "bold" : undefined, fill: COLOURS.ink,
    role, "aria-label": label, "aria-colspan": colspan, class: className,
  })}>${tspans}</text>`;
}

// A header's lines no wider than `pixels` where they can be: broken after a hyphen or at a space,
// or between two wide characters (Chinese).
function headerLines(words, pixels, size) {
  if (textWidth(words, size, true) <= pixels) return [words];
  return wrapText(words.replace(/-(?=\S)/g, "- "), pixels / 1.1, size).map((l) => l.replace(/- /g, "-"));
}

// How the table is laid out, widest first: every column at 15 px, then smaller; then without
// the marks column (the mark's symbol follows the code, and a key under the table says what the
// symbols mean), then without the words column too (the key also says what y₁y₂y₃ means), with
// headers broken over lines and smaller text.
const TABLE_STYLES = [
  { words: true, marks: true, size: 15, gap: 18 }, { words: true, marks: true, size: 14, gap: 12 },
  { words: true, marks: false, size: 14, gap: 12 }, { words: false, marks: false, size: 14, gap: 12 },
  { words: false, marks: false, size: 13, gap: 9 }, { words: false, marks: false, size: 12, gap: 7 },
];
const TABLE_PAD = 6;

// The table's columns and rows for a style: per column its header, alignment and weight; per row its cells.
function tableContent(words, p, style) {
  const rows = tableRows(words, p), outcomes = outcomeTable(p);
  const best = mostLikely(outcomes), worst = leastLikely(outcomes);
  const kinds = outcomes.map((row) => [row === best ? "ce-best" : "", row === worst ? "ce-worst" : ""].filter(Boolean).join(" "));
  const symbols = outcomes.map((row) => [row === best ? words.symbol_most : "", row === worst ? words.symbol_least : ""].join(""));
  const columns = [style.words ? { header: words.header_outcome, span: 2, bold: true } : { header: words.header_code, bold: true }];
  if (style.words) columns.push({ header: null });
  columns.push({ header: words.header_factors, align: "end" }, { header: words.header_probability, align: "end" },
    { header: words.header_cross_entropy, align: "end" });
  if (style.marks) columns.push({ header: "" });
  return {
    columns,
    rows: rows.map((cells, k) => {
      const code = style.marks || !symbols[k] ? cells[0] : `${cells[0]} ${symbols[k]}`;
      return { cells: [code, ...(style.words ? [cells[1]] : []), cells[2], cells[3], cells[4], ...(style.marks ? [cells[5]] : [])], kind: kinds[k] };
    }),
  };
}

// Measure a table: each column's width and header lines, the whole width.
function measureTable({ columns, rows }, { marks, size, gap }) {
  const widths = columns.map((column, c) => Math.max(0, ...rows.map((row) => textWidth(row.cells[c], size, Boolean(column.bold)))));
  const headers = columns.map((column, c) => {
    if (!column.header) return [];
    const room = column.span ? widths.slice(c, c + column.span).reduce((a, b) => a + b, 0) + gap * (column.span - 1) : widths[c];
    return marks ? [column.header] : headerLines(column.header, room, size);
  });
  columns.forEach((column, c) => {
    const needed = Math.max(0, ...headers[c].map((l) => textWidth(l, size, true)));
    const span = column.span ?? 1, has = widths.slice(c, c + span).reduce((a, b) => a + b, 0) + gap * (span - 1);
    if (needed > has) widths[c + span - 1] += needed - has;
  });
  const width = widths.reduce((a, b) => a + b, 0) + gap * (columns.length - 1) + 2 * TABLE_PAD;
  return { widths, headers, width };
}

// Draw the table at (left, top): a header row, a rule, one row per outcome (the most and the
// least likely shaded, and marked in words); numbers right-aligned in their columns.
function drawTable(content, style, measure, left, top, label) {
  const { columns, rows } = content, { size, gap } = style, { widths, headers, width } = measure;
  const starts = [];
  let x = left + TABLE_PAD;
  for (const w of widths) { starts.push(x); x += w + gap; }
  const lineCount = Math.max(1, ...headers.map((h) => h.length));
  const headerHeight = lineCount * size * 1.2 + size * 0.6, rowHeight = Math.round(size * 1.75);
  let out = `<g role="row">`;
  columns.forEach((column, c) => {
    if (!headers[c].length) return;
    const end = column.align === "end";
    const y = top + headerHeight - size * 0.45 - (headers[c].length - 1) * size * 1.2;
    out += cellText(end ? starts[c] + widths[c] : starts[c], y, headers[c], {
      size, anchor: end ? "end" : "start", bold: true, role: "columnheader", colspan: column.span,
      label: headers[c].length > 1 ? column.header : undefined,
    });
  });
  out += "</g>" + line(left, top + headerHeight, left + width, top + headerHeight, { "stroke-width": 1.2 });
  rows.forEach((row, r) => {
    const y = top + headerHeight + rowHeight * r;
    const fill = row.kind.startsWith("ce-best") ? "#d9f0d3" : row.kind ? "#fddbc7" : undefined;
    out += `<g role="row"${row.kind ? ` class="${row.kind}"` : ""}>`;
    if (fill) out += tag("rect", { x: left, y: y + 1, width, height: rowHeight - 1, fill });
    row.cells.forEach((words, c) => { // an empty cell too: every row has a cell per column
      const end = columns[c].align === "end";
      out += cellText(end ? starts[c] + widths[c] : starts[c], y + rowHeight / 2 + size * 0.35, [words], {
        size, anchor: end ? "end" : "start", bold: Boolean(columns[c].bold), role: "cell",
      });
    });
    out += "</g>";
  });
  const bottom = top + headerHeight + rowHeight * rows.length;
  return { svg: `<g role="table" class="ce-table" aria-label="${escapeText(label)}">${out}</g>`, bottom };
}

// The table, its key (where the symbols stand for the marks column) and the sum under it, laid
// out for `width`; returns its svg and bottom.
function outcomeSheet(words, p, width, top) {
  let style, content, measure;
  for (style of TABLE_STYLES) {
    content = tableContent(words, p, style);
    measure = measureTable(content, style);
    if (measure.width <= width - 20) break;
  }
  const left = Math.max(10, (width - measure.width) / 2);
  const table = drawTable(content, style, measure, left, top, fillWords(words.table_label, { count: p.length }));
  let out = table.svg, y = table.bottom + style.size + 8;
  if (!style.marks) {
    const marks = fillWords(words.marked_both, {
      most: fillWords(words.marked, { symbol: words.symbol_most, words: words.most_likely }),
      least: fillWords(words.marked, { symbol: words.symbol_least, words: words.least_likely }),
    });
    const keys = style.words ? [marks] : [words.table_key, marks];
    for (const l of keys.flatMap((key) => wrapText(key, width - 2 * left - 2 * TABLE_PAD, style.size))) {
      out += cellText(left + TABLE_PAD, y, [l], { size: style.size, className: "ce-key" });
      y += style.size * 1.3;
    }
    y += 4;
  }
  out += cellText(left + TABLE_PAD, y + 4, [sumText(words, p)], { size: 15, className: "ce-sum" });
  return { svg: out, bottom: y + 10 };
}

// ---------------------------------------------------------------------------------------------
// The scatter: every outcome's cross-entropy against its probability.

// The scatter's highest finite tick and its top edge, where ∞ is drawn.
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

// A star for the most likely outcome, an X for the least likely, a circle for the rest: shape as well as colour.
const MARKS = {
  most: (x, y, s = 15) => star(x, y, s, { fill: COLOURS.B, stroke: COLOURS.ink, "stroke-width": 1.3 }),
  least: (x, y, s = 10) => cross(x, y, s, { fill: COLOURS.red, stroke: COLOURS.ink, "stroke-width": 1.2 }),
  other: (x, y, s = 7.5) => tag("circle", { cx: x, cy: y, r: s, fill: COLOURS.sky, stroke: COLOURS.ink, "stroke-width": 1.3 }),
};

// Where a label may go around its marker: label-sized cells (i across, j down), nearer rings
// first, then straight before diagonal, then right, left, above, below and the diagonals.
const DIRECTIONS = [[1, 0], [-1, 0], [0, -1], [0, 1], [1, -1], [1, 1], [-1, -1], [-1, 1]];
const SPOTS = (() => {
  const spots = [];
  for (let i = -4; i <= 4; i++) for (let j = -4; j <= 4; j++) if (i || j) spots.push([i, j]);
  const key = ([i, j]) => [Math.max(Math.abs(i), Math.abs(j)), Math.abs(i) + Math.abs(j),
    DIRECTIONS.findIndex(([a, b]) => a === Math.sign(i) && b === Math.sign(j))];
  return spots.sort((s, t) => { const a = key(s), b = key(t); return a[0] - b[0] || a[1] - b[1] || a[2] - b[2]; });
})();

// The offset of the centre of a label k cells away from its marker along one axis.
const cellOffset = (k, near, size) => (k === 0 ? 0 : Math.sign(k) * (near + size / 2 + (Math.abs(k) - 1) * (size + 4)));

// Every outcome's code beside its marker, on no other label or marker; a label placed beyond
// the first ring around its marker gets a dotted leader.
function outcomeLabels(rows, anchors, radii, bounds) {
  const size = 15;
  const markers = anchors.map(([x, y], k) => [x - radii[k], y - radii[k], x + radii[k], y + radii[k]]);
  const requests = rows.map((row, k) => {
    const words = outcomeCode(row.labels), [x, y] = anchors[k];
    const w = textWidth(words, size, true) + 4, h = size * 1.25, near = radii[k] + 3;
    const spots = SPOTS.map(([i, j]) => ["middle", x + cellOffset(i, near, w), y + cellOffset(j, near, h) + size * 0.33]);
    return { words, size, bold: true, spots };
  });
  let leaders = "", labels = "";
  placeLabels(requests, bounds, markers).forEach((p, k) => {
    const [i, j] = SPOTS[p.spot];
    if (Math.max(Math.abs(i), Math.abs(j)) > 1) leaders += line(anchors[k][0], anchors[k][1], p.x, p.y - size * 0.33, { stroke: COLOURS.grey, "stroke-dasharray": "2 3" });
    labels += text(p.x, p.y, p.words, { size, anchor: "middle", weight: "bold", halo: true, label: true });
  });
  return { leaders, labels };
}

function scatter(words, p, width, top, uid) {
  const narrow = width < 560;
  const rows = outcomeTable(p), best = mostLikely(rows), worst = leastLikely(rows);
  const [topTick, edge] = axisTop(rows);
  const left = 64, right = width - 18;
  const height = narrow ? 300 : 360, bottom = top + height;
  const box = { left, top, width: right - left, height };
  const x = linearScale([-0.05, 1.05], [left, right]);
  const y = linearScale([-0.04 * edge, edge], [bottom, top]);
  const yTicks = [];
  for (let t = 0; t <= topTick; t += topTick <= 10 ? 2 : 4) yTicks.push(t);
  let out = axes(box, { x, y, xTicks: [0, 0.2, 0.4, 0.6, 0.8, 1], yTicks, xLabel: words.x_axis });
  out += line(left - 5, top, left, top) + text(left - 8, top + 7, "∞", { size: 22, anchor: "end" }); // the top edge: ∞
  out += text(left - 44, top + height / 2, words.curve, { size: 15, anchor: "middle", rotate: -90 });

  // The curve cross-entropy = −ln(probability), clipped to the frame.
  const points = [];
  for (let i = 0; i <= 240; i++) {
    const q = Math.exp(-edge * (1 - i / 240));
    points.push(`${round2(x(q))},${round2(y(-Math.log(q)))}`);
  }
  const clip = `${uid}-clip`;
  out += `<defs><clipPath id="${clip}"><rect x="${left}" y="${top}" width="${round2(right - left)}" height="${height}"/></clipPath></defs>`;
  out += `<g clip-path="url(#${clip})">${tag("path", { d: "M" + points.join(" L"), fill: "none", stroke: COLOURS.grey, "stroke-width": 2 })}</g>`;

  // The outcomes, the star and the X over the circles; ∞ on the top edge.
  const anchors = rows.map((row) => [x(row.probability), Number.isFinite(row.crossEntropy) ? y(row.crossEntropy) : top]);
  let marks = "";
  rows.forEach((row, k) => { if (row !== best && row !== worst) marks += MARKS.other(...anchors[k]); });
  marks += MARKS.most(...anchors[rows.indexOf(best)]);
  marks += MARKS.least(...anchors[rows.indexOf(worst)], best === worst ? 7 : 10);
  const radii = rows.map((row) => (row === best ? 15 : row === worst ? 10 : 7.5) + 1);
  const labels = outcomeLabels(rows, anchors, radii, [left + 2, top + 2, right - 2, bottom - 2]);
  out += labels.leaders + marks + labels.labels;

  const key = flowLegend([
    [line(-12, 0, 12, 0, { stroke: COLOURS.grey, "stroke-width": 2 }), words.curve],
    [MARKS.other(0, 0, 6), words.legend_outcome], [MARKS.most(0, 0, 11), words.most_likely], [MARKS.least(0, 0, 8), words.least_likely],
  ], 14, bottom + 64, width - 28);
  return { svg: out + key.svg, bottom: key.bottom };
}

// The figure's document: an SVG with its title, as `svgDocument` makes it, but a "figure" rather
// than an "img", so that a screen reader can enter its table.
function figureDocument(width, height, content, title) {
  return svgDocument(width, height, content, title).replace(' role="img"', ' role="figure"');
}

function draw(state, width, uid) {
  const words = state.words, p = state.probabilities;
  const title = titleLines(words.title, width - 40);
  let heading = "";
  title.forEach((l, i) => { heading += text(width / 2, 22 + 21 * i, l, { size: 17, anchor: "middle", weight: "bold", label: true }); });
  const sheet = outcomeSheet(words, p, width, 24 + 21 * title.length);
  const plot = scatter(words, p, width, sheet.bottom + 40, uid);
  // A screen reader hears the title and the readout (the figure's name), then the table and the
  // sum; the scatter says nothing the table does not.
  const out = `<g aria-hidden="true">${heading}</g>${sheet.svg}<g aria-hidden="true">${plot.svg}</g>`;
  return figureDocument(width, plot.bottom + 10, out, fillWords(words.figure_title, { title: words.title, readout: describe(state) }));
}

const FIGURE = { name: "doors", draw, describe };
