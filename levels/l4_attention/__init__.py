"""Niveau 4 : l'attention (la salle de classe)."""
