"""Reading for substance: does a text give the client something, ask for their time, or talk
about us? (shared METHOD.md, "Giving value versus asking for time").

A touch gives value when the client learns something about *their* business: a number, a
comparison with peers, a risk, a finding, a resource they can use without us. It asks for time
when its substance is our wish to talk ("open to a quick chat", "15 minutes on their calendar",
"did they read my message"), and it is about us when it carries our news (a demo of our
features, our press release, our award, our funding round). Words alone do not decide: a
follow-up that brings a finding gives value, so a text is judged by all three readings at once.

Each reading is a set of word families matched on ``words_of(text)`` (folded: case and accents
ignored, contractions spelt out, the words joined by single spaces). The patterns repeat only a
word followed by a space, a bounded number of times, and never nest a repetition: each scan is
linear in the length of the text.
"""

from __future__ import annotations

import re

from ..textnorm import fold
from . import substance_languages as other
from .language import ENGLISH, cached_per_language, detect
from .text import EMPTY_PHRASES, speech, words_of

_W = "[a-z0-9]+ "  # one word and its space


def _any(*alternatives: str) -> str:
    return "(?:" + "|".join(alternatives) + ")"


def _compile(*alternatives: str) -> re.Pattern[str]:
    return re.compile(r"(?<![a-z0-9])" + _any(*alternatives) + r"(?![a-z0-9])")


class _Readings:
    """A reading per language: the English families, plus the language's own
    (``substance_languages``) for a text written in German or French. Each language's pattern
    is compiled when a text in it is first read: compiling them all cost 0.1 s of CPU of every
    start-up (``prospector pdf`` of an English plan reads English alone)."""

    def __init__(self, english: tuple[str, ...], families: dict[str, tuple[str, ...]]) -> None:
        self._families = {ENGLISH: english,
                          **{language: (*english, *own) for language, own in families.items()}}
        self._compiled: dict[str, re.Pattern[str]] = {}

    def pattern(self, language: str) -> re.Pattern[str]:
        """The reading of ``language`` (English for a language without families of its own)."""
        if language not in self._families:
            language = ENGLISH
        compiled = self._compiled.get(language)
        if compiled is None:
            compiled = self._compiled[language] = _compile(*self._families[language])
        return compiled


def _by_language(english: tuple[str, ...], families: dict[str, tuple[str, ...]]) -> _Readings:
    return _Readings(english, families)


def _in(readings: _Readings, text: str) -> re.Pattern[str]:
    """The reading of the language ``text`` is written in."""
    return readings.pattern(detect(text))


_NUMBER_WORDS = _any("one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
                     "ten", "eleven", "twelve", "fifteen", "twenty", "thirty", "forty", "fifty",
                     "hundred", "half", "twice", "double", "triple", "a third", "a quarter")
_PEOPLE = _any("they", "them", "their", "he", "him", "his", "she", "her", "you", "your")

# --- giving: what the client learns about their business ---------------------------------------
_GIVING = (
    # a resource they can use without us
    r"benchmark(?:s|ed|ing)?", r"comparisons?", r"compar(?:e|es|ed|ing)", r"peers?",
    r"insights?", r"findings?", r"found", r"analys[ie]s", r"analy[sz](?:e|ed|es)",
    r"estimates?", r"estimated", r"calculations?", r"calculators?", r"worksheets?",
    r"checklists?", r"templates?", r"guides?", r"teardowns?", r"field notes?", r"pareto",
    r"baselines?", r"diagnos(?:is|tic)", r"self (?:assessment|audit|check|diagnostic)s?",
    r"scorecards?", r"surveys?", r"research", r"studies",
    r"lessons?", r"mistakes", r"pitfalls", r"gaps", r"risks?", r"deadlines?", r"regulations?",
    r"obligations?",
    r"(?:new )?rules", r"signals", r"causes", r"root causes?", r"trends?", r"medians?",
    r"averages?", r"quartiles?", r"percentiles?", r"rankings?", r"figures", r"statistics",
    r"stats", r"kpis?", r"(?:the|new|their|your|own|public|market|sector) data",
    r"data (?:on|from|about|for)", r"map of", r"(?:the|an|a) (?:anonymi[sz]ed )?case of",
    r"what (?:it|they|each|each one|this) costs?", r"costs? (?:them|you|their|your)",
    r"(?:cost|price|value) of (?:a|an|one|their|your|each|the)\b",
    r"what (?:peers|others|similar|comparable|the best|top)",
    rf"how (?:their|your|a|an|one|the) (?:{_W}){{0,3}}?(?:peers?|competitors?|rivals?|"
    r"neighbou?rs?)",
    rf"(?:cut|cuts|reduced|lowered|raised|saved|halved|doubled|grew|fell|dropped|rose|avoided|"
    rf"prevented) (?:{_W}){{0,5}}?(?:by|from|to|in|its|their) (?:[0-9]+|{_NUMBER_WORDS})",
    r"(?:spoilage|downtime|waste|losses|savings|hours|money) (?:it|they|that) (?:saved|avoided|"
    r"lost|cut)",
    r"put (?:a )?numbers? on", r"(?:do|did|done|doing) the math(?:s)?",
    r"(?:eur|usd|gbp|chf|sek|nok|dkk|pln|aud|cad) [0-9]",
    r"[0-9]+ (?:per|a|an) (?:hour|day|week|month|year|unit|bed|room|store|site|plant|truck|"
    r"employee|patient|order|load|shift)",
)
_GIVES = _by_language(_GIVING, other.GIVING)
# Bringing something new (a follow-up "with the benchmark of the eight plants"), as opposed to
# pointing back at what we sent ("checking in on the benchmark I sent", "did they read it").
_BRINGS = _compile(rf"(?:with|share|shares|sharing|bring|brings|bringing|give|gives|giving|add|"
                   rf"adds|adding|new|latest|fresh|here is|here are) (?:{_W}){{0,6}}?"
                   + _any(*_GIVING))
