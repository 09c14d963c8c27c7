# 図の文字とHTML報告書の第1ページ以降の部分（assessment_html.rs、parts.rs、svg.rs）。

h-scenario-and-data = シナリオとデータ
axis-coverage = 充足率：利用可能な戦力÷所要（%）
axis-eur-bn-a-year-prices = 年額（10億ユーロ、{ $base }年価格）
band-base-to-cost = 基準年の支出（{ $base }）から、それに年あたりの不足解消費用を加えた額（{ $cost }）まで
axis-share-coalition = 連合全体に占める割合（%）
legend-critical-line = 重大な能力ライン
legend-other-line = その他の能力ライン
legend-open = 評価期間内に解消しない
legend-window-closes = 重大な不足が残る期間（最後の解消は{ $year }年）
legend-window-open = 重大な不足が残る期間（{ $year }年以降も未解消）
running-head = Bulwarkネット・アセスメント
h-figures = 数値
map-heading = 各国の国防支出の対GDP比
map-title = 基準年の国防支出の対GDP比、連合加盟国（{ $year }年）
map-legend = 対GDP比（%）、{ $year }年
map-outside = 連合外
map-missing = 数値のない加盟国

# 能力ラインの注記（line_notes.rs）。
note-exchange-rate = { $year }年の値に{ $used }年の{ $currency }為替レートを使用
note-price-index = { $year }年の値に{ $used }年のユーロ物価指数を使用
note-cost-proxy = { $proxy }の単価で代用（費用の代替指標、{ $origin }）
note-origin-default = 既定値
note-fallback-lead-time = 調達リードタイムは既定の代替値
note-fallback-production-rate = 生産率は既定の代替値
note-fallback-recruitment-rate = 募集率は既定の代替値
note-assembled = 戦車・歩兵戦闘車・火砲・人員の到着に応じて編成（費用はそれぞれの能力ラインで計上）

# 核の選択肢ごとの根拠（html_nuclear.rs）。
reason-ican = ICAN { $year }年：{ $usd } = { $eur }
reason-us-umbrella = シナリオの米国の核態勢（{ $posture }）の範囲で米国の核の傘を維持する。NATOの核共有はNATOによりNPTに適合するとされる
reason-french-extended = フランスのコミットメント要因を{ $gain }高める。費用はフランスの核戦力経費の{ $share }（{ $ican }）
reason-uk-french = 英仏それぞれが両国の残存可能な核弾頭を合算して数え、コミットメントが{ $gain }高まる。費用は英仏の核戦力経費の{ $share }（{ $ican }）
reason-raise-french = フランスの{ $factor }要因を{ $gain }高める
reason-latent = 残存可能な核弾頭{ $warheads }発に相当する国家の抑止力。保障措置の下でNPT上合法
reason-national-arsenal = 残存可能な核弾頭{ $warheads }発の国家の核戦力。費用はフランスの核戦力経費の{ $multiple }倍（{ $ican }）。NPTからの脱退（第10条）を要する
reason-conventional = 信頼性{ $credibility }の非核の抑止手段を加える
reason-european-pooled = 英仏の残存可能な核弾頭の{ $share }（{ $warheads }発）に裏付けられた共同出資の戦力。その利害は欧州自身のもので、価値はEUと英国の{ $population }百万人の人口。{ $release }
reason-joint-release = 非核兵器国による共同の使用決定はNPT第1条・第2条に違反する
reason-release-kept = NATOの核共有が使用決定を米国に留めるのと同様に、使用決定は英仏に留まる

# 予算余力に含めるEUの制度（assessment_html.rs）。
instrument-safe-loans = SAFE融資
instrument-readiness-2030-fiscal-space-beyond-the-path = 「レディネス2030」の財政余地（支出経路を超える分）

# 各HTMLページの来歴（provenance_view.rs）。
prov-heading = 来歴
prov-commit = コミット
prov-dataset = データセット
prov-scenario = シナリオ
prov-model = モデル
prov-seed = シード
prov-runs = 試行 { $start }..{ $end }（全{ $total }回中）
prov-shard = 分割
prov-sampler = 抽出法
prov-command = コマンド

# `bulwark simulate` と `bulwark merge`（ensemble_view.rs、ensemble_html.rs）。
ens-title = Bulwarkアンサンブル：シナリオ{ $scenario }での{ $model }
ens-settings = 実行の設定
ens-outcomes = 結果の分布
ens-cdf-y = その値以下となった試行の割合（%）
ens-band = 5〜95パーセンタイル
ens-cdf = 累積分布
ens-no-values = 有限の値を返した試行はない。
ens-chart-title = 試行全体での{ $metric }の分布
ens-x-title = { $metric }（モデルの単位）
ens-model = モデル
ens-scenario = シナリオ
ens-seed = シード
ens-runs = 試行（この分割／全体）
ens-runs-value = { $n }／{ $total }（試行 { $start }..{ $end }）
ens-sampler = 抽出法
ens-completed = 完了
ens-failed = 失敗
ens-failed-because = 失敗（{ $reason }）
ens-line = 試行 { $n }／{ $total }（試行 { $start }..{ $end }、シード { $seed }）、完了 { $completed }、失敗 { $failed }
ens-metric = 指標
ens-count = 件数
ens-censored = 期間超過
ens-non-finite = 非有限
ens-mean = 平均
ens-sd = 標準偏差
ens-min = 最小
ens-p5 = p5
ens-p50 = p50
ens-p95 = p95
ens-max = 最大
ens-censored-note = { $metric }：{ $runs }回の試行のうち{ $censored }回（{ $share }）は期間（{ $horizon }）内に事象が起きなかった（打ち切り）。平均・標準偏差・最小・最大は事象が起きた{ $count }回についての値で、期間を超える百分位は「> { $horizon }」と示す。
ens-text-title = bulwark simulate { $model }：シナリオ `{ $scenario }`

# 前提の表：パラメータの単位、形式、設定元（assessment_view.rs）。
origin-set-in = { $place }で設定
form-value = 値
form-uniform = 一様分布
form-triangular = 三角分布
form-normal = 正規分布
form-lognormal = 対数正規分布
form-pert = PERT分布
form-discrete = 離散分布
unit-param-fraction = 割合（0–1）
unit-param-count = 数
unit-param-years = 年数
unit-param-year = 年
unit-param-probability = 確率
unit-param-weight = 重み
unit-param-days = 日
unit-param-multiplier = 倍率
unit-param-ratio = 比
unit-param-km2 = km²
unit-param-hours = 時間
unit-param-km_per_hour = km/時
unit-param-km = km
