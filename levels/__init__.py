"""Les niveaux : un paquet par niveau (logic.py sans pygame, view.py, textes)."""
