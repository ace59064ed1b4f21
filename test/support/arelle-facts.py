"""
An Arelle plug-in for kessan's tests (never part of kessan): after Arelle has loaded an instance, it writes every
item fact as Arelle sees it to the JSON file named by --kessanFacts, for test/support/arelle-facts.ts to compare
with kessan's own reading. Only Arelle's public object model is used: concept, context (entity, period, dimension
members, non-dimensional segment and scenario content), unit, value, decimals, precision, language, line.

Non-dimensional content is written in the same order-preserving canonical form as kessan's nonDimensionalKey:
[clark name, [[attribute, trimmed value]...] sorted by attribute, children...] with text trimmed and
whitespace-only text left out.
"""
import json


def _clark(qn):
    return "{%s}%s" % (qn.namespaceURI or "", qn.localName)


def _canonical(elt):
    attrs = sorted([str(k), v.strip()] for k, v in elt.items())
    out = [elt.tag, attrs]
    texts = [elt.text or ""]

    def flush():
        t = "".join(texts).strip()
        if t:
            out.append(t)
        texts.clear()

    for child in elt:
        if isinstance(child.tag, str):  # an element (comments and processing instructions have other tags)
            flush()
            out.append(_canonical(child))
        texts.append(child.tail or "")
    flush()
    return out


def _period(context):
    from arelle import XmlUtil, XbrlConst

    period = context.period
    text = lambda name: (XmlUtil.text(XmlUtil.child(period, XbrlConst.xbrli, name)) or "").strip()
    if context.isForeverPeriod:
        return "forever"
    if context.isInstantPeriod:
        return text("instant")
    return "%s/%s" % (text("startDate"), text("endDate"))


def _dimension(dim):
    if dim.isExplicit:
        member = dim.memberQname
        return _clark(member) if member is not None else None
    typed = dim.typedMember
    return {"typed": _canonical(typed) if typed is not None else None}


def _unit(unit):
    if unit is None:
        return None
    num, den = unit.measures
    side = lambda ms: "*".join(sorted(_clark(m) for m in ms))
    return "%s/%s" % (side(num), side(den)) if den else side(num)


def _items(facts):
    for f in facts:
        if f.isItem:
            yield f
        yield from _items(f.modelTupleFacts)


def _fact(f):
    context = f.context
    return {
        "concept": _clark(f.qname),
        "entity": "%s#%s" % tuple(x.strip() for x in context.entityIdentifier),
        "period": _period(context),
        "dimensions": sorted(
            [[_clark(qn), _dimension(dim)] for qn, dim in context.qnameDims.items()], key=lambda x: x[0]
        ),
        "segment": [_canonical(e) for e in context.nonDimValues("segment")],
        "scenario": [_canonical(e) for e in context.nonDimValues("scenario")],
        "unit": _unit(f.unit),
        "nil": f.isNil,
        "value": None if f.isNil else f.value,
        "decimals": f.decimals,
        "precision": f.precision,
        "lang": f.xmlLang if f.unit is None else None,
        "line": f.sourceline,
    }


def options(parser, *args, **kwargs):
    parser.add_option("--kessanFacts", action="store", dest="kessanFacts", help="Write the item facts as JSON")


def run(cntlr, options, modelXbrl, *args, **kwargs):
    path = getattr(options, "kessanFacts", None)
    if not path:
        return
    facts = [_fact(f) for f in _items(modelXbrl.facts) if f.context is not None]
    with open(path, "w", encoding="utf-8") as out:
        json.dump(facts, out, ensure_ascii=False)


__pluginInfo__ = {
    "name": "kessan test facts",
    "version": "1.0",
    "description": "Writes the loaded instance's item facts as JSON, for kessan's comparison tests.",
    "license": "MIT",
    "author": "kessan tests",
    "copyright": "",
    "CntlrCmdLine.Options": options,
    "CntlrCmdLine.Xbrl.Run": run,
}
