"""Le cadre pygame du jeu : boucle, scènes, widgets, sauvegardes, réglages, CLI."""
