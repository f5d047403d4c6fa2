// The view in the page: its controls, the figure and the readout, kept in step with the model.
// The only part that touches the document; the figure itself is drawn by the pure parts.

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
  if (!previous || element.childNodes.length !== previous.length) {
    element.replaceChildren(...parseLike(element, parts.join("")));
    return;
  }
  if (previous.length !== parts.length) {
    // Elements came or went (a what-if marker, a label): keep the unchanged run at each end, and
    // lay the middle anew (where it has as many elements as before, element by element).
    let head = 0, tail = 0;
    while (head < parts.length && head < previous.length && parts[head] === previous[head]) head += 1;
    while (tail < parts.length - head && tail < previous.length - head
           && parts[parts.length - 1 - tail] === previous[previous.length - 1 - tail]) tail += 1;
    const olds = [...element.childNodes].slice(head, previous.length - tail);
    const fresh = parseLike(element, parts.slice(head, parts.length - tail).join(""));
    const after = element.childNodes[previous.length - tail] ?? null;
    for (const old of olds) old.remove();
    for (const node of fresh) element.insertBefore(node, after);
    return;
  }
  const swapped = []; // the elements to swap whole: parsed together, in one go
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
    } else swapped.push(i);
  }
  if (!swapped.length) return;
  const olds = swapped.map((i) => element.childNodes[i]);
  const fresh = parseLike(element, swapped.map((i) => parts[i]).join(""));
  if (fresh.length === swapped.length) { olds.forEach((old, k) => element.replaceChild(fresh[k], old)); return; }
  for (const [k, i] of swapped.entries()) { // a part that is not one element (text between tags): one by one
    const [one] = parseLike(element, parts[i]);
    if (one) element.replaceChild(one, olds[k]);
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
  if (spec.kind === "toggle") return typeof value === "boolean" ? null : `${where} = ${JSON.stringify(value)} ∉ {true/false}`;
  if (spec.kind === "choice") {
    const options = spec.options.map(([, option]) => JSON.stringify(option));
    return options.includes(JSON.stringify(value)) ? null : `${where} = ${JSON.stringify(value)} ∉ {${options.join(", ")}}`;
  }
  const [low, high] = spec.kind === "log-range" ? [10 ** spec.min_exponent, 10 ** spec.max_exponent] : [spec.min, spec.max];
  if (typeof value === "number" && low <= value && value <= high) return null;
  return `${where} = ${JSON.stringify(value) ?? String(value)} ∉ [${formatShort(low)}, ${formatShort(high)}]`;
}

function stateRefusal(specs, key, value) {
  const mine = specs.filter((spec) => spec.key === key);
  const indexed = mine.filter((spec) => spec.index !== null && spec.index !== undefined);
  if (!indexed.length) {
    for (const spec of mine) { const why = entryRefusal(spec, value, key); if (why) return why; }
    return null;
  }
  const length = 1 + Math.max(...indexed.map((spec) => spec.index));
  if (!Array.isArray(value) || value.length !== length) return `${key}.length = ${Array.isArray(value) ? value.length : "—"} ≠ ${length}`;
  for (const spec of indexed) { const why = entryRefusal(spec, value[spec.index], `${key}[${spec.index}]`); if (why) return why; }
  return null;
}

const CONTROL_KEYS = new Set(["ArrowLeft", "ArrowRight", "ArrowUp", "ArrowDown", "Home", "End", "PageUp", "PageDown", " "]);

// Jupyter Notebook 7 handles shortcuts before the view sees the key, and its command-mode arrow
// keys match a focused control itself: the attribute must be on each control, not only on the root.
// (Lumino then lets no shortcut act on a key pressed on a control, in JupyterLab too.)
// A key that moves the control goes no further than it, either: the page's own keyboard handling
// (JupyterLab's, listening where the key bubbles to) has nothing to do for it, and leaves the
// control's own move, redrawn within the key's frame, the whole of the key's cost.
function suppressShortcuts(input) {
  input.setAttribute("data-lm-suppress-shortcuts", "true");
  input.addEventListener("keydown", (event) => { if (CONTROL_KEYS.has(event.key)) event.stopPropagation(); });
  return input;
}

