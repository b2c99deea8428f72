"""Normalisation of one raw article: bytes → clean body text plus front matter.

What belongs here: everything that turns one file's bytes into the article proper — decoding
(BOMs, UTF-16, cp1252), HTML extraction, removal of page chrome (navigation labels, share
counters, reading-time badges, comment prompts, copyright, disclaimers, membership appeals,
related-headline lists), and detection of headline, byline and dateline. Every function here
is a pure function of one article; nothing reads other articles or the network.

The rules are general patterns of news web pages, not rules fitted to particular articles:
each removed line is recorded with the rule that removed it (``NormalisedArticle.removed``), so
what was dropped can always be inspected.
"""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass, field

from . import resources as _resources

__all__ = [
    "Decoded",
    "NormalisedArticle",
    "decode_bytes",
    "looks_like_html",
    "html_to_text",
    "normalise_text",
    "date_from_url",
]

MONTHS = _resources.months()
_MONTH_RE = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)


# --------------------------------------------------------------------------------------
# Decoding
# --------------------------------------------------------------------------------------
@dataclass
class Decoded:
    """Result of decoding a file's bytes.

    Attributes:
        text: The decoded text ("" when the file could not be decoded).
        encoding: Encoding used, or "" when the bytes are not text.
        problems: (severity, code, message) tuples.
    """

    text: str
    encoding: str
    problems: list[tuple[str, str, str]] = field(default_factory=list)


def _looks_binary(raw: bytes) -> bool:
    sample = raw[:8192]
    if not sample:
        return False
    if b"\x00" in sample:
        return True
    control = len(sample) - len(sample.translate(None, _CONTROL_BYTES))  # (counted in C)
    return control / len(sample) > 0.05


_CONTROL_BYTES = bytes([*range(0, 9), *range(14, 32)])


