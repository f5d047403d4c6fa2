"""Every key a learner moves a view's controls with, pressed on every control, in any front end.

``press_every_key(view)`` focuses each control of a view in turn and presses the keys that move
it: on a slider ← → ↑ ↓, Page Up, Page Down, Home and End; on radio buttons the four arrows; on
a check box Space (twice), and ↓, which must leave it alone. After each key it checks, at once
(no waiting), that the control's value changed (or not, for that ↓), that the figure was redrawn,
that the control still has the focus, and that the notebook's active cell did not move: no
notebook shortcut took the key. Each key gets a frame of its own (the view has sent it to the
kernel before the next key), as a person's keys do.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

#: From anywhere but the top, End first: every later key then moves the slider.
SLIDER_KEYS_FROM_BELOW = ("End", "ArrowLeft", "ArrowRight", "ArrowDown", "ArrowUp", "PageDown", "PageUp", "Home")
#: At the top already, the mirror image.
SLIDER_KEYS_FROM_TOP = ("Home", "ArrowRight", "ArrowLeft", "ArrowUp", "ArrowDown", "PageUp", "PageDown", "End")
RADIO_KEYS = ("ArrowRight", "ArrowLeft", "ArrowDown", "ArrowUp")
#: Space toggles a check box; ↓ has no meaning there, and must not reach the notebook either.
CHECKBOX_KEYS = (("Space", True), ("Space", True), ("ArrowDown", False))

# What a key press is judged by, read in one go from the page: the control's value, its view's
# figure and readout, whether the control holds the focus, and the index of the notebook's active cell
# (None outside a notebook, as in Voilà).
_LOOK = """control => {
  // The figure's markup, as a 53-bit hash (cyrb53): cheaper to send than the markup itself.
  const fingerprint = (text) => {
    let h1 = 0xdeadbeef, h2 = 0x41c6ce57;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      h1 = Math.imul(h1 ^ c, 2654435761);
      h2 = Math.imul(h2 ^ c, 1597334677);
    }
    h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
    h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
    return 4294967296 * (2097151 & h2) + (h1 >>> 0);
  };
  const inputs = [...control.querySelectorAll("input")];
  const first = inputs[0];
  const value = first.type === "range" ? first.value
    : first.type === "checkbox" ? String(first.checked)
    : (inputs.find((input) => input.checked) || {}).value ?? null;
  const cells = [...document.querySelectorAll(".jp-Notebook .jp-Cell")];
  return {
    kind: first.type, value, atTop: first.type === "range" && Number(first.value) >= Number(first.max),
    figure: fingerprint(control.closest(".ce-view").querySelector(".ce-figure").innerHTML),
    readout: control.closest(".ce-view").querySelector(".ce-readout").textContent,
    focused: control.contains(document.activeElement),
    active: cells.length ? cells.findIndex((cell) => cell.classList.contains("jp-mod-active")) : null,
  };
}"""


@dataclass
class Pressed:
    """One key pressed on one control: what it was, and how the page looked before and after."""

    control: str
    key: str
    before: dict
    after: dict


@dataclass
class Keyboard:
    """Every key pressed on a view, and the view's own readout at the end (before the kernel's could arrive)."""

    presses: list[Pressed]
    readout: str


def keys_for(look: dict) -> list[tuple[str, bool]]:
    """The keys to press on a control, each with whether it must change the control's value."""
    if look["kind"] == "range":
        keys = SLIDER_KEYS_FROM_TOP if look["atTop"] else SLIDER_KEYS_FROM_BELOW
        return [(key, True) for key in keys]
    if look["kind"] == "radio":
        return [(key, True) for key in RADIO_KEYS]
    return list(CHECKBOX_KEYS)


