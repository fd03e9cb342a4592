"""Les textes et les nombres de l'atelier, pour la vue et ses deux panneaux."""

TEXTES = "l5_gpt.atelier."


def texte(ctx, cle, **kw):
    """Un texte de la table [atelier] (le traducteur y met les espaces insécables du français)."""
    return ctx.t(TEXTES + cle, **kw)


def nombre(ctx, valeur, decimales=0):
    """Un nombre écrit dans la langue du jeu."""
    return ctx.t.number(valeur, decimales)
