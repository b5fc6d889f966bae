"""Whether a sentence's money is about a cooperation at all (``funding.extract`` asks before it reads an amount):
the words of giving and of a body's value, the words of an industry's size, revenue, pay, budgets in general and
rankings, a deal between others, an economy's size.

Split out of ``funding.py``. Plain Python, no Dagster.
"""

from __future__ import annotations

import re

from pipelines.extract.context import SentenceView
from pipelines.extract.syntax import SIGN_VERBS

NEGATIVE = re.compile(
    r"\b(?:annual funding|(?<!total )budget(?![^.]*\bunder the (?:mou|agreement|memorandum|partnership)\b)"
    r"(?!\s+(?:co-?financing|contribution|allocation|funding)\b)|revenue|gdp|foreign direct investment|fdi|on hold|shelved|output value|sales|turnover|earn(?:s|ed|ing|ings)?|market (?:size|value)|"
    r"valued (?:automobile|industry)|industry (?:worth|size|scale)|per capita|ranking|ranked|salar(?:y|ies)(?! of (?:the |its |their )?(?:[a-z-]+ )?(?:staff|researchers|engineers|teachers|faculty|scientists|professors|postdocs|employees|personnel|experts))|price[sd]?|"
    r"tuition|(?<!licen[cs]e )(?<!licensing )fees?|income(?!\s+from\s+(?:\w+\s+){0,3}?(?:industry|partners|companies|business|enterprises))|(?<!-)profit|export(?:s|ed|ing)?|import(?:s|ed|ing)?|loss(?:es)?|debt|owed|arrears|pending bills|capitation|overspend|underspend|deficit|planned investment|industry (?:is|was) worth|market (?:topped|reached|hit)|ipo|initial public|listing|shares|stock|"
    r"market capitali[sz]ation|valuation|expenditure|budget for (?:fy ?)?\d{4}|budget for the (?:\S+ )?(?:fiscal|financial) year|"
    # an industry's output, a company's capital spending, a sector's share of the economy, a summit's proposals
    r"output (?:of|worth|valued|reached|hit|topped)|capital spending|capex|to the (?:\w+ )?economy|"
    # what a place produced is worth ("Menghai produced about 48,000 tons of tea last year, worth roughly 12 billion
    # yuan"), venture capital in a city's start-ups, a plan's targets ("Targets for 2025: a contract value of ...")
    r"produced [^.;]{0,80}\bworth (?:[a-z]+ ){0,2}?\W?\d+|venture (?:capital|investors?|funding)|targets? for (?:19|20)\d\d|"
    r"to [A-Z][\w-]*(?: [A-Z][\w-]*)*(?:'s|\u2019s) economy|"
    r"(?:investment )?proposals (?:worth|of|valued)|"
    # a company's own financing, a market's size, trade between firms, a council's long-term plan
    r"seed round|funding round|series [a-d] (?:round|funding)|(?:global|world|domestic) market|market for|"
    r"(?:supply|purchase|procurement|sales) (?:contract|deal|agreement)s?|long-term plan|"
    # what people are paid: a wage, a placement offer ("Associates are paid £30,000 a year", "a highest offer of ₹48
    # lakh per annum")
    r"(?:are|is|were|was|get|gets) paid|(?:highest|average|median|top) (?:[\w-]+ ){0,2}?(?:offer|package|salary|ctc)|"
    # what a company pays its owners, what a brand is worth; money applied for or awaiting a decision (no one gave it)
    r"dividends?|brand value|appl(?:y|ies|ied|ying) for (?:[\w-]+ ){0,3}?(?:funds?|funding|grants?|money|support)\b|"
    r"awaiting (?:a |the )?(?:funding )?decision|"
    r"campus (?:recruitment|placements?)|"
    # a size ("the marine economy is worth more than"), a company's assets, a ceiling, money asked for (no one gave it)
    r"(?:economy|industry|sector|market|cluster) (?:is|was|are|were) (?:now |already )?worth|(?:total )?assets of|"
    # an economy's added value ("core industries generated added value of 960 billion yuan")
    r"added value|value added|"
    r"capped at|a cap of|ask(?:s|ed|ing)? (?:\w+ ){0,3}?for|request(?:s|ed|ing)? (?:\w+ ){0,3}?for|(?:is|are|was|were) seeking|"
    # a company's own research spending ("Sungrow's R&D investment reached RMB 3.1 billion")
    # (or a country's: "China's total research and development spending reached 3.09 trillion yuan")
    r"(?:its|their|[A-Z][\w-]*(?:'s|\u2019s)) (?:own )?(?:(?:total|gross|annual|overall) )?(?:r&d|research and development) "
    r"(?:investment|spending|expenditure|budget)|"
    # a body's research money in all, a level it reached ("The university's total research funding reached 8.6
    # billion yuan in 2023"), no sum given for a cooperation
    r"(?:its|their|[\w-]+(?:'s|\u2019s)) (?:total |annual )?research (?:funding|income|expenditure|spending) "
    r"(?:reached|hit|totall?ed|stood at|amounted to|rose to|grew to)|"
    # (or told by "total" and where: "Total research expenditures across the university reached $1.2 billion")
    r"\btotal research (?:funding|income|expenditures?|spending) (?:(?:across|at|of|in) (?:the |its )?[\w-]+ )?"
    r"(?:reached|hit|totall?ed|stood at|amounted to|rose to|grew to))(?!\w)",
    re.I)
