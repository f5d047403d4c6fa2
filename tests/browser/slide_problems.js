// What does not fit a deck's slides, as a projector shows them (tests/browser/test_static_edition.py).
//
// Visits every slide with reveal.js's API (every fragment shown) and lists what does not fit it:
// anything outside the visible slide area, anything that scrolls or cuts its content, a view's
// control or figure off the screen, and a page that scrolls. Inside a view's SVG the drawing is
// the view's own business: the SVG as a whole must be on screen.
async () => {
  const frame = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  const name = (e) => `<${e.tagName.toLowerCase()}${e.className && e.className.baseVal === undefined
    ? "." + String(e.className).trim().split(/\s+/).join(".") : ""}> "${e.textContent.trim().slice(0, 40)}"`;
  Reveal.configure({ transition: "none", backgroundTransition: "none" });
  const problems = [];
  const slides = Reveal.getSlides();
  for (const [number, slide] of slides.entries()) {
    const { h, v } = Reveal.getIndices(slide);
    Reveal.slide(h, v ?? 0, 1000);
    if (slide.querySelector(".ce-view")) await frame(); // a view shown again lays its figure out for its width
    const where = `slide ${number + 1} of ${slides.length}`;
    const area = document.querySelector(".reveal .slides").getBoundingClientRect();
    const room = { left: Math.max(area.left, 0), top: Math.max(area.top, 0),
                   right: Math.min(area.right, innerWidth), bottom: Math.min(area.bottom, innerHeight) };
    const outside = (r, box = room) => r.left < box.left - 1 || r.top < box.top - 1 || r.right > box.right + 1
      || r.bottom > box.bottom + 1;
    const screen = { left: 0, top: 0, right: innerWidth, bottom: innerHeight };
    if (Reveal.getCurrentSlide() !== slide) problems.push(`${where}: reveal.js did not show it`);
    for (const element of slide.querySelectorAll("*")) {
      if (element.closest("aside.notes") || element.parentElement.closest("svg")) continue;
      const rect = element.getBoundingClientRect();
      if (!rect.width && !rect.height) continue;
      if (outside(rect)) problems.push(`${where}: ${name(element)} lies outside the slide`);
      const style = getComputedStyle(element);
      if ((style.overflowX !== "visible" && element.scrollWidth > element.clientWidth + 1)
          || (style.overflowY !== "visible" && element.scrollHeight > element.clientHeight + 1)) {
        problems.push(`${where}: ${name(element)} scrolls or cuts its content`);
      }
    }
    const texts = document.createTreeWalker(slide, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    for (let text = texts.nextNode(); text; text = texts.nextNode()) {
      if (!text.data.trim() || text.parentElement.closest("aside.notes, svg, script, style")) continue;
      range.selectNodeContents(text);
      const rect = range.getBoundingClientRect();
      if ((rect.width || rect.height) && outside(rect)) problems.push(`${where}: the text "${text.data.trim().slice(0, 40)}" runs off the slide`);
    }
    for (const view of slide.querySelectorAll(".ce-view")) {
      const controls = view.querySelectorAll(".ce-controls input");
      const svg = view.querySelector(".ce-figure svg");
      if (!controls.length || !svg) problems.push(`${where}: a view without its controls or figure`);
      for (const control of controls) {
        if (outside(control.getBoundingClientRect(), screen)) problems.push(`${where}: a control of the view is off screen`);
      }
      const figure = svg?.getBoundingClientRect();
      if (figure && (figure.height < 100 || outside(figure, screen))) problems.push(`${where}: the view's figure is not all on screen`);
    }
  }
  const page = document.scrollingElement;
  if (page.scrollHeight > innerHeight + 1 || page.scrollWidth > innerWidth + 1) problems.push("the page scrolls");
  return problems;
}
