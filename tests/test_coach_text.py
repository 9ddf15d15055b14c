"""Empty phrases and generic claims: found where they are used, ignored where the leader quotes
them as what not to say."""

import time

import pytest

from prospector.coach.substance import (
    asks_for_time,
    asks_only_for_time,
    brings,
    concrete,
    empty_phrases_used,
    gives,
    has_date,
    has_figure,
    names_who_prospects,
    only_contact,
    self_praise,
    talks_about_us,
    value_problem,
)
from prospector.coach.text import (
    EMPTY_PHRASES,
    GENERIC_CLAIMS,
    about_us,
    argues_first,
    asks_a_question,
    company_names,
    fewer_words_than,
    invites_to_tell,
    is_closed_question,
    lists_features,
    mentions,
    reflexes_in,
    word_count,
    words_of,
)

USED = [
    ("Just checking in on the proposal.", "Just checking in"),
    ("Hi {{first_name}}, just checking in!", "just checking in"),
    ('"Just checking in"', "Just checking in"),  # a whole talk track in quotes is still used
    ("Subject: Checking in", "Checking in"),
    ("I hope you're well. Here is the benchmark.", "hope you're well"),
    ("Hope you’re doing well!", "Hope you’re doing well"),
    ("Hope this email finds you well", "Hope this email finds you well"),
    ("No worries, just checking in.", "just checking in"),  # the negation is in another clause
    ("Not sure you saw it, so just following up.", "just following up"),
    ("Wanted to touch base this week.", "touch base"),
    ("Touching base about the pilot", "Touching base"),
    ("I'll circle back next week.", "circle back"),
    ("Happy to circle back next quarter if not now.", "circle back"),
    ("Just following up on my last email", "Just following up"),
    ("Did you see my email?", "Did you see my email"),
    ("Bumping this to the top of your inbox.", "Bumping this"),
    ("Just reaching out to introduce myself.", "Just reaching out"),
    ("Could I pick your brain?", "pick your brain"),
    ("Quick check-in", "Quick check-in"),
    ("Check in", "Check in"),
    ("Follow up", "Follow up"),
    ("Follow-up call.", "Follow-up call"),
]

MENTIONED = [
    'never say "just checking in"',
    'no "touch base" emails',
    "don't circle back",
    "Don’t circle back.",
    'Instead of "following up", send page 4 of the benchmark.',
    '"Touch base" is not a reason to call.',
    "Touch base emails don't work.",
    'Avoid phrases like "hope you are well" and "circle back".',
    'Examples of what not to say: "just checking in", "touch base", "circle back".',
    "We never just check in: every call brings a number.",
    "Replace 'touch base' with the insight.",
    "It's not just checking in",
    "Never open with “Hope you’re well”.",
    # not empty phrases at all
    "Follow up on the benchmark with the worksheet.",
    "Check in at the registration desk from 18:00.",
    "Our reliability team just published a one-page note.",
]


@pytest.mark.parametrize(("text", "phrase"), USED)
def test_empty_phrase_used_is_found_as_written(text, phrase):
    assert phrase in EMPTY_PHRASES.find(text)


@pytest.mark.parametrize("text", MENTIONED)
def test_empty_phrase_negated_or_quoted_as_an_example_is_ignored(text):
    assert EMPTY_PHRASES.find(text) == ()


@pytest.mark.parametrize(("text", "found"), [
    ("We are an industry-leading provider of great service",
     ("industry-leading", "great service")),
    ("High-quality products and a customer-centric team", ("High-quality", "customer-centric")),
    ("State of the art, world class, best in class",
     ("State of the art", "world class", "best in class")),
    ("A cutting-edge, seamless one-stop shop", ("cutting-edge", "seamless", "one-stop shop")),
])
def test_generic_claims_are_found(text, found):
    assert GENERIC_CLAIMS.find(text) == found