# where money comes from is no budget figure: "will channel 900 million yuan from the provincial budget to the X Lab"
# (nor where it is set aside: "has earmarked 120 million yen in its fiscal 2023 budget for joint projects")
_SOURCE_BUDGET = re.compile(r"\b(?:from|out of|in)\s+(?:the|its|their|[A-Z][\w-]*(?:'s|\u2019s))\s+(?:own\s+)?"
                            r"(?:[a-z0-9][\w-]*\s+){0,3}budgets?\b(?!\s+of\b)(?!\s+for\s+(?:the\s+)?(?:fy\s*)?(?:19|20)\d\d)")
# a body's own budget is the money of that body: "The center will have a budget of R$ 120 million over ten years"
_BODY_BUDGET = re.compile(r"\b(?:cent(?:er|re)|lab(?:oratory)?|institute|hub|platform)\b"
                          r"[^.;]*\b(?:will have|has|had|with|gets?|receives?) (?:a|an) (?:total |annual |overall )?$", re.I)
POSITIVE = re.compile(
    r"\b(?:donat|invest|rais|fund|financ|allocat|contribut|commit|pledg|grant|subsid|sponsor|contract|consultanc|program|project|"
    r"research income|licen[cs](?:e|ing) fee|"
    r"valu|worth|total|support|inject|provid|earmark|award|spen[dt]|receiv|secur|offer|giv|gave|channel|sanction|"
    r"approv|pour|releas|gift|allowance)\w*|\bback(?:ed|ing)\b|\bset(?:s|ting)? aside\b|\bput(?:s|ting)? (?:up|in)\b|"
    # "will pay each student an allowance of", "will bear 40 million yen every year", "will add £150,000 a year"
    r"\badd(?:s|ed|ing)?\b(?=(?:[^.;]|\.\d){0,30}\bfor (?:\w+ ){0,3}(?:research|training|the (?:centre|center|lab)))|"
    r"\b(?:pay(?:s|ing)?|paid|bears?|bore|borne|add(?:s|ing)?)\b(?=(?:[^.;]|\.\d){0,90}\b(?:a year|each year|every year|per year|"
    r"annually|per annum|over (?:the )?(?:next )?\w+ years))|"
    # ("will each bear 10 billion won in construction costs": a share of the costs is money given)
    r"\b(?:bears?|bore|borne)\b(?=(?:[^.;]|\.\d){0,60}\bcosts?\b)|"
    # ("what a body cost": "the laboratory cost R$ 24 million")
    r"\b(?:laborator(?:y|ies)|lab|cent(?:er|re)|institute|hub|facility|platform|park|base|campus)\s+(?:will\s+|would\s+)?"
    r"(?:cost|costs)\b(?=\s+(?:about |around |some |nearly |over |more than )?(?:[A-Z]{0,3}\s?[$\u20ac\u00a3\u00a5\u20b9]|RMB|\d))|"
    # ("put 30 billion won ($21.8 million) into the center": a decimal point inside is no sentence end)
    r"\bput(?:s|ting)?\b(?=(?:[^.;]|\.(?=\d)){0,60}\binto\b[^.;]{0,40}\b(?:universit|research|cooperat|collaborat|partner|joint|"
    r"laborator|lab\b|cent(?:er|re)|institute|platform|hub|base|college|academy|facility|station|workstation))", re.I)
_INDUSTRIAL_PROJECTS = re.compile(r"\bprojects?\b[^.;]{0,40}\b(?:planned|total|combined|aggregate)\s+investment|"
                                  r"\bindustrial projects\b|\binvestment promotion\b", re.I)
# a company's production site ("its $20 billion chip plants", "a 13-billion-yuan production base", "a glass
# manufacturing unit"), in a sentence that names no body of research (a pilot plant of a lab is the lab's)
_PRODUCTION_SITE = re.compile(r"(?<!pilot )(?<!pilot-scale )(?<!demonstration )(?<!test )\b(?:plants?|factory|factories|"
                              r"gigafactory|production (?:bases?|lines?|facility)|manufacturing (?:units?|plants?|facility|"
                              r"facilities|bases?)|processing plants?)\b", re.I)