_POINTS_BACK = _compile(
    r"(?:i|we) (?:sent|shared|mentioned|emailed|mailed|attached|posted)",
    r"(?:read|see|saw|seen|open|opened|receive|received|get|got|look at|looked at|review|"
    r"reviewed|download|downloaded) (?:the|my|our|it|that|this)")

# --- asking for time: our wish to talk ---------------------------------------------------------
_MEETING = _any("call", "calls", "chat", "chats", "meeting", "meetings", "conversation",
                "catch up", "catchup", "coffee", "intro", "introduction", "slot", "appointment",
                "meet", "word", "talk", "visit", "session")
_ASKS = _by_language((
    rf"(?:quick|short|brief|intro|introductory|discovery|exploratory|first|initial|15|20|30) "
    rf"(?:minute )?{_MEETING}",
    r"[0-9]+ (?:minute|minutes|min|mins)\b", rf"{_NUMBER_WORDS} minutes",
    r"(?:a few|few|some) minutes", r"(?:their|your|his|her) (?:time|calendar|diary|convenience)",
    r"(?:on|in|into) (?:the|their|your) (?:calendar|diary|agenda)",
    rf"(?:book|schedule|set up|arrange|secure|grab|get|find|put|lock in|propose) (?:{_W}){{0,3}}?"
    rf"(?:{_MEETING}|time|date|demo)",
    r"(?:open|interested|available|free) (?:to|for|in) (?:a |an |the )?(?:quick |short |brief )?"
    rf"(?:{_MEETING}|talking|speaking|meeting|connecting)",
    r"be open to", r"availability", r"have time", r"time for (?:a|an|us|me)",
    r"(?:any|your|their) thoughts", r"thoughts\b", r"on (?:their|your|the) radar",
    r"keen to (?:meet|talk|speak|connect|chat)", r"still (?:keen|interested)",
    # reminding them of us; "remind them that the deadline …" reminds them of a fact
    rf"remind(?:s|ed|ing|er)?\b(?! (?:{_W}){{0,2}}?that\b)", r"nudge", r"bump(?:s|ed|ing)?",
    r"(?:had|have|get|got) (?:a )?chance to (?:read|look|review|see|open|reply|respond)",
    r"(?:my|our) (?:last|previous|earlier|first) (?:email|message|note|voicemail|letter|call)",
    r"(?:call|ring|phone|email|write) (?:us|me) back", r"get back to (?:us|me)",
    r"hear(?:d)? back", r"(?:see|check) (?:if|whether) (?:there is|they|he|she|you) "
    r"(?:a |are |is |would |have |has |could )",
    r"(?:a )?fit between us", r"reach(?:ing|ed)? out", r"(?:try|trying|tried) again",
    r"keep (?:the|our) (?:conversation|dialogue|relationship) going",
    r"(?:ask|asks|asking) (?:them |him |her )?(?:for|if|whether|when)",
    r"ping(?:s|ed|ing)?", r"again\b", r"(?:find|found|finding) (?:a )?time",
    r"(?:they|he|she|you|nobody|no one) (?:has|have|had|did|does|do) not (?:yet )?(?:replied|"
    r"reply|answered|answer|responded|respond|come back|got back|get back)",
    r"no (?:reply|response|answer) (?:yet|so far|from)",
    r"(?:hear|heard) from (?:them|him|her)",
    rf"(?:a|an|the|virtual|online|video|teams|zoom|phone|intro|our|first) (?:{_W}){{0,1}}?"
    r"(?:meeting|meetings|call|chat|coffee|catch up|appointment|conversation|get together)",
    r"(?:take|request|requests|requesting|want|wants|arrange|arranges) (?:a |an )?(?:{_W}){{0,1}}?"
    r"(?:meeting|call|chat|appointment|conversation)",
    r"(?:would|we would|i would) (?:love|like) to (?:get|hear|meet|talk|speak|connect|chat|pick)",
    r"where (?:things|it|they|this) (?:stand|stands|is|are)", r"(?:any|an) update",
    r"status (?:update|check)", r"(?:drop|pop|stop|call) (?:in|by|round)\b",
    r"(?:is|are|will be|would be) free\b", r"on the off chance",
    r"(?:their|your) (?:perspective|feedback|opinion|views)",
    r"what (?:did|do) (?:you|they|he|she) think\b",
), {language: (*asks, *other.ASKS_FOR_OPINION[language])
    for language, asks in other.ASKS.items()})

