"""JSON Schemas (draft 2020-12) for every document the library reads or writes.

The schemas are built from the code that reads and writes the documents, so
they cannot drift from it: the attrs classes of the domain model (their
fields, types, defaults, enums and attribute docstrings) for plans, Ambiti,
families and budgets; the keys the profile and case-file readers accept; the
JSON forms of reports and of the budget tools. Italian labels of enum values
come from the model's own table; examples come from the embedded examples.

The package ships the generated files under ``welfare_ambito/data/schemas``
(``welfare-ambito schema KIND`` prints one); a test keeps them equal to what
this module generates.

>>> schema = build("ambito")
>>> schema["$schema"], schema["required"]
('https://json-schema.org/draft/2020-12/schema', ['id', 'name', 'lead', 'comuni'])
>>> sorted(KINDS)[:4]
['ambito', 'budget', 'budget-phase', 'budget-reconcile']
"""

from __future__ import annotations

import ast
import copy
import datetime as dt
import enum
import functools
import inspect
import json
import re
import textwrap
import types
import typing
from collections.abc import Callable, Mapping
from decimal import Decimal
from typing import Any, Final, Union, get_args, get_origin

import attrs

from welfare_ambito import i18n
from welfare_ambito._frozendict import FrozenDict
from welfare_ambito.errors import NotFound

__all__ = ["DRAFT", "KINDS", "build", "schema_text", "shipped"]

i18n.define(
    "error.schema.unknown",
    it="nessuno schema {kind!r}; disponibili: {known}",
    en="no schema {kind!r}; known: {known}",
)

DRAFT: Final = "https://json-schema.org/draft/2020-12/schema"
"""The JSON Schema dialect of every schema.

>>> DRAFT.endswith("2020-12/schema")
True
"""

_ID_BASE: Final = "https://welfare-ambito.invalid/schemas/"
# No public site hosts the schemas yet: `.invalid` (RFC 2606) says so instead of inventing a URL.

_AMOUNT_NOTE = (
    'An amount in euros: a number (211500, 211500.00) or a text ("211500.00", '
    '"211.500,00", "€ 211.500,00").'
)
_NUMBER_NOTE = 'A number, or its exact text ("37.5").'


# Italian label of each field name of the model, and a description for the fields whose
# meaning their name and type already say (the model documents the others under the field).
_FIELDS: Final[Mapping[str, tuple[str, str]]] = {
    "abuse_or_severe_maltreatment": (
        "abuso o grave maltrattamento",
        "The family's situation is abuse or severe maltreatment (outside the P.I.P.P.I. target).",
    ),
    "adversities": ("avversità specifiche", ""),
    "albo_registered": ("iscritto all'albo", ""),
    "aliases": (
        "altre denominazioni",
        'Other names the notices use for the Comune ("Lentate S/S").',
    ),
    "ambito": (
        "Ambito territoriale",
        "The Ambito: the id of an embedded one, the path of a file declaring it (relative to the "
        "plan's folder), or the Ambito written in full.",
    ),
    "amount": ("importo", ""),
    "birth_date": (
        "data di nascita",
        "The child's birth date (never shown in messages or reports).",
    ),
    "budget": ("piano economico", "The plan's budget."),
    "cadence": ("cadenza", "How often the group meets."),
    "children": ("figli", "The family's children."),
    "cig": ("CIG", ""),
    "coaches": ("coach", ""),
    "code": ("codice", "A short code of the funding line."),
    "comune": ("Comune", "The Comune (official name or alias)."),
    "comuni": ("Comuni", "Comuni, by official name or alias."),
    "covers": ("periodo di riferimento", "The days the report covers."),
    "cv": ("curriculum allegato", ""),
    "cup": ("CUP", "The public investment project code (15 letters and digits)."),
    "declarations": ("dichiarazioni del partner", ""),
    "degree": ("titolo di studio", ""),
    "derogation_approved": ("deroga approvata", ""),
    "due": ("scadenza", "The day the report is due."),
    "duties": (
        "oneri assunti",
        "The duties the partner declares it takes on (a notice's «oneri a carico del partner»).",
    ),
    "em_operators": ("operatori dell'EM", ""),
    "em_orientation": (
        "orientamento dell'EM",
        "The orientation the Équipe Multidisciplinare has matured for the child.",
    ),
    "em_participation_included": (
        "partecipazione all'EM inclusa",
        "The weekly hours include the educator's participation in the EM.",
    ),
    "end": ("fine", "The last day (inclusive)."),
    "facilitators_from_em": ("facilitatori dall'EM", ""),
    "families": ("famiglie", "The families, by pseudonymous id."),
    "family": ("famiglia", ""),
    "fiscal_code": ("codice fiscale", "The partner's fiscal code."),
    "funding": ("finanziamento", "Where the money comes from."),
    "funds_hour_plan": ("finanzia il monte ore", ""),
    "groups": ("moduli di gruppo", "The group modules."),
    "hour_plan": ("monte ore", "Hours per profession over the project."),
    "hourly_cost": ("costo orario", "Hourly cost per profession."),
    "hours": ("ore", "Hours per profession over the project."),
    "id": (
        "identificativo",
        'An identifier: letters, digits, "-", "_" or "." (pseudonymous for people).',
    ),
    "impact_evaluation": ("valutazione di impatto sociale (VIS)", "The social-impact evaluation."),
    "in_service": ("già in servizio", ""),
    "indicators": ("indicatori", "The indicators the evaluation measures."),
    "interventions": ("interventi", "The educational interventions."),
    "istat_code": ("codice ISTAT", "The Comune's 6-digit ISTAT code."),
    "kind": ("tipo", "The kind."),
    "label": ("voce", "The line's label."),
    "lead": ("Comune capofila", "The lead Comune (capofila), by name."),
    "lines": ("voci", "The budget lines."),
    "meetings": ("incontri", "The number of meetings of the module."),
    "method": ("metodo", "The evaluation method."),
    "name": ("denominazione", "The name."),
    "overall_total": (
        "totale complessivo",
        "The total over all the years, as the notice states it.",
    ),
    "parent": ("voce superiore", "The label of the line this one is part of."),
    "partner": ("ente partner (ETS)", "The Third Sector partner."),
    "period": ("periodo", 'The period: "START/END" or a table with start and end.'),
    "pre_assessment": ("pre-assessment", "The EM's judgement through the pre-assessment tool."),
    "profession": ("profilo professionale", "The professional profile."),
    "programme": ("programma", "The programme the plan belongs to."),
    "psychotherapist": ("psicoterapeuta", ""),
    "removal_in_progress": ("allontanamento in corso", ""),
    "reports": ("rendicontazioni", "The reports the plan promises."),
    "scope": ("ambito del servizio", "Where the service or line applies."),
    "service": ("servizio", ""),
    "services": ("servizi", "The services of the catalogue as the plan offers them."),
    "split": ("riparto", ""),
    "support_families": ("famiglie d'appoggio", ""),
    "staff": ("personale", "The staff, by pseudonymous id."),
    "start": ("inizio", "The first day."),
    "team": ("équipe del programma", "The programme team the plan records."),
    "technical_lead": ("referente tecnico", "The partner's technical lead."),
    "title": ("titolo", "The plan's title."),
    "total": ("totale", ""),
    "trainings": ("formazione", ""),
    "trust_in_services": ("fiducia nei servizi", ""),
    "weekly_hours": ("ore settimanali", "Hours a week."),
    "yearly_hours": ("ore annue", "Hours a year."),
    "years": ("anni", "The number of years the budget covers."),
    "years_in_tutela_minori": ("anni in Tutela Minori", ""),
}

