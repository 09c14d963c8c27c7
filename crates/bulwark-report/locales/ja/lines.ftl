# 能力ライン（capability_lines.csv）と領域。防衛省・自衛隊の用語に倣う。

line-active_personnel = 現役兵員
line-manoeuvre_brigades = 機動旅団
line-main_battle_tanks = 戦車
line-infantry_fighting_vehicles = 歩兵戦闘車
line-artillery_tube = 火砲（榴弾砲）
line-rocket_artillery = ロケット砲
line-combat_aircraft_5th_gen = 第5世代戦闘機
line-combat_aircraft_4th_gen = 第4世代戦闘機
line-attack_helicopters = 戦闘ヘリコプター
line-maritime_patrol_aircraft = 哨戒機
line-sead_aircraft = 敵防空網制圧（SEAD）・電子攻撃機
line-tanker_aircraft = 空中給油機
line-strategic_airlift_heavy = 大型戦略輸送機
line-airlift_a400m_class = A400M級輸送機
line-aewc_aircraft = 早期警戒管制機
line-isr_sigint_aircraft = 情報収集・警戒監視・偵察（ISR）・信号情報（SIGINT）機
line-male_hale_drones = 中高度・高高度長時間滞空型（MALE・HALE）無人機
line-sam_long_range_fire_units = 長距離地対空ミサイル射撃単位
line-sam_medium_range_fire_units = 中距離地対空ミサイル射撃単位
line-interceptor_stock = 長距離迎撃ミサイル保有数
line-bmd_capable_ships = 弾道ミサイル防衛（BMD）対応艦
line-long_range_strike_missiles = 長距離打撃ミサイル
line-ssbn = 弾道ミサイル原子力潜水艦
line-ssn = 攻撃型原子力潜水艦
line-ssk = 通常動力型潜水艦
line-aircraft_carriers = 航空母艦
line-destroyers = 駆逐艦
line-frigates = フリゲート
line-isr_satellites = 情報収集衛星
line-milsatcom_satellites = 軍事通信衛星
line-early_warning_satellites = ミサイル早期警戒衛星
line-deployable_corps_hq = 展開可能な軍団司令部

domain-land = 陸上
domain-air = 航空
domain-maritime = 海上
domain-iamd = 防空・ミサイル防衛
domain-strike = 長距離打撃
domain-space = 宇宙
domain-c2_cyber = 指揮統制・サイバー

# 能力ラインの数え方（capability_lines.csv の counted_in）。助数詞。
unit-aircraft = 機
unit-boats = 隻
unit-brigades = 個旅団
unit-fire-units = 個射撃単位
unit-guns = 門
unit-headquarters = 個司令部
unit-helicopters = 機
unit-launchers = 基
unit-missiles = 発
unit-persons = 人
unit-satellites = 基
unit-ships = 隻
unit-tanks = 両
unit-vehicles = 両
