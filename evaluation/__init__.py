"""Evaluation: score audit results against gold labels (shared/design/gold-format.md) and benchmark the audit."""
