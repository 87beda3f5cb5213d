//! Family Forms: forms that make a family–school partnership work, filled in the browser and
//! kept on the device.
//!
//! `model`, `forms`, `storage` and `export` are pure and tested natively; `web` and `ui` are the
//! browser side.
pub mod export;
pub mod forms;
pub mod model;
pub mod storage;
pub mod ui;
pub mod web;
