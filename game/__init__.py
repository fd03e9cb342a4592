"""Le cadre pygame du jeu : boucle, scènes, widgets, sauvegardes, réglages, CLI."""

__version__ = "0.1.0"  # keep equal to pyproject.toml; run files record it
