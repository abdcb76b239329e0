"""Zip packages (docx, xlsx) opened within limits, and XML parsed without entities.

Before python-docx or openpyxl touch a package, ``Package`` checks it from its central
directory alone — number of members, each member's uncompressed size, the total, and the
compression ratio of large members — so a zip bomb is refused without inflating a byte. The
zipfile module never returns more than a member's declared size (a lying header ends in a
CRC error), so the declared sizes bound what any later reader inflates.

Every XML part is then scanned for a DTD: OOXML parts never carry one (ECMA-376 Part 2
forbids DTD declarations in package parts), so a ``<!DOCTYPE`` or ``<!ENTITY`` means a
crafted file (XXE, billion laughs) and the file is refused. Parts gkrules parses itself go
through ``parse_xml``: lxml with entity resolution, DTD loading and network access off.
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib

from lxml import etree

from gkrules.errors import InputError
from gkrules.loaders.options import LoadOptions, MiB
from gkrules.loaders.strictxml import is_strict, transitional

_EOCD = b"PK\x05\x06"
_ZIP64_LOCATOR = b"PK\x06\x07"
_ZIP64_EOCD = b"PK\x06\x06"
_DTD_MARKERS = tuple(m.encode(enc) for m in ("<!DOCTYPE", "<!ENTITY") for enc in ("ascii", "utf-16-le", "utf-16-be"))
_XML_SUFFIXES = (".xml", ".rels", ".vml")
_STEP = 1 << 16
_ZIP_ERRORS = (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, EOFError, ValueError, OSError,
               NotImplementedError, KeyError)

XML_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False,
                             remove_comments=True, remove_pis=True)


def entry_count(data: bytes) -> int | None:
    """The number of members the end-of-central-directory record declares (None: no record)."""
    tail = data[-(22 + 65535):]
    i = tail.rfind(_EOCD)
    if i < 0 or len(tail) - i < 22:
        return None
    total = struct.unpack_from("<H", tail, i + 10)[0]
    if total != 0xFFFF:
        return total
    loc = i - 20
    if loc >= 0 and tail[loc:loc + 4] == _ZIP64_LOCATOR:
        offset = struct.unpack_from("<Q", tail, loc + 8)[0]
        if offset + 56 <= len(data) and data[offset:offset + 4] == _ZIP64_EOCD:
            return struct.unpack_from("<Q", data, offset + 32)[0]
    return None


def has_dtd(xml: bytes) -> bool:
    return any(m in xml for m in _DTD_MARKERS)


def parse_xml(xml: bytes, what: str) -> etree._Element:
    """An XML part parsed safely; a DTD or broken XML is an InputError naming the part."""
    if has_dtd(xml):
        raise hostile_xml(what)
    try:
        return etree.fromstring(xml, XML_PARSER)
    except etree.XMLSyntaxError:
        raise InputError(f"文件已损坏：{what} 不是有效的 XML") from None


def hostile_xml(what: str) -> InputError:
    return InputError(f"文件的 XML 部件 {what} 含有 DTD 或实体声明（DOCTYPE/ENTITY）。Office 文件从不含这类声明，"
                      "这通常是恶意构造的文件（XXE、实体膨胀攻击），已拒绝读取")


class Package:
    """A zip package checked against the limits; members are read through ``read``."""

    def __init__(self, data: bytes, options: LoadOptions, label: str):
        self.label = label
        self.options = options
        self.data = data
        #: Strict Open XML parts were found (check_parts): XML is read as Transitional
        self.strict = False
        count = entry_count(data)
        if count is None:
            raise InputError(f"文件已损坏或不完整：不是完整的 {label}（ZIP 压缩包的目录缺失，文件可能被截断）")
        if count > options.max_archive_members:
            raise InputError(f"{label} 压缩包内有 {count} 个成员，超过上限 {options.max_archive_members}，"
                             "疑似恶意构造的文件，已拒绝读取")
        try:
            self.zf = zipfile.ZipFile(io.BytesIO(data))
            infos = self.zf.infolist()
        except _ZIP_ERRORS:
            raise InputError(f"文件已损坏：无法打开 {label} 压缩包") from None
        total = 0
        for info in infos:
            self._check_member(info)
            total += info.file_size
            if total > options.max_unpacked_bytes:
                raise self._bomb(f"解压后总大小超过上限 {options.max_unpacked_bytes // MiB} MiB")
        self.infos = {i.filename: i for i in infos}

    def _bomb(self, why: str) -> InputError:
        return InputError(f"{self.label} 压缩包{why}，疑似“压缩炸弹”，已拒绝读取（上限可在规则集 engine 部分调整）")

    def _check_member(self, info: zipfile.ZipInfo) -> None:
        o = self.options
        if info.flag_bits & 0x1:
            raise InputError(f"{self.label} 压缩包内的 {info.filename} 已加密，无法读取")
        if info.file_size > o.max_member_bytes:
            raise self._bomb(f"成员 {info.filename} 解压后为 {info.file_size // MiB} MiB，超过单个成员上限 "
                             f"{o.max_member_bytes // MiB} MiB")
        if info.file_size > MiB and info.file_size > o.max_compression_ratio * max(1, info.compress_size):
            ratio = info.file_size / max(1, info.compress_size)
            raise self._bomb(f"成员 {info.filename} 的压缩比为 {ratio:.0f}:1，超过上限 {o.max_compression_ratio:g}:1")

    def names(self) -> list[str]:
        return list(self.infos)

    def read(self, name: str) -> bytes:
        """A member's bytes (bounded by its checked declared size); corruption → InputError."""
        info = self.infos.get(name)
        if info is None:
            raise InputError(f"{self.label} 缺少部件 {name}")
        # read in small steps: zipfile inflates up to the size asked for before it cuts the
        # output to the declared size, so one big read of a member that lies about its size
        # would allocate the whole limit
        chunks = []
        size = 0
        try:
            with self.zf.open(info) as f:
                while chunk := f.read(_STEP):
                    size += len(chunk)
                    if size > self.options.max_member_bytes:  # zipfile stops at the declared size
                        raise self._bomb(f"成员 {name} 解压后超过上限")
                    chunks.append(chunk)
        except _ZIP_ERRORS as exc:
            raise InputError(f"文件已损坏：{self.label} 的部件无法解压（{type(exc).__name__}）") from None
        data = b"".join(chunks)
        if self.strict and name.lower().endswith(_XML_SUFFIXES):
            return transitional(data)
        return data

    def check_parts(self) -> None:
        """Read every member once: corrupt data and XML with a DTD are refused here, before
        any library parses them."""
        for name, info in self.infos.items():
            if info.is_dir():
                continue
            data = self.read(name)
            if name.lower().endswith(_XML_SUFFIXES):
                if has_dtd(data):
                    raise hostile_xml(name)
                self.strict = self.strict or is_strict(data)

    def library_data(self) -> bytes:
        """The package as python-docx and openpyxl are to open it: a Strict Open XML package
        rewritten as Transitional (gkrules.loaders.strictxml), any other as it came.
        ``check_parts`` first."""
        if not self.strict:
            return self.data
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
            for name, info in self.infos.items():
                if not info.is_dir():
                    z.writestr(name, self.read(name))
        return out.getvalue()

    def xml(self, name: str) -> etree._Element | None:
        """A member parsed safely, or None when the package has no such member."""
        if name not in self.infos:
            return None
        return parse_xml(self.read(name), name)


__all__ = ["XML_PARSER", "Package", "entry_count", "has_dtd", "hostile_xml", "parse_xml"]
