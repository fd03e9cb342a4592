"""Le bac à sable : entraîner le petit GPT sur d'autres listes de mots."""