_ROLE = re.compile(r":\w+:`~?([\w.]+)`")


def _clean(text: str) -> str:
    """reStructuredText roles and double backticks as plain Markdown code."""
    text = _ROLE.sub(lambda m: "`" + m.group(1).rsplit(".", 1)[-1] + "`", text)
    return " ".join(text.replace("``", "`").split())


# -- attribute docstrings ---------------------------------------------------------------


@functools.cache
def _field_docs(cls: type) -> Mapping[str, str]:
    """The docstring written under each field of ``cls`` (``name: T = ...`` then a string)."""
    try:
        source = textwrap.dedent(inspect.getsource(cls))
    except (OSError, TypeError):  # pragma: no cover - no source (frozen app)
        return {}
    body = ast.parse(source).body[0]
    docs: dict[str, str] = {}
    if not isinstance(body, ast.ClassDef):  # pragma: no cover - defensive
        return docs
    for before, after in zip(body.body, body.body[1:], strict=False):
        if (
            isinstance(before, ast.AnnAssign)
            and isinstance(before.target, ast.Name)
            and isinstance(after, ast.Expr)
            and isinstance(after.value, ast.Constant)
            and isinstance(after.value.value, str)
        ):
            docs[before.target.id] = _clean(inspect.cleandoc(after.value.value))
    return docs


def _summary(cls: type) -> str:
    """The first paragraph of a class's docstring."""
    text = inspect.cleandoc(cls.__doc__ or "")
    return _clean(text.split("\n\n")[0])


def _labels_it(values: list[Any]) -> dict[str, str]:
    from welfare_ambito.model._labels import LABELS_IT

    return {str(v): LABELS_IT[str(v)] for v in values if str(v) in LABELS_IT}


# -- type -> schema -------------------------------------------------------------------