def decode_bytes(raw: bytes) -> Decoded:
    """Decode a file's bytes into text, reporting anything unusual.

    Tries, in order: a byte-order mark (UTF-8, UTF-16 LE/BE, UTF-32), strict UTF-8, then the
    best guess of charset-normalizer (typically cp1252 for old Windows files). Binary content
    (NUL bytes, control characters) is refused with an error.

    Args:
        raw: The file's bytes.

    Returns:
        A :class:`Decoded`.
    """
    if not raw.strip():
        return Decoded("", "", [("error", "empty", "The file is empty: there is no text to load.")])
    for bom, enc in (
        (b"\xef\xbb\xbf", "utf-8-sig"),
        (b"\xff\xfe\x00\x00", "utf-32"),
        (b"\x00\x00\xfe\xff", "utf-32"),
        (b"\xff\xfe", "utf-16"),
        (b"\xfe\xff", "utf-16"),
    ):
        if raw.startswith(bom):
            try:
                text = raw.decode(enc)
            except UnicodeDecodeError as exc:
                text = raw.decode(enc, errors="replace")
                return Decoded(
                    text,
                    enc,
                    [
                        (
                            "warning",
                            "decode-replaced",
                            f"Invalid {enc} bytes were replaced with U+FFFD ({exc.reason} at byte {exc.start}).",
                        )
                    ],
                )
            if not text.strip():
                return Decoded(
                    "",
                    enc,
                    [
                        (
                            "error",
                            "empty",
                            f"The file holds only a {enc} byte-order mark (and perhaps blanks): there is no text to load.",
                        )
                    ],
                )
            probs = (
                []
                if enc == "utf-8-sig"
                else [("info", "encoding", f"Decoded as {enc} (byte-order mark).")]
            )
            return Decoded(text, enc, probs)
    if _looks_binary(raw):
        return Decoded(
            "",
            "",
            [
                (
                    "error",
                    "binary",
                    "The file looks binary (NUL or control bytes), not text. Convert it to plain text or HTML, or remove it from the folder.",
                )
            ],
        )
    try:
        return Decoded(raw.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(raw).best()
    enc = best.encoding if best is not None else "cp1252"
    latin = enc in (
        "ascii",
        "utf_8",
        "latin_1",
        "cp1250",
        "cp1252",
        "cp1254",
        "cp1257",
    ) or enc.startswith("iso8859")
    if latin:
        # English news: cp1252 is by far the most common non-UTF-8 encoding; charset
        # detection on short texts confuses it with its Central-European sibling.
        try:
            raw.decode("cp1252")
            enc = "cp1252"
        except UnicodeDecodeError:
            pass
    try:
        text = raw.decode(enc)
        return Decoded(
            text,
            enc,
            [
                (
                    "warning",
                    "encoding",
                    f"Not UTF-8; decoded as {enc}. Check accented characters, or re-save the file as UTF-8.",
                )
            ],
        )
    except (UnicodeDecodeError, LookupError):
        text = raw.decode("utf-8", errors="replace")
        return Decoded(
            text,
            "utf-8",
            [
                (
                    "warning",
                    "decode-replaced",
                    "Undecodable bytes were replaced with U+FFFD. Re-save the file as UTF-8.",
                )
            ],
        )


# --------------------------------------------------------------------------------------
# HTML
# --------------------------------------------------------------------------------------
_HTML_RE = re.compile(r"<(?:!doctype\s+html|html|head|body|article|p|div)\b", re.I)


def looks_like_html(text: str) -> bool:
    """Whether the text is an HTML document rather than plain text with a stray tag."""
    head = text[:4000]
    return bool(_HTML_RE.search(head)) and len(re.findall(r"</?[a-zA-Z][^>]{0,200}>", head)) >= 3


def html_to_text(text: str) -> tuple[str, str | None]:
    """Extract the article text and title from an HTML page.

    Uses trafilatura's main-content extraction (no network access). Falls back to a plain
    tag-stripping pass when trafilatura finds no main content.

    Args:
        text: The HTML document.

    Returns:
        (plain text with paragraphs separated by blank lines, title or None)
    """
    import trafilatura

    title = None
    try:
        meta = trafilatura.extract_metadata(text)
        title = meta.title if meta is not None else None
    except Exception:  # noqa: BLE001 - metadata is optional
        title = None
    extracted = trafilatura.extract(
        text, include_comments=False, include_tables=False, favor_recall=True
    )
    if not extracted:
        stripped = re.sub(r"(?is)<(script|style)\b.*?</\1>", " ", text)
        stripped = re.sub(r"(?i)<br\s*/?>|</p>|</h\d>|</div>", "\n\n", stripped)
        stripped = re.sub(r"<[^>]+>", " ", stripped)
        extracted = html.unescape(stripped)
    else:
        extracted = extracted.replace("\n", "\n\n")
    if title and not extracted.lstrip().startswith(title):
        extracted = f"{title}\n\n{extracted}"
    return extracted, title


# --------------------------------------------------------------------------------------
# Chrome removal
# --------------------------------------------------------------------------------------
_CHROME_LINE = [
    ("reading-mode", r"read mode"),
    ("font-size", r"\d{1,3}\s*%\s*font size"),
    ("reading-time", r"\d{1,3}\s*min(?:ute)?s?\s+read"),
    ("listen-live", r"listen live"),
    ("short-url", r"get short url"),
    ("empty-stamp", r"published:\s*(?:updated:\s*)?"),
    ("share-counter", r"[\d\s]{1,20}"),
    (
        "trending",
        r"(?:top content\s*)?trending(?: now)?|top content trending|most (?:read|popular)",
    ),
    (
        "comment-prompt",
        r"leave a (?:reply|comment)|post a comment|comments?(?: \(\d+\))?|discussion|community standards\s*discussion|community standards|"
        r"your email address will not be published\..*|comment on .* on our facebook page|add your comment",
    ),
    ("copyright", r"(?:copyright\s*)?©.*|copyright\s+\d{4}.*|all rights reserved\.?"),
    (
        "membership",
        r"become a (?:member|subscriber|patron)\b.*|support (?:our|independent) journalism.*|subscribe(?: now| to our newsletter)?.*|donate\b.*",
    ),
    (
        "disclaimer",
        r"disclaimer:.*|fair use notice.*|.*\bcontains copyrighted material\b.*|.*\bfair use\b.*\bcopyright owner\b.*",
    ),
    ("media-enquiries", r"(?:for )?media (?:inquiries|enquiries).*|.*\bcontact:\s*\S+@\S+"),
    (
        "article-footer",
        r"the original source of this article is .*|articles by:.*|related articles?:?.*|read more:.*|share this(?: article)?:?|follow us.*|print this page|email this",
    ),
    ("taxonomy", r"(?:region|theme|in-depth report|tags?|topics?|filed under|categories?):.*"),
    ("page-stamp", r"\d{1,2}:\d{2}\s*(?:GMT|UTC|[AP]M)?\s*\d{1,2}\s+" + _MONTH_RE + r"\s+\d{4}"),
    ("advertisement", r"advertisement|sponsored(?: content)?|scroll to continue.*"),
]
_CHROME_RES = [(name, re.compile(r"(?:" + pat + r")\s*", re.I)) for name, pat in _CHROME_LINE]
# Any rule at all: one scan rules out the (many) lines no rule matches; the rules are then
# tried in order only for the few that some rule matches.
_CHROME_ANY = re.compile(r"(?:" + "|".join(f"(?:{pat})" for _, pat in _CHROME_LINE) + r")\s*", re.I)
_SENT_END = re.compile(r"[.!?…\"”’)\]]\s*$")
_LINK = re.compile(r"\[([^\]\n]*)\]\((?:[^)\s]*)\)")
_BYLINE = re.compile(r"^(?:by|written by|words by)\s+(.+?)\s*$", re.I)
_DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Z.'\- ]{1,40}?)"
    r"(?:,\s*(?P<date>" + _MONTH_RE + r"\s+\d{1,2}(?:,?\s+\d{4})?))?"
    r"\s*(?:\((?P<agency>[^)]{1,40})\))?\s*(?:[—–]|-{1,2})\s*",
)
_OUTLET_DATE_LINE = re.compile(
    r"^(?P<outlet>[A-Z][\w&.' -]{1,60}?),\s*(?P<date>" + _MONTH_RE + r"\s+\d{1,2},?\s+\d{4})\s*$"
)
_PUBLISHED_LINE = re.compile(
    r"^(?:published|posted|updated)(?: on)?:?\s*(?P<date>.*\d{4}.*)$", re.I
)
_YEAR = re.compile(r"\b(19[5-9]\d|20[0-4]\d)\b")
_WS = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000]+")


