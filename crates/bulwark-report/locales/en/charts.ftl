# Chart texts and the HTML report parts after page 1 (assessment_html.rs, parts.rs, svg.rs).

h-scenario-and-data = Scenario and data
axis-coverage = coverage: available strength ÷ requirement (%)
axis-eur-bn-a-year-prices = EUR bn a year, { $base } prices
band-base-to-cost = from base-year spending ({ $base }) to it + cost to close per year ({ $cost })
axis-share-coalition = share of the coalition total (%)
legend-critical-line = critical line
legend-other-line = other line
legend-open = not closed within the horizon
legend-window-closes = critical gaps open (the last closes { $year })
legend-window-open = critical gaps open (beyond { $year })
running-head = Bulwark net assessment
h-figures = Figures
map-heading = Who spends what share of GDP
map-title = Defence spending as a share of GDP in the base year, coalition members ({ $year })
map-legend = % of GDP, { $year }
map-outside = outside the coalition
map-missing = member without a figure

# A capability line's notes (line_notes.rs).
note-exchange-rate = { $currency } rate of { $used } used for { $year }
note-price-index = euro price index of { $used } used for { $year }
note-cost-proxy = priced as { $proxy } (cost proxy, { $origin })
note-origin-default = default
note-fallback-lead-time = fallback lead time
note-fallback-production-rate = fallback production rate
note-fallback-recruitment-rate = fallback recruitment rate
note-assembled = raised as its tanks, fighting vehicles, guns and people arrive (costed there)

# The reasoning behind each nuclear option (html_nuclear.rs).
reason-ican = ICAN { $year }: { $usd } = { $eur }
reason-us-umbrella = keeps the US umbrella as far as the scenario's US posture ({ $posture }) does; NATO nuclear sharing is held compliant with the NPT by NATO
reason-french-extended = raises France's commitment factor by { $gain }; costs { $share } of France's nuclear spending ({ $ican })
reason-uk-french = each counts the pooled UK and French survivable warheads and its commitment rises by { $gain }; costs { $share } of UK plus French nuclear spending ({ $ican })
reason-raise-french = raises France's { $factor } factor by { $gain }
reason-latent = a national deterrent that counts as { $warheads } survivable warheads; legal under the NPT with safeguards
reason-national-arsenal = a national deterrent of { $warheads } survivable warheads; costs { $multiple } × France's nuclear spending ({ $ican }); requires leaving the NPT (Article X)
reason-conventional = adds a non-nuclear source of deterrence of credibility { $credibility }
reason-european-pooled = a jointly funded force backed by { $share } of the UK and French survivable warheads ({ $warheads }), whose stake is Europe's own and whose value is the { $population } million people of the EU and the UK; { $release }
reason-joint-release = joint release by non-nuclear states would breach NPT Articles I and II
reason-release-kept = release stays with France and the UK, as NATO's sharing arrangements keep it with the US

# The EU instruments in the budget headroom (assessment_html.rs).
instrument-safe-loans = SAFE loans
instrument-readiness-2030-fiscal-space-beyond-the-path = Readiness 2030 fiscal space beyond the path

# The provenance paragraph of every HTML page (provenance_view.rs).
prov-heading = Provenance
prov-commit = commit
prov-dataset = dataset
prov-scenario = scenario
prov-model = model
prov-seed = seed
prov-runs = runs { $start }..{ $end } of { $total }
prov-shard = shard
prov-sampler = sampler
prov-command = command

# `bulwark simulate` and `bulwark merge` (ensemble_view.rs, ensemble_html.rs).
ens-title = Bulwark ensemble: { $model } on scenario { $scenario }
ens-settings = Run settings
ens-outcomes = Distributions of the outcomes
ens-cdf-y = share of runs at or below (%)
ens-band = 5th to 95th percentile
ens-cdf = cumulative distribution
ens-no-values = No run gave a finite value.
ens-chart-title = Distribution of { $metric } over the runs
ens-x-title = { $metric } (model units)
ens-model = model
ens-scenario = scenario
ens-seed = seed
ens-runs = runs (this shard / total)
ens-runs-value = { $n } / { $total } (runs { $start }..{ $end })
ens-sampler = sampler
ens-completed = completed
ens-failed = failed
ens-failed-because = failed ({ $reason })
ens-line = runs { $n } of { $total } (runs { $start }..{ $end }, seed { $seed }), { $completed } completed, { $failed } failed
ens-metric = metric
ens-count = count
ens-censored = beyond horizon
ens-non-finite = non-finite
ens-mean = mean
ens-sd = sd
ens-min = min
ens-p5 = p5
ens-p50 = p50
ens-p95 = p95
ens-max = max
ens-censored-note = { $metric }: { $censored } of { $runs } runs ({ $share }) go beyond the horizon of { $horizon } (the event did not come within it); mean, sd, min and max are over the { $count } runs where it came, and a percentile beyond the horizon reads “> { $horizon }”.
ens-text-title = bulwark simulate { $model }: scenario `{ $scenario }`

# The assumptions table: units, forms and origins of the parameters (assessment_view.rs).
origin-set-in = set in { $place }
form-value = value
form-uniform = uniform
form-triangular = triangular
form-normal = normal
form-lognormal = lognormal
form-pert = pert
form-discrete = discrete
unit-param-fraction = share (0–1)
unit-param-count = count
unit-param-years = years
unit-param-year = year
unit-param-probability = probability
unit-param-weight = weight
unit-param-days = days
unit-param-multiplier = multiplier
unit-param-ratio = ratio
unit-param-km2 = km²
unit-param-hours = hours
unit-param-km_per_hour = km/h
unit-param-km = km
