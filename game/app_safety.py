"""The app's safety net: a crash in a scene is logged, progress saved, the game recovers."""

from __future__ import annotations

import contextlib
import datetime
import logging
import traceback

log = logging.getLogger("game.app")  # the same log as before the split

ERROR_LOG = "erreurs.log"


class SafetyNet:
    """Mixed into `App`: `safely` calls a scene method and recovers from its crash."""

    def safely(self, scene, function, *args):
        """Call a scene method; a crash is logged and the game recovers."""
        try:
            return function(*args)
        except Exception as error:  # noqa: BLE001 - the whole point
            self._crash(scene, error)
            return None

    def _crash(self, scene, error):
        """The safety net: never raises, whatever is broken (even the save itself)."""
        try:
            self._handle_crash(scene, error)
        except Exception:  # noqa: BLE001
            log.exception("le filet de sécurité a lui-même échoué")
            with contextlib.suppress(Exception):
                self.scenes.stack = []
                self.push("fallback")

    def _handle_crash(self, scene, error):
        self.crashes += 1
        text = traceback.format_exc()
        name = getattr(scene, "name", type(scene).__name__)
        self.last_crash = (name, text)
        log.error("la scène %s a planté : %r", name, error)
        self._write_crash_log(name, text)
        with contextlib.suppress(Exception):
            self.runner.cancel_all()
        try:
            self.save_profile()
        except Exception:  # noqa: BLE001 - the profile itself may be what broke
            log.exception("sauvegarde impossible après la panne")
        try:
            if name in ("error", "fallback", "map") or self.crashes > 50:
                # The safe places themselves are broken: the plainest screen there is.
                self.scenes.clear()
                self.push("fallback")
                return
            self.go_to_map()
            self.push("error")
            self.play("error")
        except Exception:  # noqa: BLE001
            log.exception("retour à la carte impossible")
            self.scenes.stack = []
            self.push("fallback")

    def _write_crash_log(self, name, text):
        try:
            from game.storage import home_dir

            folder = home_dir()
            folder.mkdir(parents=True, exist_ok=True)
            stamp = datetime.datetime.now().isoformat(timespec="seconds")
            with open(folder / ERROR_LOG, "a", encoding="utf-8") as handle:
                handle.write(f"--- {stamp} scène {name}\n{text}\n")
        except OSError:
            log.exception("journal d'erreurs impossible à écrire")
