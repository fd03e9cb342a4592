"""Long work that never freezes a frame: training in slices or in a worker process.

Two ways to run engine work while the game keeps drawing at 60 fps:

- **slices** (`mode="slices"`): the generator runs in the game's process, a few
  steps per frame, within a time budget (`budget_ms`, 6 ms by default). Simple and
  always available, but training shares the core with drawing.
- **worker** (`mode="worker"`): a separate process (multiprocessing, 'spawn'-safe:
  everything it needs is importable and picklable) runs the work on the other
  core, streams progress through a queue, can be cancelled, and sends back the
  final state. Training goes at nearly headless speed.

The API the level views see through `ctx.runner`:

    job = ctx.runner.play(partie, {"type": "entrainer", "etapes": 200})
    job.progress      # 0..1
    job.infos         # list of dicts streamed by the level's optional `suivi(etat)`
    job.done          # True once finished, cancelled or failed
    job.error         # None, or a French message (refused action, crash in the worker)
    job.cancel()      # stops after the current slice; the state stays consistent

`play` applies the action to `partie` (its state is replaced by the worker's final
state and the action actually done is recorded in its log, as `Partie.jouer_en_tranches`
does). A level may define `suivi(etat) -> dict` (cheap numbers such as the last loss)
that the runner sends with every progress report, for live curves.

For anything else (a benchmark, a test), `run_generator(function, *args)` runs
`function(*args)` — a module-level generator function — and collects what it yields;
its return value ends up in `job.result`.

This module never imports pygame: the worker process must start fast.
"""

import copy
import multiprocessing
import time

# The tasks and the worker process live in game/runner_worker.py (names kept here).
from game.runner_worker import (  # noqa: F401
    CANCEL_SLOTS,
    REPORT_EVERY_S,
    _level_paths,
    _progress_of,
    _SliceTask,
    _suivi,
    _Worker,
    _worker_action,
    _worker_generator,
    _worker_loop,
    _WorkerTask,
)

MODES = ("slices", "worker")
DEFAULT_BUDGET_MS = 6.0
MAX_INFOS = 5000  # live-curve points kept per job


class Job:
    """One piece of long work. Read its fields; call `cancel()`; never change the rest."""

    def __init__(self, kind, mode):
        self.kind = kind  # "action" or "generator"
        self.mode = mode
        self.progress = 0.0
        self.infos = []  # streamed dicts (level `suivi`) or yielded values (generator)
        self.steps = 0  # how many slices were done
        self.done = False
        self.cancelled = False
        self.error = None
        self.result = None  # generator: its return value; action: the action done
        self.partie = None  # action: the Partie it plays on (the level host follows it)
        self.started = time.perf_counter()
        self.finished_at = None
        self._on_done = []

    @property
    def running(self):
        return not self.done

    @property
    def elapsed(self):
        end = self.finished_at if self.finished_at is not None else time.perf_counter()
        return end - self.started

    def when_done(self, callback):
        """Calls `callback(job)` once the job is over (at once if it already is)."""
        if self.done:
            callback(self)
        else:
            self._on_done.append(callback)

    def cancel(self):
        self.cancelled = True

    def _add_info(self, info):
        if info is None:
            return
        self.infos.append(info)
        if len(self.infos) > MAX_INFOS:
            del self.infos[: len(self.infos) - MAX_INFOS]

    def _finish(self, error=None):
        if self.done:
            return
        self.error = error
        self.done = True
        self.finished_at = time.perf_counter()
        for callback in self._on_done:
            callback(self)
        self._on_done.clear()


