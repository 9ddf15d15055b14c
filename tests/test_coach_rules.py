"""Every coach rule, tripped by a plan and not tripped by its near miss.

Each case starts from the sample plan (which trips nothing) and changes as little as possible:
a trip case must make the rule fire, a near-miss case (often the value just inside a threshold,
or a phrase that is negated) must not.
"""

import copy
import re
from collections.abc import Callable

import pytest

from prospector.coach import RULES, RULES_BY_ID, SECTIONS, THRESHOLDS, review
from prospector.model import Plan

Mutation = Callable[[dict], None]


# --- helpers that edit a plan document in place ---------------------------------------------
def _item(doc: dict, section: str, item_id: str) -> dict:
    return next(x for x in doc[section] if x["id"] == item_id)


def touch(doc, tid="tch-01"):
    return _item(doc, "touches", tid)


def dif(doc, did="dif-01"):
    return _item(doc, "differentiators", did)


def steps(doc, cid="cad-02"):
    return _item(doc, "cadences", cid)["steps"]


def no_personas(doc):
    doc["personas"] = []
    for account in doc["accounts"]:
        for contact in account["contacts"]:
            contact["persona_id"] = None
    for t in doc["touches"]:
        t["persona_ids"] = []
    for item in doc["cadences"] + doc["objections"] + doc["questions"]:
        item["persona_ids"] = []


def no_differentiators(doc):
    doc["differentiators"] = []
    for objection in doc["objections"]:
        objection["differentiator_id"] = None


def no_touches(doc):
    doc["touches"] = []
    for c in doc["cadences"]:
        for s in c["steps"]:
            s["touch_id"] = None


def no_accounts(doc):
    doc["accounts"] = []
    for rep in doc["reps"]:
        rep["account_ids"] = []


def set_tiers(doc, tiers: str):
    for account, tier in zip(doc["accounts"], tiers, strict=True):
        account["tier"] = tier


def set_days(doc, days, cid="cad-02"):
    for step, day in zip(steps(doc, cid), days, strict=False):  # the first steps
        step["day"] = day


def set_channels(doc, channels, cid="cad-02"):
    for step, channel in zip(steps(doc, cid), channels, strict=False):  # the first steps
        step["channel"] = channel


def keep_steps(doc, n, cid="cad-02"):
    _item(doc, "cadences", cid)["steps"] = steps(doc, cid)[:n]


def four_steps(channels):
    def mutate(doc):
        keep_steps(doc, 4)
        set_channels(doc, channels)
    return mutate


def words(n: int) -> str:
    return "{{first_name}}, " + " ".join(["insight"] * (n - 1))


def no_opportunity_flags(doc):
    for target in doc["accountability"]["targets"]:
        target["creates_opportunities"] = False


def opportunity_targets_zero(doc):
    for target in doc["accountability"]["targets"]:
        if target["creates_opportunities"]:
            target["per_rep"] = 0


def set_(path: str, value) -> Mutation:
    """``set_("basics.goal", "")``; list items by id: ``set_("touches[tch-01].value", "")``."""
    def mutate(doc):
        node = doc
        parts = path.split(".")
        for part in parts[:-1]:
            match = re.fullmatch(r"(\w+)\[(.+)\]", part)
            node = _item(node, *match.groups()) if match else node[part]
        node[parts[-1]] = copy.deepcopy(value)
    return mutate


def nothing(doc):
    pass


def drop_touch_from_cadences(tid):
    def mutate(doc):
        for c in doc["cadences"]:
            c["steps"] = [s for s in c["steps"] if s["touch_id"] != tid]
    return mutate


def objection(doc, oid="obj-01"):
    return _item(doc, "objections", oid)


def without_objection(oid):
    def mutate(doc):
        doc["objections"] = [o for o in doc["objections"] if o["id"] != oid]
    return mutate


def reflexes_in_other_words(doc):
    """The five reflexes, none in the sample's words."""
    for oid, says in (("obj-01", "Can you send me a brochure?"),
                      ("obj-02", "We're happy with our current vendor."),
                      ("obj-03", "The budget is spent for this year."),
                      ("obj-04", "Call me next quarter."),
                      ("obj-05", "Drop me a line.")):
        objection(doc, oid)["says"] = says


def nobody_asks_the_it_lead(doc):
    for qid, personas in (("qst-10", ["per-01"]), ("qst-11", ["per-02"]),
                          ("qst-12", ["per-01"])):
        _item(doc, "questions", qid)["persona_ids"] = personas


def campaigns_skip_the_it_lead(doc):
    nobody_asks_the_it_lead(doc)
    for cadence in doc["cadences"]:
        cadence["persona_ids"] = ["per-01", "per-02", "per-03"]


