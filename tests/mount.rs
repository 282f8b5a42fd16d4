//! Component tests of the embedding interface: `mount(element, options)` as a host calls it.
#![cfg(target_arch = "wasm32")]

mod common;

use common::host;
use js_sys::{Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn options(pairs: &[(&str, &str)]) -> JsValue {
    let object = Object::new();
    for (key, value) in pairs {
        Reflect::set(&object, &(*key).into(), &(*value).into()).unwrap();
    }
    object.into()
}

fn valid_options() -> JsValue {
    // The test page is served at "/", so the module's base path is the root here.
    options(&[
        ("apiBaseUrl", "/api/v1"),
        ("token", "t0ken-for-tests"),
        ("basePath", "/"),
    ])
}

#[wasm_bindgen_test]
async fn renders_inside_a_shadow_root_with_its_own_styles() {
    let element = host();
    let _module = xms_m365::mount(element.clone(), valid_options()).unwrap();
    common::next_tick().await;
    let root = element
        .shadow_root()
        .expect("the module renders into a shadow root");
    let style = root
        .query_selector("style")
        .unwrap()
        .expect("styles inside the shadow root");
    assert!(style.text_content().unwrap().contains(".m365-button"));
    let heading = root.query_selector("h1").unwrap().unwrap();
    assert_eq!(heading.text_content().unwrap(), "Microsoft 365");
    // Nothing leaks into the host's light DOM.
    assert_eq!(element.child_element_count(), 0);
}

#[wasm_bindgen_test]
async fn stays_mounted_when_the_host_drops_its_handle_and_goes_on_unmount() {
    let element = host();
    drop(xms_m365::mount(element.clone(), valid_options()).unwrap());
    common::next_tick().await;
    let root = element.shadow_root().unwrap();
    assert!(
        root.query_selector("h1").unwrap().is_some(),
        "dropping the handle unmounted the module"
    );

    let module = xms_m365::mount(element.clone(), valid_options()).unwrap();
    common::next_tick().await;
    assert_eq!(
        root.query_selector_all("h1").unwrap().length(),
        1,
        "mounting again replaces"
    );
    module.unmount();
    assert_eq!(root.child_element_count(), 0);
}

#[wasm_bindgen_test]
fn refuses_options_without_a_token_with_a_message_for_the_integrator() {
    let error = xms_m365::mount(host(), options(&[("apiBaseUrl", "/api/v1"), ("token", "")]))
        .err()
        .expect("an empty token is refused");
    let message: js_sys::Error = JsValue::from(error).unchecked_into();
    assert!(String::from(message.message()).contains("token is empty"));

    let error = xms_m365::mount(host(), options(&[("token", "abc")]))
        .err()
        .expect("a missing apiBaseUrl is refused");
    let message: js_sys::Error = JsValue::from(error).unchecked_into();
    assert!(
        String::from(message.message()).contains("apiBaseUrl"),
        "{}",
        String::from(message.message())
    );
}
