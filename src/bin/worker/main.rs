//! The training worker (trunk builds it as a Web Worker). It owns the model while the page shows
//! it: it loads the digits, trains one batch per turn of its event loop (so a Pause that arrives
//! is read before the next batch), evaluates after every epoch and reports through
//! [`convlab::train::protocol`] messages.
//!
//! On a machine with more than one core it starts helpers: the same script, named "helper",
//! each computing the gradients of a share of every batch while the trainer computes its own.
//! `?helpers=N` on the script's URL sets how many (0 trains alone).

#[cfg(target_arch = "wasm32")]
mod helper;
#[cfg(target_arch = "wasm32")]
mod trainer;
#[cfg(target_arch = "wasm32")]
mod wire;

fn main() {
    #[cfg(target_arch = "wasm32")]
    trainer::start();
}