PITCH = ("Our platform predicts failures weeks ahead, our gateway is outbound-only and we connect "
         "to any PLC in six weeks. We have 40 clients in Germany. Can we show you?")
FEATURES = ("Our platform includes failure prediction, automated alerts, a mobile app, API "
            "access and round-the-clock support. Which of those matter to you?")
BALANCED = ("Most plants we talk to do, and we hear it often. How much of your downtime last year "
            "was on machines your sensors cover? At Brandtner it was a third; our benchmark shows "
            "where your stops were.")


TRIPS: list[tuple[str, Mutation]] = [
    ("basics-no-goal", set_("basics.goal", "")),
    ("basics-goal-not-measurable", set_("basics.goal", "Win more dream clients this year")),
    ("basics-goal-not-measurable", lambda d: d["basics"].update(
        goal="60 first meetings and 16 new qualified opportunities", end_date=None)),
    ("basics-no-strategy", set_("basics.strategy", "")),
    ("basics-no-strategy", set_("basics.strategy", "Sell more to manufacturers.")),
    ("basics-no-roles", set_("basics.roles", "")),
    ("basics-no-roles", set_("basics.roles",
                             "Everyone helps where they can and looks after the clients they "
                             "know best.")),
    ("basics-no-roles", set_("basics.roles",
                             "Die Verkäufer betreuen die bestehenden Kunden und schreiben "
                             "Angebote.")),
    ("icp-missing", set_("ideal_client_profile", {"disqualifiers": ["Tiny shops"], "notes": "n"})),
    ("icp-no-triggers", set_("ideal_client_profile.trigger_events", [])),
    ("icp-no-disqualifiers", set_("ideal_client_profile.disqualifiers", [])),
    ("accounts-none", no_accounts),
    ("account-no-why", set_("accounts[acc-03].why", "")),
    ("account-no-why", set_("accounts[acc-03].why", "Big and growing")),
    ("accounts-untiered", lambda d: set_tiers(d, "B" * 26)),
    ("accounts-untiered", lambda d: set_tiers(d, "A" * 26)),
    ("accounts-no-dream-clients", lambda d: set_tiers(d, "B" * 16 + "C" * 10)),
    ("accounts-too-many-dream-clients", lambda d: set_tiers(d, "A" * 11 + "B" * 5 + "C" * 10)),
    ("account-dream-no-contacts", set_("accounts[acc-01].contacts", [])),
    ("account-no-owner", set_("reps[rep-01].account_ids", ["acc-03", "acc-08"])),
    ("account-two-owners", lambda d: _item(d, "reps", "rep-02")["account_ids"].append("acc-02")),
    ("personas-none", no_personas),
    ("persona-not-served", lambda d: [t["persona_ids"].remove("per-04")
                                      for t in d["touches"] if "per-04" in t["persona_ids"]]),
    ("persona-thin",
     lambda d: _item(d, "personas", "per-04").update(cares_about=[], value_means="")),
    ("reps-none", set_("reps", [])),
    ("rep-no-accounts", set_("reps[rep-03].account_ids", [])),
    ("rep-schedule-past-end", set_("basics.end_date", "2027-03-01")),  # cadences too long
    ("rep-schedule-past-end", set_("accountability.daily_touch_capacity", 1)),  # too few days
    ("rep-schedule-past-end", set_("reps[rep-02].start_date", "2027-07-05")),  # after the end
    ("touches-none", no_touches),
    ("touch-no-value", set_("touches[tch-01].value", "")),
    ("touch-no-value", set_("touches[tch-01].value", "Just checking in.")),
    ("touch-no-value", set_("touches[tch-01].value", "Following up again.")),
    ("touch-asks-for-time", set_("touches[tch-01].value",
                                 "Reaching out again to see if they'd be open to a quick chat.")),
    ("touch-asks-for-time", set_("touches[tch-01].value",
                                 "Ask the plant manager for 15 minutes on their calendar next "
                                 "week.")),
    ("touch-about-us", set_("touches[tch-01].value", "Offer a 30-minute demo of our features.")),
    ("touch-about-us", set_("touches[tch-01].value",
                            "Send our latest press release about our award.")),
    ("touch-value-thin", set_("touches[tch-01].value", "Our downtime benchmark report")),
    ("touch-empty-phrase", set_("touches[tch-01].message",
                                "{{first_name}}, just checking in on the benchmark I sent.")),
    ("touch-empty-phrase", set_("touches[tch-01].title", "Quick check-in")),
    ("touch-empty-phrase", set_("touches[tch-03].message", "Hope you're well! Can we touch base?")),
    ("touch-generic-claim", lambda d: touch(d).update(
        message=touch(d)["message"] + " We are an industry-leading provider.")),
    ("touch-unused", drop_touch_from_cadences("tch-07")),
    ("touch-no-persona", set_("touches[tch-01].persona_ids", [])),
    ("touch-no-message", set_("touches[tch-01].message", "")),
    ("touch-not-personalised", set_("touches[tch-01].message",
                                    "Attached is the benchmark of unplanned downtime across 212 "
                                    "plants; page 4 shows the three asset classes behind "
                                    "most lost hours.")),
    ("touch-too-long", set_("touches[tch-01].message", words(181))),
    ("differentiators-none", no_differentiators),
    ("differentiator-generic", set_("differentiators[dif-01].difference",
                                    "Great service and industry-leading quality from an "
                                    "experienced team")),
    ("differentiator-generic", set_("differentiators[dif-01].difference", "Our people")),
    ("differentiator-generic", set_("differentiators[dif-01].difference",
                                    "We go the extra mile for every client and really listen "
                                    "to what they need.")),
    ("differentiator-generic", set_("differentiators[dif-01].difference",
                                    "Over 25 years of experience in predictive maintenance.")),
    ("differentiator-generic", set_("differentiators[dif-01].proof",
                                    "Clients love our world-class support.")),
    ("differentiator-no-proof", set_("differentiators[dif-02].proof", "")),
    ("differentiator-no-why", set_("differentiators[dif-02].why_it_matters", "")),
    ("differentiator-no-alternative", set_("differentiators[dif-02].alternative", "")),
    ("objections-none", set_("objections", [])),
    ("objections-reflexes-missing", without_objection("obj-03")),
    ("objections-reflexes-missing", set_("objections[obj-05].says",
                                         "Who else in our industry uses this?")),
    ("objection-no-response", set_("objections[obj-01].response", "")),
    ("objection-response-no-question", set_("objections[obj-01].response",
                                            "Happy to. I'll send the two-page benchmark for your "
                                            "kind of line and call you on Thursday.")),
    ("objection-response-argues", set_("objections[obj-02].response",
                                       "Actually, condition monitoring only covers a few machines. "
                                       "How many of yours does it cover?")),
    ("objection-response-argues", set_("objections[obj-02].response",
                                       "Yes, but how much downtime did you have last year?")),
    ("objection-response-argues", set_("objections[obj-02].response", PITCH)),
    ("objection-response-argues", set_("objections[obj-02].response",
                                       "I understand, but our platform is far more advanced "
                                       "than sensors. Which machines do they cover?")),
    ("objection-response-argues", set_("objections[obj-02].response", FEATURES)),
    ("objection-response-no-question", set_("objections[obj-02].response",
                                            "Understood. Can we put 15 minutes in the diary "
                                            "next week anyway?")),
    ("objection-no-proof", set_("objections[obj-01].proof", "")),
    ("questions-none", set_("questions", [])),
    ("question-closed", set_("questions[qst-01].question",
                             "Do you know what an hour of unplanned stop costs you?")),
    ("question-closed", set_("questions[qst-04].question",
                             "When a press stopped last quarter, did anyone see it coming?")),
    ("question-closed", set_("questions[qst-07].question",
                             "Your planners track the planned share, don't they?")),
    ("question-about-us", set_("questions[qst-01].question",
                               "Would you like to see our platform?")),
    ("question-about-us", set_("questions[qst-02].question", "Have you heard of Northwind?")),
    ("question-about-us", set_("questions[qst-02].question",
                               "What do you know about Northwind’s approach to maintenance?")),
    ("question-about-us", set_("questions[qst-02].question",
                               "Which of our modules would you like to try first?")),
    ("questions-persona-uncovered", nobody_asks_the_it_lead),
    ("qualification-opportunities-undefined", set_("qualification.criteria", [])),
    ("qualification-opportunities-undefined", set_("qualification", {})),
    ("qualification-criterion-no-must-show", set_("qualification.criteria", [
        {"name": "Pain", "must_show": "The buyer names a problem we solve on a named line."},
        {"name": "Timeline"}])),
    ("cadences-none", set_("cadences", [])),
    ("cadence-no-ask", lambda d: [s.update(is_ask=False) for s in steps(d)]),
    ("cadence-no-ask", set_("cadences[cad-02].steps", [])),
    ("cadence-too-few-touches", lambda d: keep_steps(d, 7)),
    ("cadence-too-few-touches", set_("cadences[cad-02].steps", [])),
    ("cadence-too-short", lambda d: set_days(d, [0, 4, 8, 12, 16, 20, 24, 28, 32, 41])),
    ("cadence-burst", lambda d: set_days(d, [0, 1, 2])),
    ("cadence-channel-monotony", lambda d: set_channels(d, ["email", "email", "email"])),
    ("cadence-channel-monotony", four_steps(["email", "phone", "email", "phone"])),
    ("cadence-repeats-touch", lambda d: steps(d)[2].update(touch_id="tch-03")),
    ("cadence-repeats-touch", lambda d: [s.update(touch_id="tch-01") for s in steps(d)]),
    ("cadence-step-no-touch", lambda d: steps(d)[2].update(touch_id=None)),
    ("cadence-step-empty-phrase", lambda d: steps(d)[3].update(
        objective="Just checking in to see if they read the checklist.")),
    ("cadence-step-empty-phrase", lambda d: steps(d)[3].update(objective="Follow up")),
    ("cadence-step-empty-phrase", lambda d: steps(d)[3].update(
        objective="Circle back on the checklist we sent.")),
    ("cadence-asks-first", lambda d: steps(d)[0].update(is_ask=True)),
    ("cadence-ends-without-ask", lambda d: steps(d)[-1].update(is_ask=False)),
    ("cadence-long-gap", lambda d: steps(d)[-1].update(day=82)),
    ("cadence-tier-uncovered", set_("cadences[cad-02].tiers", ["B"])),
    ("accountability-no-opportunity-targets", no_opportunity_flags),
    ("accountability-no-opportunity-targets", opportunity_targets_zero),
    ("accountability-no-review", set_("accountability.review", "")),
    ("accountability-no-activity-targets", lambda d: d["accountability"].update(
        targets=[t for t in d["accountability"]["targets"] if t["kind"] != "activity"])),
]

