//! Validation of PRIM on a planted box.

use bulwark_ensemble::{unit_closed_open, Streams};

use super::*;

/// Issue 13's case: points uniform in the unit cube (here 5 dimensions), `y = 1` inside
/// `[0.6, 1] × [0, 0.3]` on the first two, each label flipped with probability 5 %.
fn planted(n: usize, seed: u64) -> (Vec<Vec<f64>>, Vec<bool>) {
    let streams = Streams::new(seed);
    let mut columns: Vec<Vec<f64>> = (0..5).map(|_| Vec::with_capacity(n)).collect();
    let mut labels = Vec::with_capacity(n);
    for i in 0..n {
        let mut rng = streams.run(i as u64);
        let x: Vec<f64> = (0..5).map(|_| unit_closed_open(&mut rng)).collect();
        let inside = x[0] >= 0.6 && x[1] <= 0.3;
        let flip = unit_closed_open(&mut rng) < 0.05;
        labels.push(inside != flip);
        for (column, value) in columns.iter_mut().zip(x) {
            column.push(value);
        }
    }
    (columns, labels)
}

/// The planted box is recovered within 0.05 on each bound (issue 13), choosing on the
/// trajectory the box of largest coverage with density ≥ 0.9, then pasting; the three noise
/// dimensions stay unrestricted or nearly so.
#[test]
fn recovers_a_planted_box_within_0_05() {
    let (columns, labels) = planted(20_000, 1);
    let data = PrimData::new(&columns, &labels).unwrap();
    let settings = PrimSettings::default();
    let trajectory = data.peel(&settings).unwrap();
    let chosen = data.paste(&trajectory[choose_box(&trajectory, 0.9)], &settings).unwrap();
    let expected = [(0.6, 1.0), (0.0, 0.3), (0.0, 1.0), (0.0, 1.0), (0.0, 1.0)];
    for (j, (low, high)) in expected.iter().enumerate() {
        assert!((chosen.lower[j] - low).abs() < 0.05, "dim {j}: {chosen:?}");
        assert!((chosen.upper[j] - high).abs() < 0.05, "dim {j}: {chosen:?}");
    }
    assert!(chosen.density > 0.85 && chosen.coverage > 0.6, "{chosen:?}");
    // The real restrictions are significant; the planted dimensions come first.
    let restrictions = data.restrictions(&chosen);
    for r in restrictions.iter().filter(|r| r.dim < 2) {
        assert!(r.qp_value < 1e-6, "{r:?}");
    }
    assert!(restrictions.iter().any(|r| r.dim == 0) && restrictions.iter().any(|r| r.dim == 1));
}

#[test]
fn the_trajectory_trades_coverage_for_density() {
    let (columns, labels) = planted(5_000, 2);
    let data = PrimData::new(&columns, &labels).unwrap();
    let trajectory = data.peel(&PrimSettings::default()).unwrap();
    assert!(trajectory.len() > 10);
    assert!((trajectory[0].coverage - 1.0).abs() < 1e-12 && (trajectory[0].mass - 1.0).abs() < 1e-12);
    assert!(trajectory.windows(2).all(|w| w[1].coverage <= w[0].coverage && w[1].mass < w[0].mass));
    assert!(trajectory.last().unwrap().density > 2.0 * trajectory[0].density);
    assert!(trajectory.last().unwrap().mass >= 0.05);
    // The statistics kept along the way are those of a fresh count.
    let last = trajectory.last().unwrap();
    assert_eq!(data.box_with(last.lower.clone(), last.upper.clone()), *last);
}

#[test]
fn binomial_tail_matches_exact_values() {
    // P(Bin(10, 0.5) ≥ 8) = (45 + 10 + 1) / 1024.
    assert!((binomial_upper_tail(10, 0.5, 8) - 56.0 / 1024.0).abs() < 1e-12);
    assert!((binomial_upper_tail(10, 0.5, 0) - 1.0).abs() < 1e-12);
    assert!(binomial_upper_tail(10, 0.5, 11).abs() < 1e-12);
    assert!((binomial_upper_tail(3, 0.2, 1) - (1.0 - 0.8f64.powi(3))).abs() < 1e-12);
}

#[test]
fn bad_settings_and_data_are_errors() {
    let (columns, labels) = planted(100, 3);
    let data = PrimData::new(&columns, &labels).unwrap();
    let bad = PrimSettings { peel_alpha: 0.0, ..PrimSettings::default() };
    assert!(data.peel(&bad).is_err());
    assert!(PrimData::new(&columns, &labels[1..]).is_err());
    assert!(PrimData::new(&columns, &[false; 100]).is_err());
}
