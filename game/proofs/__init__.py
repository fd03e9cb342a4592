"""The proof core: reading a journal file, replaying it, judging it, the remarks, the
replay pool. The CLI (`tuto-llm verify`, `solve`), homework, the club board and the
race host all import it from here; it imports no command."""