function buildControl(spec, state, onChange, words) {
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
    input.setAttribute("aria-valuetext", fillWords(words.control_value, { label: spec.label, value: showValue(spec, value) }));
  };
  show(controlValue(state, spec));
  input.addEventListener("input", () => {
    const value = fromPosition(spec, input.value);
    output.textContent = showValue(spec, value);
    input.setAttribute("aria-valuetext", fillWords(words.control_value, { label: spec.label, value: showValue(spec, value) }));
    onChange(spec, value);
  });
  wrapper.append(label, input, output);
  return { element: wrapper, update: (s) => show(controlValue(s, spec)) };
}

// ---------------------------------------------------------------------------------------------
// A view: controls, the figure and a readout, kept in step with the model.

/**
 * What a view's ES module defines (one per figure, in `<name>.js`): pure drawing, no document.
 * @typedef {object} Figure
 * @property {string} name - the module's name (a CSS class of the view's root)
 * @property {(state: object, width: number, uid: string) => string} draw - the figure as SVG
 *   markup for `width` CSS pixels (ids prefixed with `uid`); the stored picture is this markup too
 * @property {(state: object) => string} describe - the readout: `state.words`' template filled
 *   with the numbers the figure shows (the kernel fills the same template with ce_lib's)
 */

// The view's parts in the page: a group with its accessible name, the controls, the readout
// (an aria-live region) with the kernel's confirmation beside it, and the figure.
function buildLayout(model, el, name) {
  const root = document.createElement("div");
  root.className = `ce-view ce-view-${name}`;
  root.setAttribute("role", "group");
  root.setAttribute("aria-label", model.get("label"));
  // JupyterLab's keyboard shortcuts must leave the view's controls alone (each input carries
  // the attribute too, for Notebook 7): keys that move a control stop here.
  root.setAttribute("data-lm-suppress-shortcuts", "true");
  root.addEventListener("keydown", (event) => {
    if (event.target instanceof HTMLInputElement && CONTROL_KEYS.has(event.key)) event.stopPropagation();
  });
  const parts = {};
  for (const [key, tagName, className] of [["controls", "div", "ce-controls"], ["row", "div", "ce-readout-row"],
    ["readout", "p", "ce-readout"], ["status", "span", "ce-status"], ["figure", "div", "ce-figure"]]) {
    parts[key] = document.createElement(tagName);
    parts[key].className = className;
  }
  parts.readout.setAttribute("aria-live", "polite");
  parts.status.setAttribute("aria-hidden", "true");
  parts.row.append(parts.readout, parts.status);
  root.append(parts.controls, parts.row, parts.figure);
  el.append(root);
  return parts;
}

// One control per spec; controls of one group ("Model A") share a box. Returns their updaters.
function buildControls(specs, state, onControl, area, words) {
  const controls = [];
  const groups = new Map();
  for (const spec of specs) {
    const control = buildControl(spec, state, onControl, words);
    controls.push(control);
    if (!spec.group) { area.append(control.element); continue; }
    if (!groups.has(spec.group)) {
      const box = document.createElement("fieldset");
      box.className = "ce-group";
      box.innerHTML = `<legend>${escapeText(spec.group)}</legend>`;
      groups.set(spec.group, box);
      area.append(box);
    }
    groups.get(spec.group).append(control.element);
  }
  return controls;
}

// Call `send` once after the next frame, however many changes arrive before it: the figure is on
// screen before the message to the kernel costs anything.
function afterNextFrame(send) {
  let waiting = false;
  return () => {
    if (waiting) return;
    waiting = true;
    const go = () => { waiting = false; send(); };
    if (document.hidden || typeof requestAnimationFrame === "undefined") setTimeout(go, 0);
    else requestAnimationFrame(() => setTimeout(go, 0));
  };
}

// Redraw whenever the figure's box changes width: one SVG unit is one CSS pixel.
function followWidth(figure, fallback, onWidth) {
  const measure = () => Math.max(320, Math.min(1000, Math.floor(figure.clientWidth || fallback.clientWidth || 960)));
  const hidden = () => !figure.clientWidth && !fallback.clientWidth; // a collapsed output, a slide not shown
  const observer = typeof ResizeObserver === "undefined" ? null
    : new ResizeObserver(() => { if (!hidden()) onWidth(measure()); }); // hidden: keep the last drawing
  observer?.observe(figure);
  onWidth(measure());
  return () => observer?.disconnect();
}