# A duration that says how long a resource takes the client ("a self-assessment their setters
# fill in in 20 minutes"), not a meeting.
_TASK_DURATION = _by_language((
    r"(?:fill|fills|filled|complete|completes|completed|read|reads|run|runs|answer|answers|"
    rf"answered|done|finish|finished|score|scored|check|checked) (?:{_W}){{0,3}}?(?:in|within|"
    rf"under|in under|in less than) (?:[0-9]+|{_NUMBER_WORDS}) (?:minute|minutes|min|mins)\b",
    rf"(?:[0-9]+|{_NUMBER_WORDS}) (?:minute|min) (?:read|self assessment|self check|quiz|"
    r"questionnaire|checklist)",
), other.TASK_DURATIONS)

# --- about us: our news, our product, our company ----------------------------------------------
# News and products (what we would put in a press release) weigh more than an ask: "a 30-minute
# demo of our features" is about us. Who we are ("meet our team", "tell them what we do") counts
# only when nothing asks for time: "ask if they'd like to meet our team" asks for time.
_OUR = _any("our", "my")
_NEWS = _by_language((
    r"demos?\b", r"demonstrations?", r"product (?:tours?|walkthroughs?|presentations?)",
    r"press releases?", r"announc(?:e|es|ed|ing|ements?)", r"award winning",
    r"awards?\b(?! criteria)", r"funding(?: round)?", r"series [a-f]\b",
    r"(?:we|we have|we are|we were|we have been|we just|we have just been|we recently) "
    r"(?:just )?(?:raised|won|launched|released|opened|hired|moved|grew|named|ranked|recogni[sz]ed"
    r"|awarded|shortlisted|certified|expanded|acquired|joined|partnered)",
    r"(?:been )?named (?:a |the )?(?:leader|winner|finalist|top|best)", r"analyst (?:report|"
    r"quadrant|wave|ranking)", r"magic quadrant",
    r"launch(?:es|ed)?\b", r"(?:new|latest) (?:version|release|features?|office|offices|branch|"
    r"branches|site|location|headquarters|hq|showroom|product|products|website|branding|logo|"
    r"brochure|catalogu?e|app|module|partnership)",
    r"opening hours", r"anniversary", r"(?:our|the) (?:booth|stand)\b",
    r"(?:latest|new) (?:models|range|collection|innovations|edition|issue)",
    rf"{_OUR} (?:{_W}){{0,3}}?(?:results|survey|scores?|nps|ratings?|reviews|testimonials|"
    r"magazine|case studies|success stories|clients|customers|customer satisfaction)\b",
    r"version [0-9]+", r"brochures?", r"price ?lists?",
    r"catalogu?es?", r"capabilit(?:y|ies) (?:deck|presentation|statement)",
    r"company (?:overview|presentation|profile|video|introduction)",
    rf"{_OUR} (?:{_W}){{0,2}}?(?:features|product|products|platform|solution|solutions|"
    r"services|offering|range|portfolio|office|offices|branch|warehouse|fleet|news|awards?|"
    r"funding|webinar|newsletter|website|dashboard|software|app|module|modules|capabilities|"
    r"credentials|certifications?|logo|brand|growth|service lines?|business lines?|divisions)\b",
), other.NEWS)
# A demo set at a date or place asks for their time ("book an on-site demo for March").
_WHEN = _any(r"(?:in|on|for|next|this|early|late|mid) (?:january|february|march|april|may|june|"
             r"july|august|september|october|november|december|monday|tuesday|wednesday|"
             r"thursday|friday|week)\b", r"at (?:their|your|his|her) (?:site|plant|offices?)")
_DEMO_BOOKED = _by_language((
    rf"(?:date|appointment|slot|time) (?:{_W}){{0,2}}?for (?:{_W}){{0,3}}?demo(?:nstration)?s?\b",
    r"(?:on site|onsite|in person) demo(?:nstration)?s?\b",
    rf"demo(?:nstration)?s? (?:{_W}){{0,3}}?{_WHEN}",
), other.DEMO_BOOKED)
# A touch with nothing in it but the contact itself ("a LinkedIn connection request", "great to
# meet you at the show", "a courtesy call to keep in touch").
_CONTACT_ONLY = _by_language((
    r"connection requests?", r"connect(?:ing)? on linkedin", r"in (?:their|his|her|your) network",
    rf"(?:great|nice|good|lovely) to (?:{_W}){{0,1}}?(?:meet|see|have met|have seen|catch up with)"
    r" (?:you|them|him|her)", r"courtesy (?:call|visit|email)",
    r"(?:have a )?(?:great|nice|good|lovely) (?:weekend|week|day)",
    # a card with good wishes, a call just to say hello, a post liked or congratulated on
    r"(?:thank you|greeting|greetings|birthday|new year|holiday|christmas|handwritten) "
    r"(?:e )?(?:cards?|notes?)", rf"cards? with (?:{_W}){{0,2}}?wishes",
    r"(?:great|nice|good|lovely|a pleasure) (?:meeting|seeing|talking to|chatting with) "
    r"(?:you|them|him|her)", r"to say (?:hello|hi)\b", r"put a face to the (?:name|voice)",
    rf"like (?:{_W}){{0,4}}?posts?\b", rf"congrat(?:s|ulations|ulate|ulating) (?:{_W}){{0,3}}?"
    r"(?:new (?:role|job|position)|promotion|appointment)", r"well deserved",
), other.CONTACT_ONLY)
# The channel of a touch ("a quick call", "ein kurzer Anruf", "une visite"): in a touch that holds
# nothing but the contact ("a quick call just to say hello") it asks for no meeting of its own.
_CHANNEL = _by_language((
    r"(?:a |an |the )?(?:quick |short |brief |phone |courtesy )?(?:call|visit|phone call|email|"
    r"note)\b",
), {"de": (r"(?:ein |einen )?(?:kurze[rnms]? )?(?:anruf|besuch|telefonat|mail)\b",),
    "fr": (r"(?:un |une )?(?:court |bref |breve |petit |petite )?(?:appel|coup de fil|visite|mail|"
           r"message)\b",)})
