#!/usr/bin/env bash
# Browser test of the HTML reports (issue 16), run by .ci/run: the baseline and
# `us-full-withdrawal` assessments in English and Japanese, each opened in headless Chromium
# (Debian's `chromium`, with `fonts-noto-cjk` for Japanese; both installed with apt-get when
# missing). Per report:
#   - no console message at all (the pages carry no script, so any message is an error);
#   - at 1,400 px, no element reaches beyond the page's width and the page does not scroll
#     sideways;
#   - every <svg> has a non-empty <title>; every chart (svg.chart) has axis labels (at least
#     two text labels), and an axis title (text.axis-title) as soon as any chart of the page
#     has one, unless it declares data-axes="none" (a map, a clock face); no text of a chart
#     reaches beyond the chart's edges;
#   - print-to-PDF gives a non-empty PDF;
#   - page 1 at 1,400 px is kept as a screenshot in target/browser-test/ (not committed).
# The layout and SVG checks run a small script injected into a copy of the page (the report
# itself stays script-free) and read its verdict from the DOM Chromium dumps.
#
#   scripts/browser-test.sh [path/to/bulwark]     # default target/debug/bulwark
#
# Exit 0 on success or on a printed SKIP (Chromium cannot be installed); 1 on failure.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
bulwark=$(realpath "${1:-$root/target/debug/bulwark}")
out="$root/target/browser-test"
width=1400

skip() {
    echo "browser-test: SKIP: $*"
    exit 0
}
fail() {
    echo "browser-test: FAIL: $*" >&2
    failed=$((failed + 1))
}

[ -x "$bulwark" ] || { echo "browser-test: FAIL: no bulwark binary at $bulwark" >&2; exit 1; }
missing=()
command -v chromium >/dev/null || missing+=(chromium)
[ -d /usr/share/fonts/opentype/noto ] && ls /usr/share/fonts/opentype/noto/NotoSansCJK* >/dev/null 2>&1 \
    || missing+=(fonts-noto-cjk)
