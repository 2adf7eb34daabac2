"""A Word package read as the Open Packaging Conventions lay it out, with zipfile and lxml alone: [Content_Types].xml
and the package relationships name the main document part and the core properties; no other part (styles,
numbering, headers, images) is unpacked or parsed, so a part the reader does not use costs neither time nor the report."""
from __future__ import annotations

import io
import posixpath
import zipfile
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from extraction.document import IngestError
from extraction.ingest import MAX_BYTES

MAX_UNPACKED_BYTES = 4 * MAX_BYTES  # Word XML packs ~10:1; a package unpacking past this is a zip bomb, not a report
# python-docx's parser settings, which the reader was built on: the same tree, blank text between tags dropped
PARSER = etree.XMLParser(remove_blank_text=True, resolve_entities=False)

CONTENT_TYPES = "[Content_Types].xml"
PACKAGE_RELATIONSHIPS = "_rels/.rels"
TYPES_NS = "{http://schemas.openxmlformats.org/package/2006/content-types}"
RELATIONSHIPS_NS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
W_NS = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
OFFICE_DOCUMENT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
CORE_PROPERTIES = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"
MAIN_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
CORE_TYPE = "application/vnd.openxmlformats-package.core-properties+xml"
CORE_ROOT = "{http://schemas.openxmlformats.org/package/2006/metadata/core-properties}coreProperties"
TITLE = "{http://purl.org/dc/elements/1.1/}title"
EXTERNAL = "External"


@dataclass(frozen=True)
class Relationship:
    """One package relationship: its type, its target as written, and whether it points outside the package."""

    kind: str | None
    target: str | None
    external: bool


def unpacked_size(package: zipfile.ZipFile) -> int:
    """Given an open package, return the total size its parts declare unpacked (zipfile never reads past it)."""
    return sum(info.file_size for info in package.infolist())


def parse_part(package: zipfile.ZipFile, member: str, root_tag: str) -> etree._Element:
    """Given a package, a member name and the tag its root must have, return the parsed root (ValueError if another)."""
    root = etree.fromstring(package.read(member), PARSER)
    if root.tag != root_tag:
        raise ValueError(f"{member} 的根元素是 {root.tag}，不是 {root_tag}")
    return root


def package_relationships(package: zipfile.ZipFile) -> list[Relationship]:
    """Given a package, return its own relationships, one per Id (a repeated Id: the last, as Word reads it)."""
    by_id = {rel.get("Id"): Relationship(rel.get("Type"), rel.get("Target"), rel.get("TargetMode") == EXTERNAL)
             for rel in parse_part(package, PACKAGE_RELATIONSHIPS, f"{RELATIONSHIPS_NS}Relationships")
             .iterchildren(f"{RELATIONSHIPS_NS}Relationship")}
    return list(by_id.values())


def related_part(relationships: list[Relationship], kind: str) -> str:
    """Given the package's relationships and a type, return the part name (/word/document.xml) of its one internal
    target: KeyError when none has the type, ValueError when several do or it points outside."""
    matching = [rel for rel in relationships if rel.kind == kind]
    if not matching:
        raise KeyError(f"没有 {kind} 类型的关系")
    if len(matching) > 1 or matching[0].external or matching[0].target is None:
        raise ValueError(f"{kind} 类型的关系有 {len(matching)} 个或指向包外")
    return posixpath.abspath(posixpath.join("/", matching[0].target))


@dataclass(frozen=True)
class ContentTypes:
    """[Content_Types].xml: content types by lower-cased part name (/word/document.xml) and by extension (xml)."""

    overrides: dict[str, str]
    defaults: dict[str, str]

    def of(self, part: str) -> str:
        """Given a part name, return its content type: its override, else its extension's default (KeyError when
        neither)."""
        found = self.overrides.get(part.lower())
        return found if found is not None else self.defaults[posixpath.splitext(part)[1].lstrip(".").lower()]


def content_types(package: zipfile.ZipFile) -> ContentTypes:
    """Given a package, return its [Content_Types].xml (a name given twice keeps its last type)."""
    types = parse_part(package, CONTENT_TYPES, f"{TYPES_NS}Types")
    return ContentTypes({(o.get("PartName") or "").lower(): o.get("ContentType") or ""
                         for o in types.iterchildren(f"{TYPES_NS}Override")},
                        {(d.get("Extension") or "").lower(): d.get("ContentType") or ""
                         for d in types.iterchildren(f"{TYPES_NS}Default")})


def typed_part(package: zipfile.ZipFile, types: ContentTypes, relationships: list[Relationship], kind: str,
               ctype: str, root_tag: str) -> etree._Element:
    """Given a package, its content types and relationships, a relationship type, and the content type and root tag
    its target must have, return the target part's parsed root (KeyError or ValueError when any of it is missing
    or other)."""
    part = related_part(relationships, kind)
    found = types.of(part)
    if found != ctype:
        raise ValueError(f"{part} 的内容类型是 {found}，不是 {ctype}")
    return parse_part(package, part[1:], root_tag)


def open_package(path: Path, data: bytes) -> zipfile.ZipFile:
    """Given a .docx file's bytes, return it open as a zip, or raise IngestError corrupt / too_large."""
    try:
        package = zipfile.ZipFile(io.BytesIO(data))
        size = unpacked_size(package)
    except MemoryError:
        raise
    except Exception as exc:  # zipfile raises a dozen types on damaged bytes (BadZipFile, EOFError, ValueError...)
        raise IngestError("corrupt", f"{path}：不是可读的 Word 文档（{type(exc).__name__}: {exc}）") from None
    if size > MAX_UNPACKED_BYTES:
        raise IngestError("too_large", f"{path}: the Word package unpacks to {size} bytes, over the "
                                       f"{MAX_UNPACKED_BYTES // (1024 * 1024)} MB limit (a zip bomb?)")
    return package


def read_package(path: Path, data: bytes) -> tuple[etree._Element, str | None]:
    """Given a .docx file's bytes, return the root of its main document part (a w:document with a w:body) and the
    title in its core properties (None when absent or unreadable), or raise IngestError naming the file."""
    package = open_package(path, data)
    try:
        types = content_types(package)
        relationships = package_relationships(package)
        root = typed_part(package, types, relationships, OFFICE_DOCUMENT, MAIN_TYPE, f"{W_NS}document")
        if root.find(f"{W_NS}body") is None:
            raise ValueError("w:document 中没有 w:body")
    except MemoryError:
        raise
    except Exception as exc:  # zipfile, zlib and lxml raise many types on a damaged part; each is the same answer
        raise IngestError("corrupt", f"{path}：不是可读的 Word 文档（{type(exc).__name__}: {exc}）") from None
    return root, package_title(package, types, relationships)


def package_title(package: zipfile.ZipFile, types: ContentTypes, relationships: list[Relationship]) -> str | None:
    """Given an open package, its content types and relationships, return the title in its core properties, or None
    when absent or unreadable."""
    try:
        core = typed_part(package, types, relationships, CORE_PROPERTIES, CORE_TYPE, CORE_ROOT)
    except MemoryError:
        raise
    except Exception:  # a damaged docProps/core.xml costs the title, not the report
        return None
    title = core.find(TITLE)
    return None if title is None else (title.text or "").strip() or None