NEAR_MISSES: list[tuple[str, Mutation]] = [
    ("basics-no-goal", set_("basics.goal", "Win more")),  # vague, but there is a goal
    ("basics-goal-not-measurable", set_("basics.goal", "40 first meetings by June")),
    ("basics-goal-not-measurable", set_("basics.goal",
                                        "Forty first meetings with the dream clients")),  # end date
    ("basics-goal-not-measurable", lambda d: d["basics"].update(
        goal="Forty first meetings with the dream clients by the end of the year",
        end_date=None)),
    ("basics-no-strategy", set_("basics.strategy",
                                "Lead with their own downtime economics and sell a 90-day pilot "
                                "first.")),
    ("basics-no-roles", nothing),
    ("basics-no-roles", set_("basics.roles", "AEs open new accounts; CSMs serve clients.")),
    # German and French roles that say who prospects (the coach flagged its own German fix)
    ("basics-no-roles", set_("basics.roles", "Account Executives akquirieren und gewinnen "
                             "Neukunden in ihren Gebieten; Account Manager betreuen "
                             "Bestandskunden.")),
    ("basics-no-roles", set_("basics.roles", "Les chargés d'affaires prospectent et gagnent de "
                             "nouveaux clients ; les responsables de compte suivent les clients.")),
    ("icp-missing", set_("ideal_client_profile", {"industries": ["Food processing"]})),
    ("icp-no-triggers", set_("ideal_client_profile", {})),  # icp-missing says it all
    ("icp-no-disqualifiers", set_("ideal_client_profile", {})),
    ("accounts-none", nothing),
    ("account-no-why", set_("accounts[acc-03].why", "New plant opens in May")),
    ("accounts-untiered", lambda d: (no_accounts(d), d["accounts"].extend(
        {"id": f"x{i}", "name": f"X{i}", "tier": "B", "why": "A real reason here"}
        for i in range(4)))),
    ("accounts-no-dream-clients", lambda d: set_tiers(d, "B" * 26)),  # untiered says it all
    ("accounts-too-many-dream-clients", lambda d: set_tiers(d, "A" * 10 + "B" * 6 + "C" * 10)),
    ("account-dream-no-contacts", set_("accounts[acc-26].contacts", [])),  # a C account
    ("account-no-owner", set_("reps", [])),  # reps-none says it all
    ("account-two-owners", nothing),
    ("personas-none", nothing),
    ("persona-not-served", no_touches),  # touches-none says it all
    ("persona-thin", set_("personas[per-04].cares_about", [])),
    ("reps-none", nothing),
    ("rep-no-accounts", nothing),
    ("rep-schedule-past-end", set_("basics.end_date", "2027-05-14")),  # fewer waves: in time
    ("touches-none", nothing),
    ("touch-no-value", set_("touches[tch-01].value",
                            "Not a “just checking in”: shows where their plants sit against "
                            "212 peers.")),
    ("touch-asks-for-time", set_("touches[tch-01].value",
                                 "Follow up the roundtable with the benchmark of the eight "
                                 "plants that attended.")),
    ("touch-asks-for-time", set_("touches[tch-01].value",
                                 "Asks for 45 minutes to build their downtime baseline "
                                 "together; they keep the baseline whether or not they buy.")),
    ("touch-asks-for-time", set_("touches[tch-01].value", "Just checking in.")),  # no-value
    ("touch-about-us", set_("touches[tch-01].value",
                            "Our benchmark of 212 plants: where their plants sit on unplanned "
                            "downtime.")),
    ("touch-about-us", set_("touches[tch-01].value",
                            "Phone call to ask if they would like to meet our team at the trade "
                            "fair.")),  # it asks for time: touch-asks-for-time says it
    ("touch-value-thin", set_("touches[tch-01].value",
                              "Shows where their plants sit against 212 peers")),
    ("touch-empty-phrase", set_("touches[tch-01].message",
                                "Never say “just checking in”: open with page 4, {{first_name}}.")),
    ("touch-empty-phrase", set_("touches[tch-01].message",
                                "No “touch base” emails and don't circle back, {{first_name}}.")),
    ("touch-empty-phrase", lambda d: touch(d).update(
        value="Follow up the roundtable with the benchmark of the eight plants that attended.",
        message="{{first_name}}, circling back with the three findings from the site walk: two "
                "presses gave a warning weeks ahead.")),
    ("touch-generic-claim", lambda d: touch(d).update(
        message=touch(d)["message"] + " We are not another industry-leading vendor.")),
    ("touch-unused", set_("cadences", [])),  # cadences-none says it all
    ("touch-no-persona", no_personas),  # personas-none says it all
    ("touch-no-message", nothing),
    ("touch-not-personalised", set_("touches[tch-03].message",  # a phone talk track
                                    "Attached is the benchmark of unplanned downtime across 212 "
                                    "plants; page 4 shows the three asset classes behind "
                                    "most lost hours.")),
    ("touch-not-personalised", set_("touches[tch-01].message",
                                    "Page 4 of the benchmark is for you.")),
    ("touch-too-long", set_("touches[tch-01].message", words(180))),
    ("touch-too-long", set_("touches[tch-03].message", words(400))),  # a phone talk track
    ("differentiators-none", nothing),
    ("differentiator-generic", set_("differentiators[dif-01].difference",
                                    "Never a “one-stop shop”: we only do predictive maintenance "
                                    "for discrete manufacturers.")),
    ("differentiator-generic", set_("differentiators[dif-01].difference",
                                    "Experienced team: every alert is reviewed by a reliability "
                                    "engineer within 24 hours.")),
    ("differentiator-no-proof", nothing),
    ("differentiator-no-why", nothing),
    ("differentiator-no-alternative", nothing),
    ("objections-none", lambda d: d.update(objections=[], cadences=[])),  # cadences-none
    ("objections-reflexes-missing", reflexes_in_other_words),
    ("objections-reflexes-missing", set_("objections[obj-04].says",
                                         "We're mid-shutdown; try me in September.")),
    ("objections-reflexes-missing", set_("objections", [])),  # objections-none says it all
    ("objection-no-response", set_("objections[obj-01].response",
                                   "Happy to. Which of your lines hurts most when it stops?")),
    ("objection-response-no-question", set_("objections[obj-01].response",
                                            "Happy to. Tell me which of your lines hurts most "
                                            "when it stops, and I'll send the benchmark for it.")),
    ("objection-response-no-question", set_("objections[obj-01].response", "")),
    ("objection-response-argues", set_("objections[obj-02].response", BALANCED)),
    ("objection-response-argues", set_("objections[obj-02].response",
                                       "No problem, most plants do. What do your sensors cover?")),
    ("objection-response-argues", set_("objections[obj-02].response",
                                       "Understood, and many of our clients said the same. "
                                       "What do your sensors cover today?")),
    ("objection-response-no-question", set_("objections[obj-02].response",
                                            "Most plants do. Which machines do they cover? "
                                            "Could we take 20 minutes on Thursday?")),
    ("objection-response-argues", set_("objections[obj-04].response",
                                       "Fair enough, but before the summer: what is on your "
                                       "plate until then?")),
    ("objection-no-proof", lambda d: objection(d).update(proof="", differentiator_id="dif-01")),
    ("objection-no-proof", lambda d: objection(d).update(proof="", response="")),  # no response
    ("questions-none", lambda d: d.update(questions=[], cadences=[])),  # cadences-none
    ("question-closed", set_("questions[qst-04].question",
                             "Is it the press line or the extruders that stop most often?")),
    ("question-closed", set_("questions[qst-04].question",
                             "Could you walk me through your last unplanned stop?")),
    ("question-closed", set_("questions[qst-04].question",
                             "If a press stopped tonight, who would hear about it first?")),
    ("question-closed", set_("questions[qst-04].question",  # question-about-us says it all
                             "Have you heard of Northwind?")),
    ("question-about-us", set_("questions[qst-06].question",
                               "What would you like to see change in your maintenance planning "
                               "this year?")),
    ("question-about-us", set_("questions[qst-01].question",
                               "In our experience plants lose 7% of planned hours; how does "
                               "that compare with yours?")),
    ("questions-persona-uncovered", campaigns_skip_the_it_lead),
    ("questions-persona-uncovered", nothing),  # qst-12 is for every persona
    ("qualification-opportunities-undefined", lambda d: (
        no_opportunity_flags(d), d["qualification"].update(criteria=[]))),
    ("qualification-criterion-no-must-show", nothing),
    ("cadences-none", nothing),
    ("cadence-no-ask", lambda d: [s.update(is_ask=s is steps(d)[-1]) for s in steps(d)]),
    ("cadence-too-few-touches", lambda d: keep_steps(d, 8)),
    ("cadence-too-short", lambda d: set_days(d, [0, 4, 8, 12, 16, 20, 24, 28, 32, 42])),
    ("cadence-too-short", lambda d: keep_steps(d, 1)),  # one step has no span; too-few says it
    ("cadence-burst", lambda d: set_days(d, [0, 2, 3])),
    ("cadence-channel-monotony", lambda d: set_channels(d, ["email", "email", "social"])),
    ("cadence-channel-monotony", four_steps(["email", "phone", "social", "email"])),
    ("cadence-repeats-touch", lambda d: steps(d)[4].update(touch_id="tch-01")),  # 21 days later
    ("cadence-step-no-touch", no_touches),  # touches-none says it all
    ("cadence-step-empty-phrase", lambda d: steps(d)[3].update(
        objective="Don't just check in: bring the cost-of-downtime number.")),
    ("cadence-step-empty-phrase", lambda d: steps(d)[3].update(
        objective="Follow up on the benchmark with the worksheet.")),
    ("cadence-step-empty-phrase", lambda d: steps(d)[3].update(
        objective="Follow up the roundtable with the benchmark of the eight plants that "
                  "attended.")),
    ("cadence-asks-first", nothing),
    ("cadence-ends-without-ask", nothing),
    ("cadence-long-gap", lambda d: steps(d)[-1].update(day=81)),
    ("cadence-tier-uncovered", set_("cadences[cad-02].tiers", [])),
    ("accountability-no-opportunity-targets", lambda d: (
        no_opportunity_flags(d), d["accountability"]["targets"][3].update(
            creates_opportunities=True, per_rep=0.5))),
    ("accountability-no-review", nothing),
    ("accountability-no-activity-targets", nothing),
]


