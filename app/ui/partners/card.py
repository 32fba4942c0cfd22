"""The partner card beside the Partners table: the selected partner's file (identity,
credit, contacts, contracts, grade and lifecycle history, stock limits, attachments,
promotion materials, complaints, warnings, staff training and competitors nearby), read
on a reader thread and shown as HTML."""

from __future__ import annotations

from typing import Any, NamedTuple

from PySide6.QtWidgets import QTextBrowser, QWidget

from app.domain import formats as fmt
from app.domain.regions import regions
from app.domain.vocabulary import GRADE, LIFECYCLE_EVENT, transition
from app.ui.latest_read import LatestRead
from app.ui.partners.model import status_label, type_label


class PartnerCard(QTextBrowser):
    """Shows one partner's file; ``load`` reads it off the UI thread and shows it if that
    partner is still the one wanted when the reads finish."""

    def __init__(self, ui: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = ui
        self.wanted: str | None = None
        self.reading = LatestRead(ui, self)  # drops an answer once the card is deleted
        self.setOpenLinks(False)
        self.setMinimumWidth(300)

    def show_placeholder(self) -> None:
        """No partner is selected (shown while the window starts: the text is escaped
        here, the ``html`` module and its entity table are imported for a card)."""
        text = self.tr("Select a partner to see its file.")
        text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        self.wanted = None
        self.setHtml(f"<p style='color:#6b7280'>{text}</p>")

    def blank(self) -> None:
        """Nothing shown (no rows, or the window has not finished starting)."""
        self.wanted = None
        self.clear()

    def load(self, partner_id: str) -> None:
        """Read the card of ``partner_id`` on a reader thread; it shows if that partner is
        still the one wanted by then."""
        self.wanted = partner_id
        self.reading.run(
            card_data,
            self.ui.ctx,
            partner_id,
            on_done=lambda data, pid=partner_id: self._loaded(pid, data),
        )

    def _loaded(self, partner_id: str, data: CardData) -> None:
        if self.wanted == partner_id:
            self.setHtml(self.render(data))

    def html_for(self, partner_id: str) -> str:
        """The card of ``partner_id``, read here and now."""
        return self.render(card_data(self.ui.ctx, partner_id))

    def render(self, data: CardData) -> str:
        """The card's HTML."""
        from html import escape as e

        d, limits, files, book = data.detail, data.limits, data.files, data.book
        p = d.partner
        region = p.district_code or p.city_code or p.province_code or ""
        over = d.receivable_fen > p.credit_limit_fen > 0
        colon = self.tr(": ")  # after a label: a full-width "：" in Chinese
        parts = [
            f"<h3>{e(p.name)}</h3>",
            f"<p><b>{e(p.code)}</b> · {e(type_label(p.type))} · {e(status_label(p.status))} · "
            f"{e(GRADE.label(p.grade))}</p>",
            f"<p>{e(p.address or regions().full_name(region))}</p>",
            f"<p>{self.tr('Credit')}{colon}{e(p.credit_rating or '—')} · {self.tr('limit')} "
            f"{fmt.money_fen(p.credit_limit_fen)} · "
            f"{self.tr('receivable')} {fmt.money_fen(d.receivable_fen)}"
            + (
                f" <span style='color:#b00020'><b>{self.tr('over credit limit')}</b></span>"
                if over
                else ""
            )
            + "</p>",
        ]
        if d.survivor_code:
            parts.append(
                f"<p style='color:#8a5a00'>{self.tr('Merged into')} {e(d.survivor_code)}</p>"
            )
        parts.append(f"<h4>{self.tr('Contacts')}</h4><ul>")
        parts += [
            f"<li>{'★ ' if c.is_primary else ''}{e(c.name)} {e(c.role)} {e(c.phone)}</li>"
            for c in d.contacts
        ]
        parts.append(f"</ul><h4>{self.tr('Contracts')}</h4><ul>")
        parts += [
            f"<li>{e(c.number)} {e(c.type)} {fmt.date_text(c.start_date)} – {fmt.date_text(c.end_date)}</li>"
            for c in d.contracts
        ]
        parts.append(f"</ul><h4>{self.tr('Grade history')}</h4><ul>")
        parts += [
            f"<li>{fmt.date_text(g.effective_date)} {e(g.old_grade or '—')} → {e(g.new_grade)} {e(g.reason)}</li>"
            for g in d.grade_history
        ]
        parts.append(f"</ul><h4>{self.tr('Lifecycle')}</h4><ul>")
        parts += [
            f"<li>{fmt.date_text(ev.effective_date)} {e(LIFECYCLE_EVENT.label(ev.kind))}"
            + (
                f" ({e(transition('partner_status', ev.old_status, ev.new_status))})"
                if ev.old_status != ev.new_status and ev.new_status
                else ""
            )
            + f" {e(ev.reason)}</li>"
            for ev in d.lifecycle
        ]
        parts.append("</ul>")
        if limits:
            parts.append(f"<h4>{self.tr('Stock limits')}</h4><ul>")
            parts += [
                f"<li>{e(x.product_line)}{colon}{x.min_qty} – {x.max_qty}</li>" for x in limits
            ]
            parts.append("</ul>")
        if files:
            parts.append(f"<h4>{self.tr('Attachments')}</h4><ul>")
            parts += [
                f"<li>{e(f.filename)} ({f.size // 1024} kB, #{f.sha256[:10]})</li>" for f in files
            ]
            parts.append("</ul>")
        if book:
            parts.append(f"<h4>{self.tr('Promotion materials (book)')}</h4><ul>")
            parts += [f"<li>{e(name)}{colon}{qty}</li>" for name, qty in book.items()]
            parts.append("</ul>")
        if d.complaints:
            parts.append(f"<h4>{self.tr('Complaints')}</h4><ul>")
            parts += [
                f"<li>{fmt.date_text(c.received_date)} {e(c.category)} {e(c.description)}</li>"
                for c in d.complaints
            ]
            parts.append("</ul>")
        if d.warnings:
            from app.domain.vocabulary import WARNING_ESCALATION, WARNING_KIND, WARNING_SOURCE

            parts.append(f"<h4>{self.tr('Warnings')}</h4><ul>")
            parts += [
                f"<li>{fmt.date_text(w.warned_on)} {e(WARNING_SOURCE.label(w.source))}{colon}"
                f"{e(WARNING_KIND.label(w.kind))}"
                + (f" — {e(WARNING_ESCALATION.label(w.escalation))}" if w.escalation else "")
                + "</li>"
                for w in d.warnings[:20]
            ]
            parts.append("</ul>")
        if d.trainings:
            parts.append(f"<h4>{self.tr('Staff training')}</h4><ul>")
            parts += [
                f"<li>{fmt.date_text(t.held_on or t.planned_for)} {e(t.topic)} "
                f"({e(self.tr('held') if t.status == 'held' else self.tr('planned'))})"
                + (f"{colon}{e('、'.join(t.attendees))}" if t.attendees else "")
                + "</li>"
                for t in d.trainings
            ]
            parts.append("</ul>")
        if d.competitors:
            parts.append(f"<h4>{self.tr('Competitors nearby')}</h4><ul>")
            parts += [
                f"<li>{fmt.date_text(c.observed_date)} {e(c.brand)} {e(c.outlet_name)} {e(c.prices)}</li>"
                for c in d.competitors
            ]
            parts.append("</ul>")
        return "".join(parts)


class CardData(NamedTuple):
    """What the partner card shows, read in one go (off the UI thread). A named tuple:
    the module is imported to paint the window, and a frozen dataclass costs ~1 ms to
    make at every start."""

    detail: Any
    limits: list[Any]
    files: list[Any]
    book: dict[str, int]


def card_data(ctx: Any, partner_id: str) -> CardData:
    """The partner card's queries: its file, stock limits, attachments and materials book."""
    from app.services import materials as materials_svc
    from app.services import partner_read

    detail = partner_read.partner_detail(ctx, partner_id)
    limits, files = partner_read.partner_extras(ctx, partner_id)
    return CardData(
        detail, list(limits), list(files), materials_svc.partner_materials(ctx, partner_id).book
    )
