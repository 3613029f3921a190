//! Entry point of the playground page: mounts [`gosched_web::App`] on `<body>`.
fn main() {
    yew::Renderer::<gosched_web::App>::new().render();
}
