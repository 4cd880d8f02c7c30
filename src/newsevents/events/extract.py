"""PLOVER event extraction from the dependency parse and the trigger lexicons.

Why a parse and a lexicon rather than a classifier: the codes must point at a trigger word and at actor and
target phrases, the stage must run in a few milliseconds per article, and a reader must be able to see why
a sentence was coded the way it was (`attrs["why"]`).
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache
from typing import Any

from ..schema import Document, Event, EventPlace, Ref, SentenceSpan
from .lexicon import Trigger, lexicon
from .resolve import (
    SPEECH,
    DocIndex,
    Located,
    agent_of,
    attach,
    build_index,
    certainty_of,
    cols,
    describe,
    in_quote,
    is_event_object,
    is_locative,
    is_origin,
    max_certainty,
    objects_of,
    subject_of,
    time_date,
)

HOSTILE = {"COERCE", "ASSAULT", "SANCTION", "MOBILIZE", "PROTEST", "THREATEN"}
FRIENDLY = {"AID", "COOPERATE", "SUPPORT", "CONSULT", "CONCEDE", "RETREAT", "AGREE"}
INTENT_HEADS = {"plan", "intend", "prepare", "ready", "willing", "prepared", "decide", "determined", "set", "want",
                "seek", "aim", "hope", "wish", "consider", "contemplate", "weigh", "mull", "explore", "like"}
# Telling or ordering someone to do something is a demand, but only with the thing to do ("told them to leave").
ORDERING = {"tell", "order", "direct", "command"}
MODAL_AUX = {"might", "may", "could"}
PRONOUN_SUBJECTS = {"he", "she", "it", "they", "we", "i"}
FUTURE_AUX = {"will", "shall", "'ll", "wo", "would"}
TROOP_NOUNS = {"troop", "troops", "soldier", "force", "forces", "police", "policeman", "army", "guard", "unit", "battalion", "warship",
               "division", "brigade", "regiment", "contingent"}
GIVING = {"AID", "AGREE", "CONCEDE", "RETREAT", "COOPERATE", "SUPPORT"}
AREA_TARGETS = {"CONCEDE", "COERCE", "SANCTION", "AID", "ASSAULT", "MOBILIZE", "RETREAT"}
NO_DATE_PREPS = {"since", "until", "till", "before"}
PARTICLES = {"out", "off", "down", "up", "back", "away", "over", "together", "by", "into"}
YIELD_TO = {"demand", "request", "call", "ultimatum", "condition", "appeal", "plea"}
EXERCISES = {"exercise", "drill", "game", "maneuver", "manoeuvre"}
JOINT = {"joint", "with", "together", "combined", "bilateral", "trilateral", "multinational", "allied"}
BLOCKING = {"block", "blockade", "barricade", "obstruct"}
GENERIC_HEADS = {"effort", "campaign", "operation", "mission", "drive", "initiative", "spree", "programme", "program",
                 "attempt", "plot", "bid"}
PLACING = {"put", "place", "take"}
CEASING = {"stop", "halt", "cease", "end", "suspend", "discontinue", "quit"}
YIELDING = {"AGREE", "CONCEDE", "RETREAT", "AID", "COOPERATE"}  # not doing these is a refusal
# Past forms the small model's lemmatizer leaves as they are (checked against the trigger verbs).
IRREGULAR = {"forgave": "forgive", "overrode": "override", "forbade": "forbid", "overthrew": "overthrow"}
WANTING = {"want", "wish", "expect"}  # wanting someone else to act is a request
ASSEMBLY = {"gather", "assemble", "converge", "mass", "congregate", "flock", "throng", "pour", "descend"}
PEACEKEEPING = {"peacekeeping", "peace-keeping", "peacekeeper"}
# Letting outsiders in to do these is access (CAMEO 086x): "allowed the Red Cross to visit the prisons".
ACCESS_VERBS = {"allow", "permit", "let", "admit"}
ACCESS_ACTS = {"enter", "visit", "inspect", "monitor", "observe", "access", "deliver", "reach", "operate", "distribute"}
# Verbs that undo what their object names: a hostile measure undone is de-escalation (`_undo`).
UNDO_VERBS = {"lift", "ease", "relax", "end", "loosen", "suspend", "scrap", "revoke", "cancel", "call_off", "halt",
              "stop", "drop", "rescind", "repeal", "remove", "annul", "abolish", "soften", "scale_back",
              "scale_down", "shorten", "unfreeze", "withdraw", "terminate", "discontinue", "overturn", "quash",
              "strike_down"}
# Doing something "jointly"/"together" is cooperation whatever the verb ("build the bridge together"), except
# where "together" only means being in one place or assembling ("came together", "brought together").
JOINT_ADV = {"jointly", "together"}
STATE_WORDS = {"country", "nation", "state", "government", "side", "ally", "neighbour", "neighbor", "kingdom", "republic",
               "bloc", "region", "province", "capital"}
NOT_JOINT = {"come", "get", "bring", "put", "pull", "live", "stay", "go", "stand", "hold", "sit", "tie", "piece",
             "gather", "band", "work", "stick", "huddle", "lump", "add", "mix", "glue", "link", "string", "press"}
# "ordered the diplomats to leave the country": expulsion (CAMEO 166 for envoys, agencies and monitors; 174 for
# people); "ordered the newspaper to suspend publication": a restriction (172).
LEAVING = {"leave", "depart", "vacate", "quit", "exit"}
SHUTTING = {"suspend", "close", "shut", "cease", "halt", "stop"}
EXPELLED_OFFICIALS = {"diplomat", "ambassador", "envoy", "agency", "monitor", "observer", "inspector", "peacekeeper",
                      "mission", "organization", "organisation", "ngo", "attache", "attaché", "staff", "consul"}
RESIGNING = {"resign", "step_down", "abdicate", "resignation"}
STRIKE_WEAPONS = {"air", "missile", "drone", "rocket", "artillery", "precision", "aerial", "naval", "military", "retaliatory",
                  "preemptive", "pre-emptive", "surgical", "nuclear", "airstrike"}
MILITARY_MODIFIERS = {"police", "army", "military", "navy", "naval", "air", "special", "commando", "elite", "combat", "riot",
                      "security", "reaction", "response", "border", "marine", "infantry", "tank", "armoured", "armored",
                      "artillery", "paramilitary", "militia", "guard", "coast", "defence", "defense", "assault", "strike",
                      "reserve", "ground", "government", "federal", "state", "peacekeeping", "sniper", "swat"}
STRIKE_TARGETS = {"position", "target", "base", "camp", "town", "city", "village", "hideout", "convoy", "depot", "facility",
                  "site", "installation", "stronghold", "militant", "rebel", "insurgent", "fighter", "troop", "force",
                  "airport", "airfield", "port", "bridge", "border", "area", "district", "region", "territory", "compound",
                  "headquarters", "outpost", "line", "vessel", "ship", "plant", "refinery", "infrastructure"}
# A joint body or operation set up by several parties is cooperation (CAMEO 06): "set up a joint task force".
JOINT_AMODS = {"joint", "bilateral", "trilateral", "combined"}
JOINT_BODIES = {"force", "commission", "committee", "venture", "project", "patrol", "operation", "investigation",
                "inquiry", "unit", "team", "centre", "center", "fund", "company", "mission", "programme", "program",
                "command", "body", "panel", "working", "group", "database", "network", "facility", "plant"}
JOINT_SETTING = {"set", "form", "launch", "establish", "create", "conduct", "carry", "run", "start", "mount", "hold",
                 "build", "open", "found", "agree"}
MOVING_PEOPLE = {"return", "remove", "send", "relocate", "transfer", "move", "evict", "displace", "repatriate", "take",
                 "resettle", "bus", "fly", "push", "drive", "expel", "deport"}
HANDING = {"hand", "hand_over", "cede", "relinquish", "transfer", "surrender"}
OFFICE = {"power", "office", "presidency", "throne", "post", "leadership", "authority"}
# Ceasing to give is cutting support off (CAMEO 162): "stopped supplying gas", whatever is supplied.
GIVING_VERBS = {"supply", "provide", "deliver", "ship", "send", "fund", "finance", "pay", "export", "sell", "give",
                "import", "buy", "purchase", "trade"}
PRESSURE = {"demand", "pressure", "protest", "call", "outcry", "ultimatum", "unrest", "demonstration"}
MEDIA = {"photo", "photograph", "picture", "image", "video", "footage", "film", "camera", "photographer", "painting", "clip"}


def verb_lemmas(tok: Any) -> list[str]:
    """The lemma, plus stems of the surface form: the small model's lemmatizer slips ("staged" -> "stag")."""
    return list(_verb_forms(tok.lemma_.lower(), tok.lower_))