// The Chinese face a view hands the page (ce_lib's, as bytes): added to the document once, so a
// page with no Chinese font of its own still draws Chinese words. A page that has one uses its own.
function addWideFont(bytes) {
  if (!bytes || !bytes.byteLength || typeof FontFace === "undefined" || globalThis.ceWideFont) return;
  const view = bytes instanceof ArrayBuffer ? new Uint8Array(bytes) : new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const face = new FontFace(WIDE_FONT, view.slice());
  globalThis.ceWideFont = face.load().then((loaded) => { document.fonts.add(loaded); return loaded; },
    (error) => { console.warn(WIDE_FONT, error); });
}

// Mount `figure` (a Figure) for anywidget's `{ model, el }`: the model's `control_keys` are what
// the controls change, its `data_keys` the data no control changes (geometry, a precomputed path),
// its `words` the view's words in the notebook's language. The figure and the readout follow a
// control at once, in the browser; the kernel, when it is free, sends its own readout computed by
// ce_lib for the same revision, and the view shows that it agrees.
function mountView({ model, el }, figure) {
  addWideFont(model.get("_wide_font"));
  const words = model.get("words");
  const specs = model.get("controls");
  const state = { words };
  for (const key of model.get("control_keys")) state[key] = model.get(key);
  for (const key of model.get("data_keys")) state[key] = model.get(key);
  let revision = model.get("revision") ?? 0;
  let width = 0, drawn = null;
  const parts = buildLayout(model, el, figure.name);

  function showKernel() {
    const confirmed = model.get("readout");
    parts.readout.dataset.revision = String(revision);
    parts.readout.dataset.kernelRevision = confirmed && confirmed.revision !== undefined ? String(confirmed.revision) : "";
    const agreed = !model.isStatic && confirmed && confirmed.revision === revision && typeof confirmed.text === "string";
    if (agreed) {
      if (parts.readout.textContent !== confirmed.text) parts.readout.textContent = confirmed.text;
      parts.readout.dataset.source = "kernel";
    }
    parts.status.textContent = agreed ? " ✓ ce_lib" : model.isStatic ? "" : " …";
    parts.status.title = agreed ? words.kernel_confirmed : model.isStatic ? "" : words.kernel_waiting;
  }
  function redraw() {
    const markup = topLevel(figure.draw(state, width || 960, uid));
    if (!drawn || markup.join("") !== drawn.join("")) { patch(parts.figure, markup, drawn); drawn = markup; }
    const readout = figure.describe(state);
    if (parts.readout.textContent !== readout) parts.readout.textContent = readout;
    parts.readout.dataset.source = "view";
    showKernel();
  }

  // The kernel hears of a change after the figure is on screen, once per frame.
  let sending = false; // our own model.set calls fire change events too: ignore those
  const unsent = new Set();
  const sendLater = afterNextFrame(() => {
    sending = true;
    try {
      model.set("revision", revision);
      for (const key of unsent) model.set(key, state[key]);
    } finally {
      sending = false;
    }
    unsent.clear();
    model.save_changes();
  });
  function onControl(spec, value) {
    setControlValue(state, spec, value);
    revision += 1;
    redraw();
    unsent.add(spec.key);
    sendLater();
  }
  const uid = `ce${Math.random().toString(36).slice(2, 9)}`; // ids inside this view's SVG
  const controls = buildControls(specs, state, onControl, parts.controls, words);

  // A change from the kernel (or any other writer of the model): a value the view cannot draw is
  // refused (the model is put back, the figure stays as it was); echoes of our own moves are not news.
  function fromModel() {
    if (sending || unsent.size) return;
    for (const key of model.get("control_keys")) {
      const why = stateRefusal(specs, key, model.get(key));
      if (!why) continue;
      console.warn(`${figure.name}: ${why}`);  // the state stays as it was
      sending = true;
      try { model.set(key, state[key]); } finally { sending = false; }
      model.save_changes();
    }
    for (const key of model.get("control_keys")) state[key] = model.get(key);
    revision = model.get("revision") ?? revision;
    for (const control of controls) control.update(state);
    redraw();
  }
  for (const key of model.get("control_keys")) model.on(`change:${key}`, fromModel);
  model.on("change:readout", showKernel);
  const stopFollowing = followWidth(parts.figure, el, (next) => { if (next !== width) { width = next; redraw(); } });
  redraw();
  return () => {
    stopFollowing();
    for (const key of model.get("control_keys")) model.off(`change:${key}`, fromModel);
    model.off("change:readout", showKernel);
  };
}
