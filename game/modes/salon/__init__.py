"""The race room on the local network: `race/` is the pygame-free core (protocol, host,
client, room, store, discovery), `policy` the `SalonPolicy` way to play, `menu` (room
list, runner), `board` (host lobby, countdown, projector), `draw`, `demo` the screenshots.
Its developer tool `tuto-llm course salon-simuler` is `race/command.py`."""

COMMANDS = []
SCENES = {
    "race_menu": "game.modes.salon.menu:RaceMenuScene",
    "race_host": "game.modes.salon.board:RaceHostScene",
    "race_runner": "game.modes.salon.menu:RaceRunnerScene",
}
DEMO = "game.modes.salon.demo"
