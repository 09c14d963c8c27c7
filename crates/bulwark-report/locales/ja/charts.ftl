# 図の文字とHTML報告書の第1ページ以降の部分（assessment_html.rs、parts.rs、svg.rs）。

h-scenario-and-data = シナリオとデータ
axis-coverage = 充足率：利用可能な戦力÷所要（%）
axis-eur-bn-a-year-prices = 年額（10億ユーロ、{ $base }年価格）
band-base-to-cost = 基準年の支出（{ $base }）から、それに年あたりの不足解消費用を加えた額（{ $cost }）まで
axis-share-coalition = 連合全体に占める割合（%）
legend-critical-line = 重大な能力ライン
legend-other-line = その他の能力ライン
legend-open = 評価期間内に解消しない
legend-window-closes = 脆弱性の窓（{ $year }年に閉じる）
legend-window-open = 脆弱性の窓（{ $year }年以降も開いたまま）
running-head = Bulwarkネット・アセスメント
h-figures = 数値
map-heading = 各国の国防支出の対GDP比
map-title = 基準年の国防支出の対GDP比、連合加盟国（{ $year }年）
map-legend = 対GDP比（%）、{ $year }年
map-outside = 連合外
map-missing = 数値のない加盟国