if [ ${#missing[@]} -gt 0 ]; then
    [ "$(id -u)" = 0 ] || skip "${missing[*]} not installed and installing needs root"
    command -v apt-get >/dev/null || skip "${missing[*]} not installed and there is no apt-get"
    echo "browser-test: installing ${missing[*]}"
    if ! { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"; } \
        >/tmp/bulwark-browser-apt.log 2>&1; then
        skip "apt-get install ${missing[*]} failed (log: /tmp/bulwark-browser-apt.log)"
    fi
fi

rm -rf "$out"
mkdir -p "$out"
profile=$(mktemp -d /tmp/bulwark-chromium.XXXXXX)
trap 'rm -rf "$profile"' EXIT
# --no-sandbox: CI runs as root, where Chromium's sandbox refuses to start.
chrome() {
    timeout 120 chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run \
        --user-data-dir="$profile" --window-size="$width,1000" "$@"
}

# The checker injected into a copy of each page; it writes its findings as the text of
# <pre id="bulwark-check">, one problem a line, "OK" when there is none.
checker='<script>
addEventListener("load", () => {
  const problems = [];
  const page = document.documentElement.clientWidth;
  if (document.documentElement.scrollWidth > page + 1)
    problems.push("page scrolls sideways: " + document.documentElement.scrollWidth + " > " + page);
  for (const el of document.body.querySelectorAll("*")) {
    if (el.closest("svg") && el.tagName.toLowerCase() !== "svg") continue;
    const r = el.getBoundingClientRect();
    if (r.width > 0 && r.right > page + 1)
      problems.push("wider than the page: <" + el.tagName.toLowerCase() + (el.id ? "#" + el.id : "") +
        (el.className && el.className.baseVal === undefined ? "." + el.className : "") + "> right " + Math.round(r.right));
  }
  document.querySelectorAll("svg").forEach((svg, i) => {
    const title = svg.querySelector(":scope > title");
    const name = title ? title.textContent.trim() : "";
    if (!name) problems.push("svg " + i + " has no <title>");
    // Axis labels: the axis titles (text.axis-title) where the chart has them, and at
    // least two labels (ticks, categories) on every chart.
    if (svg.classList.contains("chart") && svg.getAttribute("data-axes") !== "none" &&
        svg.querySelectorAll("text").length < 2)
      problems.push("chart \"" + name + "\" has no axis labels");
    if (document.querySelector("svg text.axis-title") && svg.classList.contains("chart") &&
        svg.getAttribute("data-axes") !== "none" && !svg.querySelector("text.axis-title"))
      problems.push("chart \"" + name + "\" has no axis title while other charts have one");
    // Text cut off: a label that reaches beyond its chart (as a long Japanese label did when
    // its width was estimated in Latin characters).
    const box = svg.getBoundingClientRect();
    svg.querySelectorAll("text").forEach((text) => {
      const r = text.getBoundingClientRect();
      if (r.width > 0 && (r.left < box.left - 1 || r.right > box.right + 1))
        problems.push("chart \"" + name + "\": text \"" + text.textContent.slice(0, 40) + "\" reaches beyond the chart");
    });
  });
  const pre = document.createElement("pre");
  pre.id = "bulwark-check";
  pre.textContent = "\n" + (problems.length ? problems.slice(0, 40).join("\n") : "OK") + "\n";
  document.body.appendChild(pre);
});
</script>'

failed=0
for scenario in baseline us-full-withdrawal; do
    for lang in en ja; do
        name="$scenario-$lang"
        failed_before=$failed
        dir="$out/$name"
        mkdir -p "$dir"
        "$bulwark" assess --scenario "$scenario" --lang "$lang" --format html --out "$dir" --force >/dev/null
        page="$dir/assessment.html"
        [ -s "$page" ] || { fail "$name: no HTML written"; continue; }
        grep -q "<html lang=\"$lang\">" "$page" || fail "$name: <html lang=\"$lang\"> missing"

        # Console: the page as written, logging to stderr.
        chrome --enable-logging=stderr --v=0 --dump-dom "file://$page" >"$dir/dom.html" 2>"$dir/chromium.log" \
            || fail "$name: chromium --dump-dom failed (see $dir/chromium.log)"
        if grep -E ':CONSOLE(\(|:)' "$dir/chromium.log" >"$dir/console.txt"; then
            fail "$name: console messages: $(head -3 "$dir/console.txt")"
        fi

        # Layout and SVG: a copy with the checker.
        { sed -e 's#</body>##' -e 's#</html>##' "$page"; printf '%s\n</body>\n</html>\n' "$checker"; } >"$dir/checked.html"
        chrome --virtual-time-budget=10000 --dump-dom "file://$dir/checked.html" >"$dir/checked-dom.html" 2>/dev/null \
            || fail "$name: chromium --dump-dom of the checked copy failed"
        verdict=$(sed -n '/<pre id="bulwark-check">/,/<\/pre>/p' "$dir/checked-dom.html" | sed '1d;$d' \
            | sed -e 's/&gt;/>/g' -e 's/&lt;/</g' -e 's/&quot;/"/g' -e 's/&amp;/\&/g')
        if [ "$verdict" != "OK" ]; then
            fail "$name: ${verdict:-the checker did not run}"
        fi

        # Print to PDF (A4 from the print style sheet).
        chrome --no-pdf-header-footer --print-to-pdf="$dir/report.pdf" "file://$page" >/dev/null 2>&1 \
            || fail "$name: print-to-pdf failed"
        if [ ! -s "$dir/report.pdf" ] || [ "$(head -c 4 "$dir/report.pdf")" != "%PDF" ]; then
            fail "$name: print-to-pdf wrote no PDF"
        fi

        # Page 1 at 1,400 px, kept for people to look at.
        chrome --screenshot="$out/$name-page1.png" "file://$page" >/dev/null 2>&1 \
            || fail "$name: screenshot failed"
        [ -s "$out/$name-page1.png" ] || fail "$name: no screenshot"
        pages=$(grep -c '/Type /Page\b' "$dir/report.pdf" 2>/dev/null || true)
        [ "$failed" = "$failed_before" ] || continue
        echo "browser-test: $name: console clean, layout and charts checked, PDF $(stat -c %s "$dir/report.pdf") bytes${pages:+ ($pages pages)}, screenshot $name-page1.png"
    done
done
if [ "$failed" != 0 ]; then
    echo "browser-test: FAIL (artifacts in $out)" >&2
    exit 1
fi
echo "browser-test: OK (screenshots in $out)"
