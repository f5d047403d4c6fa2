// The static edition's decks fit the room: no slide scrolls and nothing is cut off, on any screen.
// reveal.js lays every slide out at one logical size (1280 × 720) and scales it to the screen, so
// a slide that fits once fits everywhere. Once the views have drawn, `fitDeck` measures every slide
// at that size and, where a slide is too tall,
//  - scales a view's figure down to the room the slide has (the SVG keeps its viewBox, so the
//    whole picture stays in view, beside the controls), and
//  - otherwise splits the slide into consecutive slides at block boundaries (cells, paragraphs,
//    list items, table rows, lines of code): nothing is dropped and nothing is cut.
// When it is done, <html data-ce-deck="fitted"> (the browser tests wait for it), and the slides
// not shown are inert.

(function () {
  // Blocks a slide may be split inside (never inside a view, a paragraph or a list item).
  const ENTERABLE = [
    ".fragment", ".jp-Cell", ".jp-Cell-inputWrapper", ".jp-Cell-outputWrapper", ".jp-InputArea",
    ".jp-OutputArea", ".jp-OutputArea-child", ".jp-OutputArea-output", ".jp-RenderedHTMLCommon",
    ".jp-InputArea-editor", ".cm-editor", ".highlight", "ul", "ol", "blockquote", "table", "tbody",
  ].join(", ");
  // What stays beside a block rather than above it: it is repeated (empty) on a continuation.
  const BESIDE = ".jp-InputPrompt, .jp-OutputPrompt, .jp-Collapser";
  const NEVER_MOVED = "aside.notes, script, style, template";
  // The blocks a slide is best split between: whole cells (and fragments, the cells shown one by one).
  const WHOLE = "section > *, .fragment, .jp-Cell";
  const FULL_ENOUGH = 0.5;
  // A figure is not made smaller than this share of its drawing to keep text beside it.
  const SMALLEST_SHARE = 0.6;
  const drawnHeights = new WeakMap(); // each picture's height before it was made smaller

  function nextFrame() {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, 200); // a hidden tab runs no frames
      requestAnimationFrame(() => requestAnimationFrame(() => { clearTimeout(timer); resolve(); }));
    });
  }

  async function viewsDrawn(timeout = 15000) {
    const start = Date.now();
    const pending = () => [...document.querySelectorAll(".ce-live")].some((h) => !h.querySelector(".ce-figure svg"));
    while (pending() && Date.now() - start < timeout) await new Promise((resolve) => setTimeout(resolve, 30));
  }

  function box(element, origin, scale) {
    const rect = element.getBoundingClientRect();
    return { top: (rect.top - origin.top) / scale, bottom: (rect.bottom - origin.top) / scale, height: rect.height / scale };
  }

  function shown(element) {
    if (element.matches(NEVER_MOVED) || element.matches(BESIDE)) return false;
    const rect = element.getBoundingClientRect();
    return rect.width > 0 || rect.height > 0;
  }

  // Is there anything to see on the slide before `node` (text or a picture, prompts aside)?
  function contentBefore(section, node) {
    const walker = document.createTreeWalker(section, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
      acceptNode: (n) => n.nodeType === 1 && n.matches(`${BESIDE}, ${NEVER_MOVED}`)
        ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT,
    });
    for (let n = walker.nextNode(); n && n !== node; n = walker.nextNode()) {
      if (n.contains(node)) continue;
      if (n.nodeType === 3 ? n.data.trim() : n.matches("img, svg, math, input, video, canvas, hr")) return true;
    }
    return false;
  }

  // Where a new slide should start: before the last block whose top still fits on this slide,
  // looking inside blocks that cross the bottom edge (or else before the first block below it);
  // never before everything the slide shows.
  function breakPoint(section, limit, scale) {
    const origin = section.getBoundingClientRect();
    const candidates = [];
    const visit = (container) => {
      for (const child of container.children) {
        if (!shown(child)) continue;
        const { top, bottom } = box(child, origin, scale);
        candidates.push({ node: child, top });
        // A view, or a block short enough to move whole, is never split.
        const atomic = (child.querySelector(".ce-live") !== null && !child.matches(".fragment")) || bottom - top < limit / 4;
        if (bottom > limit && child.matches(ENTERABLE) && !atomic) visit(child);
        else if (bottom > limit && child.matches("pre") && !atomic) candidates.push(...lineBreaks(child, origin, scale, limit));
      }
    };
    visit(section);
    // The lowest block that starts on the slide first (of blocks that start at the same height,
    // the outermost), then those that start below it, the highest first.
    // A whole cell moves to the next slide rather than being cut, if this slide stays at least
    // half full.
    const whole = (c) => !c.textNode && c.node.matches(WHOLE) && c.top >= limit * FULL_ENOUGH && c.top <= limit;
    const rank = (c) => (whole(c) ? -2 * limit - c.top : c.top <= limit ? -c.top : c.top);
    candidates.sort((a, b) => rank(a) - rank(b));
    for (const { node, textNode, offset } of candidates) {
      if (!textNode && contentBefore(section, node)) return node;
      if (textNode && (textNode.data.slice(0, offset).trim() || contentBefore(section, textNode))) {
        return splitTextAt(textNode, offset);
      }
    }
    return null;
  }

  // In a block of code, the line breaks whose next line still starts on this slide.
  function lineBreaks(pre, origin, scale, limit) {
    const walker = document.createTreeWalker(pre, NodeFilter.SHOW_TEXT);
    const found = [];
    const range = document.createRange();
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (let index = node.data.indexOf("\n"); index >= 0; index = node.data.indexOf("\n", index + 1)) {
        range.setStart(node, index);
        range.setEnd(node, index + 1);
        const rects = range.getClientRects();
        const rect = rects.length ? rects[rects.length - 1] : range.getBoundingClientRect();
        const top = (rect.bottom - origin.top) / scale; // where the next line starts
        if (top > limit) return found;
        range.setStart(node, index + 1);
        range.setEndAfter(pre.lastChild);
        if (range.toString().trim()) found.push({ textNode: node, offset: index + 1, top });
      }
    }
    return found;
  }

  // Cut a text node at a line start; return the node the new slide starts with.
  function splitTextAt(textNode, offset) {
    const rest = textNode.splitText(offset);
    let node = rest;
    // Start the split at the outermost element that begins with this text, inside the <pre>.
    while (node.parentElement && !node.parentElement.matches("pre") && node.parentElement.firstChild === node) {
      node = node.parentElement;
    }
    return node;
  }

  // An empty copy of `original` to hold what moves to the next slide.
  function shell(original) {
    const copy = original.cloneNode(false);
    for (const name of ["id", "style", "hidden", "aria-hidden", "data-index-h", "data-index-v", "data-fragment-index"]) {
      copy.removeAttribute(name);
    }
    copy.classList.remove("present", "past", "future", "visible", "current-fragment", "stack");
    if (!copy.classList.length) copy.removeAttribute("class");
    for (const child of original.children) {
      if (!child.matches(BESIDE)) break;
      const spacer = child.cloneNode(false);
      spacer.removeAttribute("id");
      spacer.setAttribute("aria-hidden", "true");
      copy.append(spacer);
    }
    const head = original.tagName === "TABLE" ? original.querySelector(":scope > thead") : null;
    if (head) { // the table goes on under its own header, marked as a repeat
      const repeated = head.cloneNode(true);
      repeated.dataset.ceRepeated = "";
      copy.append(repeated);
    }
    return copy;
  }

  // Move `node` and everything after it on this slide into a new slide right after it.
  function splitBefore(section, node) {
    let piece = null, from = node, parent = node.parentNode;
    for (;;) {
      const copy = shell(parent);
      if (piece) copy.append(piece);
      while (from) {
        const next = from.nextSibling;
        copy.append(from);
        from = next;
      }
      if (parent.tagName === "OL") copy.start = (parent.start || 1) + parent.querySelectorAll(":scope > li").length;
      if (parent === section) {
        copy.dataset.ceContinued = "";
        section.after(copy);
        return copy;
      }
      piece = copy;
      from = parent.nextSibling;
      parent = parent.parentNode;
    }
  }

  // Make a picture on the slide smaller so the slide fits: a view's figure (its SVG keeps its
  // viewBox) or an image. Unless `force`d, only if that alone makes the slide fit, and never
  // below a share of its size or beside a view's controls, which must stay in view.
  function shrinkPictures(section, over, scale, force) {
    const origin = section.getBoundingClientRect();
    const pictures = [...section.querySelectorAll(".ce-figure svg, .jp-OutputArea-output img")].reverse();
    for (const picture of pictures) {
      const height = box(picture, origin, scale).height;
      if (!height) continue;
      if (!drawnHeights.has(picture)) drawnHeights.set(picture, height);
      let smallest = force ? 160 : drawnHeights.get(picture) * SMALLEST_SHARE;
      const view = picture.closest(".ce-view");
      if (view) {
        const figure = picture.closest(".ce-figure");
        const beside = [...view.children].filter((c) => c !== figure).map((c) => box(c, origin, scale).bottom);
        const above = box(picture, origin, scale).top - box(view, origin, scale).top;
        smallest = Math.max(smallest, Math.max(...beside) - box(view, origin, scale).top - above);
      }
      const target = Math.floor(Math.max(height - over, smallest));
      if (target >= height - 0.5 || (!force && target > height - over)) continue;
      if (view) picture.closest(".ce-figure").style.setProperty("--ce-fit-height", `${target}px`);
      else picture.style.maxHeight = `${target}px`;
      return true;
    }
    return false;
  }

  // The last resort, for one block taller than a whole slide: show the slide smaller.
  function zoomToFit(section, limit) {
    const factor = limit / section.scrollHeight;
    for (const child of section.children) if (!child.matches(NEVER_MOVED)) child.style.zoom = String(factor);
    console.warn(`deck.js: a block taller than a slide was shown at ${Math.round(factor * 100)} %:`,
      section.textContent.trim().slice(0, 60));
  }

  // Fit one slide; return the slides split off it, in order (each is fitted in turn).
  function fitSection(section, limit, scale) {
    const added = [];
    for (let step = 0; step < 200; step++) {
      const over = section.scrollHeight - limit;
      if (over <= 0.5) break;
      if (shrinkPictures(section, over, scale, false)) continue;
      const point = breakPoint(section, limit, scale);
      if (point) {
        added.unshift(splitBefore(section, point));
        continue;
      }
      if (shrinkPictures(section, over, scale, true)) continue;
      zoomToFit(section, limit);
      break;
    }
    return added;
  }

  // reveal.js marks the slides not shown aria-hidden, yet their links and sliders could still take
  // the keyboard's focus: they are inert (neither focusable nor read out) until they are shown.
  function inertUnlessShown(reveal) {
    for (const section of reveal.getRevealElement().querySelectorAll(".slides section")) {
      section.inert = !section.classList.contains("present");
    }
  }

  // A view lays its figure out anew when its slide is shown (hidden, it had no width), which can
  // change the slide's height: reveal.js then centres the slide anew, so it stays on screen.
  function centreOnResize(reveal) {
    const observer = new ResizeObserver(() => reveal.layout());
    for (const section of reveal.getRevealElement().querySelectorAll(".slides section")) observer.observe(section);
  }

  async function fitDeck(reveal) {
    await viewsDrawn();
    await document.fonts.ready;
    const root = reveal.getRevealElement();
    root.classList.add("ce-measuring");
    await nextFrame(); // the views lay their figures out for the width they now have
    await document.fonts.ready; // and the fonts of text shown for the first time have loaded
    await nextFrame();
    const limit = reveal.getComputedSlideSize().height;
    const scale = reveal.getScale();
    const queue = [...root.querySelectorAll(".slides section")].filter((s) => !s.querySelector("section"));
    while (queue.length) queue.unshift(...fitSection(queue.shift(), limit, scale));
    root.classList.remove("ce-measuring");
    reveal.sync();
    reveal.layout();
    inertUnlessShown(reveal);
    reveal.on("slidechanged", () => inertUnlessShown(reveal));
    centreOnResize(reveal);
    document.documentElement.dataset.ceDeck = "fitted";
  }

  window.ceFitDeck = fitDeck;
})();
