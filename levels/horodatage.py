"""Les temps d'un journal : écrits par l'ordinateur du joueur, donc seulement « déclarés ».

Le rejeu prouve le résultat et les coûts sans matériel (actions, pas d'entraînement) ;
il ne peut pas prouver les temps : n'importe qui peut les écrire à la main. Ce module
signale, en français et simplement, les temps qu'aucune personne ne produit en jouant
(tout à 0 ms, des clics trop rapprochés, un métronome parfait comme celui du solveur).
"""

OUTIL_SOLVEUR = "solveur"  # la marque (clé « outil ») des journaux écrits par le solveur
ECART_HUMAIN_MS = 80  # deux clics plus proches que ça : aucune main
PART_RAPIDE_MAX = 0.5  # plus de la moitié des écarts trop courts : ce n'est pas une main
ECARTS_REGULIERS_MIN = 5  # au moins 6 actions à intervalles exactement égaux : une machine


def remarques_temps(temps, outil=None):
    """Ce qui est louche dans les temps d'un journal (phrases en français, sans point).

    Les temps sont écrits par l'ordinateur du joueur : ils sont « déclarés », jamais
    « vérifiés ». Ce qui est signalé ici, aucune personne ne le produit en jouant.
    """
    remarques = []
    if outil == OUTIL_SOLVEUR:
        remarques.append(
            "partie jouée par le solveur (un outil des développeurs), pas par un enfant"
        )
    if any(b < a for a, b in zip(temps, temps[1:], strict=False)):
        numero = next(i for i in range(1, len(temps)) if temps[i] < temps[i - 1]) + 1
        remarques.append(f"les temps ne sont pas dans l'ordre (action n° {numero})")
        return remarques
    ecarts = [b - a for a, b in zip(temps, temps[1:], strict=False)]
    rapides = sum(1 for e in ecarts if e < ECART_HUMAIN_MS)
    if len(temps) >= 2 and not any(temps):
        remarques.append(
            "toutes les actions sont notées à 0 ms : ces temps ne viennent pas d'un vrai jeu"
        )
    elif len(ecarts) >= 4 and rapides > PART_RAPIDE_MAX * len(ecarts):
        remarques.append(
            f"{rapides} actions sur {len(ecarts) + 1} suivent la précédente de moins de "
            f"{ECART_HUMAIN_MS} ms : personne ne clique aussi vite"
        )
    elif len(ecarts) >= ECARTS_REGULIERS_MIN and len(set(ecarts)) == 1:
        remarques.append(
            f"les actions sont toutes espacées d'exactement {ecarts[0]} ms : "
            "aucune personne ne joue aussi régulièrement (un programme, sans doute)"
        )
    return remarques
