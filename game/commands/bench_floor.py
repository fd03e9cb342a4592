"""The fast engine's arithmetic floor, for `tuto-llm bench`: its own sums, nothing around them.

A training step of the fast engine is mostly dot products (`engine.noyau`: one C call
each, `math.sumprod` on Python 3.12+) and Adam (a few float operations per weight). The
rest is glue: lists built, sliced and zipped, softmax, rmsnorm. `ArithmeticFloor` trains
a copy of the fast run on the same names, step by step; it records every dot product a
step asks for, then times computing exactly those dot products again with the engine's
own kernel. To that it adds the time the fast run itself spends in Adam. No engine
written in pure Python with this algorithm can go faster than that on this computer and
this Python: the bench prints it next to the real speed, measured in the same turns.
"""

import contextlib
import time


@contextlib.contextmanager
def recorded_dot_products():
    """Inside the block, every dot product the engine computes is also written down.

    Yields (products, singles): the (matrix, vector) pairs given to `produit`, and the
    (a, b) pairs given to `produit_scalaire` directly. The results are unchanged: the
    recorder calls the engine's own functions.
    """
    from engine import gpt, marche_arriere, noyau

    products, singles = [], []
    product, dot = noyau.produit, noyau.produit_scalaire

    def recording_product(matrix, vector):
        products.append((matrix, vector))
        return product(matrix, vector)

    def recording_dot(a, b):
        singles.append((a, b))
        return dot(a, b)

    replaced = {"produit": recording_product, "produit_scalaire": recording_dot}
    # where the engine looks these names up (`noyau.produit` itself calls `produit_scalaire`:
    # it stays as it is there, or each row would be written down twice)
    places = [(gpt, "produit"), (gpt, "produit_scalaire"), (noyau, "produit")]
    places += [(marche_arriere, "produit"), (marche_arriere, "produit_scalaire")]
    originals = [(module, name, getattr(module, name)) for module, name in places]
    try:
        for module, name, _ in originals:
            setattr(module, name, replaced[name])
        yield products, singles
    finally:
        for module, name, original in originals:
            setattr(module, name, original)


class ArithmeticFloor:
    """A copy of the fast run, step by step: the time of its dot products only; and the
    time the fast run itself spends in Adam."""

    def __init__(self, words, config, vocab, planned, seed, fast_run):
        from engine.entrainement import Entrainement

        self.run = Entrainement(
            words, config, etapes=planned, graine=seed, vocab=vocab, travailleurs=1
        )
        self.dot_seconds = self.adam_seconds = 0.0
        self.dot_products = 0
        # Adam is timed where it really runs: in the fast run itself (a perf_counter pair
        # per step), not in this copy, whose recorded vectors crowd the memory
        applying = fast_run.adam.appliquer

        def timed_adam(*args):
            start = time.perf_counter()
            try:
                return applying(*args)
            finally:
                self.adam_seconds += time.perf_counter() - start

        fast_run.adam.appliquer = timed_adam

    @property
    def etape(self):
        return self.run.etape

    def tranche(self, steps):
        """`steps` more steps: each is recorded, then its dot products are timed again."""
        from engine.noyau import produit, produit_scalaire

        for _ in range(min(steps, self.run.etapes - self.run.etape)):
            with recorded_dot_products() as (products, singles):
                self.run.pas()
            start = time.perf_counter()
            for matrix, vector in products:
                produit(matrix, vector)
            for a, b in singles:
                produit_scalaire(a, b)
            self.dot_seconds += time.perf_counter() - start
            self.dot_products += sum(len(matrix) for matrix, _ in products) + len(singles)

    def summary(self, reference_speed):
        """The floor as the bench prints it: steps per second at best, and the ratio."""
        steps = max(1, self.etape)  # the fast run made as many steps as this copy
        seconds = (self.dot_seconds + self.adam_seconds) / steps
        speed = 1 / seconds if seconds else 0.0
        return {
            "steps_per_s": round(speed, 1),
            "ratio": round(speed / reference_speed, 1) if reference_speed else 0.0,
            "dot_products_per_step": round(self.dot_products / steps),
            "dot_products_ms_per_step": round(1000 * self.dot_seconds / steps, 3),
            "adam_ms_per_step": round(1000 * self.adam_seconds / steps, 3),
        }
