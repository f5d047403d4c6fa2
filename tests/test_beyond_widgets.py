"""Drive the apps of notebooks 06 and 07 from Python."""

import math

import numpy as np
import pytest

import ce_lib
from ce_lib import data
from ce_lib.beyond_widgets import (
    MODEL_B_LINE,
    POINTS,
    ClippingApp,
    DescentApp,
    DivergenceApp,
    LineFitApp,
    LogitStabilityFigure,
    SoftmaxApp,
)
from ce_lib.formatting import format_number
from ce_lib.frameworks import clipped_cross_entropy
from ce_lib.learning import line_cross_entropy, line_weights

LABELS = data.POINT_LABELS


def pixels(app):
    app.canvas.draw()
    return np.asarray(app.canvas.get_renderer().buffer_rgba()).copy()


def test_softmax_app_shows_the_loss_of_the_true_class():
    app = SoftmaxApp()
    before = pixels(app)
    app.sliders[2].value = 5.0
    app.true_class.value = 2
    logits = [s.value for s in app.sliders]
    assert app.loss == ce_lib.cross_entropy_from_class_logits(2, logits)
    assert app.q.tolist() == ce_lib.softmax(logits).tolist()
    assert format_number(app.loss) in app.shown_text()
    assert [bar.get_height() for bar in app.bars.bars] == pytest.approx(app.q.tolist())
    assert not np.array_equal(before, pixels(app))


def test_divergence_app_stacks_entropy_and_kl():
    app = DivergenceApp()
    assert app.cross_entropy == pytest.approx(ce_lib.entropy(app.truth) + app.kl, rel=1e-12)
    assert format_number(app.cross_entropy) in app.shown_text()
    app.sliders[0].value = 0.0  # q gives the most likely true class nothing: KL is infinite
    assert app.kl == math.inf and "∞" in app.shown_text() and "nan" not in app.shown_text()
    assert math.isfinite(app.stack.kl_bar.get_height())
    for slider in app.sliders:
        slider.value = 0.0  # no weight at all: q falls back to uniform rather than 0/0
    assert app.q.tolist() == pytest.approx([1 / 3] * 3)


def test_clipping_app_reproduces_each_rule_at_any_p():
    app = ClippingApp()
    for p in (1e-3, 1e-20, 1e-50):
        app.slider.value = p
        assert app.values["ce_lib (exact)"] == pytest.approx(-math.log(p), rel=1e-12)
        for library in ("scikit-learn", "PyTorch", "Keras"):
            assert app.values[library] == clipped_cross_entropy([1], [app.slider.value], library)
    assert app.values["PyTorch"] == 100.0
    assert "100" in app.shown_text()


def test_logit_figure_is_a_static_picture():
    figure = LogitStabilityFigure()
    assert figure._repr_png_().startswith(b"\x89PNG")
    assert 35 < figure.first_infinite < 38


def test_line_fit_app_follows_its_sliders():
    app = LineFitApp()
    assert app.cross_entropy == pytest.approx(line_cross_entropy(data.MODEL_A.line, POINTS, LABELS), rel=1e-12)
    before = pixels(app)
    app.angle.value, app.offset.value, app.sharpness.value = 80.0, 1.7, 3.0
    assert app.cross_entropy == line_cross_entropy(line_weights(80.0, 1.7, 3.0), POINTS, LABELS)
    assert format_number(app.cross_entropy) in app.shown_text()
    assert not np.array_equal(before, pixels(app))
    app.show_best.value = True
    assert len(app.plane.reference.get_xdata()) == 2
    assert "best line" in app.plane.title.get_text()


def test_descent_app_moves_the_line_and_lowers_the_cross_entropy():
    app = DescentApp()
    start = app.cross_entropy
    before = pixels(app)
    app.slider.value = app.slider.max
    assert app.cross_entropy == app.path.cross_entropies[-1] < line_cross_entropy(MODEL_B_LINE, POINTS, LABELS) < start
    assert format_number(app.cross_entropy) in app.shown_text()
    assert app.curve.marker.get_data()[0][0] == app.slider.max
    assert not np.array_equal(before, pixels(app))


@pytest.mark.parametrize("make", [SoftmaxApp, DivergenceApp, ClippingApp, LineFitApp, DescentApp])
def test_partial_redraws_match_a_full_redraw(make):
    app = make()
    app.canvas.draw()
    panel = app.widget.children[0]  # one slider, or a box of them
    controls = [w for w in getattr(panel, "children", (panel,)) if hasattr(w, "max")]
    assert controls
    for control in controls:
        control.value = control.max if control.value != control.max else control.min
    app.canvas.draw()
    partial = pixels(app)
    app.canvas._background = None
    assert np.array_equal(partial, pixels(app))


def test_a_colour_change_alone_is_redrawn():
    """Choosing another true class recolours the bars without changing their heights."""
    app = SoftmaxApp()
    app.canvas.draw()
    app.true_class.value = 1
    partial = pixels(app)
    app.canvas._background = None
    assert np.array_equal(partial, pixels(app))