_SELF = _by_language((
    r"about us", r"what we (?:do|offer|sell|make|provide)",
    r"(?:services|products|solutions) we (?:offer|provide|sell)",
    rf"introduc(?:e|es|ing|tion) (?:{_W}){{0,1}}?(?:ourselves|myself|us|our|the company|the team)",
    rf"(?:tell|tells|telling|show|shows|showing|remind|inform|let) (?:{_W}){{0,2}}?(?:know )?"
    rf"(?:that |about )?(?:{_OUR}|us|we)\b",
    rf"{_OUR} (?:{_W}){{0,2}}?(?:company|team|people|history|story|years|founders?|ceo|"
    r"offer|experience|expertise)\b",
    r"founded in (?:19|20)[0-9][0-9]", rf"overview of (?:{_OUR}|us|the company)\b",
), other.SELF)
_ASK_QUESTION = _by_language((
    r"[0-9]+ (?:minute|minutes|min|mins)\b", rf"{_NUMBER_WORDS} minutes",
    r"(?:a few|few|some) minutes",
    r"(?:in|on|into) (?:the|your|our) (?:diary|calendar|agenda)",
    r"(?:can|could|may|shall) (?:i|we) (?:come by|drop by|visit|meet|call|show|present|demo|"
    r"book|schedule|set up|get|put|have)",
    r"when (?:can|could|would|shall|may) (?:i|we) (?:come|meet|call|talk|speak|show|present|"
    r"visit)",
    r"(?:does|would|will) (?:that|this|thursday|friday|monday|tuesday|wednesday|next week) "
    r"(?:time )?work",
    r"(?:are|would|will) you (?:be )?(?:free|available|open)\b",
    r"(?:quick|short|brief) (?:call|chat|demo|meeting|word)", r"demos?\b",
    # a slot proposed ("Does Tuesday the 9th at 10am work for you?"), not a way of working
    # ("Would Monday's delivery window work for your drivers?")
    r"(?:[0-9]+ ?(?:am|pm)|[0-9]+ o clock|[0-9]+(?:st|nd|rd|th)|monday|tuesday|wednesday|"
    r"thursday|friday) (?:[a-z0-9]+ ){0,4}?(?:work|works|suit|suits) (?:for )?you\b",
), other.ASKS)


_DENIED = re.compile(r"(?:^| )(?:not|never|no|nor|without|instead of|rather than|avoid|"
                     + "|".join(other.NEGATIONS) + r")(?: [a-z0-9]+){0,2} ?$")


def _first(regex: re.Pattern[str], words: str,
           besides: re.Pattern[str] | None = None) -> str | None:
    """The first match the text does not deny ("not a generic demo", "never a one-stop shop",
    "without a meeting"), nor says within a match of ``besides``."""
    spans = iter(besides.finditer(words)) if besides else iter(())
    span = next(spans, None)
    for found in regex.finditer(words):
        while span is not None and span.end() < found.end():
            span = next(spans, None)
        if span is not None and span.start() <= found.start():
            continue
        if not _DENIED.search(words[max(0, found.start() - 40):found.start()]):
            return found.group(0)
    return None


def _as_written(text: str, words: str | None) -> str | None:
    """The words a reading found (folded: "broschure") as the text has them ("Broschüre"), to
    quote in a finding; the folded words when the text spells them otherwise ("we're")."""
    if not words:
        return words
    folded: list[str] = []
    where: list[int] = []
    for i, char in enumerate(text[:MAX_QUOTED_TEXT]):
        for letter in (" " if char.isspace() else fold(char)):
            folded.append(letter)
            where.append(i)
    found = re.search(r"(?<![a-z0-9])" + r"[^a-z0-9]+".join(map(re.escape, words.split()))
                      + r"(?![a-z0-9])", "".join(folded))
    return text[where[found.start()]:where[found.end() - 1] + 1] if found else words


MAX_QUOTED_TEXT = 5000  # past this, a finding quotes the folded words


_OURS_BEFORE = re.compile(r"(?:^| )(?:our|my|" + "|".join(w for own in other.OURS.values()
                                                          for w in own)
                          + r")(?: [a-z0-9]+){0,3} ?$")
_CLIENT_WORDS = _by_language((_PEOPLE, r"peers?", r"their", r"similar", r"comparable", r"sector",
                              r"industry"), other.CLIENT_WORDS)


