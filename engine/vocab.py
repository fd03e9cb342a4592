"""Le vocabulaire : la liste des caractères (les « jetons ») que le modèle connaît.

Le jeton « . » marque à la fois le début et la fin d'un mot, comme dans microgpt.
"""

FIN = "."
LETTRES = "abcdefghijklmnopqrstuvwxyz"

# Les 27 jetons du vocabulaire standard : « . » puis a à z.
VOCAB = [FIN, *LETTRES]
char_to_id = {c: i for i, c in enumerate(VOCAB)}
id_to_char = dict(enumerate(VOCAB))


class Vocabulaire:
    """Un vocabulaire : « . » (numéro 0) puis les caractères, dans l'ordre."""

    def __init__(self, caracteres):
        autres = sorted(set(caracteres) - {FIN})
        self.jetons = [FIN, *autres]
        self.char_to_id = {c: i for i, c in enumerate(self.jetons)}
        self.id_to_char = dict(enumerate(self.jetons))

    def __len__(self):
        return len(self.jetons)

    def __contains__(self, caractere):
        return caractere in self.char_to_id

    def __eq__(self, autre):
        return isinstance(autre, Vocabulaire) and self.jetons == autre.jetons

    def __hash__(self):
        return hash(tuple(self.jetons))

    def __repr__(self):
        return f"Vocabulaire({''.join(self.jetons[1:])!r})"

    def encoder(self, mot):
        """Transforme un mot en liste de numéros de jetons."""
        return [self.char_to_id[c] for c in mot]

    def decoder(self, numeros):
        """Transforme une liste de numéros en texte."""
        return "".join(self.id_to_char[i] for i in numeros)


VOCAB_STANDARD = Vocabulaire(LETTRES)


def vocab_depuis_mots(mots):
    """Construit le vocabulaire de tous les caractères présents dans `mots`."""
    return Vocabulaire({c for mot in mots for c in mot})
