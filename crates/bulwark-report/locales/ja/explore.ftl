# `bulwark explore`：テキスト、Markdown、HTMLの見出し、表、文、図（JSONは英語のまま）。

ex-heading = bulwark explore { $method }：モデル`{ $model }`の`{ $outcome }`（{ $unit }）{ $scenario }、試行{ $runs }回、シード{ $seed }
ex-heading-scenario = 、シナリオ`{ $scenario }`
ex-col-parameter = パラメータ
ex-col-unit = 単位
ex-col-interval = 区間
ex-ci = { $pct }区間
ex-morris-intro = Morris法の基本効果：{ $levels }水準の格子上の{ $trajectories }本の軌道{ $chosen }。効果の単位は確率1単位あたりの{ $unit }（パラメータが分布の半分を横切って動いたときの結果の変化の2倍）。
ex-morris-chosen = （ばらつきが大きくなるよう{ $candidates }本の候補から選択）
ex-morris-ci = μ*の{ $pct }区間
ex-sobol-intro = Sobol指数（Saltelliの計画、N = { $n }。一次指数はSaltelli 2010、総合指数はJansen 1999による）。区間は{ $resamples }回の再標本化による{ $pct }ブートストラップ区間。結果の平均は{ $mean }、分散は{ $variance }（{ $unit }²）。
ex-col-s1-interval = S1の区間
ex-col-st-interval = STの区間
ex-second-order = 二次指数の大きい組み合わせ：
ex-col-pair = 組み合わせ
ex-prim-intro = PRIMによるシナリオ発見：注目するケース`{ $interest }`は試行{ $runs }回のうち{ $cases }回。剥離率{ $peel }、貼り付け率{ $paste }、最小質量{ $mass }。
ex-prim-chosen = 選んだボックス：剥離の軌跡の番号{ $index }、貼り付け後のカバレッジ{ $coverage }、密度{ $density }、質量{ $mass }（試行{ $points }回）。
ex-col-restricted-parameter = 制約したパラメータ
ex-col-lower = 下限
ex-col-upper = 上限
ex-col-quasi-p = 準p値
ex-prim-trajectory = 剥離の軌跡（--box INDEXでボックスを選ぶ）：
ex-col-index = 番号
ex-col-coverage = カバレッジ
ex-col-density = 密度
ex-col-mass = 質量
ex-col-restricted = 制約数
ex-levers-intro = 共通乱数によるシナリオのレバーの比較：各試行を、同じ乱数で、レバーなしで1回、各レバーありで1回ずつ実行する。変化＝（あり − なし）の平均（{ $unit }）と、その{ $pct }ブートストラップ区間（再標本化{ $resamples }回）。10億ユーロあたり＝変化÷レバーの費用。p5–p95＝不確実性にわたる試行ごとの変化。
ex-col-lever = レバー
ex-col-cost = 費用（10億ユーロ）
ex-col-without = なし
ex-col-with = あり
ex-col-change = 変化
ex-col-per-eur-bn = 10億ユーロあたり
ex-col-p5-p95 = 試行ごとのp5–p95
ex-not-read = 影響なし
ex-no-budget-cost = 予算上の費用なし
ex-p5-to-p95 = { $p5 }〜{ $p95 }
ex-levers-list = レバーの内容（「影響なし」：このモデルが読むパラメータをそのレバーが動かさない）：
ex-col-what = 内容
ex-col-moves = 動かすもの
ex-col-cost-basis = 費用の根拠
ex-cost-judgement = 判断（シナリオの根拠）
ex-cost-source = 出典 { $source }
ex-every-outcome = モデルのすべての結果：
ex-col-outcome = 結果
ex-col-meaning = 意味
ex-col-kind = 種類
ex-col-distribution = 分布
ex-h-parameters = 変化させたパラメータ
ex-list-outcomes = モデル`{ $model }`：結果
ex-list-parameters = モデル`{ $model }`：パラメータ（不確実なものは--all-uncertainで探索される）
ex-chart-morris = { $outcome }のMorris法スクリーニング
ex-chart-morris-x = μ*、基本効果の絶対値の平均（確率1単位あたりの{ $unit }）
ex-chart-morris-y = 効果のσ（確率1単位あたりの{ $unit }）
ex-chart-sobol = { $outcome }のSobol指数
ex-chart-sobol-value = Sobol指数（結果の分散に占める割合、0–1）
ex-series-first = 一次指数S1
ex-series-total = 総合指数ST
ex-chart-prim = { $outcome }に対するPRIMのカバレッジと密度のトレードオフ
ex-chart-prim-x = カバレッジ（注目するケースのうちボックス内にある割合）
ex-chart-prim-y = 密度（ボックス内の試行のうち注目するケースの割合）
ex-prim-box = ボックス{ $index }
ex-lever-lowers = { $lever }（低下、{ $cost }）
ex-lever-raises = { $lever }（上昇、{ $cost }）
ex-chart-levers = レバー：{ $outcome }の変化
ex-chart-levers-value = { $outcome }の平均変化の大きさ（{ $unit }）
ex-series-levers = 平均変化とその区間

