"""Speedruns and the club board: `speedrun/` is the pygame-free core (categories, seeds,
timer, run files, verification, records, the club's database), `policy` the `Speedrun`
way to play, `menu`/`end`/`club`/`seed_pictures` the screens, `command` (`tuto-llm
course`) and `club_command` (`tuto-llm club`), `demo` the screenshots."""

COMMANDS = ["game.modes.course.command", "game.modes.course.club_command"]
SCENES = {
    "course_menu": "game.modes.course.menu:CourseMenuScene",
    "course_end": "game.modes.course.end:CourseEndScene",
    "club_board": "game.modes.course.club:ClubBoardScene",
    "club_projector": "game.modes.course.club:ClubProjectorScene",
}
DEMO = "game.modes.course.demo"
