"""Niveau 1 : « Devine la suite » (probabilités, bigrammes)."""
