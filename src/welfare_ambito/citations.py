"""Citations: the sentence of a source document that a figure, parameter or rule encodes."""

from __future__ import annotations

import datetime as dt
import re

import attrs

from welfare_ambito.model import _validate as v

__all__ = ["Citation", "normalise_text"]


def normalise_text(text: str) -> str:
    """Fold white space and typographic quotes so a quote can be found in a hard-wrapped text.

    A hyphen at the end of a line joins the word across the break ("tecnico-" +
    "amministrativo"), as the hard-wrapped seeds need.

    >>> normalise_text("l’Ambito  \\n di Seregno")
    "l'Ambito di Seregno"
    """
    text = re.sub(r"-[ \t]*\n\s*", "-", text)
    text = text.replace("\u2019", "'").replace("\u2018", "'")
    text = text.replace("\u201c", '"').replace("\u201d", '"')
    return " ".join(re.sub(r"\s+", " ", text).split())


@attrs.frozen(kw_only=True)
class Citation:
    """Where a number or a rule comes from.

    ``document`` is a seed file name (``"004_45436608c0a0bd55.txt"``) or the
    title of a public act; ``quote`` is the sentence, verbatim.

    >>> citation = Citation(
    ...     document="004_45436608c0a0bd55.txt",
    ...     section="SERVIZI E RISORSE UMANE",
    ...     quote="n. 1.400 ore per la figura professionale di psicologo/a",
    ... )
    >>> citation.found_in("e n. 1.400 ore per la\\n   figura professionale di psicologo/a;")
    True
    """

    document: str = attrs.field(validator=v.text)
    section: str = attrs.field(validator=v.text)
    quote: str = attrs.field(validator=v.text)
    verified_on: dt.date | None = attrs.field(default=None, validator=v.optional(v.a_date))
    """When someone last checked the quote against the source."""
    url: str | None = attrs.field(default=None, validator=v.optional(v.text))

    def found_in(self, text: str) -> bool:
        """Whether the quote appears in ``text`` (white space and quotes folded)."""
        return normalise_text(self.quote) in normalise_text(text)

    def __str__(self) -> str:
        return f"{self.document}, «{self.section}»: “{self.quote}”"