@cached_per_language
def gives(text: str) -> str | None:
    """What in ``text`` gives the client something about their business (the words as
    folded), or None: "the benchmark of the eight plants" -> "benchmark". A resource of ours
    that says nothing of the client ("our customer satisfaction survey results") gives nothing
    about their business."""
    words = words_of(text)
    about_client = _in(_CLIENT_WORDS, text).search(words) is not None
    for found in _in(_GIVES, text).finditer(words):
        if about_client or not _OURS_BEFORE.search(words[max(0, found.start() - 60):found.start()]):
            return found.group(0)
    return None


@cached_per_language
def asks_for_time(text: str) -> str | None:
    """What in ``text`` asks for the client's time or attention, or None: "open to a quick
    chat" -> "quick chat"."""
    return _as_written(text, _first(_in(_ASKS, text), words_of(text), _in(_TASK_DURATION, text)))


@cached_per_language
def talks_about_us(text: str) -> str | None:
    """What in ``text`` is news about us rather than them (a demo, our press release, our
    award), or None: "a demo of our features" -> "demo"."""
    return _as_written(text, _first(_in(_NEWS, text), words_of(text)))


@cached_per_language
def demo_booked(text: str) -> str | None:
    """What in ``text`` sets a demo at a date or a place (an appointment for their time), or
    None: "Termin für eine Vor-Ort-Demo im Januar" -> "Termin für eine Vor-Ort-Demo"."""
    return _as_written(text, _first(_in(_DEMO_BOOKED, text), words_of(text)))


@cached_per_language
def only_contact(text: str) -> bool:
    """Whether ``text`` holds nothing but the contact itself (a connection request, a greeting
    after a fair, a courtesy call): no finding, nothing about us, no ask for their time."""
    words = words_of(text)
    return (_first(_in(_CONTACT_ONLY, text), words) is not None and not gives(text)
            and not talks_about_us(text) and _first(_in(_ASKS, text), words, _in(_CHANNEL, text))
            is None)


def value_problem(text: str) -> tuple[str, str] | None:
    """``("about-us" | "asks-for-time", words)`` when a touch's value talks about us or asks for
    time and gives the client nothing about their business; None when it gives something, or
    says neither (the other rules judge such a text)."""
    if not text or gives(text):
        return None
    booked = demo_booked(text)
    if booked:
        return "asks-for-time", booked
    news = talks_about_us(text)
    if news:
        return "about-us", news
    asks = asks_for_time(text) or next(iter(EMPTY_PHRASES.find(text)), None)
    if asks:
        return "asks-for-time", asks
    self_ = _as_written(text, _first(_in(_SELF, text), words_of(text)))
    return ("about-us", self_) if self_ else None


_SENTENCES = re.compile(r"[^.!?…\n]*[.!?…\n]*")


def sentences(text: str) -> list[str]:
    """The sentences of ``text`` (split on . ! ? … and line breaks), linear in its length."""
    return [s for s in _SENTENCES.findall(text) if s.strip()]


def asks_only_for_time(question: str, language: str | None = None) -> bool:
    """Whether a question in a talk track only asks for a meeting ("Can we put 15 minutes in
    the diary next week?", "When can I come by?") rather than about the client; read in
    ``language``, the talk track's, when given (a short question may show too few words of its
    own: "On se cale le jeudi 12 à 9 h, ça vous irait ?")."""
    asks = _ASK_QUESTION.pattern(language) if language else _in(_ASK_QUESTION, question)
    return bool(asks.search(words_of(question))) and not gives(question)


# The point of a date written as a German ordinal ("passt dir der 14. um 10 Uhr?", "am 9. Februar"):
# a lower-case word or a month follows it, so it ends no sentence.
_ORDINAL_POINT = re.compile(r"(?<=[0-9])\.(?=\s+(?:[a-zäöüß]|(?:Jan|Jän|Feb|Mär|Apr|Mai|Jun|Jul|"
                            r"Aug|Sep|Okt|Nov|Dez)))")


def question_sentences(text: str) -> list[str]:
    """The sentences of a talk track that end with a question mark (any script's)."""
    return [s for s in sentences(speech(_ORDINAL_POINT.sub("", text)))
            if s.rstrip().endswith("?")]


