"""Homework (« devoirs »): the teacher's code, personal seeds, the pupil's hand-in file,
the checker, the class list, the report and the certificates.

Pure Python (no pygame): the CLI (`tuto-llm devoir …`) and the game's teacher space
both use it. Modules:

- `code`: the homework code (`Devoir`, `encode`, `decode` → `ErreurCode` in French);
- `seeds`: the personal seed of a pupil (`normalise_name`, `personal_seed`);
- `handin`: the hand-in file `devoir-CODE-Prenom.tuto` (`build`, `write`, `read`);
- `classlist`: the class list as schools export it (`parse_class_list`,
  `read_class_list_file`), its columns found by their headers;
- `listfile`: a list file as rows (CSV/text in any encoding, .xlsx, .ods; refusals);
- `check`: checking a folder of hand-ins (`check_files`) → a `Grille`;
- `rows`: whose is each file, one row per pupil of the list (renamed files, twins);
- `report`: `rapport.csv` for French Excel, the printed grid, what the class understood;
- `certificate`: the short verification code of a certificate; `backup`: the teacher's
  backup (with the certificate key) and its import;
- `french`: plurals, elisions, dates in words, no exception text for a teacher.
"""
