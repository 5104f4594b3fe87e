//! Browser plumbing, kept out of the components: same-origin fetches (also used by the training
//! worker), the page URL's query, and IndexedDB storage.

pub mod fetch;
pub mod storage;
pub mod url;

pub use fetch::response_bytes;