def _review(sample_doc: dict, mutate: Mutation):
    doc = copy.deepcopy(sample_doc)
    mutate(doc)
    plan = Plan.model_validate(doc)
    return plan, review(plan)


def _case_id(case):
    return case[0]


@pytest.mark.parametrize("case", TRIPS, ids=_case_id)
def test_rule_fires_on_a_plan_that_trips_it(case, sample_doc):
    rule_id, mutate = case
    plan, result = _review(sample_doc, mutate)
    found = [f for f in result.findings if f.rule_id == rule_id]
    assert found, f"{rule_id} did not fire; fired: {sorted({f.rule_id for f in result.findings})}"
    rule = RULES_BY_ID[rule_id]
    ids = {x.id for section in ("accounts", "personas", "touches", "differentiators",
                                "objections", "questions", "cadences", "reps")
           for x in getattr(plan, section)}
    ids |= {c.name for c in plan.qualification.criteria}  # a criterion is found by its name
    for finding in found:
        assert (finding.severity, finding.section) == (rule.severity, rule.section)
        assert finding.message and finding.why and finding.fix and finding.item_label
        assert finding.item_id is None or finding.item_id in ids
        assert "{" not in finding.fix.replace("{{", "").replace("}}", "")


@pytest.mark.parametrize("case", NEAR_MISSES, ids=_case_id)
def test_rule_stays_quiet_on_its_near_miss(case, sample_doc):
    rule_id, mutate = case
    _, result = _review(sample_doc, mutate)
    assert rule_id not in {f.rule_id for f in result.findings}


