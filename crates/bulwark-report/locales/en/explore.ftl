# `bulwark explore`: headings, tables, sentences and charts of the text, Markdown and HTML
# reports (the JSON stays English and does not use these).

ex-heading = bulwark explore { $method }: `{ $outcome }` ({ $unit }) of model `{ $model }`{ $scenario }; { $runs } runs, seed { $seed }
ex-heading-scenario = , scenario `{ $scenario }`
ex-col-parameter = parameter
ex-col-unit = unit
ex-col-interval = interval
ex-ci = { $pct } interval
ex-morris-intro = Morris elementary effects: { $trajectories } trajectories on { $levels } levels{ $chosen }; effects in { $unit } per unit of probability (twice the outcome's change when a parameter moves across half of its distribution).
ex-morris-chosen = , chosen from { $candidates } for spread
ex-morris-ci = μ* { $pct } interval
ex-sobol-intro = Sobol indices (Saltelli design, N = { $n }; first order: Saltelli 2010, total: Jansen 1999); { $pct } bootstrap intervals from { $resamples } resamples. Outcome mean { $mean }, variance { $variance } ({ $unit }²).
ex-col-s1-interval = S1 interval
ex-col-st-interval = ST interval
ex-second-order = Largest second-order indices:
ex-col-pair = pair
ex-prim-intro = PRIM scenario discovery: case of interest `{ $interest }` in { $cases } of { $runs } runs; peel { $peel }, paste { $paste }, minimum mass { $mass }.
ex-prim-chosen = Chosen box: trajectory index { $index }, pasted: coverage { $coverage }, density { $density }, mass { $mass } ({ $points } runs).
ex-col-restricted-parameter = restricted parameter
ex-col-lower = lower
ex-col-upper = upper
ex-col-quasi-p = quasi-p
ex-prim-trajectory = Peeling trajectory (pick a box with --box INDEX):
ex-col-index = index
ex-col-coverage = coverage
ex-col-density = density
ex-col-mass = mass
ex-col-restricted = restricted
ex-levers-intro = Levers of the scenario on common random numbers: every run once without and once with each lever, on the same draws. Change = mean(with − without) in { $unit }, with its { $pct } bootstrap interval ({ $resamples } resamples); per EUR bn = change ÷ the lever's cost; p5–p95 = the per-run change over the uncertainties.
ex-col-lever = lever
ex-col-cost = cost EUR bn
ex-col-without = without
ex-col-with = with
ex-col-change = change
ex-col-per-eur-bn = per EUR bn
ex-col-p5-p95 = per-run p5–p95
ex-not-read = not read
ex-no-budget-cost = no budget cost
ex-p5-to-p95 = { $p5 } to { $p95 }
ex-levers-list = The levers ("not read": the lever moves no parameter this model reads):
ex-col-what = what it is
ex-col-moves = moves
ex-col-cost-basis = cost basis
ex-cost-judgement = judgement (scenario rationale)
ex-cost-source = source { $source }
ex-every-outcome = Every outcome of the model:
ex-col-outcome = outcome
ex-col-meaning = meaning
ex-col-kind = kind
ex-col-distribution = distribution
ex-h-parameters = Parameters varied
ex-list-outcomes = model `{ $model }`: outcomes
ex-list-parameters = model `{ $model }`: parameters (uncertain ones are explored by --all-uncertain)
ex-chart-morris = Morris screening of { $outcome }
ex-chart-morris-x = μ*, mean absolute elementary effect ({ $unit } per unit of probability)
ex-chart-morris-y = σ of the effects ({ $unit } per unit of probability)
ex-chart-sobol = Sobol indices of { $outcome }
ex-chart-sobol-value = Sobol index (share of the outcome's variance, 0–1)
ex-series-first = first order S1
ex-series-total = total ST
ex-chart-prim = PRIM coverage–density trade-off for { $outcome }
ex-chart-prim-x = coverage (share of the cases of interest inside the box)
ex-chart-prim-y = density (share of the box's runs that are cases of interest)
ex-prim-box = box { $index }
ex-lever-lowers = { $lever } (lowers; EUR { $cost } bn)
ex-lever-raises = { $lever } (raises; EUR { $cost } bn)
ex-chart-levers = Levers: change of { $outcome }
ex-chart-levers-value = size of the mean change of { $outcome } ({ $unit })
ex-series-levers = mean change with its interval

# Kinds of parameters (explore list).
ex-kind-uncertain = uncertain
ex-kind-fixed = fixed
ex-kind-setting = setting

# Outcome units (English keeps the outcome's own word; these are its spelling).
ex-unit-hours = hours
ex-unit-battalions = battalions
ex-unit-fraction = fraction
ex-unit-warheads = warheads
ex-unit-missiles = missiles
ex-unit-score = score
ex-unit-year = year
ex-unit-EUR_bn = EUR bn

# What each outcome measures (`ex-outcome-<name>`, the name's dots as hyphens); English uses the
# model's own words, which these repeat.
ex-outcome-baltic-held = 1 when Red is short of the objective at the horizon
ex-outcome-baltic-hours_to_objective = hours until Red reaches the objective (horizon + 1: held)
ex-outcome-baltic-held_day_7 = 1 when the defence holds at least 7 days
ex-outcome-baltic-held_day_14 = 1 when the defence holds at least 14 days
ex-outcome-baltic-held_day_28 = 1 when the defence holds at least 28 days
ex-outcome-baltic-held_day_60 = 1 when the defence holds at least 60 days
ex-outcome-baltic-blue_losses = Blue losses, battalion equivalents
ex-outcome-baltic-red_losses = Red losses, battalion equivalents
ex-outcome-nuclear-credibility = extended-deterrence credibility with the scenario's US posture
ex-outcome-nuclear-credibility_without_us = extended-deterrence credibility without the US
ex-outcome-nuclear-adversary_survivable_warheads = the adversary's survivable warheads
ex-outcome-iamd-leakers = total leakers over the campaign, with the scenario's US contribution
ex-outcome-iamd-leakers_without_us = total leakers without US fire units or interceptors
ex-outcome-iamd-leak_fraction = share of launches that leak, with the US
ex-outcome-iamd-leak_fraction_without_us = share of launches that leak, without the US
ex-outcome-decision-in_time_with_us = 1 when the alliance decides to act within decision_required_hours, the US leading
ex-outcome-decision-in_time_without_us = 1 when the alliance decides to act within decision_required_hours, Europeans alone
ex-outcome-decision-paralysed_without_us = 1 when neither body ever decides, Europeans alone
ex-outcome-assessment-strategic_assets_alone = axis 1 (strategic assets) score of Europe alone, 0 to 1
ex-outcome-assessment-multi_domain_alone = axis 5 (multi-domain forces) score of Europe alone, 0 to 1
ex-outcome-assessment-financial_alone = axis 3 (financial base) score of Europe alone, 0 to 1
ex-outcome-assessment-procurement_eur_bn = procurement to close Europe's own costed gaps
ex-outcome-assessment-horizon_cost_eur_bn = cost of closing the gaps over the horizon, operating costs included
ex-outcome-assessment-window_closes_year = year the last critical gap closes: the end of the window of vulnerability (horizon end + 1: still open)
ex-outcome-y = the test function's value

# A censored outcome (a time to an event that may not come within the horizon).
ex-censored-note = Censored outcome: `{ $outcome }` codes a run in which the event does not come within the horizon ({ $horizon } { $unit }) as a value above it, and { $beyond } of { $runs } runs ({ $share } %) are beyond the horizon. The figures below describe that coded value, not a time to the event{ $instead }.
ex-censored-share = ; the share itself is the outcome `{ $name }`, which { $method } screens without the code
ex-levers-censored = `{ $outcome }` is censored at the horizon ({ $horizon } { $unit }): a run in which the event does not come within it is counted in "beyond horizon", never averaged as its code. Without, with, change, its interval and the per-run p5–p95 are over the runs where the event came both without and with the lever ("runs compared").
ex-col-beyond = beyond horizon, without → with
ex-col-compared = runs compared
