"""Homework: a teacher makes a code, pupils play the levels with personal seeds and hand
in a file, the teacher checks the class. `homework/` is the pygame-free core, `teacher/`
the teacher's screens and pictures, `pupil` the pupil's screens, `policy` the `Devoir`
way to play, `command` `tuto-llm devoir`, `demo` the screenshots."""

COMMANDS = ["game.modes.devoir.command"]
SCENES = {
    "homework_code": "game.modes.devoir.pupil:CodeEntryScene",
    "homework": "game.modes.devoir.pupil:HomeworkPanel",
    "teacher": "game.modes.devoir.teacher.scenes:TeacherSpace",
    "teacher_new": "game.modes.devoir.teacher.scenes:NewHomeworkScene",
    "teacher_created": "game.modes.devoir.teacher.scenes:HomeworkCreatedScene",
    "teacher_check": "game.modes.devoir.teacher.correction:CheckScene",
    "teacher_grid": "game.modes.devoir.teacher.grid:GridScene",
    "teacher_picture": "game.modes.devoir.teacher.picture:PicturePreview",
}
DEMO = "game.modes.devoir.demo"
