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
    // Adopted, not a <style> element: a strict CSP allows it.
    let sheets: js_sys::Array = Reflect::get(&root, &"adoptedStyleSheets".into())
        .unwrap()
        .unchecked_into();
    assert_eq!(sheets.length(), 1);
    let sheet: web_sys::CssStyleSheet = sheets.get(0).unchecked_into();
    let rules = sheet.css_rules().unwrap();
    let texts: Vec<String> = (0..rules.length())
        .filter_map(|i| rules.item(i))
        .map(|rule| rule.css_text())
        .collect();
    assert!(
        texts.iter().any(|t| t.starts_with(".m365-button")),
        "{texts:?}"
    );
    assert!(root.query_selector("style").unwrap().is_none());
    let container = root.query_selector(".m365").unwrap().unwrap();
    assert_eq!(
        container.get_attribute("data-theme").as_deref(),
        Some("light")
    );
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
        .expect("a missing apiBase is refused");
    let message: js_sys::Error = JsValue::from(error).unchecked_into();
    assert!(
        String::from(message.message()).contains("apiBase"),
        "{}",
        String::from(message.message())
    );

    let both = options(&[("apiBase", "/api/v1"), ("token", "abc")]);
    let csrf = options(&[("header", "X-CSRF-Token"), ("token", "xyz")]);
    Reflect::set(&both, &"csrf".into(), &csrf).unwrap();
    let error = xms_m365::mount(host(), both)
        .err()
        .expect("two ways of signing in are refused");
    let message: js_sys::Error = JsValue::from(error).unchecked_into();
    assert!(String::from(message.message()).contains("exactly one of token"));
}

#[wasm_bindgen_test]
async fn takes_a_token_function_a_theme_and_tells_the_host_where_it_is() {
    let element = host();
    let navigations = std::rc::Rc::new(std::cell::RefCell::new(Vec::<JsValue>::new()));
    let seen = navigations.clone();
    let listener = wasm_bindgen::closure::Closure::<dyn Fn(web_sys::CustomEvent)>::new(
        move |event: web_sys::CustomEvent| seen.borrow_mut().push(event.detail()),
    );
    element
        .add_event_listener_with_callback("xms-m365:navigate", listener.as_ref().unchecked_ref())
        .unwrap();
    let options = options(&[("apiBase", "/api/v1"), ("basePath", "/"), ("theme", "dark")]);
    let get_token = js_sys::Function::new_no_args("return 'fresh-token';");
    Reflect::set(&options, &"getToken".into(), &get_token).unwrap();
    let module = xms_m365::mount(element.clone(), options).unwrap();
    common::next_tick().await;
    let root = element.shadow_root().unwrap();
    let container = root.query_selector(".m365").unwrap().unwrap();
    assert_eq!(
        container.get_attribute("data-theme").as_deref(),
        Some("dark")
    );
    let detail = navigations
        .borrow()
        .first()
        .cloned()
        .expect("a navigate event");
    let title = Reflect::get(&detail, &"title".into()).unwrap();
    assert_eq!(title.as_string().as_deref(), Some("Microsoft 365"));
    module.unmount();
}

/// Replaces `window.fetch` with one that records each request's URL and `Authorization` header
/// (in `window.__requests`) and answers an empty organization list; returns the real one.
fn record_requests() -> JsValue {
    let window = web_sys::window().unwrap();
    let real = Reflect::get(&window, &"fetch".into()).unwrap();
    let fake = js_sys::Function::new_with_args(
        "input, init",
        "const request = new Request(input, init);
         window.__requests.push([request.url, request.headers.get('Authorization')]);
         return Promise.resolve(new Response('{\"organizations\":[]}',
             {headers: {'Content-Type': 'application/json'}}));",
    );
    Reflect::set(&window, &"__requests".into(), &js_sys::Array::new()).unwrap();
    Reflect::set(&window, &"fetch".into(), &fake).unwrap();
    real
}

#[wasm_bindgen_test]
async fn get_token_is_asked_for_each_request_and_its_token_sent_with_it() {
    let real_fetch = record_requests();
    // Each call hands out a new token, as a host refreshing short-lived tokens would.
    let get_token = js_sys::Function::new_no_args(
        "window.__tokens = (window.__tokens || 0) + 1; return 'token-' + window.__tokens;",
    );
    let options = options(&[("apiBase", "/api/v1"), ("basePath", "/")]);
    Reflect::set(&options, &"getToken".into(), &get_token).unwrap();
    let module = xms_m365::mount(host(), options).unwrap();
    for _ in 0..5 {
        common::next_tick().await;
    }
    let window = web_sys::window().unwrap();
    Reflect::set(&window, &"fetch".into(), &real_fetch).unwrap();
    let requests: js_sys::Array = Reflect::get(&window, &"__requests".into())
        .unwrap()
        .unchecked_into();
    let tokens = Reflect::get(&window, &"__tokens".into())
        .unwrap()
        .as_f64()
        .unwrap_or(0.0);
    // Modules of earlier tests may still be asking with their own tokens: only this one's count.
    let sent: Vec<(String, String)> = requests
        .iter()
        .map(|pair| {
            let pair: js_sys::Array = pair.unchecked_into();
            (
                pair.get(0).as_string().unwrap(),
                pair.get(1).as_string().unwrap_or_default(),
            )
        })
        .filter(|(_, header)| header.starts_with("Bearer token-"))
        .collect();
    assert!(
        sent.iter()
            .any(|(url, _)| url.ends_with("/api/v1/m365/organizations")),
        "the list was asked for: {sent:?}"
    );
    // One token per request, each sent with the request it was asked for.
    assert_eq!(tokens as usize, sent.len(), "{sent:?}");
    let mut headers: Vec<&str> = sent.iter().map(|(_, header)| header.as_str()).collect();
    headers.sort_unstable();
    let mut expected: Vec<String> = (1..=sent.len())
        .map(|n| format!("Bearer token-{n}"))
        .collect();
    expected.sort_unstable();
    assert_eq!(headers, expected);
    module.unmount();
}

#[wasm_bindgen_test]
async fn the_custom_element_mounts_when_added_and_unmounts_when_removed() {
    // The test harness does not run the module's start function as a page load does.
    xms_m365::start();
    let document = web_sys::window().unwrap().document().unwrap();
    let element: web_sys::HtmlElement = document
        .create_element("xms-m365")
        .unwrap()
        .unchecked_into();
    element.set_attribute("api-base", "/api/v1").unwrap();
    element.set_attribute("token", "t0ken").unwrap();
    element.set_attribute("base-path", "/").unwrap();
    document.body().unwrap().append_child(&element).unwrap();
    common::next_tick().await;
    let root = element.shadow_root().expect("mounted on connect");
    assert!(root.query_selector("h1").unwrap().is_some());
    element.remove();
    assert_eq!(root.child_element_count(), 0, "unmounted on disconnect");
}
