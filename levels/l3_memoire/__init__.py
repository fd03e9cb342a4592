"""Niveau 3 : « La mémoire du modèle » (plongements)."""