# パラメータの種類（explore list）。
ex-kind-uncertain = 不確実
ex-kind-fixed = 固定
ex-kind-setting = 設定

# 結果の単位。
ex-unit-hours = 時間
ex-unit-battalions = 大隊
ex-unit-fraction = 割合（0–1）
ex-unit-warheads = 弾頭
ex-unit-missiles = 発
ex-unit-score = スコア
ex-unit-year = 年
ex-unit-EUR_bn = 10億ユーロ

# 各結果が測るもの（`ex-outcome-<名前>`、名前の点はハイフン）。
ex-outcome-baltic-held = 評価期間の終わりに赤が目標に達していなければ1
ex-outcome-baltic-hours_to_objective = 赤が目標に達するまでの時間（評価期間＋1：持ちこたえた）
ex-outcome-baltic-held_day_7 = 防衛が7日以上持ちこたえれば1
ex-outcome-baltic-held_day_14 = 防衛が14日以上持ちこたえれば1
ex-outcome-baltic-held_day_28 = 防衛が28日以上持ちこたえれば1
ex-outcome-baltic-held_day_60 = 防衛が60日以上持ちこたえれば1
ex-outcome-baltic-blue_losses = 青の損耗（大隊換算）
ex-outcome-baltic-red_losses = 赤の損耗（大隊換算）
ex-outcome-nuclear-credibility = シナリオの米国の関与の下での拡大抑止の信頼性
ex-outcome-nuclear-credibility_without_us = 米国抜きの拡大抑止の信頼性
ex-outcome-nuclear-adversary_survivable_warheads = 敵対国の残存可能な核弾頭数
ex-outcome-iamd-leakers = 作戦期間中に防空網を突破した総数（シナリオの米国の貢献を含む）
ex-outcome-iamd-leakers_without_us = 米国の射撃単位と迎撃ミサイルを除いた場合の突破総数
ex-outcome-iamd-leak_fraction = 発射のうち防空網を突破する割合（米国を含む）
ex-outcome-iamd-leak_fraction_without_us = 発射のうち防空網を突破する割合（米国抜き）
ex-outcome-decision-in_time_with_us = 同盟がdecision_required_hours以内に行動を決定すれば1（米国主導）
ex-outcome-decision-in_time_without_us = 同盟がdecision_required_hours以内に行動を決定すれば1（欧州諸国のみ）
ex-outcome-decision-paralysed_without_us = どちらの機関も決定に至らなければ1（欧州諸国のみ）
ex-outcome-assessment-strategic_assets_alone = 評価軸1（戦略アセット）の欧州単独のスコア（0〜1）
ex-outcome-assessment-multi_domain_alone = 評価軸5（多領域戦力）の欧州単独のスコア（0〜1）
ex-outcome-assessment-financial_alone = 評価軸3（財政基盤）の欧州単独のスコア（0〜1）
ex-outcome-assessment-procurement_eur_bn = 費用算定済みの欧州自身の不足を解消するための調達費
ex-outcome-assessment-horizon_cost_eur_bn = 評価期間中の不足解消の費用（運用費を含む）
ex-outcome-assessment-window_closes_year = 最後の重大な不足が解消される年、すなわち脆弱性の窓が閉じる年（評価期間の終わり＋1：なお未解消）
ex-outcome-y = テスト関数の値

# 打ち切りのある結果（評価期間内に起きないことがある事象までの時間）。
ex-censored-note = 打ち切りのある結果：`{ $outcome }`は、評価期間（{ $horizon }{ $unit }）内に事象が起きなかった試行をそれを上回る値で符号化しており、試行{ $runs }回のうち{ $beyond }回（{ $share }%）が評価期間を超えている。以下の数値は事象までの時間ではなく、この符号化された値を表す{ $instead }。
ex-censored-share = 。割合そのものは結果`{ $name }`であり、{ $method }はこれを符号化なしでスクリーニングする
ex-levers-censored = `{ $outcome }`は評価期間（{ $horizon }{ $unit }）で打ち切られている：事象が評価期間内に起きなかった試行は「評価期間超」に数え、その符号値を平均に含めることはない。なし、あり、変化、その区間、試行ごとのp5–p95は、レバーなしとありの両方で事象が起きた試行（「比較した試行」）についての値である。
ex-col-beyond = 評価期間超（なし → あり）
ex-col-compared = 比較した試行
