# 全報告書に共通する語：判定、単位、表の見出し。

verdict-self-sufficient = 自立可能
verdict-partially-dependent = 部分的に依存
verdict-dependent = 依存
benchmark-self-sufficient = 自立可能
benchmark-covered = 米国を含めれば充足
benchmark-partly-covered = 米国を含めて一部充足
benchmark-short = 米国を含めても不足
missing-no-inventory = 欧州の保有数の数値なし
missing-no-us-figure = 米国の貢献の数値なし
missing-no-threat-figure = 敵対国の保有数の数値なし
missing-threat-lower-bound = 未確定：脅威側の数値は下限値
missing-threat-claim = 未確定：脅威側の数値は未検証の主張
missing-europe-upper-bound = 未確定：欧州の数値は上限値
missing-threat-mixed = 未確定：脅威側の数値は上限値と下限値の混在
missing-europe-claim = 未確定：欧州の数値は未検証の主張
missing-europe-mixed = 未確定：欧州の数値は上限値と下限値の合計
# 真の値の上限・下限である数値、または主張（能力ラインの表、1ページ目）。
bound-lower = ≥ { $value }
bound-upper = ≤ { $value }
bound-claim = { $value }（主張）
bound-mixed = ~ { $value }
yes = あり
open = 未充足
open-in = { $year }年時点で未充足
none-dash = —

col-line = 能力ライン
col-europe = 欧州（稼働可能）
col-us = 米国（稼働可能）
col-required = 所要（稼働可能）
col-europe-alone = 欧州単独
col-with-us = 米国を含む
col-gap-alone = 単独での不足
col-cost-eur-bn = 費用（10億ユーロ）
col-closes = 充足年
col-verdict-alone = 単独での判定
col-with-the-us = 米国を含む判定
col-closed-by = { $year }年までの充足率
col-gap = 不足（稼働可能数）
col-critical = 重要
col-notes = 注記
col-year = 年
col-spending-eur-bn = 国防支出（10億ユーロ）
col-related-eur-bn = 関連支出（10億ユーロ）
col-buying-power-eur-bn = 購買力（10億ユーロ）
col-eu-instruments-eur-bn = EUの制度（10億ユーロ）
col-headroom-eur-bn = 余力（10億ユーロ）
col-parameter = パラメータ
col-value = 値
col-unit = 単位
col-form = 形式
col-origin = 設定元
col-rationale = 根拠

# Levers of the window of vulnerability that close a group of lines.
lever-combat_aircraft = 戦闘機（第4世代・第5世代）
lever-strategic_airlift = 戦略輸送
