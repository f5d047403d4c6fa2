// The plane of the story, drawn for a model's line: its probability field, its level lines,
// the four points and what each is given. Shared by the model comparison (notebooks 00-03)
// and the line-learning views (07). Its words are the catalogue's `views.field` section.

const LEVELS = [0.1, 0.3, 0.5, 0.7, 0.9];

// Where p(red) sits on the colour scale: blue-tinted below 0.5, white at 0.5, red-tinted above.
function fieldColour(pRed) {
  const [r1, g1, b1] = pRed >= 0.5 ? [213, 94, 0] : [0, 114, 178];
  const t = Math.min(1, Math.abs(pRed - 0.5) * 2) * 0.42;
  const mix = (c) => Math.round(255 + (c - 255) * t);
  return `rgb(${mix(r1)},${mix(g1)},${mix(b1)})`;
}

// The segment of the level line a*x + b*y + c = z inside the limits, or null.
function levelSegment([a, b, c], z, [[x0, x1], [y0, y1]]) {
  const hits = [];
  const add = (x, y) => {
    if (x >= x0 - 1e-9 && x <= x1 + 1e-9 && y >= y0 - 1e-9 && y <= y1 + 1e-9 && !hits.some(([u, v]) => Math.abs(u - x) < 1e-9 && Math.abs(v - y) < 1e-9)) hits.push([x, y]);
  };
  if (b !== 0) { add(x0, (z - c - a * x0) / b); add(x1, (z - c - a * x1) / b); }
  if (a !== 0) { add((z - c - b * y0) / a, y0); add((z - c - b * y1) / a, y1); }
  return hits.length >= 2 ? [hits[0], hits[1]] : null;
}

function planeFrame(box, limits) {
  const [[x0, x1], [y0, y1]] = limits;
  const unit = Math.min(box.width / (x1 - x0), box.height / (y1 - y0));
  const width = unit * (x1 - x0), height = unit * (y1 - y0);
  const left = box.left + (box.width - width) / 2, top = box.top;
  return {
    limits, unit, left, top, width, height,
    sx: (x) => left + (x - x0) * unit,
    sy: (y) => top + height - (y - y0) * unit,
  };
}

// The probability field as a linear gradient along the line's normal.
function fieldPaint(id, frame, [a, b, c]) {
  const [[x0, x1], [y0, y1]] = frame.limits;
  const k = Math.hypot(a, b);
  const cx = (x0 + x1) / 2, cy = (y0 + y1) / 2, reach = Math.hypot(x1 - x0, y1 - y0) / 2;
  const nx = a / k, ny = b / k, zc = a * cx + b * cy + c;
  let stops = "";
  for (let i = 0; i <= 40; i++) {
    const t = -reach + (2 * reach * i) / 40;
    stops += `<stop offset="${(i / 40).toFixed(3)}" stop-color="${fieldColour(sigmoid(zc + k * t))}"/>`;
  }
  const gradient = `<linearGradient id="${id}" gradientUnits="userSpaceOnUse" x1="${round2(frame.sx(cx - reach * nx))}" y1="${round2(frame.sy(cy - reach * ny))}"`
    + ` x2="${round2(frame.sx(cx + reach * nx))}" y2="${round2(frame.sy(cy + reach * ny))}">${stops}</linearGradient>`;
  return { defs: gradient, rect: tag("rect", { x: frame.left, y: frame.top, width: frame.width, height: frame.height, fill: `url(#${id})` }) };
}