def test_every_rule_has_a_trip_and_a_near_miss():
    ids = {r.id for r in RULES}
    assert {c[0] for c in TRIPS} == ids
    assert {c[0] for c in NEAR_MISSES} == ids


def test_rule_ids_are_stable_kebab_case_and_named_after_their_section():
    prefixes = {"basics": "basics", "ideal_client_profile": "icp", "accounts": "account",
                "personas": "persona", "touches": "touch", "differentiators": "differentiator",
                "objections": "objection", "questions": "question",
                "qualification": "qualification", "cadences": "cadence",
                "accountability": "accountability", "reps": "rep"}
    assert len({r.id for r in RULES}) == len(RULES)
    for rule in RULES:
        assert re.fullmatch(r"[a-z]+(-[a-z]+)+", rule.id), rule.id
        assert rule.id.startswith(prefixes[rule.section]), rule.id
        assert rule.severity in ("blocker", "warning", "tip")
        assert rule.title and rule.trips and rule.why and rule.fix


def test_rules_come_in_section_order():
    order = [SECTIONS.index(r.section) for r in RULES]
    assert order == sorted(order)


def test_every_area_the_method_names_has_a_rule():
    """The issue's list: each area of 'what a coach would flag' has at least one rule."""
    ids = {r.id for r in RULES}
    for needed in ("touch-no-value", "touch-empty-phrase", "differentiator-generic",
                   "differentiator-no-proof", "differentiator-no-why", "cadence-too-few-touches",
                   "cadence-too-short", "cadence-burst", "cadence-channel-monotony",
                   "cadence-no-ask", "accounts-untiered", "account-no-why", "icp-missing",
                   "persona-not-served", "touch-unused", "accountability-no-opportunity-targets",
                   "rep-no-accounts"):
        assert needed in ids, needed


