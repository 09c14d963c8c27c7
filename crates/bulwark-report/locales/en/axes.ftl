# The figures of each axis (axis_figures.rs) and the questions' answers (question_answers.rs),
# written from the assessment's typed numbers. A label is `fig-*`, a value `figval-*`; the
# numbers arrive formatted for the locale.

## Axis 1, strategic assets.
fig-lines-without-data = lines without data
fig-iamd-ensemble-leak = IAMD ensemble of { $runs } runs: share of all threats leaking, Europe alone / with US (mean, p5–p95)
fig-iamd-ensemble-runs-out = IAMD ensemble: long-range interceptors run out within { $days } days, Europe alone / with US (share of runs; the day when they do: mean, p5–p95)
fig-iamd-missiles = IAMD: missiles leaking a day over { $days } days (with US / without)
fig-iamd-drones = IAMD: drones leaking a day (with US / without)
fig-iamd-share = IAMD: share of all threats leaking (with US / without)
fig-iamd-central-runs-out = IAMD central case: long-range interceptors run out (with US / without)
fig-iamd-refused = IAMD saturation model refused its inputs
figval-band = { $central } ({ $low }–{ $high })
figval-pair = { $first } / { $second }
figval-runs-out-share = in { $share } of runs, day { $central } ({ $low }–{ $high })
figval-never-ran-out = in no run

## Axis 2, nuclear deterrence.
fig-us-posture-kept = US nuclear posture kept
fig-credibility-today = credibility in { $year }, US umbrella as today{ $after }
fig-after-elections = , after the US elections of { $years }
fig-credibility-scenario = credibility in { $year }, scenario's US posture
fig-credibility-scenario-first = credibility in { $year }, scenario's US posture, before any election
fig-credibility-without = credibility in { $year } without the US
fig-russian-survivable = Russian survivable warheads
fig-umbrella = { $state } umbrella (scenario)
fig-nsnw-scenario = non-strategic balance, scenario
fig-nsnw-without = non-strategic balance without the US
fig-nuclear-refused = nuclear model refused its inputs
figval-p5-p95 = { $central } (p5–p95 { $low }–{ $high })
figval-umbrella = { $credibility } = { $factors } (W_s { $warheads }, W_s/D { $ratio })
figval-umbrella-rounded = { $credibility } = { $factors } (W_s { $warheads }, W_s/D { $ratio }; the product of the unrounded factors)
figval-factor = { $factor } { $value }
figval-nsnw = Russia { $russia } vs Europe { $europe } non-strategic warheads ({ $ratio })
figval-ratio = ratio { $ratio }
figval-unbounded = unbounded: none on Europe's side

## Axis 3, financial base.
fig-cost-to-close = cost to close over the horizon, EUR bn
fig-headroom = cumulative budget headroom, EUR bn
fig-extra-spending = extra spending a year at today's GDP, EUR bn
fig-last-critical = last critical gap closes
figval-after = after { $year }

## Axis 4, strategic integration.
fig-decide-alone = P(decide within { $hours } h), Europeans alone ({ $runs } runs)
fig-decide-us-leading = P(decide within { $hours } h), US leading
fig-decide-scenario = P(decide within { $hours } h), scenario's US posture
fig-body = { $body } ({ $rule }): median time, P(paralysis) without the US
fig-decision-refused = decision-time model
figval-interval = { $central } (90 % interval { $low }–{ $high })
figval-body = { $median }, { $paralysis }
figval-never = never
figval-not-run = not run: { $reason }

## Axis 5, multi-domain forces: a score per domain, the force package.
fig-score-land = land score, Europe alone
fig-score-maritime = maritime score, Europe alone
fig-score-air = air score, Europe alone
fig-score-strike = strike score, Europe alone
fig-score-space = space score, Europe alone
fig-score-domain = { $domain } score, Europe alone
fig-force-package = force package standing for the US land contribution
figval-force-package = { $troops } troops / { $per_brigade } per brigade = { $brigades } brigades
fig-force-package-line = force package: { $line }
figval-force-package-line = { $quantity } ({ $per_brigade } per brigade, average of { $countries })
figval-force-package-no-member = no member reports both brigades and this line
fig-force-package-refused = force package
figval-not-derived = not derived: { $reason }

## The questions' answers in one paragraph (the JSON's `answer`).
answer-q1 = Credibility of extended deterrence over a European ally by { $year }: { $today } with the US umbrella as today, { $alone } without it.
answer-q2 = In a Russian attack on the Baltic states in { $year }, the defence holds to day { $day } in { $with } of runs with the US ({ $with_median }) and in { $alone } without it ({ $alone_median }); { $runs } runs each, seed { $seed }.
answer-q2-median = median { $hours } h to the objective
answer-q2-held = held in most runs
answer-q2-window = Against Russia's force of each year, Europe alone with its funded build-up holds to day { $day } in fewer than { $confidence } of runs in { $span }; with the US in { $span_with }.
answer-q2-span = { $n } of { $total } years ({ $years })
answer-q2-no-year = no year
answer-q2-lever = Closing { $lever } at once would help most ({ $years } years out of the window, P(hold) { $gain } points on average).
answer-q3 = The most credible package for { $budget } a year by { $year } ({ $options }) reaches { $credibility }, against { $us } for the US umbrella as today in { $year } and { $alone } for Europe alone.
answer-q3-none = No package of European options fits { $budget } a year by { $year }.
