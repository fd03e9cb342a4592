"""The proof core: reading files without trusting them (`reader`: bounded JSON), replaying a
journal, judging it, the remarks, the replay pool. The CLI (`tuto-llm verify`, `solve`),
homework, the club board and the race host all import it from here; it imports no command."""