@pytest.mark.parametrize("text", [
    "Not another industry-leading platform",
    'We don\'t claim to be "world-class"; we show the numbers.',
    "Never a “one-stop shop”: we only do predictive maintenance.",
    "Connected in 19 days, no sensors on 51 of 62 presses.",
])
def test_generic_claims_negated_or_absent_are_ignored(text):
    assert GENERIC_CLAIMS.find(text) == ()


def test_each_phrase_is_reported_once_and_in_order():
    text = "Just checking in. Touch base? Just checking in again, and touch base."
    assert EMPTY_PHRASES.find(text) == ("Just checking in", "Touch base")


def test_every_label_is_found_by_its_own_pattern():
    for finder in (*EMPTY_PHRASES.finders.values(), *GENERIC_CLAIMS.finders.values()):
        for label, anchor, _ in finder.patterns:
            text = label.replace(" (on its own)", "")
            assert anchor in text.lower().replace("’", "'"), label
            assert finder.search(text), label


def test_empty_and_odd_text():
    assert EMPTY_PHRASES.find("") == ()
    assert EMPTY_PHRASES.find("İstanbul: just checking in") == ("just checking in",)
    assert not EMPTY_PHRASES.search("")


def test_word_counts():
    assert word_count("  one two\nthree ") == 3
    assert fewer_words_than("one two three", 4) and not fewer_words_than("one two three", 3)
    assert fewer_words_than("", 1) and not fewer_words_than("", 0)


# --- sales conversations -----------------------------------------------------------------------
REFLEXES = [
    # send me some information
    ("Just send me some information.", {"information"}),
    ("Can you send me a brochure?", {"information"}),
    ("Send over your deck and I'll take a look.", {"information"}),
    ("Do you have a one-pager you could share?", {"information"}),
    ("Forward me some case studies first.", {"information"}),
    ("I'll have a look at your website.", {"information"}),
    # we already have a supplier
    ("We already have a supplier for condition monitoring.", {"supplier"}),
    ("We're happy with our current vendor.", {"supplier"}),
    ("We work with Siemens already.", {"supplier"}),
    ("We've got someone for that.", {"supplier"}),
    ("We do all of that in-house.", {"supplier"}),
    ("We're locked into a three-year contract.", {"supplier"}),
    ("Honestly, we are satisfied with the system we have.", {"supplier"}),
    ("We already use SKF sensors on the critical presses.", {"supplier"}),
    ("We use a competitor.", {"supplier"}),
    ("We're all set, thanks.", {"supplier"}),
    # no budget
    ("There is no budget for this this year.", {"budget"}),
    ("The budget is spent.", {"budget"}),
    ("Our budget for this year has already been allocated.", {"budget"}),
    ("We can't afford it.", {"budget"}),
    ("Not in this year’s budget, sorry.", {"budget"}),
    ("There's a spending freeze until the merger closes.", {"budget"}),
    ("Budget's tight.", {"budget"}),
    # not now
    ("Not now, call me again after the summer.", {"timing"}),
    ("Call me next quarter.", {"timing"}),
    ("Bad timing, we're in the middle of an ERP migration.", {"timing"}),
    ("I'm swamped until the audit is over.", {"timing"}),
    ("Try me again in a couple of months.", {"timing"}),
    ("It's not a priority this year.", {"timing"}),
    ("Maybe next year.", {"timing"}),
    ("Can you call me back in two weeks?", {"timing"}),
    # just send an e-mail
    ("Just send me an e-mail.", {"email"}),
    ("Drop me a line.", {"email"}),
    ("Email me.", {"email"}),
    ("Put it in writing.", {"email"}),
    ("Shoot me a quick E‑Mail and we'll see.", {"email"}),
    # two at once, and accents and case ignored
    ("Not now. Just email me.", {"timing", "email"}),
    ("Can you e-mail me the details?", {"email", "information"}),
    ("NO BUDGET. DÉSOLÉ.", {"budget"}),
]