@lru_cache(maxsize=65536)
def _verb_forms(lemma: str, w: str) -> tuple[str, ...]:
    """`verb_lemmas` on strings, memoised: the same few thousand word forms recur in every document."""
    out = [lemma]
    if w in IRREGULAR:
        out.append(IRREGULAR[w])
    if w.endswith("ied") or w.endswith("ies"):
        out.append(w[:-3] + "y")  # "denied", "carries"
    if w.endswith("ed"):
        out += [w[:-1], w[:-2]]
        if len(w) > 5 and w[-3] == w[-4]:
            out.append(w[:-3])  # "banned", "stopped"
    elif w.endswith("ing"):
        out += [w[:-3], w[:-3] + "e"]
        if len(w) > 6 and w[-4] == w[-5]:
            out.append(w[:-4])  # "banning"
    elif w.endswith("es"):
        out += [w[:-1], w[:-2]]
    elif w.endswith("s"):
        out.append(w[:-1])
    return tuple(out)


_TRIGGERS: tuple[Any, dict[int, tuple[Trigger, str] | None]] = (None, {})


def find_trigger(tok: Any) -> tuple[Trigger, str] | None:
    """The lexicon entry a token triggers, honouring particles ("call off") and required objects.

    Memoised for the current parse: the frame, complement and object checks ask again about tokens the
    first pass already looked at (a pure function of the parse and the lexicon; `Trigger` is frozen)."""
    global _TRIGGERS
    key, memo = _TRIGGERS
    if key is not tok.doc:
        memo = {}
        _TRIGGERS = (tok.doc, memo)
    i = tok.i
    if i not in memo:
        memo[i] = _find_trigger(tok)
    return memo[i]


def _find_trigger(tok: Any) -> tuple[Trigger, str] | None:
    lex = lexicon()
    lemma = tok.lemma_.lower()
    if tok.pos_ == "VERB" and lemma not in lex.verbs:
        lemma = next((f for f in verb_lemmas(tok) if f in lex.verbs or f in lex.heads), lemma)
    elif tok.pos_ == "VERB" and _e_stem(tok.lower_, lemma) in lex.verbs:
        lemma = tok.lower_[:-1]  # "raped" is "rape", not "rap": a single final consonant keeps the stem's -e
    if lemma not in lex.heads and tok.lower_ not in lex.heads:
        return _joint(tok, lemma)
    if tok.pos_ == "VERB":
        for c in tok.children:
            # "forced them out of the country", "shot it down": the parser often tags a particle as prep/advmod
            if c.dep_ == "prt" or (c.dep_ in {"prep", "advmod"} and c.lower_ in PARTICLES):
                key = f"{lemma}_{c.lower_}"
                undone = _undo(tok, key)
                if undone is not None:
                    return undone, key
                if key in lex.verbs:
                    return _object_type(tok, key, lex.verbs[key]), key
        undone = _undo(tok, lemma)
        if undone is not None:
            return undone, lemma
        if any(c.dep_ == "advmod" and c.lower_ == "forcibly" for c in tok.children) and lemma in MOVING_PEOPLE:
            return Trigger("COERCE", "deport", "action"), lemma  # "were forcibly returned" (CAMEO 174)
        if lemma in {"fire", "launch"} and tok.i >= 2 and tok.nbor(-1).text == "-" and tok.nbor(-2).lower_ == "test":
            return Trigger("MOBILIZE", "troops", "action"), lemma  # "test-fired a missile": a show of force (CAMEO 150)
        if lemma in ACCESS_VERBS and any(
            c.dep_ in {"xcomp", "ccomp"} and c.lemma_.lower() in ACCESS_ACTS for c in tok.children
        ):
            return Trigger("RETREAT", "access", "action"), lemma
        trig = lex.verbs.get(lemma)
        if trig is None:
            return _joint(tok, lemma)
        if lemma in {"order", "force", "compel", "tell", "ask"}:
            ordered = _ordered_out(tok)
            if ordered is not None:
                return ordered, lemma
        if lemma == "vote" and any(t.lower_ in {"favour", "favor"} for c in tok.children for t in c.subtree):
            return Trigger("SUPPORT", "endorse", "action"), lemma  # "voted in favour of the resolution"
        if lemma in CEASING:  # "stopped funding the ministry", "halted attacking": ceasing an act
            for c in tok.children:
                hit = find_trigger(c) if c.dep_ in {"xcomp", "ccomp"} and c.tag_ == "VBG" else None
                subj = next((g for g in tok.children if g.dep_ == "nsubj"), None)
                if hit is None and c.dep_ in {"xcomp", "ccomp"} and c.tag_ == "VBG" and c.lemma_.lower() in GIVING_VERBS and (
                    subj is not None and _political(subj)
                ):  # "the country stopped importing grain"; "the shop stopped selling phones" is no sanction
                    return Trigger("SANCTION", "discontinue", "action"), lemma
                if hit is not None and hit[0].type in {"AID", "COOPERATE", "CONSULT", "SUPPORT"}:
                    return Trigger("SANCTION", "discontinue", "action"), lemma
                if hit is not None and hit[0].type in {"ASSAULT", "COERCE", "PROTEST"}:
                    return Trigger("RETREAT", "ceasefire", "action"), lemma
                if c.dep_ in {"xcomp", "ccomp"} and c.tag_ == "VBG" and trig.type == "COERCE":
                    return None  # "the shop stopped selling phones": ceasing one's own activity coerces no one
        if trig.type in {"MOBILIZE", "AID", "CONSULT"} and any(
            c.dep_ == "advmod" and c.lower_ in {"jointly", "together"} for c in tok.children
        ):
            return Trigger("COOPERATE", None, "action"), lemma  # "patrol the river together"
        if lemma in ORDERING and not any(c.dep_ == "xcomp" for c in tok.children):
            return None  # "told reporters", "ordered an inquiry" (the noun codes itself)
        if lemma in ASSEMBLY and any(
            c.dep_ == "nsubj" and lex.sectors.get(c.lemma_.lower()) == "activists" for c in tok.children
        ):
            return Trigger("PROTEST", "demo", "action"), lemma  # "protesters gathered outside the embassy"
        if lemma in WANTING and not any(c.dep_ in {"xcomp", "ccomp"} for c in tok.children):
            return None  # "we only want peace": a wish, not a request to anyone
        if lemma in INTENT_HEADS and any(c.dep_ == "xcomp" for c in tok.children):
            if lemma in WANTING and any(
                c.dep_ == "dobj" or (c.dep_ in {"xcomp", "ccomp"} and any(g.dep_ == "nsubj" for g in c.children))
                for c in tok.children
            ):
                return Trigger("REQUEST", None, "frame"), lemma  # "want the government to raise subsidies"
            return None  # "seeking to deepen ties": an intention, coded on the complement
        need = lex.needs.get(lemma)
        if need:
            deps = set()
            for c in tok.children:
                if c.lower_ == "according":
                    continue  # "according to ..." names a source; its lemma "accord" is no object
                deps.add(c.lemma_.lower())
                if c.dep_ in {"prep", "dobj", "prt", "dative"}:
                    deps.update(g.lemma_.lower() for g in c.children)
                if c.dep_ in {"dobj", "nsubjpass"}:  # "sent thousands of troops", "try commanders for war crimes"
                    deps.update(g2.lemma_.lower() for g in c.children if g.dep_ == "prep"
                                for g2 in g.children if g2.dep_ == "pobj")
                if c.dep_ in {"xcomp", "ccomp"}:  # "let peacekeepers deploy"
                    deps.update(g.lemma_.lower() for g in c.children if g.dep_ in {"nsubj", "dobj"})
                if c.dep_ == "advcl":  # "called for the crossings to be reopened": "for" marks the clause
                    deps.update(g.lemma_.lower() for g in c.children if g.dep_ == "mark")
            if not deps & need:
                return None
        retyped = _object_type(tok, lemma, trig)
        if retyped is not trig and retyped.type == "AID" and lemma in {"pour", "receive", "accept"} and not any(
            t.ent_type_ in {"GPE", "NORP", "LOC", "ORG"} or t.lemma_.lower() in STATE_WORDS or (t.pos_ == "PRON" and t.dep_ == "nsubj")
            or lex.sectors.get(t.lemma_.lower()) not in {None, "civilians", "business", "media", "education", "health"}
            for t in tok.subtree if t.i != tok.i
        ):
            return None  # "investors poured money into stocks", "the museum received a painting": no state acts
        if retyped is not trig:
            return retyped, lemma
        if lemma == "charge" and any(c.dep_ == "auxpass" for c in tok.children) and any(
            c.dep_ == "prep" and c.lower_ == "with" for c in tok.children
        ):
            return Trigger("COERCE", "arrest", "action"), lemma  # "was charged with sedition" (CAMEO 173)
        if lemma == "claim" and any(c.dep_ == "xcomp" for c in tok.children):
            return None  # "claims to be building weapons": a boast, not an accusation
        if lemma == "strike" and any(c.dep_ in {"dobj", "nsubjpass"} for c in tok.children) and not any(
            c.dep_ == "prt" or c.lower_ in {"over", "for", "against"} for c in tok.children
        ):
            # workers strike, intransitively; "struck targets", "was struck by a missile" is an attack
            # ("struck a deal" is dropped by excludes.tsv before this reading matters)
            return Trigger("ASSAULT", "heavy-weapons", "action"), lemma
        return trig, lemma
    if tok.pos_ in {"NOUN", "PROPN"}:
        if tok.dep_ == "dobj" and tok.head.pos_ == "VERB":  # "lodged a protest": the light verb decides
            for objs, typ, mode in lex.object_types.get(tok.head.lemma_.lower(), []):
                head_lemma = tok.head.lemma_.lower()
                if (head_lemma not in lex.verbs or head_lemma in lex.light_verbs) and lemma in objs:
                    return Trigger(typ, mode, "light"), lemma
        if lemma in {"deployment", "dispatch", "despatch"} and any(
            g.lemma_.lower() in PEACEKEEPING or any(h.lemma_.lower() in PEACEKEEPING for h in g.children)
            for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children
        ):
            return Trigger("AID", "peacekeeping", "light"), lemma  # "the deployment of peacekeepers" (CAMEO 074)
        if (
            lemma in JOINT_BODIES and tok.dep_ == "dobj" and tok.head.lemma_.lower() in JOINT_SETTING
            and any(c.dep_ == "amod" and c.lower_ in JOINT_AMODS for c in tok.children)
            and not (lex.nouns.get(lemma) and lex.nouns[lemma].type in {"ASSAULT", "COERCE", "PROTEST", "THREATEN"})
        ):
            return Trigger("COOPERATE", None, "light"), f"joint_{lemma}"  # "set up a joint task force"
        for c in tok.children:
            if c.dep_ in {"compound", "amod"}:
                key = f"{c.lemma_.lower()}_{lemma}"
                if key in lex.nouns:
                    return lex.nouns[key], key
        if lemma == "strike" and (
            any(c.dep_ == "prep" and c.lower_ in {"on", "against"} and any(
                g.dep_ == "pobj" and (g.lemma_.lower() in STRIKE_TARGETS or g.ent_type_ in {"GPE", "LOC", "FAC"})
                for g in c.children) for c in tok.children)
            or any(c.dep_ in {"amod", "compound"} and c.lemma_.lower() in STRIKE_WEAPONS for c in tok.children)
        ):
            return Trigger("ASSAULT", "heavy-weapons", "light"), lemma  # "strikes on militant positions"
        if lemma in lex.needs and lemma not in lex.verbs:  # "the delivery of 300 tonnes of food"
            owned = {g.lemma_.lower() for c in tok.children if c.dep_ in {"compound", "amod"} for g in [c]}
            owned |= {g2.lemma_.lower() for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
                      for g in c.children if g.dep_ == "pobj" for g2 in (g, *g.children)}
            if not owned & lex.needs[lemma]:
                return None
        if lemma in lex.nouns:
            return lex.nouns[lemma], lemma
        if tok.lower_ in lex.nouns:
            return lex.nouns[tok.lower_], tok.lower_
    return None


