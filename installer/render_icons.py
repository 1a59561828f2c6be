"""Render the app icon (resources/icons/lianxin.svg) into what each platform's package needs.

    python installer/render_icons.py OUT_DIR

writes OUT_DIR/lianxin.png (256 px, Linux), OUT_DIR/lianxin.ico (Windows: 16-256 px, PNG
entries), OUT_DIR/lianxin.iconset/ (macOS sizes) and, where Apple's `iconutil` exists
(macOS), OUT_DIR/lianxin.icns. Run by installer/lianxin.spec; needs no display.
"""

from __future__ import annotations

import argparse
import os
import shutil
import struct
import subprocess
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ROOT = Path(__file__).resolve().parents[1]
SVG = ROOT / "resources" / "icons" / "lianxin.svg"
NAME = "lianxin"
LINUX_SIZE = 256
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
#: iconutil's names: icon_<n>x<n>.png and the @2x image of the same point size.
ICONSET_POINTS = (16, 32, 128, 256, 512)


def render_png(renderer: QSvgRenderer, size: int) -> bytes:
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):
        raise RuntimeError(f"cannot encode a {size} px PNG")
    return bytes(data.data())


def ico_bytes(pngs: dict[int, bytes]) -> bytes:
    """An .ico whose entries are PNG images (Windows Vista and later read them)."""
    header = struct.pack("<HHH", 0, 1, len(pngs))
    offset = len(header) + 16 * len(pngs)
    entries, images = b"", b""
    for size, png in sorted(pngs.items()):
        side = 0 if size >= 256 else size  # 0 means 256 in an ICO directory entry
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(png), offset)
        images += png
        offset += len(png)
    return header + entries + images


def render(out: Path, svg: Path = SVG) -> list[Path]:
    """Write every icon file into `out`; return the paths written."""
    app = QGuiApplication.instance() or QGuiApplication([sys.argv[0]])
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise RuntimeError(f"{svg} is not a valid SVG")
    out.mkdir(parents=True, exist_ok=True)
    written = []

    png = out / f"{NAME}.png"
    png.write_bytes(render_png(renderer, LINUX_SIZE))
    written.append(png)

    ico = out / f"{NAME}.ico"
    ico.write_bytes(ico_bytes({size: render_png(renderer, size) for size in ICO_SIZES}))
    written.append(ico)

    iconset = out / f"{NAME}.iconset"
    shutil.rmtree(iconset, ignore_errors=True)
    iconset.mkdir()
    for points in ICONSET_POINTS:
        for scale, suffix in ((1, ""), (2, "@2x")):
            path = iconset / f"icon_{points}x{points}{suffix}.png"
            path.write_bytes(render_png(renderer, points * scale))
    written.append(iconset)

    iconutil = shutil.which("iconutil")
    if iconutil:
        icns = out / f"{NAME}.icns"
        subprocess.run([iconutil, "-c", "icns", str(iconset), "-o", str(icns)], check=True)
        written.append(icns)
    del app
    return written


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, help="folder to write the icon files into")
    parser.add_argument("--svg", type=Path, default=SVG, help="the source SVG")
    args = parser.parse_args()
    for path in render(args.out, args.svg):
        sys.stdout.write(f"{path}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
