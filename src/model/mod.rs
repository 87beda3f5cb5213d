//! The pure model: schema, answers, conditions, validation, progress and the saved-document
//! envelope. Nothing here touches the browser, so all of it is tested natively.
pub mod by_month;
pub mod child;
pub mod dates;
pub mod def_reader;
pub mod definition;
pub mod differences;
pub mod document;
pub mod goal;
pub mod letter;
pub mod logic;
pub mod number;
pub mod progress;
pub mod reminders;
pub mod route;
pub mod schema;
pub mod sorting;
pub mod text;
pub mod time;
pub mod validate;
pub mod values;
