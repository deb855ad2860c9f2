"""The pytest plugin (``pytest11`` entry point ``welfare_ambito``).

Light on purpose: no autouse fixture, nothing of welfare_ambito imported until
a fixture or a case file asks for it. It adds

* fixtures with namespaced names: ``welfare_profile_id``, ``welfare_profile``,
  ``welfare_ambito_seregno``, ``welfare_example_plan``, ``welfare_example_plans``;
* the option ``--welfare-profile=ID`` (or ini ``welfare_profile``): the profile
  the fixtures and the property suites use (default ``seregno-pippi-2023``);
* collection of case files: every ``*.welfare.toml`` in the paths pytest
  searches becomes one test per case (ini ``welfare_cases = false`` turns it off;
  ``welfare_case_lang = en`` for English diffs).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from welfare_ambito.testing import MissingTestingExtra

try:
    import pytest
except ImportError:
    raise MissingTestingExtra.for_package("pytest") from None

__all__ = [
    "CaseFileItem",
    "WelfareCaseFile",
    "pytest_addoption",
    "pytest_collect_file",
    "welfare_ambito_seregno",
    "welfare_example_plan",
    "welfare_example_plans",
    "welfare_profile",
    "welfare_profile_id",
]

DEFAULT_PROFILE = "seregno-pippi-2023"
SUFFIX = ".welfare.toml"


def pytest_addoption(parser: pytest.Parser) -> None:
    """``--welfare-profile`` and the ini keys ``welfare_profile``, ``welfare_cases``, ``welfare_case_lang``."""
    group = parser.getgroup("welfare_ambito", "welfare_ambito testing kit")
    group.addoption(
        "--welfare-profile",
        dest="welfare_profile",
        default=None,
        metavar="ID",
        help="profile (embedded id or .toml path) for the welfare_ambito fixtures and suites",
    )
    parser.addini("welfare_profile", "default profile for the welfare_ambito suites", default="")
    parser.addini(
        "welfare_cases", "collect *.welfare.toml case files (true/false)", type="bool", default=True
    )
    parser.addini("welfare_case_lang", "language of case diffs: it or en", default="it")


def pytest_configure(config: pytest.Config) -> None:
    """Make ``--welfare-profile`` fall back to the ini value."""
    if not config.getoption("welfare_profile", default=None):
        value = config.getini("welfare_profile")
        if value:
            config.option.welfare_profile = value


# -- fixtures ---------------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def welfare_profile_id(pytestconfig: pytest.Config) -> str:
    """The profile chosen with ``--welfare-profile`` (default ``seregno-pippi-2023``)."""
    return str(pytestconfig.getoption("welfare_profile", default=None) or DEFAULT_PROFILE)


@pytest.fixture(scope="session")
def welfare_profile(welfare_profile_id: str) -> Any:
    """The loaded :class:`~welfare_ambito.rules.Profile`."""
    from welfare_ambito.rules import load_profile

    return load_profile(welfare_profile_id)


@pytest.fixture(scope="session")
def welfare_ambito_seregno() -> Any:
    """The embedded Ambito di Seregno (10 Comuni, lead Seregno)."""
    from welfare_ambito import data

    return data.seregno()


@pytest.fixture(scope="session")
def welfare_example_plan() -> Any:
    """The embedded example P.I.P.P.I. plan that satisfies the Seregno notice."""
    from welfare_ambito import data

    return data.example("pippi_seregno")


@pytest.fixture(scope="session")
def welfare_example_plans() -> dict[str, Any]:
    """Every embedded example plan, by name."""
    from welfare_ambito import data

    return {name: data.example(name) for name in data.example_names()}


# -- case files ---------------------------------------------------------------------------------------


def pytest_collect_file(file_path: Path, parent: pytest.Collector) -> pytest.Collector | None:
    """Collect ``*.welfare.toml`` files as case files."""
    if file_path.name.endswith(SUFFIX) and parent.config.getini("welfare_cases"):
        return WelfareCaseFile.from_parent(parent, path=file_path)
    return None


class CaseFileError(Exception):
    """A case file that does not load: every problem with its path."""


class WelfareCaseFile(pytest.File):
    """A case file: one test item per case."""

    def collect(self) -> Iterator[pytest.Item]:
        from welfare_ambito.errors import WelfareAmbitoError
        from welfare_ambito.testing.cases import load_cases

        try:
            cases = load_cases(self.path)
        except WelfareAmbitoError as error:
            yield CaseFileItem.from_parent(self, name="<invalid case file>", case=None, error=error)
            return
        for case in cases.cases:
            yield CaseFileItem.from_parent(self, name=case.name, case=case, error=None)


class CaseFileItem(pytest.Item):
    """One case of a case file."""

    def __init__(self, *, case: Any, error: Any, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.case = case
        self.error = error
        self.result: Any = None

    def runtest(self) -> None:
        if self.error is not None:
            raise CaseFileError(self._invalid_text())
        lang = str(self.config.getini("welfare_case_lang") or "it")
        self.result = self.case.run(lang)
        if not self.result.passed:
            raise CaseFileError(self.result.render(lang))

    def _invalid_text(self) -> str:
        from welfare_ambito import i18n
        from welfare_ambito.errors import InvalidInput

        error = self.error
        if isinstance(error, InvalidInput):
            problems = i18n.message("unit.problems", "en", count=len(error.errors))
            lines = [f"invalid case file: {problems}"]
            lines.extend(f"  {d.path or '$'}: {d.message}" for d in error.errors)
            return "\n".join(lines)
        return f"invalid case file: {error}"

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException], style: Any = None) -> str:
        if isinstance(excinfo.value, CaseFileError):
            return str(excinfo.value)
        return str(super().repr_failure(excinfo, style))

    def reportinfo(self) -> tuple[Path, int | None, str]:
        index = "" if self.case is None else f"[{self.case.index + 1}] "
        return self.path, None, f"case {index}{self.name}"