class _Builder:
    """Turns Python types into schemas, collecting attrs classes under ``$defs``."""

    def __init__(self, examples: Mapping[type, Any]) -> None:
        self.defs: dict[str, Any] = {}
        self.examples = examples

    def ref(self, cls: type) -> dict[str, Any]:
        name = cls.__name__
        if name not in self.defs:
            self.defs[name] = {}  # a placeholder breaks cycles
            self.defs[name] = self.attrs_class(cls)
        return {"$ref": f"#/$defs/{name}"}

    def type_schema(self, type_: Any) -> dict[str, Any]:
        from welfare_ambito.model import Ambito
        from welfare_ambito.money import Money
        from welfare_ambito.periods import Period

        origin = get_origin(type_)
        args = get_args(type_)
        if origin in (Union, types.UnionType):
            options = [a for a in args if a is not type(None)]
            inner = self.type_schema(options[0]) if len(options) == 1 else {}
            return {"anyOf": [inner, {"type": "null"}]} if type(None) in args else inner
        if type_ is str:
            return {"type": "string", "minLength": 1}
        if type_ is bool:
            return {"type": "boolean"}
        if type_ is int:
            return {"type": "integer"}
        if type_ is Decimal:
            return {"type": ["number", "string"], "description": _NUMBER_NOTE}
        if type_ is Money:
            return {"type": ["number", "string"], "description": _AMOUNT_NOTE}
        if type_ is dt.date:
            return {"type": "string", "format": "date"}
        if type_ is Period:
            return {
                "oneOf": [
                    {
                        "type": "string",
                        "pattern": r"^\S+/\S+$",
                        "description": 'START/END, e.g. "2023-06-01/2026-05-31".',
                    },
                    self.ref(Period),
                ]
            }
        if type_ is Ambito:
            return {
                "oneOf": [
                    {
                        "type": "string",
                        "description": 'The id of an embedded Ambito, e.g. "seregno", or the '
                        'path of a .toml/.json file declaring one, e.g. "ambito.toml" '
                        "(relative to the plan's folder).",
                    },
                    self.ref(Ambito),
                ]
            }
        if isinstance(type_, type) and issubclass(type_, enum.Enum):
            values = [m.value for m in type_]
            schema: dict[str, Any] = {"type": "string", "enum": values}
            labels = _labels_it(values)
            if labels:
                schema["x-labels-it"] = labels
            return schema
        if origin in (tuple, list, frozenset, set):
            item = self.type_schema(args[0]) if args else {}
            schema = {"type": "array", "items": item}
            if origin in (frozenset, set):
                schema["uniqueItems"] = True
            return schema
        if origin in (FrozenDict, dict, Mapping) or type_ is FrozenDict:
            key, value = args or (str, Any)
            schema = {"type": "object", "additionalProperties": self.type_schema(value)}
            if isinstance(key, type) and issubclass(key, enum.Enum):
                schema["propertyNames"] = self.type_schema(key)
            return schema
        if type_ is Any:
            return {}
        if attrs.has(type_):
            return self.ref(type_)
        raise TypeError(f"no schema for {type_!r}")  # pragma: no cover - a new model type

    def attrs_class(self, cls: type) -> dict[str, Any]:
        hints = typing.get_type_hints(cls)
        docs = _field_docs(cls)
        example = self.examples.get(cls)
        properties: dict[str, Any] = {}
        required: list[str] = []
        for field in attrs.fields(cls):
            if not field.init:
                continue
            key = field.alias or field.name
            prop = dict(self.type_schema(hints[field.name]))
            note = prop.pop("description", None)
            label, fallback = _FIELDS.get(field.name, ("", ""))
            text = " ".join(t for t in (docs.get(field.name) or fallback, note) if t)
            if text:
                prop["description"] = text
            if label:
                prop["x-label-it"] = label
            if field.default is attrs.NOTHING:
                required.append(key)
            elif not isinstance(field.default, attrs.Factory) and field.default is not None:  # type: ignore[arg-type]
                prop["default"] = _plain(field.default)
            sample = _field_example(example, field.name)
            if sample is not None:
                prop["examples"] = [sample]
            properties[key] = prop
        schema: dict[str, Any] = {
            "title": cls.__name__,
            "description": _summary(cls),
            "type": "object",
            "properties": properties,
            "additionalProperties": False,
        }
        if required:
            schema["required"] = required
        return schema


def _plain(value: Any) -> Any:
    from welfare_ambito.convert import unstructure

    return unstructure(value)


def _field_example(instance: Any, name: str) -> Any:
    """A short example of a field from an embedded document (scalars and short lists only)."""
    if instance is None:
        return None
    value = getattr(instance, name)
    if value is None or attrs.has(type(value)):
        return None
    plain = _plain(value)
    if isinstance(plain, list) and (
        not plain or len(plain) > 6 or any(isinstance(i, dict | list) for i in plain)
    ):
        return None
    if isinstance(plain, dict) and (
        len(plain) > 8 or any(isinstance(i, dict | list) for i in plain.values())
    ):
        return None
    return plain


@functools.cache
def _model_examples() -> Mapping[type, Any]:
    """The first instance of each attrs class met in the embedded examples."""
    from welfare_ambito import data

    found: dict[type, Any] = {}

    def walk(value: Any) -> None:
        if attrs.has(type(value)):
            found.setdefault(type(value), value)
            for field in attrs.fields(type(value)):
                walk(getattr(value, field.name))
        elif isinstance(value, tuple | list | frozenset):
            for item in value:
                walk(item)
        elif isinstance(value, Mapping):
            for item in value.values():
                walk(item)

    for name in ("pippi_seregno", "tutela_minori_seregno"):
        walk(data.example(name))
    return found


# Italian labels of the keys of the documents that are not attrs classes (profiles, case
# files, reports, budget outputs); a key the model also has keeps the model's label.
_KEYS_IT: Final[Mapping[str, str]] = {
    "allocation": "riparto",
    "along": "direzione del totale",
    "amount": "importo",
    "bound": "limite applicato",
    "budget": "piano economico",
    "cases": "casi",
    "citation": "citazione",
    "code": "codice",
    "column": "colonna",
    "computed": "totale calcolato",
    "condition": "condizione",
    "conflict": "deroghe in conflitto",
    "days": "giorni",
    "description": "descrizione",
    "difference": "differenza",
    "document": "documento",
    "enabled": "attiva",
    "end": "fine",
    "error": "errore atteso",
    "errors": "errori",
    "exception": "deroga",
    "expect": "esito atteso",
    "extends": "estende",
    "failing": "regole non rispettate",
    "failures": "non conformità",
    "family": "famiglia",
    "findings": "esiti",
    "group": "gruppo",
    "id": "identificativo",
    "info": "informazioni",
    "label": "etichetta",
    "lang": "lingua",
    "maximum": "massimo",
    "message": "messaggio",
    "message_it": "messaggio in italiano",
    "method": "metodo",
    "minimum": "minimo",
    "missing": "dati mancanti",
    "name": "nome",
    "note": "nota",
    "ok": "conforme",
    "on": "data di riferimento",
    "outcome": "esito",
    "outcomes": "esiti per tipo",
    "overrides": "valori modificati",
    "parameters": "parametri",
    "path": "percorso",
    "plan": "piano",
    "profile": "profilo",
    "profile_title": "titolo del profilo",
    "programme": "programma",
    "quota": "quota esatta",
    "quote": "testo citato",
    "readings": "letture",
    "recipient": "destinatario",
    "reunification": "riunificazione",
    "rounding": "arrotondamento",
    "row": "riga",
    "rule": "regola",
    "rules": "regole",
    "records": "righe",
    "schema": "schema",
    "section": "sezione",
    "severity": "gravità",
    "shares": "quote",
    "since": "dal",
    "start": "inizio",
    "stated": "totale dichiarato",
    "summary": "riepilogo",
    "title": "titolo",
    "total": "totale",
    "unit": "unità di misura",
    "until": "fino al",
    "url": "indirizzo",
    "value": "valore",
    "values": "valori",
    "verified_on": "verificato il",
    "version": "versione",
    "warning": "avvertimenti",
    "warnings": "avvertimenti",
    "weight": "peso",
    "weights": "pesi",
    "ambito": "Ambito territoriale",
    "act_date": "data dell'atto",
    "act_kind": "tipo di atto",
    "act_number": "numero dell'atto",
    "citations": "citazioni",
    "file": "testo della fonte",
    "issuer": "ente emittente",
    "legacy": "denominazioni precedenti",
    "overridden": "valore modificato",
    "parameter": "parametro",
    "paraphrase": "parafrasi",
    "provenance": "provenienza dei valori",
    "reading": "lettura",
    "source": "fonte",
    "sources": "fonti",
    "subject_id": "identificativo del soggetto",
    "year": "anno",
}


