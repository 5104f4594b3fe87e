//! Direct, loop-by-loop definitions of convolution and max pooling. Slow and obviously right:
//! the oracle the fast im2col/GEMM kernels are tested against.

use super::shape::Window;
use ndarray::{Array1, Array4};

fn tap(o: usize, k: usize, s: usize, d: usize, p: usize, len: usize) -> Option<usize> {
    let i = (o * s + k * d) as isize - p as isize;
    (0..len as isize).contains(&i).then_some(i as usize)
}

/// `y[n,o,oy,ox] = b[o] + Σ_c Σ_i Σ_j w[o,c,i,j] · x[n, c, oy·sH + i·dH − pH, ox·sW + j·dW − pW]`
/// (terms that fall in the zero padding are skipped).
pub fn conv2d(
    x: &Array4<f32>,
    w: &Array4<f32>,
    b: Option<&Array1<f32>>,
    win: &Window,
) -> Array4<f32> {
    let (n, c, h, wd) = x.dim();
    let (o, _, kh, kw) = w.dim();
    let (oh, ow) = win.output_size(h, wd).expect("valid window");
    Array4::from_shape_fn((n, o, oh, ow), |(s, f, oy, ox)| {
        let mut acc = b.map_or(0.0, |b| b[f]);
        for ci in 0..c {
            for i in 0..kh {
                for j in 0..kw {
                    let y = tap(oy, i, win.stride.0, win.dilation.0, win.padding.0, h);
                    let xx = tap(ox, j, win.stride.1, win.dilation.1, win.padding.1, wd);
                    if let (Some(y), Some(xx)) = (y, xx) {
                        acc += w[[f, ci, i, j]] * x[[s, ci, y, xx]];
                    }
                }
            }
        }
        acc
    })
}

/// Gradients of [`conv2d`] for an upstream gradient `gy`: `(dx, dw, db)`.
pub fn conv2d_backward(
    x: &Array4<f32>,
    w: &Array4<f32>,
    gy: &Array4<f32>,
    win: &Window,
) -> (Array4<f32>, Array4<f32>, Array1<f32>) {
    let (n, c, h, wd) = x.dim();
    let (o, _, kh, kw) = w.dim();
    let (_, _, oh, ow) = gy.dim();
    let mut dx = Array4::zeros(x.dim());
    let mut dw = Array4::zeros(w.dim());
    let mut db = Array1::zeros(o);
    for s in 0..n {
        for f in 0..o {
            for oy in 0..oh {
                for ox in 0..ow {
                    let g = gy[[s, f, oy, ox]];
                    db[f] += g;
                    for ci in 0..c {
                        for i in 0..kh {
                            for j in 0..kw {
                                let y = tap(oy, i, win.stride.0, win.dilation.0, win.padding.0, h);
                                let xx =
                                    tap(ox, j, win.stride.1, win.dilation.1, win.padding.1, wd);
                                if let (Some(y), Some(xx)) = (y, xx) {
                                    dw[[f, ci, i, j]] += g * x[[s, ci, y, xx]];
                                    dx[[s, ci, y, xx]] += g * w[[f, ci, i, j]];
                                }
                            }
                        }
                    }
                }
            }
        }
    }
    (dx, dw, db)
}

/// `y[n,c,oy,ox] = max over the window of x`, padding counting as −∞.
pub fn max_pool2d(x: &Array4<f32>, win: &Window) -> Array4<f32> {
    let (n, c, h, wd) = x.dim();
    let (oh, ow) = win.output_size(h, wd).expect("valid window");
    Array4::from_shape_fn((n, c, oh, ow), |(s, ch, oy, ox)| {
        let mut m = f32::NEG_INFINITY;
        for i in 0..win.kernel.0 {
            for j in 0..win.kernel.1 {
                let y = tap(oy, i, win.stride.0, win.dilation.0, win.padding.0, h);
                let xx = tap(ox, j, win.stride.1, win.dilation.1, win.padding.1, wd);
                if let (Some(y), Some(xx)) = (y, xx) {
                    m = m.max(x[[s, ch, y, xx]]);
                }
            }
        }
        m
    })
}
