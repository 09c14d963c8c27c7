//! Air support: the multiplier a side's air power gives its ground combat power, after the
//! opponent's air defences and the side's own SEAD and tankers.

/// One side's air power committed to the campaign.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct AirPower {
    /// Combat aircraft available for the campaign (after availability), ≥ 0.
    pub combat_aircraft: f64,
    /// SEAD-capable aircraft available, ≥ 0.
    pub sead_aircraft: f64,
    /// SEAD aircraft needed to suppress the opponent's air defences fully; 0 = none needed.
    pub sead_needed: f64,
    /// Air-to-air refuelling tankers available, ≥ 0.
    pub tankers: f64,
    /// Tankers needed for full reach; 0 = none needed (short distances).
    pub tankers_needed: f64,
}

impl AirPower {
    /// No air power at all.
    pub const NONE: AirPower = AirPower {
        combat_aircraft: 0.0,
        sead_aircraft: 0.0,
        sead_needed: 0.0,
        tankers: 0.0,
        tankers_needed: 0.0,
    };
}

/// The constants of the air-support multiplier, shared by both sides.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct AirConstants {
    /// `A_max`: the largest relative bonus air support can give (0.5 = +50 %).
    pub bonus_max: f64,
    /// `S_half`: effective aircraft that give half of `A_max` (> 0).
    pub half_aircraft: f64,
    /// `f_T`: the share of sorties' effect that remains without any tanker.
    pub tanker_floor: f64,
}

impl Default for AirConstants {
    /// The baseline scenario's central values.
    fn default() -> AirConstants {
        AirConstants { bonus_max: 0.5, half_aircraft: 150.0, tanker_floor: 0.6 }
    }
}

/// `min(1, have / need)`, or 1 when nothing is needed.
fn sufficiency(have: f64, need: f64) -> f64 {
    if need > 0.0 {
        (have / need).clamp(0.0, 1.0)
    } else {
        1.0
    }
}

/// The air-support multiplier `A = 1 + A_max × S / (S + S_half)` of a side with `air`, facing
/// air defences that deny the share `enemy_iamd_denial` of an unsuppressed air effort
/// (see the model card).
pub fn air_multiplier(air: &AirPower, enemy_iamd_denial: f64, constants: &AirConstants) -> f64 {
    let reach = constants.tanker_floor
        + (1.0 - constants.tanker_floor) * sufficiency(air.tankers, air.tankers_needed);
    let suppressed = sufficiency(air.sead_aircraft, air.sead_needed);
    let penetration = 1.0 - enemy_iamd_denial * (1.0 - suppressed);
    let effective = air.combat_aircraft * reach * penetration;
    if effective > 0.0 {
        1.0 + constants.bonus_max * effective / (effective + constants.half_aircraft)
    } else {
        1.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hand_checked_multiplier() {
        // 300 aircraft, half the tankers needed, no SEAD against 60 % denial:
        // reach = 0.6 + 0.4 × 0.5 = 0.8; penetration = 0.4; S = 96; A = 1 + 0.5 × 96/246.
        let air = AirPower {
            combat_aircraft: 300.0,
            sead_aircraft: 0.0,
            sead_needed: 40.0,
            tankers: 10.0,
            tankers_needed: 20.0,
        };
        let multiplier = air_multiplier(&air, 0.6, &AirConstants::default());
        assert!((multiplier - (1.0 + 0.5 * 96.0 / 246.0)).abs() < 1e-12, "{multiplier}");
    }

    #[test]
    fn more_sead_and_tankers_never_lower_the_multiplier() {
        let constants = AirConstants::default();
        let base = AirPower {
            combat_aircraft: 200.0,
            sead_aircraft: 5.0,
            sead_needed: 40.0,
            tankers: 5.0,
            tankers_needed: 30.0,
        };
        let more = AirPower { sead_aircraft: 20.0, tankers: 25.0, ..base };
        assert!(air_multiplier(&more, 0.7, &constants) > air_multiplier(&base, 0.7, &constants));
        assert!((air_multiplier(&AirPower::NONE, 0.7, &constants) - 1.0).abs() < 1e-15);
    }
}
