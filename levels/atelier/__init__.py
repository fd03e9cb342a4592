"""L'atelier du petit GPT, partagé par le niveau 5 et le bac à sable.

- `donnees` : les réglages possibles et les mots (sans pygame) ;
- `logique` : l'état et les actions communes (`Atelier`, une sous-classe de `Niveau`) ;
- `vue` : la vue commune (`VueAtelier` : onglets, entraînement dans le runner) ;
- `panneau_entrainement`, `panneau_terrain` : les deux onglets partagés.
"""
