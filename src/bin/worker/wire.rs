//! What the trainer and its helpers share: the helpers' name, and the digits every worker
//! fetches for itself. Their messages go through `convlab::web::wire`.

use convlab::data::Mnist;
use convlab::train::protocol::LoadError;
use convlab::web::response_bytes;
use web_sys::DedicatedWorkerGlobalScope;

/// The name a helper is started with.
pub const HELPER_NAME: &str = "helper";

/// The 10,000 digits, fetched from the app's own origin and decoded.
pub async fn fetch_digits(scope: &DedicatedWorkerGlobalScope) -> Result<Mnist, LoadError> {
    let bytes = response_bytes(scope.fetch_with_str("./public/mnist-10k.bin"))
        .await
        .map_err(LoadError::Fetch)?;
    Mnist::decode(&bytes).map_err(LoadError::Digits)
}