def test_a_new_personas_findings_do_not_say_persona_twice():
    plan = Plan(name="P", personas=[{"id": "per-1", "role": "New persona",
                                      "responsibilities": "Runs the plant"}])
    messages = [f.message for f in review(plan).findings if f.item_id == "per-1"]
    assert messages and not any("persona persona" in m.lower() for m in messages)
    assert "“New persona” does not say what they care about." in messages


def test_the_method_s_sales_conversations_have_rules():
    ids = {r.id for r in RULES}
    for needed in ("objection-no-response", "objection-response-no-question",
                   "objection-response-argues", "objection-no-proof",
                   "objections-reflexes-missing", "question-closed", "question-about-us",
                   "questions-persona-uncovered", "qualification-opportunities-undefined"):
        assert needed in ids, needed


def test_one_finding_names_every_missing_reflex(sample_doc):
    doc = copy.deepcopy(sample_doc)
    without_objection("obj-03")(doc)
    objection(doc, "obj-05")["says"] = "Who else in our industry uses this?"
    _, result = _review(doc, nothing)
    found = [f for f in result.findings if f.rule_id == "objections-reflexes-missing"]
    assert [f.message for f in found] == [
        "The library has no response to “no budget” and “just send an e-mail”: every "
        "prospecting campaign meets them."]