# --- differentiators: a difference that matters, or self-praise ---------------------------------
# What every competitor says of itself, in paraphrase (the fixed phrases are text.GENERIC_CLAIMS).
_SELF_PRAISE = _by_language((
    r"extra mile", r"above and beyond", r"makes? (?:all )?the difference",
    r"(?:years|decades) of (?:experience|expertise|know how|knowledge)",
    r"(?:over|more than|almost|nearly) [0-9]+ years", r"since (?:1[89]|20)[0-9][0-9]",
    r"family (?:owned|run|business|company|firm)", r"founded in", r"track record",
    r"proven", r"(?:really|truly|genuinely|always) (?:listen|care|understand|partner)",
    r"we listen",
    r"listen to (?:our|every|each|all) (?:customers|clients)",
    r"tailor(?:ed|s)? (?:every|each|our|to|all)", r"tailor made", r"bespoke",
    r"flexib(?:le|ility)", r"responsive(?:ness)?", r"reliable", r"friendly", r"easy to work with",
    r"proactive", r"passion(?:ate)?", r"commit(?:ted|ment) to", r"dedicat(?:ed|ion)",
    r"excellence", r"you can (?:trust|rely on|count on)", r"peace of mind", r"(?:a|the) price you",
    r"comprehensive", r"more features", r"on the market", r"iso [0-9]+", r"accredited",
    r"offices? in", r"treats? (?:every|each|our|all)", r"like family",
    r"(?:understand|understands|know|knows) your (?:business|needs|industry|challenges)",
    r"true (?:experts?|partners?|specialists?|professionals?)",
    r"on time and (?:on|within) budget", r"(?:customers|clients) (?:love|trust|value) (?:us|our)",
    r"always (?:available|there|on hand)", r"24 7", r"(?:the|our) best (?:people|team|service)",
    r"the (?:most|best) (?:advanced|comprehensive|complete|innovative|reliable|trusted|"
    r"experienced|flexible|powerful)", r"far (?:more|better)",
    r"better than (?:any|the|all) (?:competitors?|competition|others|rest)", r"unique approach",
    r"holistic", r"full service", r"personal (?:service|approach|touch)", r"attention to detail",
    r"we deliver (?:results|value|quality|excellence)", r"(?:results|value) driven",
    r"exceed(?:s|ing)? (?:your |their |customer |client )?expectations", r"satisfaction",
    r"(?:get|gets|getting) to know", r"really (?:get|know|understand|listen|care|value)",
    r"highly (?:skilled|qualified|experienced|trained|motivated|professional)",
    r"(?:skilled|qualified|talented|motivated|knowledgeable|certified|expert) (?:team|staff|"
    r"people|professionals|workforce|consultants|engineers|technicians|advisers|advisors)",
    r"complete (?:solution|package|offering|service)", r"integrated (?:solution|approach|"
    r"offering|platform)", r"all (?:your|their|of your) (?:needs|requirements)",
    r"everything you need", r"all in one", r"(?:one|single) (?:partner|provider|supplier|source)",
    r"trusted by", r"(?:more than|over|almost|nearly) [0-9]+ (?:companies|clients|customers|"
    r"businesses|brands|users|projects|installations)", r"worldwide", r"around the world",
    r"global (?:presence|reach|footprint)",
    r"(?:local|national|international|global|regional) (?:presence|expertise|experience|"
    r"know how|network|reach)", r"expertise", r"heart of (?:everything|all|what)",
    r"everything we do", r"(?:one|single) stop", r"scalable", r"secure and", r"future proof",
    r"robust", r"fastest growing", r"(?:growing|leading|largest|biggest|number one) "
    r"(?:provider|supplier|vendor|company|partner|player)", r"in the (?:region|country|market|"
    r"industry|world)$", r"state of the art", r"next generation", r"best of breed",
    r"(?:we|our \w+) (?:combine|combines|blend|blends|bring together|brings together)",
    r"(?:customer|client) (?:service|focus|care) is", r"partner (?:from|for) ",
    r"(?:high|highest|top) (?:quality|standards?)", r"quality (?:and|you)",
    r"value for (?:money|our)", r"(?:great|good|best) value", r"(?:ease|easy) of use",
    r"user friendly", r"cost effective", r"(?:do not|does not) just (?:sell|provide|offer|"
    r"deliver|supply|do)", r"(?:build|builds|building|long term|lasting|strong) "
    r"(?:relationships|partnerships)", r"with a smile", r"award winning",
    r"world class", r"leading edge", r"cutting edge",
    # speed and devotion promised, not measured ("short response times", "always there for")
    r"(?:short|quick|fast|rapid) (?:response|reaction|turnaround|lead) times?",
    r"always there for (?:you|our|the|every)",
    # devotion claimed: a culture, every request taken seriously, their business as ours
    r"(?:customer|client|service) culture", r"taken seriously",
    r"(?:like|as if) (?:it (?:is|was|were) )?(?:our|their) own\b",
    # better than unnamed others, with nothing measured ("more agile than the big agencies")
    r"(?!(?:other|rather|under|over|after|either|neither|whether|never|ever|however|later) )"
    r"(?:[a-z]+er|more [a-z]+) than (?:the |most |other |any |all |your |their )?(?:big |large |"
    r"larger |bigger |major |traditional |other |usual |typical |established |national |global |"
    r"current |existing )?(?:players|groups|firms|agencies|companies|vendors|suppliers|"
    r"providers|consultancies|competitors|competition|incumbents|corporations|chains|rivals)\b",
), other.SELF_PRAISE)
_UNITS = _any("percent", "per cent", "hours?", "days?", "weeks?", "months?", "minutes?",
              "seconds?", "x", "times", "kwh", "mwh", "tonnes?", "km", "beds?")
# Who certifies, what is certified and to which standard (folded: "TÜV SÜD" -> "tuv sud").
_CERTIFIER = _any("tuv(?: sud| nord| rheinland| austria)?", "dekra", "afnor", "bsi", "sgs", "dnv",
                  "bureau veritas", "lloyd s register", "intertek", "cofrac", "dakks", "ukas",
                  "apave", "socotec", "ecocert", "lrqa", "kiwa", "certipedia")
