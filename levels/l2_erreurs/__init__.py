"""Niveau 2 : « Apprends de tes erreurs » (perte, gradient, vitesse d'apprentissage)."""
