# Words shared by every report: verdicts, units, table headers.

verdict-self-sufficient = self-sufficient
verdict-partially-dependent = partially dependent
verdict-dependent = dependent
benchmark-self-sufficient = self-sufficient
benchmark-covered = covered with the US
benchmark-partly-covered = partly covered with the US
benchmark-short = short even with the US
missing-no-inventory = no European inventory figure
missing-no-us-figure = no figure for the US contribution
missing-no-threat-figure = no figure for the adversary's holding
missing-threat-lower-bound = undetermined: the threat figure is a lower bound
missing-threat-claim = undetermined: the threat figure is an unverified claim
missing-europe-upper-bound = undetermined: Europe's figure is an upper bound
missing-threat-mixed = undetermined: the threat figure mixes lower and upper bounds
missing-europe-claim = undetermined: Europe's figure is an unverified claim
missing-europe-mixed = undetermined: Europe's figure sums lower and upper bounds
# A figure that is a bound on the true value, or a claim (line tables, page 1).
bound-lower = ≥ { $value }
bound-upper = ≤ { $value }
bound-claim = { $value } (claim)
bound-mixed = ~ { $value }
yes = yes
open = open
open-in = open in { $year }
none-dash = —

col-line = line
col-europe = Europe, available
col-us = US, available
col-required = required, available
col-europe-alone = Europe alone
col-with-us = with US
col-gap-alone = gap alone
col-cost-eur-bn = cost EUR bn
col-closes = closes
col-verdict-alone = verdict alone
col-with-the-us = with the US
col-closed-by = closed by { $year }
col-gap = gap, available
col-critical = critical
col-notes = notes
col-year = year
col-spending-eur-bn = spending EUR bn
col-related-eur-bn = related EUR bn
col-buying-power-eur-bn = buying power EUR bn
col-eu-instruments-eur-bn = EU instruments EUR bn
col-headroom-eur-bn = headroom EUR bn
col-parameter = parameter
col-value = value
col-unit = unit
col-form = form
col-origin = origin
col-rationale = rationale

# Levers of the window of vulnerability that close a group of lines.
lever-combat_aircraft = Combat aircraft (fourth and fifth generation)
lever-strategic_airlift = Strategic airlift
