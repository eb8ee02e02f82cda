"""Evaluation of Dasan: retrieval, answers, abstention, the masker, case memory, benchmarks."""
from pathlib import Path

# The shared data beside the checkout (../shared: corpora, kgs_dev.jsonl, the ACRC Q&A), read in place.
SHARED = Path(__file__).resolve().parents[1].parent / "shared"