_RESEARCH_BODY = re.compile(r"\b(?:cent(?:er|re)s?|institutes?|laborator(?:y|ies)|labs?|hubs?|universit(?:y|ies)|colleges?|"
                            r"schools?|academy|research)\b", re.I)

def qualifies(nouns: str, lead: str = r"\s*", stops: str = "") -> re.Pattern:
    """An amount run into the noun it qualifies (up to three words between, none of them a preposition or an
    article, nor one of ``stops``)."""
    return re.compile(rf"^{lead}(?:(?!(?:in|to|for|into|on|at|with|from|by|{stops}the|a|an)\b)[\w-]+\s+){{0,3}}?"
                      rf"(?:{nouns})\b", re.I)


VALUE_OF = qualifies(r"lab|labs|laboratory|laboratories|cent(?:er|re)s?|institutes?|parks?|"
                       r"programmes?|programs?|projects?|facility|facilities|initiative|partnership|collaboration|"
                       r"corplab|platforms?|bases?")


# an amount that qualifies a fund set up ("a 100-million-yuan fund was established", "has set up a 1 billion yuan
# investment fund"): an investment (convention 8), not a programme's value; a fund still to be set up is a pledge

_SIGNING = {"sign", "ink", "conclude", "seal", "strike", "clinch", "execute", "countersign"}


def deal_of_others(v: SentenceView, m) -> bool:
    """The amount belongs to a signing of bodies none of which is a university, told in its own clause of the
    sentence ("...; Sailun Group and the New Area Management Committee signed an investment agreement on a 5 billion
    yuan tyre plant", "Lukou District signed a 1.2 billion yuan drone project with a Shenzhen company"): a deal
    between others, no money of a university's cooperation."""
    s = v.clean
    start = max(s.rfind(";", 0, m.start), -1) + 1
    end = s.find(";", m.end)
    end = len(s) if end < 0 else end
    clause = s[start:end]
    # (the verbs of SIGN_VERBS that conclude a deal by signing it; not "reach", "extend", "approve", ...)
    # (nor "X, which also signed the agreement, will add ...": a party joining the page's agreement, told aside)
    sign = next((t for t in v.doc if start <= t.idx < end and t.lemma_.lower() in SIGN_VERBS & _SIGNING
                 and t.dep_ != "relcl"), None) if v.doc is not None else None
    if sign is None or re.search(r"\b(?:universit|college|institute|school|academ|laborator|lab\b|cent(?:er|re)|"
                                 r"the two sides|both sides)", clause, re.I):
        return False
    # (an "org" is a capitalised phrase; it counts as a body only where the recogniser reads one: not the
    # "Technology" opening "Technology transfer contracts signed with enterprises ...")
    ents = [(e.start_char, e.end_char) for e in v.doc.ents if e.label_ in ("ORG", "GPE", "FAC")] if v.doc is not None else []
    parties = [x for x in v.mentions if start <= x.start < end and (x.party or x.kind == "platform") and not (
        x.kind == "org" and not any(a <= x.start < b for a, b in ents))]
    named = [v.resolve(x) for x in parties]
    # (the signers named as the clause's subject, before its verb: not "contracts were signed with A, B and C" on a
    # university's page, whose unnamed side is the university)
    return bool(parties) and all(name and kind not in ("university", "placeholder", "platform") for name, kind in named) \
        and parties[0].start < sign.idx


# what the size of an economy or a sector is said of ("The province's industry output exceeded 100 billion yuan",
# "Scotland's space sector is worth £880m a year"; not a budget: a total budget is a programme's value)
_ECONOMY = {"industry", "industries", "sector", "sectors", "output", "economy", "gdp", "market",
            "markets", "revenue", "revenues", "turnover", "exports", "cluster", "trade", "production", "sales"}
_SIZE_VERBS = {"be", "exceed", "reach", "hit", "top", "surpass", "total", "stand", "amount", "grow", "rise", "climb"}


def economy_size(v: SentenceView, m) -> bool:
    """The amount is what an economy, a sector or an industry's output is or reached (the subject of "is worth",
    "exceeded", "stood at"), no money for a cooperation."""
    doc = v.doc
    if doc is None:
        return False
    tok = next((t for t in doc if t.idx < m.end <= t.idx + len(t)), None)
    for _ in range(5):
        if tok is None or tok.pos_ in ("VERB", "AUX"):
            break
        tok = tok.head if tok.head.i != tok.i else None
    if tok is None or tok.lemma_.lower() not in _SIZE_VERBS:
        return False
    subject = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subject is not None and subject.lower_ in _ECONOMY


