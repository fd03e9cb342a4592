"""A class list file, whatever form a school gives it, as rows of text cells.

- text (`.csv`, `.txt`, a list pasted from a spreadsheet): UTF-8 with or without BOM, or
  Windows-1252; `;`, `,` or tab between the columns (the one most lines use);
- `.xlsx` (Excel, LibreOffice « Enregistrer sous… Excel »): read with openpyxl;
- `.ods` (LibreOffice): read with the standard library (zipfile + XML);
- anything else — an old `.xls`, a PDF, a picture, a random binary file — is refused
  with a French sentence saying how to save the list as CSV. Nothing here raises.
"""

from __future__ import annotations

import csv
import io
import zipfile
from xml.etree import ElementTree

MAX_BYTES = 2 * 1024 * 1024
MAX_ROWS = 600
MAX_COLUMNS = 40
MAX_UNZIPPED = 20 * 1024 * 1024  # a spreadsheet of a class is far smaller once unzipped
SAVE_AS_CSV = (
    "Dans le tableur, ouvrez la liste puis « Fichier › Enregistrer sous… » et choisissez "
    "« CSV » (ou copiez les colonnes NOM et Prénom et utilisez « Coller la liste »)."
)
SEPARATORS = ("\t", ";", ",")
OLE_MAGIC = b"\xd0\xcf\x11\xe0"  # old Excel .xls, Word .doc
ODS_TYPE = b"application/vnd.oasis.opendocument.spreadsheet"
ODF = "{urn:oasis:names:tc:opendocument:xmlns:%s:1.0}"


class Refus(Exception):
    """Not a class list: a French sentence saying why and what to do."""


def rows_of(data, name=""):
    """(rows, notes): rows are lists of stripped text cells. Raises `Refus` (French)."""
    if isinstance(data, str):
        return _text_rows(data[:MAX_BYTES]), []
    if not isinstance(data, bytes | bytearray):
        raise Refus("Ce n'est pas une liste de classe.")
    data = bytes(data)
    suffix = name.lower().rsplit(".", 1)[-1] if "." in name else ""
    if len(data) > MAX_BYTES:
        raise Refus("Ce fichier est bien trop gros pour une liste de classe.")
    if data.startswith(OLE_MAGIC) or suffix == "xls":
        raise Refus("C'est un fichier Excel ancien (.xls), que le jeu ne lit pas. " + SAVE_AS_CSV)
    if data.startswith(b"PK\x03\x04"):
        return _zip_rows(data), []
    if data.startswith(b"%PDF"):
        raise Refus("C'est un PDF, pas un tableau. " + SAVE_AS_CSV)
    text, notes = _decode(data)
    return _text_rows(text), notes


def _decode(data):
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):  # Excel's « Texte Unicode » (UTF-16)
        try:
            data = data.decode("utf-16").encode("utf-8")
        except UnicodeDecodeError:
            raise Refus("Ce fichier texte est abîmé. " + SAVE_AS_CSV) from None
    if b"\x00" in data[:4096]:
        raise Refus("Ce fichier n'est pas du texte (ni un tableur connu). " + SAVE_AS_CSV)
    try:
        text = data.decode("utf-8-sig")
        notes = []
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
        notes = ["Liste lue comme un fichier Windows (accents en Windows-1252)."]
    controls = sum(1 for c in text if ord(c) < 32 and c not in "\t\r\n")
    strange = sum(1 for c in text if c == "\ufffd" or 0x7F <= ord(c) < 0xA0)
    if controls or strange > max(2, len(text) // 50):
        raise Refus("Ce fichier n'est pas du texte (ni un tableur connu). " + SAVE_AS_CSV)
    return text, notes


def separator(lines):
    """The separator most lines use (tab first: a list pasted from a spreadsheet)."""
    counts = {sep: sum(1 for line in lines if sep in line) for sep in SEPARATORS}
    best = max(SEPARATORS, key=lambda sep: counts[sep])
    return best if counts[best] else None


def _text_rows(text):
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")[:MAX_ROWS]
    sep = separator([line for line in lines if line.strip()])
    if sep is None:
        return [[line.strip()] for line in lines]
    reader = csv.reader(io.StringIO("\n".join(lines)), delimiter=sep, quotechar='"')
    try:
        rows = [[cell.strip() for cell in row[:MAX_COLUMNS]] for row in reader]
    except csv.Error:
        rows = [[cell.strip().strip('"') for cell in line.split(sep)] for line in lines]
    return rows


def _zip_rows(data):
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        names = set(archive.namelist())
        if sum(info.file_size for info in archive.infolist()) > MAX_UNZIPPED:
            raise Refus("Ce tableur est bien trop gros pour une liste de classe.")
        if "mimetype" in names and archive.read("mimetype").strip() == ODS_TYPE:
            return _ods_rows(archive.read("content.xml"))
        if "xl/workbook.xml" in names:
            return _xlsx_rows(data)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, EOFError):
        raise Refus("Ce tableur est abîmé : je n'arrive pas à l'ouvrir. " + SAVE_AS_CSV) from None
    raise Refus("Ce fichier compressé n'est pas un tableur (.xlsx ou .ods). " + SAVE_AS_CSV)


def _cell_text(value):
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if hasattr(value, "strftime"):
        return value.strftime("%d/%m/%Y")
    return str(value).strip()


def _xlsx_rows(data):
    """The first sheet of an .xlsx workbook (values, not formulas)."""
    try:
        import openpyxl
    except ImportError:
        raise Refus("Il manque openpyxl pour lire ce fichier Excel. " + SAVE_AS_CSV) from None
    try:
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        sheet = book.worksheets[0]
        rows = []
        for row in sheet.iter_rows(max_row=MAX_ROWS, max_col=MAX_COLUMNS, values_only=True):
            rows.append([_cell_text(v) for v in row])
        book.close()
    except Exception:  # noqa: BLE001 - any broken workbook: one French sentence
        raise Refus(
            "Ce fichier Excel est abîmé : je n'arrive pas à le lire. " + SAVE_AS_CSV
        ) from None
    return rows


def _ods_rows(content):
    """The first table of an .ods document (repeated cells and rows unrolled, bounded)."""
    try:
        root = ElementTree.fromstring(content)
    except ElementTree.ParseError:
        raise Refus("Ce fichier LibreOffice est abîmé. " + SAVE_AS_CSV) from None
    table = next(root.iter(ODF % "table" + "table"), None)
    if table is None:
        raise Refus("Ce fichier LibreOffice ne contient pas de tableau. " + SAVE_AS_CSV)
    rows = []
    for row in table.iter(ODF % "table" + "table-row"):
        cells = _ods_cells(row)
        repeat = min(_repeat(row, "rows"), MAX_ROWS - len(rows))
        rows += [list(cells) for _ in range(repeat if any(cells) else 1)]
        if len(rows) >= MAX_ROWS:
            break
    return rows


def _repeat(element, what):
    try:
        value = int(element.get(ODF % "table" + f"number-{what}-repeated", "1"))
    except ValueError:
        return 1
    return max(1, min(value, MAX_COLUMNS if what == "columns" else MAX_ROWS))


def _ods_cells(row):
    cells = []
    for cell in row:
        if not cell.tag.endswith("table-cell"):
            continue
        paragraphs = cell.findall(ODF % "text" + "p")
        text = "\n".join("".join(p.itertext()) for p in paragraphs).strip()
        cells += [text] * _repeat(cell, "columns")
        if len(cells) >= MAX_COLUMNS:
            break
    while cells and not cells[-1]:
        cells.pop()
    return cells[:MAX_COLUMNS]