def _label_keys(node: Any) -> None:
    """Give every property without an Italian label the one of its key, where known."""
    if isinstance(node, dict):
        for key, prop in node.get("properties", {}).items():
            if isinstance(prop, dict) and "x-label-it" not in prop and key in _KEYS_IT:
                prop["x-label-it"] = _KEYS_IT[key]
        for value in node.values():
            _label_keys(value)
    elif isinstance(node, list):
        for value in node:
            _label_keys(value)


def _document(kind: str, root: dict[str, Any], defs: dict[str, Any], title: str) -> dict[str, Any]:
    schema: dict[str, Any] = {
        "$schema": DRAFT,
        "$id": f"{_ID_BASE}{kind}.json",
        "title": title,
    }
    schema.update(root)
    if defs:
        schema["$defs"] = dict(sorted(defs.items()))
    schema = copy.deepcopy(schema)  # module-level pieces are shared: label a copy
    _label_keys(schema)
    return schema


def _model_document(kind: str, cls: type, title: str) -> dict[str, Any]:
    builder = _Builder(_model_examples())
    builder.ref(cls)
    root = builder.defs.pop(cls.__name__)
    root.pop("title")
    root["x-class"] = f"{cls.__module__}.{cls.__qualname__}"
    return _document(kind, root, builder.defs, title)


# -- documents the model reads --------------------------------------------------------


def _plan() -> dict[str, Any]:
    from welfare_ambito.model import CoDesignPlan

    return _model_document("plan", CoDesignPlan, "Co-design plan · Piano di coprogettazione")


def _ambito() -> dict[str, Any]:
    from welfare_ambito import data
    from welfare_ambito.convert import unstructure
    from welfare_ambito.model import Ambito

    schema = _model_document("ambito", Ambito, "Ambito · Ambito Territoriale Sociale")
    ambito = data.seregno()
    schema["examples"] = [
        {
            "id": ambito.id,
            "name": ambito.name,
            "lead": ambito.lead,
            "comuni": [unstructure(c) for c in ambito.comuni],
        }
    ]
    return schema


def _family() -> dict[str, Any]:
    from welfare_ambito.model import Family

    return _model_document("family", Family, "Family · Famiglia")


def _budget() -> dict[str, Any]:
    from welfare_ambito.model import Budget

    return _model_document("budget", Budget, "Budget · Piano economico")


# -- profile ----------------------------------------------------------------------------


def _citation_schema() -> dict[str, Any]:
    """A citation as ``citation_from_dict`` reads it and ``citation_to_dict`` writes it."""
    from welfare_ambito.citations import _CITATION_KEYS

    fields: dict[str, dict[str, Any]] = {
        "document": {
            "type": "string",
            "minLength": 1,
            "description": "The source document's id (an old seed file name is read as the "
            "source it names).",
            "examples": ["seregno-pippi-2023-avviso"],
        },
        "source": {
            "description": "The source: its id (read, in place of `document`) or, as written "
            "in reports, its description.",
            "oneOf": [
                {"type": "string", "minLength": 1, "examples": ["seregno-pippi-2023-avviso"]},
                {"$ref": "#/$defs/Source"},
            ],
        },
        "section": {
            "type": "string",
            "minLength": 1,
            "description": "The section of the document.",
        },
        "quote": {
            "type": "string",
            "minLength": 1,
            "description": "The sentence, verbatim (or restated, when `paraphrase`).",
        },
        "paraphrase": {
            "type": "boolean",
            "description": "The quote restates a public act (default: when the library holds "
            "no text of the source); shown without «».",
        },
        "verified_on": {
            "type": "string",
            "format": "date",
            "description": "The day the quote was checked against the source.",
        },
        "url": {"type": "string", "description": "Where the document can be read."},
    }
    return {
        "title": "Citation",
        "description": "Where a value comes from: a source document, its section and the "
        "sentence quoted verbatim.",
        "type": "object",
        "properties": {k: fields.get(k, {}) for k in sorted(_CITATION_KEYS, key=_order(fields))},
        "required": ["section", "quote"],
        "anyOf": [
            {"required": ["document"]},
            {"required": ["source"], "properties": {"source": {"type": "string"}}},
        ],
        "additionalProperties": False,
    }


