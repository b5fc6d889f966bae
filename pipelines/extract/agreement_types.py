"""An agreement's type (spec ``agreement_type``) from the words of its sentence or clause: co-construction of a
university (convention 1) or of a platform, a civic agreement, strategic, framework, industry-university
research, a joint platform, and what the agreement is for (technology transfer, training people); else
``other``. ``agreements`` applies the company default (industry-university research).

Split out of ``agreements.py``, which re-exports ``agreement_type``. Plain Python, no Dagster.
"""

from __future__ import annotations

import re

_CO_CONSTRUCT = re.compile(r"co-construct|co-build|cooperation construction|jointly (?:develop|support|run)\b", re.I)
_JOINT_OBJ = re.compile(r"jointly (?:establish|build|construct|create)\w* (?:an? |the )?(?P<obj>(?:[\w'-]+ ){0,5}[\w'-]+)", re.I)
_PLATFORM_WORD = re.compile(r"\b(?:cent(?:er|re)s?|institutes?|bases?|parks?|laborator(?:y|ies)|labs?|platforms?|colleges?|"
                            r"workstations?|alliances?|incubators?|hubs?)\b", re.I)
_BUILD_PLATFORM = re.compile(
    r"\b(?:build|set up|setting up|sets up|establish|construct|creat|found)\w*\s+(?:[\w'-]+,?\s+){0,7}?(?:cent(?:er|re)s?|institutes?|bases?|"
    r"parks?|laborator(?:y|ies)|labs?|hubs?|incubators?|platforms?|colleges?|workstations?)\b|"
    r"\bconstruction of (?:[\w'-]+ ){0,6}(?:institute|cent(?:er|re)|base|park)\b|"
    # what the agreement provides for or led to, and a platform set up under it ("provides for a Centre of Excellence
    # in ...", "led to the WHUT Huzhou Institute of ...", "under which the X Institute will be set up")
    r"\b(?:provid(?:e|es|ed|ing) for|led to|leads to)\s+(?:(?:the|a|an|two|three|four|new|joint)\s+)*(?:[\w'-]+\s+){0,6}?"
    r"(?:cent(?:er|re)s?|institutes?|laborator(?:y|ies)|labs?|hubs?|platforms?|workstations?)\b|"
    r"\b(?:cent(?:er|re)s?|institutes?|laborator(?:y|ies)|labs?|hubs?|platforms?|workstations?)\b(?:\s+[\w'-]+){0,6}?\s+"
    r"(?:will|would|is to|are to)\s+be\s+(?:jointly\s+)?(?:set up|established|built|created|launched|opened)\b|"
    # an agreement for or on a platform ("an MoU for a Millet Seed Technology Hub", "a cooperation agreement on a new
    # laboratory for solid-state batteries", "Joint laboratory agreement"), a platform set up under one
    r"\b(?:for|on)\s+(?:a|an|the)\s+(?:new\s+|joint\s+)?(?:[\w'-]+\s+){0,5}?(?:cent(?:er|re)|institute|laboratory|lab|hub|"
    r"platform|workstation)\b|\b(?:laborator(?:y|ies)|lab|cent(?:er|re)|institute|platform)s?\s+(?:agreement|contract)\b|"
    r"\b(?:established|set up|founded|launched|created|opened|built)\s+under\s+(?:a|an|the|its|their)\s+"
    r"(?:[\w'-]+\s+){0,3}?(?:agreement|memorandum|mou|contract)\b",
    re.I)
_IUR = re.compile(r"industry-university-research|industry-academia-research|university-industry|industry-university|"
                  r"production-study-research|enterprise-university-research|industry-education|school-enterprise|university-enterprise", re.I)


