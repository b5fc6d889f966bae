"""Events and their parties read from the dependency parse (spaCy).

Plain Python, no Dagster. An *agreement event* is a predicate of concluding
an agreement, found by its syntax, not by its wording:

* a concluding verb (``sign``, ``ink``, ``conclude``, ``seal``, ``strike``,
  ``renew``, ``approve``, ``enter into`` ...) whose object (or passive
  subject) is an agreement noun (``agreement``, ``memorandum``, ``MoU``,
  ``contract``, ``deal``, ``partnership``, ``accord`` ...), or that takes a
  ``with`` party directly ("X signed with Y");
* an agreement noun modified by such a verb ("the agreement signed by A and
  B") or by ``between`` ("an agreement between A and B");
* a signing ceremony ("held a ... agreement signing ceremony");
* a standing partnership set up ("established a partnership with",
  "launched all-round cooperation with": convention 3 of the spec).

An event is dropped when its verb is modal, future or wished ("will sign",
"hope to sign", "to sign" in a headline), negated, or when it is consensus
in talks ("reached an agreement on ...", convention 4).

Parties come from grammatical roles of the event: the subject of the verb
(followed up a chain of coordinated or subordinate verbs: "visited Chengdu
and signed ..."), the passive agent ("signed by"), ``with``, ``between``
and ``together with`` phrases, each expanded over its coordination
("A, B and C"). A role is the phrase of its head word without relative
clauses and without place phrases ("both in Yunnan province"); the
organisations inside it are the parties, so "DUT President Guo Dongming"
gives DUT and never the person.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

AGREEMENT_NOUNS = {"agreement", "memorandum", "mou", "moa", "mous", "contract", "deal", "accord", "pact",
                   "protocol", "charter", "framework", "treaty", "partnership", "loi", "agreements",
                   "memoranda", "contracts", "deals", "accords", "covenant", "covenants", "compact", "compacts",
                   "pacts", "deed", "deeds"}  # ("a funding deed": an agreement under seal, Australian and British usage)
SIGN_VERBS = {"sign", "ink", "conclude", "seal", "strike", "clinch", "renew", "approve", "endorse", "execute", "cut",
              "forge", "reach", "enter", "countersign", "finalize", "finalise", "ratify", "extend", "formalise", "formalize",
              "exchange",  # "MoUs were exchanged between X and Y": how Indian and other pages report a signing
              "announce"}  # "announced a license agreement with X": a concluded agreement made public
# what one signs besides an agreement: a plan, programme, strategy or letter is a concluded document only as
# the object of a concluding verb ("inked a co-construction plan"), never on its own
# the documents a signing verb's reduced relative clause can hang on ("an agreement the two parties signed")
_SIGNED_DOCUMENTS = {"agreement", "memorandum", "mou", "moa", "contract", "pact", "accord", "protocol", "charter"}
DOCUMENT_NOUNS = {"plan", "program", "programme", "strategy", "letter", "document", "contract", "charter",
                  "arrangement", "declaration", "roadmap"}
STANDING_VERBS = {"establish", "launch", "form", "forge", "build", "start", "begin", "set", "develop", "enter",
                  "carry", "formalize", "formalise", "cement", "announce", "unveil",
                  "have", "maintain", "enjoy"}  # "A and B have a long-standing partnership"
# cooperating for a span of time is a standing partnership: "have cooperated since 2001", "has worked with X
# for two decades"
DURATION_VERBS = {"cooperate", "collaborate", "work", "partner"}
STANDING_NOUNS = {"partnership", "cooperation", "collaboration", "relationship", "relationships", "alliance",
                  "partnerships", "ties"}
# running or founding a university together (convention 1: co-construction)
JOINT_VERBS = {"manage", "build", "construct", "establish", "run", "support", "found", "sponsor", "administer",
               "fund", "develop", "co-construct", "co-build", "govern", "operate"}
MODALS = {"will", "would", "shall", "may", "might", "could", "should", "can", "must"}
WISH_VERBS = {"hope", "plan", "intend", "expect", "aim", "wish", "seek", "want", "propose", "look", "prepare",
              "consider", "discuss", "explore", "negotiate", "try", "strive", "agree", "decide", "pledge",
              "vow", "aspire", "eager", "ready", "about", "set", "likely", "going"}
# who holds a signing ceremony signs; who attends or witnesses it does not
CEREMONY_VERBS = {"hold", "host", "conduct", "organize", "organise", "stage", "have"}
# people who act for a body at a signing: "the Hebei delegates", "officials from Guangxi"
from pipelines.extract.phrases import ENVOYS  # noqa: E402,F401 (people acting for a body; re-exported)
from pipelines.extract.lexicon import _TITLE_WORDS  # noqa: E402
# prepositions that frame a clause by an agreement: "under a partnership with", "through an agreement with"
_FRAMING_PREPS = {"under", "through", "via"}
_NOT_YET = {"propose", "proposed", "plan", "planned", "future", "potential", "possible", "prospective", "draft"}
# what an agreement still is after its verb ("is still under discussion", "are being negotiated"): not made yet
_STILL_TALKED = re.compile(r"\s+(?:still\s+|now\s+|currently\s+)?(?:under\s+(?:discussion|negotiation|consideration|review)|"
                           r"being\s+(?:negotiated|discussed|drafted|finali[sz]ed|prepared)|in\s+(?:preparation|the works))\b")


def _forms(words):
    out = set()
    for w in words:
        out |= {w, w + "s", w + "es", w + "ed", w + "d", w + "ing", w[:-1] + "ing", w[:-1] + "ied" if w.endswith("y") else w}
    return frozenset(out)


# the lemmatizer misreads some forms ("hoped" -> "hop"): wishes are also matched by their inflected forms
WISH_FORMS = _forms(WISH_VERBS)


def is_wish(t) -> bool:
    return t.lemma_.lower() in WISH_VERBS or t.lower_ in WISH_FORMS


ROLE_PREPS = {"with", "between", "among", "amongst"}
# place, time and manner phrases inside a role phrase are not parties


@dataclass
class Event:
    verb: object | None          # spaCy Token: the concluding or standing verb
    noun: object | None          # the agreement noun, when there is one
    kind: str                    # "sign" | "noun" | "ceremony" | "standing" | "framing" | "coconstruct"
    role_heads: list = field(default_factory=list)   # tokens heading party phrases


def _lemma(t) -> str:
    return t.lemma_.lower()


def _is_agreement_noun(t) -> bool:
    return t.pos_ in ("NOUN", "PROPN") and (_lemma(t) in AGREEMENT_NOUNS or t.lower_ in AGREEMENT_NOUNS)


def _document_before(t):
    """The signed document just before the subject ``t`` (a participle) hangs on ("an agreement [that] the two
    parties signed"), or None."""
    i = t.head.left_edge.i - 1
    if i > 0 and t.doc[i].lower_ in ("that", "which"):
        i -= 1
    return t.doc[i] if i >= 0 and _lemma(t.doc[i]) in _SIGNED_DOCUMENTS else None


def _agreement_noun_in(t):
    """The agreement noun heading or compounded in t's phrase ("cooperation agreement", "MoU")."""
    if _letter_of_intent(t):
        return None
    if _is_agreement_noun(t):
        return t
    for c in t.children:
        if c.dep_ in ("compound", "nmod") and _is_agreement_noun(c):
            return c
    return None


def _document_noun_in(t):
    if _letter_of_intent(t):
        return None  # a signed letter of intent states an intention (convention 4), no agreement
    if t.pos_ in ("NOUN", "PROPN") and (_lemma(t) in DOCUMENT_NOUNS or t.lower_ in DOCUMENT_NOUNS):
        return t
    return _agreement_noun_in(t)


def _letter_of_intent(t) -> bool:
    """"a letter of intent", "an LoI": a document of intention."""
    if t.lower_ in ("loi", "lois"):
        return True
    return _lemma(t) == "letter" and any(c.dep_ == "prep" and c.lower_ == "of" and any(
        g.lower_ in ("intent", "intention", "interest") for g in c.children) for c in t.children)


_QUANTITY_NOUNS = {"round", "series", "batch", "package", "set", "number", "pair", "raft", "slew", "host", "couple",
                   "total", "string"}


def _objects(v):
    out = []
    for c in v.children:
        if c.dep_ in ("dobj", "nsubjpass", "attr", "oprd", "obj"):
            out.append(c)
            out.extend(x for x in c.conjuncts)
            if c.lower_ in _QUANTITY_NOUNS or c.pos_ == "NUM" or c.lower_ in ("some", "many", "most", "all", "several"):
                # (and a part of them: "Seven of those agreements were sealed")
                # "signed a new round of strategic cooperation agreement", "a series of agreements": the document
                # is what the quantity is of
                out.extend(g for p in c.children if p.dep_ == "prep" and p.lower_ == "of"
                           for g in p.children if g.dep_ == "pobj")
        elif c.dep_ == "prep" and c.lower_ == "into":
            out.extend(g for g in c.children if g.dep_ == "pobj")
        elif c.dep_ == "prt":
            for g in c.children:
                if g.dep_ == "pobj":
                    out.append(g)
        elif c.dep_ == "ccomp":
            # "announced a partnership to advance X": the parser makes the object the subject of the purpose
            out.extend(g for g in c.children if g.dep_ == "nsubj" and g.pos_ == "NOUN")
    return out


def modal_or_wished(v) -> bool:
    """A verb that does not report a concluded act: modal, future, wished, negated, infinitive headline."""
    t = v
    for _ in range(4):
        for c in t.children:
            if c.dep_ == "neg":
                return True
            if c.dep_ in ("aux", "auxpass") and c.lower_ in MODALS:
                return True
            if c.dep_ == "mark" and c.lower_ in ("before", "until", "unless", "if", "once") and c.i < t.i and not (
                    t.tag_ == "VBD" or any(a.dep_ in ("aux", "auxpass") and a.lower_ in ("was", "were", "had")
                                           for a in t.children)):
                return True  # "before any agreements are signed", "once the memorandum is signed": not yet (a
                # past clause is told: "a year before the agreement was signed")
            if c.dep_ == "aux" and c.lower_ == "to" and t.dep_ in ("ROOT", "xcomp", "advcl", "acl", "relcl", "ccomp"):
                head = t.head
                if t.dep_ == "ROOT" or is_wish(head):
                    return True
                # "visited Chengdu to sign": purpose of a past act, kept; "is to sign": future
                if head.lemma_ == "be":
                    return True
        if t.dep_ == "conj" or t.dep_ in ("xcomp",):
            t = t.head
            continue
        break
    if v.dep_ in ("xcomp", "ccomp") and is_wish(v.head):
        return True
    if v.dep_ == "pcomp" and v.head.head.lemma_.lower() in _AIM_NOUNS:
        return True  # "with the aim of concluding a partnership agreement", "with a view to signing": an aim
    return False


_AIM_NOUNS = {"aim", "goal", "view", "intention", "plan", "purpose", "hope", "prospect", "objective", "target", "idea",
              "possibility", "feasibility", "prospects", "possibilities"}  # ("explore the possibility of signing")


_BODY_NOUNS = {"facility", "building", "campus", "programme", "program"}


def _describes_a_body(t) -> bool:
    """The cooperation noun is what a platform or facility is said to be: the attribute of "be" whose subject
    is one, or an apposition to one."""
    from pipelines.extract.platform_founding import _head_word

    if t.dep_ == "attr" and t.head.lemma_ == "be":
        subject = next((c for c in t.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    elif t.dep_ == "appos":
        subject = t.head
    elif t.left_edge.i >= 2 and t.doc[t.left_edge.i].lower_ in ("a", "an") and t.doc[t.left_edge.i - 1].text in (
            ",", "-", "\u2013", "\u2014", ":"):
        # ", a collaboration between A and B" (or "- a partnership between A, B and C" in a list row) after a name the
        # parse misattached
        subject = t.doc[t.left_edge.i - 2]
        # (the name's last word may be the object inside it: "Ontario Centre for Soil Health - a partnership ...")
        inside = [x for x in [subject, *list(subject.ancestors)[:2]] if x.i < t.left_edge.i]
        return any(_head_word(x) is not None or _lemma(x) in _BODY_NOUNS for x in inside)
    else:
        return False
    return subject is not None and (_head_word(subject) is not None or _lemma(subject) in _BODY_NOUNS)


def _partnering(t) -> bool:
    """A verb that itself means forming a partnership: "partner", "team up", "join forces"."""
    lem = _lemma(t)
    if lem == "partner":
        return True
    if lem == "team":
        return any(c.dep_ == "prt" and c.lower_ == "up" for c in t.children)
    if lem == "join":
        return any(c.dep_ == "dobj" and c.lower_ == "forces" for c in t.children)
    return False


def _over_a_span(v) -> bool:
    """The verb has a span of time: "since 2001", "for two decades", "for more than 20 years"."""
    for c in v.children:
        if c.dep_ == "prep" and c.lower_ == "since" and any(g.dep_ == "pobj" for g in c.children):
            return True
        if c.dep_ == "prep" and c.lower_ == "for" and any(
                g.dep_ == "pobj" and g.lemma_.lower() in ("year", "decade") for g in c.children):
            return True
    return False


def _consensus(v, noun) -> bool:
    """'reached an agreement on/that ...' (consensus in talks), as opposed to a named agreement concluded."""
    if _lemma(v) != "reach" or noun is None:
        return False
    if _lemma(noun) not in ("agreement", "consensus", "understanding"):
        return False  # "reached a deal": concluded
    named = any(c.dep_ in ("compound", "amod", "nmod") and c.lower_ not in ("an", "the", "a") for c in noun.children)
    return not named


# people who sign for a body (the body is the party, convention 5): officials by their titles, envoys
_SIGNATORIES = _TITLE_WORDS | ENVOYS


# people who sign contracts of their own (a job, a grant, a placement), not for a body
_PERSON_NOUNS = {"graduate", "student", "undergraduate", "postgraduate", "scholar", "postdoc", "alumnus", "alumna",
                 "alumni", "intern", "trainee", "employee", "athlete", "fellow", "candidate", "doctoral"}


def _personal_contract(t, noun) -> bool:
    """"Liu Chen, a 2024 graduate who signed an employment contract with TZS", "Ana Reyes, a postdoctoral scholar,
    signed a two-year contract with CESPT": a person's own contract (a job, a post), no agreement of a body."""
    if noun is None or _lemma(noun) != "contract":
        return False
    if any(c.lemma_.lower() in ("employment", "job", "labour", "labor", "work", "playing") and c.dep_ in (
            "compound", "amod") for c in noun.children):
        return True
    subj = next((c for c in t.children if c.dep_ == "nsubj"), None)
    if subj is not None and subj.lower_ in ("who", "that") and t.dep_ == "relcl":
        subj = t.head
    if subj is None:
        return False
    words = [subj] + [c for c in subj.children if c.dep_ == "appos"] + ([subj.head] if subj.dep_ == "appos" else [])
    return any(_lemma(w) in _PERSON_NOUNS for w in words)


def find_events(doc) -> list[Event]:
    events: list[Event] = []
    seen_verbs: set[int] = set()
    for t in doc:
        lem = _lemma(t)
        # ("The university signs with X": the parse may read a present-tense "signs" as the root noun)
        if t.pos_ in ("VERB", "AUX") or t.tag_ in ("VBN", "VBD", "VBG", "VBZ", "VBP", "VB") or \
                t.lower_ in ("signs", "inks") and t.dep_ == "ROOT" and any(c.dep_ == "prep" and c.lower_ == "with" for c in t.children):
            if lem in SIGN_VERBS:
                if t.dep_ in ("acl", "relcl") and any(c.dep_ == "aux" and c.lower_ == "to" for c in t.children):
                    continue  # "one of 50 universities to have signed a civic agreement": a class, no signing
                noun = None
                # "a plan was drawn up and signed by ...": a coordinated verb shares its head's passive subject
                shared = _objects(t.head) if t.dep_ == "conj" and not _objects(t) else []
                for o in _objects(t) + shared:
                    noun = _document_noun_in(o) if lem in ("sign", "ink", "conclude", "reach") else _agreement_noun_in(o)
                    if noun is None and _lemma(o) in STANDING_NOUNS and (lem == "renew" or lem == "extend" and any(
                            c.dep_ == "prep" and c.lower_ in ("for", "until", "till", "through", "by")
                            for c in t.children)):
                        # "the alliance with Boeing was renewed", "extended for five years": a standing partnership
                        # agreed again (not "extended their cooperation to new fields")
                        noun = o
                    if noun is not None:
                        break
                if t.dep_ == "amod" and any(c.dep_ in ("det", "poss") and c.lower_ != "a" and c.lower_ != "an"
                                            for c in t.head.children) \
                        and t.head.dep_ in ("nsubj", "nsubjpass") and _lemma(t.head.head) not in SIGN_VERBS:
                    continue  # "The renewed agreement sets a goal of ...": the agreement told of, no signing here
                # "the agreement signed by A and B" / "the MoU inked between"
                if noun is None and t.dep_ in ("acl", "amod", "relcl") and _agreement_noun_in(t.head) is not None:
                    noun = _agreement_noun_in(t.head)
                if noun is None and t.dep_ == "acl" and t.tag_ == "VBN":
                    # "the University's MoU with the X County Government, signed in 2022": the parse hung the
                    # participle on the partner's name; it tells the document that name is a complement of
                    h = t.head
                    for _ in range(2):
                        if h.dep_ != "pobj" or h.head.dep_ != "prep" or h.head.lower_ not in ROLE_PREPS:
                            break
                        h = h.head.head
                        if _agreement_noun_in(h) is not None:
                            noun = _agreement_noun_in(h)
                            break
                if noun is None and any(o.lower_ in ("that", "which") for o in _objects(t)):
                    # "a memorandum of understanding that A and B signed in 2021": the relative pronoun stands
                    # for the document the clause hangs on (however the parse attached the clause)
                    h = t.head
                    for _ in range(3):
                        if h.i >= t.i or h.head.i == h.i:
                            break
                        if _agreement_noun_in(h) is not None:
                            noun = _agreement_noun_in(h)
                            break
                        h = h.head
                before = _document_before(t) if lem in ("sign", "ink", "conclude") and t.dep_ in ("acl", "relcl") \
                    and t.head.i < t.i else None
                if noun is None and before is not None:
                    # "under a five-year agreement the two parties signed on January 18": a relative clause with no
                    # pronoun (or with "that" the parse left hanging: "an agreement that the three partners signed"),
                    # which the parse may hang on its subject rather than on the document before it
                    noun = before
                that = any(c.dep_ == "mark" and c.lower_ == "that" for c in t.children)
                if noun is None and lem in ("sign", "ink", "conclude") and (
                        t.dep_ in ("acl", "relcl") and (not _objects(t) or that) or t.dep_ == "ccomp" and that):
                    # "an agreement the automaker and the university signed in March 2022", "a memorandum of
                    # understanding that A and B signed": however the parse hung the clause (on its subject, on
                    # "understanding"), it tells of the document before it
                    h = t.head
                    for _ in range(4):
                        if h.dep_ not in ("conj", "appos", "pobj", "prep") or h.head.i >= t.i:
                            break
                        h = h.head
                        if _agreement_noun_in(h) is not None:
                            noun = _agreement_noun_in(h)
                            break
                if noun is None and lem in ("sign", "renew", "extend", "conclude", "ink"):
                    # "2021 - MoU with the City renewed for a further five years": the parse made the document
                    # the verb's subject
                    noun = next((_agreement_noun_in(c) for c in t.children if c.dep_ in ("nsubj", "nsubjpass")
                                 and _agreement_noun_in(c) is not None), None)
                if noun is None and any(_letter_of_intent(o) for o in _objects(t)):
                    continue  # "signed a letter of intent with X": an intention (convention 4), however it names X
                has_with = any(c.dep_ == "prep" and c.lower_ in ROLE_PREPS for c in t.children)
                # "A and B signed on smart highway maintenance": two coordinated sides that sign, no object told
                # (not signatories who sign for their bodies: "the Director of A and the Vice-Chancellor of B signed on
                # behalf of their institutions", "signed for their organizations")
                has_with = has_with or lem == "sign" and not _objects(t) and t.dep_ in ("ROOT", "conj") and any(
                    c.dep_ == "nsubj" and any(g.dep_ == "cc" and g.lower_ == "and" for g in c.subtree)
                    and not any(_lemma(g) in _SIGNATORIES for g in c.subtree)
                    for c in t.children) and not any(
                    c.dep_ == "prep" and (c.lower_ == "for" or any(g.lower_ == "behalf" for g in c.children))
                    for c in t.children)
                no_document = noun is None and (not (lem == "sign" and has_with)
                                                or lem in ("enter", "reach", "extend", "forge", "cut"))
                if no_document and lem not in STANDING_VERBS:
                    continue
                if not no_document:
                    if _consensus(t, noun) or modal_or_wished(t) or _personal_contract(t, noun):
                        continue
                    if noun is not None and any(c.dep_ == "det" and c.lower_ == "no" for c in noun.children):
                        continue  # "although no contract has been signed": none was
                    events.append(Event(t, noun, "sign"))
                    seen_verbs.add(t.i)
                    continue
                # (no document: "entered a research alliance with X", "forged a partnership" stand, below)
            if lem in STANDING_VERBS:
                objs = _objects(t)
                if t.dep_ in ("acl", "amod") and t.head.lemma_.lower() in STANDING_NOUNS:
                    objs.append(t.head)
                noun = next((o for o in objs if _lemma(o) in STANDING_NOUNS or o.lower_ in STANDING_NOUNS), None)
                if noun is None and lem == "have" and any(c.dep_ == "prep" and c.lower_ == "since" for c in t.children):
                    # "with which UGA has had a partnership agreement since 2022": an agreement held since a date
                    noun = next((o for o in objs if _is_agreement_noun(o)), None)
                if noun is None:
                    continue
                with_role = any(c.dep_ == "prep" and c.lower_ in ROLE_PREPS for c in list(t.children) + list(noun.children))
                if not with_role and not any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children):
                    continue
                if modal_or_wished(t):
                    continue
                events.append(Event(t, noun, "standing"))
                seen_verbs.add(t.i)
    # "A and B have put pen to paper on an agreement", "... put their signatures to an agreement", "affixed their
    # signatures to": the idioms for signing
    for t in doc:
        if t.i in seen_verbs or modal_or_wished(t) or _lemma(t) not in ("put", "set", "affix", "add"):
            continue
        objs = [c for c in t.children if c.dep_ == "dobj"]
        pen = any(c.lower_ == "pen" for c in objs) and any(
            c.dep_ == "prep" and c.lower_ == "to" and any(g.lower_ == "paper" for g in c.children) for c in t.children)
        # ("put their names to": a name only with its owner, not "put the name to a face")
        signature = any(c.lemma_.lower() in ("signature", "seal") or c.lemma_.lower() == "name" and any(
            g.dep_ == "poss" for g in c.children) for c in objs)
        if not (pen or signature):
            continue
        preps = ("on",) if pen else ("to", "on")
        noun = next((_agreement_noun_in(g) for c in list(t.children) + [g for o in objs for g in o.children]
                     if c.dep_ == "prep" and c.lower_ in preps
                     for g in c.children if g.dep_ == "pobj" and _agreement_noun_in(g) is not None), None)
        if signature and noun is None:
            continue  # "put his signature to the visitors' book"
        events[:] = [e for e in events if not (noun is not None and e.noun is not None and e.noun.i == noun.i)]
        events.append(Event(t, noun, "sign"))
        seen_verbs.add(t.i)
    # "A and B have cooperated since 2001", "A has worked with B for two decades": cooperation over a span
    for t in doc:
        if _lemma(t) in DURATION_VERBS and t.pos_ == "VERB" and t.i not in seen_verbs and _over_a_span(t) \
                and not modal_or_wished(t) and (any(c.dep_ == "prep" and c.lower_ == "with" for c in t.children)
                                                or any(c.dep_ == "nsubj" and c.conjuncts for c in t.children)):
            events.append(Event(t, None, "standing"))
            seen_verbs.add(t.i)
    # "X has partnered / teamed up / joined forces with Y": the verb itself states a partnership (convention 3)
    for t in doc:
        if _partnering(t) and t.pos_ == "VERB" and t.tag_ in ("VBD", "VBN", "VBZ") and t.i not in seen_verbs \
                and any(c.dep_ == "prep" and c.lower_ == "with" for c in t.children) and not modal_or_wished(t):
            events.append(Event(t, None, "standing"))
            seen_verbs.add(t.i)
    # "X has been a strategic partner of Y since 2020": a partner of a named side over a span (convention 3)
    for t in doc:
        if _lemma(t) != "be" or t.i in seen_verbs or not _over_a_span(t) or modal_or_wished(t):
            continue
        partner = next((c for c in t.children if c.dep_ == "attr" and _lemma(c) == "partner"), None)
        of = [g for c in (partner.children if partner is not None else []) if c.dep_ == "prep" and c.lower_ == "of"
              for g in c.children if g.dep_ == "pobj"]
        subjects = [c for c in t.children if c.dep_ == "nsubj"]
        if of and subjects:
            e = Event(t, None, "standing")
            e.role_heads = subjects + of
            events.append(e)
            seen_verbs.add(t.i)
    # "Under a new partnership with Y, X will ...": the framing agreement or partnership holds between the
    # clause's subject and the 'with' party, whatever the clause then plans
    for t in doc:
        if not (_is_agreement_noun(t) or _lemma(t) in STANDING_NOUNS) or t.dep_ != "pobj" or \
                t.head.lower_ not in _FRAMING_PREPS or any(e.noun is not None and e.noun.i == t.i for e in events):
            continue
        if not any(c.dep_ == "prep" and c.lower_ == "with" for c in t.children) or any(
                c.dep_ in ("amod", "compound") and (_lemma(c) in _NOT_YET or c.lower_ in _NOT_YET) for c in t.children):
            continue  # "under a proposed partnership with": not concluded
        clause = t.head.head
        if clause.pos_ not in ("VERB", "AUX") or any(
                c.dep_ == "aux" and c.lower_ in ("would", "could", "might", "may") for c in clause.children):
            continue
        subjects = [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")]
        if any(c.lemma_.lower() in ("side", "party") or c.lower_ in ("they", "both") for c in subjects):
            continue  # "Under the agreement with X, the two sides will ...": the sides are X and a party told before
            # (which one the sentence does not say): an agreement already told, not a new pair
        e = Event(None, t, "framing")
        e.role_heads = subjects + _prep_objects(t)
        events.append(e)
    # agreement nouns without a concluding verb of their own
    for t in doc:
        if not _is_agreement_noun(t):
            continue
        if any(e.noun is not None and (e.noun.i == t.i or e.kind != "listed" and t.i in [x.i for x in e.noun.conjuncts])
               for e in events):
            continue
        head = t.head
        # "signing ceremony": a compound chain ... agreement signing ceremony
        if t.dep_ in ("compound", "nmod") and (head.lower_ in ("ceremony", "signing") or any(
                c.lower_ == "signing" for c in head.children)):
            cer = head if head.lower_ == "ceremony" else head.head if head.head.lower_ == "ceremony" else head
            verb = cer.head if cer.dep_ in ("dobj", "nsubjpass", "pobj") else None
            if verb is not None and verb.dep_ == "prep":
                verb = verb.head
            if verb is not None and _lemma(verb) in CEREMONY_VERBS and not modal_or_wished(verb):
                events.append(Event(verb, t, "ceremony"))
            continue
        x = t
        while x.dep_ == "conj" and x.head.i != x.i and x.head.pos_ != "VERB":
            x = x.head
        lister = x.head if x.dep_ in ("dobj", "attr", "conj") else None
        own = [y for y in t.subtree if not any(y.i in {z.i for z in c.subtree} for c in t.conjuncts if c.i > t.i)]
        roles = [g for p in own if p.dep_ == "prep" and p.lower_ in ROLE_PREPS for g in p.children if g.dep_ == "pobj"]
        if lister is not None and _lemma(lister) in ("include", "be", "feature") and roles and any(
                c.dep_ == "nsubj" and _lemma(c) in _SIGNING_LISTS for c in lister.children):
            # "Key signings included a strategic agreement with A in April, and a framework agreement on B with C
            # on 19 September": each agreement a list of signings names, with its own partner and date
            events.append(Event(lister, t, "listed", roles))
            continue
        # (not what a body is said to be: "X Centre - a partnership between A, B and C": a platform, convention 3)
        between = any(c.dep_ == "prep" and c.lower_ in ("between", "among") for c in t.children) \
            and not (_lemma(t) in STANDING_NOUNS and _describes_a_body(t))
        # (or an agreement the noun phrase dates itself, with its other side: "UNBC's 2022 agreement with the
        # Nation", "a 2019 memorandum with Lancaster County": an agreement concluded that year)
        dated_with = own_year(t) is not None and any(c.dep_ == "prep" and c.lower_ == "with" for c in t.children)
        if between or dated_with:
            verb = t.head if t.head.pos_ in ("VERB", "AUX") else None
            if verb is not None and modal_or_wished(verb):
                continue
            if verb is not None and t.dep_ in ("nsubj", "nsubjpass") and _STILL_TALKED.match(
                    doc.text, verb.idx + len(verb.text)):
                continue  # "A separate memorandum between X and Y is still under discussion": not made yet
            events.append(Event(verb if verb is not None and verb.i not in seen_verbs else None, t, "noun"))
    # a standing cooperation between named sides ("covered by the cooperation between A and B"); not when it
    # says what a platform is ("The X Lab is a five-year collaboration between A and B": a platform, convention 3)
    for t in doc:
        if _lemma(t) in STANDING_NOUNS and t.pos_ == "NOUN" and any(
                c.dep_ == "prep" and c.lower_ == "between" for c in t.children) and not any(
                e.noun is not None and e.noun.i == t.i for e in events) and not _describes_a_body(t):
            verb = next((a for a in t.ancestors if a.pos_ in ("VERB", "AUX")), None)
            if verb is not None and (modal_or_wished(verb) or is_wish(verb)):
                continue
            events.append(Event(None, t, "noun"))
    # a university "jointly established/managed by" a ministry and a province (convention 1)
    for t in doc:
        if _lemma(t) in JOINT_VERBS and t.pos_ == "VERB" and (
                any(c.dep_ == "advmod" and c.lower_ == "jointly" for c in t.children) or t.lower_.startswith("co-")
                or t.i >= 2 and doc[t.i - 1].text == "-" and doc[t.i - 2].lower_ == "co") \
                and any(c.dep_ == "agent" for c in t.children):  # ("co - constructed": the tokenizer's split)
            patient = None
            if t.dep_ in ("acl", "relcl", "amod"):
                patient = t.head
                if patient.dep_ == "attr":
                    subj = [c for c in patient.head.children if c.dep_ == "nsubj"]
                    patient = subj[0] if subj else patient
            else:
                # (the subject may hang on the "co" or "-" the tokenizer split off: "is co - constructed by")
                near = set(range(t.i - 4, t.i + 1)) | {t.head.i}
                subj = [c for c in t.children if c.dep_ == "nsubjpass"] or [
                    x for x in doc if x.dep_ in ("nsubj", "nsubjpass") and x.head.i in near]
                patient = subj[0] if subj else None
            # (the words of the patient's own name: not the clause "co-built by X University" hanging on a
            # platform's name, nor the names coordinated with it)
            # (or a university's initials: "NBU, which is jointly built by the Ministry of Education, ...")
            if patient is not None and patient.lower_ in _BODY_HEADS:
                continue  # "the X University Innovation Institute, co-built by X University and the zone": a platform
            if patient is not None and patient.lower_ == "college" and any(
                    x.lower_ in ("industrial", "industry") for x in _name_words(patient)):
                continue  # "an industrial college jointly founded by X University and Y Group": a platform (convention 3)
            if patient is None or not (patient.lower_ in ("university", "college") or patient.pos_ == "PROPN"
                                       and any(x.lower_ in ("university", "college") for x in _name_words(patient))
                                       or patient.text.isupper() and patient.text.isalpha() and 2 <= len(patient.text) <= 6):
                continue
            e = Event(t, None, "coconstruct")
            events.append(e)
            e.role_heads = [patient] + _prep_objects(t)
    # "signing ceremony" with no agreement noun ("held a signing ceremony with X")
    for t in doc:
        if t.lower_ == "signing" and t.head.lower_ == "ceremony" and not any(
                e.noun is not None and e.noun.head.i in (t.head.i, t.i) for e in events):
            cer = t.head
            # (or its subject, where a machine translation leaves out the passive's "was": "A and B cooperation
            # signing ceremony in the university grandly held")
            verb = cer.head if cer.dep_ in ("dobj", "nsubjpass", "pobj") or cer.dep_ == "nsubj" and cer.head.tag_ == "VBN" \
                and not any(c.dep_ in ("aux", "auxpass") for c in cer.head.children) else None
            if verb is not None and verb.dep_ == "prep":
                verb = verb.head
            if verb is not None and _lemma(verb) in CEREMONY_VERBS and not modal_or_wished(verb) and verb.i not in seen_verbs:
                events.append(Event(verb, cer, "ceremony"))
    for e in events:
        if e.kind not in ("coconstruct", "framing", "listed"):
            e.role_heads = role_heads(e)
    # "approved the framework agreement between A and B and the strategic agreement between A and C": each
    # coordinated agreement with its own between-phrase is an event of its own, with its own sides
    for e in list(events):
        if e.kind != "sign" or e.verb is None or e.noun is None or not _own_between(e.noun):
            continue
        for c in e.noun.conjuncts:
            if _is_agreement_noun(c) and _own_between(c) and not any(x.noun is not None and x.noun.i == c.i for x in events):
                events.append(Event(e.verb, c, e.kind, _prep_objects(c)))
    if not events:
        events.extend(_headline_events(doc))
    return events


_NAME_DEPS = {"compound", "amod", "nmod", "prep", "pobj", "det", "flat", "poss", "case", "nummod", "punct"}


def _name_words(t) -> list:
    """The tokens of a name headed by t ("Qingdao Institute of Marine Biomanufacturing"), without the clauses,
    appositions and conjuncts that hang on it."""
    out = [t]
    for c in t.children:
        if c.dep_ in _NAME_DEPS and not (c.dep_ == "punct" and c.text in ",;"):
            out.extend(_name_words(c))
    return out


_HEADLINE_SIGN = {"sign", "signs", "ink", "inks", "seal", "seals"}


def _headline_events(doc) -> list[Event]:
    """A headline ("A and B sign MoU", "A, B ink deal on talent") has no verb for the parser: its concluding
    word is read as a noun before the agreement noun. A sentence with no verb, no closing punctuation and a
    concluding word right before an agreement noun states a signing."""
    if any(t.pos_ in ("VERB", "AUX") for t in doc) or doc.text.rstrip().endswith((".", "!", "?")):
        return []
    for t in doc:
        if t.lower_ in _HEADLINE_SIGN:
            noun = next((x for x in doc[t.i + 1:t.i + 5] if _is_agreement_noun(x)), None)
            if noun is not None:
                return [Event(t, noun, "sign")]
    return []


def _subject_of(v, depth: int = 0):
    subs = [c for c in v.children if c.dep_ in ("nsubj", "nsubjpass", "csubj", "expl")]
    subs = [s for s in subs if _agreement_noun_in(s) is None or s.dep_ == "nsubj" and _lemma(v) not in SIGN_VERBS]
    if v.dep_ == "relcl" and v.head.pos_ == "PROPN":
        # "Ivy Tech Community College, which signed a memorandum with Purdue": the relative pronoun is the noun
        # its clause hangs on
        subs = [v.head if s.lower_ in ("which", "who") else s for s in subs]
    if v.dep_ == "relcl" and v.head.pos_ in ("PROPN", "NOUN"):
        # "A, B and the City of Cottbus, whose representatives signed the agreement": the bodies the clause hangs on
        # (the list it ends) signed through their representatives
        whose = [s for s in subs if any(c.lower_ == "whose" for c in s.children)]
        if whose:
            head = v.head
            while head.dep_ in ("conj", "appos") and head.head.i != head.i:
                head = head.head  # (the parse may read a list's later names as glosses of its first)

            def listed(t):
                return [t] + [x for c in t.children if c.dep_ in ("conj", "appos") for x in listed(c)]

            subs = [x for x in subs if x not in whose] + listed(head)
    if subs:
        return subs
    if depth < 3 and v.dep_ in ("conj", "xcomp", "advcl", "acl", "ccomp", "pcomp") and v.head.i != v.i:
        if v.dep_ == "acl" and v.head.pos_ in ("NOUN", "PROPN"):
            # ("an agreement that the three partners signed", parsed as the partners "signed"): the signers
            return [v.head] if _document_before(v) is not None and _lemma(v) in ("sign", "ink", "conclude") else []
        return _subject_of(v.head, depth + 1)
    return []


def onlooker(g) -> bool:
    """The noun is told as attending, not signing: "..., with A and B present as observers", "with C attending",
    "with D as witness", "with E among the guests" (the word that says so hangs on the first of the list)."""
    for c in g.children:
        if c.dep_ in ("amod", "acl", "acomp", "advcl", "advmod") and c.lower_ in _ONLOOKING:
            return True
        # ("with D as witness", "with the TJU president among the witnesses")
        if c.dep_ == "prep" and c.lower_ in ("as", "among") and any(
                x.dep_ == "pobj" and x.lemma_.lower() in _ONLOOKERS for x in c.children):
            return True
    return False


def onlooker_spans(doc) -> list[tuple[int, int]]:
    """Character spans of the bodies a sentence tells as attending its signing ("..., with A and B present as
    observers"): no party of it."""
    spans = [(g.left_edge.idx, g.right_edge.idx + len(g.right_edge)) for g in doc
             if g.dep_ == "pobj" and g.head.lower_ == "with" and onlooker(g)]
    # (the parse may make "with" the mark of a clause whose subject the bodies are: "with A and B present")
    spans += [(g.left_edge.idx, g.right_edge.idx + len(g.right_edge)) for w in doc if w.lower_ in _ONLOOKING
              and any(c.dep_ == "mark" and c.lower_ == "with" for c in w.children)
              for g in w.children if g.dep_ == "nsubj"]
    # "..., which the University's Deputy Vice-Chancellor witnessed", "..., witnessed by X University": the
    # subject or agent of a clause of witnessing that hangs on the signing (not the sentence's own verb)
    for w in doc:
        if w.dep_ in ("relcl", "acl", "advcl", "ccomp") and w.pos_ == "VERB" and _lemma(w) in ("witness", "observe"):
            for c in w.children:
                heads = [c] if c.dep_ == "nsubj" else [g for g in c.children if g.dep_ == "pobj"] \
                    if c.dep_ == "agent" else []
                spans += [(h.left_edge.idx, h.right_edge.idx + len(h.right_edge)) for h in heads]
            # (the parse may lose the clause's subject: from its "which" to the verb)
            which = next((t for t in reversed(doc[max(0, w.i - 12):w.i]) if t.lower_ in ("which", "whom")), None)
            if which is not None:
                spans.append((which.idx, w.idx))
    # "A and B sign digital economy agreement, ZJUT experts attend": the subject of attending, beside a signing it
    # does not share a verb with
    for w in doc:
        if w.pos_ == "VERB" and _lemma(w) == "attend" and not any(
                c.dep_ == "conj" and _lemma(c) in SIGN_VERBS for c in w.children) and not (
                w.dep_ == "conj" and _lemma(w.head) in SIGN_VERBS):
            spans += [(c.left_edge.idx, c.right_edge.idx + len(c.right_edge)) for c in w.children if c.dep_ == "nsubj"]
    return spans


_ONLOOKING = {"present", "attending", "watching", "witnessing", "observing", "looking"}
_ONLOOKERS = {"observer", "witness", "guest", "attendee", "spectator", "onlooker"}


def _prep_objects(t, preps=ROLE_PREPS):
    out = []
    for c in t.children:
        if c.dep_ in ("prep", "agent") and (c.lower_ in preps or c.dep_ == "agent"):
            # ("the Region, with which UGA has had an agreement": the relative pronoun is the noun its clause
            # hangs on; "..., with A and B present as observers": no side of the signing)
            out.extend(t.head if g.lower_ in ("which", "whom") and t.dep_ == "relcl" else g
                       for g in c.children if g.dep_ == "pobj" and not (c.lower_ == "with" and onlooker(g)))
            # "with A for X, and with B for Y": a preposition coordinated with the first one
            out.extend(g for x in c.conjuncts if x.lower_ == c.lower_ for g in x.children if g.dep_ == "pobj")
        elif c.dep_ == "prep":
            # "MoUs with A, for an urban data lab, and with B": the parse hangs the second "with" on the purpose
            out.extend(g for x in c.conjuncts if x.lower_ in preps for g in x.children if g.dep_ == "pobj")
        # "together with", "along with"
        if c.dep_ == "advmod" and c.lower_ in ("together", "along"):
            for g in c.children:
                if g.dep_ == "prep" and g.lower_ == "with":
                    out.extend(x for x in g.children if x.dep_ == "pobj")
    return out


# what a list of signings is called ("Key signings included ...", "The outcomes were ...")
_SIGNING_LISTS = {"signing", "agreement", "deal", "outcome", "result", "highlight", "achievement"}


# heads of a platform's name: the patient of "co-built by" that is a body set up, no university
_BODY_HEADS = {"institute", "center", "centre", "laboratory", "lab", "base", "park", "platform", "hub", "alliance",
               "workstation", "station", "incubator"}


def _own_between(noun) -> bool:
    return any(c.dep_ == "prep" and c.lower_ == "between" for c in noun.children)


def own_year(noun) -> str | None:
    """The year an agreement noun phrase gives itself: "its 2021 framework agreement", "the cooperation agreement
    of 2018"; None for any other."""
    for c in noun.children:
        if c.dep_ in ("nummod", "compound", "amod", "nmod") and c.i < noun.i and re.fullmatch(r"(?:19|20)\d\d", c.text) \
                and not any(t.is_punct for t in noun.doc[c.i + 1:noun.i]):
            return c.text  # (not a row's year set off by a dash: "2021 - MoU with X renewed")
        if c.dep_ == "prep" and c.lower_ == "of":
            year = next((g.text for g in c.children if g.dep_ == "pobj" and re.fullmatch(r"(?:19|20)\d\d", g.text)), None)
            if year:
                return year
    return None


def role_heads(e: Event) -> list:
    heads = []
    anchors = [x for x in (e.verb, e.noun) if x is not None]
    if e.noun is not None:
        # "cooperation agreement with X" / "the agreement between A and B": prepositions on the noun phrase head
        h = e.noun
        while h.dep_ in ("compound", "nmod") and h.head.i != h.i:
            h = h.head
            anchors.append(h)
    if e.verb is not None:
        heads.extend(_subject_of(e.verb))
        # a verb coordinated after the event verb shares its 'with' phrase ("signed and exchanged ... with")
        for c in e.verb.children:
            if c.dep_ == "dobj":
                anchors.append(c)
            # "signed agreements with A and SAIC Motor respectively": a name the parser hung on the verb as
            # its conjunct is one more party of the phrase before it
            if c.dep_ == "conj" and c.pos_ == "PROPN" and c.i > e.verb.i:
                heads.append(c)
    # "... were sealed, including ones with A, B and C": the pronoun stands for the agreements
    if e.verb is not None:
        anchors += [g for c in e.verb.children if c.dep_ == "prep" and c.lower_ in ("including", "among")
                    for g in c.children if g.dep_ == "pobj" and g.lower_ in ("ones", "those", "one")]
        # "signed two MoUs on Monday, one with A (ABC) and the other with B": the parse hangs the distributive
        # pronouns anywhere below the verb (on the date, or as a conjunct of the first side); not a gapped clause's
        # object ("..., and B one with C": B signed that one)
        anchors += [t for t in e.verb.subtree if t.lower_ in ("one", "other", "another") and t.i > e.verb.i
                    and t.pos_ in ("NUM", "ADJ", "PRON", "NOUN") and t.doc[t.i - 1].pos_ != "PROPN"
                    and any(c.dep_ == "prep" and c.lower_ == "with" for c in t.children)]
    if e.verb is not None:
        # more agreements the verb concluded, each with its own "with": "signed a research agreement with A,
        # alongside memoranda of understanding with B and C"; "signing MoUs with A and B, and a Knowledge Transfer
        # Partnership with C" (the parse may hang the last on a verb above)
        above = {a.i for a in e.verb.ancestors} | {e.verb.i}
        more = [g for a in list(anchors) for c in a.children if c.dep_ == "prep" and c.lower_ in (
            "alongside", "besides", "plus") for g in c.children if g.dep_ == "pobj" and _lemma(g) in AGREEMENT_NOUNS]
        inside = {t.i for t in e.verb.subtree}
        more += [t for t in e.verb.doc if t.dep_ == "conj" and (t.head.i in above or t.i in inside) and t.i > e.verb.i
                 and _lemma(t) in AGREEMENT_NOUNS]
        anchors += [t for t in more if t not in anchors]
    # "a Memorandum of Understanding with X", "a letter of intent with X": the with-phrase hangs on the of-noun
    anchors += [g for a in list(anchors) if a.pos_ in ("NOUN", "PROPN") for c in a.children
                if c.dep_ == "prep" and c.lower_ == "of" for g in c.children
                if g.dep_ == "pobj" and g.lower_ in ("understanding", "agreement", "intent", "cooperation",
                                                      "collaboration", "association")]
    for a in anchors:
        heads.extend(_prep_objects(a))
    # "signed by their vice-chancellors and by the Minister on behalf of the Victorian Government": the body a
    # signatory acts for
    if e.verb is not None:
        heads.extend(g for p in e.verb.subtree if p.dep_ == "prep" and p.lower_ == "of" and p.head.lower_ == "behalf"
                     for g in p.children if g.dep_ == "pobj")
    # "the agreement signed by": agent on an acl verb of the noun
    if e.noun is not None:
        for c in e.noun.children:
            if c.dep_ in ("acl", "relcl") and _lemma(c) in SIGN_VERBS:
                heads.extend(_prep_objects(c))
    # possessive: "XJTU's agreement with ..."
    if e.noun is not None:
        heads.extend(c for c in e.noun.children if c.dep_ == "poss")
    out, seen = [], set()
    for h in heads:
        for x in (h, *h.conjuncts):
            if x.i not in seen:
                seen.add(x.i)
                out.append(x)
    return out


# the phrase helpers (split out), re-exported: callers import them from here
from pipelines.extract.phrases import (  # noqa: E402,F401
    mentions_in_phrase, phrase_tokens, role_char_spans, span_tokens, tokens_in,
)