def _source_schema() -> dict[str, Any]:
    """A source as ``source_from_dict`` reads it (``[sources.<id>]``) and reports write it."""
    from welfare_ambito.citations import _SOURCE_KEYS

    text = {"type": "string", "minLength": 1}
    fields: dict[str, dict[str, Any]] = {
        "title": {**text, "description": "The document's title."},
        "issuer": {**text, "description": "Who issued it.", "examples": ["Ambito di Seregno"]},
        "year": {"type": "integer", "description": "The year of the document."},
        "act_kind": {**text, "description": 'The kind of act, e.g. "decreto direttoriale".'},
        "act_number": {
            "type": ["string", "integer"],
            "description": "The act's number (a number is read as its text).",
        },
        "act_date": {"type": "string", "format": "date", "description": "The act's date."},
        "url": {**text, "description": "Where the document can be read."},
        "file": {
            **text,
            "description": "The text backing the quotes: a path relative to the profile "
            "(without it, the source is a public act the citations paraphrase).",
        },
        "legacy": {
            "type": "array",
            "items": text,
            "description": "Names earlier versions cited the document by.",
        },
    }
    return {
        "title": "Source",
        "description": "A document that citations refer to: a notice, a public act, a publication.",
        "type": "object",
        "properties": {k: fields.get(k, {}) for k in sorted(_SOURCE_KEYS, key=_order(fields))},
        "required": ["title", "issuer"],
        "additionalProperties": False,
    }


_PROFILE_FIELDS: Final[Mapping[str, dict[str, Any]]] = {
    "id": {
        "type": "string",
        "minLength": 1,
        "description": 'The profile\'s id, e.g. "seregno-pippi-2023".',
        "examples": ["seregno-pippi-2023"],
    },
    "title": {
        "type": "string",
        "minLength": 1,
        "description": "What the profile is, as reports show it.",
        "examples": ["Ambito di Seregno — P.I.P.P.I. (PNRR M5C2 1.1.1), 2023–2026"],
    },
    "ambito": {
        "type": "string",
        "description": "The id of the Ambito whose notice this is.",
        "examples": ["seregno"],
    },
    "extends": {
        "type": "string",
        "description": "A profile whose rules and parameters this one inherits: an embedded "
        "profile id or a path relative to this file.",
        "examples": ["pippi-national"],
    },
    "description": {"type": "string", "description": "A sentence on the notice."},
    "programme": {
        "type": "string",
        "description": "The programme of the plans it checks.",
        "examples": ["pippi"],
    },
    "rules": {
        "description": "The rules the profile applies: a list of rule ids, or a table of rule "
        "ids with their settings.",
        "oneOf": [
            {"type": "array", "items": {"type": "string", "minLength": 1}},
            {"type": "object", "additionalProperties": {"$ref": "#/$defs/RuleSettings"}},
        ],
        "examples": [["pippi.sedt.weekly_hours", "pippi.hours.educator"]],
    },
    "parameters": {
        "type": "object",
        "description": "The notice's figures by parameter name.",
        "additionalProperties": {"$ref": "#/$defs/Parameter"},
    },
    "sources": {
        "type": "object",
        "description": "The documents the profile's citations refer to, by source id "
        "(looked up before the embedded ones).",
        "additionalProperties": {"$ref": "#/$defs/Source"},
    },
    "citations": {
        "type": "object",
        "description": "Sentences bound to rules or derogations, by rule or derogation id, "
        "for requirements that are not a parameter's value.",
        "additionalProperties": {"$ref": "#/$defs/Citation"},
    },
}


def _profile() -> dict[str, Any]:
    from welfare_ambito.rules import profiles
    from welfare_ambito.rules.outcomes import Severity

    def pick(fields: Mapping[str, dict[str, Any]], allowed: frozenset[str]) -> dict[str, Any]:
        # The reader's own key sets decide which keys exist; a key the reader accepts and
        # this module does not describe still appears (with no constraint), never vanishes.
        return {key: fields.get(key, {}) for key in sorted(allowed, key=_order(fields))}

    value_fields: dict[str, dict[str, Any]] = {
        "since": {
            "type": "string",
            "format": "date",
            "description": "The first day the value holds.",
            "examples": ["2023-05-01"],
        },
        "until": {
            "type": "string",
            "format": "date",
            "description": "The last day the value holds (open when omitted).",
        },
        "value": {
            "description": "The value: a number, an exact decimal text, a period "
            '("START/END") or a text, as the parameter\'s unit says.',
            "examples": [8, "211500.00", "2023-06-01/2026-05-31"],
        },
        "readings": {
            "type": "array",
            "minItems": 1,
            "items": {"$ref": "#/$defs/Reading"},
            "description": "Two or more readings of an ambiguous sentence, each with its "
            "citation; a plan that passes one and fails another needs review.",
        },
        "citation": {"$ref": "#/$defs/Citation"},
    }
    parameter_fields: dict[str, dict[str, Any]] = {
        "unit": {
            "type": "string",
            "description": "The unit of the value.",
            "examples": ["hours", "EUR", "hours/week", "share", "period", "text"],
        },
        "description": {"type": "string", "description": "What the parameter means."},
        "values": {
            "type": "array",
            "items": {"$ref": "#/$defs/DatedValue"},
            "description": "Values over time, each from its own day.",
        },
        **value_fields,
    }
    defs = {
        "Citation": _citation_schema(),
        "Source": _source_schema(),
        "RuleSettings": {
            "title": "RuleSettings",
            "description": "How the profile applies one rule.",
            "type": "object",
            "properties": pick(
                {
                    "severity": {
                        "type": "string",
                        "enum": [s.value for s in Severity],
                        "description": "How much a failure matters.",
                    },
                    "citation": {"$ref": "#/$defs/Citation"},
                    "enabled": {
                        "type": "boolean",
                        "description": "false removes an inherited rule.",
                    },
                },
                profiles._RULE_KEYS,
            ),
            "additionalProperties": False,
        },
        "Parameter": {
            "title": "Parameter",
            "description": "A figure of the notice: its unit and its value(s) with the "
            "sentence each comes from. Give either `values` or `since` with `value` or "
            "`readings`.",
            "type": "object",
            "properties": pick(parameter_fields, profiles._PARAM_KEYS),
            "additionalProperties": False,
        },
        "DatedValue": {
            "title": "DatedValue",
            "description": "A value from a day on (give `value` or `readings`).",
            "type": "object",
            "properties": pick(value_fields, profiles._VALUE_KEYS),
            "required": ["since"],
            "additionalProperties": False,
        },
        "Reading": {
            "title": "Reading",
            "description": "One reading of an ambiguous sentence.",
            "type": "object",
            "properties": pick(
                {
                    "label": {"type": "string", "description": "A short name of the reading."},
                    "value": value_fields["value"],
                    "citation": {"$ref": "#/$defs/Citation"},
                },
                profiles._READING_KEYS,
            ),
            "required": ["label", "value"],
            "additionalProperties": False,
        },
    }
    root = {
        "description": "A profile: a notice's rules and parameters, with the sentences "
        "they come from (TOML).",
        "type": "object",
        "properties": pick(_PROFILE_FIELDS, profiles._PROFILE_KEYS),
        "required": ["id", "title"],
        "additionalProperties": False,
        "x-reader": "welfare_ambito.rules.load_profile",
    }
    return _document("profile", root, defs, "Profile · Profilo")


