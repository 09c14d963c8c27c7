# Page 1, the executive summary (exec_summary.rs, html_summary.rs, and the text report's page 1
# in assessment_view.rs).

s-window-heading = The window of vulnerability
s-table-caption = The five tests and three questions: Europe alone, the 90 % range behind the verdict, and the benchmark with the US as the scenario sets it
s-col-test = Test or question
s-col-alone = Europe alone
s-col-range = 90 % range
s-col-with = With the US

# The five sentences.
s-answer-not-yet = Not yet
s-answer-in-part = Only in part
s-answer-yes = Yes
s-answer = { $word }: without the United States, European NATO and the EU ({ $n } countries) pass { $own } of the { $assessed } tests that can be assessed on their own, { $partly } in part and fail { $dependent }
s-missing-item = { $name } ({ $pct })
s-missing = Most missing are { $items } of the requirement, with { $n } lines short in all
s-cost = Closing the costed gaps takes { $procurement } of procurement and { $horizon } (90 % range { $range }) with operating costs over { $years } years, { $share } of the budget headroom the scenario's spending path creates
s-time-closes = the funded build-up closes the last critical gap in { $year } (90 % range { $range }), { $years } years after { $base }
s-time-open = the funded build-up still leaves { $n } critical lines open in { $year }
s-window-years = The window of vulnerability, the years in which Europe alone holds the Baltic states to day { $day } in fewer than { $pct } of runs against Russia's force of that year, runs from { $from } to { $to }
s-window-years-broken = The window of vulnerability, the years in which Europe alone holds the Baltic states to day { $day } in fewer than { $pct } of runs against Russia's force of that year, covers { $n } years between { $from } and { $to }
s-window-none = Europe alone holds the Baltic states to day { $day } in at least { $pct } of runs against Russia's force of every year to { $last }, so there is no window of vulnerability
s-window-and-gaps = { $window }; separately, { $gaps }
s-danger-russia = , and Russia could mount a { $war } from about { $year }
s-danger = In { $year }, Europe alone holds the Baltic states to day { $day } in { $alone } of runs, against { $with } with the US{ $russia }

# The verdict table.
s-no-range = central value only
s-no-spread = { $value } (no spread over the drawn parameters)
s-no-spread-band = { $what }: no spread over the drawn parameters
s-no-data = no sourced figures
s-not-assessed = not assessed
s-not-run = model did not run
s-credibility = credibility { $value }
s-credibility-in = credibility { $value } in { $year }
s-relative-score = { $score } relative to the US umbrella
s-q2-alone = holds to day { $day } in { $pct } of runs
s-q2-range = P(hold) { $low }–{ $high }
s-q2-with = { $pct } of runs
s-q3-alone = best package { $credibility }, { $cost } a year
s-q3-with = US umbrella in { $year }: { $credibility }
question-short-Q1 = Losing the US nuclear umbrella
question-short-Q2 = Stopping a Russian attack on the Baltic states
question-short-Q3 = A European deterrent of its own
s-axis-answer = Without the US: { $alone }, score band { $range }; with the US as the scenario sets it: { $with }
axis-zero-alone = Europe's own score is 0 because { $lines } { $n ->
    [one] is
   *[other] are
} at zero: the score is a geometric mean, so one line at zero decides it whatever the others
axis-zero-with-us = The score with the US is 0 because { $lines } { $n ->
    [one] is
   *[other] are
} at zero even with the US: the score is a geometric mean, so one line at zero decides it whatever the others
term-iamd_threats_stopped = IAMD model: share of threats stopped
term-c2_lines = C2 lines' score
term-decision_in_time = P(decide in time), alliance decision model
axis-weighted-mean = The score is the weighted mean { $w_lines } × { $lines } + { $w_term } × { $term }: { $alone } Europe alone, { $with_us } with the US
axis-2-relative = This test's score is a ratio, not a credibility: Europe's credibility divided by that of the US umbrella as today ({ $today } in { $year }), capped at 1, so 1.00 means as credible as the US umbrella, not certain; Q1 gives the credibilities themselves

# The three assumptions that matter most.
key-moves = moves { $headline } most ({ $share } of the screened assumptions' effect{ $then })
key-then = ; then { $others }
key-share = { $label } ({ $share })
key-only = is the only screened assumption that moves { $headline }
key-method = Each is the assumption that moves one headline of this page most in the assessment's Morris screen (the drivers under each headline in the answer in detail, with their names in the scenario file), taking the Baltic defence, the cost of closing the gaps and the year the last gap closes in turn; shares of the sum of μ*, the mean absolute effect of moving one assumption across its range. Effects on headlines of different units are not ranked against each other; `bulwark explore sobol` gives the variance-based analysis

# The clocks chart.
s-clocks-title = Clocks of the window of vulnerability: when Russia could be ready, when Europe alone would hold, when its last critical gap closes
s-clocks-band = range (readiness p10–p90, closure p5–p95)
s-clock-russia = Russia ready: { $war }
s-clock-short-of = Window of vulnerability: Europe alone below { $pct } P(hold), Baltic
s-clock-closes = Funded build-up closes Europe's last critical gap
s-clock-window = years Europe alone would not hold ({ $years })
s-not-in-horizon = not within the horizon
s-about-year = about { $year }
costing-excluded = The scenario leaves { $lines } out of the costing, so those gaps are neither priced nor scheduled