def _clean_text(text: str) -> str:
    """NFC, no BOMs, Markdown links reduced to their text, runs of spaces as one space."""
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    text = text.replace("\ufeff", "")
    if "](" in text:
        text = _LINK.sub(lambda m: m.group(1), text)
    return _WS.sub(" ", text)


_NON_WORD = re.compile(r"\W+")


def _line_key(s: str) -> str:
    return _NON_WORD.sub(" ", s).strip().casefold()


def _chrome_rule(line: str) -> str | None:
    if not _CHROME_ANY.fullmatch(line):
        return None
    for name, rx in _CHROME_RES:
        if rx.fullmatch(line):
            return name
    return None


def _is_sentence(line: str) -> bool:
    return len(line.split()) >= 6 and bool(_SENT_END.search(line))


def _is_title_like(line: str) -> bool:
    words = line.split()
    if not 1 <= len(words) <= 16 or _SENT_END.search(line) and line.endswith("."):
        return False
    caps = sum(1 for w in words if w[:1].isupper() or not w[:1].isalpha())
    return caps / len(words) >= 0.6


def _is_headline(line: str) -> bool:
    words = line.split()
    if not 1 <= len(words) <= 25 or _DATELINE.match(line + " "):
        return False
    if line.endswith(".") and not line.endswith("..."):
        return False
    return not (len(words) > 3 and _SENT_END.search(line) and line[-1] in ".!")


