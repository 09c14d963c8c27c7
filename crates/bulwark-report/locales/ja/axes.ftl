# 各評価軸の数値（axis_figures.rs）と問いへの答え（question_answers.rs）。評価の型付きの数値から
# 書く。ラベルは `fig-*`、値は `figval-*`。数値はロケールに合わせて整形済みで渡される。

## 評価軸1：戦略アセット。
fig-lines-without-data = 数値のない能力ライン
fig-iamd-ensemble-leak = IAMDアンサンブル（{ $runs }回試行）：全脅威のうち防空網を突破する割合、欧州単独／米国を含む（平均、p5–p95）
fig-iamd-ensemble-runs-out = IAMDアンサンブル：長距離迎撃ミサイルが{ $days }日以内に尽きる試行の割合と、尽きる場合の時期、欧州単独／米国を含む（平均、p5–p95）
fig-iamd-missiles = IAMD：{ $days }日間における1日あたりのミサイルの突破数（米国を含む／含まない）
fig-iamd-drones = IAMD：1日あたりの無人機の突破数（米国を含む／含まない）
fig-iamd-share = IAMD：全脅威のうち防空網を突破する割合（米国を含む／含まない）
fig-iamd-central-runs-out = 統合防空ミサイル防衛（IAMD）中心ケース：長距離迎撃ミサイルが尽きる時期（米国を含む／含まない）
fig-iamd-refused = IAMD飽和モデルが入力を受け付けなかった
figval-band = { $central }（{ $low }–{ $high }）
figval-pair = { $first } / { $second }
figval-runs-out-share = 試行の{ $share }で{ $central }日目（{ $low }–{ $high }）
figval-never-ran-out = 尽きる試行なし

## 評価軸2：核抑止。
fig-us-posture-kept = 維持される米国の核態勢
fig-credibility-today = { $year }年の信頼性、現状の米国の核の傘{ $after }
fig-after-elections = （{ $years }年の米国の選挙の後）
fig-credibility-scenario = { $year }年の信頼性、シナリオの米国の関与を含む
fig-credibility-scenario-first = { $year }年の信頼性、シナリオの米国の関与を含む（選挙の前）
fig-credibility-without = { $year }年の米国抜きの信頼性
fig-russian-survivable = ロシアの残存可能な核弾頭
fig-umbrella = { $state }の核の傘（シナリオ）
fig-nsnw-scenario = 非戦略核の均衡（シナリオ）
fig-nsnw-without = 非戦略核の均衡（米国抜き）
fig-nuclear-refused = 核モデルが入力を受け付けなかった
figval-p5-p95 = { $central }（p5–p95：{ $low }–{ $high }）
figval-umbrella = { $credibility } = { $factors }（W_s { $warheads }、W_s/D { $ratio }）
figval-umbrella-rounded = { $credibility } = { $factors }（W_s { $warheads }、W_s/D { $ratio }。丸める前の各要素の積）
figval-factor = { $factor } { $value }
figval-nsnw = ロシア { $russia } 対 欧州 { $europe } 発の非戦略核弾頭（{ $ratio }）
figval-ratio = 比率 { $ratio }
figval-unbounded = 無限大：欧州側はゼロ

## 評価軸3：財政基盤。
fig-cost-to-close = 評価期間中の不足解消費用（10億ユーロ）
fig-headroom = 累積の予算余力（10億ユーロ）
fig-extra-spending = 現在のGDPで目標に達するための年間追加支出（10億ユーロ）
fig-last-critical = 最後の重要な不足が解消される年
figval-after = { $year }年より後

## 評価軸4：戦略的統合。
fig-decide-alone = { $hours }時間以内に決定する確率、欧州のみ（{ $runs }回試行）
fig-decide-us-leading = { $hours }時間以内に決定する確率、米国主導
fig-decide-scenario = { $hours }時間以内に決定する確率、シナリオの米国の関与
fig-body = { $body }（{ $rule }）：所要時間の中央値、麻痺の確率（米国抜き）
fig-decision-refused = 意思決定時間モデル
figval-interval = { $central }（90%区間：{ $low }–{ $high }）
figval-body = { $median }、{ $paralysis }
figval-never = 決定に至らない
figval-not-run = 未実行：{ $reason }

## 評価軸5：多領域戦力。領域ごとのスコアと戦力パッケージ。
fig-score-land = 陸上のスコア（欧州単独）
fig-score-maritime = 海上のスコア（欧州単独）
fig-score-air = 航空のスコア（欧州単独）
fig-score-strike = 長距離打撃のスコア（欧州単独）
fig-score-space = 宇宙のスコア（欧州単独）
fig-score-domain = { $domain }のスコア（欧州単独）
fig-force-package = 米国の陸上貢献に代わる戦力パッケージ
figval-force-package = 兵員{ $troops }人 ÷ 旅団あたり{ $per_brigade }人 = { $brigades }個旅団
fig-force-package-line = 戦力パッケージ：{ $line }
figval-force-package-line = { $quantity }（旅団あたり{ $per_brigade }、{ $countries }の平均）
figval-force-package-no-member = 旅団数とこのラインの両方を報告する加盟国がない
fig-force-package-refused = 戦力パッケージ
figval-not-derived = 導出できない：{ $reason }

## 問いへの答え（一段落、JSONの `answer`）。
answer-q1 = { $year }年における欧州の同盟国に対する拡大抑止の信頼性：現状の米国の核の傘で{ $today }、米国抜きで{ $alone }。
answer-q2 = { $year }年のロシアによるバルト三国への攻撃で、防衛が{ $day }日目まで持ちこたえる試行の割合は米国を含めて{ $with }（{ $with_median }）、米国抜きで{ $alone }（{ $alone_median }）。各{ $runs }回試行、シード{ $seed }。
answer-q2-median = 目標到達までの中央値{ $hours }時間
answer-q2-held = ほとんどの試行で持ちこたえた
answer-q2-window = 各年のロシアの戦力に対し、予算の裏付けある増強を行った欧州単独の防衛が{ $day }日目まで持ちこたえる割合が{ $confidence }未満となるのは{ $span }、米国を含めると{ $span_with }。
answer-q2-span = { $total }年中{ $n }年（{ $years }）
answer-q2-no-year = 該当年なし
answer-q2-lever = 最も効果が大きいのは{ $lever }の即時解消（脆弱性の窓から{ $years }年短縮、持ちこたえる確率は平均{ $gain }ポイント）。
answer-q3 = 年{ $budget }の予算で{ $year }年までに最も信頼性の高いパッケージ（{ $options }）は{ $credibility }に達する。{ $year }年における現状の米国の核の傘は{ $us }、欧州単独では{ $alone }。
answer-q3-none = 年{ $budget }の予算で{ $year }年までに実現できる欧州の選択肢の組み合わせはない。
