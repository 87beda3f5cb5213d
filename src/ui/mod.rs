//! Leptos components. One component per file; cross-cutting state through `context`.
pub mod app;
pub mod booklet_view;
pub mod check_panel;
pub mod context;
pub mod export_actions;
pub mod field;
pub mod fields;
pub mod form_page;
pub mod header;
pub mod home_page;
pub mod open_received;
pub mod progress_bar;
pub mod received_page;
pub mod section_nav;
pub mod settings_page;
pub mod translate;
pub mod update_banner;
