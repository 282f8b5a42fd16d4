//! Component tests of the Connect dialog's rules that need a browser's URL parser.
#![cfg(target_arch = "wasm32")]

use wasm_bindgen_test::*;
use xms_m365::is_allowed_sign_in_uri;

wasm_bindgen_test_configure!(run_in_browser);

const XMS: &str = "http://xms.lan:8080";

#[wasm_bindgen_test]
fn https_sign_in_pages_are_allowed() {
    assert!(is_allowed_sign_in_uri(
        "https://microsoft.com/devicelogin",
        XMS
    ));
    assert!(is_allowed_sign_in_uri(
        "https://login.microsoftonline.com/common/oauth2/deviceauth",
        XMS
    ));
}

#[wasm_bindgen_test]
fn xms_own_origin_is_allowed_even_over_http() {
    assert!(is_allowed_sign_in_uri(
        "http://xms.lan:8080/devicelogin",
        XMS
    ));
}

#[wasm_bindgen_test]
fn other_http_origins_scripts_and_garbage_are_refused() {
    assert!(!is_allowed_sign_in_uri(
        "http://xms.lan:9090/devicelogin",
        XMS
    ));
    assert!(!is_allowed_sign_in_uri(
        "http://login.example.net/devicelogin",
        XMS
    ));
    assert!(!is_allowed_sign_in_uri("javascript:alert(1)", XMS));
    assert!(!is_allowed_sign_in_uri("not a url", XMS));
}
