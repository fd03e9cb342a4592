"""Game word lists (data/): building the first-name files and checking every dataset."""
