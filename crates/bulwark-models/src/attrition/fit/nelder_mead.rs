//! A small Nelder–Mead simplex minimiser, enough for the 1–6 parameters of an attrition fit.
//!
//! Standard coefficients (reflection 1, expansion 2, contraction ½, shrink ½; Nelder & Mead
//! 1965, doi:10.1093/comjnl/7.4.308) with one restart from the best point, which cures most
//! premature collapses of the simplex (Press et al., *Numerical Recipes*, §10.5).
//! Non-finite objective values count as +∞, so a failed simulation is simply a bad point.

/// Where the search stopped.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Minimum {
    pub(crate) x: Vec<f64>,
    pub(crate) value: f64,
    pub(crate) evaluations: usize,
    pub(crate) converged: bool,
}

/// Stopping rules.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Settings {
    /// Stop when the simplex's values differ by less than this, relative to the best.
    pub(crate) value_tolerance: f64,
    /// ...and its vertices lie within this of the best in every coordinate.
    pub(crate) x_tolerance: f64,
    pub(crate) max_evaluations: usize,
}

/// Minimises `objective` from `start`, with initial simplex edges `steps`.
pub(crate) fn minimise(
    mut objective: impl FnMut(&[f64]) -> f64,
    start: &[f64],
    steps: &[f64],
    settings: Settings,
) -> Minimum {
    let mut evaluations = 0;
    let mut counted = |x: &[f64]| {
        evaluations += 1;
        let value = objective(x);
        if value.is_finite() {
            value
        } else {
            f64::INFINITY
        }
    };
    let first = search(&mut counted, start, steps, settings, settings.max_evaluations);
    let remaining = settings.max_evaluations.saturating_sub(first.evaluations);
    if remaining <= start.len() + 1 {
        return Minimum { evaluations, ..first };
    }
    let second = search(&mut counted, &first.x, steps, settings, remaining);
    let best = if second.value <= first.value { second } else { first };
    Minimum { evaluations, converged: best.converged, ..best }
}

fn search(
    objective: &mut impl FnMut(&[f64]) -> f64,
    start: &[f64],
    steps: &[f64],
    settings: Settings,
    budget: usize,
) -> Minimum {
    let mut simplex = Simplex::new(objective, start, steps);
    let mut used = simplex.points.len();
    while used < budget {
        simplex.sort();
        if simplex.converged(settings) {
            return simplex.into_minimum(used, true);
        }
        used += simplex.iterate(objective);
    }
    simplex.sort();
    let converged = simplex.converged(settings);
    simplex.into_minimum(used, converged)
}

struct Simplex {
    /// `(vertex, value)`, sorted best first by [`Simplex::sort`].
    points: Vec<(Vec<f64>, f64)>,
}

impl Simplex {
    fn new(objective: &mut impl FnMut(&[f64]) -> f64, start: &[f64], steps: &[f64]) -> Simplex {
        let mut points = vec![(start.to_vec(), objective(start))];
        for (idx, step) in steps.iter().enumerate() {
            let mut vertex = start.to_vec();
            vertex[idx] += step;
            let value = objective(&vertex);
            points.push((vertex, value));
        }
        Simplex { points }
    }

    fn sort(&mut self) {
        self.points.sort_by(|x, y| x.1.total_cmp(&y.1));
    }

    /// Converged when the vertices are within `x_tolerance` of the best, or when the values
    /// agree to `value_tolerance` on a simplex already small (a flat valley floor). Testing
    /// the points matters for exact data, where the best value tends to 0 and a relative test
    /// on values alone never passes.
    fn converged(&self, settings: Settings) -> bool {
        let (best, best_value) = &self.points[0];
        let worst_value = self.points[self.points.len() - 1].1;
        let spread = |tolerance: f64| {
            self.points
                .iter()
                .all(|(vertex, _)| vertex.iter().zip(best).all(|(p, q)| (p - q).abs() <= tolerance))
        };
        let values_close = worst_value - best_value <= settings.value_tolerance * best_value.abs();
        spread(settings.x_tolerance) || (values_close && spread(1e-3))
    }