def _order(fields: Mapping[str, Any]) -> Callable[[str], tuple[int, str]]:
    order = list(fields)
    return lambda key: (order.index(key) if key in order else len(order), key)


# -- case file ----------------------------------------------------------------------


def _cases() -> dict[str, Any]:
    from welfare_ambito.testing import cases

    family = _family()
    plan = _plan()
    budget = _budget()
    defs: dict[str, Any] = {}
    for document in (family, plan, budget):
        defs.update(document.get("$defs", {}))
    defs["Family"] = {k: v for k, v in family.items() if not k.startswith("$")}
    defs["CoDesignPlan"] = {k: v for k, v in plan.items() if not k.startswith("$")}
    defs["Budget"] = {k: v for k, v in budget.items() if not k.startswith("$")}
    outcome = {
        "type": "string",
        "enum": list(cases._OUTCOMES),
        "description": "A rule's outcome on the subject.",
    }
    expect_fields: dict[str, dict[str, Any]] = {
        "outcome": {
            "type": "string",
            "enum": ["eligible", "not_eligible", "needs_review"],
            "x-labels-it": {
                "eligible": "rientra nel target",
                "not_eligible": "non rientra",
                "needs_review": "da valutare",
            },
            "description": "The expected eligibility outcome.",
        },
        "group": {
            "type": "string",
            "enum": ["core", "preadolescent", "adolescent", "outside"],
            "description": "The expected target group.",
        },
        "reunification": {
            "type": "boolean",
            "description": "Whether the family counts towards the reunification share.",
        },
        "missing": {
            "type": "array",
            "items": {"type": "string"},
            "description": "Exactly these inputs are missing.",
        },
        "ok": {"type": "boolean", "description": "No error finding."},
        "errors": {"type": "integer", "minimum": 0, "description": "How many errors."},
        "warnings": {"type": "integer", "minimum": 0, "description": "How many warnings."},
        "failing": {
            "type": "array",
            "items": {"type": "string"},
            "description": "Exactly these rules fail.",
        },
        "findings": {
            "type": "array",
            "description": "Findings that must be in the report.",
            "items": {
                "type": "object",
                "properties": {
                    "rule": {"type": "string"},
                    "path": {"type": "string"},
                    "outcome": outcome,
                },
                "required": ["rule", "outcome"],
                "additionalProperties": False,
            },
        },
        "shares": {
            "type": "object",
            "additionalProperties": {"type": ["number", "string"]},
            "description": "The expected amount of each recipient.",
        },
        "error": {
            "type": "string",
            "description": 'The error code the allocation must raise ("any" for any).',
        },
    }

    def expect(kind: str) -> dict[str, Any]:
        keys = cases._EXPECT_KEYS[kind]
        return {
            "type": "object",
            "properties": {
                k: expect_fields.get(k, {}) for k in sorted(keys, key=_order(expect_fields))
            },
            "additionalProperties": False,
        }

    amount = {"type": ["number", "string"], "description": _AMOUNT_NOTE}
    inputs: dict[str, dict[str, Any]] = {
        "family": {"$ref": "#/$defs/Family"},
        "plan": {
            "description": "An embedded example's name, a file next to the case file, or "
            "the plan itself.",
            "oneOf": [{"type": "string"}, {"$ref": "#/$defs/CoDesignPlan"}],
        },
        "budget": {"$ref": "#/$defs/Budget"},
        "allocation": {
            "type": "object",
            "properties": {
                "total": amount,
                "weights": {
                    "type": "object",
                    "additionalProperties": {"type": ["number", "string"]},
                },
                "method": {"type": "string"},
                "minimum": amount,
                "maximum": amount,
            },
            "required": ["total", "weights"],
            "additionalProperties": False,
        },
    }
    common = {
        "name": {"type": "string", "minLength": 1, "description": "What the case shows."},
        "description": {"type": "string", "description": "Why it matters."},
        "profile": {"type": "string", "description": "The profile (id or path) of this case."},
        "on": {"type": "string", "format": "date", "description": "The reference day."},
        "overrides": {
            "type": "object",
            "description": "A what-if: parameter values that replace the profile's.",
        },
    }
    variants = []
    for kind in cases._INPUTS:
        properties: dict[str, Any] = {
            k: common.get(k, {}) for k in sorted(cases._CASE_KEYS - set(cases._INPUTS) - {"expect"})
        }
        properties[kind] = inputs[kind]
        properties["expect"] = expect(kind)
        variants.append(
            {
                "title": f"{kind} case",
                "type": "object",
                "properties": properties,
                "required": ["name", kind, "expect"],
                "additionalProperties": False,
            }
        )
    defs["Case"] = {
        "title": "Case",
        "description": "One named case: one input (family, plan, budget or allocation) and "
        "what is expected of it.",
        "oneOf": variants,
    }
    file_fields = {
        "title": {"type": "string", "description": "What the file tests."},
        "description": {"type": "string"},
        "profile": {"type": "string", "description": "The default profile of every case."},
        "on": {"type": "string", "format": "date", "description": "The default reference day."},
        "lang": {"type": "string", "enum": ["it", "en"], "default": "it"},
        "cases": {"type": "array", "items": {"$ref": "#/$defs/Case"}, "minItems": 1},
    }
    root = {
        "description": "A case file (*.welfare.toml): named cases with their expected "
        "outcomes, run by `welfare-ambito test` and by pytest.",
        "type": "object",
        "properties": {
            k: file_fields.get(k, {}) for k in sorted(cases._FILE_KEYS, key=_order(file_fields))
        },
        "required": ["cases"],
        "additionalProperties": False,
        "x-reader": "welfare_ambito.testing.load_cases",
    }
    return _document("cases", root, defs, "Case file · File di casi di prova")