class Runner:
    """Runs long jobs between frames. The app calls `tick()` once per frame."""

    def __init__(self, mode="worker", budget_ms=DEFAULT_BUDGET_MS, start_method="spawn"):
        if mode not in MODES:
            raise ValueError(f"mode inconnu : {mode!r}")
        self.mode = mode
        self.budget_s = budget_ms / 1000.0
        self.start_method = start_method
        self._context = None
        self._worker = None
        self._next_id = 0
        self._tasks = []

    # -- public API ---------------------------------------------------------

    @property
    def busy(self):
        return any(not task.job.done for task in self._tasks)

    @property
    def jobs(self):
        return [task.job for task in self._tasks]

    def job_for(self, partie):
        """The running job that plays on `partie`, or None."""
        for task in self._tasks:
            if not task.job.done and task.job.partie is partie:
                return task.job
        return None

    def play(self, partie, action, mode=None):
        """Applies `action` to `partie` without freezing the frame; returns a Job.

        The Partie's state is replaced when the job ends and the action actually
        done is recorded in its log (also when cancelled half-way).
        """
        mode = mode or self.mode
        job = Job("action", mode)
        job.partie = partie
        if mode == "slices":
            self._play_slices(job, partie, action)
        else:
            self._play_worker(job, partie, action)
        return job

    def run_generator(self, function, *args, mode=None):
        """Runs the generator `function(*args)`; its yields go to `job.infos`."""
        mode = mode or self.mode
        job = Job("generator", mode)
        if mode == "slices":

            def on_end(result):
                job.result = result
                job._finish()

            self._tasks.append(
                _SliceTask(job, function(*args), self.budget_s, job._add_info, on_end)
            )
        else:

            def on_done(result):
                job.result = result
                job._finish()

            self._tasks.append(self._worker_task(job, ("generator", function, args), on_done))
        return job

    def warm_up(self):
        """Start the worker process now (in the background), so the first job waits less."""
        if self.mode == "worker":
            self._get_worker()

    def tick(self):
        """Advances every job a little (slices) or collects their reports (workers)."""
        for task in list(self._tasks):
            if not task.job.done:
                task.tick()
        if self._worker is not None:
            self._worker.poll()
        self._tasks = [task for task in self._tasks if not task.job.done]

    def wait(self, job, timeout=None, sleep=0.002):
        """Blocks until `job` is over (for commands and tests, never inside a frame)."""
        start = time.perf_counter()
        while not job.done:
            self.tick()
            if timeout is not None and time.perf_counter() - start > timeout:
                return False
            if job.mode == "worker":
                time.sleep(sleep)
        return True

    def cancel_all(self):
        for task in self._tasks:
            task.job.cancel()

    def shutdown(self):
        """Stops every job at once and the worker process (when the game quits)."""
        for task in self._tasks:
            task.job.cancel()
            if isinstance(task, _WorkerTask):
                task.kill()
            task.job._finish("arrêté")
        self._tasks = []
        if self._worker is not None:
            self._worker.stop()
            self._worker = None

    # -- internals ----------------------------------------------------------

    def _get_context(self):
        if self._context is None:
            self._context = multiprocessing.get_context(self.start_method)
        return self._context

    def _get_worker(self):
        if self._worker is None or not self._worker.alive:
            if self._worker is not None:
                self._worker.poll()  # tells the jobs of a dead worker
                self._worker.stop(timeout=0.1)
            self._worker = _Worker(self._get_context())
        return self._worker

    def _worker_task(self, job, task, on_done):
        self._next_id += 1
        return _WorkerTask(job, self._get_worker(), self._next_id, task, on_done)

    def _play_slices(self, job, partie, action):
        generator = partie.jouer_en_tranches(action)
        niveau = partie.niveau

        def on_value(fraction):
            job.progress = fraction
            job._add_info(_suivi(niveau, partie.etat))

        def on_end(_result):
            job.error = partie.dernier_refus
            job.result = partie.actions[-1][1] if partie.actions else None
            job._finish(partie.dernier_refus)

        self._tasks.append(_SliceTask(job, generator, self.budget_s, on_value, on_end))

    def _play_worker(self, job, partie, action):
        from levels.base import ACTION_INDICE

        action = partie.preparer(action)  # the log's rules live in Partie
        if action is None:
            job._finish(partie.dernier_refus)
            return
        if action["type"] == ACTION_INDICE:  # nothing to compute: do it here
            partie.jouer(action)
            job.progress = 1.0
            job.result = action
            job._finish()
            return
        task = ("action", partie.niveau, copy.deepcopy(partie.etat), action)

        def on_done(payload):
            etat, faite, refus, info = payload
            job._add_info(info)
            if faite is not None:
                partie.etat = etat
                job.progress = _progress_of(faite, action)
            partie.noter(faite, refus)
            job.result = partie.actions[-1][1] if faite is not None else None
            job._finish(refus)

        self._tasks.append(self._worker_task(job, task, on_done))


# ---------------------------------------------------------------------------
# Small CPU-bound generators for tests and the perf command (picklable).


def busy_steps(steps, work=2000):
    """Yields `steps` times after a little pure-Python arithmetic; returns a checksum."""
    total = 0
    for step in range(steps):
        for i in range(work):
            total = (total + i * i) % 1_000_003
        yield step + 1
    return total


def gpt_training(etapes=300, graine=42, dataset="prenoms", batch=1, travailleurs=None):
    """The tiny GPT's real training (engine.entrainement), one yield per step.

    Used by the perf command to compare training inside the game with headless
    training; returns {"etapes", "perte"} at the end. With `batch` > 4, the names
    of a step are shared by `travailleurs` processes (engine.parallele): the same
    losses, bit for bit, even from the game's worker process.
    """
    from engine.donnees import charger_dataset
    from engine.entrainement import Entrainement
    from engine.gpt import Config

    mots = charger_dataset(dataset)
    entrainement = Entrainement(
        mots, Config(), etapes=etapes, batch=batch, graine=graine, travailleurs=travailleurs
    )
    stats = None
    for _ in range(etapes):
        stats = entrainement.pas()
        yield {"etape": stats["etape"], "perte": stats["perte"]}
    return {"etapes": entrainement.etape, "perte": stats["perte"] if stats else None}