_CERTIFIED = _any("certified", "accredited", "audited", "approved", "zertifiziert", "akkreditiert",
                  "auditiert", "gepruft", "certifie", "certifiee", "certifies", "accredite",
                  "accreditee", "audite", "homologue")
_STANDARD = _any("iso [0-9]+", "iec [0-9]+", "din(?: en)? [0-9]+", "iatf [0-9]+", "soc 2",
                 "tisax", "hds", "secnumcloud", "pci dss", "c5", "mdr", "ivdr", "gmp", "haccp",
                 "ifs", "brc", "emas", "bsi grundschutz", _CERTIFIED)
# What makes a difference concrete: a measure, a comparison with the alternative, a guarantee,
# a mechanism every item goes through.
_CONCRETE = _by_language((
    rf"(?:[0-9]+|{_NUMBER_WORDS}) {_UNITS}", r"[0-9]+ of [0-9]+",
    r"(?:eur|usd|gbp|chf|sek|nok|dkk|pln|aud|cad) [0-9]", rf"at least (?:[0-9]+|{_NUMBER_WORDS})",
    r"within [0-9]+", r"(?:same|next) (?:day|week|shift)", r"overnight", r"the only",
    r"not per", r"against [0-9]+", r"guarantee(?:s|d)?",
    r"pays? nothing",
    r"(?:we|they) pay", r"penalt(?:y|ies)", r"money back", r"refund(?:s|ed|ing)?",
    # a mechanism every item goes through, not devotion ("every request is taken seriously")
    r"every (?:[a-z0-9]+ ){1,2}(?:is|are|gets|get|comes|come|names|has|have|goes|lands|answers)"
    r"\b(?! (?:taken seriously|treated with|important|valued|unique|handled with care)\b)",
    # a commitment in the contract, with a measure
    rf"(?:contractual(?:ly)?|by contract|in (?:the|our|your) contract) (?:{_W}){{0,8}}?[0-9]+",
    r"one named",
    # proof: a named standard or certification with the body that certified it or its year
    # ("ISO 27001 seit 2019", "zertifiziert (TÜV SÜD, 2024)", "certifié HDS (AFNOR, 2023)")
    rf"{_STANDARD} (?:{_W}){{0,3}}?(?:(?:19|20)[0-9][0-9]|{_CERTIFIER})",
    rf"{_CERTIFIED} (?:{_W}){{0,3}}?{_CERTIFIER}", rf"{_CERTIFIER} (?:{_W}){{0,2}}?{_CERTIFIED}",
    # counted clients, named ("40 hospitals, including Leeds General")
    rf"(?:[0-9]+|{_NUMBER_WORDS}) (?:{_W}){{0,2}}?(?:clients|customers|hospitals|clinics|plants|"
    rf"sites|banks|insurers|retailers|manufacturers|municipalities|councils|schools|universities|"
    rf"utilities) (?:{_W}){{0,5}}?(?:including|among them|among which) [a-z]",
), other.CONCRETE)


@cached_per_language
def self_praise(text: str) -> str | None:
    """What in ``text`` is self-praise any competitor could say ("we go the extra mile", "over
    25 years of experience", "flexible and responsive"), or None. Praise the text denies
    ("never a one-stop shop", "not another fastest-growing vendor") does not count."""
    return _as_written(text, _first(_in(_SELF_PRAISE, text), words_of(text)))


@cached_per_language
def concrete(text: str) -> str | None:
    """What makes ``text`` concrete: a measure ("in three weeks", "80 percent"), being the only
    one, a guarantee, or a mechanism ("every invoice is matched"). A comparison alone ("unlike
    big agencies, we really listen") does not."""
    return _first(_in(_CONCRETE, text), words_of(text))


# --- empty phrases: judged by what the sentence brings -----------------------------------------
# A follow-up, a check-in or a circle-back is empty when it only reminds; a sentence that brings
# a finding ("Follow up the roundtable with the benchmark of the eight plants") gives value.
_FOLLOW_UP = re.compile(
    r"^(?:just )?(?:a )?(?:quick |friendly )?(?:follow|following|circl|check|checking|touch|"
    r"touching|keeping|staying|reach|reaching|nachfass|relance\b)"
    # picking up our own message ("Suite à mon message sur vos coûts : le tarif a pris 9 %")
    r"|^(?:ich )?(?:suite a\b|je reviens|reviens|revenir|coming back|come back|getting back|"
    r"building on|komme|kommen|bezug)"
    # a greeting ("Season's greetings with the benchmark of …", "Carte de vœux avec …")
    r"|^(?:with |our |my |mit |den |avec |nos |mes |tous )*(?:happy|merry|season|holiday|christmas|"
    r"easter|best wishes|warm|kind|frohe|frohes|frohliche|schone|gesegnete|besinnliche|erholsame|"
    r"gutes|guten rutsch|viel erfolg|alles gute|beste|besten|herzliche|weihnacht|oster|neujahr|"
    r"feiertag|carte|meilleurs|sinceres|chaleureux|bonne|belle|excellente|heureuse|joyeu|bonnes|"
    r"belles|excellentes)")
_POINTS_BACK_ELSEWHERE = {language: _compile(*points)
                          for language, points in other.POINTS_BACK.items()}