# what money can be the aim of, never money given ("has set a goal of attracting $10 billion in investment")
_AIMS = {"goal", "target", "aim", "ambition", "objective", "vision", "aspiration"}


_RAISE_VERBS = {"raise", "increase", "boost", "grow", "lift", "double", "triple", "expand", "bring", "push"}
_LEVELS = {"value", "output", "revenue", "income", "scale", "volume", "turnover", "total", "sales", "size", "amount"}


def aimed_at(v: SentenceView, m) -> bool:
    """The amount is what an aim is of: the object of a verb, or the noun, an aim noun's "of"/"to" governs ("a goal
    of attracting $10 billion", "the target of 5 billion yuan in output"), no money for a cooperation."""
    doc = v.doc
    if doc is None:
        return False
    tok = next((t for t in doc if t.idx < m.end <= t.idx + len(t)), None)
    for _ in range(6):
        if tok is None or tok.head.i == tok.i:
            return False
        head = tok.head
        if tok.dep_ in ("pobj", "pcomp") and head.lower_ in ("of", "to") and head.head.pos_ == "NOUN" \
                and head.head.lemma_.lower() in _AIMS:
            return True
        if tok.dep_ == "pobj" and head.lower_ == "to" and head.head.lemma_.lower() in _RAISE_VERBS and any(
                c.dep_ == "aux" and c.lower_ in ("to", "will", "shall") for c in head.head.children) and any(
                c.dep_ == "dobj" and (c.lemma_.lower() in _LEVELS or c.lemma_.lower() in ("fund", "funding") and not any(
                    g.dep_ == "prep" and g.lower_ in ("for", "to") for g in c.children)) for c in head.head.children):
            return True  # "plans ... to raise the value of technology contracts to 500 million yuan", "plans to raise
            # horizontal research funds to 500 million yuan": a level aimed at (not "will raise its support for the
            # institute to 50 million yuan", "its funding for the lab": money it will give)
        if tok.dep_ in ("dobj", "pobj", "pcomp", "prep", "nummod", "quantmod", "compound", "nmod", "amod", "appos"):
            tok = head
            continue
        return False
    return False


_CONTRAST = re.compile(r"[,;]\s+(?:while|whereas)\b", re.I)
# (a word of pay in a clause of its own after ", and" too: "A and B will each contribute R$ 20 million, and USP will
# cover the remainder through salaries"; not a ranking there, "..., and the university ranked 3rd": a list of records)
_PAY_CLAUSE = re.compile(r"[,;]\s+and\b(?=[^,;]*\b(?:salar(?:y|ies)|wages)\b)", re.I)


def _aside(s: str, at: int, money) -> bool:
    """Whether position ``at`` lies in a contrasting clause with no amount of its own: "Embraer and FAPESP will
    contribute R$ 48 million, while USP provides researchers' salaries" pays no salary out of the R$ 48 million."""
    cuts = sorted(m.start() for m in (*_CONTRAST.finditer(s), *_PAY_CLAUSE.finditer(s)))
    bounds = [0, *cuts, len(s)]
    for a, b in zip(bounds, bounds[1:]):
        if a <= at < b:
            return a > 0 and not any(a <= m.start < b for m in money)
    return False



def about_cooperation(v: SentenceView, money) -> bool:
    """Whether the sentence's money is about a cooperation at all: a word of giving, investing, contracting or a
    body's value, and no word of an industry's size, revenue, a budget in general, pay or a ranking."""
    s = v.clean
    # (a word inside a public body's name is no sign: "the Ministry of Trade and Export Development" exports nothing)
    bodies = [(x.start, x.end) for x in v.mentions if x.kind in ("government", "agency", "ministry", "university")]
    if not money or any(not any(a <= n.start() and n.end() <= b for a, b in bodies) and not _aside(s, n.start(), money)
                        and not (n.group().lower() == "budget" and _BODY_BUDGET.search(s[:n.start()]))
                        for n in NEGATIVE.finditer(_SOURCE_BUDGET.sub(lambda g: " " * len(g.group()), s))):
        return False
    if not POSITIVE.search(s) and not any(VALUE_OF.match(s[m.end:]) for m in money) and not any(
            (b := re.search(r"\bbudget of\s*$", s[:m.start], re.I)) and _BODY_BUDGET.search(s[:b.start()]) for m in money):
        return False
    # "A total of 28 industrial projects with a combined investment of 21.6 billion yuan were signed at the
    # conference": industrial investment a zone attracts, no university's cooperation
    return not ((_INDUSTRIAL_PROJECTS.search(s) or _PRODUCTION_SITE.search(s) and not _RESEARCH_BODY.search(s))
                and not any(m.kind in ("university", "platform") or m.kind == "placeholder"
                            and v.resolve(m)[1] == "university" for m in v.mentions))
