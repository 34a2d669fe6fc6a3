//! Live reload of a site's templates and config, in the real browser in tmux
//! at 120x35: a copy of the fixture site, changed while the browser shows it.

use super::{site_copy, write};
use crate::common::tmux::{self, Tmux};
use std::path::Path;

/// The browser on `path`, showing the fixture's nine cards.
fn browser(name: &str, path: &Path) -> Option<Tmux> {
    if !tmux::available(name) {
        return None;
    }
    let script = format!(
        "{}; echo EXIT=$?; sleep 60",
        tmux::command(&[], &[path.to_str().unwrap()])
    );
    let t = Tmux::session(name, 120, 35, &script, None);
    t.wait_for_all(&["> Portefølje", "9 av 9"]);
    Some(t)
}

const NEW_PAGE: &str = "---
title: Nye prosesser
weight: 9
---

{{< prosesser/ny-kort title=\"Onboarding\" owner=\"Liv Aasen\" >}}
";

const NEW_TEMPLATE: &str = "<section class=\"ny\">
  <h3>{{ .Get \"title\" }}</h3>
  <p>{{ .Get \"owner\" }}</p>
</section>
";

#[test]
fn a_new_card_template_turns_calls_into_cards_without_a_restart() {
    let dir = site_copy();
    let site = dir.path();
    let Some(t) = browser("reload-template", site) else {
        return;
    };
    // A page calling a shortcode the site has no template for: Hugo's build
    // error, and no card.
    write(site, "content/prosesser/nytt/index.md", NEW_PAGE);
    let screen = t.wait_for_all(&["1 feil", "Filene er lest på nytt."]);
    assert!(screen.contains("9 av 9"), "{screen}");
    assert!(!screen.contains("Onboarding"), "{screen}");
    // The template comes, and nothing else changes: the call is a card now.
    write(
        site,
        "layouts/shortcodes/prosesser/ny-kort.html",
        NEW_TEMPLATE,
    );
    let screen = t.wait_for_all(&["10 av 10", "Nye prosesser", "Onboarding        Liv Aasen"]);
    assert!(!screen.contains("1 feil"), "{screen}");
    // Renamed, the template no longer serves the call.
    std::fs::rename(
        site.join("layouts/shortcodes/prosesser/ny-kort.html"),
        site.join("layouts/shortcodes/prosesser/nytt-kort.html"),
    )
    .unwrap();
    let screen = t.wait_until("the card to go", |s| {
        s.contains("9 av 9") && s.contains("1 feil")
    });
    assert!(!screen.contains("Onboarding"), "{screen}");
    t.key("q");
    t.wait_for("EXIT=0");
}

#[test]
fn a_config_naming_a_theme_brings_its_card_templates_even_when_only_content_is_open() {
    let dir = site_copy();
    let site = dir.path();
    write(
        site,
        "themes/tema/layouts/shortcodes/prosesser/tema-kort.html",
        NEW_TEMPLATE,
    );
    write(
        site,
        "content/prosesser/tema/index.md",
        &NEW_PAGE
            .replace("Nye prosesser", "Temaprosesser")
            .replace("ny-kort", "tema-kort")
            .replace("Onboarding", "Temaarbeid"),
    );
    // Only a folder of the content is open: the config and the themes are
    // outside it, and still watched.
    let Some(t) = browser("reload-config", &site.join("content/prosesser")) else {
        return;
    };
    let screen = t.wait_for("1 feil");
    assert!(!screen.contains("Temaarbeid"), "{screen}");
    let config = std::fs::read_to_string(site.join("hugo.toml")).unwrap();
    std::fs::write(site.join("hugo.toml"), format!("theme = 'tema'\n{config}")).unwrap();
    let screen = t.wait_for_all(&["10 av 10", "Temaprosesser", "Temaarbeid        Liv Aasen"]);
    assert!(!screen.contains("1 feil"), "{screen}");
    // The theme named now is watched: its template stops being a card.
    write(
        site,
        "themes/tema/layouts/shortcodes/prosesser/tema-kort.html",
        "<a href=\"{{ .Get \"url\" }}\">{{ .Get \"title\" }}</a>\n",
    );
    let screen = t.wait_for("9 av 9");
    assert!(!screen.contains("Temaarbeid"), "{screen}");
    // And the config going back to no theme is seen too.
    std::fs::write(site.join("hugo.toml"), &config).unwrap();
    t.wait_for("1 feil");
    // Without a config the folder is in no site: no template is known, and
    // nothing is Hugo's error.
    std::fs::remove_file(site.join("hugo.toml")).unwrap();
    t.wait_until("the error to go", |s| {
        s.contains("9 av 9") && !s.contains("1 feil")
    });
    // The config written again is seen: the site was watched on.
    std::fs::write(site.join("hugo.toml"), &config).unwrap();
    t.wait_for("1 feil");
    t.key("q");
    t.wait_for("EXIT=0");
}