NOT_REFLEXES = [
    "IT will never let an outside system connect to our machines.",
    "Our technicians know these machines better than any algorithm.",
    "We tried condition monitoring five years ago and it did not work.",
    "Who else in our industry uses this?",
    "I'm not the right person; talk to our plant manager.",
    "Your price is too high compared with what we pay today.",
    "Our data is not good enough for predictions.",
    "The budget decision sits with the group CFO.",
    "Send me a calendar invite for Thursday.",
    "We get hundreds of vendor emails a week.",
    "We already have too many projects on.",
    "We have to ask someone in IT first.",
    "Our machines are too old for this.",
    "We want to see it working in a plant like ours first.",
    "We're good at maintenance already.",
]


@pytest.mark.parametrize(("says", "reflexes"), REFLEXES)
def test_reflex_objections_are_recognised_by_meaning(says, reflexes):
    assert reflexes_in(says) == reflexes


@pytest.mark.parametrize("says", NOT_REFLEXES)
def test_other_objections_are_not_taken_for_reflexes(says):
    assert reflexes_in(says) == frozenset()


CLOSED = [
    "Are you happy with your current supplier?",
    "Do you have a budget for predictive maintenance this year?",
    "Is downtime a problem for you?",
    "Does your team track unplanned stops?",
    "Did you lose output last quarter because of a breakdown?",
    "Can your technicians see a failure coming?",
    "Would a two-week warning help your planners?",
    "Will you replace the press line in the next two years?",
    "Have you considered predictive maintenance?",
    "Has the board set an OEE target for this year?",
    "Should maintenance own the spare-parts budget?",
    "Isn’t unplanned downtime your biggest cost?",
    "If you could predict failures, would you buy a solution?",
    "You already track OEE, don't you?",
    "Do you know what an hour of stop costs you?",
    "Today, do you track stops by machine?",
    "Are you happy with your supplier or not?",
    "ARE YOU HAPPY WITH YOUR SUPPLIER",  # no question mark, shouting
    "Do you use SAP PM? And is it up to date?",
    "Is downtime a problem, and is it growing?",
]

OPEN = [
    "How do you decide which machines get sensors?",
    "What would change in your production meeting if you knew on Monday which machine will stop?",
    "Is it the press line or the extruders that stop most often?",
    "Which machine stopped your plan most often last quarter?",
    "When a bottleneck line stops for a day, which customers feel it?",
    "If the pilot finds the downtime it promises, who decides on the roll-out?",
    "Could you walk me through your last unplanned stop?",
    "Tell me about the last time a press failed during a rush order.",
    "Do you plan maintenance weekly, monthly or by running hours?",
    "Would you describe how your team decides what to repair first?",
    "In your plant, what happens when a gearbox fails on a Friday night?",
    "How many call-outs did your team have last month, and what caused them?",
    "Can you tell me how you budget for spare parts?",
    "Out of ten stops last year, how many did anyone see coming?",
    "Where does machine data live today, and who uses it?",
    "Do you track stops by machine? How?",  # the follow-up opens it
    "Do you track stops and, if so, how?",
    "Is there a line that stops more than the others, and which one?",
]


@pytest.mark.parametrize("question", CLOSED)
def test_yes_no_questions_are_closed(question):
    assert is_closed_question(question)


@pytest.mark.parametrize("question", OPEN)
def test_open_questions_and_either_or_questions_are_not_closed(question):
    assert not is_closed_question(question)


ABOUT_US = [
    "Would you like to see our platform?",
    "Have you heard of Northwind?",
    "What do you know about us?",
    "Would you be interested in a short demo?",
    "Can I show you how our predictive-maintenance software works?",
    "Have you ever worked with Northwind Analytics before?",
    "What would it take for you to choose us over your current supplier?",
    "How did you hear about our company?",
    "Are you open to a quick demonstration next week?",
    "Did you get a chance to look at our brochure?",
    "Which of our features matters most to you?",
    "What do you think of NORTHWIND’s pricing?",
]

