"""L'atelier du petit GPT : réglages, entraînement par tranches, génération, favoris.

Le niveau 5 et le bac à sable partagent tout ce qui est ici : les mêmes actions,
le même entraînement (`engine.entrainement.Entrainement`), la même perte de
validation, le même terrain de jeu pour inventer des mots.

Actions communes :

- {"type": "regler", "parametre": "n_embd"|"n_head"|"lr"|"batch"|"etapes", "valeur": …}
  (la taille du modèle ne se change plus une fois l'entraînement commencé ;
  la durée prévue « etapes » peut toujours être allongée) ;
- {"type": "entrainer", "etapes": n} : n pas d'entraînement, joués par tranches ;
  arrêté en route, il équivaut à {"type": "entrainer", "etapes": k} (k pas faits) ;
- {"type": "recommencer"} : on jette le modèle et on repart de poids tout neufs ;
- {"type": "generer", "temperature": t, "prefixe": "ma", "n": 8} ;
- {"type": "garder", "nom": "…"} / {"type": "oublier", "nom": "…"} : les favoris.

La perte de validation est calculée par le moteur à la fin de chaque
entraînement, sur un petit morceau fixe de mots jamais montrés au modèle
(`N_VALIDATION` mots) : moins d'une seconde, et le même à chaque rejeu.
"""

import math

from engine.donnees import ErreurDonnees, garder_accents, nettoyer_mot
from engine.entrainement import (
    Entrainement,
    Explosion,
    diagnostic_divergence,
    perte_validation,
)
from engine.generation import generer
from engine.gpt import Config, nombre_parametres
from engine.vocab import VOCAB_STANDARD
from levels.atelier.donnees import (  # noqa: F401 - le niveau 5 et le bac à sable les lisent ici
    _DONNEES,
    CHOIX,
    ETAPES_MAX,
    ETAPES_MIN,
    FAVORIS_MAX,
    N_GENERES_MAX,
    N_VALIDATION,
    PARAMETRES,
    PAS_APERCU,
    PREFIXE_MAX,
    REGLAGES_DEPART,
    TAILLE_MODELE,
    TAILLE_MORCEAU_VALIDATION,
    TEMPERATURE_APERCU,
    TEMPERATURE_MAX,
    TEMPERATURE_MIN,
    Donnees,
    donnees_dataset,
    preparer_donnees,
)
from levels.atelier.etat import ESSAIS_MAX, EtatAtelier  # noqa: F401 - lus ici aussi
from levels.atelier.outils import (  # noqa: F401 - lus ici par les vues et les tests
    ECART_PAR_COEUR,
    appris_par_coeur,
    modele_en_dict,
    moyenne_recente,
    synchroniser,
)
from levels.base import (
    ActionRefusee,
    Niveau,
    lire_choix,
    lire_entier,
    lire_nombre,
    longue,
)


