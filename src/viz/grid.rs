//! An editable grid of numbers (a stepper's input or kernel) and its compact form in the URL.

use ndarray::Array3;

/// An editable grid of numbers: a stepper's input or kernel.
#[derive(Clone, Debug, PartialEq)]
pub struct Grid {
    /// (rows, cols).
    pub size: (usize, usize),
    /// `rows · cols` values, row-major.
    pub values: Vec<f32>,
}

impl Grid {
    /// A grid of `size` with `values`, or `None` when their count does not match.
    pub fn new(size: (usize, usize), values: Vec<f32>) -> Option<Grid> {
        (values.len() == size.0 * size.1).then_some(Grid { size, values })
    }

    /// A grid of `size` whose cell `(r, c)` is `f(r, c)`.
    pub fn from_fn(size: (usize, usize), f: impl Fn(usize, usize) -> f32) -> Grid {
        Grid {
            size,
            values: resize_grid(&[], (0, 0), size, f),
        }
    }

    /// Changes the size, keeping the values that still fit; new cells get `fill(r, c)`.
    pub fn resize(&mut self, size: (usize, usize), fill: impl Fn(usize, usize) -> f32) {
        self.values = resize_grid(&self.values, self.size, size, fill);
        self.size = size;
    }

    /// Sets cell `(r, c)` to `v`, if the grid is still `size`.
    pub fn set(&mut self, size: (usize, usize), r: usize, c: usize, v: f32) {
        if self.size == size && r < size.0 && c < size.1 {
            self.values[r * size.1 + c] = v;
        }
    }

    /// The grid as a `(1, rows, cols)` array.
    pub fn array(&self) -> Array3<f32> {
        one_channel(self.size, &self.values)
    }

    /// Fills every cell with a random integer of `range`.
    pub fn randomise(&mut self, rng: &mut impl rand::Rng, range: std::ops::RangeInclusive<i32>) {
        self.values
            .iter_mut()
            .for_each(|v| *v = rng.random_range(range.clone()) as f32);
    }
}

/// The values of a `old`-sized grid laid into a `new`-sized one, row-major: cells that still fit
/// keep their value, new ones get `fill(r, c)`.
fn resize_grid(
    values: &[f32],
    old: (usize, usize),
    new: (usize, usize),
    fill: impl Fn(usize, usize) -> f32,
) -> Vec<f32> {
    let mut out = Vec::with_capacity(new.0 * new.1);
    for r in 0..new.0 {
        for c in 0..new.1 {
            out.push(if r < old.0 && c < old.1 {
                values[r * old.1 + c]
            } else {
                fill(r, c)
            });
        }
    }
    out
}

/// A `(1, rows, cols)` array of row-major `values`. A [`Grid`] keeps `values` its size (building,
/// resizing and URL parsing all enforce it), so a mismatch is a bug, not user input.
fn one_channel(size: (usize, usize), values: &[f32]) -> Array3<f32> {
    Array3::from_shape_vec((1, size.0, size.1), values.to_vec())
        .expect("grid values match the grid size")
}

/// Small integers 0–4 in a pattern that does not repeat along rows or columns, for new cells.
pub fn pattern(r: usize, c: usize) -> f32 {
    ((r * 7 + c * 3 + 1) % 5) as f32
}

/// Comma-separated numbers for the URL.
pub fn query_numbers(values: &[f32]) -> String {
    values
        .iter()
        .map(|x| super::fmt_num(*x))
        .collect::<Vec<_>>()
        .join(",")
}

/// Parses [`query_numbers`]; any number that is not finite makes the whole list `None`.
pub fn parse_numbers(s: &str) -> Option<Vec<f32>> {
    s.split(',')
        .map(|x| x.parse::<f32>().ok().filter(|v| v.is_finite()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resize_keeps_what_fits() {
        let v = [1.0, 2.0, 3.0, 4.0];
        assert_eq!(
            resize_grid(&v, (2, 2), (1, 3), |_, _| 9.0),
            vec![1.0, 2.0, 9.0]
        );
        assert_eq!(
            resize_grid(&v, (2, 2), (3, 1), |r, _| r as f32),
            vec![1.0, 3.0, 2.0]
        );
    }

    #[test]
    fn grid_edits_keep_their_size() {
        let mut g = Grid::from_fn((2, 2), |r, c| (r * 2 + c) as f32);
        assert_eq!(g.values, vec![0.0, 1.0, 2.0, 3.0]);
        g.set((2, 2), 1, 0, 9.0);
        g.set((3, 3), 0, 0, 7.0);
        assert_eq!(
            g.values,
            vec![0.0, 1.0, 9.0, 3.0],
            "an edit for another size is dropped"
        );
        g.resize((1, 3), |_, _| 5.0);
        assert_eq!((g.size, g.values.clone()), ((1, 3), vec![0.0, 1.0, 5.0]));
        assert_eq!(g.array().dim(), (1, 1, 3));
        assert!(Grid::new((2, 2), vec![1.0]).is_none());
    }

    #[test]
    fn numbers_round_trip_and_refuse_non_finite() {
        assert_eq!(
            parse_numbers(&query_numbers(&[1.5, -2.0])),
            Some(vec![1.5, -2.0])
        );
        assert_eq!(parse_numbers("1,inf"), None);
        assert_eq!(parse_numbers("1,x"), None);
    }
}