ABOUT_THE_CLIENT = [
    "How do you measure the cost of an hour of unplanned stop on your bottleneck line today?",
    "What would you like to see change in your maintenance planning this year?",
    "What made you choose your current condition-monitoring supplier?",
    "Who uses the machine data from your PLCs today, and for what?",
    "What does your security review require before anything connects to a PLC?",
    "Which platform does your IT team prefer for new plant systems?",
    "In our experience plants lose 7% of planned hours; how does that compare with yours?",
    "What would have to be true for you to replace your current system?",
    "How are you presenting downtime figures to the board today?",
    "Where do your technicians record what they did on a repair?",
    "What is the plant manager most interested in this year?",
    "How would your team use a warning two weeks ahead of a failure?",
    "Let's say a press stops on Friday night: who gets the call?",
    "Which northern plants run the most shifts?",  # "north..." is not Northwind
]


@pytest.mark.parametrize("question", ABOUT_US)
def test_questions_about_us_are_found(question):
    assert about_us(question, "Northwind Analytics GmbH")


@pytest.mark.parametrize("question", ABOUT_THE_CLIENT)
def test_questions_about_the_client_are_not_about_us(question):
    assert about_us(question, "Northwind Analytics GmbH") is None


def test_company_names_drop_legal_forms_and_keep_a_distinctive_first_word():
    assert company_names("Northwind Analytics GmbH") == ("northwind analytics", "northwind")
    assert company_names("Global Solutions Ltd") == ("global solutions",)  # "global" is common
    assert company_names("Größe AG") == ("grosse",)
    assert company_names("") == ()


@pytest.mark.parametrize(("response", "asks"), [
    ("Happy to. Which of your lines hurts most when it stops?", True),
    ("Tell me which line hurts most, and I'll send the benchmark for it.", True),
    ("Happy to. ¿Qué línea para más?", True),
    ("Happy to. I'll send the benchmark and call you on Thursday.", False),
    ("", False),
])
def test_a_response_asks_when_it_has_a_question(response, asks):
    assert asks_a_question(response) is asks


@pytest.mark.parametrize(("response", "opening"), [
    ("Actually, condition monitoring covers only a few machines.", "actually"),
    ("But our platform is different.", "but"),
    ("“Yes, but how much downtime did you have?”", "yes but"),
    ("That's not true: most plants lose 7%.", "that is not true"),
    ("With all due respect, your sensors miss most failures.", "with all due respect"),
    ("No problem, most plants do. What do your sensors cover?", None),
    ("Fair enough, but what is on your plate until then?", None),
    ("Understood. Which lines does it cover?", None),
])
def test_a_response_that_opens_by_contradicting_argues(response, opening):
    assert argues_first(response) == opening


def test_mentions_count_us_and_the_client():
    text = ("We're the only ones who read your PLCs; our gateway, Northwind's own, is outbound. "
            "You decide.")
    assert mentions(text, "Northwind Analytics") == (3, 2)
    assert mentions("", "") == (0, 0)


def test_speech_spells_out_contractions_and_email():
    assert words_of("We’re happy; it's E-Mail, isn't it? Let's see, can't, won't.") == (
        "we are happy it is email is not it let us see can not will not")


@pytest.mark.parametrize("text", [
    "budget " * 30_000,
    "send me " * 26_000,
    "a" * 200_000,
    "already have " * 16_000,
    "Is it the press line or " * 8_000 + "?",
    "if, " * 50_000 + "?",
    "our " * 50_000,
    "e-" * 100_000,
    "a'" * 100_000,
    "?" * 200_000,
])
def test_conversation_detectors_take_linear_time_on_200_kb(text):
    """200 KB in a fraction of a second; a pattern that rescans the text from every position
    takes a minute or more on 200 KB. The 15 s cap is a safety net for a loaded machine, not a
    measurement."""
    start = time.perf_counter()
    reflexes_in(text)
    is_closed_question(text)
    about_us(text, "Northwind Analytics")
    asks_a_question(text)
    argues_first(text)
    mentions(text, "Northwind Analytics")
    assert time.perf_counter() - start < 15


