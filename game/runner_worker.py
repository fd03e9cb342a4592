"""Runner tasks: slices in the game's process, and the spawn-safe worker process (no pygame)."""

import contextlib
import logging
import pickle
import queue as queue_module
import time

REPORT_EVERY_S = 0.03  # a worker reports progress at most ~30 times a second
CRASH_MESSAGE = (
    "Le calcul s'est arrêté à cause d'une erreur du jeu. Ton travail d'avant est gardé : "
    "réessaie, ou recommence le niveau."
)
log = logging.getLogger(__name__)


def _suivi(niveau, etat):
    fonction = getattr(niveau, "suivi", None)
    if fonction is None:
        return None
    try:
        return fonction(etat)
    except Exception:  # noqa: BLE001 - a live-curve helper must never stop training
        return None


def _progress_of(faite, demandee):
    from levels.base import avancement

    try:
        return avancement(faite, demandee)
    except Exception:  # noqa: BLE001
        return 0.0


# ---------------------------------------------------------------------------
# Worker process side (module-level functions: picklable under 'spawn')

CANCEL_SLOTS = 64  # cancel flags, one per job id modulo this


def _worker_loop(tasks, out, flags):
    """The worker process: runs the tasks it receives, one after the other.

    A task is (job id, pickled task, the parent's `levels.__path__`); messages sent on
    `out` are ("progress", id, fraction, info), ("done", id, payload), ("error", id, text).
    The task arrives pickled, so an unpickling problem is reported like any other.
    """
    import os
    import queue

    parent = os.getppid()
    while True:
        try:
            item = tasks.get(timeout=1.0)
        except queue.Empty:
            if os.getppid() != parent:  # the game is gone: do not linger
                return
            continue
        if item is None:
            return
        job_id, payload, level_paths = item

        def send(kind, *data, job_id=job_id):
            out.put((kind, job_id, *data))

        def stopped(job_id=job_id):
            return flags[job_id % CANCEL_SLOTS] == 1

        try:
            if level_paths:
                import levels

                for path in level_paths:
                    if path not in levels.__path__:
                        levels.__path__.append(path)
            task = pickle.loads(payload)
            if task[0] == "action":
                _, niveau, etat, action = task
                _worker_action(niveau, etat, action, send, stopped)
            else:
                _, function, args = task
                _worker_generator(function, args, send, stopped)
        except BaseException as error:  # noqa: BLE001 - report everything to the game
            log.error("travail du jeu arrêté : %r", error, exc_info=error)
            send("error", CRASH_MESSAGE)  # French for the kid; the Python text is in the log
            if isinstance(error, KeyboardInterrupt | SystemExit):
                return


def _worker_action(niveau, etat, action, send, stopped):
    from levels.base import ActionRefusee

    faite = None
    last = 0.0
    refus = None
    morceaux = niveau.appliquer_en_tranches(etat, action)
    try:
        for faite in morceaux:
            now = time.perf_counter()
            if now - last >= REPORT_EVERY_S:
                last = now
                send("progress", _progress_of(faite, action), _suivi(niveau, etat))
            if stopped():
                break
    except ActionRefusee as error:
        refus = str(error)
    finally:
        morceaux.close()  # the level's own clean-up (finally) runs now
    send("done", (etat, faite, refus, _suivi(niveau, etat)))


def _worker_generator(function, args, send, stopped):
    generator = function(*args)
    last = 0.0
    result = None
    try:
        while True:
            value = next(generator)
            now = time.perf_counter()
            if now - last >= REPORT_EVERY_S:
                last = now
                send("progress", None, value)
            if stopped():
                generator.close()
                break
    except StopIteration as end:
        result = end.value
    send("done", result)


# ---------------------------------------------------------------------------
# Game side


def _level_paths():
    import sys

    levels = sys.modules.get("levels")
    return [str(path) for path in getattr(levels, "__path__", [])]


class _SliceTask:
    def __init__(self, job, generator, budget_s, on_value, on_end):
        self.job = job
        self.generator = generator
        self.budget_s = budget_s
        self.on_value = on_value
        self.on_end = on_end

    def tick(self):
        job = self.job
        if job.cancelled:
            self.generator.close()
            self.on_end(None)
            return
        deadline = time.perf_counter() + self.budget_s
        try:
            while True:
                value = next(self.generator)
                job.steps += 1
                self.on_value(value)
                if job.cancelled or time.perf_counter() >= deadline:
                    break
        except StopIteration as end:
            self.on_end(end.value)
            return
        except Exception as error:  # noqa: BLE001 - a crash in the work ends the job only
            log.error("travail du jeu arrêté : %r", error, exc_info=error)
            job._finish(CRASH_MESSAGE)
            return
        if job.cancelled:
            self.generator.close()
            self.on_end(None)


class _WorkerTask:
    """One job sent to the worker process; its messages arrive through `_Worker.poll`."""

    def __init__(self, job, worker, job_id, task, on_done):
        self.job = job
        self.worker = worker
        self.job_id = job_id
        self.on_done = on_done
        self.cancel_sent = False
        worker.submit(job_id, task, self)

    def tick(self):
        if self.job.cancelled and not self.cancel_sent:
            self.worker.cancel(self.job_id)
            self.cancel_sent = True

    def message(self, kind, data):
        job = self.job
        if kind == "progress":
            fraction, info = data
            job.steps += 1
            if fraction is not None:
                job.progress = fraction
            job._add_info(info)
        elif kind == "done":
            self.on_done(data[0])
        else:
            job._finish(data[0])

    def kill(self):
        self.worker.cancel(self.job_id)


class _Worker:
    """The worker process (started once, reused by every job)."""

    def __init__(self, context):
        self.tasks = context.Queue()
        self.out = context.Queue()
        self.flags = context.RawArray("b", CANCEL_SLOTS)
        self.process = context.Process(
            target=_worker_loop, args=(self.tasks, self.out, self.flags), daemon=True
        )
        self.process.start()
        self.pending = {}  # job id → _WorkerTask

    @property
    def alive(self):
        return self.process.is_alive()

    def submit(self, job_id, task, owner):
        self.flags[job_id % CANCEL_SLOTS] = 0
        payload = pickle.dumps(task, protocol=pickle.HIGHEST_PROTOCOL)
        self.pending[job_id] = owner
        self.tasks.put((job_id, payload, _level_paths()))

    def cancel(self, job_id):
        self.flags[job_id % CANCEL_SLOTS] = 1

    def poll(self):
        while True:
            try:
                message = self.out.get_nowait()
            except queue_module.Empty:
                break
            except (EOFError, OSError, ValueError):
                break
            kind, job_id, *data = message
            owner = self.pending.get(job_id)
            if owner is None:
                continue
            if kind != "progress":
                del self.pending[job_id]
            owner.message(kind, data)
        if self.pending and not self.alive:
            for owner in list(self.pending.values()):
                owner.job._finish("le calcul s'est arrêté sans prévenir")
            self.pending.clear()

    def stop(self, timeout=1.0):
        with contextlib.suppress(OSError, ValueError):
            self.tasks.put(None)
        self.process.join(timeout=timeout)
        if self.process.is_alive():
            self.process.terminate()
            self.process.join(timeout=1.0)
        for channel in (self.tasks, self.out):
            channel.close()
            channel.cancel_join_thread()
