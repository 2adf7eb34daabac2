"""A learned second opinion on the grammar's links: a linear model over hashed character n-grams of a figure's
clause, trained on the tuned real-narrative pages and synthetic narrative sentences (`python -m models.linker.train`),
scored against the grammar alone (`python -m models.linker.evaluate`). Inference is numpy over shipped weights."""