def test_opportunities_without_a_definition_name_the_targets_that_count_them(sample_doc):
    _, result = _review(sample_doc, lambda d: d["qualification"].update(criteria=[],
                                                                         framework="bant"))
    (found,) = [f for f in result.findings
                if f.rule_id == "qualification-opportunities-undefined"]
    assert found.message == (
        "“First meetings held” and “New qualified opportunities (pilot scoped with the buyer)” "
        "count opportunities with no definition (BANT is chosen, but none of its criteria is "
        "written): every rep will count differently.")
    assert result.blockers == 1 and not result.ready


def test_a_pitch_is_counted_in_the_leader_s_words(sample_doc):
    _, result = _review(sample_doc, set_("objections[obj-02].response", PITCH))
    (found,) = [f for f in result.findings if f.rule_id == "objection-response-argues"]
    assert found.message == ("The response to “We already have a supplier for condition "
                             "monitoring.” speaks of us 5 times and of the client once: it "
                             "pitches instead of asking.")


def test_direction_and_role_clarity_are_serious_faults_not_tips():
    """METHOD.md: a goal without a number and a date, a plan with no strategy and a plan that
    does not say who prospects are serious faults."""
    severities = {r.id: r.severity for r in RULES if r.section == "basics"}
    assert severities == {"basics-no-goal": "blocker", "basics-goal-not-measurable": "warning",
                          "basics-no-strategy": "warning", "basics-no-roles": "warning"}


