//! Where am I in a long form: the list of sections (with how far each is) and the
//! previous / next bar at the bottom, within reach of a thumb.

mod section_list;
mod section_steps;
pub use section_list::SectionList;
pub use section_steps::SectionSteps;
