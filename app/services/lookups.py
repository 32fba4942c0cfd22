"""Checks of codes people type on the command line (``--partner CODE``, ``--region CODE``):
an unknown code is a clear error instead of an empty result that looks like "no data".
Plain sqlite3 reads (``ctx.read_sql``): the read-only commands run without the ORM."""

from __future__ import annotations

from app.errors import NotFoundError, ValidationError
from app.i18n import tr
from app.services.context import AppContext


def require_partner_code(ctx: AppContext, code: str) -> str:
    """``code`` when a partner has it, else ``NotFoundError``."""
    if not ctx.read_sql("SELECT 1 FROM partner WHERE code = ? LIMIT 1", (code,)):
        raise NotFoundError(tr("visits", "No partner with code {code}.").format(code=code))
    return code


def require_region_code(code: str) -> str:
    """One 2-, 4- or 6-digit region code of the admin divisions, else ``ValidationError``."""
    from app.services.device import parse_territory

    codes = parse_territory(code)
    if len(codes) != 1:
        raise ValidationError(
            tr(
                "errors",
                "Unknown region code(s): {codes}. Use 2-, 4- or 6-digit codes such as 31, 3101 or 310101.",
            ).format(codes=code)
        )
    return codes[0]
