"""MkDocs hook: the reference pages that must not drift, generated at every build.

* ``<!-- generated: cli -->`` in a page becomes the command-line reference, read from
  :func:`welfare_ambito.cli.build_parser`: every command and subcommand (whoever registers
  it), its usage, every argument and option with its help, choices and default.
* ``<!-- generated: schema KIND -->`` becomes the file-format reference of a document, read
  from :func:`welfare_ambito.schema.build`: every field, its type, whether it is required,
  its allowed values with their Italian labels, its description and an example.

``python docs/hooks/reference_pages.py cli`` (or ``schema plan``) prints the Markdown.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from typing import Any

_MARKER = re.compile(r"<!--\s*generated:\s*(cli|schema\s+[\w-]+)\s*-->")


def _cell(text: object) -> str:
    return " ".join(str(text).split()).replace("|", "\\|")


def _code(value: object) -> str:
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    text = text.replace("`", "'")
    return f"`{text}`".replace("|", "\\|")


# -- command line -------------------------------------------------------------------------


def _subcommands(parser: argparse.ArgumentParser) -> list[tuple[str, str, argparse.ArgumentParser]]:
    found = []
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            helps = {a.dest: a.help or "" for a in action._choices_actions}
            for name, sub in action.choices.items():
                found.append((name, helps.get(name, ""), sub))
    return found


def _argument_rows(parser: argparse.ArgumentParser) -> list[str]:
    rows = []
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction | argparse._HelpAction):
            continue
        if action.option_strings:
            names = ", ".join(f"`{o}`" for o in action.option_strings)
            if action.nargs != 0 and (action.metavar or action.choices is None):
                metavar = action.metavar or action.dest.upper()
                names += f" `{metavar if isinstance(metavar, str) else ' '.join(metavar)}`"
                if action.nargs in ("+", "*"):
                    names += " …"
        else:
            names = f"`{action.metavar or action.dest}`"
        details = []
        if action.choices is not None and not isinstance(action.choices, dict):
            details.append("one of " + ", ".join(f"`{c}`" for c in action.choices))
        if (
            action.default not in (None, False, argparse.SUPPRESS)
            and action.option_strings
            and not isinstance(action, argparse._VersionAction)
        ):
            details.append(f"default `{action.default}`")
        if action.required and action.option_strings:
            details.append("required")
        help_text = (action.help or "").replace("%(prog)s", "welfare-ambito")
        if help_text == argparse.SUPPRESS:
            continue
        rows.append(f"| {names} | {_cell(help_text)} | {_cell('; '.join(details))} |")
    return rows


def _command_section(
    path: list[str], help_text: str, parser: argparse.ArgumentParser, out: list[str]
) -> None:
    name = " ".join(path)
    anchor = "-".join(path[1:]) or "welfare-ambito"
    depth = min(len(path) + 1, 4)
    out.append(f"{'#' * depth} `{name}` {{#{anchor}}}")
    out.append("")
    summary = parser.description or help_text
    if summary:
        out.append(_cell(summary).replace("\\|", "|"))
        out.append("")
    usage = parser.format_usage().removeprefix("usage: ").strip()
    out.append("```text")
    out.append(" ".join(usage.split()))
    out.append("```")
    out.append("")
    rows = _argument_rows(parser)
    if rows:
        out += ["| Argument | Help | Values |", "|---|---|---|", *rows, ""]
    children = _subcommands(parser)
    if children:
        out.append(
            "Commands: "
            + ", ".join(f"[`{c}`](#{'-'.join([*path[1:], c])})" for c, _, _ in children)
            + "."
        )
        out.append("")
    for child, child_help, sub in children:
        _command_section([*path, child], child_help, sub, out)


def cli_markdown() -> str:
    """The command-line reference, from the parser."""
    from welfare_ambito.cli import build_parser

    parser = build_parser()
    parser.prog = "welfare-ambito"
    out = [
        "Generated from the argument parser at every build: it lists every command and "
        "option the installed version has. `welfare-ambito COMMAND --help` prints the same.",
        "",
        "| Command | What it does |",
        "|---|---|",
    ]
    for name, help_text, _ in _subcommands(parser):
        out.append(f"| [`{name}`](#{name}) | {_cell(help_text)} |")
    out.append("")
    _command_section(["welfare-ambito"], "", parser, out)
    return "\n".join(out) + "\n"


# -- file formats -----------------------------------------------------------------------------


def _type(prop: dict[str, Any]) -> str:
    if "$ref" in prop:
        name = prop["$ref"].rsplit("/", 1)[-1]
        return f"[{name}](#{name.lower()})"
    if "const" in prop:
        return _code(prop["const"])
    for key in ("oneOf", "anyOf"):
        if key in prop:
            parts = [_type(p) for p in prop[key]]
            return " or ".join(p for p in parts if p)
    kind = prop.get("type")
    if kind is None:
        return "any"
    kinds = kind if isinstance(kind, list) else [kind]
    names = {
        "string": "text",
        "integer": "whole number",
        "number": "number",
        "boolean": "true/false",
        "null": "null",
        "object": "table",
        "array": "array",
    }
    text = " or ".join(names.get(k, k) for k in kinds)
    if "format" in prop:
        text = {"date": "date (YYYY-MM-DD)"}.get(prop["format"], prop["format"])
    if kind == "array" and "items" in prop:
        text = f"array of {_type(prop['items'])}"
    if kind == "object" and isinstance(prop.get("additionalProperties"), dict):
        text = f"table of {_type(prop['additionalProperties'])}"
        if "propertyNames" in prop:
            text += " by " + _type(prop["propertyNames"])
    return text


def _allowed(prop: dict[str, Any]) -> str:
    for key in ("items", "propertyNames"):
        if isinstance(prop.get(key), dict) and "enum" in prop[key]:
            return _allowed(prop[key])
    if "enum" not in prop:
        return ""
    labels = prop.get("x-labels-it", {})
    items = []
    for value in prop["enum"]:
        text = _code(value)
        if str(value) in labels:
            text += f' <span lang="it">«{_cell(labels[str(value)])}»</span>'
        items.append(text)
    return ", ".join(items)


def _fields_table(schema: dict[str, Any]) -> list[str]:
    properties = schema.get("properties", {})
    if not properties:
        return []
    required = set(schema.get("required", ()))
    rows = [
        "| Field | Type | Required | Allowed values | Description | Example |",
        "|---|---|---|---|---|---|",
    ]
    for name, prop in properties.items():
        description = prop.get("description", "")
        if "default" in prop:
            description += f" Default: {_code(prop['default'])}."
        example = ", ".join(_code(e) for e in prop.get("examples", [])[:3])
        label = prop.get("x-label-it")
        field = f'`{name}`<br><span lang="it">*{_cell(label)}*</span>' if label else f"`{name}`"
        rows.append(
            f"| {field} | {_type(prop)} | {'yes' if name in required else 'no'} | "
            f"{_allowed(prop)} | {_cell(description)} | {example} |"
        )
    return rows


def schema_markdown(kind: str) -> str:
    """The file-format reference of ``kind``, from its JSON Schema."""
    from welfare_ambito.schema import build

    schema = build(kind)
    out = [
        f"*{_cell(schema.get('description', ''))}*",
        "",
        f"Generated from the JSON Schema `{kind}` (draft 2020-12), itself generated from the "
        f"code: `welfare-ambito schema {kind}` prints it. Tables nest: a type in a link is "
        "described below.",
        "",
    ]
    if schema.get("type") == "array":
        out.append(f"The document is an **array**; each item is a {_type(schema['items'])}.")
        out.append("")
        out += _fields_table(schema["items"])
    else:
        out += _fields_table(schema)
    out.append("")
    for name, definition in schema.get("$defs", {}).items():
        out.append(f"## {name} {{#{name.lower()}}}")
        out.append("")
        if definition.get("description"):
            out += [_cell(definition["description"]), ""]
        if "oneOf" in definition:
            for variant in definition["oneOf"]:
                out += [f"**{_cell(variant.get('title', ''))}**", "", *_fields_table(variant), ""]
        else:
            out += [*_fields_table(definition), ""]
    for example in schema.get("examples", []):
        out += [
            "## Example {#example}",
            "",
            "```json",
            json.dumps(example, indent=2, ensure_ascii=False),
            "```",
            "",
        ]
    out += [
        '??? note "The JSON Schema"',
        "",
        "    ```json",
        *(f"    {line}" for line in json.dumps(schema, indent=2, ensure_ascii=False).splitlines()),
        "    ```",
        "",
    ]
    return "\n".join(out)


def _replace(match: re.Match[str]) -> str:
    what = match.group(1).split()
    return cli_markdown() if what[0] == "cli" else schema_markdown(what[1])


def on_page_markdown(markdown: str, page: Any, **kwargs: Any) -> str:
    """Replace the generation markers with the generated reference."""
    return _MARKER.sub(_replace, markdown)


if __name__ == "__main__":
    args = sys.argv[1:] or ["cli"]
    sys.stdout.write(cli_markdown() if args[0] == "cli" else schema_markdown(args[1]))