def _is_tag_list(line: str) -> bool:
    parts = [p.strip() for p in line.split(",")]
    return (
        len(parts) >= 3
        and all(0 < len(p.split()) <= 3 for p in parts)
        and not _SENT_END.search(line)
    )


@dataclass
class NormalisedArticle:
    """The article proper and its front matter, from one text.

    Attributes:
        body: Clean text; paragraphs separated by a blank line. All offsets point here.
        paragraphs: (start, end) of each paragraph in ``body``.
        headline: Headline, or None when the text has none.
        byline: Byline, or None.
        dateline: The dateline as printed, or None.
        dateline_place: Place named in the dateline.
        dateline_agency: Agency or outlet named in the dateline, e.g. in parentheses.
        dateline_month: Month of the dateline date, if any.
        dateline_day: Day of the dateline date, if any.
        dateline_year: Year printed in the dateline, if any.
        published_text: A publication date printed in the text ("Published: ..."), raw.
        original_outlet: Outlet named as the original source in a footer, if any.
        years_mentioned: Years mentioned in the body, sorted.
        removed: (line, rule) for each line of chrome removed.
    """

    body: str
    paragraphs: list[tuple[int, int]]
    headline: str | None = None
    byline: str | None = None
    dateline: str | None = None
    dateline_place: str | None = None
    dateline_agency: str | None = None
    dateline_month: int | None = None
    dateline_day: int | None = None
    dateline_year: int | None = None
    published_text: str | None = None
    original_outlet: str | None = None
    years_mentioned: list[int] = field(default_factory=list)
    removed: list[tuple[str, str]] = field(default_factory=list)


def _parse_month_day(s: str) -> tuple[int | None, int | None, int | None]:
    """(month, day, year) of a dateline date (logic: ``chronology.published.parse_month_day``)."""
    from .chronology.published import parse_month_day

    return parse_month_day(s)