class Atelier(Niveau):
    """Ce que le niveau 5 et le bac à sable ont en commun."""

    # -- données et modèle ---------------------------------------------------

    def donnees(self, etat):
        if etat.source == "perso":
            cle = ("perso", tuple(etat.mots_perso))
            if cle not in _DONNEES:
                if len(_DONNEES) > 16:
                    for vieille in [c for c in _DONNEES if isinstance(c, tuple)]:
                        del _DONNEES[vieille]
                _DONNEES[cle] = preparer_donnees(etat.nom_perso or "ma liste", etat.mots_perso)
            return _DONNEES[cle]
        return donnees_dataset(etat.source)

    def config(self, etat):
        r = etat.reglages
        return Config(
            n_embd=r["n_embd"],
            n_head=r["n_head"],
            vocab_size=len(self.donnees(etat).vocab),
        )

    def nombre_parametres(self, etat):
        return nombre_parametres(self.config(etat))

    def graine_modele(self, etat):
        return etat.graine + etat.recommencements

    def entrainement(self, etat):
        """L'objet `Entrainement` du modèle en cours (créé ou reconstruit à partir de l'état)."""
        cache = etat._cache
        if cache is not None and cache.poids is etat.poids and cache.etape == etat.etape:
            return cache
        donnees = self.donnees(etat)
        r = etat.reglages
        e = Entrainement(
            donnees.train,
            self.config(etat),
            lr=r["lr"],
            etapes=r["etapes"],
            batch=r["batch"],
            graine=self.graine_modele(etat),
            vocab=donnees.vocab,
            poids=etat.poids,
        )
        if etat.poids is None:  # un modèle tout neuf
            etat.poids = e.poids
        else:
            e.adam.restaurer({"etape": etat.etape, "m": etat.adam_m, "v": etat.adam_v})
            e.pertes = etat.pertes
        synchroniser(etat, e)
        etat._cache = e
        return e

    def a_un_modele(self, etat):
        return etat.poids is not None

    def jeter_modele(self, etat):
        etat.poids = etat.adam_m = etat.adam_v = None
        etat.etape = 0
        etat.pertes = []
        etat.perte_val = None
        etat.points_val = []
        etat.explose = None
        etat.noms = []
        etat._cache = None
        etat._apercu = None

    # -- actions ---------------------------------------------------------------

    def peut_entrainer(self, etat):
        """None si on peut entraîner, sinon la raison (en français)."""
        return None

    def _regler(self, etat, action):
        parametre = lire_choix(action, "parametre", PARAMETRES)
        if parametre == "etapes":
            minimum = max(ETAPES_MIN, etat.etape + 1) if self.a_un_modele(etat) else ETAPES_MIN
            valeur = lire_entier(action, "valeur", minimum, ETAPES_MAX)
        else:
            if self.a_un_modele(etat):
                raise ActionRefusee(
                    "Ton modèle a déjà commencé à apprendre : pour changer ce réglage, "
                    "clique sur « Recommencer » (il repartira de zéro)."
                )
            valeur = lire_choix(action, "valeur", CHOIX[parametre])
        if valeur == etat.reglages[parametre]:
            raise ActionRefusee("C'est déjà réglé comme ça.")
        nouveaux = dict(etat.reglages, **{parametre: valeur})
        if nouveaux["n_embd"] % nouveaux["n_head"]:
            raise ActionRefusee(
                f"La largeur {nouveaux['n_embd']} ne se partage pas en {nouveaux['n_head']} "
                "têtes égales : choisis un autre nombre de têtes."
            )
        etat.reglages = nouveaux
        if parametre == "etapes" and etat._cache is not None:
            etat._cache.adam.etapes = (
                valeur  # le pas d'apprentissage baissera jusqu'à la nouvelle fin
            )

    def _recommencer(self, etat, action):
        if not self.a_un_modele(etat):
            raise ActionRefusee("Il n'y a pas encore de modèle à recommencer.")
        etat.essais.append(
            {
                **{cle: etat.reglages[cle] for cle in ("lr", "batch", "n_embd", "n_head")},
                "etapes": etat.etape,
                "perte_val": etat.perte_val,
                "explose": etat.explose is not None,
            }
        )
        del etat.essais[:-ESSAIS_MAX]
        self.jeter_modele(etat)
        etat.recommencements += 1

    def lire_entrainer(self, etat, action):
        raison = self.peut_entrainer(etat)
        if raison:
            raise ActionRefusee(raison)
        if etat.explose is not None:
            raise ActionRefusee(
                "Ton modèle a explosé : la vitesse était trop grande. Clique sur "
                "« Recommencer » et choisis une vitesse plus petite."
            )
        restantes = etat.reglages["etapes"] - etat.etape
        if restantes <= 0:
            raise ActionRefusee(
                f"Les {etat.reglages['etapes']} étapes prévues sont faites. Allonge la durée "
                "de l'entraînement, ou recommence avec d'autres réglages."
            )
        return lire_entier(action, "etapes", 1, restantes)

    def _entrainer(self, etat, action):
        """L'entraînement, un pas à la fois, puis la validation par petits morceaux.

        S'il explose (`diagnostic_divergence`), il s'arrête là : `etat.explose` dit pourquoi
        (l'écran dit « Trop vite ! »), et rejouer la même action s'arrête au même pas. Une
        perte infinie (`Explosion`) refuse la suite de l'action, comme avant : les pas déjà
        faits restent (l'action notée est celle de ces pas-là)."""
        n = self.lire_entrainer(etat, action)
        e = self.entrainement(etat)
        e.adam.etapes = etat.reglages["etapes"]
        batch = etat.reglages["batch"]
        taille_vocab = len(self.donnees(etat).vocab)
        faites = 0
        validation = self._validation(etat)
        try:
            for _ in range(n):
                try:
                    e.pas()
                except Explosion as explosion:  # une perte infinie : le pas n'est pas fait
                    raise ActionRefusee(str(explosion)) from None
                synchroniser(etat, e)
                etat.etapes_totales += 1
                etat.mots_vus += batch
                faites += 1
                etat.explose = diagnostic_divergence(etat.pertes, taille_vocab)
                yield {"type": "entrainer", "etapes": faites}
                if etat.explose is not None:
                    break
            for _ in validation:  # la validation aussi, par petits morceaux
                yield {"type": "entrainer", "etapes": faites}
        finally:
            if faites:
                for _ in validation:  # arrêté en route : on finit la validation d'un coup
                    pass

    def _validation(self, etat):
        """Générateur : la perte de validation, morceau par morceau ; la note à la fin."""
        donnees = self.donnees(etat)
        config = self.config(etat)
        mots = donnees.validation
        total, positions = 0.0, 0
        for debut in range(0, len(mots), TAILLE_MORCEAU_VALIDATION):
            morceau = mots[debut : debut + TAILLE_MORCEAU_VALIDATION]
            n = sum(min(config.block_size, len(mot) + 1) for mot in morceau)
            total += perte_validation(etat.poids, config, morceau, donnees.vocab) * n
            positions += n
            yield
        etat.perte_val = total / positions
        etat.points_val.append([etat.etape, etat.perte_val])
        if etat.explose is None:
            etat.explose = diagnostic_divergence(etat.pertes, len(donnees.vocab), etat.perte_val)

    def _generer(self, etat, action):
        if not self.a_un_modele(etat):
            raise ActionRefusee("Entraîne d'abord ton modèle, même un tout petit peu.")
        temperature = lire_nombre(action, "temperature", TEMPERATURE_MIN, TEMPERATURE_MAX)
        n = lire_entier(action, "n", 1, N_GENERES_MAX)
        prefixe = action.get("prefixe", "")
        if not isinstance(prefixe, str) or len(prefixe) > PREFIXE_MAX:
            raise ActionRefusee(
                f"Le début doit être un petit texte ({PREFIXE_MAX} lettres au plus)."
            )
        donnees = self.donnees(etat)
        prefixe = garder_accents(prefixe) if donnees.accents else nettoyer_mot(prefixe)
        try:
            noms = generer(
                etat.poids,
                self.config(etat),
                donnees.vocab,
                n=n,
                temperature=temperature,
                prefixe=prefixe,
                graine=etat.graine * 100_003 + etat.generations,
            )
        except ErreurDonnees as erreur:
            raise ActionRefusee(str(erreur)) from None
        etat.generations += 1
        etat.noms = noms
        for nom in noms:
            if nom and nom not in etat.deja_generes:
                etat.deja_generes.append(nom)

    def _garder(self, etat, action):
        nom = action.get("nom")
        if not isinstance(nom, str) or nom not in etat.deja_generes:
            raise ActionRefusee("On ne peut garder qu'un mot que ton modèle a inventé.")
        if nom in etat.favoris:
            raise ActionRefusee(f"« {nom} » est déjà dans tes favoris.")
        if len(etat.favoris) >= FAVORIS_MAX:
            raise ActionRefusee(f"Tu as déjà {FAVORIS_MAX} favoris : enlèves-en un d'abord.")
        etat.favoris.append(nom)

    def _oublier(self, etat, action):
        nom = action.get("nom")
        if not isinstance(nom, str) or nom not in etat.favoris:
            raise ActionRefusee("Ce mot n'est pas dans tes favoris.")
        etat.favoris.remove(nom)

    actions = {
        "regler": _regler,
        "entrainer": longue(_entrainer),
        "recommencer": _recommencer,
        "generer": _generer,
        "garder": _garder,
        "oublier": _oublier,
    }

    # -- ce que la vue et le jeu lisent -------------------------------------------

    def barre(self, etat):
        """La barre fixe à passer (dessinée sur la courbe), ou None."""
        return None

    def ligne_enfant(self, etat):
        """La ligne à battre posée par l'enfant (sa perte du niveau 1), ou None."""
        return None

    def suivi(self, etat):
        """Les petits chiffres envoyés pendant l'entraînement (courbe en direct, aperçu)."""
        info = {
            "etape": etat.etape,
            "etapes": etat.reglages["etapes"],
            "perte": etat.pertes[-1] if etat.pertes else None,
            "perte_moyenne": moyenne_recente(etat.pertes),
        }
        if self.a_un_modele(etat) and etat.etape:
            apercu = etat._apercu
            if apercu is None or etat.etape - apercu[0] >= PAS_APERCU or etat.etape < apercu[0]:
                apercu = (etat.etape, self.apercu(etat))
                etat._apercu = apercu
            info["noms"] = apercu[1]
            info["noms_etape"] = apercu[0]
        return info

    def apercu(self, etat, n=4):
        """Quelques mots inventés par le modèle tel qu'il est (pour regarder, pas noté)."""
        donnees = self.donnees(etat)
        return generer(
            etat.poids,
            self.config(etat),
            donnees.vocab,
            n=n,
            temperature=TEMPERATURE_APERCU,
            graine=etat.etape,
        )

    def modele(self, etat):
        """(poids, config, vocab) du modèle en cours, pour le garder dans le profil."""
        if not self.a_un_modele(etat):
            return None
        return etat.poids, self.config(etat), self.donnees(etat).vocab

    def modele_en_dict(self, etat, infos=None):
        """Le modèle en cours, au format des fichiers de `engine.sauvegarde` (None sans modèle)."""
        return modele_en_dict(self, etat, infos)

    def mesures_atelier(self, etat):
        donnees = self.donnees(etat)
        vocab = len(donnees.vocab)
        return {
            "perte_validation": etat.perte_val if etat.perte_val is not None else math.log(vocab),
            "perte_bigramme": donnees.perte_bigramme,
            "etapes": etat.etape,
            "etapes_totales": etat.etapes_totales,
            "mots_vus": etat.mots_vus,
            "parametres": self.nombre_parametres(etat),
            "mots_donnees": donnees.nombre_mots,
            "favoris": len(etat.favoris),
            "actions": etat.actions,
        }


__all__ = [
    "CHOIX",
    "N_VALIDATION",
    "REGLAGES_DEPART",
    "Atelier",
    "Donnees",
    "EtatAtelier",
    "VOCAB_STANDARD",
    "donnees_dataset",
    "preparer_donnees",
]
