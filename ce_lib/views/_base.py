"""What every view shares: a state of numbers, controls, words, a readout computed by ce_lib, a picture.

A view is an ``anywidget``. Its figure is drawn once, by its ES module (``<name>.js``, a
:ref:`Figure <figure>` of pure drawing code): in the browser, where its controls redraw it with no
trip to the kernel, and in the kernel, where the same code draws the picture stored for readers
without a kernel (:mod:`ce_lib.views._render`). Its words (labels, titles, the readout's
template) come from the catalogue of the notebook's language (:mod:`ce_lib.words`); the browser
fills the readout's template with the numbers it draws, and the kernel fills the same template
with ce_lib's numbers for each revision of the state and sends it back (:meth:`View.describe`).

Displayed, a view sends four things: the live widget; a PNG of its current state, drawn by its
module (what GitHub, nbviewer, nbconvert and JupyterLab without a kernel show); the readout as
plain text; and its module name and state as JSON (what the static edition renders live).
"""

from __future__ import annotations

import base64
import functools
import itertools
import uuid
from dataclasses import asdict, dataclass, field
from importlib import resources
from typing import Any, ClassVar

import anywidget
import traitlets

from ce_lib import words as catalogues
from ce_lib.views import _render
from ce_lib.views._state import check_state_value, portable

#: The MIME type of the JSON (module name and state) the static edition renders live.
STATE_MIME = "application/vnd.ce-lib.view+json"
#: The pure drawing code every figure is drawn with, in the browser and in the kernel.
DRAWING_PARTS = ("_numbers", "_maths", "_svg")
#: The namespace of the views' model ids (see :meth:`View.__init__`).
MODEL_ID_NAMESPACE = uuid.UUID("5d3c2a51-7f7e-4a0b-9a43-ce11b0000000")


@functools.cache
def _part(name: str) -> str:
    return (resources.files("ce_lib.views") / f"{name}.js").read_text(encoding="utf-8")


def drawing_source(parts: tuple[str, ...]) -> str:
    """Return the pure drawing code of a figure made of ``parts`` (its own ``.js`` last): what the kernel runs."""
    return "\n".join(_part(name) for name in (*DRAWING_PARTS, *parts))


def browser_module(parts: tuple[str, ...]) -> str:
    """Return the ES module the browser runs: the drawing code, the page code (``_mount.js``), the export."""
    page = "\n".join(_part(name) for name in (*DRAWING_PARTS, "_mount", *parts))
    return page + "\nexport default { render(context) { return mountView(context, FIGURE); } };\nexport { FIGURE };\n"


@functools.cache
def style_source() -> str:
    """Return the style sheet every view uses."""
    return (resources.files("ce_lib.views") / "_style.css").read_text(encoding="utf-8")


@dataclass(frozen=True)
class Control:
    """One control of a view, as the ES module builds it: a slider, a log slider, a choice or a toggle.

    ``key`` names the state trait it sets, ``index`` the entry of a list trait (or ``None``),
    ``group`` the box it sits in (e.g. "Model A").
    """

    kind: str
    key: str
    label: str
    index: int | None = None
    group: str | None = None
    min: float | None = None
    max: float | None = None
    step: float | None = None
    decimals: int = 2
    min_exponent: float | None = None
    max_exponent: float | None = None
    options: tuple[tuple[str, Any], ...] = field(default=())

    def spec(self) -> dict[str, Any]:
        """Return the control as the JSON the ES module reads."""
        return {name: value for name, value in asdict(self).items() if value is not None and value != ()} | {
            "index": self.index
        }


def slider(
    key: str, label: str, low: float, high: float, step: float, *, index: int | None = None,
    group: str | None = None, decimals: int = 2,
) -> Control:  # fmt: skip
    """Return a slider from ``low`` to ``high`` in steps of ``step``: the one way every view makes one.

    Examples
    --------
    >>> slider("probabilities_a", "point 1 (red)", 0, 1, 0.01, index=0, group="Model A").spec()["kind"]
    'range'
    """
    return Control("range", key, label, index=index, group=group, min=low, max=high, step=step, decimals=decimals)


def log_slider(key: str, label: str, low_exponent: float, high_exponent: float, step: float) -> Control:
    """Return a slider over 10^low_exponent to 10^high_exponent, evenly spaced in the exponent."""
    return Control("log-range", key, label, min_exponent=low_exponent, max_exponent=high_exponent, step=step)


def choice(key: str, label: str, options: tuple[tuple[str, Any], ...]) -> Control:
    """Return a group of radio buttons: (text shown, value) per option."""
    return Control("choice", key, label, options=options)


def toggle(key: str, label: str) -> Control:
    """Return a check box."""
    return Control("toggle", key, label)


def view_words(parts: tuple[str, ...], language: str | None = None) -> dict[str, str]:
    """Return the words of a figure made of ``parts``: ``views.common`` and each part's section.

    A part's section is named after it (``_field.js`` speaks from ``views.field``, ``plane.js``
    from ``views.plane``); where two define a key, the later part's words win.
    """
    words = catalogues.section("views.common", language)
    for part in parts:
        words |= catalogues.section(f"views.{part.lstrip('_')}", language)
    return words


