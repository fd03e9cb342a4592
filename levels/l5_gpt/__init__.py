"""Niveau 5 : mon premier LLM (le GPT entier, entraîné sur des prénoms)."""
