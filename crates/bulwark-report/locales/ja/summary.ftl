# 第1ページ（要旨）（exec_summary.rs、html_summary.rs、assessment_view.rs のテキスト版第1ページ）。

s-window-heading = 脆弱性の窓
s-table-caption = 五つの評価項目と三つの問い：欧州単独の判定、その根拠となる90%範囲、シナリオが設定する米国の関与を含めた比較基準
s-col-test = 評価項目・問い
s-col-alone = 欧州単独
s-col-range = 90%範囲
s-col-with = 米国を含む

# 五つの文。
s-answer-not-yet = まだできない
s-answer-in-part = 一部のみ可能
s-answer-yes = できる
s-answer = { $word }：米国抜きの場合、欧州のNATO諸国とEU（{ $n }か国）は、単独で評価できる{ $assessed }項目のうち{ $own }項目に合格し、{ $partly }項目は一部合格、{ $dependent }項目は不合格
s-missing-item = { $name }（{ $pct }）
s-missing = 所要に対する充足率が最も低いのは{ $items }で、不足している能力ラインは計{ $n }
s-cost = 費用が判明している不足の解消には、調達費{ $procurement }、{ $years }年間の運用費を含めて{ $horizon }（90%範囲{ $range }）を要し、これはシナリオの支出経路が生む予算余力の{ $share }に当たる
s-time-closes = 予算措置された増強によって最後の重大な不足が解消されるのは{ $year }年（90%範囲{ $range }）で、{ $base }年から{ $years }年後である
s-time-open = 予算措置された増強を経ても{ $year }年に重大な能力ライン{ $n }件が未解消のままである
s-window-years = 脆弱性の窓（その年のロシア軍に対し、欧州単独でバルト三国を{ $day }日目まで守り切れる試行が{ $pct }未満の年）は{ $from }年から{ $to }年まで続く
s-window-years-broken = 脆弱性の窓（その年のロシア軍に対し、欧州単独でバルト三国を{ $day }日目まで守り切れる試行が{ $pct }未満の年）は{ $from }年から{ $to }年の間の{ $n }年に及ぶ
s-window-none = { $last }年までのどの年のロシア軍に対しても、欧州単独でバルト三国を{ $day }日目まで守り切れる試行は{ $pct }以上であり、脆弱性の窓はない
s-window-and-gaps = { $window }。これとは別に、{ $gaps }
s-danger-russia = 。ロシアは約{ $year }年以降、{ $war }を実施し得る
s-danger = { $year }年には、欧州単独ではバルト三国を{ $day }日目まで守り切れるのは試行の{ $alone }で、米国を含めれば{ $with }{ $russia }

# 判定表。
s-no-range = 中央値のみ
s-no-spread = { $value }（抽出したパラメータによる幅なし）
s-no-spread-band = { $what }：抽出したパラメータによる幅なし
s-no-data = 出典のある数値なし
s-not-assessed = 評価対象外
s-not-run = モデル未実行
s-credibility = 信頼性 { $value }
s-credibility-in = { $year }年の信頼性 { $value }
s-relative-score = 米国の核の傘に対する比 { $score }
s-q2-alone = 試行の{ $pct }で{ $day }日目まで持ちこたえる
s-q2-range = 持久確率 { $low }〜{ $high }
s-q2-with = 試行の{ $pct }
s-q3-alone = 最良の組み合わせ { $credibility }、年{ $cost }
s-q3-with = { $year }年の米国の核の傘 { $credibility }
question-short-Q1 = 米国の核の傘の喪失
question-short-Q2 = バルト三国へのロシアの攻撃の阻止
question-short-Q3 = 欧州独自の核抑止力
s-axis-answer = 米国抜き：{ $alone }、スコアの範囲 { $range }。シナリオが設定する米国の関与を含めると：{ $with }
axis-zero-alone = 欧州単独のスコアが0なのは、{ $lines }{ $n ->
   *[other] が
}0だからである。スコアは幾何平均なので、0の項目が一つあれば他の項目にかかわらず0になる
axis-zero-with-us = 米国を含むスコアが0なのは、米国を含めても{ $lines }{ $n ->
   *[other] が
}0だからである。スコアは幾何平均なので、0の項目が一つあれば他の項目にかかわらず0になる
term-iamd_threats_stopped = IAMDモデル：脅威を阻止する割合
term-c2_lines = 指揮統制ラインのスコア
term-decision_in_time = 期限内に決定する確率（同盟の意思決定モデル）
axis-weighted-mean = スコアは加重平均 { $w_lines } ×「{ $lines }」+ { $w_term } ×「{ $term }」：欧州単独で { $alone }、米国を含めて { $with_us }
axis-2-relative = この試験のスコアは信頼性そのものではなく比率である。欧州の信頼性を現状の米国の核の傘の信頼性（{ $year }年に{ $today }）で割り、上限を1としたもので、1.00は米国の核の傘と同程度に信頼できることを意味し、確実という意味ではない。信頼性そのものは問1が示す

# 最も重要な三つの前提。
key-moves = は{ $headline }を最も大きく動かす（スクリーニングした前提の効果全体の{ $share }{ $then }）
key-then = 。次いで{ $others }
key-share = { $label }（{ $share }）
key-only = は、スクリーニングした前提のうち{ $headline }を動かす唯一の前提である
key-method = いずれも、評価のモリス・スクリーニング（詳細な回答の各見出しの下に、シナリオファイル上の名前とともに示した要因）において、このページの見出しの一つを最も大きく動かす前提であり、バルト防衛、能力不足を埋める費用、最後の重要な不足が埋まる年の順に取り上げた。割合はμ*（一つの前提をその範囲で動かしたときの平均絶対効果）の合計に対する比。単位の異なる見出しへの効果は互いに比較しない。分散に基づく分析は`bulwark explore sobol`で得られる

# 時計の図。
s-clocks-title = 脆弱性の窓の時計：ロシアの準備が整い得る時期、欧州単独で持ちこたえられる時期、最後の重大な不足が解消される時期
s-clocks-band = 範囲（準備完了はp10〜p90、不足解消はp5〜p95）
s-clock-russia = ロシアの準備完了：{ $war }
s-clock-short-of = 脆弱性の窓：欧州単独の持久確率が{ $pct }未満（バルト）
s-clock-closes = 予算措置された増強による欧州の最後の重大な不足の解消
s-clock-window = 欧州単独では持ちこたえられない年（{ $years }）
s-not-in-horizon = 評価期間内にはない
s-about-year = 約{ $year }年
costing-excluded = シナリオは{ $lines }を費用算定から除外しているため、これらの不足には価格も解消時期も付かない