    /// One Nelder–Mead move on a sorted simplex; returns the number of evaluations it used.
    fn iterate(&mut self, objective: &mut impl FnMut(&[f64]) -> f64) -> usize {
        let n_worst = self.points.len() - 1;
        let centroid = self.centroid();
        let worst = self.points[n_worst].clone();
        let toward =
            |t: f64| -> Vec<f64> { centroid.iter().zip(&worst.0).map(|(c, w)| c + t * (c - w)).collect() };
        let reflected = toward(1.0);
        let reflected_value = objective(&reflected);
        if reflected_value < self.points[0].1 {
            let expanded = toward(2.0);
            let expanded_value = objective(&expanded);
            self.points[n_worst] = if expanded_value < reflected_value {
                (expanded, expanded_value)
            } else {
                (reflected, reflected_value)
            };
            return 2;
        }
        if reflected_value < self.points[n_worst - 1].1 {
            self.points[n_worst] = (reflected, reflected_value);
            return 1;
        }
        // Contract outside if the reflection helped at all, inside otherwise.
        let outside = reflected_value < worst.1;
        let contracted = toward(if outside { 0.5 } else { -0.5 });
        let contracted_value = objective(&contracted);
        if contracted_value < reflected_value.min(worst.1) {
            self.points[n_worst] = (contracted, contracted_value);
            return 2;
        }
        self.shrink(objective) + 2
    }

    fn centroid(&self) -> Vec<f64> {
        let n_best = self.points.len() - 1;
        let mut acc = vec![0.0; self.points[0].0.len()];
        for (vertex, _) in &self.points[..n_best] {
            for (sum, value) in acc.iter_mut().zip(vertex) {
                *sum += value / n_best as f64;
            }
        }
        acc
    }

    fn shrink(&mut self, objective: &mut impl FnMut(&[f64]) -> f64) -> usize {
        let best = self.points[0].0.clone();
        for (vertex, value) in &mut self.points[1..] {
            for (coordinate, anchor) in vertex.iter_mut().zip(&best) {
                *coordinate = anchor + 0.5 * (*coordinate - anchor);
            }
            *value = objective(vertex);
        }
        self.points.len() - 1
    }

    fn into_minimum(mut self, evaluations: usize, converged: bool) -> Minimum {
        let (x, value) = self.points.swap_remove(0);
        Minimum { x, value, evaluations, converged }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SETTINGS: Settings = Settings { value_tolerance: 1e-14, x_tolerance: 1e-9, max_evaluations: 5000 };

    #[test]
    fn finds_the_rosenbrock_minimum() {
        let rosenbrock = |x: &[f64]| (1.0 - x[0]).powi(2) + 100.0 * (x[1] - x[0] * x[0]).powi(2);
        let minimum = minimise(rosenbrock, &[-1.2, 1.0], &[0.5, 0.5], SETTINGS);
        assert!(minimum.converged, "{minimum:?}");
        assert!((minimum.x[0] - 1.0).abs() < 1e-6 && (minimum.x[1] - 1.0).abs() < 1e-6, "{minimum:?}");
    }

    #[test]
    fn treats_nan_as_a_bad_point_and_respects_the_budget() {
        let bowl = |x: &[f64]| if x[0] < -5.0 { f64::NAN } else { (x[0] - 3.0).powi(2) + x[1].powi(2) };
        let minimum = minimise(bowl, &[0.0, 1.0], &[1.0, 1.0], SETTINGS);
        assert!((minimum.x[0] - 3.0).abs() < 1e-6, "{minimum:?}");
        let short = Settings { max_evaluations: 10, ..SETTINGS };
        let minimum = minimise(bowl, &[0.0, 1.0], &[1.0, 1.0], short);
        assert!(!minimum.converged && minimum.evaluations <= 16, "{minimum:?}");
    }
}