def agreement_type(text: str) -> str:
    low = text.lower()
    co = _CO_CONSTRUCT.search(low)
    if co:
        # co-building a platform is a joint platform; co-construction is of a university (convention 1)
        obj = re.split(r"[,;.]| to | which ", low[co.end():co.end() + 120])[0]
        head = _object_head(obj)
        if head is not None and _PLATFORM_WORD.fullmatch(head) and head not in ("college", "colleges"):
            return "joint_platform"  # ("co-building the Tianjin University Jinan Institute of X": an institute)
        return "co_construction"
    m = _JOINT_OBJ.search(low)
    if m and not _PLATFORM_WORD.search(m.group("obj")) and not re.match(r"\d", m.group("obj")):
        return "co_construction"
    if re.search(r"\bcivic (?:university |partnership )?(?:agreement|compact)", low):
        return "other"  # a UK civic (university) agreement: of its own kind (as the reviewed gold records it)
    # (a "comprehensive cooperation agreement" is one too: so the gold of the development sets types 66 of 75)
    if "strateg" in low or (re.search(r"\bcomprehensive (?:[\w-]+ )?(?:cooperation|partnership)\b", low)
                            or re.search(r"\bpartnership (?:agreement|accord|compact)", low)) and not _TALENT.search(low):
        return "strategic_cooperation"  # (a partnership agreement between governments and universities is one,
        # unless it says it is for training people: "a partnership agreement on developing human resources")
    if "framework" in low:
        return "framework"
    if re.search(r"\bconsortium agreement", low):
        return "industry_university_research"  # a research consortium's members sign one agreement
    if re.search(r"\bsettle(?:ment|d)? (?:agreements?|contracts?)\b", low):
        return "joint_platform"  # an institute settling in a zone or city: the agreement sets it up
    if _IUR.search(low) and "enterprise" not in low.split("university-enterprise")[0][-1:]:
        return "industry_university_research"
    if _BUILD_PLATFORM.search(low):
        return "joint_platform"
    if re.search(r"technology transfer|\blicens(?:e|es|ed|ing)\b|\bcommerciali[sz](?:e|es|ed|ing|ation)\b", low):
        return "technology_transfer"  # what the agreement is for: moving a technology to a user
    if _TALENT.search(low):
        return "talent_training"  # what the agreement is for: training people
    return "other"


# an agreement for training people: "to train process engineers", "on developing semiconductor human resources",
# "a double-degree agreement", "an apprenticeship-linked programme", "talent cultivation"
_TALENT = re.compile(
    r"\btalents?[- ](?:pact|agreement|accord|training|cultivation|development|pipeline|cooperation)|\bhuman resources?\b|"
    r"\bapprenticeships?\b|\b(?:double|dual|joint)[- ]degrees?\b|\bskills? (?:training|development)\b|"
    r"\bstudent[- ]exchanges?\b|"
    r"\b(?:to )?train(?:s|ed|ing)? (?:(?:of )?[\w'-]+ ){0,3}(?:engineers|students|talents?|workers|workforce|"
    r"professionals|teachers|technicians|(?:post)?graduates|nurses|doctors|cadres|specialists)\b|"
    r"\b(?:students|nurses|doctors) to (?:train|intern)\b|"
    # (internships, scholarships, joint doctoral programmes, credit transfer, the training of people: "cyber security
    # training of state government officers", "on maritime education")
    r"\binternships?\b|\bscholarships?\b|\bcredit transfer\b|\bmicro-credentials?\b|"
    r"\b(?:joint |dual )?(?:phd|doctoral|master's|postgraduate) (?:programs?|programmes?|degrees?|education)\b|"
    r"\btraining(?= (?:for|of|in) |\s*[.;,)]|\s*$)|\b(?:on|in) (?:[\w-]+ )?education\b")


def _object_head(obj: str) -> str | None:
    """The head noun of what is co-built, among platform and university words: the last one before the "of" that
    follows the first ("the tianjin university jinan institute of intelligent manufacturing": institute; "ion of
    anhui university": university)."""
    head = None
    for w in re.findall(r"[\w'-]+", obj):
        if w == "of" and head is not None:
            break
        if w in ("university", "universities", "college", "colleges") or _PLATFORM_WORD.fullmatch(w):
            head = w
    return head


def with_partner(atype: str, partner_type: str) -> str:
    """A university's agreement with a company is industry-university cooperation unless its words say more."""
    return "industry_university_research" if atype == "other" and partner_type == "enterprise" else atype
