// Live views without a kernel: the static edition renders each view's stored state with the
// same ES module JupyterLab runs, through a small in-page model (what anywidget's model offers).
class InPageModel {
  constructor(state) {
    this.state = { ...state };
    this.listeners = new Map();
    this.isStatic = true; // no kernel will confirm the readout
  }
  get(key) { return this.state[key]; }
  set(key, value) {
    this.state[key] = value;
    for (const callback of this.listeners.get(`change:${key}`) ?? []) callback();
  }
  on(event, callback) {
    if (!this.listeners.has(event)) this.listeners.set(event, new Set());
    this.listeners.get(event).add(callback);
  }
  off(event, callback) { this.listeners.get(event)?.delete(callback); }
  save_changes() {}
  send() {}
}

async function renderLiveViews() {
  for (const holder of document.querySelectorAll(".ce-live[data-module]")) {
    if (holder.dataset.rendered) continue;
    holder.dataset.rendered = "yes";
    const state = JSON.parse(holder.querySelector("script[type='application/json']").textContent);
    const { default: widget } = await import(new URL(`views/${holder.dataset.module}.js`, document.baseURI).href);
    const target = document.createElement("div");
    holder.querySelector(".ce-static-picture")?.remove();
    holder.append(target);
    const model = new InPageModel(state);
    holder.ceModel = model; // what a test (or a curious reader's console) sets the view's state through
    await widget.render({ model, el: target });
  }
}

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", renderLiveViews);
else renderLiveViews();
