"""Le moteur de Tuto LLM : les maths d'un petit modèle de langage, en Python pur.

Rien ici n'importe pygame, numpy ou le reste du jeu : ce sont les fonctions que
les enfants voient « sous le capot ». Voir docs/ARCHITECTURE.md.
"""
