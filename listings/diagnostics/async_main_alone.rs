//! An `async fn main` with nothing to run its future.

async fn main() {
    println!("Hello from an async main");
}
