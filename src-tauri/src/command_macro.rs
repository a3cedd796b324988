//! `tauri_commands!`: from one declaration per command, the `#[tauri::command]` function (taking the
//! session from Tauri's state) and `specta_builder()`, the command list that the invoke handler
//! and the TypeScript bindings are made from.

/// See the module docs; used once, in `commands.rs`.
macro_rules! tauri_commands {
    ($(
        $(#[doc = $doc:expr])*
        $kind:ident $name:ident ($($p:ident : $t:ty),* $(,)?) -> $ret:ty = |$v:ident| $body:expr;
    )*) => {
        $( tauri_commands!(@one $kind $name ($($p : $t),*) -> $ret = |$v| $body); )*

        /// The command list and the TypeScript bindings generated from it.
        pub fn specta_builder() -> tauri_specta::Builder<tauri::Wry> {
            tauri_specta::Builder::<tauri::Wry>::new()
                .commands(tauri_specta::collect_commands![$($name),*])
        }
    };
    (@one app $name:ident ($($p:ident : $t:ty),*) -> $ret:ty = |$v:ident| $body:expr) => {
        #[tauri::command]
        #[specta::specta]
        pub async fn $name(
            s: tauri::State<'_, $crate::session::Session>,
            $($p: $t),*
        ) -> Result<$ret, frontdesk_app::AppError> {
            s.with_app(async |$v| $body).await
        }
    };
    (@one session $name:ident ($($p:ident : $t:ty),*) -> $ret:ty = |$v:ident| $body:expr) => {
        #[tauri::command]
        #[specta::specta]
        pub async fn $name(
            $v: tauri::State<'_, $crate::session::Session>,
            $($p: $t),*
        ) -> Result<$ret, frontdesk_app::AppError> {
            $body
        }
    };
}
