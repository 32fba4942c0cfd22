"""The partner spreadsheet's vocabulary: its columns and their headers, and the labels of
its enumerated values (type, status), in the user's language.

Export writes machine keys under English (``code``, ``franchise``, ``active``) and
Chinese headers and labels under zh_CN (``类型`` ``加盟店``, ``状态`` ``正常``); import
accepts keys and labels in either language (case-insensitive), plus the Chinese header
names other systems use (``渠道编码``, ``区划代码`` …). Value labels come from the one
vocabulary (``app.domain.vocabulary``), so a file says what the screens say."""

from __future__ import annotations

from app.domain.vocabulary import GRADE, PARTNER_STATUS, PARTNER_TYPE, Vocabulary
from app.i18n import SUPPORTED_LANGUAGES, current_language, tr, translate_in

COLUMNS = (
    "code",
    "name",
    "type",
    "status",
    "grade",
    "region",
    "address",
    "latitude",
    "longitude",
    "licence_no",
    "credit_rating",
    "credit_limit",
    "manager",
    "tags",
    "notes",
    "contact_name",
    "contact_phone",
)
NUMBER_COLUMNS = frozenset({"latitude", "longitude", "credit_limit"})

# English source text of each header (translation context "PartnerSheet"; the catalogues
# hold their Chinese: the scanner sees only literal tr() calls)
_HEADERS = {
    "code": "Code",
    "name": "Name",
    "type": "Type",
    "status": "Status",
    "grade": "Grade",
    "region": "Region code",
    "address": "Address",
    "latitude": "Latitude",
    "longitude": "Longitude",
    "licence_no": "Licence number",
    "credit_rating": "Credit rating",
    "credit_limit": "Credit limit",
    "manager": "Channel manager",
    "tags": "Tags",
    "notes": "Notes",
    "contact_name": "Contact",
    "contact_phone": "Contact phone",
}
# header names of other systems' files (kept from the first import)
ALIASES = {
    "编码": "code",
    "代码": "code",
    "渠道编码": "code",
    "合作方编码": "code",
    "合作伙伴编码": "code",
    "客户编码": "code",
    "名称": "name",
    "渠道名称": "name",
    "类型": "type",
    "渠道类型": "type",
    "状态": "status",
    "等级": "grade",
    "级别": "grade",
    "区划代码": "region",
    "地区": "region",
    "区划": "region",
    "地址": "address",
    "纬度": "latitude",
    "经度": "longitude",
    "营业执照号": "licence_no",
    "信用等级": "credit_rating",
    "信用额度": "credit_limit",
    "渠道经理": "manager",
    "标签": "tags",
    "备注": "notes",
    "联系人": "contact_name",
    "联系电话": "contact_phone",
    "电话": "contact_phone",
}

_VOCABULARIES: dict[str, Vocabulary] = {
    "type": PARTNER_TYPE,
    "status": PARTNER_STATUS,
    "grade": GRADE,
}


def header(key: str) -> str:
    """The column's header in an exported file: the key under English, else its label."""
    if current_language() == "en":
        return key
    return tr("PartnerSheet", _HEADERS[key])


def column_key(name: str) -> str | None:
    """The column key a header names (a key or a header label in any language, an alias)."""
    text = name.strip()
    if text in ALIASES:
        return ALIASES[text]
    folded = text.casefold()
    for key, source in _HEADERS.items():
        if folded in (key, source.casefold()) or any(
            text == translate_in(lang, "PartnerSheet", source) for lang in SUPPORTED_LANGUAGES
        ):
            return key
    return None


def value_label(kind: str, key: str) -> str:
    """A type or status as an exported file writes it (the key under English)."""
    if current_language() == "en":
        return key
    return _VOCABULARIES[kind].label(key)


def display_label(kind: str, key: str) -> str:
    """A type or status as a person reads it in the current language (messages)."""
    return _VOCABULARIES[kind].label(key)


_PARSED: dict[tuple[str, str], str | None] = {}


def parse_value(kind: str, text: str) -> str | None:
    """The key a cell names (a key or a label in any language, case-insensitive), or None."""
    found = _PARSED.get((kind, text), _PARSED)
    if found is _PARSED:  # a file repeats a handful of values: each is looked up once
        found = _VOCABULARIES[kind].key_for(text)
        if len(_PARSED) < 10_000:
            _PARSED[(kind, text)] = found
    return found  # type: ignore[return-value]


def allowed_labels(kind: str) -> str:
    """The accepted values of a column, as a message lists them in the current language."""
    keys = _VOCABULARIES[kind].keys
    if current_language() == "en":
        return ", ".join(keys)
    return _VOCABULARIES[kind].accepted()