# --- reading for substance: giving, asking for time, talking about us --------------------------


@pytest.mark.parametrize(("value", "problem"), [
    ("Reaching out again to see if you'd be open to a quick chat.", "asks-for-time"),
    ("See if the practice manager has availability for a 20-minute call.", "asks-for-time"),
    ("Ping the HR director again, she hasn't replied yet.", "asks-for-time"),
    ("Nudge: have they had a chance to read my previous message?", "asks-for-time"),
    ("Offer a 30-minute demo of our features.", "about-us"),
    ("Send our latest press release about our award.", "about-us"),
    ("Tell the CIO we have just been named a leader in the analyst quadrant.", "about-us"),
    ("ÉCRIRE: OUR NEW PRODUCT BROCHURE", "about-us"),  # case and accents ignored
    ("Introduce our company and the services we offer.", "about-us"),
    ("Follow up the roundtable with the benchmark of the eight plants that attended.", None),
    ("Asks for 45 minutes to build their energy baseline; they keep it whether or not they buy.",
     None),
    ("Invite them to see how a peer bank cut cash-handling costs, hosted at that bank.", None),
    ("A video recorded for this account only: their plants and lines.", None),  # says neither
    ("", None),
])
def test_a_touch_value_is_read_for_what_it_gives(value, problem):
    found = value_problem(value)
    assert (found[0] if found else None) == problem


def test_the_three_readings_name_the_words_that_decided():
    assert gives("the benchmark of the eight plants") == "benchmark"
    assert asks_for_time("open to a quick chat") == "open to a quick chat"
    assert talks_about_us("a demo of our features") == "demo"
    assert talks_about_us("the award criteria of each tender") is None


@pytest.mark.parametrize(("text", "found"), [
    ("Follow up the roundtable with the benchmark of the eight plants.", ()),
    ("Circle back with the three findings from the site walk.", ()),
    ("Checking in with new data: their churn is twice the median.", ()),
    ("Just checking in on the benchmark I sent.", ("Just checking in",)),
    ("Circle back on the checklist we sent.", ("Circle back",)),
    ("Just checking in. Here is the benchmark.", ("Just checking in",)),  # another sentence
    ("Hope you're well! Here is the benchmark of 212 plants.", ("Hope you're well",)),
    ("Following up on my last email.", ("Following up on my last",)),
])
def test_a_follow_up_that_brings_something_is_not_empty(text, found):
    assert empty_phrases_used(text) == found


def test_bringing_is_not_pointing_back():
    assert brings("with the benchmark of the eight plants")
    assert not brings("did they read the benchmark")
    assert not brings("with the benchmark I sent")


@pytest.mark.parametrize(("text", "generic"), [
    ("We go the extra mile for every client.", True),
    ("Over 25 years of experience in commercial cleaning.", True),
    ("ISO 9001 certified, with offices in 12 countries.", True),
    ("Trusted by more than 500 companies worldwide.", True),
    ("Unlike big agencies, we really get to know our clients.", True),
    ("Experienced team? Every project lead has run at least three ERP migrations.", False),
    ("Guaranteed two-hour delivery windows, with penalties we pay if we miss one.", False),
])
def test_self_praise_counts_unless_something_concrete_backs_it(text, generic):
    praise = self_praise(text) or GENERIC_CLAIMS.find(text)
    assert bool(praise and not concrete(text)) is generic