def _joint(tok: Any, lemma: str) -> tuple[Trigger, str] | None:
    """ "engineers from both countries are building the bridge together": joint work is COOPERATE (CAMEO 06)."""
    if tok.pos_ == "VERB" and lemma not in NOT_JOINT and any(
        c.dep_ in {"advmod", "prt"} and c.lower_ in JOINT_ADV for c in tok.children
    ):
        subj = next((c for c in tok.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        if subj is not None and _political(subj):  # "the band will play together" is no cooperation
            return Trigger("COOPERATE", None, "action"), f"{lemma}_jointly"
    return None


def _political(tok: Any) -> bool:
    """Whether a phrase names states, their agencies or organised groups ("engineers from both countries",
    "the two navies"), the actors PLOVER codes, rather than private people ("the two singers")."""
    sectors = lexicon().sectors
    return any(
        t.ent_type_ in {"GPE", "NORP", "ORG"} or t.lemma_.lower() in STATE_WORDS
        or sectors.get(t.lemma_.lower()) not in {None, "civilians", "business", "media", "education", "health"}
        for t in tok.subtree
    )


def _ordered_out(tok: Any) -> Trigger | None:
    """ "ordered three diplomats to leave the country" (expulsion), "forced the paper to close" (restriction)."""
    comp = next((c for c in tok.children if c.dep_ in {"xcomp", "ccomp"}), None)
    if comp is None:
        return None
    verb = comp.lemma_.lower()
    who = next((c for c in tok.children if c.dep_ == "dobj"), None)
    who = who if who is not None else next((c for c in tok.children if c.dep_ == "nsubjpass"), None)  # "were told to leave"
    who = who if who is not None else next((c for c in comp.children if c.dep_ == "nsubj"), None)
    if who is None or who.lemma_.lower() in TROOP_NOUNS or who.lower_ in PRONOUN_SUBJECTS:
        return None  # a government ordering its own troops out is a withdrawal, coded on the complement
    if verb in LEAVING:
        place = next((c for c in comp.children if c.dep_ == "dobj"), None)
        official = who.lemma_.lower() in EXPELLED_OFFICIALS
        if place is None and not official:
            return None
        if place is not None and not (place.ent_type_ in {"GPE", "LOC"} or place.lemma_.lower() in STATE_WORDS
                                      or place.lemma_.lower() in {"territory", "island", "area", "city", "zone"}):
            return None  # "asked the players to leave the field"
        if who.lemma_.lower() in EXPELLED_OFFICIALS or any(
            g.dep_ == "compound" and g.lemma_.lower() in EXPELLED_OFFICIALS for g in who.children
        ):
            return Trigger("SANCTION", "expel", "action")
        return Trigger("COERCE", "deport", "action")
    if verb in SHUTTING and tok.lemma_.lower() != "tell" and lexicon().sectors.get(who.lemma_.lower()) not in {"military", "police", "rebels"}:
        return Trigger("COERCE", "restrict", "action")
    return None


def _e_stem(word: str, lemma: str) -> str | None:
    """ "raped" -> "rape" when the lemmatizer said "rap": after vowel + single consonant, -ed drops an -e
    ("rapped" would double the consonant)."""
    if (
        len(word) > 4 and word.endswith("ed") and lemma == word[:-2]
        and word[-3] not in "aeiouy" and word[-4] in "aeiou" and word[-3] != word[-4]
    ):
        return word[:-1]
    return None


def _undo(tok: Any, lemma: str) -> Trigger | None:
    """Undoing a hostile measure is de-escalation, whatever the verb: "lifted the curfew" (CAMEO 081 ease
    administrative sanctions: CONCEDE), "called off the strike" (082 ease dissent: CONCEDE), "eased sanctions"
    (085: RETREAT), "ended the siege" / "lifted the blockade" (0872: RETREAT), "halted the offensive" (087)."""
    if lemma not in UNDO_VERBS:
        return None
    lex = lexicon()
    for c in tok.children:
        if c.dep_ not in {"dobj", "nsubjpass"}:
            continue
        hit = None
        for g in c.children:
            if g.dep_ in {"compound", "amod"} and f"{g.lemma_.lower()}_{c.lemma_.lower()}" in lex.nouns:
                hit = lex.nouns[f"{g.lemma_.lower()}_{c.lemma_.lower()}"]
        hit = hit or lex.nouns.get(c.lemma_.lower())
        if hit is None and c.lemma_.lower() in {"state", "law"}:  # "state of emergency", "martial law"
            hit = next((lex.nouns.get(g2.lemma_.lower()) for g in c.children if g.dep_ == "prep"
                        for g2 in g.children if g2.dep_ == "pobj"), None) or lex.nouns.get("martial_law")
        if hit is None:
            continue
        if hit.type == "COERCE" and c.lemma_.lower() in {"blockade", "siege", "occupation"}:
            return Trigger("RETREAT", "withdraw", "action")
        if hit.type == "PROTEST":
            subj = next((s for s in tok.children if s.dep_ == "nsubj"), None)
            if subj is not None and lex.sectors.get(subj.lemma_.lower()) in {"police", "military", "government"}:
                return None  # "police ended the protest": the state stopping dissent is no concession
        if hit.type in {"COERCE", "PROTEST"}:
            return Trigger("CONCEDE", "ease" if hit.type == "COERCE" else "dissent", "action")
        if hit.type == "SANCTION":
            return Trigger("RETREAT", "ease", "action")
        if hit.type in {"ASSAULT", "MOBILIZE"}:
            return Trigger("RETREAT", "ceasefire" if hit.type == "ASSAULT" else "disarm", "action")
    return None


def _object_type(tok: Any, key: str, trig: Trigger) -> Trigger:
    """A reading the object decides (`object_types.tsv`): "withdrew envoys" is SANCTION, "withdrew from the talks"
    too, "handed over suspects" judicial COOPERATE; the object is a direct object, a passive subject or what
    "from"/"of"/"out" governs."""
    rows = lexicon().object_types.get(key)
    if not rows:
        return trig
    objs_here = []
    for c in tok.children:
        if c.dep_ in {"dobj", "nsubjpass"}:
            objs_here.append(c)  # and "hundreds of migrants", "a group of reporters":
            objs_here += [g2 for g in c.children if g.dep_ == "prep" and g.lower_ == "of" for g2 in g.children if g2.dep_ == "pobj"]
        elif c.dep_ in {"xcomp", "ccomp"}:  # "allowed aid convoys to enter", "let peacekeepers deploy"
            objs_here += [g for g in c.children if g.dep_ == "nsubj"]
        elif c.dep_ == "prep" and (
            c.lower_ in {"from", "of", "out"} or (key in PLACING and c.lower_ in {"on", "under", "into", "in", "to", "off"})
        ):  # "placed under arrest", "put on alert", "took into custody": the place decides
            objs_here += [g for g in c.children if g.dep_ == "pobj"]
            objs_here += [g2 for g in c.children if g.dep_ == "prep" for g2 in g.children if g2.dep_ == "pobj"]
    for objs, typ, mode in rows:
        for c in objs_here:
            if c.lemma_.lower() in objs or any(g.dep_ == "compound" and g.lemma_.lower() in objs for g in c.children):
                return Trigger(typ, mode or trig.mode, "action")
            if "PERSON" in objs and c.ent_type_ == "PERSON" and c.dep_ == "nsubjpass":  # "Saddam was captured"
                return Trigger(typ, mode or trig.mode, "action")
    return trig


def _light_head(tok: Any) -> Any | None:
    """The light verb governing an event noun ("staged a protest", "the strike began", "launched a mediation
    effort": a generic head lends its light verb to the event noun before it); "called off" is no light verb."""
    if tok.dep_ == "compound" and tok.head.lemma_.lower() in GENERIC_HEADS:
        tok = tok.head
    head = tok.head
    lex = lexicon()
    if any(c.dep_ == "prt" and f"{head.lemma_.lower()}_{c.lower_}" in lex.verbs for c in head.children):
        return None
    if tok.dep_ in {"dobj", "nsubj", "nsubjpass", "attr"} and head.pos_ == "VERB":
        if any(f in lex.light_verbs for f in verb_lemmas(head)):
            return head
        if head.lemma_.lower() == "set" and any(c.dep_ == "prt" and c.lower_ == "up" for c in head.children):
            return head  # "set up a joint task force" ("set the hostages free" is no light use)
    if tok.dep_ == "pobj" and head.lower_ == "on" and head.head.lemma_.lower() == "go":
        return head.head  # "went on strike", "went on a rampage"
    return None


def _named_in_subtree(
    idx: DocIndex, pred: Any, actor_tok: Any | None, trigger: Any, purpose: bool = False
) -> Any | None:
    """The closest named actor under the predicate (breadth first), outside the actor phrase and reported speech.
    With `purpose`, also inside a purpose clause: a protest's target is often named in what it demands
    ("began a hunger strike to protest against Sweden's decision")."""
    skip = _subtree_ids(actor_tok)
    actor_ent = idx.entity_of(actor_tok) if actor_tok is not None else None
    queue = [c for c in pred.children if c.dep_ not in {"nsubj", "nsubjpass", "ccomp", "parataxis", "advcl", "relcl"}]
    if purpose:
        queue += [c for c in pred.children if c.dep_ in {"advcl", "xcomp"} and any(
            g.dep_ == "aux" and g.lower_ == "to" for g in c.children)]
    if trigger.i != pred.i:
        queue.append(trigger)
    seen = 0
    while queue and seen < 40:
        t = queue.pop(0)
        seen += 1
        if t.i in skip or t.ent_type_ in {"DATE", "TIME", "CARDINAL", "MONEY", "PERCENT", "QUANTITY", "ORDINAL"}:
            continue
        ent = idx.entity_of(t)
        if ent is not None and ent.type in {"PERSON", "ORG", "GPE", "NORP"} and ent is not actor_ent:
            return t
        queue.extend(c for c in t.children if c.dep_ not in {"relcl", "ccomp", "advcl", "parataxis"})
    return None


def _own(tok: Any) -> bool:
    """ "its troops", "their forces": the actor's own means, not a target."""
    return any(c.dep_ == "poss" and c.lower_ in {"its", "their", "his", "her", "our", "my"} for c in tok.children)


def _actor_like(idx: DocIndex, tok: Any) -> bool:
    if tok.ent_type_ in {"DATE", "TIME", "CARDINAL", "MONEY", "PERCENT", "QUANTITY", "ORDINAL"}:
        return False
    if idx.entity_of(tok) is not None:
        return True
    if tok.pos_ in {"PRON", "PROPN"}:
        return True
    lex = lexicon()
    return tok.lemma_.lower() in lex.sectors or any(
        c.dep_ in {"compound", "amod", "poss"} and (c.ent_type_ in {"NORP", "GPE", "ORG"}) for c in tok.children
    )


def _agent(idx: DocIndex, tok: Any) -> bool:
    """Whether a subject can intend something: an actor, not a thing given ("Japan's loan will fund a port")."""
    classes = lexicon().classes
    things = classes.get("money", set()) | classes.get("relief", set()) | classes.get("weapon", set())
    return _actor_like(idx, tok) and tok.lemma_.lower() not in things - TROOP_NOUNS - {"aid"}


def _subtree_ids(tok: Any | None) -> set[int]:
    return {t.i for t in tok.subtree} if tok is not None else set()


def extract_events(doc: Document) -> list[Event]:
    sp = doc.nlp
    if sp is None or not len(sp):
        return []
    idx = build_index(doc)
    found: list[tuple[Any, Trigger, str]] = []
    heads = lexicon().heads
    # One pass over the lemmas first: only words a trigger could start with are looked at closely.
    cc = cols(sp)
    joint_heads = {h for i, (w, h) in enumerate(zip(cc.lower, cc.head, strict=True)) if w in JOINT_ADV and h != i}
    maybe = [
        lemma in heads or w in heads or w == "must"
        or (dep == "dobj" and lemma in JOINT_BODIES)
        or (pos == "VERB" and (any(f in heads for f in _verb_forms(lemma, w)) or i in joint_heads))
        for i, (lemma, w, dep, pos) in enumerate(zip(cc.lemma, cc.lower, cc.dep, cc.pos, strict=True))
    ]
    for lo, hi in _segments(idx):
        verb_triggers = []
        noun_candidates = []
        for i in range(lo, hi):
            if not maybe[i]:
                continue
            tok = sp[i]
            if tok.dep_ == "amod" and tok.pos_ == "VERB" and tok.i < tok.head.i and (
                tok.head.dep_ != "ROOT" or any(c.dep_ in {"det", "poss", "nummod"} and c.i < tok.i for c in tok.head.children)
            ):
                continue  # "the seized boats", "the jailed activist": a state, told as background
            if (tok.dep_ == "compound" and tok.head.lemma_.lower() not in GENERIC_HEADS) or (
                tok.tag_ == "NNP" and tok.pos_ == "PROPN" and tok.text[:1].isupper()
            ):  # a lower-case word tagged NNP ("expressed solidarity") is a tagger slip, still a noun
                continue
            hit = find_trigger(tok)
            if hit is None or _excluded(tok, hit[1]):
                continue
            if tok.pos_ == "VERB":
                verb_triggers.append((tok, *hit))
            else:
                noun_candidates.append((tok, *hit))
        for i in range(lo, hi):
            if cc.lower[i] != "must":
                continue
            tok = sp[i].head
            if tok.pos_ == "VERB" and not any(t.i == tok.i for t, _, _ in verb_triggers) and _must_clause(tok):
                verb_triggers.append((tok, Trigger("REQUEST", None, "action"), "must"))
        light_nouns = []
        noun_candidates = [x for x in noun_candidates if not _prevented(x[0])]
        for tok, trig, key in noun_candidates:
            if _light_head(tok) is not None or (
                not verb_triggers and trig.role == "light" and key not in lexicon().light_only
            ):
                light_nouns.append((tok, trig, key))
        light_verb_ids = {_light_head(t).i for t, _, _ in light_nouns if _light_head(t) is not None}
        for tok, trig, key in verb_triggers:
            if tok.i in light_verb_ids and any(f in lexicon().light_verbs for f in verb_lemmas(tok)):
                continue
            found.append((tok, trig, key))
        found.extend(light_nouns)
    found.sort(key=lambda x: x[0].i)
    by_tok = {t.i: (t, trig, key) for t, trig, key in found}
    consumed: set[int] = set()
    complement_of: dict[int, Any] = {}
    for tok, trig, _ in found:
        if trig.role != "frame":
            continue
        for comp in _complements(tok):
            for t in comp.subtree:
                if t.i in by_tok and t.i != tok.i:
                    consumed.add(t.i)
                    complement_of.setdefault(tok.i, by_tok[t.i])
    events: list[Event] = []
    for tok, trig, key in found:
        if tok.i in consumed:
            ev = None
            frame_tok = _frame_above(tok, by_tok)
            if frame_tok is not None and frame_tok.lemma_.lower() == "deny":
                ev = _build(doc, idx, tok, trig, key, None, denied=True)
            elif frame_tok is not None and by_tok[frame_tok.i][1].type == "ACCUSE" and trig.type in HOSTILE:
                # "accused the coast guard of firing shots": the firing is an event, alleged, by the accused
                accused = next((c for c in frame_tok.children if c.dep_ == "dobj"), None)
                ev = _build(doc, idx, tok, trig, key, None, alleged_by=accused)
            if ev is not None:
                events.append(ev)
            continue
        ev = _build(doc, idx, tok, trig, key, complement_of.get(tok.i))
        if ev is not None:
            events.append(ev)
    _mark_repeats(events)
    return events


def _mark_repeats(events: list[Event]) -> None:
    """A report tells one event several times (headline, lead, quote): later tellings point to the first."""
    first: dict[tuple, int] = {}
    for n, ev in enumerate(events):
        if ev.actor is None or ev.historical:
            continue
        key = (
            ev.type,
            ev.actor.entity or ev.actor.name.lower(),
            (ev.target.entity or ev.target.name.lower()) if ev.target else None,
        )
        if key in first and (events[first[key]].date in (None, ev.date) or ev.date is None):
            ev.attrs["repeat_of"] = first[key]
        else:
            first.setdefault(key, n)


PREVENT = {"prevent", "forestall", "avoid", "avert", "stop", "end", "curb", "deter", "halt"}


def _prevented(tok: Any) -> bool:
    """ "to forestall more violence": an event noun that something aims to prevent did not happen."""
    return tok.dep_ in {"dobj", "pobj"} and any(f in PREVENT for f in verb_lemmas(tok.head))


def _must_clause(tok: Any) -> bool:
    """ "X said Y must do Z": a demand on Y even when Z is no trigger."""
    return any(c.dep_ == "aux" and c.lower_ == "must" for c in tok.children) and tok.dep_ in {"ccomp", "ROOT"}


def _segments(idx: DocIndex) -> list[tuple[int, int]]:
    """Sentences clipped to paragraphs, as token ranges."""
    out = []
    for sent in idx.doc.nlp.sents:
        i = sent.start
        while i < sent.end:
            lo, hi = idx.sent_bounds(idx.doc.nlp[i])
            out.append((lo, hi))
            i = hi
    return out


def _excluded(tok: Any, key: str) -> bool:
    """Readings the lexicon cannot tell apart by lemma: "shot photos", "were met by agents"."""
    lex = lexicon()
    objs = {g.lemma_.lower() for c in tok.children if c.dep_ in {"dobj", "nsubjpass"} for g in [c]}
    bad = lex.excludes.get(key)
    if bad and objs & bad:
        return True
    if key in {"meet"} and any(c.dep_ == "auxpass" for c in tok.children):
        return True
    if tok.pos_ == "VERB":  # "a photo capturing the crossing", "the video shows police beating": the medium acts
        doer = tok.head if tok.dep_ == "acl" else next((c for c in tok.children if c.dep_ == "nsubj"), None)
        if doer is None and tok.dep_ in {"pcomp", "xcomp", "advcl"}:  # "went viral for capturing ..."
            up = next((a for a in tok.ancestors if a.pos_ in {"VERB", "AUX"}), None)
            doer = next((c for c in up.children if c.dep_ == "nsubj"), None) if up is not None else None
        if doer is not None and doer.lemma_.lower() in MEDIA:
            return True
    return False


def _complements(tok: Any) -> list[Any]:
    out = []
    for c in tok.children:
        if c.dep_ in {"xcomp", "ccomp"}:
            out.append(c)
        elif c.dep_ == "advcl" and any(g.dep_ == "mark" and g.lower_ == "for" for g in c.children):
            out.append(c)  # "called for the crossings to be reopened"
        elif c.dep_ == "dobj" and find_trigger(c) is not None:
            out.append(c)
        elif c.dep_ == "prep" and c.lower_ in {"for", "to", "on", "upon", "of"}:
            out.extend(g for g in c.children if g.dep_ in {"pobj", "pcomp"})
    return out


def _frame_above(tok: Any, by_tok: dict[int, Any]) -> Any | None:
    cur = tok
    for _ in range(6):
        if cur.head.i == cur.i:
            return None
        cur = cur.head
        if cur.i in by_tok and by_tok[cur.i][1].role == "frame":
            return cur
    return None


def _build(
    doc: Document,
    idx: DocIndex,
    tok: Any,
    trig: Trigger,
    key: str,
    complement: tuple[Any, Trigger, str] | None,
    denied: bool = False,
    alleged_by: Any | None = None,
) -> Event | None:
    typ, mode = trig.type, trig.mode
    why = [f"{key}:{trig.type}"]
    is_noun = tok.pos_ != "VERB"
    pred = (_light_head(tok) or tok) if is_noun else tok
    comp_tok = complement[0] if complement else None
    if trig.role == "frame" and comp_tok is None:
        comps = [c for c in _complements(pred) if c.dep_ in {"xcomp", "ccomp"}]
        if comps:
            comp_tok = comps[0]
            for t in comp_tok.subtree:
                hit = find_trigger(t)
                if hit is not None and t.i != comp_tok.i:
                    complement = (t, *hit)
                    break
    if trig.role == "frame" and complement is None:  # "vowed revenge": an event noun as the object
        for c in pred.children:
            hit = find_trigger(c) if c.dep_ == "dobj" and c.i != tok.i else None
            if hit is not None:
                complement = (c, *hit)
                break
    if complement is not None:
        ctrig = complement[1]
        mode = mode or ctrig.mode or ctrig.type.lower()
        why.append(f"complement {complement[2]}:{ctrig.type}")
    if typ == "COERCE" and any(
        c.dep_ == "prep" and c.lower_ == "at" and any(g.lemma_.lower() == "request" for g in c.children) for c in pred.children
    ):  # "deported to X at its request", "arrested at the request of Y": judicial cooperation (CAMEO 063)
        typ, mode = "COOPERATE", "legal"
        why.append("at the request of another state")
    handed_office = key in HANDING and any(c.dep_ == "dobj" and c.lemma_.lower() in OFFICE for c in pred.children)
    if (key in RESIGNING or handed_office) and any(t.lemma_.lower() in PRESSURE for t in pred.subtree if t.i != pred.i):
        typ, mode = "CONCEDE", "leadership"  # stepping down under pressure accedes to a demand (CAMEO 0831)
        why.append("resigns under pressure")
    if typ == "AGREE" and complement is not None and complement[1].type in HOSTILE - {"PROTEST"}:
        typ, mode = "THREATEN", complement[1].mode or complement[1].type.lower()  # "vowed to retaliate"
        why.append("hostile promise")
    if typ == "THREATEN" and complement is not None and complement[1].type == "SANCTION":
        mode = "restrict"
    yielded = [g for c in pred.children if c.dep_ in {"prep", "dobj"} for g in (c, *c.children) if g.dep_ in {"pobj", "dobj"}]
    if typ == "AGREE" and any(g.lemma_.lower() in YIELD_TO for g in yielded):
        typ, mode = "CONCEDE", None  # "agreed to the demands": acceding (CAMEO 083)
        why.append("accedes to a demand")
    if key in EXERCISES:  # military exercises: joint ones are cooperation, others a show of force
        verb = next((a for a in (pred, *pred.ancestors) if a.pos_ in {"VERB", "AUX"}), pred)
        joint = any(c.lower_ in JOINT for c in (*tok.children, *verb.children, *(g for c in verb.children for g in c.children)))
        subj = subject_of(verb)[0]
        joint = joint or (subj is not None and any(t.dep_ == "conj" for t in subj.subtree))  # "French and Egyptian ships"
        typ, mode = ("COOPERATE", "military") if joint else ("MOBILIZE", "troops")
    # Actor and target
    subj, passive = subject_of(pred)
    actor_tok = target_tok = None
    if is_noun and pred.i == tok.i:
        for c in tok.children:
            if c.dep_ == "poss" or (c.dep_ in {"amod", "compound"} and c.ent_type_ in {"NORP", "GPE", "ORG"}):
                actor_tok = c
        actor_tok = agent_of(tok) or actor_tok
        if actor_tok is None and tok.dep_ == "pobj":  # "remained on alert", "retook the village after fighting"
            verb = tok.head.head
            if verb.pos_ in {"VERB", "AUX"}:
                actor_tok = subject_of(verb)[0]
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ in {"against", "on", "with", "between", "by"}:
                for p in c.children:
                    if p.dep_ == "pobj":
                        if c.lower_ == "by":
                            actor_tok = p
                        elif target_tok is None:
                            target_tok = p
    elif passive:
        actor_tok = agent_of(pred)
        target_tok = subj
    else:
        actor_tok = subj
        objs = objects_of(pred)
        if typ in GIVING:  # "offered its troops to Lebanon": the recipient is the target, not the thing given
            objs = sorted(objs, key=lambda o: o.dep_ in {"dobj", "attr", "oprd"})
        cands = [o for o in objs if o.i != tok.i and _actor_like(idx, o) and not _own(o)]
        if is_noun:
            cands = [o for o in objects_of(tok) if _actor_like(idx, o)] + cands
        for o in objs:  # "demanded autonomy from Serbian authorities"
            if o.dep_ == "dobj":
                cands += [g for g in objects_of(o) if _actor_like(idx, g)]
        if not cands and comp_tok is not None:
            csubj = next((c for c in comp_tok.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
            if csubj is not None and typ in {"REQUEST", "REJECT", "ACCUSE", "THREATEN"} and _actor_like(idx, csubj):
                cands.append(csubj)  # "demanded that the US cancel ..."
            for o in objects_of(comp_tok):
                if _actor_like(idx, o):
                    cands.append(o)
        if not cands and typ in AREA_TARGETS:  # "lifted a curfew in Montenegro"
            for o in [pred, *[c for c in pred.children if c.dep_ == "dobj"]]:
                for c in o.children:
                    if c.dep_ == "prep" and c.lower_ in {"in", "on", "across"}:
                        cands += [g for g in c.children if g.dep_ == "pobj" and g.ent_type_ in {"GPE", "LOC"}]
        target_tok = cands[0] if cands else None
    if alleged_by is not None:
        actor_tok = alleged_by
    if typ == "AID" and key in {"receive", "accept"} and not passive:  # "received a loan from X": X gives, the subject gets
        giver = next((g for p in pred.subtree if p.dep_ == "prep" and p.lower_ == "from"
                      for g in p.children if g.dep_ == "pobj"), None)
        actor_tok, target_tok = giver, actor_tok
    if actor_tok is not None and target_tok is not None and actor_tok.i == target_tok.i:
        target_tok = None
    target_how = "syntax" if target_tok is not None else None
    if target_tok is None and not passive:
        target_tok = _named_in_subtree(idx, pred, actor_tok, tok, purpose=typ == "PROTEST")  # "rejected calls by Kofi Annan"
        target_how = "nearest name under the predicate" if target_tok is not None else None
    attrs: dict[str, Any] = {}
    # Modality: intentions are AGREE/THREATEN, "must" is a REQUEST, refusals REJECT
    auxes = {c.lower_ for c in pred.children if c.dep_ in {"aux", "auxpass"}}
    negated_here = any(c.dep_ == "neg" for c in pred.children)
    # "the loan will fund a port": a future with no agent as subject is a forecast, not someone's intention
    intent = bool(auxes & FUTURE_AUX) and (subj is None or passive or _agent(idx, subj)) or (
        pred.dep_ == "xcomp" and (pred.head.lemma_.lower() in INTENT_HEADS or _e_stem(pred.head.lower_, pred.head.lemma_.lower()) in INTENT_HEADS)
    )
    if is_noun and pred.i == tok.i and tok.dep_ == "dobj" and tok.head.dep_ == "xcomp" and (
        tok.head.head.lemma_.lower() in INTENT_HEADS
    ):
        intent = True  # "seeking to deepen a partnership": the noun is what they intend
    if auxes & MODAL_AUX and _own_speech(pred):
        intent = True  # "the militants said they might attack": a speaker's own possible act is a threat or offer
    plan_noun = _intent_noun(pred)
    if plan_noun is not None:  # "announced plans to release", "had no intention of lifting"
        intent = True
        if any(c.dep_ == "det" and c.lower_ == "no" for c in plan_noun.children) or any(
            c.dep_ == "neg" for c in plan_noun.head.children
        ):
            negated_here = True
    if typ in YIELDING and negated_here and not auxes & {"should", "could", "might", "may"}:
        # "did not release the prisoners", "has not lifted the ban": declining to yield or give (CAMEO 12x)
        attrs["declined"] = typ
        typ, mode, negated_here = "REJECT", mode or typ.lower(), False
        why.append("negated yield")
    elif intent and trig.role != "frame" or (intent and typ in {"SUPPORT"}):
        if negated_here:
            attrs["intended"], typ, negated_here = typ, "REJECT", False
        elif typ in HOSTILE and typ != "THREATEN":
            attrs["intended"], mode, typ = typ, mode or typ.lower(), "THREATEN"
        elif typ in FRIENDLY and typ != "AGREE":
            attrs["intended"], mode, typ = typ, mode or typ.lower(), "AGREE"
        if "intended" in attrs:
            why.append(f"intent {attrs['intended']}")
    elif "must" in auxes and (typ != "REQUEST" or key == "must"):
        attrs["requested"] = typ
        speaker = _speech_subject(pred)
        target_tok, actor_tok = actor_tok, speaker
        typ, mode = "REQUEST", mode or (trig.type.lower() if key != "must" else None)
        why.append("must")
    if "peace_words" not in idx.cache:  # most documents have none: then no subtree needs walking
        idx.cache["peace_words"] = any(w in PEACEKEEPING for w in cols(tok.doc).lemma)
    # "contributed 800 soldiers to the peacekeeping mission"
    peace = idx.cache["peace_words"] and any(t.lemma_.lower() in PEACEKEEPING for t in pred.subtree)
    if typ == "AID" and actor_tok is not None and lexicon().sectors.get(actor_tok.lemma_.lower()) in {"military", "police"} and any(
        o.lemma_.lower() in lexicon().classes.get("weapon", set()) for o in pred.children if o.dep_ == "dobj"
    ):
        typ, mode = "MOBILIZE", "troops"  # "the army sends tanks to the province": its own force, not aid
        why.append("army moves its weapons")
    if typ in {"MOBILIZE", "AID"} and not peace:
        quantities = [g2 for o in pred.children if o.dep_ == "dobj" for g in o.children if g.dep_ == "prep" and g.lower_ == "of"
                      for g2 in g.children if g2.dep_ == "pobj"]  # "sent thousands of troops"
        for o in objects_of(pred) + quantities:
            if o.lemma_.lower() in TROOP_NOUNS and (o.dep_ in {"dobj", "attr"} or o.head.i == pred.i or o in quantities) and not any(
                g.lemma_.lower() in PEACEKEEPING
                or (g.dep_ == "compound" and g.lemma_.lower() not in MILITARY_MODIFIERS and not g.ent_type_)
                for g in o.children
            ):  # "sent peacekeeping troops" stays AID (CAMEO 074); "water purification units" are no force
                typ, mode = "MOBILIZE", "police" if o.lemma_.lower() in {"police", "policeman"} else "troops"
                if target_tok is not None and target_tok.i == o.i:
                    attrs_force = o
                    target_tok = None
                    why.append(f"force {attrs_force.text}")
    # Resolve actor/target phrases
    actor = target = None
    if actor_tok is not None:
        actor, a_sector, a_country = describe(idx, actor_tok)
        if a_sector:
            attrs["actor_sector"] = a_sector
        if a_country:
            attrs["actor_country"] = a_country
    elif typ in {"COERCE", "ASSAULT"} and passive:
        implicit = _implicit_agent(idx, tok)
        if implicit is not None:
            actor, a_sector, a_country = implicit
            attrs["actor_implicit"] = True
            attrs["actor_sector"] = a_sector
            if a_country:
                attrs["actor_country"] = a_country
    if typ == "PROTEST" and key == "protest" and attrs.get("actor_sector") in {"government", "legislature", "IGO"}:
        typ, mode = "ACCUSE", "complain"  # a government protesting is an official complaint (CAMEO 114)
        why.append("official protest")
    if typ == "PROTEST" and key in BLOCKING and attrs.get("actor_sector") in {"government", "police", "military"}:
        typ, mode = "COERCE", "restrict"  # the state blocking roads restricts movement; it does not protest
        why.append("state blockade")
    if typ in {"ASSAULT", "COERCE"} and attrs.get("actor_sector") == "activists":
        typ, mode = "PROTEST", "riot"  # protesters burning cars is a riot, not an armed assault
        why.append("violent protest")
    elif key in {"occupy", "blockade", "barricade"} and attrs.get("actor_sector") in {"education", "labour", "agriculture"}:
        typ, mode = "PROTEST", "obstruct"  # students occupying a building, farmers blocking a road (CAMEO 144)
        why.append("civil occupation")
    if target_tok is not None:
        target, t_sector, t_country = describe(idx, target_tok)
        if target_how != "syntax":
            attrs["target_from"] = target_how
        if t_sector:
            attrs["target_sector"] = t_sector
        if t_country:
            attrs["target_country"] = t_country
    # Where and when: in the predicate's own clause first, never inside the actor/target phrases
    # Names inside the actor or target ("Mexico's government") are never locative or acted on, so the
    # candidate filter drops them; "a policeman in Amara" keeps its place. Requested or refused content
    # ("begged ... to let her cross into the U.S.") is another event's place, so it is blocked.
    blocked: set[int] = set()
    roles = {t.i for t in (actor_tok, target_tok) if t is not None}
    if typ in {"REQUEST", "REJECT"} and comp_tok is not None:
        blocked |= _subtree_ids(comp_tok)
    for c in pred.children:
        if c.dep_ in {"xcomp", "ccomp"} and typ in {"REQUEST", "REJECT", "THREATEN", "ACCUSE"}:
            blocked |= _subtree_ids(c)
    place, place_reason = _event_place(doc, idx, pred, blocked, roles)
    if "no_date" not in idx.cache:
        idx.cache["no_date"] = {x.tok.i for x in idx.times if _under_prep(x.tok, NO_DATE_PREPS)}
    time_blocked = blocked | idx.cache["no_date"]
    tloc = attach(idx, idx.times, pred, time_blocked) or _sentence_fallback(idx, idx.times, pred, time_blocked)
    date = time_date(tloc.item) if tloc else None
    if date is None:
        date = _governing_time(doc, idx, tok)
    # Certainty, provenance, background
    extra = [comp_tok] if comp_tok is not None and typ == "REJECT" and trig.role != "frame" else []
    certainty, negated, historical, cues = certainty_of(idx, pred, extra)
    negated = negated or negated_here
    if "intended" in attrs or (trig.role == "frame" and certainty == "hypothetical" and "should" not in auxes):
        certainty = "asserted" if certainty == "hypothetical" else certainty
    if denied:
        certainty = "denied"
    if alleged_by is not None:
        certainty = max_certainty(certainty, "alleged")
    for c in tok.children:
        if c.dep_ == "amod" and c.lower_ in {"alleged", "suspected", "purported"}:
            certainty = max_certainty(certainty, "alleged")
    if date and doc.published and date[:4].isdigit():
        if (len(date) >= 10 and date < _minus_days(doc.published, 180)) or int(date[:4]) < int(doc.published[:4]):
            historical = True
    if _has_since(pred, doc.published):
        historical = True  # "have killed thousands since 2015": a running tally, not this report's event
    reported_by, rb_reason = _source(doc, idx, tok, pred)
    if rb_reason != "author":
        certainty = max_certainty(certainty, "reported")
    lo, hi = idx.sent_bounds(tok)
    sent = tok.doc[lo:hi]
    conf = 0.45 + (0.2 if actor and actor.entity else 0.1 if actor else 0) + (0.1 if target else 0)
    conf += 0.1 if trig.role != "light" else 0
    attrs.update({"why": "; ".join(why), "place_reason": place_reason, "source": rb_reason})
    if rb_reason == "author" and doc.source:
        attrs["publisher"] = doc.source
    if cues:
        attrs["cues"] = cues
    if tloc:
        attrs["time_value"] = tloc.item.value
    return Event(
        start=tok.idx,
        end=tok.idx + len(tok.text),
        text=tok.text,
        type=typ,
        mode=mode,
        actor=actor,
        target=target,
        place=place,
        date=date,
        sentence=SentenceSpan(start=sent.start_char, end=sent.end_char),
        certainty=certainty,
        negated=negated,
        historical=historical,
        reported_by=reported_by,
        confidence=round(min(conf, 0.95), 2),
        attrs=attrs,
    )


def _own_speech(pred: Any) -> bool:
    """Whether the predicate is what its speaker says they themselves may do ("X said it could cut gas")."""
    if pred.dep_ != "ccomp" or pred.head.lemma_.lower() not in SPEECH:
        return False
    subj = next((c for c in pred.children if c.dep_ == "nsubj"), None)
    speaker = next((c for c in pred.head.children if c.dep_ == "nsubj"), None)
    if subj is None or speaker is None:
        return False
    return subj.lower_ in PRONOUN_SUBJECTS or subj.lemma_.lower() == speaker.lemma_.lower()


INTENT_NOUNS = {"plan", "intention", "intent", "willingness", "readiness", "commitment", "decision", "promise",
                "pledge", "offer", "determination", "bid"}


def _intent_noun(pred: Any) -> Any | None:
    """The noun of intention a predicate completes: "plans to release" (acl), "no intention of lifting" (pcomp)."""
    if pred.dep_ in {"acl", "xcomp"} and pred.head.pos_ == "NOUN" and pred.head.lemma_.lower() in INTENT_NOUNS:
        return pred.head
    if pred.dep_ == "pcomp" and pred.head.dep_ == "prep" and pred.head.head.lemma_.lower() in INTENT_NOUNS:
        return pred.head.head
    if pred.dep_ == "pcomp" and pred.head.lower_ == "to" and (
        pred.head.head.lower_ == "forward" or any(c.lower_ == "forward" for c in pred.head.head.children)
    ):
        return pred.head.head  # "looks forward to signing"
    return None


def _has_since(pred: Any, published: str | None) -> bool:
    """ "since 2015" with a year before the publication year: a running tally, not this report's event."""
    year = int(published[:4]) if published and published[:4].isdigit() else None
    for c in pred.children:
        if c.dep_ == "prep" and c.lower_ == "since":
            for g in c.subtree:
                if g.like_num and len(g.text) == 4 and g.text.isdigit() and (year is None or int(g.text) < year):
                    return True
    return False


def _under_prep(tok: Any, preps: set[str]) -> bool:
    cur = tok
    for _ in range(4):
        if cur.dep_ == "prep":
            return cur.lower_ in preps
        if cur.head.i == cur.i:
            return False
        cur = cur.head
    return False


def _minus_days(iso: str, days: int) -> str:
    from datetime import date, timedelta

    try:
        return (date.fromisoformat(iso[:10]) - timedelta(days=days)).isoformat()
    except ValueError:
        return "0000-00-00"


def _speech_subject(tok: Any) -> Any | None:
    cur = tok
    for _ in range(6):
        if cur.head.i == cur.i:
            return None
        if cur.dep_ in {"ccomp", "parataxis"} and cur.head.lemma_.lower() in SPEECH:
            for c in cur.head.children:
                if c.dep_ == "nsubj":
                    return c
            return None
        cur = cur.head
    return None


def _implicit_agent(idx: DocIndex, tok: Any) -> tuple[Ref, str, str | None] | None:
    """For "was detained" with no "by": the security force named nearest before, within two sentences."""
    lo, _ = idx.sent_bounds(tok)
    window = lo
    for _ in range(2):
        if window > 0:
            window = idx.sent_bounds(tok.doc[window - 1])[0]
    for i, sector, ref, country in reversed(idx.memory_before(tok.i)):
        if window <= i < tok.i and sector in {"police", "military"}:
            return ref, sector, country
    return None


def _event_place(
    doc: Document, idx: DocIndex, pred: Any, blocked: set[int], roles: set[int] | None = None
) -> tuple[EventPlace | None, str]:
    # A place is the event's when a locative preposition governs it ("in X", "near X") or the predicate
    # takes it as its object ("shelled Gaza"); a country that is an actor ("Ukraine signed") is not.
    lo, hi = idx.sent_bounds(pred)
    here = [p for p in idx.places if lo <= p.tok.i < hi]
    cands = [p for p in here if p.locative or is_event_object(p.tok, pred)]
    loc = attach(idx, cands, pred, blocked, origins=False)
    reason = "clause"
    if loc is None:
        loc = _sentence_fallback(idx, [p for p in cands if not p.origin], pred, blocked)
        reason = "sentence"
    if loc is None:
        rest = [
            p for p in here
            if p.tok.i not in blocked and p.tok.i not in (roles or ()) and not p.origin
            and p.tok.dep_ not in {"nsubj", "poss", "compound", "amod", "nmod"}
        ]
        loc = rest[0] if rest else None
    if loc is None and here:
        loc = _nearest_place_api(doc, idx, pred, blocked)
    if loc is None:
        loc = _paragraph_fallback(idx, pred)
        reason = "paragraph"
    if loc is None:
        return None, "none"
    p = loc.item
    return (
        EventPlace(
            name=p.name or p.text,
            lat=p.lat,
            lon=p.lon,
            country_code=p.country_code,
            geonames_id=p.geonames_id,
            start=p.start,
            end=p.end,
        ),
        reason,
    )


def _nearest_place_api(doc: Document, idx: DocIndex, pred: Any, blocked: set[int]) -> Located | None:
    """The places stage's own choice, when it offers one, kept only if it is in this sentence and not blocked."""
    try:
        from ..places import nearest_place  # type: ignore[attr-defined]
    except (ImportError, AttributeError):
        return None
    try:
        p = nearest_place(doc, pred.idx, pred.idx + len(pred.text))
    except Exception:  # a neighbour's helper must never break this stage
        return None
    if p is None:
        return None
    for x in idx.places:
        if x.item.start == getattr(p, "start", -1):
            lo, hi = idx.sent_bounds(pred)
            if x.tok.i in blocked or not (lo <= x.tok.i < hi) or is_origin(x.tok) or not is_locative(x.tok):
                return None
            return x
    return None


def _governing_time(doc: Document, idx: DocIndex, tok: Any) -> str | None:
    lo, hi = idx.sent_bounds(tok)
    s_lo, s_hi = idx.starts[lo], idx.starts[hi - 1] + len(tok.doc[hi - 1].text)
    if "time_starts" not in idx.cache:
        idx.cache["time_starts"] = sorted(t.start for t in doc.times if t.value)
    starts = idx.cache["time_starts"]
    k = bisect.bisect_left(starts, s_lo)
    if k == len(starts) or starts[k] >= s_hi:
        return None  # `governing` answers with one of doc.times and only one in this sentence is kept below
    try:
        from ..times import governing  # type: ignore[attr-defined]
    except (ImportError, AttributeError):
        return None
    try:
        t = governing(doc, tok.idx, tok.idx + len(tok.text))
    except Exception:
        return None
    if t is None or not getattr(t, "value", None):
        return None
    if _under_prep(idx.token_at(t.start), NO_DATE_PREPS):
        return None  # "since a June 7 agreement" dates the agreement, not this event
    lo, hi = idx.sent_bounds(tok)
    if not (tok.doc[lo].idx <= t.start < tok.doc[hi - 1].idx + len(tok.doc[hi - 1].text)):
        return None
    return time_date(t)


_OWN_CLAUSE_LINKS = frozenset({"conj", "relcl", "advcl", "ccomp", "parataxis"})


def _in_other_clause(tok: Any, pred: Any) -> bool:
    """A place whose nearest verb is another predicate, joined to this one as a conjunct or a
    subordinate clause ("seized power ... and turned to Russia"), belongs to that predicate."""
    head = tok.head
    while head.pos_ not in ("VERB", "AUX") and head.head.i != head.i:
        head = head.head
    if head.i == pred.i or head.pos_ not in ("VERB", "AUX"):
        return False
    for start, stop in ((head, pred), (pred, head)):  # either one may govern the other
        node = start
        while node.head.i != node.i:
            if node.dep_ in _OWN_CLAUSE_LINKS:
                return True
            node = node.head
            if node.i == stop.i:
                return False
    return False


def _sentence_fallback(idx: DocIndex, items: list[Located], pred: Any, blocked: set[int]) -> Located | None:
    lo, hi = idx.sent_bounds(pred)
    local = [x for x in items if lo <= x.tok.i < hi and x.tok.i not in blocked and not _in_other_clause(x.tok, pred)]
    if not local:
        return None
    return min(local, key=lambda x: abs(x.tok.i - pred.i))


def _paragraph_fallback(idx: DocIndex, pred: Any) -> Located | None:
    """Where the scene is when the sentence names no place: the nearest non-origin place in the paragraph."""
    para = idx.para[pred.i]
    lo, hi = idx.sent_bounds(pred)
    nxt = idx.sent_bounds(pred.doc[hi]) if hi < len(pred.doc) else (hi, hi)
    before, after = [], []
    for x in idx.places:
        if idx.para[x.tok.i] != para or not x.locative or x.origin:
            continue
        if x.tok.i < lo:
            before.append(x)
        elif nxt[0] <= x.tok.i < nxt[1]:
            after.append(x)
    if before:
        return before[-1]
    return after[0] if after else None


def _source(doc: Document, idx: DocIndex, tok: Any, pred: Any) -> tuple[Ref, str]:
    q = in_quote(doc, tok.idx)
    if q is not None and q.speaker is not None:
        return q.speaker, "quote"
    cur = pred
    for _ in range(8):
        for c in cur.children:
            if c.dep_ == "prep" and c.lower_ == "according":
                for g in c.subtree:
                    if g.dep_ == "pobj" and g.head.lower_ in {"to", "from"} and _is_named(idx, g):
                        return describe(idx, g)[0], "according to"
        if cur.dep_ in {"ccomp", "parataxis"} and cur.head.lemma_.lower() in SPEECH:
            for c in cur.head.children:
                if c.dep_ == "nsubj":
                    return describe(idx, c)[0], "speech"
        if cur.head.i == cur.i:
            break
        cur = cur.head
    roots = idx.cache.setdefault("sent_roots", {})  # one spaCy sentence holds each clipped sentence
    bounds = idx.sent_bounds(tok)
    root = roots.get(bounds)
    if root is None:
        root = roots[bounds] = tok.sent.root
    if root.lemma_.lower() in SPEECH and root.i > pred.i and idx.same_block(root, pred):
        for c in root.children:
            if c.dep_ == "nsubj":
                return describe(idx, c)[0], "speech"
    if "byline" not in idx.cache:
        idx.cache["byline"] = byline(doc.text)
    return idx.cache["byline"] or Ref(name="author"), "author"


BYLINE = re.compile(
    r"^[ \t]*(?:By|BY|Written by|Reporting by)[ \t]+"
    r"((?:[A-Z][\w'.-]*|de|da|del|la|le|di|du|der|dos|van|von|bin|ibn|al-\w+)(?:[ \t]+(?:[A-Z][\w'.-]*|de|da|del|la|le|di|du|der|dos|van|von|bin|ibn|al-\w+)){1,5})"
    r"(?=[ \t]*(?:,|\||and\b|[;:(]|$))",
    re.M,
)


def byline(text: str) -> Ref | None:
    """The author named in a byline near the top ("By Jane Doe, Reuters"): who reports what no speaker reports.
    The publisher (`doc.source`) is an outlet, not an author, so it is not used as one."""
    m = BYLINE.search(text[:600])
    if m is None:
        return None
    line_end = text.find("\n", m.end())
    if (line_end if line_end >= 0 else len(text)) - m.start() > 80:
        return None  # "By Monday, police had arrested ...": a sentence, not a byline
    return Ref(name=m.group(1), start=m.start(1), end=m.end(1))


def _is_named(idx: DocIndex, tok: Any) -> bool:
    return tok.pos_ == "PROPN" or idx.entity_of(tok) is not None or tok.lemma_.lower() in lexicon().sectors
