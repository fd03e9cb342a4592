"""Homework (« devoirs »): the teacher's code, personal seeds, the pupil's hand-in file,
the checker, the class list, the report and the certificates.

Pure Python (no pygame): the CLI (`tuto-llm devoir …`) and the game's teacher space
both use it. Modules:

- `code`: the homework code (`Devoir`, `encode`, `decode` → `ErreurCode` in French);
- `seeds`: the personal seed of a pupil (`normalise_name`, `personal_seed`);
- `handin`: the hand-in file `devoir-CODE-Prenom.tuto` (`build`, `write`, `read`);
- `classlist`: the class list as schools export it (`parse_class_list`);
- `check`: checking a folder of hand-ins (`check_files`) → a `Grille`;
- `report`: `rapport.csv` for French Excel and the printed grid;
- `certificate`: the short verification code of a certificate.
"""