@cached_per_language
def brings(text: str) -> bool:
    """Whether ``text`` brings the client something new ("with the benchmark of the eight
    plants", "to share the three findings"), rather than pointing back at what we sent."""
    words = words_of(text)
    if bool(_BRINGS.search(words)) and not _POINTS_BACK.search(words):
        return True
    # in German and French, a follow-up that gives something about their business ("Nachfassen
    # nach dem Webinar: die Tabelle, mit der sie ihren Verbrauch selbst berechnen")
    points_back = _POINTS_BACK_ELSEWHERE.get(detect(text))
    return bool(points_back and gives(text) and not points_back.search(words))


def empty_phrases_used(text: str) -> tuple[str, ...]:
    """``EMPTY_PHRASES.find(text)``, less the follow-ups and check-ins of sentences that bring the
    client something new (a benchmark, a finding, a number about their business)."""
    found = EMPTY_PHRASES.find(text)
    if not found or not any(_FOLLOW_UP.match(fold(p)) for p in found) or not brings(text):
        return found
    kept: list[str] = []
    for sentence in sentences(text):
        phrases = EMPTY_PHRASES.find(sentence)
        if phrases and brings(sentence):
            phrases = tuple(p for p in phrases if not _FOLLOW_UP.match(fold(p)))
        kept.extend(p for p in phrases if p not in kept)
    return tuple(kept)


# A name: a capitalised word (not an acronym such as PLC) in the middle of a sentence, or
# opening one when it is no common opening word; weekdays and months are not names.
_NAME = re.compile(r"(?:^|[.!?]\s+|([a-z0-9,;:)]\s+))([A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ][\w&'-]*)")
_NOT_NAMES = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april may "
    "june july august september october november december i we our us you your they their it its "
    "the a an this that these those in at on for with since when if so and but or after before "
    "by from to of happy fair understood sure thanks thank yes no most many every each all some "
    "great good right okay ok absolutely totally of course let could would can will should what "
    "how which where who why is are was were do does did have has had there here one two three "
    "four five six seven eight nine ten last next first actually honestly really just well look "
    "listen respectfully certainly indeed again then now also still even only perhaps maybe "
    "not never always often sometimes because while although once as like".split())


def quotes_a_case(text: str) -> bool:
    """Whether ``text`` carries its own proof: a result with a number at a named client or place
    ("at Oslo University Hospital the MR backlog fell by a third in 2025")."""
    if not has_figure(text):
        return False
    for match in _NAME.finditer(text[:20_000]):
        if match.group(2).casefold() not in _NOT_NAMES:
            return True
    return False


def empty_phrases_of_title(title: str, value: str) -> tuple[str, ...]:
    """The empty phrases of a touch's title, which is a label: "Peer roundtable follow-up" is
    no empty phrase when the touch's value brings something (the comparison of the hospitals
    that attended)."""
    found = empty_phrases_used(title)
    if found and brings(value):
        found = tuple(p for p in found if not _FOLLOW_UP.match(fold(p)))
    return found


# --- direction: a goal with a number and a date, roles that say who prospects ------------------
_FIGURE = _compile(r"[0-9]+", _NUMBER_WORDS, "dozen", "thousand", "million", "millions")
_DATE = _compile(
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*", r"q[1-4]", r"h[12]",
    r"(?:19|20)[0-9][0-9]", r"(?:end|start|close|middle) of (?:the )?(?:year|quarter|month|"
    r"season|half|fiscal year|financial year)", r"year end", r"this (?:year|quarter|half)",
    r"next (?:year|quarter)", r"(?:within|in) (?:[0-9]+|" + _NUMBER_WORDS + r") (?:weeks|months|"
    r"days|quarters)", r"spring|summer|autumn|fall|winter|christmas|easter",
    r"(?:per|a|each|every) (?:week|month|quarter)", r"weekly|monthly|quarterly")
# read in every language at once: a German sentence naming "Account Executives" reads as
# English by its function words ("in"), and its verbs ("akquirieren") are German
_PROSPECTS = _Readings((
    r"prospect(?:s|ing|ed|or|ors)?", r"new (?:business|clients?|customers?|logos?|accounts?)",
    r"open(?:s|ing)?\b", r"hunt(?:s|ing|ers?)?", r"first meetings?", r"pipeline",
    r"outbound", r"(?:win|wins|winning) new", r"acqui(?:re|res|sition)", r"cold (?:call|calls|"
    r"calling|outreach)", r"(?:book|books|booking|set|sets|setting) (?:first )?meetings",
    r"business development", r"sdrs?|bdrs?", r"opportunit(?:y|ies) creation",
    r"create (?:new )?opportunities",
    *(family for families in other.PROSPECTS.values() for family in families)), {})


def has_figure(text: str) -> bool:
    """A count or an amount, in digits or words: "40 first meetings", "forty", "a dozen"."""
    return bool(_FIGURE.search(words_of(text)))


def has_date(text: str) -> bool:
    """A date or a period: "by 30 June", "in Q3", "by end of year", "within six months"."""
    return bool(_DATE.search(words_of(text)))


def names_who_prospects(roles: str) -> bool:
    """Whether a plan's roles say who prospects (or opens, or owns new business)."""
    return bool(_PROSPECTS.pattern(ENGLISH).search(words_of(roles)))
