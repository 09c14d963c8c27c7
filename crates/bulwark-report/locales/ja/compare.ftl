# `bulwark assess --compare A B`：表題、表の見出し、数値の名称、入力の値、注記。

cmp-title = Bulwark比較：`{ $a }`と`{ $b }`
cmp-html-title = Bulwark比較：{ $a }と{ $b }
cmp-html-h1 = 比較：<code>{ $a }</code>と<code>{ $b }</code>
cmp-h-inputs = 異なる入力
cmp-h-outcomes = 変化した数値とその要因
cmp-same-inputs = 解決後の二つのシナリオの入力は同じである。
cmp-col-input = 入力
cmp-col-figure = 数値
cmp-col-change = 変化
cmp-col-drivers = 要因（その入力だけを替えた場合の効果）
cmp-th-input = 入力
cmp-th-figure = 数値
cmp-th-change = 変化
cmp-th-drivers = 要因（その入力だけを替えた場合の効果）
cmp-note-drivers = 各要因の効果は、その入力一つだけを`{ $b }`から`{ $a }`に移した場合の効果である。モデル同士が相互に作用するため、効果の合計は変化と一致するとは限らない。
cmp-note-first = 異なる入力{ $inputs }件のうち、要因を算定したのは最初の{ $attributed }件のみである。

cmp-axis-alone = 評価軸{ $n }のスコア（欧州単独）
cmp-axis-with-us = 評価軸{ $n }のスコア（米国を含む）
cmp-procurement = 欧州の不足解消のための調達費（10億ユーロ）
cmp-horizon-cost = 評価期間中の費用（10億ユーロ）
cmp-headroom = 累積の予算余力（10億ユーロ）
cmp-affordability = 負担可能性比率
cmp-window-closes = 最後の重大な不足が解消される年
cmp-hold-alone = バルト防衛の持久確率（欧州単独）
cmp-hold-with-us = バルト防衛の持久確率（米国を含む）
cmp-credibility-alone = 核抑止の信頼性（欧州単独）
cmp-credibility-with-us = 核抑止の信頼性（米国を含む）
cmp-leak-alone = 防空網を突破する脅威の割合（欧州単独）
cmp-leak-with-us = 防空網を突破する脅威の割合（米国を含む）
cmp-decide-alone = 期限内に決定できる確率（欧州諸国のみ）
cmp-decide-with-us = 期限内に決定できる確率（シナリオの米国の関与）
cmp-coverage-alone = { $line }の充足率（欧州単独）
cmp-coverage-with-us = { $line }の充足率（米国を含む）

cmp-members = { $n }か国
cmp-ledger = 所要の算定方式{ $requirement }、対{ $adversary }、目標{ $targets }件、重み{ $weights }件
cmp-common-path = 共通の経路
cmp-own-paths = 独自の経路：{ $countries }
cmp-priority = 優先順位：{ $lines }