def test_responses_that_only_ask_for_time_or_list_features():
    assert asks_only_for_time("Can we put 15 minutes in the diary next week?")
    assert asks_only_for_time("When can I come by?")
    assert not asks_only_for_time("What did last winter's overtime cost you?")
    assert not asks_only_for_time("Could we take 20 minutes to go through your benchmark?")
    assert invites_to_tell("Before I do, tell me which sites it should cover.")
    assert lists_features("Our solution includes dashboards, alerts, apps and an API.") == (
        "our solution includes")
    assert lists_features("Our gateway only sends outbound; what does IT require?") is None


def test_goals_and_roles_are_read_for_a_number_a_date_and_who_prospects():
    assert has_figure("Forty first meetings") and has_figure("60 meetings")
    assert not has_figure("Win more dream clients")
    assert has_date("by 30 June") and has_date("in Q3") and has_date("by the end of the year")
    assert not has_date("60 first meetings and 16 opportunities")
    assert names_who_prospects("AEs open new accounts; CSMs serve clients.")
    assert names_who_prospects("Account executives prospect.")
    assert not names_who_prospects("Everyone helps where they can.")


@pytest.mark.parametrize("text", [
    "benchmark " * 22_000,
    "quick " * 34_000,
    "our " * 50_000,
    "but our " * 25_000,
    "reach out " * 20_000,
    "with " * 40_000 + "benchmark",
    "every " * 34_000,
    "cut " * 50_000 + "by 3",
    "a, " * 66_000,
    "Just checking in. " * 11_000,
    "a" * 200_000,
    # German and French, read with their own lists
    "ich frage nur mal kurz noch mal " * 6_500,
    "kurze kleine Termin " * 10_000,
    "je vous en y " * 16_000 + "?",
    "sans nouvelles de votre " * 8_500,
    "Sie sich Sie sich, ja " * 9_000 + "?",
    "Haben Sie von unserem " + "a" * 200_000 + "?",
    "Vous " + "x " * 100_000 + "?",
    "vous il " * 25_000 + "?",
    "Nachfassen mit der " * 10_000 + "Auswertung",
    "bis sie " * 25_000,
    # the twelfth set's readings: task durations, reminders, greetings, comparisons, suppliers
    "remplir en " * 18_000 + "20 minutes",
    "in 20 minuten " * 14_000,
    "rappeler a " * 18_000 + "que",
    "erinnern sie " * 15_000 + "dass",
    "Frohe Ostern an das " * 10_000,
    "carte de vœux à toute l'équipe " * 6_000,
    "komme auf mein " * 13_000 + "zurück",
    "schneller als die grossen " * 8_000,
    "plus agile que les grands " * 8_000,
    "faster than the big " * 10_000,
    "die meisten Lieferanten " * 8_000 + "noch",
    "la plupart des prestataires " * 7_000 + "encore",
    # the thirteenth set's readings: proof, booked demos, contact only, reminders, rivals run down
    "ISO 27001 zertifiziert " * 8_000 + "seit",
    "certifié par " * 15_000 + "AFNOR",
    "40 clients " * 18_000 + "dont",
    "Termin für eine " * 12_000 + "Demo",
    "démonstration sur " * 11_000 + "site",
    "demo in the " * 16_000 + "week",
    "schön, dass wir uns " * 10_000 + "gesehen",
    "ravi d'avoir " * 15_000 + "échangé",
    "knüpft an mein Schreiben " * 8_000 + "an",
    "bringt uns noch einmal " * 8_000 + "in Erinnerung",
    "mit dem anderen Anbieter werden Sie " * 5_000 + "nicht glücklich",
    "leur support est " * 12_000 + "mauvais",
    "kurze schnelle " * 13_000 + "Reaktionszeiten",
])
def test_substance_detectors_take_linear_time_on_200_kb(text):
    """As the conversation detectors above."""
    start = time.perf_counter()
    GENERIC_CLAIMS.find(text)
    is_closed_question(text)
    value_problem(text)
    only_contact(text)
    empty_phrases_used(text)
    self_praise(text)
    concrete(text)
    asks_only_for_time(text)
    lists_features(text)
    argues_first(text)
    has_figure(text)
    has_date(text)
    names_who_prospects(text)
    assert time.perf_counter() - start < 15