# -- documents the library writes ----------------------------------------------------


def _report() -> dict[str, Any]:
    from welfare_ambito.rules.outcomes import Outcome, Severity
    from welfare_ambito.rules.report import REPORT_SCHEMA, REPORT_VERSION

    outcomes = [o.value for o in Outcome]
    count = {"type": "integer", "minimum": 0}
    finding = {
        "title": "Finding",
        "description": "What one rule concluded about one subject.",
        "type": "object",
        "properties": {
            "rule": {"type": "string", "description": "The rule id."},
            "outcome": {"type": "string", "enum": outcomes},
            "severity": {"type": "string", "enum": [s.value for s in Severity]},
            "path": {"type": "string", "description": "The subject's path in the plan."},
            "title": {"type": "string", "description": "The rule's title."},
            "message": {
                "type": "string",
                "description": "The explanation, in the report's language.",
            },
            "values": {"type": "object", "description": "The values compared."},
            "citation": {"$ref": "#/$defs/Citation"},
            "condition": {"type": "string", "description": "The condition of a conditional pass."},
            "missing": {
                "type": "array",
                "items": {"type": "string"},
                "description": "Inputs the rule needed and did not find.",
            },
            "exception": {"type": "string", "description": "The derogation applied."},
            "conflict": {
                "type": "array",
                "items": {"type": "string"},
                "description": "Derogations that conflict.",
            },
            "note": {"type": "string"},
            "subject_id": {
                "type": "string",
                "description": "The id of the subject (a family, a staff member…), when it has one.",
            },
            "provenance": {
                "type": "array",
                "items": {"$ref": "#/$defs/Provenance"},
                "description": "Where each value the rule used comes from.",
            },
        },
        "required": ["rule", "outcome", "severity", "path", "title", "message", "values"],
        "additionalProperties": False,
    }
    provenance = {
        "title": "Provenance",
        "description": "Where one value a rule used comes from: the profile's citation, or "
        "the user (a what-if).",
        "type": "object",
        "properties": {
            "parameter": {"type": "string", "minLength": 1, "description": "The parameter."},
            "value": {"description": "The value in force (JSON form)."},
            "overridden": {
                "type": "boolean",
                "description": "The user set the value, not the notice.",
            },
            "citation": {
                "anyOf": [{"$ref": "#/$defs/Citation"}, {"type": "null"}],
                "description": "The sentence the value comes from (null: overridden or uncited).",
            },
            "reading": {
                "type": "string",
                "description": "The reading of an ambiguous sentence the value comes from.",
            },
        },
        "required": ["parameter", "value", "overridden", "citation"],
        "additionalProperties": False,
    }
    root = {
        "description": "A report: the findings of a plan checked against a profile on a day "
        "(`welfare-ambito check --format json`, `Report.to_json()`).",
        "type": "object",
        "properties": {
            "schema": {"const": REPORT_SCHEMA},
            "version": {"const": REPORT_VERSION},
            "profile": {"type": "string", "description": "The profile's id."},
            "profile_title": {"type": ["string", "null"]},
            "ambito": {"type": ["string", "null"], "description": "The Ambito's name."},
            "plan": {"type": ["string", "null"], "description": "The plan's id."},
            "on": {"type": "string", "format": "date", "description": "The reference day."},
            "lang": {"type": "string", "enum": ["it", "en"]},
            "ok": {"type": "boolean", "description": "No failure of severity error."},
            "summary": {
                "type": "object",
                "properties": {
                    "total": count,
                    "ok": {"type": "boolean"},
                    "outcomes": {
                        "type": "object",
                        "propertyNames": {"enum": outcomes},
                        "additionalProperties": count,
                    },
                    "failures": {
                        "type": "object",
                        "properties": {s.value: count for s in Severity},
                        "additionalProperties": False,
                    },
                },
                "required": ["total", "ok", "outcomes", "failures"],
                "additionalProperties": False,
            },
            "parameters": {
                "type": "object",
                "description": "The values in force that the rules read.",
            },
            "overrides": {
                "type": "array",
                "items": {"type": "string"},
                "description": "The parameters a what-if replaced.",
            },
            "provenance": {
                "type": "array",
                "items": {"$ref": "#/$defs/Provenance"},
                "description": "Where each parameter value the rules read comes from.",
            },
            "findings": {"type": "array", "items": {"$ref": "#/$defs/Finding"}},
        },
        "required": [
            "schema",
            "version",
            "profile",
            "on",
            "lang",
            "ok",
            "summary",
            "parameters",
            "overrides",
            "findings",
        ],
        "additionalProperties": False,
        "x-writer": "welfare_ambito.rules.Report.to_json",
    }
    return _document(
        "report",
        root,
        {
            "Citation": _citation_schema(),
            "Finding": finding,
            "Provenance": provenance,
            "Source": _source_schema(),
        },
        "Report · Esito del controllo",
    )