// The level lines p(red) = 0.1 ... 0.9 (0.5 is the model's line), labelled at the plot's edge:
// above the top edge, right of the right edge, or, for a line that leaves through the left and
// bottom edges, just inside the left edge (never over the tick labels).
function levelLines(frame, weights, words) {
  let lines = "", labels = "";
  const placed = [], right = frame.left + frame.width;
  for (const level of LEVELS) {
    const segment = levelSegment(weights, logit(level), frame.limits);
    if (!segment) continue;
    const [[ax, ay], [bx, by]] = segment.map(([x, y]) => [frame.sx(x), frame.sy(y)]);
    const main = level === 0.5;
    lines += line(ax, ay, bx, by, main ? { "stroke-width": 3 } : { stroke: "#444444", "stroke-width": 1.3, "stroke-dasharray": "6 4" });
    const ends = [[ax, ay], [bx, by]];
    const onTop = ends.find(([, y]) => Math.abs(y - frame.top) < 0.5);
    const onRight = ends.find(([x]) => Math.abs(x - right) < 0.5);
    let x, y, anchor, edge;
    if (onTop) [x, y, anchor, edge] = [onTop[0], frame.top - 6, "middle", "top"];
    else if (onRight) [x, y, anchor, edge] = [onRight[0] + 5, onRight[1] + 5, "start", "right"];
    else {
      const end = ay < by ? ends[0] : ends[1]; // the upper end, on the left edge
      const below = end[1] - 20 < frame.top;
      [x, y, anchor, edge] = [frame.left + 5, below ? end[1] + 18 : end[1] - 6, "start", "inside"];
    }
    if (placed.some((other) => Math.abs(other.x - x) < 30 && Math.abs(other.y - y) < 16)) continue;
    placed.push({ x, y, edge, box: textBox(anchor, x, y, formatNumber(level, 2), 13, main) });
    labels += text(x, y, formatNumber(level, 2), { size: 13, anchor, fill: main ? COLOURS.ink : "#333333", weight: main ? "bold" : undefined, label: true });
  }
  // Say what the edge numbers are, once per edge that has them, where no edge number is.
  const top = placed.filter((p) => p.edge === "top"), side = placed.filter((p) => p.edge === "right");
  if (top.length && !top.some((p) => p.x < frame.left + 24)) labels += text(frame.left - 6, frame.top - 6, words.p_red, { size: 13, anchor: "end", fill: "#333333" });
  // The side's header ends where its numbers end (a longer header reaches left, over the corner).
  const headerEnd = right + 5 + textWidth("0.9", 13);
  const sideHeader = textBox("end", headerEnd, frame.top - 6, words.p_red, 13); // clear of a number in the top corner
  if (side.length && !side.some((p) => p.y < frame.top + 20) && !placed.some((p) => boxesOverlap(sideHeader, p.box))) {
    labels += text(headerEnd, frame.top - 6, words.p_red, { size: 13, anchor: "end", fill: "#333333" });
  }
  return { lines, labels, boxes: placed.map((p) => p.box) };
}

// Which side of its point a label goes first: chosen from the story's geometry so that no label
// crosses model A's or B's line.
const LABEL_SIDE = { 1: "left", 2: "right", 3: "right", 4: "right" };

// The point labels: each on its preferred side, else the other, else above or below, further out
// if need be; never on top of another label, a level line's number (`obstacles`, boxes) nor
// outside the plot's frame and tick labels.
function pointLabels(frame, requests, obstacles = []) {
  const right = frame.left + frame.width, bottom = frame.top + frame.height;
  const spots = ({ x, y, side }) => {
    const sides = side === "left" ? [["end", -13], ["start", 13]] : [["start", 13], ["end", -13]];
    const rows = [-9, 15, -31, 37, -53, 59, 81, 103, -75];
    return [...sides.map(([a, dx]) => [a, x + dx, y - 9]), ["middle", x, y - 17], ["middle", x, y + 28],
      ...rows.slice(1).flatMap((dy) => [...sides.map(([a, dx]) => [a, x + dx, y + dy]), ["middle", x, y + dy + (dy > 0 ? 14 : -8)]])];
  };
  // A label may reach into the left margin, but not onto a tick's number there.
  const [, [y0, y1]] = frame.limits;
  const ticks = niceTicks(y0, y1, 4).map((t) => textBox("end", frame.left - 8, frame.sy(t) + 5, formatNumber(t), 14));
  const placed = placeLabels(requests.map((r) => ({ words: r.words, size: 15, bold: true, spots: spots(r) })),
    [frame.left - 60, frame.top - 4, right + 4, bottom + 4], [...obstacles, ...ticks]);
  return placed.map((p) => text(p.x, p.y, p.words, { size: 15, weight: "bold", anchor: p.anchor, halo: true, label: true })).join("");
}

// Where a point would have to be, along the normal to the line, for the line to give it probability p
// of its true colour; clamped to the plot (then `off` says so).
function whatIfPosition(frame, [a, b, c], point, p) {
  const pRed = point.colour === "red" ? p : 1 - p;
  const k = Math.hypot(a, b);
  const shift = (logit(pRed) - lineLogit([a, b, c], [point.x, point.y])) / k; // data units along the normal
  const direction = shift < 0 ? -1 : 1; // the way the point would move
  const nx = (direction * a) / k, ny = (direction * b) / k;
  const [[x0, x1], [y0, y1]] = frame.limits, margin = 12 / frame.unit;
  let room = Infinity;
  for (const [n, start, low, high] of [[nx, point.x, x0, x1], [ny, point.y, y0, y1]]) {
    if (n > 1e-12) room = Math.min(room, (high - margin - start) / n);
    if (n < -1e-12) room = Math.min(room, (low + margin - start) / n);
  }
  const step = Math.min(Math.abs(shift), Math.max(room, 0));
  return { x: point.x + step * nx, y: point.y + step * ny, off: Math.abs(shift) > room };
}

// A whole panel: field, level lines, axes, points, labels; `shown[i]` is the probability a slider
// says the model gives point i's true colour. Where it differs from the line's own, a hollow marker
// shows where the point would have to be: the picture never contradicts the numbers.
// `references` are lines (SVG, e.g. another model's line) drawn over the level lines, under the points.
function planePanel(id, box, panel) {
  return madeOnce(["plane", id, box, { ...panel, words: null }], panel.words, () => drawPlanePanel(id, box, panel));
}