def test_findings_of_the_phrase_rules_are_worded_in_the_plan_s_language():
    from prospector.coach.wording import field_names, quote_list, worded, worded_n  # noqa: PLC0415

    assert worded("de", "“{title}” sells with {phrases}.", title="Messe",
                  phrases=quote_list(["Marktführer", "innovativ"], "de")) == (
        "„Messe“ verkauft mit „Marktführer“ und „innovativ“.")
    assert worded_n("fr", "“{title}” leans on {phrases} (in its {where}).",
                    "“{title}” leans on {phrases} (in its {where}).", 2, title="Relance",
                    phrases=quote_list(["vous relancer"], "fr"),
                    where=field_names(["title", "value"], "fr")) == (
        "«\u00a0Relance\u00a0» s'appuie sur «\u00a0vous relancer\u00a0» (dans son titre et sa "
        "valeur).")
    assert worded("it", "“{title}” sells with {phrases}.", title="X",
                  phrases=quote_list(["a"], "it")) == (
        "“X” sells with “a”.")  # a language without wording of its own reads English


@pytest.mark.parametrize(("text", "found"), [
    # said otherwise than the lists' first phrases: the separated verb, other verbs, formulas
    ("Ich hake kurz nach, ob Sie die Unterlagen bekommen haben.", "hake kurz nach"),
    ("Ich komme noch einmal auf meine letzte E-Mail zurück.", "komme noch einmal auf meine"),
    ("Leider habe ich noch nichts von Ihnen gehört.", "noch nichts von Ihnen gehört"),
    ("Je vous relance au sujet de notre proposition.", "Je vous relance"),
    ("Sans nouvelles de votre part, je me permets de revenir vers vous.", "Sans nouvelles"),
    # the same words asking about the client are no empty phrase
    ("Ich frage nach der Ausschussquote Ihrer Linie 3.", None),
    ("Je vous envoie la relance de vos fournisseurs comparée à 40 usines.", None),
])
def test_german_and_french_empty_phrases_said_otherwise_are_found(text, found):
    phrases = EMPTY_PHRASES.find(text)
    assert (phrases[0].startswith(found) if found else phrases == ()), phrases


@pytest.mark.parametrize(("text", "found"), [
    ("Ihr führender Anbieter für Intralogistik, mit Technik der Weltklasse.", "führender Anbieter"),
    ("Unschlagbare Preise und alles aus einer Hand.", "Unschlagbare Preise"),
    ("Un acteur majeur de la maintenance, aux prix compétitifs.", "acteur majeur"),
    ("Des solutions haut de gamme, hors pair.", "haut de gamme"),
    ("Wir führen die Auswertung für zwölf Werke durch.", None),
    ("Nous comparons les prix de vos pièces à ceux de 40 usines.", None),
])
def test_german_and_french_generic_claims_said_otherwise_are_found(text, found):
    claims = GENERIC_CLAIMS.find(text)
    assert (claims[0].startswith(found) if found else claims == ()), claims


@pytest.mark.parametrize(("question", "closed"), [
    ("En avez-vous déjà parlé avec votre DSI ?", True),
    ("S'agit-il d'un sujet pour votre direction ?", True),
    ("Vous suivez vos arrêts par ligne, c'est ça ?", True),
    ("Sie planen das im Herbst, ja?", True),
    ("Lohnt sich das für Ihr Werk?", True),
    ("En quoi cela change-t-il votre planning ?", False),
    ("Wie lohnt sich das für Ihr Werk?", False),
])
def test_german_and_french_questions_read_past_a_pronoun_and_hear_a_tag(question, closed):
    assert is_closed_question(question) is closed
