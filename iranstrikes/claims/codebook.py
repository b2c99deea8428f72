"""The claims codebook and the later-context file: reading and validating them.

What belongs here: the vocabularies of a coding (stances, speaker types, forms), the
:class:`CodebookError`, :func:`load_codebook` (propositions and curated codings) and
:func:`load_context` (cited later coverage).
"""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd

from iranstrikes import schema

STANCES = schema.STANCES
SPEAKER_TYPES = ("person", "anonymous", "institution", "media", "headline")
FORMS = ("direct", "partial", "indirect", "characterisation", "headline")
#: Speaker types whose statements count as on the record by default.
ON_RECORD_TYPES = ("person", "institution")
#: Speaker types that are sources (as opposed to headlines and the outlet's own voice).
SOURCE_TYPES = ("person", "institution", "anonymous")

_PROPOSITION_KEYS = {"id", "wording", "keywords", "context", "affirm_cues", "notes"}
_CODING_REQUIRED = ("article", "speaker", "speaker_type", "proposition", "stance", "evidence")
_CODING_KEYS = set(_CODING_REQUIRED) | {
    "rationale",
    "form",
    "date_said",
    "date_said_evidence",
    "occurrence",
    "on_record",
    "notes",
}


class CodebookError(ValueError):
    """The codebook file is malformed; the message lists every problem found."""


# --------------------------------------------------------------------------------------
# Loading
# --------------------------------------------------------------------------------------
def _as_list(value, where: str, errors: list[str]) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return list(value)
    errors.append(f"{where}: expected a list of strings, got {value!r}")
    return []


def _iso_day(value, where: str, errors: list[str]) -> str | None:
    if value is None or value == "":
        return None
    try:
        return pd.Timestamp(str(value)).strftime("%Y-%m-%d")
    except (ValueError, TypeError):
        errors.append(f"{where}: date_said {value!r} is not an ISO date (YYYY-MM-DD)")
        return None


def _read_yaml(path: Path) -> tuple[object, dict[int, int]]:
    """A curated YAML file's data and the line of each mapping in it (by ``id``).

    Raises:
        CodebookError: when the file is a folder or not a regular file, is not UTF-8 or is
            not valid YAML (with the line and what to fix).
        FileNotFoundError: if the file does not exist.
    """
    import stat

    import yaml

    if not path.exists():
        raise FileNotFoundError(f"No such file: {path}")
    mode = path.stat().st_mode
    if stat.S_ISDIR(mode):
        raise CodebookError(f"{path} is a folder, not a YAML file: replace it with the file.")
    if not stat.S_ISREG(mode):
        raise CodebookError(f"{path} is not a regular file (a pipe or a device): replace it.")
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise CodebookError(
            f"{path}: not UTF-8 (byte 0x{raw[exc.start]:02x} on line {line}); save it as UTF-8."
        ) from None
    lines: dict[int, int] = {}

    class _Loader(yaml.SafeLoader):
        pass

    def _map(loader, node):
        gen = yaml.SafeLoader.construct_yaml_map(loader, node)
        data = next(gen)
        lines[id(data)] = node.start_mark.line + 1
        yield data
        for _ in gen:
            pass

    _Loader.add_constructor("tag:yaml.org,2002:map", _map)
    try:
        data = yaml.load(text, Loader=_Loader)  # noqa: S506 - a SafeLoader subclass
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" (line {mark.line + 1}, column {mark.column + 1})" if mark else ""
        what = " ".join(str(getattr(exc, "problem", None) or exc).split())
        raise CodebookError(
            f"{path}: not valid YAML{where}: {what}. Check the indentation and quotes there."
        ) from None
    return data, lines


def _at(lines: dict[int, int], obj) -> str:
    line = lines.get(id(obj))
    return f" (line {line})" if line else ""


