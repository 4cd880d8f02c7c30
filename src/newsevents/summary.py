"""A readable, grouped summary of a `Document` for a person at a terminal."""

from __future__ import annotations

from .schema import Document


def _ref(r) -> str:
    return r.name if r else "-"


def render(doc: Document) -> str:
    out: list[str] = []
    add = out.append
    add(f"# {doc.headline.text if doc.headline else '(no headline)'}")
    meta = [f"published {doc.published or 'unknown'}"]
    if doc.source:
        meta.append(f"source {doc.source}")
    if doc.dateline:
        meta.append(f"dateline {doc.dateline.text!r}")
    add("  " + " · ".join(meta))
    for w in doc.warnings:
        add(f"  note: {w}")

    add(f"\nENTITIES ({len(doc.entities)})")
    for typ in sorted({e.type for e in doc.entities}):
        ents = [e for e in doc.entities if e.type == typ]
        add(f"  {typ}:")
        for e in ents:
            extra = []
            if e.titles:
                extra.append(", ".join(e.titles))
            if e.nationality:
                extra.append(f"nationality {e.nationality}")
            others = sorted({m.text for m in e.mentions} - {e.name})
            if others:
                extra.append("also: " + ", ".join(others))
            add(f"    {e.name} ×{len(e.mentions)}" + (f"  ({'; '.join(extra)})" if extra else ""))

    add(f"\nPLACES ({len(doc.places)})")
    seen: set[tuple] = set()
    for p in doc.places:
        key = (p.name, p.role)
        if key in seen:
            continue
        seen.add(key)
        where = f"{p.lat:.2f}, {p.lon:.2f}" if p.lat is not None and p.lon is not None else "unresolved"
        add(f"  {p.text!r} → {p.name or '?'} [{p.country_code or '--'}] {where}  {p.feature or ''} ({p.role})")
    if doc.focus_places:
        add(f"  focus: {', '.join(doc.focus_places)}")

    add(f"\nTIMES ({len(doc.times)})")
    for t in doc.times:
        add(f"  {t.text!r} → {t.value or 'unresolved'} ({t.type})")

    add(f"\nQUOTES ({len(doc.quotes)})")
    for q in doc.quotes:
        snippet = q.text if len(q.text) < 90 else q.text[:87] + "..."
        add(f"  [{q.kind}] {_ref(q.speaker)}: {snippet!r}")

    add(f"\nEVENTS ({len(doc.events)})")
    for e in doc.events:
        bits = [f"{e.type}{'/' + e.mode if e.mode else ''}", f"{_ref(e.actor)} → {_ref(e.target)}"]
        if e.place:
            bits.append(f"at {e.place.name}")
        if e.date:
            bits.append(f"on {e.date}")
        bits.append(e.certainty)
        if e.historical:
            bits.append("historical")
        add("  " + " · ".join(bits) + f"  «{e.text}»")

    add(f"\nJOURNEYS ({len(doc.journeys)})")
    for j in doc.journeys:
        add(f"  {j.person.name}: " + " → ".join(f"{s.name}{' (' + s.date + ')' if s.date else ''}" for s in j.stops))
    return "\n".join(out)
