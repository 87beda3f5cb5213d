//! Installing the app on the device, as js/installed-app.js found this browser does it (it
//! keeps Chrome's install offer, which may come before the app has started).

/// How the app can be installed here.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum InstallWay {
    /// Running from the home screen already.
    Installed,
    /// The browser offers to install it: `ask_to_install` shows its dialog.
    Offered,
    /// An iPhone or iPad: the person adds it with Share, then "Add to Home Screen".
    AddToHomeScreen,
    /// No way this app knows of (no offer yet, or a browser that cannot install).
    Unavailable,
}

/// Event sent on `window` when the way changes (the offer came, or was used).
pub const INSTALL_CHANGED: &str = "ff-install-changed";

/// How the app can be installed here, now.
pub fn install_way() -> InstallWay {
    match super::root_attribute("data-install").as_deref() {
        Some("installed") => InstallWay::Installed,
        Some("offered") => InstallWay::Offered,
        Some("ios") => InstallWay::AddToHomeScreen,
        _ => InstallWay::Unavailable,
    }
}

/// Shows the browser's install dialog, where it offered one.
pub fn ask_to_install() {
    super::tell_page_script("ff-install");
}
