"""`Valeur`: each operation's gradient against finite differences."""

import math

import pytest

from engine.autograd import Valeur

H = 1e-6

OPERATIONS = {
    "a + b": lambda a, b: a + b,
    "a + 2": lambda a, b: a + 2,
    "2 + a": lambda a, b: 2 + a,
    "a - b": lambda a, b: a - b,
    "3 - a": lambda a, b: 3 - a,
    "a * b": lambda a, b: a * b,
    "3 * a": lambda a, b: 3 * a,
    "a / b": lambda a, b: a / b,
    "2 / a": lambda a, b: 2 / a,
    "a ** 3": lambda a, b: a**3,
    "a ** -0.5": lambda a, b: a**-0.5,
    "-a": lambda a, b: -a,
    "exp": lambda a, b: a.exp() if isinstance(a, Valeur) else math.exp(a),
    "log": lambda a, b: a.log() if isinstance(a, Valeur) else math.log(a),
    "relu": lambda a, b: a.relu() if isinstance(a, Valeur) else max(0.0, a),
    "melange": lambda a, b: (
        (a * b + a.exp() if isinstance(a, Valeur) else a * b + math.exp(a)) / (b * b + 1)
    ),
}


def derivees_numeriques(f, a, b):
    da = (f(a + H, b) - f(a - H, b)) / (2 * H)
    db = (f(a, b + H) - f(a, b - H)) / (2 * H)
    return da, db


@pytest.mark.parametrize("nom", OPERATIONS)
@pytest.mark.parametrize(("a", "b"), [(1.3, 0.7), (0.4, -2.1), (-0.8, 1.9)])
def test_gradient_de_chaque_operation(nom, a, b):
    f = OPERATIONS[nom]
    if nom in ("log", "a ** -0.5") and a <= 0:
        a = -a  # these need a positive number
    va, vb = Valeur(a), Valeur(b)
    sortie = f(va, vb)
    sortie.backward()
    assert sortie.data == pytest.approx(f(a, b), rel=1e-12)
    da, db = derivees_numeriques(f, a, b)
    assert va.grad == pytest.approx(da, rel=1e-6, abs=1e-8)
    assert vb.grad == pytest.approx(db, rel=1e-6, abs=1e-8)


def test_relu_coupe_le_negatif():
    x = Valeur(-1.5)
    y = x.relu()
    y.backward()
    assert (y.data, x.grad) == (0.0, 0.0)


def test_un_nombre_utilise_plusieurs_fois():
    x = Valeur(3.0)
    y = x * x + x  # dy/dx = 2x + 1
    y.backward()
    assert x.grad == 7.0
    a = Valeur(2.0)
    b = a * 3
    c = b + a * b  # a used directly and through b: dc/da = 3 + b + a*3 = 3 + 6 + 6
    c.backward()
    assert a.grad == 15.0


def test_long_calcul_sans_recursion():
    x = Valeur(1.0)
    y = x
    for _ in range(20_000):
        y = y * 1.0 + 0.0
    y.backward()
    assert x.grad == 1.0