def load_codebook(path: str | Path) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Read and validate a claims codebook.

    The file is YAML with two lists: ``propositions`` (``id``, ``wording``, optional
    ``keywords``, ``context`` and ``affirm_cues`` used by the automatic rules) and ``codings``
    (``article``, ``speaker``, ``speaker_type``, ``proposition``, ``stance``, ``evidence``, and
    optionally ``rationale``, ``form``, ``date_said``, ``date_said_evidence``, ``occurrence``,
    ``on_record``).

    Args:
        path: Path of the YAML file.

    Returns:
        ``(propositions, codings)``. ``propositions`` has proposition_id, text, keywords,
        context, affirm_cues (lists joined with "|"). ``codings`` has coding_id (``c001``... in
        file order), article_id, speaker, speaker_type, proposition_id, stance, rationale,
        evidence, form, date_said, date_said_evidence, occurrence, on_record.

    Raises:
        CodebookError: listing every structural problem (unknown proposition id, bad stance,
            missing evidence, unknown keys, duplicate ids, ...).
        FileNotFoundError: if the file does not exist.
    """
    path = Path(path)
    data, lines = _read_yaml(path)
    try:
        return _codebook_frames(path, data, lines)
    except CodebookError:
        raise
    except (TypeError, ValueError, AttributeError, KeyError) as exc:
        raise CodebookError(
            f"{path}: a value has an unexpected type ({type(exc).__name__}: {exc}); check that "
            "ids, stances and evidence are plain text."
        ) from None


def _codebook_frames(path: Path, data, lines: dict[int, int]):
    errors: list[str] = []
    if not isinstance(data, dict):
        raise CodebookError(
            f"{path}: top level must be a mapping with 'propositions' and 'codings'"
        )
    for key in ("propositions", "codings"):
        if not isinstance(data.get(key), list):
            errors.append(f"{path}: '{key}' must be a list")
    if errors:
        raise CodebookError("\n".join(errors))

    props = []
    seen: set[str] = set()
    for i, p in enumerate(data["propositions"]):
        where = f"propositions[{i}]{_at(lines, p)}"
        if not isinstance(p, dict):
            errors.append(f"{where}: must be a mapping")
            continue
        unknown = sorted(set(p) - _PROPOSITION_KEYS)
        if unknown:
            errors.append(f"{where}: unknown key(s) {unknown}")
        pid = p.get("id")
        if not isinstance(pid, str) or not pid.strip():
            errors.append(f"{where}: missing 'id'")
            continue
        where = f"propositions[{i}] ({pid}){_at(lines, p)}"
        if pid in seen:
            errors.append(f"{where}: duplicate proposition id")
        seen.add(pid)
        if not isinstance(p.get("wording"), str) or not p["wording"].strip():
            errors.append(f"{where}: missing 'wording'")
        props.append(
            {
                "proposition_id": pid,
                "text": " ".join(str(p.get("wording", "")).split()),
                "keywords": "|".join(_as_list(p.get("keywords"), f"{where}.keywords", errors)),
                "context": "|".join(_as_list(p.get("context"), f"{where}.context", errors)),
                "affirm_cues": "|".join(
                    _as_list(p.get("affirm_cues"), f"{where}.affirm_cues", errors)
                ),
            }
        )

    rows = []
    for i, c in enumerate(data["codings"]):
        where = f"codings[{i}]{_at(lines, c)}"
        if not isinstance(c, dict):
            errors.append(f"{where}: must be a mapping")
            continue
        if "article" in c:
            where = f"codings[{i}] (article {c['article']}, speaker {c.get('speaker')!r}){_at(lines, c)}"
        unknown = sorted(set(c) - _CODING_KEYS)
        if unknown:
            errors.append(f"{where}: unknown key(s) {unknown}")
        for key in _CODING_REQUIRED:
            v = c.get(key)
            if not isinstance(v, str) or not v.strip():
                label = "missing evidence" if key == "evidence" else f"missing '{key}'"
                errors.append(f"{where}: {label}")
        if c.get("proposition") and not isinstance(c["proposition"], str):
            errors.append(f"{where}: proposition must be one id, got {c['proposition']!r}")
        elif c.get("proposition") and c["proposition"] not in seen:
            errors.append(
                f"{where}: unknown proposition id {c['proposition']!r} (known: {', '.join(sorted(seen))})"
            )
        if c.get("stance") and (not isinstance(c["stance"], str) or c["stance"] not in STANCES):
            errors.append(f"{where}: bad stance {c['stance']!r} (allowed: {', '.join(STANCES)})")
        if c.get("speaker_type") and (
            not isinstance(c["speaker_type"], str) or c["speaker_type"] not in SPEAKER_TYPES
        ):
            errors.append(
                f"{where}: bad speaker_type {c['speaker_type']!r} (allowed: {', '.join(SPEAKER_TYPES)})"
            )
        if c.get("form") is not None and (not isinstance(c["form"], str) or c["form"] not in FORMS):
            errors.append(f"{where}: bad form {c['form']!r} (allowed: {', '.join(FORMS)})")
        occ = c.get("occurrence", 1)
        if not isinstance(occ, int) or isinstance(occ, bool) or occ < 1:
            errors.append(f"{where}: occurrence must be a positive integer, got {occ!r}")
            occ = 1
        on_record = c.get("on_record")
        if on_record is not None and not isinstance(on_record, bool):
            errors.append(f"{where}: on_record must be true or false, got {on_record!r}")
            on_record = None
        form = c.get("form") or ("headline" if c.get("speaker_type") == "headline" else None)
        rows.append(
            {
                "coding_id": f"c{i + 1:03d}",
                "article_id": c.get("article"),
                "speaker": c.get("speaker"),
                "speaker_type": c.get("speaker_type"),
                "proposition_id": c.get("proposition"),
                "stance": c.get("stance"),
                "rationale": " ".join(str(c.get("rationale") or "").split()) or None,
                "evidence": c.get("evidence"),
                "form": form,
                "date_said": _iso_day(c.get("date_said"), where, errors),
                "date_said_evidence": c.get("date_said_evidence"),
                "occurrence": occ,
                "on_record": on_record,
            }
        )
    if errors:
        raise CodebookError(f"{path}: {len(errors)} problem(s):\n" + "\n".join(errors))
    propositions = schema.conform("propositions", pd.DataFrame(props))
    codings = pd.DataFrame(
        rows,
        columns=[
            "coding_id",
            "article_id",
            "speaker",
            "speaker_type",
            "proposition_id",
            "stance",
            "rationale",
            "evidence",
            "form",
            "date_said",
            "date_said_evidence",
            "occurrence",
            "on_record",
        ],
    )
    for col in codings.columns:
        if col == "occurrence":
            codings[col] = codings[col].astype("Int64")
        elif col == "on_record":
            codings[col] = codings[col].astype("boolean")
        else:
            codings[col] = codings[col].astype("string")
    return propositions, codings


def load_context(path: str | Path) -> pd.DataFrame:
    """Read cited later coverage (``context.yaml``) into a frame.

    Args:
        path: Path of the YAML file (a mapping with a ``context`` list).

    Returns:
        One row per entry: id, date_said, speaker, speaker_type, proposition_id, stance,
        claim, outlet, original_outlet, source_url, source_title, url_verified, evidence,
        also_reported_by (JSON text), sorted by date_said then id.

    Raises:
        CodebookError: when an entry lacks a claim, a source (URL or outlet + title), or has a
            bad stance or an unverified URL not marked as such.
    """
    path = Path(path)
    data, lines = _read_yaml(path)
    data = data or {}
    try:
        return _context_frame(path, data, lines)
    except CodebookError:
        raise
    except (TypeError, ValueError, AttributeError, KeyError) as exc:
        raise CodebookError(
            f"{path}: a value has an unexpected type ({type(exc).__name__}: {exc}); check that "
            "ids, claims, speakers and stances are plain text."
        ) from None


def _context_frame(path: Path, data, lines: dict[int, int]) -> pd.DataFrame:
    entries = data.get("context") if isinstance(data, dict) else None
    if not isinstance(entries, list):
        raise CodebookError(f"{path}: expected a mapping with a 'context' list")
    errors, rows = [], []
    for i, e in enumerate(entries):
        where = f"context[{i}] ({e.get('id') if isinstance(e, dict) else '?'}){_at(lines, e)}"
        if not isinstance(e, dict):
            errors.append(f"{where}: must be a mapping")
            continue
        for key in ("id", "claim", "speaker", "outlet"):
            if not e.get(key):
                errors.append(f"{where}: missing '{key}'")
        if not e.get("source_url") and not e.get("source_title"):
            errors.append(f"{where}: needs a source_url or a source_title")
        if "url_verified" not in e or not isinstance(e["url_verified"], bool):
            errors.append(f"{where}: url_verified must be true or false")
        if e.get("stance") is not None and (
            not isinstance(e["stance"], str) or e["stance"] not in STANCES
        ):
            errors.append(f"{where}: bad stance {e['stance']!r}")
        rows.append(
            {
                "id": e.get("id"),
                "date_said": _iso_day(e.get("date_said"), where, errors),
                "speaker": e.get("speaker"),
                "speaker_type": e.get("speaker_type"),
                "proposition_id": e.get("proposition"),
                "stance": e.get("stance"),
                "claim": " ".join(str(e.get("claim") or "").split()),
                "outlet": e.get("outlet"),
                "original_outlet": e.get("original_outlet"),
                "source_url": e.get("source_url"),
                "source_title": e.get("source_title"),
                "url_verified": e.get("url_verified"),
                "evidence": e.get("evidence"),
                "also_reported_by": json.dumps(
                    e.get("also_reported_by") or [], ensure_ascii=False, sort_keys=True
                ),
            }
        )
    if errors:
        raise CodebookError(f"{path}: {len(errors)} problem(s):\n" + "\n".join(errors))
    df = pd.DataFrame(rows)
    if len(df):
        df = df.sort_values(["date_said", "id"], na_position="last", kind="stable").reset_index(
            drop=True
        )
    return df


def load_coding_rules(path: str | Path) -> pd.DataFrame:
    """Read the coding rules of a codebook (its optional ``rules`` list).

    Each rule is a mapping with ``number`` (a positive integer, cited in rationales as
    "(rule N)"), ``name`` (a few words) and ``text`` (the rule in full). A codebook without
    ``rules`` gives an empty frame.

    Returns:
        One row per rule: rule (int), name, text, in number order.

    Raises:
        CodebookError: a rule that is not a mapping, lacks a number, name or text, or repeats a
            number.
    """
    path = Path(path)
    data, lines = _read_yaml(path)
    raw = data.get("rules") if isinstance(data, dict) else None
    errors: list[str] = []
    rows: list[dict] = []
    if raw is not None and not isinstance(raw, list):
        errors.append(f"{path}: 'rules' must be a list")
        raw = []
    seen: set[int] = set()
    for i, r in enumerate(raw or []):
        where = f"{path}: rules[{i}]{_at(lines, r)}"
        if not isinstance(r, dict):
            errors.append(f"{where}: must be a mapping with number, name and text")
            continue
        unknown = sorted(set(r) - {"number", "name", "text"})
        if unknown:
            errors.append(f"{where}: unknown key(s) {unknown}")
        num = r.get("number")
        if isinstance(num, bool) or not isinstance(num, int) or num < 1:
            errors.append(f"{where}: 'number' must be a positive whole number")
            continue
        if num in seen:
            errors.append(f"{where}: rule {num} is given twice")
        seen.add(num)
        name, text = r.get("name"), r.get("text")
        for key, value in (("name", name), ("text", text)):
            if not isinstance(value, str) or not value.strip():
                errors.append(f"{where}: missing '{key}'")
        rows.append(
            {
                "rule": num,
                "name": " ".join(str(name or "").split()),
                "text": " ".join(str(text or "").split()),
            }
        )
    if errors:
        raise CodebookError("\n".join(errors))
    df = pd.DataFrame(rows, columns=["rule", "name", "text"])
    return df.sort_values("rule", kind="stable").reset_index(drop=True)
