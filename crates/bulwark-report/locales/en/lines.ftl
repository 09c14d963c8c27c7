# Capability lines (capability_lines.csv) and their domains; the English names are the dataset's.

line-active_personnel = Active military personnel
line-manoeuvre_brigades = Manoeuvre brigades
line-main_battle_tanks = Main battle tanks
line-infantry_fighting_vehicles = Infantry fighting vehicles
line-artillery_tube = Tube artillery
line-rocket_artillery = Rocket artillery
line-combat_aircraft_5th_gen = Fifth-generation combat aircraft
line-combat_aircraft_4th_gen = Fourth-generation combat aircraft
line-attack_helicopters = Attack helicopters
line-maritime_patrol_aircraft = Maritime patrol aircraft
line-sead_aircraft = SEAD and electronic-attack aircraft
line-tanker_aircraft = Air-to-air refuelling tankers
line-strategic_airlift_heavy = Heavy strategic airlift
line-airlift_a400m_class = A400M-class airlift
line-aewc_aircraft = Airborne early warning and control
line-isr_sigint_aircraft = ISR and SIGINT aircraft
line-male_hale_drones = MALE and HALE drones
line-sam_long_range_fire_units = Long-range SAM fire units
line-sam_medium_range_fire_units = Medium-range SAM fire units
line-interceptor_stock = Long-range interceptor stock
line-bmd_capable_ships = BMD-capable ships
line-long_range_strike_missiles = Long-range strike missiles
line-ssbn = Ballistic-missile submarines
line-ssn = Attack submarines (nuclear)
line-ssk = Attack submarines (conventional)
line-aircraft_carriers = Aircraft carriers
line-destroyers = Destroyers
line-frigates = Frigates
line-isr_satellites = ISR satellites
line-milsatcom_satellites = Military satcom satellites
line-early_warning_satellites = Missile early-warning satellites
line-deployable_corps_hq = Deployable corps headquarters

domain-land = land
domain-air = air
domain-maritime = maritime
domain-iamd = air and missile defence
domain-strike = long-range strike
domain-space = space
domain-c2_cyber = command, control and cyber

# What a line counts (capability_lines.csv, counted_in).
unit-aircraft = aircraft
unit-boats = boats
unit-brigades = brigades
unit-fire-units = fire units
unit-guns = guns
unit-headquarters = headquarters
unit-helicopters = helicopters
unit-launchers = launchers
unit-missiles = missiles
unit-persons = persons
unit-satellites = satellites
unit-ships = ships
unit-tanks = tanks
unit-vehicles = vehicles
