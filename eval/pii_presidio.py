"""Microsoft Presidio beside Dasan's masker (``python -m eval.pii_eval``): Presidio's built-in recognizers and
Dasan's own rules hosted as PatternRecognizers, on a blank spaCy Korean pipeline (nothing to download)."""
from __future__ import annotations

import os

from ingest.pii_patterns import RULES


PRESIDIO_TYPES = {"EMAIL_ADDRESS": "email", "PHONE_NUMBER": "phone", "CREDIT_CARD": "card", "IP_ADDRESS": "ip",
                  "KR_RRN": "rrn", "KR_FRN": "arn", "KR_PASSPORT": "passport", "KR_DRIVER_LICENSE": "driver_license",
                  "KR_BRN": "brn"}


def presidio_analyzers() -> dict:
    """{"builtin", "dasan_rules": AnalyzerEngine, "version", "engine"}, or {"error": why Presidio cannot run}."""
    os.environ.setdefault("TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS", "")  # offline: tldextract's bundled suffix list
    try:
        from importlib.metadata import version

        import regex
        import spacy
        from presidio_analyzer import AnalyzerEngine, Pattern, PatternRecognizer, RecognizerRegistry
        from presidio_analyzer import predefined_recognizers as pr
        from presidio_analyzer.nlp_engine import SpacyNlpEngine
        from spacy.language import Language
    except ImportError as e:
        return {"error": f"presidio-analyzer를 불러올 수 없습니다({e}). pip install presidio-analyzer 후 다시 실행하세요."}

    class DasanRule(PatternRecognizer):
        """One Dasan rule hosted in Presidio: same regex (context as look-behind), same validator."""

        def __init__(self, rule):
            super().__init__(supported_entity=rule.type, name=f"dasan_{rule.name}", supported_language="ko",
                             patterns=[Pattern(rule.name, rule.lookbehind_pattern(), 0.85)],
                             global_regex_flags=regex.MULTILINE)
            self.check = rule.check

        def validate_result(self, pattern_text):
            return None if self.check is None else self.check(pattern_text)

    try:
        if not Language.has_factory("lemma_is_text"):
            Language.component("lemma_is_text", func=_lemma_is_text)
        # spacy.blank("ko") wants mecab-ko; the rule-based tokenizer needs nothing from outside.
        nlp = spacy.blank("ko", config={"nlp": {"tokenizer": {"@tokenizers": "spacy.Tokenizer.v1"}}})
        nlp.add_pipe("lemma_is_text")

        def engine(recognizers) -> AnalyzerEngine:
            nlp_engine = SpacyNlpEngine(models=[{"lang_code": "ko", "model_name": "blank-ko"}])
            nlp_engine.nlp = {"ko": nlp}  # no spacy.load: nothing to download
            registry = RecognizerRegistry(supported_languages=["ko"])
            for rec in recognizers:
                registry.add_recognizer(rec)
            return AnalyzerEngine(registry=registry, nlp_engine=nlp_engine, supported_languages=["ko"])

        builtin = [pr.EmailRecognizer(supported_language="ko"), pr.CreditCardRecognizer(supported_language="ko"),
                   pr.PhoneRecognizer(supported_language="ko", supported_regions=("KR",), context=["전화", "연락처", "휴대폰"]),
                   pr.IpRecognizer(supported_language="ko"), pr.KrRrnRecognizer(), pr.KrFrnRecognizer(),
                   pr.KrPassportRecognizer(), pr.KrDriverLicenseRecognizer(), pr.KrBrnRecognizer()]
        return {"builtin": engine(builtin), "dasan_rules": engine([DasanRule(r) for r in RULES]),
                "version": version("presidio-analyzer"),
                "engine": f"spaCy {spacy.__version__} blank 'ko' (spacy.Tokenizer.v1, lemma = text), no NER model"}
    except Exception as e:  # report why, and still report Dasan
        return {"error": f"Presidio를 구성하지 못했습니다: {type(e).__name__}: {e}"}


def _lemma_is_text(doc):
    """Blank pipelines leave lemmas empty; Presidio's context words are matched against lemmas."""
    for token in doc:
        token.lemma_ = token.text
    return doc


def presidio_predict(analyzer, threshold: float = 0.0):
    """Presidio's findings as (Dasan type, start, end), at ``score_threshold``."""
    def predict(text: str) -> list[tuple[str, int, int]]:
        return [(PRESIDIO_TYPES.get(r.entity_type, r.entity_type), r.start, r.end)
                for r in analyzer.analyze(text, language="ko", score_threshold=threshold)]
    return predict
