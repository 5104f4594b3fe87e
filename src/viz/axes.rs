//! The axes of the training charts (the Train section's loss and accuracy, the comparison of
//! kept runs): what range each shows and how its ticks read. The charts draw with plotters;
//! the ranges are decided here, once for both, so that a run with no points, one point, a flat
//! curve or a loss that stopped being a number still gets a chart with room to draw in.

use std::ops::Range;

/// The loss shown at most: a diverging run's first losses (or its spikes) would otherwise
/// flatten every later, interesting one against the bottom.
pub const LOSS_CEILING: f32 = 5.0;

/// The smallest top of a loss axis: a run that already learned still gets a readable scale.
const LOSS_FLOOR: f32 = 0.5;

/// The highest bottom of an accuracy axis (percent): from there up, the last points of a good
/// run are told apart.
const ACCURACY_BOTTOM: f32 = 90.0;

/// Room above the highest point, as a fraction of it, so a line is not drawn on the frame.
const HEADROOM: f32 = 0.05;

/// The fewest batches a batch axis spans: the first batches of a run are not stretched
/// across the whole chart.
const MIN_BATCHES: usize = 10;

/// The y range of a loss chart: 0 to the largest finite loss, at least 0.5 and at most
/// [`LOSS_CEILING`], with 5 % headroom. Losses that are not numbers are left out.
pub fn loss_range(losses: impl IntoIterator<Item = f32>) -> Range<f32> {
    let top = losses
        .into_iter()
        .filter(|l| l.is_finite())
        .fold(LOSS_FLOOR, f32::max)
        .min(LOSS_CEILING);
    0.0..top * (1.0 + HEADROOM)
}

/// The y range of an accuracy chart in percent: from the lowest accuracy (rounded down, at
/// most 90, at least 0) to 100. Accuracies that are not numbers are left out.
pub fn accuracy_range(accuracies: impl IntoIterator<Item = f32>) -> Range<f32> {
    let bottom = accuracies
        .into_iter()
        .filter(|a| a.is_finite())
        .fold(ACCURACY_BOTTOM, f32::min)
        .floor()
        .max(0.0);
    bottom..100.0
}

/// The x range of a chart over batches, the last one done being `last`: 0 to `last`, and at
/// least to 10.
pub fn batch_range(last: Option<usize>) -> Range<f32> {
    0.0..last.unwrap_or(0).max(MIN_BATCHES) as f32
}

/// The x range of a chart over epochs 1 ..= `epochs`: half an epoch either side of the first
/// and the last, so their points are not on the frame; at least two epochs wide.
pub fn epoch_range(epochs: usize) -> Range<f32> {
    0.5..epochs.max(2) as f32 + 0.5
}

/// The x range of a chart over time (seconds): 0 to the latest time, at least 1 s, with 5 %
/// headroom. Times that are not numbers are left out.
pub fn time_range(times: impl IntoIterator<Item = f32>) -> Range<f32> {
    let last = times
        .into_iter()
        .filter(|t| t.is_finite())
        .fold(1.0, f32::max);
    0.0..last * (1.0 + HEADROOM)
}

/// A tick's label on an axis of whole things (batches, epochs): the number when the tick falls
/// on one, nothing between them (there is no batch 2.5).
pub fn whole_tick(v: f32) -> String {
    if v.is_finite() && (v - v.round()).abs() < 1e-3 {
        format!("{}", v.round() as i64)
    } else {
        String::new()
    }
}

/// A tick's label on a continuous axis (seconds): the number as it is.
pub fn plain_tick(v: f32) -> String {
    format!("{v}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn loss_axis_has_room_with_no_points_one_point_or_a_flat_curve() {
        assert_eq!(loss_range([]), 0.0..0.525);
        assert_eq!(loss_range([2.0]), 0.0..2.1);
        assert_eq!(loss_range([0.1, 0.1, 0.1]), 0.0..0.525);
        assert_eq!(loss_range([0.8; 4]), 0.0..0.84);
    }

    #[test]
    fn loss_axis_skips_losses_that_are_not_numbers_and_caps_spikes() {
        assert_eq!(loss_range([1.0, f32::NAN, f32::INFINITY]), 0.0..1.05);
        assert_eq!(loss_range([f32::NAN]), 0.0..0.525);
        assert_eq!(loss_range([2.3, 40.0, 0.4]), 0.0..5.25);
    }

    #[test]
    fn accuracy_axis_starts_at_90_or_lower_on_a_whole_percent() {
        assert_eq!(accuracy_range([]), 90.0..100.0);
        assert_eq!(accuracy_range([97.3]), 90.0..100.0);
        assert_eq!(accuracy_range([98.0, 98.0]), 90.0..100.0);
        assert_eq!(accuracy_range([85.6, 97.0]), 85.0..100.0);
        assert_eq!(accuracy_range([f32::NAN, 95.0]), 90.0..100.0);
        assert_eq!(accuracy_range([-3.0]), 0.0..100.0);
    }

    #[test]
    fn batch_and_epoch_axes_span_whole_numbers() {
        assert_eq!(batch_range(None), 0.0..10.0);
        assert_eq!(batch_range(Some(1)), 0.0..10.0);
        assert_eq!(batch_range(Some(125)), 0.0..125.0);
        assert_eq!(epoch_range(0), 0.5..2.5);
        assert_eq!(epoch_range(1), 0.5..2.5);
        assert_eq!(epoch_range(5), 0.5..5.5);
    }

    #[test]
    fn time_axis_is_at_least_a_second() {
        assert_eq!(time_range([]), 0.0..1.05);
        assert_eq!(time_range([0.2]), 0.0..1.05);
        assert_eq!(time_range([3.0, 10.0, f32::NAN]), 0.0..10.5);
    }

    #[test]
    fn ticks_on_whole_axes_name_only_whole_numbers() {
        assert_eq!(whole_tick(0.0), "0");
        assert_eq!(whole_tick(-0.0), "0");
        assert_eq!(whole_tick(3.0), "3");
        assert_eq!(whole_tick(2.0004), "2");
        assert_eq!(whole_tick(2.5), "");
        assert_eq!(whole_tick(f32::NAN), "");
        assert_eq!(plain_tick(2.5), "2.5");
    }
}