def test_a_touch_that_asks_for_time_says_what_asks(sample_doc):
    _, result = _review(sample_doc, set_("touches[tch-01].value",
                                         "Reaching out again to see if they'd be open to a "
                                         "quick chat."))
    (found,) = [f for f in result.findings if f.rule_id == "touch-asks-for-time"]
    assert found.message == ("“Downtime benchmark for their sector” asks for their time "
                             "(“Reaching out”) and gives them nothing about their business.")
    assert found.severity == "blocker" and found.field == "value"


def test_the_coach_s_advice_assumes_no_industry_and_uses_the_plan_s_roles():
    """A hospital plan hears about its own personas, not 'the operations leader'; no rule's
    advice is written for factories."""
    plan = Plan(name="Nordic hospitals", personas=[
        {"id": "per-1", "role": "Head of Radiology", "responsibilities": "Imaging queues"},
        {"id": "per-2", "role": "CIO", "responsibilities": "Hospital IT"}],
        accounts=[{"name": "Region Skåne", "tier": "A", "why": "New imaging centre in 2027"}])
    finding = next(f for f in review(plan).findings if f.rule_id == "account-dream-no-contacts")
    assert "Head of Radiology" in finding.fix and "CIO" in finding.fix
    factory = re.compile(r"(?i)\b(plants?|machines?|factor(y|ies)|downtime|operations leader|"
                         r"shop floor)\b")
    for rule in RULES:
        assert not factory.search(rule.text(rule.why, THRESHOLDS)), rule.id
        assert not factory.search(rule.text(rule.fix, THRESHOLDS)), rule.id


def test_a_follow_up_touch_that_brings_something_and_a_response_quoting_a_case_pass():
    plan = Plan(name="Nordic hospitals", touches=[{
        "id": "t1", "title": "Peer roundtable follow-up", "channel": "email",
        "value": "Follow up the roundtable with the comparison of the nine hospitals that "
                 "attended: report turnaround times side by side."}],
        objections=[{"id": "o1", "says": "There is no budget.",
                     "response": "Understood. What does a delayed MR read cost you today? At "
                                 "Oslo University Hospital the MR backlog fell by a third in six "
                                 "months. Could we look at yours on Tuesday?"},
                    {"id": "o2", "says": "Not now.",
                     "response": "Fair. What is on your plate until then? Could we talk in "
                                 "September, for 20 minutes?"}])
    found = {(f.rule_id, f.item_id) for f in review(plan).findings}
    assert ("touch-empty-phrase", "t1") not in found
    assert ("objection-no-proof", "o1") not in found  # a named hospital and a result
    assert ("objection-no-proof", "o2") in found  # a number of minutes is no proof


@pytest.mark.parametrize(("language", "expected"), [
    ("en", "3 of 6 accounts are tier A (50%)."),
    ("de", "3 von 6 Zielkunden sind A-Kunden (50 %)."),
    ("fr", "3 comptes sur 6 sont de niveau A (50 %)."),
    ("es", "3 de 6 cuentas son de nivel A (50 %)."),
])
def test_too_many_dream_clients_counts_the_tier_a_accounts_of_all_accounts(language, expected):
    """3 of 6 accounts in tier A read "3 of 3 accounts are tier A (50%)": the total was never
    passed, so the counted wording's {n} was the tier A count again."""
    plan = Plan(name="DACH", accounts=[{"name": f"Account {i}", "tier": tier}
                                       for i, tier in enumerate("AABCBA")])
    (found,) = [f for f in review(plan, language=language).findings
                if f.rule_id == "accounts-too-many-dream-clients"]
    assert found.message.replace("\u00a0", " ").replace("\u202f", " ") == expected


def test_a_schedule_past_the_campaigns_end_says_why(sample_doc):
    """Søren's 119-day cadence in a campaign of three months: the coach says his last touch
    falls after the end, and why, in the plan's language."""
    _, result = _review(sample_doc, set_("basics.end_date", "2027-03-01"))
    found = {f.item_label: f.message for f in result.findings
             if f.rule_id == "rep-schedule-past-end"}
    assert set(found) == {"Jonas Albrecht", "Mette Sørensen", "Bram Claessens"}
    assert found["Jonas Albrecht"] == (
        "Jonas Albrecht's last touch falls on 13 Apr 2027, after the plan's end on 1 Mar 2027: "
        "the cadences “Dream client campaign” and “B and C account campaign” take longer than "
        "the campaign from 11 Jan 2027.")
    _, result = _review(sample_doc, set_("accountability.daily_touch_capacity", 1))
    (jonas,) = [f for f in result.findings if f.rule_id == "rep-schedule-past-end"
                and f.item_label == "Jonas Albrecht"]
    assert "after the plan's end on 30 Jun 2027: with a daily touch capacity of 1," in jonas.message
