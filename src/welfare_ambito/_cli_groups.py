"""Command groups that several modules add subcommands to (``plan new``, ``plan template``)."""

from __future__ import annotations

import argparse
from typing import Any

__all__ = ["command_group"]


def command_group(subparsers: Any, name: str, help_text: str) -> Any:
    """The sub-command action of group ``name``, creating the group on first use.

    Each module registers its own subcommands of a shared group, whatever the order
    in which the modules are registered.

    >>> parser = argparse.ArgumentParser(prog="x")
    >>> top = parser.add_subparsers(dest="command")
    >>> _ = command_group(top, "plan", "plans").add_parser("new")
    >>> _ = command_group(top, "plan", "plans").add_parser("template")
    >>> sorted(command_group(top, "plan", "plans").choices)
    ['new', 'template']
    """
    group = subparsers.choices.get(name)
    if group is None:
        group = subparsers.add_parser(name, help=help_text)
    for action in group._actions:
        if isinstance(action, argparse._SubParsersAction):
            return action
    return group.add_subparsers(dest=f"{name}_command", metavar="COMMAND", required=True)