def _records(
    kind: str, title: str, description: str, fields: dict[str, Any], writer: str
) -> dict[str, Any]:
    root = {
        "description": description,
        "type": "object",
        "properties": {
            "schema": {"const": f"welfare-ambito/{kind}"},
            "version": {"const": 1},
            "records": {
                "type": "array",
                "items": {
                    "type": "object",
                    "properties": fields,
                    "required": list(fields),
                    "additionalProperties": False,
                },
            },
        },
        "required": ["schema", "version", "records"],
        "additionalProperties": False,
        "x-writer": writer,
    }
    return _document(kind, root, {}, title)


# Exact numbers: a terminating decimal, or a fraction ("100/3") when it does not terminate.
_EXACT = {"type": "string", "pattern": r"^-?\d+(\.\d+)?(/\d+)?$"}


def _split() -> dict[str, Any]:
    return _records(
        "budget-split",
        "Budget split · Riparto",
        "`welfare-ambito budget split --format json`: one record per recipient.",
        {
            "recipient": {"type": "string", "description": "Who receives the share."},
            "weight": {**_EXACT, "description": "The recipient's weight, exact."},
            "quota": {
                **_EXACT,
                "description": "The exact quota before rounding (a fraction such as 100/3 "
                "when it does not terminate).",
            },
            "amount": {**_EXACT, "description": "The amount in euros, to the cent."},
            "rounding": {**_EXACT, "description": "amount minus quota, exact."},
            "bound": {
                "type": ["string", "null"],
                "enum": ["minimum", "maximum", None],
                "description": "The bound that set the amount, if any.",
            },
        },
        "welfare_ambito.budget.Allocation.to_records",
    )


def _phase() -> dict[str, Any]:
    return _records(
        "budget-phase",
        "Budget phasing · Ripartizione nel tempo",
        "`welfare-ambito budget phase --format json`: one record per piece of the period.",
        {
            "start": {"type": "string", "format": "date"},
            "end": {"type": "string", "format": "date"},
            "days": {"type": "integer", "minimum": 1},
            "weight": {
                **_EXACT,
                "description": "The piece's share of the whole, exact.",
            },
            "amount": {**_EXACT, "description": "The amount in euros, to the cent."},
        },
        "welfare_ambito.budget.Phasing.to_records",
    )


def _reconcile() -> dict[str, Any]:
    amount = {"type": ["string", "null"], "pattern": r"^-?\d+\.\d{2}$"}
    return _records(
        "budget-reconcile",
        "Table reconciliation · Verifica dei totali",
        "`welfare-ambito budget reconcile --format json`: one record per stated total that "
        "differs from the sum (no records when all agree).",
        {
            "row": {"type": "string", "description": "The row's label."},
            "column": {"type": "string", "description": "The column's label."},
            "along": {
                "type": "string",
                "enum": ["row", "column"],
                "description": "The total that differs: of a row or of a column.",
            },
            "code": {"type": "string"},
            "severity": {"type": "string"},
            "path": {"type": "string"},
            "stated": {**amount, "description": "The total the table states."},
            "computed": {**amount, "description": "The sum of the cells."},
            "difference": {**amount, "description": "stated minus computed."},
            "message": {"type": "string"},
            "message_it": {"type": "string"},
        },
        "welfare_ambito.budget.Reconciliation.to_records",
    )


KINDS: Final[Mapping[str, Callable[[], dict[str, Any]]]] = {
    "plan": _plan,
    "ambito": _ambito,
    "family": _family,
    "budget": _budget,
    "profile": _profile,
    "cases": _cases,
    "report": _report,
    "budget-split": _split,
    "budget-phase": _phase,
    "budget-reconcile": _reconcile,
}
"""Every document kind with a schema, and the function that builds it.

>>> list(KINDS)[:3]
['plan', 'ambito', 'family']
"""


def build(kind: str) -> dict[str, Any]:
    """The JSON Schema of ``kind`` (one of :data:`KINDS`), built from the code.

    >>> schema = build("plan")
    >>> schema["properties"]["programme"]["enum"]
    ['pippi', 'tutela_minori', 'sesei', 'other']
    >>> schema["$defs"]["StaffMember"]["properties"]["profession"]["x-labels-it"]["educator"]
    'educatore'
    """
    try:
        maker = KINDS[kind]
    except KeyError:
        raise NotFound.of(
            "schema.unknown", path="kind", kind=kind, known=", ".join(KINDS)
        ) from None
    return maker()


def schema_text(kind: str) -> str:
    """The schema of ``kind`` as JSON text, the form shipped in the package.

    >>> schema_text("budget-phase").splitlines()[1]
    '  "$schema": "https://json-schema.org/draft/2020-12/schema",'
    """
    return json.dumps(build(kind), indent=2, ensure_ascii=False) + "\n"


def shipped(kind: str) -> dict[str, Any]:
    """The schema of ``kind`` as shipped in ``welfare_ambito/data/schemas``.

    >>> shipped("ambito")["title"]
    'Ambito · Ambito Territoriale Sociale'
    """
    from importlib import resources

    if kind not in KINDS:
        build(kind)  # raises NotFound with the known kinds
    text = (
        resources.files("welfare_ambito.data")
        .joinpath("schemas", f"{kind}.json")
        .read_text(encoding="utf-8")
    )
    loaded: dict[str, Any] = json.loads(text)
    return loaded


def _write_all() -> None:  # pragma: no cover - a maintainer's command
    from pathlib import Path

    folder = Path(__file__).parent / "data" / "schemas"
    folder.mkdir(exist_ok=True)
    for kind in KINDS:
        (folder / f"{kind}.json").write_text(schema_text(kind), encoding="utf-8")
        print(folder / f"{kind}.json")


if __name__ == "__main__":  # pragma: no cover
    _write_all()
