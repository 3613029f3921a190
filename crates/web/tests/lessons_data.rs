//! Compile-checks the lesson table natively and runs its own tests, without the page
//! (crates/web/src/lessons is not wired into the app yet).

#[allow(dead_code)]
#[path = "../src/lessons/data.rs"]
mod data;

#[test]
fn the_table_lists_six_lessons() {
    let ids: Vec<&str> = data::LESSONS.iter().map(|l| l.id).collect();
    assert_eq!(
        ids,
        [
            "concurrency-parallelism",
            "race-condition",
            "memory",
            "preemption",
            "scheduler",
            "channels"
        ]
    );
}