def normalise_text(text: str) -> NormalisedArticle:
    """Turn the text of one article page into the article proper.

    Args:
        text: Decoded text (plain text, or text extracted from HTML).

    Returns:
        A :class:`NormalisedArticle`.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    # The line clean-up on the whole text at once, then a strip per line: none of its steps
    # reaches across a line break (NFC never composes with a newline; links and spaces exclude it).
    lines = [x.strip() for x in _clean_text(text).split("\n")]
    n = len(lines)
    rule: list[str | None] = [None] * n
    original_outlet = None
    published_text = None
    for i, line in enumerate(lines):
        if not line:
            continue
        r = _chrome_rule(line)
        if r == "article-footer":
            m = re.match(r"the original source of this article is (.+)", line, re.I)
            if m:
                original_outlet = m.group(1).strip(" .")
        pm = _PUBLISHED_LINE.match(line)
        if pm and r is None and len(line.split()) <= 12:
            published_text = pm.group("date").strip()
            r = "published-stamp"
        rule[i] = r

    # A disclaimer runs on until the next blank line.
    for i in range(1, n):
        if lines[i] and rule[i] is None and rule[i - 1] == "disclaimer":
            rule[i] = "disclaimer"
    nonblank = [i for i in range(n) if lines[i]]
    # A line repeating the line before it (a template printing the headline twice).
    line_key = {i: _line_key(lines[i]) for i in nonblank if rule[i] is None}
    for k in range(1, len(nonblank)):
        i, j = nonblank[k], nonblank[k - 1]
        if rule[i] is None and rule[j] is None and line_key[i] == line_key[j]:
            rule[i] = "repeated-headline"
    # A short navigation label wedged between two chrome lines is chrome too ("Middle East").
    for k, i in enumerate(nonblank):
        if rule[i] is None and len(lines[i].split()) <= 4 and not _SENT_END.search(lines[i]):
            prev_c = k > 0 and rule[nonblank[k - 1]] is not None
            next_c = k + 1 < len(nonblank) and rule[nonblank[k + 1]] is not None
            if prev_c and next_c:
                rule[i] = "nav-label"
    # Trailing block: related-headline lists and tag lines after the last real sentence.
    last_sentence = max(
        (i for i in nonblank if rule[i] is None and _is_sentence(lines[i])), default=-1
    )
    for i in nonblank:
        if i > last_sentence and rule[i] is None:
            if _is_tag_list(lines[i]):
                rule[i] = "tag-list"
            elif _is_title_like(lines[i]) and not lines[i].startswith("("):
                rule[i] = "related-headline"

    removed = [(lines[i], rule[i]) for i in nonblank if rule[i] is not None]
    kept = [i for i in nonblank if rule[i] is None]

    # Group kept lines into paragraphs: a blank line or a removed line ends a paragraph.
    paras: list[str] = []
    current: list[str] = []
    prev = None
    for i in kept:
        if prev is not None and (i != prev + 1):
            paras.append(" ".join(current))
            current = []
        current.append(lines[i])
        prev = i
    if current:
        paras.append(" ".join(current))

    # Collapse a headline repeated (a page template printing it two or three times): a
    # paragraph repeating the one before it, or one of the first two.
    collapsed: list[str] = []
    keys: list[str] = []
    for p in paras:
        key = _line_key(p)
        if keys and (key == keys[-1] or (len(keys) <= 2 and key in keys)):
            removed.append((p, "repeated-headline"))
            continue
        collapsed.append(p)
        keys.append(key)
    paras = collapsed

    art = NormalisedArticle(body="", paragraphs=[])
    art.original_outlet = original_outlet
    art.published_text = published_text

    # Front matter at the top: headline, byline, outlet/date line.
    front: list[str] = []
    idx = 0
    if paras and len(paras) > 1 and _is_headline(paras[0]):
        art.headline = paras[0]
        front.append(paras[0])
        idx = 1
    while idx < len(paras) and idx <= 4:
        p = paras[idx]
        bm = _BYLINE.match(p)
        om = _OUTLET_DATE_LINE.match(p)
        if bm and len(p.split()) <= 12:
            art.byline = bm.group(1)
            removed.append((p, "byline"))
        elif om:
            art.dateline = p
            art.dateline_agency = om.group("outlet")
            art.dateline_month, art.dateline_day, art.dateline_year = _parse_month_day(
                om.group("date")
            )
            removed.append((p, "dateline"))
        elif (
            len(p.split()) <= 4
            and not _SENT_END.search(p)
            and idx + 1 < len(paras)
            and art.headline
        ):
            # an isolated outlet or section label among the front matter
            removed.append((p, "front-label"))
        else:
            break
        idx += 1
    body_paras = paras[idx:]

    # Dateline at the start of a paragraph ("MOSCOW, December 3 (Agency) — ...").
    if art.dateline is None:
        for p in body_paras[:4]:
            m = _DATELINE.match(p)
            if m and (m.group("agency") or m.group("date")) and len(m.group("place").split()) <= 4:
                art.dateline = m.group(0).strip()
                art.dateline_place = m.group("place").strip().title()
                art.dateline_agency = m.group("agency")
                if m.group("date"):
                    art.dateline_month, art.dateline_day, art.dateline_year = _parse_month_day(
                        m.group("date")
                    )
                break

    body = "\n\n".join(body_paras)
    offsets = []
    pos = 0
    for p in body_paras:
        offsets.append((pos, pos + len(p)))
        pos += len(p) + 2
    art.body = body
    art.paragraphs = offsets
    art.years_mentioned = sorted({int(y) for y in _YEAR.findall(body)})
    art.removed = removed
    return art


def date_from_url(url: str | None):
    """Return (year, month, day) printed in an article URL's path, or None.

    Recognises ``/2014/12/06/``, ``/2014/dec/05/``, ``-20141206-``, ``/2014-12-06``, a path
    segment starting ``20141203`` and more (htmldate's URL patterns, then ours): see
    :func:`iranstrikes.chronology.published.date_from_url`, where the logic lives.
    """
    from .chronology.published import date_from_url as _date_from_url

    return _date_from_url(url)
