# Chart texts and the HTML report parts after page 1 (assessment_html.rs, parts.rs, svg.rs).

h-scenario-and-data = Scenario and data
axis-coverage = coverage: available strength ÷ requirement (%)
axis-eur-bn-a-year-prices = EUR bn a year, { $base } prices
band-base-to-cost = from base-year spending ({ $base }) to it + cost to close per year ({ $cost })
axis-share-coalition = share of the coalition total (%)
legend-critical-line = critical line
legend-other-line = other line
legend-open = not closed within the horizon
legend-window-closes = window of vulnerability (closes { $year })
legend-window-open = window of vulnerability (open beyond { $year })
running-head = Bulwark net assessment
h-figures = Figures
map-heading = Who spends what share of GDP
map-title = Defence spending as a share of GDP in the base year, coalition members ({ $year })
map-legend = % of GDP, { $year }
map-outside = outside the coalition
map-missing = member without a figure