class View(anywidget.AnyWidget):
    """The base of every view: synced state, controls, words, the ce_lib readout and the stored picture.

    A subclass sets ``parts`` (its ``.js`` files, shared ones first, its own last: the last names
    the module), ``state_keys`` (the traits its controls change) and implements ``describe()``
    (the readout, from ce_lib, in its words). Its words are ``self.words``: the catalogue's
    ``views.common`` and one section per part (:func:`view_words`), in the notebook's language.
    """

    parts: ClassVar[tuple[str, ...]]
    module: ClassVar[str]  # the name of the view's ES module: its last part
    state_keys: ClassVar[tuple[str, ...]]

    label = traitlets.Unicode("").tag(sync=True)
    controls = traitlets.List([]).tag(sync=True)
    revision = traitlets.Int(0).tag(sync=True)
    readout = traitlets.Dict({}).tag(sync=True)
    words = traitlets.Dict({}).tag(sync=True)
    control_keys = traitlets.List([]).tag(sync=True)
    data_keys = traitlets.List([]).tag(sync=True)
    #: The Chinese face, for a view whose words need it: the page may have no Chinese font of its own.
    _wide_font = traitlets.Bytes(b"").tag(sync=True)

    #: How many views of each module this kernel has made (their model ids count with it).
    _made: ClassVar[dict[str, itertools.count]] = {}

    def __init_subclass__(cls, **kwargs: Any) -> None:
        if "parts" in cls.__dict__:
            cls.module = cls.parts[-1]
            cls._esm = browser_module(cls.parts)
            cls._css = style_source()
        if "state_keys" in cls.__dict__:
            # Refuse, before it is set, any state value the view's controls could not have set.
            cls._validate_state = traitlets.validate(*cls.state_keys)(View._refuse_undrawable)
        super().__init_subclass__(**kwargs)

    @classmethod
    def words_for(cls, language: str | None = None) -> dict[str, str]:
        """Return the view's words in ``language`` (default: the notebook's)."""
        return view_words(cls.parts, language)

    def __init__(self, **kwargs: Any) -> None:
        # The model id is the same in every run of a notebook (the n-th view of a module in a
        # kernel), so re-storing a notebook's outputs changes no widget id.
        count = self._made.setdefault(self.module, itertools.count(1))
        kwargs.setdefault("model_id", uuid.uuid5(MODEL_ID_NAMESPACE, f"{self.module}/{next(count)}").hex)
        kwargs.setdefault("words", self.words_for())
        if _render.needs_wide_font(kwargs["words"].values()):
            kwargs.setdefault("_wide_font", _render.wide_font())
        super().__init__(**kwargs)
        self.control_keys = list(self.state_keys)
        self.data_keys = list(self.fixed_keys())
        # The data no control changes is stored in the notebook: keep only digits every machine agrees on.
        for key in self.data_keys:
            setattr(self, key, portable(getattr(self, key)))
        # A revision alone is news too: a control moved and back within one frame sends only that.
        self.observe(self._confirm, names=[*self.state_keys, "revision"])
        self._confirm()

    def _refuse_undrawable(self, proposal: Any) -> Any:
        """Let a state value through only if the view's controls could have set it (else ``StateError``)."""
        check_state_value(self.controls, proposal["trait"].name, proposal["value"])
        return proposal["value"]

    def set_state(self, sync_data: dict[str, Any]) -> None:
        """Apply a state change from the page; a value the view cannot draw is refused and the page put back.

        The page's view refuses such values itself; this guards the kernel against any other
        sender. The refusal is logged with its reason, and the kernel's state is sent back so the
        page shows again what the kernel holds.
        """
        try:
            super().set_state(sync_data)
        except traitlets.TraitError as error:  # StateError, or a value of the wrong type
            self.log.warning("%s refused a state from the page: %s", type(self).__name__, error)
            self.send_state([key for key in sync_data if key in self.keys])

    def _confirm(self, change: Any = None) -> None:
        """Compute the readout with ce_lib for the current state and revision, and send it."""
        self.readout = {"text": self.describe(), "revision": self.revision}

    def say(self, key: str, **values: Any) -> str:
        """Return the view's words for ``key`` with ``values`` filled in (the browser fills the same template)."""
        return catalogues.fill(self.words[key], values)

    def describe(self) -> str:
        """Return the readout: the numbers the view shows, computed by ce_lib, in its words."""
        raise NotImplementedError

    def svg(self, width: int = _render.PICTURE_WIDTH) -> str:
        """Return the figure of the current state as SVG markup, drawn by the view's own ES module."""
        return _render.svg(drawing_source(self.parts), self.state(), width)

    def png(self) -> bytes:
        """Return the stored picture: :meth:`svg` as a PNG."""
        return _render.png(self.svg())

    def state(self) -> dict[str, Any]:
        """Return what the ES module draws from: every synced trait but anywidget's own."""
        keys = ("label", "controls", "revision", "readout", "words", "control_keys", "data_keys")
        return {key: getattr(self, key) for key in (*keys, *self.state_keys, *self.fixed_keys())}

    def fixed_keys(self) -> tuple[str, ...]:
        """Return the synced traits a subclass adds that no control changes (geometry, data)."""
        base = set(View.class_trait_names(sync=True))
        return tuple(
            name for name in self.trait_names(sync=True)
            if name not in base and name not in self.state_keys and not name.startswith("_")
        )  # fmt: skip

    def _repr_mimebundle_(self, **kwargs: Any) -> tuple[dict[str, Any], dict[str, Any]]:
        data, metadata = super()._repr_mimebundle_(**kwargs)
        data["text/plain"] = self.describe()
        data["image/png"] = base64.b64encode(self.png()).decode("ascii")
        data[STATE_MIME] = {"module": self.module, "state": self.state()}
        return data, metadata