def press_key(page, control, name: str, key: str, moves: bool) -> Pressed:
    """Focus ``control``'s input, press ``key``, and assert what it must do (see the module's docstring).

    ``control`` is an element handle (quicker than a locator for the hundreds of presses).
    """
    # The input a learner's key goes to: the slider, the check box, or the chosen radio button.
    # Focusing it makes its cell the notebook's active cell; the key must leave it so.
    control.query_selector("input:checked, input[type=range], input[type=checkbox]").focus()
    before = control.evaluate(_LOOK)
    page.keyboard.press(key)
    after = control.evaluate(_LOOK)
    what = f"{name!r}: {key}"
    if moves:
        assert after["value"] != before["value"], f"{what} did not move the control ({before['value']})"
        assert after["figure"] != before["figure"], f"{what} moved the control but did not redraw the figure"
    else:
        assert after["value"] == before["value"], f"{what} changed the control"
        assert after["figure"] == before["figure"], f"{what} redrew the figure"
    assert after["active"] == before["active"], (
        f"{what} moved the notebook's active cell from {before['active']} to {after['active']}: "
        "a notebook shortcut took the key"
    )
    assert after["focused"], f"{what} took the focus away from the control"
    # Let the view send this state to the kernel (it does so after the next frame) before the next
    # key: each key in a frame of its own, as a person's keys arrive, even on a busy machine.
    page.evaluate(_AFTER_THE_SEND)
    return Pressed(name, key, before, after)


# Resolves once the view has sent the last change to the kernel: it sends from a zero-delay timer
# set in the next animation frame, and this timer is set in the same frame, after it.
_AFTER_THE_SEND = "() => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0)))"

# Put a slider back at a value, as a learner's drag would (an input event); return the view's readout.
_PUT_BACK = """(slider, value) => {
  slider.value = value;
  slider.dispatchEvent(new Event("input", { bubbles: true }));
  return slider.closest(".ce-view").querySelector(".ce-readout").textContent;
}"""


def press_every_key(view) -> Keyboard:
    """Press every key on every control of ``view`` (a Playwright locator); assert what each must do.

    After its keys each slider is put back where it was (the radio buttons and check boxes are
    back already), so every control starts from the notebook's own state: with two of three
    weights left at 0, the third would move nothing the figure shows.
    """
    presses = []
    controls = view.locator(".ce-control")
    assert controls.count() >= 1, "the view has no controls"
    readout = ""
    for index in range(controls.count()):
        control = controls.nth(index).element_handle()
        name = control.evaluate("c => (c.querySelector('legend') || c.querySelector('label') || c).textContent.trim()")
        control.scroll_into_view_if_needed()
        start = control.evaluate(_LOOK)
        for key, moves in keys_for(start):
            presses.append(press_key(view.page, control, name, key, moves))
        readout = presses[-1].after["readout"]
        if start["kind"] == "range" and presses[-1].after["value"] != start["value"]:
            readout = control.query_selector("input").evaluate(_PUT_BACK, start["value"])
            view.page.evaluate(_AFTER_THE_SEND)
    return Keyboard(presses, readout)


def confirmed_by_the_kernel(page, view, own_readout: str, timeout_ms: int = 30_000) -> None:
    """Wait until the kernel's readout for the view's latest state arrives; it must equal the view's own.

    ``own_readout`` is the view's readout read at once after its last change: its own, computed
    in the page. The kernel's replaces it only if it is for the same state.
    """
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    try:
        page.wait_for_function(
            "v => v.querySelector('.ce-readout').dataset.source === 'kernel'",
            arg=view.element_handle(),
            timeout=timeout_ms,
        )
    except PlaywrightTimeout:
        shown = view.locator(".ce-readout").evaluate("r => JSON.stringify({...r.dataset, text: r.textContent})")
        raise AssertionError(f"the kernel did not confirm the view's last state in {timeout_ms} ms: {shown}") from None
    assert view.locator(".ce-readout").text_content() == own_readout, "the kernel's numbers differ from the view's"
    assert view.locator(".ce-status").inner_text().strip() == "✓ ce_lib"


def every_view_takes_every_key(page, server_log: Path | None = None) -> set[str]:  # type: ignore[no-untyped-def]
    """Press every key on every control of every view in ``page``; the kernel then confirms each view.

    Returns the kinds of input pressed on ("range", "radio", "checkbox"). If the kernel does not
    confirm a view, the failure shows the end of ``server_log`` (what the server and kernel logged).
    """
    views = page.locator(".ce-view")
    assert views.count() >= 1
    kinds: set[str] = set()
    for index in range(views.count()):
        keyboard = press_every_key(views.nth(index))
        kinds |= {press.before["kind"] for press in keyboard.presses}
        try:
            confirmed_by_the_kernel(page, views.nth(index), keyboard.readout)
        except AssertionError as error:
            if server_log is None:
                raise
            log = server_log.read_text(encoding="utf-8", errors="replace")
            raise AssertionError(f"{error}\nthe server's log ends:\n{log[-3000:]}") from None
    return kinds
