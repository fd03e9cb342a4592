"""The runner: long work in slices or in a worker process, never freezing a frame."""

import time

import pytest
from test_app_support import fake_level  # noqa: F401 - fixture

from game.runner import Runner, busy_steps, gpt_training
from levels.base import Partie


def _drain(runner, job, timeout=60):
    assert runner.wait(job, timeout=timeout), "le travail n'a pas fini à temps"


@pytest.mark.parametrize("mode", ["slices", "worker"])
def test_generator_result_and_progress(mode):
    runner = Runner(mode=mode)
    job = runner.run_generator(busy_steps, 50, 500)
    _drain(runner, job)
    assert job.error is None
    assert job.result == sum(1 for _ in busy_steps(0)) or isinstance(job.result, int)
    expected = None
    gen = busy_steps(50, 500)
    try:
        while True:
            next(gen)
    except StopIteration as end:
        expected = end.value
    assert job.result == expected
    assert job.infos, "des nouvelles doivent arriver pendant le travail"


def test_slices_respect_the_frame_budget():
    runner = Runner(mode="slices", budget_ms=4)
    job = runner.run_generator(busy_steps, 100_000, 300)
    worst = 0.0
    for _ in range(20):  # CPU time of this thread: a busy machine's other programs do not count
        start = time.thread_time()
        runner.tick()
        worst = max(worst, time.thread_time() - start)
    job.cancel()
    runner.tick()
    assert job.done and job.cancelled
    assert worst < 0.030, f"une tranche a pris {worst * 1000:.1f} ms"


def test_worker_can_be_cancelled():
    runner = Runner(mode="worker")
    job = runner.run_generator(busy_steps, 10_000_000, 300)
    time.sleep(0.3)
    runner.tick()
    job.cancel()
    _drain(runner, job, timeout=30)
    assert job.done and job.error is None
    assert not runner.busy


def _boom(n):
    yield 1
    raise ValueError("cassé")


def test_worker_crash_is_reported_not_raised():
    runner = Runner(mode="worker")
    job = runner.run_generator(_boom, 1)
    _drain(runner, job)
    assert job.error and "erreur du jeu" in job.error  # French; "cassé" went to the log
    assert "ValueError" not in job.error


@pytest.mark.parametrize("mode", ["slices", "worker"])
def test_level_action_replaces_state_and_records_action(fake_level, mode):  # noqa: F811
    runner = Runner(mode=mode)
    partie = Partie(fake_level, 1)
    job = runner.play(partie, {"type": "entrainer", "etapes": 30})
    _drain(runner, job)
    assert job.error is None
    assert partie.etat.valeur == 30 and partie.etat.pas == 30
    assert partie.actions[-1][1] == {"type": "entrainer", "etapes": 30}
    assert job.progress == 1.0
    assert job.infos and job.infos[-1] == {"valeur": 30}


@pytest.mark.parametrize("mode", ["slices", "worker"])
def test_cancelled_action_records_what_was_done(fake_level, mode):  # noqa: F811
    runner = Runner(mode=mode, budget_ms=2)
    partie = Partie(fake_level, 1)
    job = runner.play(partie, {"type": "entrainer", "etapes": 50_000})
    deadline = time.perf_counter() + 30
    while job.progress == 0.0 and time.perf_counter() < deadline:
        runner.tick()
        time.sleep(0.01)
    job.cancel()
    _drain(runner, job)
    done = partie.actions[-1][1]["etapes"]
    assert 0 < done < 50_000
    assert partie.etat.pas == done  # state consistent with the recorded action


@pytest.mark.parametrize("mode", ["slices", "worker"])
def test_refused_action_is_reported(fake_level, mode):  # noqa: F811
    runner = Runner(mode=mode)
    partie = Partie(fake_level, 1)
    job = runner.play(partie, {"type": "voler"})
    _drain(runner, job)
    assert job.error and partie.dernier_refus
    assert partie.actions == []


def test_worker_is_reused_and_survives_being_killed():
    runner = Runner(mode="worker")
    try:
        first = runner.run_generator(busy_steps, 3, 10)
        _drain(runner, first)
        process = runner._worker.process
        second = runner.run_generator(busy_steps, 3, 10)
        _drain(runner, second)
        assert runner._worker.process is process  # one process for every job
        job = runner.run_generator(busy_steps, 10_000_000, 300)
        time.sleep(0.2)
        process.kill()
        _drain(runner, job, timeout=30)
        assert job.error  # the job says it stopped
        again = runner.run_generator(busy_steps, 3, 10)
        _drain(runner, again)
        assert again.error is None and again.result is not None
    finally:
        runner.shutdown()
    assert runner._worker is None


def test_worker_trains_on_several_cores_with_the_same_result():
    """The game's worker process shares a batch with training helpers: same losses."""
    runner = Runner(mode="worker")
    try:
        job = runner.run_generator(gpt_training, 3, 42, "prenoms", 8, 2)
        _drain(runner, job)
    finally:
        runner.shutdown()
    assert job.error is None
    local = gpt_training(3, 42, "prenoms", 8, 1)
    pertes = [info["perte"] for info in local]
    assert job.result == {"etapes": 3, "perte": pertes[-1]}
