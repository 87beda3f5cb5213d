#!/usr/bin/env python3
"""Draws the app icons (public/icon-*.png) from the same shapes as public/icon.svg.

Run by hand when the icon changes; the PNGs are committed, so building never needs this.
Plain Python (zlib), 4x4 supersampling for smooth edges; no imaging library needed."""
import struct, zlib, sys, os

BLUE = (0x1f, 0x5f, 0x8b)
WHITE = (255, 255, 255)

def in_rrect(x, y, x0, y0, w, h, r):
    if not (x0 <= x <= x0 + w and y0 <= y <= y0 + h):
        return False
    cx = min(max(x, x0 + r), x0 + w - r)
    cy = min(max(y, y0 + r), y0 + h - r)
    return (x - cx) ** 2 + (y - cy) ** 2 <= r * r

def in_line(x, y, x0, x1, yy, half):
    # A horizontal stroke with round caps.
    cx = min(max(x, x0), x1)
    return (x - cx) ** 2 + (y - yy) ** 2 <= half * half

def color_at(x, y, maskable):
    """Colour at (x, y) in the SVG's 64x64 space, or None for transparent."""
    if maskable:
        # Full bleed, document shrunk into the 80% safe zone.
        x, y = (x - 32) / 0.95 + 32, (y - 32) / 0.95 + 32
        bg = BLUE
    else:
        bg = BLUE if in_rrect(x, y, 0, 0, 64, 64, 14) else None
    if in_rrect(x, y, 16, 12, 32, 40, 4):
        for x0, x1, yy in ((22, 42, 24), (22, 42, 32), (22, 34, 40)):
            if in_line(x, y, x0, x1, yy, 2):
                return BLUE
        return WHITE
    return bg

def draw(size, maskable):
    rows = []
    n = 4
    for py in range(size):
        row = bytearray([0])
        for px in range(size):
            acc = [0, 0, 0, 0]
            for sy in range(n):
                for sx in range(n):
                    x = (px + (sx + 0.5) / n) * 64 / size
                    y = (py + (sy + 0.5) / n) * 64 / size
                    c = color_at(x, y, maskable)
                    if c:
                        acc[0] += c[0]; acc[1] += c[1]; acc[2] += c[2]; acc[3] += 255
            k = n * n
            a = acc[3] // k
            if a:
                row += bytes([acc[0] * 255 // acc[3], acc[1] * 255 // acc[3], acc[2] * 255 // acc[3], a])
            else:
                row += bytes(4)
        rows.append(bytes(row))
    raw = b"".join(rows)
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))

out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "public")
for name, size, maskable in (("icon-192.png", 192, False), ("icon-512.png", 512, False),
                             ("icon-maskable-512.png", 512, True), ("apple-touch-icon.png", 180, True)):
    with open(os.path.join(out, name), "wb") as f:
        f.write(draw(size, maskable))
    print(name)
