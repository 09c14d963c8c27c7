# `bulwark assess --compare A B`: titles, table headings, figure labels, input values, notes.
# The JSON uses these English messages too, so they are also its values.

cmp-title = Bulwark comparison: `{ $a }` against `{ $b }`
cmp-html-title = Bulwark comparison: { $a } against { $b }
cmp-html-h1 = Comparison: <code>{ $a }</code> against <code>{ $b }</code>
cmp-h-inputs = Inputs that differ
cmp-h-outcomes = What changed, and what drives it
cmp-same-inputs = The two resolved scenarios have the same inputs.
cmp-col-input = input
cmp-col-figure = figure
cmp-col-change = change
cmp-col-drivers = driven by (effect of that input alone)
cmp-th-input = Input
cmp-th-figure = Figure
cmp-th-change = Change
cmp-th-drivers = Driven by (effect of that input alone)
cmp-note-drivers = Each driver's effect is that of taking that one input from `{ $b }` into `{ $a }`; effects need not add up, since the models interact.
cmp-note-first = Only the first { $attributed } of { $inputs } differing inputs are attributed.

cmp-axis-alone = axis { $n } score, Europe alone
cmp-axis-with-us = axis { $n } score, with the US
cmp-procurement = procurement to close Europe's gaps, EUR bn
cmp-horizon-cost = cost over the horizon, EUR bn
cmp-headroom = cumulative headroom, EUR bn
cmp-affordability = affordability ratio
cmp-window-closes = year the last critical gap closes
cmp-hold-alone = P(Baltic defence holds), Europe alone
cmp-hold-with-us = P(Baltic defence holds), with the US
cmp-credibility-alone = nuclear credibility, Europe alone
cmp-credibility-with-us = nuclear credibility, with the US
cmp-leak-alone = share of threats leaking, Europe alone
cmp-leak-with-us = share of threats leaking, with the US
cmp-decide-alone = P(decide in time), Europeans alone
cmp-decide-with-us = P(decide in time), scenario's US posture
cmp-coverage-alone = coverage { $line }, Europe alone
cmp-coverage-with-us = coverage { $line }, with the US

cmp-members = { $n } members
cmp-ledger = { $requirement } vs { $adversary }, { $targets } targets, { $weights } weights
cmp-common-path = common path
cmp-own-paths = own paths: { $countries }
cmp-priority = priority: { $lines }
