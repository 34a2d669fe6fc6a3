//! Issue 9 in the real browser, in tmux at 120x35: the people view on the
//! fixture site shows a person's team membership and how a value was read.

use super::site;
use crate::common::tmux::{self, Tmux};

#[test]
fn the_people_view_shows_ola_dahls_membership_in_plattform() {
    if !tmux::available("real-sites-people") {
        return;
    }
    let script = format!("{}; echo EXIT=$?; sleep 60", tmux::command(&[], &[&site()]));
    let t = Tmux::session("real-sites-people", 120, 35, &script, None);
    let screen = t.wait_for_all(&["> Portefølje", "9 av 9", "(3 sider med prosesser)"]);
    assert!(!screen.contains("Ny i avdelingen?"), "{screen}");
    t.key("p");
    t.wait_for_all(&[
        "Personer",
        "> Ingrid Solbakken",
        "Lederlaget (Avdelingsdirektør;",
    ]);
    // Ingrid, Kari, Liv, Mona, then Ola.
    t.keys(&["j", "j", "j", "j"]);
    let screen = t.wait_for_all(&[
        "> Ola Dahl ",
        "Team og roller",
        "• Plattform (Teamleder, Oslo)",
        "Slik er navnet lest",
        "team Plattform",
    ]);
    assert!(
        screen.contains("Skrevet som: «Ola Dahl·», «ola dahl», «Ola··Dahl»"),
        "{screen}"
    );
    let row = screen.lines().find(|l| l.contains("> Ola Dahl")).unwrap();
    assert!(row.contains(" 3 prosesser"), "{screen}");
    // Enter limits the cards to his.
    t.key("Enter");
    t.wait_for_all(&["3 av 9", "person: Ola Dahl", "> Behov", "Kvalitetsstyring"]);
    t.key("q");
    let screen = t.wait_for("EXIT=");
    assert!(screen.contains("EXIT=0"), "{screen}");
    t.assert_screen_restored();
}
