//! The terminal browser.

pub struct Options {
    pub lang: prosesser::i18n::Lang,
    pub mouse: bool,
}

pub fn run(handbook: prosesser::Handbook, options: Options) -> anyhow::Result<()> {
    let _ = (handbook, options.lang, options.mouse);
    anyhow::bail!("the browser is not built yet")
}
