//! Browser plumbing, kept out of the components: same-origin fetches (also used by the training
//! worker), the page URL's query, IndexedDB storage, and the page–worker message wire.

pub mod fetch;
pub mod offline;
pub mod storage;
pub mod url;
pub mod wire;

pub use fetch::response_bytes;