// A plane's shading, level lines, axes and title: what its points and sliders do not change.
function planeGround(id, box, { title, weights, limits, words, references }) {
  const frame = planeFrame(box, limits);
  const paint = fieldPaint(`${id}-field`, frame, weights);
  const [[x0, x1], [y0, y1]] = limits;
  const clip = `${id}-clip`;
  let out = `<defs>${paint.defs}<clipPath id="${clip}"><rect x="${round2(frame.left)}" y="${round2(frame.top)}" width="${round2(frame.width)}" height="${round2(frame.height)}"/></clipPath></defs>`;
  out += paint.rect;
  const levels = levelLines(frame, weights, words);
  out += `<g clip-path="url(#${clip})">${levels.lines}${references}</g>` + levels.labels;
  const xTicks = niceTicks(x0, x1, 5), yTicks = niceTicks(y0, y1, 4);
  out += axes({ left: frame.left, top: frame.top, width: frame.width, height: frame.height }, {
    x: frame.sx, y: frame.sy, xTicks, yTicks, xLabel: words.x_axis, yLabel: words.y_axis, grid: false,
  });
  out += text(frame.left + frame.width / 2, frame.top - 26, title, { size: 18, anchor: "middle", weight: "bold", label: true });
  return { svg: out, boxes: levels.boxes };
}

function drawPlanePanel(id, box, { title, weights, points, shown, limits, words, references = "" }) {
  const frame = planeFrame(box, limits);
  const ground = madeOnce(["ground", id, box, title, weights, limits, references], words,
    () => planeGround(id, box, { title, weights, limits, words, references }));
  const out = ground.svg, levels = { boxes: ground.boxes };
  let marks = "";
  const labels = [], whatIfLabels = [];
  points.forEach((point, i) => {
    const own = point.colour === "red" ? sigmoid(lineLogit(weights, [point.x, point.y])) : 1 - sigmoid(lineLogit(weights, [point.x, point.y]));
    const px = frame.sx(point.x), py = frame.sy(point.y);
    if (Math.abs(own - shown[i]) <= 1e-9) {
      marks += marker(point.colour, px, py);
      labels.push({ x: px, y: py, words: `${point.number}: ${formatNumber(shown[i], 2)}`, side: LABEL_SIDE[point.number] });
      return;
    }
    const target = whatIfPosition(frame, weights, point, shown[i]);
    const tx = frame.sx(target.x), ty = frame.sy(target.y);
    marks += line(px, py, tx, ty, { stroke: COLOURS[point.colour], "stroke-width": 2, "stroke-dasharray": "2 4" });
    if (target.off) {
      const angle = Math.atan2(ty - py, tx - px);
      const tip = [tx + 16 * Math.cos(angle), ty + 16 * Math.sin(angle)];
      marks += line(tx, ty, tip[0], tip[1], { stroke: COLOURS[point.colour], "stroke-width": 2.5 });
      marks += tag("path", { d: `M${round2(tip[0] + 7 * Math.cos(angle))},${round2(tip[1] + 7 * Math.sin(angle))} L${round2(tip[0] + 7 * Math.cos(angle + 2.3))},${round2(tip[1] + 7 * Math.sin(angle + 2.3))} L${round2(tip[0] + 7 * Math.cos(angle - 2.3))},${round2(tip[1] + 7 * Math.sin(angle - 2.3))} Z`, fill: COLOURS[point.colour] });
    }
    marks += marker(point.colour, px, py, { size: 7 });
    marks += marker(point.colour, tx, ty, { hollow: true, dashed: true });
    labels.push({ x: px, y: py, words: `${point.number}`, side: LABEL_SIDE[point.number] });
    const side = tx < frame.left + frame.width / 2 ? "right" : "left"; // towards the middle of the plot
    const given = `${point.number}: ${formatNumber(shown[i], 2)}`;
    whatIfLabels.push({ x: tx, y: ty, words: target.off ? fillWords(words.off_the_plot, { label: given }) : given, side });
  });
  return out + marks + pointLabels(frame, [...labels, ...whatIfLabels], levels.boxes);
}

// The legend under the planes: what the marks and the shading mean.
function planeLegend(left, top, width, words, { whatIf = true } = {}) {
  const items = [
    [marker("red", 0, 0, { size: 7 }), words.legend_red],
    [marker("blue", 0, 0, { size: 7 }), words.legend_blue],
    [line(-10, 0, 10, 0, { "stroke-width": 3 }), words.legend_line],
    [line(-10, 0, 10, 0, { stroke: "#444444", "stroke-dasharray": "6 4", "stroke-width": 1.3 }), words.legend_levels],
  ];
  if (whatIf) items.push([marker("red", 0, 0, { size: 7, hollow: true, dashed: true }), words.legend_what_if]);
  return flowLegend(items, left, top, width);
}
