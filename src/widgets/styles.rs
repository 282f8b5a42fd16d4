//! Styles that travel with a chunk's views (the Connect dialog, the Edit panel, the policy
//! editor): added to the module's shadow root when such a view first opens, so that the first
//! load carries only the styles it paints.

use std::cell::RefCell;

use leptos::prelude::*;
use send_wrapper::SendWrapper;
use wasm_bindgen::JsValue;
use web_sys::{CssStyleSheet, ShadowRoot};

/// The shadow root the module renders in, provided by `mount`.
#[derive(Debug, Clone)]
pub struct ModuleRoot(pub SendWrapper<ShadowRoot>);

thread_local! {
    /// Each chunk stylesheet, parsed once for every module on the page.
    static SHEETS: RefCell<Vec<(&'static str, CssStyleSheet)>> = const { RefCell::new(Vec::new()) };
}

/// Adds `css` to the module's styles, once; a view that needs it calls this as it is made,
/// before it is on the page.
pub fn add_styles(css: &'static str) {
    let Some(ModuleRoot(root)) = use_context::<ModuleRoot>() else {
        return;
    };
    let Some(sheet) = SHEETS.with_borrow_mut(|sheets| {
        if let Some((_, sheet)) = sheets.iter().find(|(known, _)| std::ptr::eq(*known, css)) {
            return Some(sheet.clone());
        }
        let sheet = CssStyleSheet::new().ok()?;
        sheet.replace_sync(css).ok()?;
        sheets.push((css, sheet.clone()));
        Some(sheet)
    }) else {
        return;
    };
    let key = JsValue::from_str("adoptedStyleSheets");
    let Ok(adopted) = js_sys::Reflect::get(&root, &key) else {
        return;
    };
    let adopted = js_sys::Array::from(&adopted);
    if !adopted.includes(&sheet, 0) {
        adopted.push(&sheet);
        let _ = js_sys::Reflect::set(&root, &key, &adopted);
    }
}
