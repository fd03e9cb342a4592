"""The proof core: reading files without trusting them (bounded JSON), replay, verdicts."""
