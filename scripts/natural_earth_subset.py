#!/usr/bin/env python3
"""Regenerates crates/bulwark-report/src/svg/europe_110m.txt, the map outlines of the HTML report.

Input: Natural Earth 1:110m Admin 0 - Countries as GeoJSON
(geojson/ne_110m_admin_0_countries.geojson of github.com/nvkelso/natural-earth-vector; public
domain, https://www.naturalearthdata.com/about/terms-of-use/).
Keeps the countries of the dataset and their neighbours, clips them to Europe's box, simplifies
the outlines (Douglas-Peucker) and writes one line per country: ISO3, then rings of "lon,lat"
pairs in hundredths of a degree, rings separated by "|".

Usage: python3 scripts/natural_earth_subset.py ne_110m_admin_0_countries.geojson > OUT
"""
import json
import sys

KEEP = (
    "ALB AUT BEL BGR HRV CYP CZE DNK EST FIN FRA DEU GRC HUN ISL IRL ITA LVA LTU LUX MNE NLD MKD "
    "NOR POL PRT ROU SVK SVN ESP SWE TUR GBR RUS BLR UKR MDA SRB BIH KOS CHE GEO ARM AZE "
    "MAR DZA TUN LBY EGY SYR IRQ IRN LBN ISR JOR KAZ"
).split()
BOX = (-25.0, 34.0, 45.0, 72.0)  # lon min, lat min, lon max, lat max
TOLERANCE_DEG = 0.06


def clip(ring, box):
    """Sutherland-Hodgman clipping of a closed ring to an axis-aligned box."""
    x0, y0, x1, y1 = box
    edges = [
        (lambda p: p[0] >= x0, lambda a, b: (x0, a[1] + (b[1] - a[1]) * (x0 - a[0]) / (b[0] - a[0]))),
        (lambda p: p[0] <= x1, lambda a, b: (x1, a[1] + (b[1] - a[1]) * (x1 - a[0]) / (b[0] - a[0]))),
        (lambda p: p[1] >= y0, lambda a, b: (a[0] + (b[0] - a[0]) * (y0 - a[1]) / (b[1] - a[1]), y0)),
        (lambda p: p[1] <= y1, lambda a, b: (a[0] + (b[0] - a[0]) * (y1 - a[1]) / (b[1] - a[1]), y1)),
    ]
    out = ring
    for inside, cross in edges:
        if not out:
            break
        src, out = out, []
        prev = src[-1]
        for cur in src:
            if inside(cur):
                if not inside(prev):
                    out.append(cross(prev, cur))
                out.append(cur)
            elif inside(prev):
                out.append(cross(prev, cur))
            prev = cur
    return out


def simplify(points, tol):
    """Douglas-Peucker on an open polyline."""
    if len(points) < 3:
        return points
    (ax, ay), (bx, by) = points[0], points[-1]
    dx, dy = bx - ax, by - ay
    norm = (dx * dx + dy * dy) ** 0.5
    best, idx = -1.0, 0
    for i in range(1, len(points) - 1):
        px, py = points[i]
        d = abs(dy * px - dx * py + bx * ay - by * ax) / norm if norm > 0 else ((px - ax) ** 2 + (py - ay) ** 2) ** 0.5
        if d > best:
            best, idx = d, i
    if best <= tol:
        return [points[0], points[-1]]
    return simplify(points[: idx + 1], tol)[:-1] + simplify(points[idx:], tol)


def main():
    data = json.load(open(sys.argv[1], encoding="utf-8"))
    rows = {}
    for feature in data["features"]:
        code = feature["properties"]["ADM0_A3"]
        if code not in KEEP:
            continue
        geom = feature["geometry"]
        polys = geom["coordinates"] if geom["type"] == "MultiPolygon" else [geom["coordinates"]]
        rings = []
        for poly in polys:
            outer = [tuple(p) for p in poly[0][:-1]]
            ring = clip(outer, BOX)
            if len(ring) < 3:
                continue
            ring = simplify(ring + [ring[0]], TOLERANCE_DEG)[:-1]
            if len(ring) < 3:
                continue
            text = " ".join(f"{round(x * 100)},{round(y * 100)}" for x, y in ring)
            rings.append(text)
        if rings:
            rows[code] = "|".join(rings)
    print("# Natural Earth 1:110m Admin 0 - Countries, public domain (naturalearthdata.com/about/terms-of-use).")
    print("# From geojson/ne_110m_admin_0_countries.geojson of github.com/nvkelso/natural-earth-vector.")
    print("# Subset, clipped and simplified by scripts/natural_earth_subset.py: ISO3 (ADM0_A3), then outer")
    print("# rings of lon,lat in hundredths of a degree, rings separated by |. Lakes and holes are left out.")
    for code in sorted(rows):
        print(f"{code} {rows[code]}")


main()
